"""PDF with pypdf: the text of each page, joined with blank lines, and each page's offsets in the result.

Pages without a text layer (scans: images and next to no text) are recognised by OCR (`ocr.py`), page by
page, so a mixed PDF keeps its real text and gets the scanned pages read; their page spans carry the OCR
confidence. Pages with ruled tables get them as rows with headers (`pdf_tables.py`).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.model import PageSpan, RawText
from ingest.readers import ocr
from ingest.readers._text import clean_text
from ingest.readers.limits import ReadLimits
from ingest.readers.pdf_tables import pages_with_tables
from lgnet.errors import CorruptFile, EmptyFile, EncryptedFile, FileTooLarge, IngestError

PAGE_SEPARATOR = "\n\n"
MIN_TEXT_LAYER = 20  # a page with fewer visible characters than this and an image is a scan
_DRAWING = re.compile(rb"\s(?:re|l)\s")  # path operators: rectangle, line segment


def read_pdf(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    # No title from the PDF metadata: it is mostly producer junk ("Microsoft Word - bozza3.docx").
    texts, scans, ruled = _page_texts(path, data, limits)
    confidences: dict[int, float] = {}
    failed: list[str] = []
    if scans and limits.ocr:
        if len(scans) > limits.ocr_max_pages:
            raise FileTooLarge(
                path,
                f"{len(scans)} scanned pages need OCR, over the limit of {limits.ocr_max_pages} (LGNET_OCR_MAX_PAGES)",
            )
        for page in ocr.ocr_pages(path, data, scans, limits):
            if page.error:
                failed.append(f"page {page.number}: {page.error}")
            else:
                texts[page.number - 1] = page.text
                confidences[page.number] = round(page.confidence or 0.0, 1)
    if not any(t.strip() for t in texts):
        if failed:
            raise CorruptFile(path, "no text: OCR failed on every scanned page (" + "; ".join(failed[:3]) + ")")
        why = "(scanned PDF; OCR is off)" if scans else "(no text, no image)"
        raise EmptyFile(path, f"no extractable text {why}")
    text_pages = [n for n in sorted(ruled) if texts[n - 1].strip()]
    for number, text in pages_with_tables(path, data, text_pages, limits).items():
        texts[number - 1] = text
    texts = [clean_text(text).strip() for text in texts]
    pages: list[PageSpan] = []
    start = 0
    for number, text in enumerate(texts, start=1):
        pages.append(
            PageSpan(number=number, start=start, end=start + len(text), ocr_confidence=confidences.get(number))
        )
        start += len(text) + len(PAGE_SEPARATOR)
    meta: dict = {}
    if confidences:
        meta["ocr_pages"] = len(confidences)
    if failed:
        meta["ocr_failed"] = failed
    return RawText(path=path, text=PAGE_SEPARATOR.join(texts), format="pdf", pages=pages, meta=meta)


def _page_texts(path: Path, data: bytes, limits: ReadLimits) -> tuple[list[str], list[tuple[int, float]], set[int]]:
    """Each page's text layer, the scanned pages as (number, long side in points), the pages that draw lines."""
    number = 0  # the page being read, for the error message
    try:
        reader = PdfReader(io.BytesIO(data))  # non-strict: real-world PDFs have many small defects
        # pypdf has already tried the empty user password: a PDF that opens with it is read normally
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedFile(path, "password-protected PDF")
        if len(reader.pages) > limits.max_pages:
            raise FileTooLarge(
                path, f"{len(reader.pages)} pages, over the limit of {limits.max_pages} (LGNET_MAX_PDF_PAGES)"
            )
        texts, scans, ruled = [], [], set()
        for page in reader.pages:
            number += 1
            text = page.extract_text() or ""
            texts.append(text)
            if len("".join(text.split())) < MIN_TEXT_LAYER and _has_images(page):
                box = page.mediabox
                scans.append((number, float(max(box.width, box.height))))
            elif _draws_lines(page):
                ruled.add(number)
        return texts, scans, ruled
    except IngestError:
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


def _has_images(page: PageObject) -> bool:
    """An image drawn on the page, directly or inside a form (names only: nothing is decoded)."""
    try:
        return _images_in(page.get("/Resources"), depth=0)
    except Exception:  # an odd resource dictionary: treat as no image rather than fail the page
        return False


def _images_in(resources, depth: int) -> bool:  # noqa: ANN001
    xobjects = resources.get_object().get("/XObject") if resources else None
    if not xobjects:
        return False
    for xobject in xobjects.get_object().values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image":
            return True
        if xobject.get("/Subtype") == "/Form" and depth < 2 and _images_in(xobject.get("/Resources"), depth + 1):
            return True
    return False


def _draws_lines(page: PageObject) -> bool:
    """The page's content draws rectangles or lines (a ruled table may be there): a cheap look at the
    operators before the costly layout analysis of pdfplumber."""
    try:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
    except Exception:
        return False
    return len(_DRAWING.findall(data[:2_000_000])) >= 4
