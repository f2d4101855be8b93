"""Finding place names in text: a trie over folded word tokens, and the evidence that a capitalised word is a place.

With every Italian comune in the gazetteer, many names are also words ("Vita", "Ponte", "Sostegno", "Ora") or
first names ("Paola", "Bruno"). One pass over the tokens finds the longest name starting at each capitalised
word ("Lecce nei Marsi", not "Lecce"); whether it counts depends on the evidence around it:
`phrase` ("Comune di X", "sindaco di X"), `sigla` ("X (CN)"), `dateline` (line start, then a comma or a dash),
`place` (after a preposition: "a X", "in X"), `alias` (an English name or known alias), `plain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lgnet.text import fold

TOKEN = re.compile(r"[^\W_]+")
_ELIDED = frozenset({"dell", "all", "nell", "dall", "sull", "coll"})  # dell'Aquila = di + L'Aquila
_END = ""  # trie key of the entries that end at a node (no token folds to "")
_JOINERS = frozenset(" '’-/")  # what may stand between two words of one name: "L'Aquila", "Emilia-Romagna"
_PHRASE = re.compile(
    r"(?:comune|comuni|citta|municipality|municipalities|city|town|sindaco|sindaca|mayor|giunta)\s+(?:di|of)\s+$"
)
_SIGLA = re.compile(r"[ \t]*\(([A-Z]{2})\)")
_PROVINCE_NAMED = re.compile(r"[ \t]*\(([A-ZÀ-Ý][\w' -]{2,30})\)")  # "PAOLA (Cosenza), 9 ottobre"
_LONG_LINE = 60  # a line longer than this that ends mid-sentence is running text wrapped by the page
_AGENCY = re.compile(r"\([^()\n]{2,25}\)\s*[-–]\s*$")  # "(ANSA) - " right before the city
_AFTER_DATELINE = re.compile(r"[ \t]*(?:[,\-–—]|\.\s|\r?\n|$)")
STREETS = frozenset(
    {
        "via",
        "viale",
        "piazza",
        "piazzale",
        "corso",
        "largo",
        "vicolo",
        "lungomare",
        "quartiere",
        "rione",
        "porta",
        "stazione",
        "street",
        "square",
    }
)
# Prepositions before a place: any comune after these counts; a common-word comune only after the locative ones.
LOCATIVE = frozenset({"a", "ad", "in", "da", "presso", "at", "from", "near", "nel", "nella"})
PLACE = LOCATIVE | {"di", "tra", "fra", "per", "verso", "of", "to"}
STRONG = frozenset({"phrase", "sigla", "dateline"})


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    return fold(token)


@dataclass(frozen=True)
class Entry:
    """What a name in the trie stands for: a city (kind "city", target a City), a region or a province."""

    kind: str
    target: Any
    form: str
    alias: bool  # an English name or an alias, not the official name


class NameTrie:
    """Names as tuples of folded tokens; the longest name starting at a token in one walk."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, name: str, entry: Entry) -> None:
        keys = [fold_token(t) for t in TOKEN.findall(name)]
        if not keys:
            return
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        entries = node.setdefault(_END, [])
        if entry not in entries:
            entries.append(entry)

    def longest(self, text: str, spans: list[tuple[int, int]], i: int) -> tuple[int, list[Entry]] | None:
        """(index after the last token, entries) of the longest name starting at token i, or None.
        After an elided article ("dell'Aquila", "all'Aquila") the name may be one that starts with "L'"."""
        node = self.root
        if i > 0 and fold_token(text[slice(*spans[i - 1])]) in _ELIDED and text[spans[i - 1][1]] in "'’":
            node = self.root.get("l", self.root)
        best = None
        j = i
        while j < len(spans):
            if j > i and not _joined(text, spans[j - 1][1], spans[j][0]):
                break
            start, end = spans[j]
            child = node.get(fold_token(text[start:end]))
            if child is None:
                break
            node = child
            j += 1
            if _END in node:
                best = (j, node[_END])
        return best


def _line_start(text: str, start: int, lookback: int = 200) -> int:
    """Where the line holding `start` begins, looking back at most `lookback` characters (linear on one-line
    texts); further back, the line's first `lookback` characters are as good as its start for our patterns."""
    found = text.rfind("\n", max(0, start - lookback), start)
    return found + 1 if found >= 0 or start <= lookback else max(0, start - lookback)


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return 0 < len(gap) <= 3 and all(c in _JOINERS for c in gap)


