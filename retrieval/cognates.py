"""English words of an English query read as their Italian cognates in the index's own vocabulary: the corpus is
Italian, and most of the field's Latinate words cross with a regular change of ending ("collaboration" ->
"collaborazione", "mediator" -> "mediatore", "municipality" -> "municipalità", "psychologist" -> "psicologo",
"deposit" -> "deposito", "contracts" -> "contratti", "regularised" -> "regolarizzati"). The rules are the
language's, not the corpus's: no word list is written here, and a word the index does not have after the change
is left alone."""

from __future__ import annotations

import re

from retrieval.spelling import Vocabulary, typo_distance

MIN_LENGTH = 6  # shorter English words cross too loosely ("team", "rent")
# English ending -> Italian ending, longest first; one applies per word.
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isations", "izzazioni"),
    ("isation", "izzazione"),
    ("izations", "izzazioni"),
    ("ization", "izzazione"),
    ("ologists", "ologi"),
    ("ologist", "ologo"),
    ("ations", "azioni"),
    ("ation", "azione"),
    ("tions", "zioni"),
    ("tion", "zione"),
    ("sions", "sioni"),
    ("sion", "sione"),
    ("ities", "ita"),
    ("ity", "ita"),
    ("ical", "ico"),
    ("ists", "isti"),
    ("ist", "ista"),
    ("ances", "anze"),
    ("ance", "anza"),
    ("ences", "enze"),
    ("ence", "enza"),
    ("ments", "menti"),
    ("ment", "mento"),
    ("ous", "oso"),
    ("ives", "ivi"),
    ("ive", "ivo"),
    ("aries", "ari"),
    ("ary", "ario"),
    ("ories", "ori"),
    ("ory", "orio"),
    ("ators", "atori"),
    ("ator", "atore"),
    ("ised", "izzati"),
    ("ized", "izzati"),
    ("ated", "ati"),
    ("ors", "ori"),
    ("or", "ore"),
    ("ents", "enti"),
    ("ent", "ente"),
    ("ures", "ure"),
    ("ure", "ura"),
    ("ices", "izi"),
    ("ice", "izio"),
    ("tres", "tri"),
    ("tre", "tro"),
    ("isms", "ismi"),
    ("ism", "ismo"),
    ("ibles", "ibili"),
    ("ible", "ibile"),
    ("ables", "abili"),
    ("able", "abile"),
    ("ency", "enzia"),
    ("ancy", "anzia"),
    ("als", "ali"),
    ("al", "ale"),
    ("ic", "ico"),
)
# Spellings English keeps from Greek and Latin that Italian simplified.
LETTERS: tuple[tuple[str, str], ...] = (("ph", "f"), ("th", "t"), ("ch", "c"), ("y", "i"), ("k", "c"), ("ct", "tt"))
_VOWEL_END = re.compile(r"[aeiou]+$")


def italianised(word: str) -> tuple[str, bool]:
    """The word with its English ending and spellings changed to the Italian ones, and whether an ending changed."""
    changed = False
    for english, italian in SUFFIXES:
        if word.endswith(english) and len(word) - len(english) >= 3:
            word, changed = word[: -len(english)] + italian, True
            break
    for english, italian in LETTERS:
        word = word.replace(english, italian)
    return word, changed


def cognate(word: str, vocabulary: Vocabulary) -> str | None:
    """The index's Italian word for an English (folded) word, or None. With a regular ending changed, the index's
    word may differ by a doubled letter or one more edit ("comunita" for "communita"); without, only by a final
    vowel Italian adds ("deposit" -> "deposito")."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    form, changed = italianised(word)
    if form != word and form in vocabulary and _VOWEL_END.search(form):
        return form
    if changed:
        fix = vocabulary.correct(form)
        if (
            fix is not None
            and fix.correct[:2] == form[:2]
            and _VOWEL_END.search(fix.correct)  # an Italian word ("municipality" is the English one)
            and typo_distance(form, fix.correct, 1) <= 1
        ):
            return fix.correct
        return None
    for vowel in "oeia":
        if form + vowel in vocabulary:
            return form + vowel
    if form.endswith("s") and not form.endswith("ss"):  # an English plural: the Italian one ends in -i or -e
        for vowel in "ie":
            if form[:-1] + vowel in vocabulary:
                return form[:-1] + vowel
    return None
