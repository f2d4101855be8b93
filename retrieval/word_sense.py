"""A word that is a noun and also an adjective of another sense, read by its place in the query: "spazi comuni",
"sala comune" (common) against "i comuni", "comuni della Puglia" (municipalities). The adjective takes no
alternative of the thesaurus or of the model (`Concept.literal` in retrieval/analysis.py)."""

from __future__ import annotations

import re
from collections.abc import Container

from retrieval.language import FUNCTION_WORDS, ITALIAN

# Italian words that are a noun and also an adjective of another sense, by the number the adjective agrees in:
# "i comuni", "comuni della Puglia" are municipalities, "spazi comuni", "parti comuni" common spaces and parts.
_NOUN_OR_ADJECTIVE = {"comuni": "plural", "comune": "singular"}
# a noun's ending in each number (Italian: "spazi", "aree"; "spazio", "casa", "parte")
_NOUN_ENDING = {"plural": ("i", "e"), "singular": ("o", "a", "e")}
# words that come before the noun they qualify or count ("altri comuni", "diversi comuni", "tre comuni"): after
# them the word is still the noun (articles, prepositions and question words are the stop and function words)
_BEFORE_A_NOUN = frozenset(
    re.findall(
        r"\S+",
        """alcuni alcune altri altre diversi diverse vari varie numerosi numerose pochi poche tanti tante molti molte
    piccoli piccole grandi medi medie nuovi nuove singoli singole principali primi prime ultimi ultime nostri
    nostre vostri vostre propri proprie stessi stesse tutti tutte certi certe parecchi parecchie ogni ciascun
    ciascuno nessun nessuno altro altra piccolo piccola grande medio media nuovo nuova singolo singola primo
    prima ultimo ultima nostro nostra vostro vostra proprio propria stesso stessa certo certa questo questa
    quello quella quel due tre quattro cinque sei sette otto nove dieci undici dodici quindici venti trenta
    quaranta cinquanta cento mille""",
    )
)


def adjective_after_a_noun(core: str, start: int, end: int, stop: Container[str]) -> bool:
    """Whether the word at core[start:end] is one of `_NOUN_OR_ADJECTIVE` read as the adjective: right after
    (one space) a noun of its number, not after an article, preposition, question word, number or a word that
    comes before its noun ("spazi comuni", "cucine comuni", "bene comune"; not "i comuni", "quali comuni",
    "altri comuni", "3 comuni")."""
    number = _NOUN_OR_ADJECTIVE.get(core[start:end])
    if number is None or not core[:start].endswith(" "):
        return False
    before = re.search(r"(\w+)$", core[: start - 1])
    if before is None or core[before.start() - 1 : before.start()] in ("'", "’"):  # "dell'altro comune"
        return False
    word = before.group(1)
    if word in stop or word in ITALIAN or word in FUNCTION_WORDS or word in _BEFORE_A_NOUN or not word.isalpha():
        return False
    return len(word) > 2 and word.endswith(_NOUN_ENDING[number])
