"""Figure questions: what they ask a number of ("quante famiglie", "how many participants", "quanto costa"), and
whether a sentence gives a number of that: a number right before a word of the asked unit ("46 famiglie", "Sono
180 le persone seguite"), or beside a currency for an amount of money ("€ 40.000,00", "240.000 euro").

A figure question's sentences with any number were preferred; the sentence that answers is the one with a
number of what was asked ("530 persone seguite" does not say how many families left overcrowded homes). The
units are data (lgnet/data/figure_units.json): the words of a count of persons and of an amount of money.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lgnet.text import fold
from retrieval.analysis import get_analyzer
from retrieval.thesaurus import Thesaurus

_ASKED = re.compile(r"\b(?:quant[ieao]|how many|numero (?:di|dei|degli|delle)|number of)\s+(\w+)")
_MONEY_ASKED = re.compile(r"\b(?:quant[oa]|how much|what)\b")
_TENS = "venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta"
_UNITS = "uno|una|due|tre|quattro|cinque|sei|sette|otto|nove"
_WORDS = (
    rf"(?:(?:{_UNITS}|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|"
    rf"{_TENS}|cento|mille|mila)(?:{_TENS}|cento|mila|{_UNITS})*)"
)
_NUMBER = re.compile(rf"(?<![\w.,])(?:\d[\d.,]*\d|\d|{_WORDS}|€)(?![\w])", re.I)
_WORD = re.compile(r"[\w€]+")
NEAR = 3  # words after the number (or before it, for a currency) that may name the unit


@dataclass(frozen=True)
class Units:
    people: frozenset[str]
    persons: frozenset[str]
    money: frozenset[str]
    currency: frozenset[str]


@lru_cache(maxsize=1)
def _units() -> Units:
    data = json.loads(resources.files("lgnet").joinpath("data/figure_units.json").read_text("utf-8"))
    return Units(*(frozenset(fold(w) for w in data[k]) for k in ("people", "persons", "money", "currency")))


def _stems(words: frozenset[str] | set[str]) -> frozenset[str]:
    analyzer = get_analyzer()
    return frozenset(s for w in words for s in analyzer.word_stems(w)) | frozenset(w for w in words if w == "€")


@lru_cache(maxsize=4096)
def asked_unit(query: str) -> frozenset[str]:
    """The stems of the words a number of the asked unit is written with (empty: no unit asked). The noun after
    "quanti"/"how many" with its thesaurus alternatives ("famiglie": "nuclei"), any person for a count of people
    ("quante persone"), a currency for money ("quanto costa")."""
    folded = fold(query)
    units = _units()
    m = _ASKED.search(folded)
    if m is not None and m.group(1) not in units.money:
        noun = m.group(1)
        words = {noun}
        for match in Thesaurus.default().find(noun):
            words |= {w for a in match.alternatives for w in re.findall(r"\w+", fold(a)) if len(w) > 3}
        if noun in units.people:
            words |= units.persons
        return _stems(words)
    if _MONEY_ASKED.search(folded) and any(w in units.money for w in re.findall(r"\w+", folded)):
        return _stems(units.currency)
    return frozenset()


def gives_figure(sentence: str, unit: frozenset[str]) -> bool:
    """Whether the sentence says a number of the unit: a number followed within NEAR words by one of its words
    (or, for a currency, preceded by it)."""
    if not unit:
        return False
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(sentence)]
    analyzer = get_analyzer()
    for m in _NUMBER.finditer(sentence):
        after = [w for start, w in words if start >= m.end()][:NEAR]
        before = [w for start, w in words if start < m.start()][-1:]
        for w in (*after, *before):
            stems = analyzer.word_stems(w) if w != "€" else frozenset({"€"})
            if not unit.isdisjoint(stems):
                return True
    return False
