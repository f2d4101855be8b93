"""XLSX with openpyxl (read-only, streaming, cached formula values): each sheet's rows with their headers."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from ingest.model import RawText
from ingest.readers._sheets import sheets_text
from ingest.readers._text import clean_text
from ingest.readers._zip import check_zip
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile, IngestError


def read_xlsx(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    check_zip(path, data, "xl/workbook.xml", "XLSX", limits.max_uncompressed_bytes)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, InvalidFileException... on bad data
        raise CorruptFile(path, f"damaged XLSX: {type(exc).__name__}: {exc}") from exc
    try:
        sheets = ((ws.title, ws.iter_rows(values_only=True)) for ws in workbook.worksheets)
        text, _ = sheets_text(path, sheets, limits.max_rows)
        title = (workbook.properties.title or "").strip() or None
    except IngestError:
        raise
    except Exception as exc:
        raise CorruptFile(path, f"damaged XLSX: {type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()
    return RawText(path=path, text=text, format="xlsx", title=clean_text(title) if title else None)
