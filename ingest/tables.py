"""Table rows as text that keeps each value's column header: "Comune: Bari; Beneficiari: 120; Periodo: 2024".

Spreadsheets (XLSX, ODS) and tables found in PDFs are written this way, one row per line, so a figure stays
searchable and citable with its label; the chunker (`is_row`) never cuts a row in two.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

PAIR_SEPARATOR = "; "
_ROW = re.compile(r"[^:;\n]{1,80}: [^;\n]*(?:; [^:;\n]{1,80}: [^;\n]*)+")
_SPACES = re.compile(r"\s+")


def cell_text(value: object) -> str:
    """A cell as text: numbers without a useless ".0", dates in ISO form, whitespace tidied, no ";" (it
    separates the pairs of a row)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "sì" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.10g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _SPACES.sub(" ", str(value)).replace(";", ",").strip()


def header_text(value: object, column: int) -> str:
    """A column header; an empty one is named by its position ("Colonna 3")."""
    text = cell_text(value).replace(":", " -")
    return text[:80] if text else f"Colonna {column}"


def format_row(headers: Sequence[str], values: Sequence[str]) -> str:
    """ "Header: value" pairs of the non-empty cells; cells past the headers get positional names."""
    pairs = []
    for i, value in enumerate(values):
        if value:
            header = headers[i] if i < len(headers) else f"Colonna {i + 1}"
            pairs.append(f"{header}: {value}")
    return PAIR_SEPARATOR.join(pairs)


def is_row(line: str) -> bool:
    """A line written by `format_row` with two or more pairs: kept whole by the chunker."""
    return _ROW.fullmatch(line.strip()) is not None
