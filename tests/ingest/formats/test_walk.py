"""A folder tree of mixed formats: a report per format, a real Ctrl-C (SIGINT) that stops after the current
file, and a second run that resumes (finished files unchanged, the rest read)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from ingest.pipeline import IngestPipeline
from tests.conftest import make_settings
from tests.ingest.formats.helpers import write
from tests.ingest.formats.test_office import ods_bytes, xlsx_bytes

NOTE = "Nota del Comune di {city}: lo sportello unico ha accolto {n} persone nel 2024."


def tree(corpus: Path) -> None:
    for i, city in enumerate(("Bari", "Lecce", "Matera", "Potenza")):
        write(corpus, f"note/{i}/nota-{city.lower()}.txt", NOTE.format(city=city, n=10 + i))
    write(corpus, "fogli/beneficiari.xlsx", xlsx_bytes())
    write(corpus, "fogli/volontari.ods", ods_bytes())
    write(corpus, "fogli/rotto.xlsx", b"PK\x03\x04 rotto")
    write(corpus, "firme/falso.pdf.p7m", "non firmato")
    write(corpus, "altro/foto.png", b"\x89PNG\r\n\x1a\n" + bytes(40))


def test_report_per_format(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    tree(corpus)
    report = IngestPipeline(make_settings(tmp_path / "data"), progress=False).run([corpus])
    f = report.formats
    assert (f["txt"].read, f["xlsx"].read, f["xlsx"].refused, f["ods"].read) == (4, 1, 1, 1)
    assert f["xlsx"].reasons == {"corrupt_file": 1}
    assert f["p7m"].refused == 1 and f["p7m"].reasons == {"unsupported_type": 1}
    assert f["png"].reasons == {"unsupported_type": 1}
    text = report.render()
    assert "by format:" in text and "xlsx     1 read, 0 unchanged, 1 refused (corrupt_file 1)" in text
    assert "falso.pdf.p7m" in text  # each refused file is named, with its reason


def test_ctrl_c_stops_cleanly_and_the_next_run_resumes(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    tree(corpus)
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)
    real = pipeline._read_file
    calls = []

    def ingest_then_interrupt(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        finally:
            calls.append(args[0])
            if len(calls) == 4:  # png and p7m refused, beneficiari.xlsx read, rotto.xlsx refused
                os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, handled between files

    monkeypatch.setattr(pipeline, "_read_file", ingest_then_interrupt)
    before = signal.getsignal(signal.SIGINT)
    first = pipeline.run([corpus])
    assert first.interrupted and first.files_seen == 4 and first.files_ingested == 1
    assert "STOPPED before the end" in first.render()
    after = signal.getsignal(signal.SIGINT)
    assert after is before, f"the SIGINT handler was {before!r} before the run and {after!r} after"
    second = IngestPipeline(settings, progress=False).run([corpus])
    assert not second.interrupted
    assert second.files_unchanged == 1 and second.files_ingested == 9 - 1 - 3  # 3 files are refused
    assert second.files_removed == 0
