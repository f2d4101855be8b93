"""OpenDocument with odfpy: ODT like DOCX (headings, paragraphs, lists, tables in order); ODS as tables,
each sheet's rows with their column headers (see ingest/tables.py)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from odf import teletype
from odf.element import Element
from odf.opendocument import load

from ingest.model import RawText
from ingest.readers._sheets import sheets_text
from ingest.readers._text import clean_text
from ingest.readers._zip import check_zip
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile, IngestError

CELL_SEPARATOR = " | "  # ODT tables are written like DOCX ones
MAX_COLUMNS = 1024  # a row's cells past this are ignored (repeated empty cells run to 16,384)
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ROW_CONTAINERS = {"table-header-rows", "table-rows", "table-row-group"}


def read_odt(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    document = _load(path, data, "ODT", limits)
    try:
        blocks = list(_blocks(document.text))
        title = _title(document)
    except Exception as exc:
        raise CorruptFile(path, f"damaged ODT: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(block for block in (clean_text(b).strip() for b in blocks) if block)
    return RawText(path=path, text=text, format="odt", title=title)


def read_ods(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    document = _load(path, data, "ODS", limits)
    try:
        tables = [node for node in document.spreadsheet.childNodes if _is(node, _TABLE, "table")]
        sheets = ((table.getAttribute("name") or "", _sheet_rows(table, limits.max_rows)) for table in tables)
        text, _ = sheets_text(path, sheets, limits.max_rows)
        title = _title(document)
    except IngestError:
        raise
    except Exception as exc:
        raise CorruptFile(path, f"damaged ODS: {type(exc).__name__}: {exc}") from exc
    return RawText(path=path, text=text, format="ods", title=title)


def _load(path: Path, data: bytes, label: str, limits: ReadLimits):  # noqa: ANN202 (odfpy is untyped)
    check_zip(path, data, "content.xml", label, limits.max_uncompressed_bytes)
    try:
        return load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises KeyError, SAXParseException... on bad data
        raise CorruptFile(path, f"damaged {label}: {type(exc).__name__}: {exc}") from exc


def _is(node: Element, namespace: str, name: str) -> bool:
    return getattr(node, "qname", None) == (namespace, name)


def _title(document) -> str | None:  # noqa: ANN001
    for node in document.meta.childNodes:
        if getattr(node, "qname", (None, None))[1] == "title":
            return clean_text(teletype.extractText(node)).strip() or None
    return None


# --- ODT -----------------------------------------------------------------------------------------------------
def _blocks(element: Element, depth: int = 0) -> Iterator[str]:
    """Paragraphs, headings, list items and tables in document order (sections, frames... are walked into)."""
    for node in element.childNodes:
        qname = getattr(node, "qname", None)
        if qname in ((_TEXT, "p"), (_TEXT, "h")):
            yield teletype.extractText(node)
        elif qname == (_TEXT, "list"):
            yield "\n".join(_list_lines(node, 0))
        elif qname == (_TABLE, "table"):
            yield "\n".join(CELL_SEPARATOR.join(cells) for cells in _table_rows(node) if any(cells))
        elif getattr(node, "childNodes", None) and depth < 50:
            yield from _blocks(node, depth + 1)


def _list_lines(element: Element, level: int) -> Iterator[str]:
    for item in element.childNodes:
        for node in getattr(item, "childNodes", []):
            if _is(node, _TEXT, "list") and level < 10:
                yield from _list_lines(node, level + 1)
            elif text := " ".join(teletype.extractText(node).split()):
                yield "  " * level + "- " + text


def _table_rows(table: Element) -> Iterator[list[str]]:
    for row in _row_elements(table):
        cells = [" ".join(teletype.extractText(cell).split()) for cell, _ in _cells(row)]
        while cells and not cells[-1]:
            cells.pop()
        yield cells


# --- ODS -----------------------------------------------------------------------------------------------------
def _sheet_rows(table: Element, max_rows: int) -> Iterator[list[str]]:
    for row in _row_elements(table):
        values: list[str] = []
        for cell, repeat in _cells(row):
            value = _cell_value(cell)
            values.extend([value] * min(repeat, MAX_COLUMNS - len(values)))
            if len(values) >= MAX_COLUMNS:
                break
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        # Empty rows are skipped however often they repeat; a repeated row of data counts each time.
        for _ in range(min(repeat, max_rows + 1) if any(values) else 1):
            yield values


def _row_elements(element: Element) -> Iterator[Element]:
    for node in element.childNodes:
        qname = getattr(node, "qname", None)
        if qname == (_TABLE, "table-row"):
            yield node
        elif qname is not None and qname[0] == _TABLE and qname[1] in _ROW_CONTAINERS:
            yield from _row_elements(node)


def _cells(row: Element) -> Iterator[tuple[Element, int]]:
    for node in row.childNodes:
        if getattr(node, "qname", None) in ((_TABLE, "table-cell"), (_TABLE, "covered-table-cell")):
            yield node, max(1, int(node.getAttribute("numbercolumnsrepeated") or 1))


def _cell_value(cell: Element) -> str:
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        value = cell.getAttribute("value")
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = None
        if number is not None and kind == "float":
            return str(int(number)) if number.is_integer() and abs(number) < 1e15 else f"{number:.10g}"
    elif kind == "date":
        value = cell.getAttribute("datevalue") or ""
        return value.removesuffix("T00:00:00")
    text = " ".join(" ".join(teletype.extractText(p).split()) for p in cell.childNodes if _is(p, _TEXT, "p"))
    return text.replace(";", ",").strip()
