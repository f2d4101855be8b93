"""A passage's text as stored and shown: paragraphs kept, the lines of a paragraph joined, except where a line
break is structure rather than wrapping.

A reader writes a table a row per line ("Indicatore | Valore obiettivo | Verifica", a spreadsheet's "Area: Alloggi;
Valore: 12") and a list an item per line ("• Modena: il dormitorio ...", "1. Carpi, il Punto salute ..."); a PDF's
text layer breaks a paragraph's lines where the page is full. Joining every line break ran a table's rows into one
sentence ("... | 60 | registri dei corsi Le madri parlano italiano | ...") and a list's items into each other, so
each row's value took the next row's label; only the wrapping is joined now. A list item's own wrapped lines
("• Bologna: l'università presenta ... tra gli autori" / "due ricercatrici di Carpi.") still join.
"""

from __future__ import annotations

import re

from ingest.tables import is_row
from lgnet.text import normalize_space, strip_markdown

_CELLS = re.compile(r"\S \| \S|^\|.*\|$")  # a table's row as a reader writes it: cells between " | "
# A list's item: a bullet or an enumerator ("1.", "2)", "a)") and a space, opening its line.
_ITEM = re.compile(r"^(?:[•▪●◦‣*–-]|\d{1,2}[.)]|[a-z]\))[ \t]+\S")


def table_line(line: str) -> bool:
    """A row of a table as a reader writes it: cells between " | " or "header: value" pairs."""
    s = line.strip()
    return bool(_CELLS.search(s)) or is_row(s)


def list_item(line: str) -> bool:
    return bool(_ITEM.match(line.strip()))


def _structured(before: str, line: str) -> bool:
    """Is the break between these two lines structure (kept) rather than wrapping (joined)?"""
    return table_line(before) or table_line(line) or list_item(line)


def display_text(text: str) -> str:
    """A passage as shown: markdown markers gone, paragraphs kept, a paragraph's lines joined except between a
    table's rows and before a list's items (see the module's docstring), spaces tidied."""
    text = strip_markdown(text)
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        lines = [normalize_space(line) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        out = lines[0]
        for before, line in zip(lines, lines[1:], strict=False):
            out += ("\n" if _structured(before, line) else " ") + line
        paragraphs.append(out)
    return "\n\n".join(paragraphs)
