"""DOCX with python-docx: body paragraphs and tables in document order; the title from the core properties."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ingest.model import RawText
from ingest.readers._text import clean_text
from ingest.readers._zip import check_zip
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile

CELL_SEPARATOR = " | "


def read_docx(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    # A DOCX is a zip: one that would inflate past the limit (a zip bomb) is refused before python-docx parses it.
    check_zip(path, data, "word/document.xml", "DOCX", limits.max_uncompressed_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [_block_text(item) for item in document.iter_inner_content()]
        title = (document.core_properties.title or "").strip() or None
    except Exception as exc:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError... on bad data
        raise CorruptFile(path, f"damaged DOCX: {type(exc).__name__}: {exc}") from exc
    # Blank lines between blocks, like paragraphs everywhere else; empty paragraphs are only spacing.
    text = "\n\n".join(block for block in (clean_text(b).strip() for b in blocks) if block)
    return RawText(path=path, text=text, format="docx", title=clean_text(title) if title else None)


def _block_text(item: Paragraph | Table) -> str:
    if isinstance(item, Paragraph):
        return item.text
    return "\n".join(_row_text(row.cells) for row in item.rows)


def _row_text(cells: list[_Cell]) -> str:
    texts: list[str] = []
    previous = None
    for cell in cells:
        if cell._tc is previous:  # a merged cell is repeated once per grid column it spans
            continue
        previous = cell._tc
        # A cell holds paragraphs and possibly nested tables; one line per row keeps the table readable.
        inner = (_block_text(item) for item in cell.iter_inner_content())
        texts.append(" ".join(t.replace("\n", " ").strip() for t in inner if t.strip()))
    while texts and not texts[-1]:  # trailing empty cells would only add separators
        texts.pop()
    return CELL_SEPARATOR.join(texts)
