"""DOCX with python-docx: body paragraphs and tables in document order; the title from the core properties."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ingest.model import RawText
from ingest.readers._text import clean_text
from lgnet.errors import CorruptFile, FileTooLarge

# A DOCX is a zip: refuse one that would inflate to more than this (a zip bomb), before python-docx parses it.
MAX_UNCOMPRESSED = 512 * 1024 * 1024
CELL_SEPARATOR = " | "


def read_docx(path: Path, data: bytes) -> RawText:
    _check_zip(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [_block_text(item) for item in document.iter_inner_content()]
        title = (document.core_properties.title or "").strip() or None
    except Exception as exc:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError... on bad data
        raise CorruptFile(path, f"damaged DOCX: {type(exc).__name__}: {exc}") from exc
    # Blank lines between blocks, like paragraphs everywhere else; empty paragraphs are only spacing.
    text = "\n\n".join(block for block in (clean_text(b).strip() for b in blocks) if block)
    return RawText(path=path, text=text, format="docx", title=clean_text(title) if title else None)


def _check_zip(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            inflated = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(path, f"damaged DOCX (not a valid zip): {exc}") from exc
    if "word/document.xml" not in names:
        raise CorruptFile(path, "damaged DOCX: no word/document.xml in the archive")
    if inflated > MAX_UNCOMPRESSED:
        raise FileTooLarge(path, f"DOCX inflates to {inflated} bytes, over the limit of {MAX_UNCOMPRESSED}")


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
