"""A table cut by a passage boundary: its header in one passage, more of its rows in the next.

A document is stored in passages of a few paragraphs; a table a line per row (a word processor's, an HTML one:
"Indicatore | Valore di partenza | Valore atteso | Fonte", then "Persone accompagnate al lavoro | – | 80 | schede")
may end one passage with its header and first rows and go on in the next with rows only. Read alone, those rows have
no header: their values have no column, so no target or result is told and their counts are lost. The rows the next
passage opens with are read under the header of the table its previous passage ends with, when they have as many
cells and their first row is no header of its own (`carried_header`); `under_header` reads them so and gives their
spans in the passage's own text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

_SEP = " | "
# A value cell ("80", "–", "0", "1.240", "35%", "n.d."): what a header row has none of.
_VALUE = re.compile(r"^(?:[-–—]|n\.?\s?d\.?|\d[\d.,]*\s*%?(?:\s+\S.*)?)$", re.I)

T = TypeVar("T")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _row(line: str) -> list[str] | None:
    """The cells of a line of a table a line per row (not a markdown one, "| a | b |"), else None."""
    if _SEP not in line or line.startswith("|"):
        return None
    return [c.strip() for c in line.split(_SEP)]


def _valued(cells: list[str]) -> bool:
    return any(_VALUE.match(c) for c in cells[1:])


def carried_header(previous: str, text: str) -> str:
    """The header line of the table `previous` ends with, when `text` opens with more rows of it: rows of as many
    cells, the first with a value (not a header of a table of its own); else ""."""
    opening = _lines(text)[:1]
    first = _row(opening[0]) if opening else None
    if first is None or not _valued(first):
        return ""
    block: list[list[str]] = []
    header = ""
    for line in reversed(_lines(previous)):
        cells = _row(line)
        if cells is None or len(cells) != len(first):
            break
        block.append(cells)
        if not _valued(cells):
            header = line  # the table's header: no value in its cells
            break
    return header


def under_header(text: str, header: str, read: Callable[[str], list[T]], span: Callable[[T], int],
                 shifted: Callable[[T, int], T]) -> list[T]:  # fmt: skip
    """What `read` finds in `text` read under its table's `header` (a line put before it), each item moved back into
    `text`'s offsets (`span` gives an item's start, `shifted` moves it); the header's own items are dropped."""
    if not header:
        return read(text)
    lead = len(header) + 1
    return [shifted(item, -lead) for item in read(f"{header}\n{text}") if span(item) >= lead]