def wrapped_line(text: str, start: int) -> bool:
    """The line holding `start` continues the line before it: a long line of running text that ends mid-sentence
    (a PDF page wraps "tra Vasto, San Salvo e / Casalbordino, hanno ospitato ...")."""
    line_start = text.rfind("\n", max(0, start - 400), start)
    if line_start <= 0:
        return False
    lo = max(0, line_start - 400)
    found = text.rfind("\n", lo, line_start)
    previous = text[found + 1 if found >= 0 else lo : line_start].rstrip()
    return (
        len(previous) > _LONG_LINE
        and not previous.startswith("#")
        and (previous[-1].isalnum() or previous[-1] in ",'’")
    )


def sentence_start(text: str, start: int) -> bool:
    """Whether a word opens a sentence, a line or a quote (so its capital says nothing)."""
    k = start - 1
    while k >= 0 and text[k] in " \t\"'«“‘(*-–—•":
        k -= 1
    return k < 0 or text[k] in ".!?:;\n\r"


def previous_word(text: str, spans: list[tuple[int, int]], i: int) -> str | None:
    """The word right before token i on the same line, separated by spaces only, as written."""
    if i == 0:
        return None
    start, end = spans[i - 1]
    gap = text[end : spans[i][0]]
    return text[start:end] if gap.strip(" \t") == "" and "\n" not in gap else None


def evidence(text: str, start: int, end: int, entry: Entry, before: str | None) -> str:
    """How strongly the context says the name at text[start:end] is a place."""
    head = text[_line_start(text, start) : start]
    sigla = _SIGLA.match(text, end)
    if sigla and entry.kind == "city" and sigla.group(1) == entry.target.province_code:
        return "sigla"  # checked first: it also says which of two homonyms
    named = _PROVINCE_NAMED.match(text, end)
    if named and entry.kind == "city" and fold(named.group(1)) in _province_names(entry.target.province):
        return "sigla"  # the province written out: "Paola (Cosenza)", "Castro (Lecce)"
    if _PHRASE.search(fold(text[max(0, start - 40) : start])):
        return "phrase"
    at_line_start = _AGENCY.search(head) or not head.strip(" \t*#>•-")
    if at_line_start and _AFTER_DATELINE.match(text, end) and _not_wrapped(text, start, end):
        return "dateline"
    if entry.alias:
        return "alias"
    if before is not None and fold_token(before) in PLACE and not (before.isupper() and len(before) > 1):
        return "place"  # "a Bra", and "Ad Alba" opening a sentence
    return "plain"


def _not_wrapped(text: str, start: int, end: int) -> bool:
    """A name opening a wrapped line of running text is no dateline, unless capitals or a date say it is one."""
    return not wrapped_line(text, start) or text[start:end].isupper() or strict_dateline(text, start, end)


def _province_names(province: str) -> set[str]:
    """A province as written in full: "Bolzano/Bozen" is either name."""
    return {fold(part.strip()) for part in province.split("/") if part.strip()}


_DATE_AFTER = re.compile(r"[ \t]*(?:[-–—]|,[ \t]*\d{1,2}\b)")


def strict_dateline(text: str, start: int, end: int) -> bool:
    """A dateline proper: an agency tag before, or a dash or a day number after ("VITA - ", "Bra, 12 marzo")."""
    head = text[_line_start(text, start) : start]
    return bool(_AGENCY.search(head) or _DATE_AFTER.match(text, end))


def in_street_name(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """After a street word and up to three capitalised words, across one line break: "via Monsignor\nBologna",
    "piazza Papa Giovanni", "corso Vittorio Emanuele" are addresses, not the places they honour."""
    k = i - 1
    for _ in range(4):
        if k < 0:
            return False
        gap = text[spans[k][1] : spans[k + 1][0]]
        if gap.strip(" \t\r\n") or gap.count("\n") > 1:
            return False
        word = text[slice(*spans[k])]
        if fold_token(word) in STREETS:
            return True
        if not word[:1].isupper():
            return False
        k -= 1
    return False


def in_address(text: str, start: int, end: int) -> bool:
    """Inside a URL, an e-mail address or a file name ("torinoggi.it/…", "info@comune.bra.cn.it")."""
    if start > 0 and text[start - 1] in "/.@_\\":
        return True
    return end + 1 < len(text) and text[end] in ".@" and text[end + 1].isalnum()
