"""Issue 16 item 3: one hostile upload cannot stall or exhaust the service. Every parse runs in a worker
process with time, memory and output limits; zip bombs are refused before anything is inflated."""

from __future__ import annotations

import resource
import shutil
import zipfile

import pytest

from ingest.pipeline import IngestPipeline
from ingest.readers import ReadLimits
from ingest.sandbox import SandboxLimits, WorkerQueue, checked_read, read_in_worker
from lgnet.errors import IngestError
from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.slow

DOCX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
PARAGRAPH = "<w:p><w:r><w:t>Il Comune di Bari apre uno sportello per i migranti.</w:t></w:r></w:p>"


def bomb_docx(path, xml_mb: int) -> None:
    """A real DOCX (python-docx) whose document.xml inflates to `xml_mb` MB of paragraphs (small on disk)."""
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, src.read(info.filename))
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(DOCX_HEAD.encode())
            block = (PARAGRAPH * 2000).encode()
            for _ in range(xml_mb * 1024 * 1024 // len(block)):
                f.write(block)
            f.write(b"</w:body></w:document>")


def test_bomb_docx_refused_before_inflating(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus)
    bomb_docx(corpus / "bomba.docx", 300)
    assert (corpus / "bomba.docx").stat().st_size < 3 * 1024 * 1024
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = IngestPipeline(make_settings(tmp_path / "data"), progress=False).run([corpus])
    [error] = report.errors
    assert error.file.endswith("bomba.docx") and "inflates" in error.reason
    assert report.files_ingested == 4  # the others went in
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 300  # the server process never held the XML


def test_parse_over_memory_or_time_limit_kills_the_worker_not_the_caller(tmp_path):
    """Under the zip limit but heavy to parse: the worker hits its memory or time limit and the file is
    refused by name; the next file is read by a fresh worker."""
    heavy = tmp_path / "pesante.docx"
    bomb_docx(heavy, 60)
    limits = ReadLimits()
    with pytest.raises(IngestError) as info:  # lxml fails to allocate: refused, whatever it calls it
        read_in_worker(heavy, 50 * 1024 * 1024, limits, SandboxLimits(seconds=60, memory_mb=400))
    assert "pesante.docx" in info.value.message
    with pytest.raises(IngestError) as info:
        read_in_worker(heavy, 50 * 1024 * 1024, limits, SandboxLimits(seconds=1, memory_mb=4096))
    assert "pesante.docx" in info.value.message and "longer than the limit" in info.value.reason
    good = CORPUS / "project-sheets" / "lgnet3-scheda-progetto.txt"
    raw = read_in_worker(good, 50 * 1024 * 1024, limits, SandboxLimits(seconds=60, memory_mb=1024))
    assert "LGNet" in raw.text


def test_output_limit(tmp_path):
    text = tmp_path / "lungo.txt"
    text.write_text("parola " * 200_000, "utf-8")
    with pytest.raises(IngestError) as info:
        read_in_worker(text, 50 * 1024 * 1024, ReadLimits(), SandboxLimits(max_text_chars=100_000))
    assert "lungo.txt" in info.value.message and "characters" in info.value.reason


def test_files_queued_behind_a_killed_parse_are_read_by_the_next_worker(tmp_path):
    """The pipeline hands the worker a batch of files ahead of their turn: when one of them is killed (time or
    memory), it alone is refused; those queued behind it are handed to the fresh worker and read."""
    heavy = tmp_path / "pesante.docx"
    bomb_docx(heavy, 100)
    goods = sorted((CORPUS / "project-sheets").glob("*.txt"))[:3]
    read_in_worker(goods[0], 50 * 1024 * 1024, ReadLimits(), SandboxLimits())  # a worker started beforehand
    with WorkerQueue(SandboxLimits(seconds=8, memory_mb=4096)) as queue:
        for path in [goods[0], heavy, *goods[1:]]:
            queue.submit(path, checked_read, path, 50 * 1024 * 1024, ReadLimits(), 10**9)
        assert queue.result(goods[0]).text
        with pytest.raises(IngestError) as info:
            queue.result(heavy)
        assert "pesante.docx" in info.value.message
        assert "longer than the limit" in info.value.reason or "died" in info.value.reason  # killed, either way
        for path in goods[1:]:
            assert queue.result(path).text


def test_a_worker_retiring_after_its_files_is_replaced_while_files_wait(monkeypatch):
    """The worker is replaced after MAX_TASKS files. With the executor's max_tasks_per_child (Python 3.11) a
    worker retiring while files wait in its queue was never replaced: each waiting file hit the time limit."""
    import ingest.sandbox as sandbox

    monkeypatch.setattr(sandbox, "MAX_TASKS", 3)
    sandbox.shutdown()  # a fresh worker, counted from zero
    goods = sorted((CORPUS / "project-sheets").glob("*.txt"))
    paths = [goods[n % len(goods)] for n in range(10)]
    with WorkerQueue(SandboxLimits(seconds=60)) as queue:
        for n in range(5):  # five ahead, then one more each time one is taken back, as the pipeline does
            queue.submit((paths[n], n), checked_read, paths[n], 50 * 1024 * 1024, ReadLimits(), 10**9)
        for n in range(10):
            assert queue.result((paths[n], n)).text
            if n + 5 < 10:
                queue.submit((paths[n + 5], n + 5), checked_read, paths[n + 5], 50 * 1024 * 1024, ReadLimits(), 10**9)
