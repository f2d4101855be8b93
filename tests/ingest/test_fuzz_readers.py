"""Fuzzing (hypothesis) of the readers, the press-review splitter and the cleaner: hostile bytes and text
never crash (only IngestError), never hang, and every offset points inside the text. Example counts are
bounded so the suite stays fast."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.clean import blank_furniture
from ingest.readers import ReadLimits, read_data
from ingest.splitters.press_review import split_press_review
from lgnet.errors import IngestError

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".xlsx", ".ods", ".eml", ".p7m"]
HEADS = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"From: a@b.it\nSubject: x\n\n", b"\xef\xbb\xbf"]
LINES = [
    "RASSEGNA STAMPA",
    "14/12/2023",
    "| 12/12/2023 | La Repubblica | Sportello per migranti a Bari |",
    "Data | Testata | Titolo",
    "https://www.example.it/articolo",
    "Il Comune di Bari ha aperto uno sportello.",
    "Pagina 3 di 10",
    "",
    "\t\t",
    "ARTICOLO",
    "\u200b\u00a0",
]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.sampled_from(SUFFIXES), st.sampled_from(HEADS), st.binary(max_size=4000))
def test_readers_only_raise_ingest_errors(suffix, head, body):
    path = Path(f"fuzz{suffix}")
    started = time.monotonic()
    try:
        raw = read_data(path, head + body, ReadLimits(ocr=False))
    except IngestError as exc:
        assert "fuzz" in exc.message  # the error names the file
    else:
        assert isinstance(raw.text, str)
        for page in raw.pages:
            assert 0 <= page.start <= page.end <= len(raw.text)
    assert time.monotonic() - started < 20


text_strategy = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=80)), max_size=60).map("\n".join)


@FAST
@given(text_strategy)
def test_press_review_splitter_offsets_valid(text):
    started = time.monotonic()
    for part in split_press_review(text):
        assert 0 <= part.start <= part.end <= len(text)
        assert part.kind in ("article", "table", "document")
    assert time.monotonic() - started < 10


@FAST
@given(text_strategy)
def test_cleaner_keeps_offsets(text):
    cleaned = blank_furniture(text)
    assert len(cleaned) == len(text)  # furniture is blanked in place, so offsets stay valid
