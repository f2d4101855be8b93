"""Which comuni a query names: the gazetteer's mentions, with what it cannot know alone, the index's own cities
(a comune named like a word written with a capital, "Paola borgo accogliente"; one written in lower case,
"sportello sarzana"; one called by its first word, "Cividale") and the index's words (a typo'd city that is
closer to a word the documents use, "in tranzito", is that word). Read by retrieval/analysis.QueryAnalyzer."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from functools import lru_cache

from lgnet.gazetteer import Gazetteer, Mention
from lgnet.text import fold
from retrieval.dictionary import is_word, language_words
from retrieval.language import ENGLISH, ITALIAN
from retrieval.spelling import Vocabulary, edit_distance


def city_mentions(
    gazetteer: Gazetteer,
    text: str,
    vocabulary: Callable[[], Vocabulary] | None = None,
    known_cities: Container[str] = (),
) -> list[Mention]:
    """The cities `text` names, in the gazetteer's reading and the index's (`known_cities`: the comuni the index
    has documents about; `vocabulary`: its words, called only when a typo'd city is to be checked)."""
    # A word the documents use is not a misspelt city ("in transito" is not Taranto): not even looked up as one (a
    # never-seen word's lookup costs ~30 us). The language's word lists would say too much: "turino" is a form of
    # "turare", and "a turino" is Torino.
    words = vocabulary().freq if vocabulary is not None else {}
    mentions = [
        m
        for m in gazetteer.query_mentions(text, not_typos=words)
        if m.evidence != "typo" or vocabulary is None or not _a_word_is_closer(m, vocabulary())
    ]
    mentions += _named_cities(gazetteer, text, mentions, known_cities)
    mentions += _lower_case_cities(gazetteer, text, mentions, known_cities)
    mentions += _short_names(gazetteer, text, mentions, known_cities)
    return mentions


def _named_cities(gazetteer: Gazetteer, text: str, found: list[Mention], known_cities: Container[str]) -> list[Mention]:
    """Cities whose name is also a word ("Bra", "Paola", "Prato"), written with a capital, that the index has
    documents about: the gazetteer wants "a", "di" before them, but "Santuario di Paola" and "Paola borgo
    accogliente" name the place. Not the first word of a sentence-like query ("Vita quotidiana dei
    migranti"), where the capital says nothing."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]
    keywords_only = not any(fold(text[a:b]) in ITALIAN or fold(text[a:b]) in ENGLISH for a, b in words)
    out = []
    for i, (start, end) in enumerate(words):
        written = text[start:end]
        if not written[0].isupper() or (i == 0 and not keywords_only):
            continue
        if any(m.start <= start < m.end for m in found):
            continue
        if _inside_a_name(text, words, i, found):  # "Tor Bella Monaca" is a neighbourhood, not Bella
            continue
        if _OF_A_NAME.match(text, end):  # "progetto Ponte del Diavolo": a project's name, not Ponte
            continue
        city = gazetteer.get(written)
        if city is not None and city.common_word and city.name in known_cities:
            out.append(Mention(city, start, end, written, "capital"))
    return out


def _lower_case_cities(
    gazetteer: Gazetteer, text: str, found: list[Mention], known_cities: Container[str]
) -> list[Mention]:
    """Cities written in lower case ("sportello sarzana"): the gazetteer takes only the well-known ones so,
    but a comune the index has documents about, whose name is no word, is the city asked about in any
    case, as a corrected typo is ("ventimilia" -> "ventimiglia")."""
    out: list[Mention] = []
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]
    for i, (start, _) in enumerate(words):
        if any(f.start <= start < f.end for f in [*found, *out]):
            continue
        for n in range(min(3, len(words) - i), 0, -1):  # the longest name first: "reggio emilia"
            end = words[i + n - 1][1]
            written = text[start:end]
            if not written.islower():
                continue
            city = gazetteer.get(written)
            if city is not None and not city.common_word and city.name in known_cities:
                out.append(Mention(city, start, end, written, "lower case"))
                break
    return out


def _short_names(gazetteer: Gazetteer, text: str, found: list[Mention], known_cities: Container[str]) -> list[Mention]:
    """A comune of several words called by its first ("Cividale" for Cividale del Friuli, "Civitanova" for
    Civitanova Marche), as people say it: the index has documents about it and about no other comune that
    name starts, and the word is no comune of its own. A word of the language ("Gravina", "Casale") only
    written with a capital and not opening the query, as `_named_cities` reads a comune named like a word."""
    cities = frozenset(map(str, known_cities)) if isinstance(known_cities, Iterable) else frozenset()
    by_first = _by_first_word(cities)
    if not by_first:
        return []
    out: list[Mention] = []
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]
    keywords_only = not any(fold(text[a:b]) in ITALIAN or fold(text[a:b]) in ENGLISH for a, b in words)
    for i, (start, end) in enumerate(words):
        word = fold(text[start:end])
        names = by_first.get(word)
        if not names or len(names) > 1 or any(m.start <= start < m.end for m in found):
            continue
        if gazetteer.get(text[start:end]) is not None:  # a comune of its own: "Torino" (di Sangro)
            continue
        if word in ITALIAN or word in ENGLISH or is_word(word) or is_word(text[start:end].lower()):
            if not text[start].isupper() or (i == 0 and not keywords_only) or _OF_A_NAME.match(text, end):
                continue
            if i + 1 < len(words) and text[end : words[i + 1][0]] == " " and text[words[i + 1][0]].isupper():
                continue  # "Città Solidale", "Città Bianca": a name of its own
        city = gazetteer.get(names[0])
        if city is not None:
            out.append(Mention(city, start, end, text[start:end], "short name"))
    return out


@lru_cache(maxsize=8)
def _by_first_word(names: frozenset[str]) -> dict[str, list[str]]:
    """The comuni of several words among `names` by their first word (folded, 4 letters or more): read once per
    index's set of cities, not on every query (a real index may name thousands of comuni)."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        first = re.match(r"[^\W\d_]+", fold(name))
        if first and len(first.group(0)) >= 4 and first.group(0) != fold(name):
            by_first.setdefault(first.group(0), []).append(name)
    return by_first


# After a capitalised word, "del Diavolo", "della Pace", "di San Rocco": the word opens a longer name.
_OF_A_NAME = re.compile(r"\s+(?:d[ei]|del|dell[aeo]?|degli|dei)(?:\s+|['’])[A-Z]")


def _inside_a_name(text: str, words: list[tuple[int, int]], i: int, found: list[Mention]) -> bool:
    """Whether word i stands between two capitalised words, a space apart, neither a city named: one longer name
    ("Tor Bella Monaca", "Villa Bella Vista"), not the comune of the middle word."""
    if i == 0 or i + 1 == len(words):
        return False
    around = (words[i - 1], words[i + 1])
    if any(text[a:b][0].islower() or any(m.start <= a < m.end for m in found) for a, b in around):
        return False
    return text[words[i - 1][1] : words[i][0]] == " " and text[words[i][1] : words[i + 1][0]] == " "


def _a_word_is_closer(mention: Mention, vocabulary: Vocabulary) -> bool:
    """A typo'd city whose written word is an index word, or is closer to one than to the city ("in tranzito"
    is "in transito", not Taranto): the user misspelt the word."""
    word = fold(mention.form)
    if word in vocabulary:
        return True
    fix = vocabulary.correct(word, language_words())
    return fix is not None and fix.distance < edit_distance(word, fold(mention.city.name), len(word))
