"""Scanned and mixed PDFs: known text written to a PDF, rendered to images, put back as an image-only PDF;
read by OCR (real Tesseract), measured against the known text, ingested and found by search."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.ocr_eval import SAMPLE_PAGES, character_error_rate, scanned_pdf
from ingest.readers import ocr
from lgnet.errors import CorruptFile, EmptyFile, FileTooLarge
from tests.ingest.formats.helpers import fails, ingest, read, search, write

pytestmark = pytest.mark.skipif(ocr.available() is not None, reason=str(ocr.available()))


@pytest.fixture(scope="module")
def mixed() -> bytes:
    """Page 1 has its text layer, page 2 is a 300-dpi scan."""
    return scanned_pdf(SAMPLE_PAGES, 300, text_pages=frozenset({1}))


def test_character_error_rate() -> None:
    assert character_error_rate("città di Bari", "città  di\nBari") == 0.0
    assert character_error_rate("abcd", "abed") == 0.25
    assert character_error_rate("abcd", "") == 1.0


@pytest.mark.slow
def test_mixed_pdf_is_read_page_by_page(tmp_path: Path, mixed: bytes) -> None:
    raw = read(write(tmp_path, "mista.pdf", mixed))
    first, second = raw.pages
    assert first.ocr_confidence is None  # its own text layer, not OCR'd
    assert raw.text[first.start : first.end].startswith("Scheda buona pratica. Il Comune di Bari")
    assert second.ocr_confidence is not None and second.ocr_confidence > 80
    assert character_error_rate(SAMPLE_PAGES[1], raw.text[second.start : second.end]) < 0.03
    assert raw.meta["ocr_pages"] == 1


@pytest.mark.slow
def test_scanned_pdf_is_searchable_and_marked(tmp_path: Path, mixed: bytes) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "scansione-taranto.pdf", mixed)
    report, service = ingest(tmp_path, corpus, chunk_min_words=30, chunk_max_words=80)  # a passage per page
    assert report.ok and report.files_ingested == 1
    hit = search(service, "Taranto mobile street unit homeless migrants").hits[0]
    assert hit.source == "corpus/scansione-taranto.pdf" and "210 people" in hit.text
    assert hit.page in (1, 2)  # passages may run across a page break
    rows = sorted((row["meta"] for row in service.store.iter_chunks()), key=lambda m: m["char_start"])
    scanned = [m for m in rows if m["char_end"] > len(SAMPLE_PAGES[0]) + 2]  # passages reaching page 2
    assert scanned and all(m["ocr"] is True and m["ocr_confidence"] > 80 for m in scanned)
    assert "ocr" not in rows[0] and rows[0]["char_end"] < len(SAMPLE_PAGES[0])  # text layer only: not marked
    doc = service.store.get_doc(hit.doc_id)["meta"]
    assert doc["ocr"] is True and doc["ocr_pages"] == 1
    # The site shows it: a badge on the result and on the document page, in Italian and in English.
    with TestClient(create_app(service.settings, service=service)) as client:
        api = client.get("/api/search", params={"q": "Taranto mobile street unit homeless migrants"}).json()
        scanned_hits = [h for h in api["results"] if h["ocr_confidence"] is not None]
        assert scanned_hits and all(h["ocr_confidence"] > 80 for h in scanned_hits)  # exposed by the API (issue 14)
        assert client.get(f"/api/documents/{hit.doc_id}").json()["document"]["ocr_confidence"] > 80
        page = client.get("/", params={"q": "Taranto mobile street unit homeless migrants"}).text
        assert "Da scansione (OCR 9" in page
        page = client.get(f"/documenti/{hit.doc_id}", params={"lang": "en"}).text
        assert "From a scan (OCR 9" in page


def test_ocr_limits_and_switch(tmp_path: Path, mixed: bytes) -> None:
    scan = scanned_pdf(SAMPLE_PAGES[:1], 100)  # small and quick: these limits stop before any recognition
    path = write(tmp_path, "scansione.pdf", scan)
    exc = fails(path, EmptyFile, ocr=False)
    assert "OCR is off" in exc.reason
    exc = fails(path, FileTooLarge, ocr_max_pages=0)
    assert "LGNET_OCR_MAX_PAGES" in exc.reason
    exc = fails(path, CorruptFile, ocr_page_seconds=0.001)
    assert "OCR failed on every scanned page" in exc.reason and "page 1" in exc.reason
    # In a mixed PDF a page that fails leaves the others: the text page is kept, the failure is noted.
    raw = read(write(tmp_path, "mista.pdf", mixed), ocr_page_seconds=0.001)
    assert raw.text.startswith("Scheda buona pratica") and raw.meta["ocr_failed"][0].startswith("page 2:")


def test_ocr_time_is_bounded_by_the_parse_time_limit(tmp_path: Path) -> None:
    """One time rule: the OCR of a file gets a share of LGNET_PARSE_SECONDS, whatever the page count times the
    per-page limit would allow; past it the file is refused by name (not killed with its worker)."""
    from ingest.readers.limits import OCR_SHARE_OF_PARSE, ReadLimits
    from lgnet.config import Settings

    limits = ReadLimits.from_settings(Settings(parse_seconds=300, ocr_page_seconds=120, ocr_max_pages=200))
    assert limits.ocr_total_seconds == 300 * OCR_SHARE_OF_PARSE < limits.ocr_page_seconds * limits.ocr_max_pages
    path = write(tmp_path, "scansione.pdf", scanned_pdf(SAMPLE_PAGES[:1], 100))
    exc = fails(path, FileTooLarge, ocr_total_seconds=0.0)
    assert "LGNET_PARSE_SECONDS" in exc.reason and "0 pages were recognised" in exc.reason
