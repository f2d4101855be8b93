"""Ruled tables in PDF pages, found by pdfplumber, written as rows that keep each column's header
(ingest/tables.py) instead of the scrambled lines a plain text extraction gives; the page's other text stays
in place above, between and below the tables.

pdfplumber is slow (a full layout analysis per page), so only the pages that draw lines or rectangles (the
caller checks the content stream) are looked at, at most `ReadLimits.pdf_table_max_pages` of them.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from pathlib import Path

import pdfplumber

from ingest.readers.limits import ReadLimits
from ingest.tables import cell_text, format_row, header_text

log = logging.getLogger(__name__)
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def pages_with_tables(path: Path, data: bytes, numbers: Sequence[int], limits: ReadLimits) -> dict[int, str]:
    """{page number: the page's text with its tables as rows} for the pages among `numbers` that have tables.
    A page pdfplumber cannot analyse keeps its plain text (logged): tables are an improvement, not a need."""
    found: dict[int, str] = {}
    if not numbers:
        return found
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in list(numbers)[: limits.pdf_table_max_pages]:
                page = pdf.pages[number - 1]
                try:
                    text = _page_text(page)
                except Exception as exc:  # pdfminer on odd content: keep pypdf's text for this page
                    log.info("%s: page %d: tables not read: %s", path, number, exc)
                    continue
                finally:
                    page.close()
                if text is not None:
                    found[number] = text
    except Exception as exc:
        log.info("%s: tables not read: %s", path, exc)
    return found


def _page_text(page) -> str | None:  # noqa: ANN001 (pdfplumber's Page)
    tables = sorted(page.find_tables(_SETTINGS), key=lambda t: t.bbox[1])
    tables = [t for t in tables if len(t.rows) >= 2]  # a lone ruled box is a frame, not a table
    if not tables:
        return None
    blocks: list[str] = []
    top = page.bbox[1]
    for table in tables:
        x0, t_top, x1, bottom = table.bbox
        if t_top > top:
            blocks.append(_region_text(page, top, t_top))
        blocks.append(_rows_text(table.extract()))
        top = max(top, bottom)
    if top < page.bbox[3]:
        blocks.append(_region_text(page, top, page.bbox[3]))
    return "\n\n".join(b for b in blocks if b.strip())


def _region_text(page, top: float, bottom: float) -> str:  # noqa: ANN001
    region = page.within_bbox((page.bbox[0], top, page.bbox[2], bottom), strict=False)
    return region.extract_text() or ""


def _rows_text(rows: list[list[str | None]]) -> str:
    cells = [[cell_text(c) for c in row] for row in rows if any(c and c.strip() for c in row)]
    if not cells:
        return ""
    if len(cells[0]) < 2:
        return "\n".join(" ".join(r) for r in cells)
    headers = [header_text(c, i + 1) for i, c in enumerate(cells[0])]
    return "\n".join(format_row(headers, row) for row in cells[1:])
