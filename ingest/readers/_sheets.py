"""Spreadsheet rows to text: per sheet, its name, then one line per data row with each column's header."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ingest.readers._text import clean_text
from ingest.tables import cell_text, format_row, header_text
from lgnet.errors import FileTooLarge

# Formatted but empty rows (a style applied to a million rows) end a sheet after this many in a row.
MAX_EMPTY_RUN = 10_000


def sheets_text(path: Path, sheets: Iterable[tuple[str, Iterable[Sequence[object]]]], max_rows: int) -> tuple[str, int]:
    """The text of all sheets and the number of data rows; FileTooLarge past `max_rows` data rows."""
    blocks: list[str] = []
    total = 0
    for name, rows in sheets:
        lines, count = _sheet_lines(path, rows, max_rows - total, max_rows)
        total += count
        if lines:
            blocks.append(clean_text(name).strip() or "Foglio")
            blocks.append("\n".join(clean_text(line) for line in lines))
    return "\n\n".join(blocks), total


def _sheet_lines(path: Path, rows: Iterable[Sequence[object]], budget: int, max_rows: int) -> tuple[list[str], int]:
    headers: list[str] | None = None
    lines: list[str] = []
    count = empty_run = 0
    for row in rows:
        values = [cell_text(v) for v in row]
        while values and not values[-1]:
            values.pop()
        if not any(values):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        filled = sum(bool(v) for v in values)
        if headers is None:
            if filled >= 2:  # the first row of two cells or more is the header; title lines above stay lines
                headers = [header_text(v, i + 1) for i, v in enumerate(values)]
            else:
                lines.append(" ".join(v for v in values if v))
            continue
        if values == headers[: len(values)]:  # the header repeated (printed sheets repeat it per page)
            continue
        count += 1
        if count > budget:
            raise FileTooLarge(path, f"more than {max_rows} rows of data, over the limit (LGNET_MAX_SHEET_ROWS)")
        lines.append(format_row(headers, values))
    return lines, count
