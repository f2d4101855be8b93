"""PDF with pypdf: the text of each page, joined with blank lines, and each page's offsets in the result."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.model import PageSpan, RawText
from ingest.readers._text import clean_text
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile, EmptyFile, EncryptedFile

PAGE_SEPARATOR = "\n\n"


def read_pdf(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    # No title from the PDF metadata: it is mostly producer junk ("Microsoft Word - bozza3.docx").
    texts = [clean_text(text).strip() for text in _page_texts(path, data)]
    if not any(texts):
        raise EmptyFile(path, "no extractable text (scanned PDF?)")
    pages: list[PageSpan] = []
    start = 0
    for number, text in enumerate(texts, start=1):
        pages.append(PageSpan(number=number, start=start, end=start + len(text)))
        start += len(text) + len(PAGE_SEPARATOR)
    return RawText(path=path, text=PAGE_SEPARATOR.join(texts), format="pdf", pages=pages)


def _page_texts(path: Path, data: bytes) -> list[str]:
    number = 0  # the page being read, for the error message
    try:
        reader = PdfReader(io.BytesIO(data))  # non-strict: real-world PDFs have many small defects
        # pypdf has already tried the empty user password: a PDF that opens with it is read normally
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedFile(path, "password-protected PDF")
        texts = []
        for page in reader.pages:
            number += 1
            texts.append(page.extract_text() or "")
        return texts
    except EncryptedFile:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        # DependencyError: AES encryption needs the optional cryptography package, even with no password
        raise EncryptedFile(path, f"encrypted PDF: {exc}") from exc
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError...) on bad input
        if b"%%EOF" not in data[-1024:]:
            what = "truncated PDF (no end-of-file marker)"
        else:
            what = f"damaged PDF (page {number})" if number else "damaged PDF"
        raise CorruptFile(path, f"{what}: {type(exc).__name__}: {exc}") from exc
