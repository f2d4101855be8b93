"""Plain text and Markdown (Markdown is kept as written: its markup is readable text)."""

from __future__ import annotations

from pathlib import Path

from ingest.model import RawText
from ingest.readers._text import clean_text, decode_text
from ingest.readers.limits import ReadLimits


def read_txt(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    text, encoding = decode_text(path, data)
    return RawText(path=path, text=clean_text(text), format="txt", encoding=encoding)


def read_md(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    text, encoding = decode_text(path, data)
    return RawText(path=path, text=clean_text(text), format="md", encoding=encoding)
