"""Issue 16 items 2 and 8: no upload ever loses a file, jobs outlive their process, interrupted uploads are
never ingested later."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.manifest import known_sources
from ingest.pipeline import IngestPipeline
from search_api.jobs import JobQueue
from tests.api.conftest import TOKEN, auth
from tests.api.test_write_endpoints import pdf_bytes
from tests.conftest import CORPUS, make_settings

GOOD = (
    "Il Comune di Bari ha aperto uno sportello unico per i migranti vulnerabili. "
    "Lo sportello offre orientamento legale, supporto psicologico e accompagnamento all'abitare. "
) * 20


def wait_job(client: TestClient, job_id: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still running")


@pytest.fixture
def settings(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    settings = make_settings(tmp_path / "data").model_copy(update={"admin_token": TOKEN, "corpus_dir": corpus})
    IngestPipeline(settings, progress=False).run([corpus])
    return settings


def test_failed_reupload_keeps_the_good_file(settings):
    with TestClient(create_app(settings)) as client:
        good = pdf_bytes([GOOD])
        first = client.post("/api/documents", headers=auth(), files={"file": ("nota.pdf", good)})
        job = wait_job(client, first.json()["id"])
        assert job["status"] == "done", job
        doc_id = job["result"]["documents"][0]
        broken = b"%PDF-1.4\n1 0 obj <<>> garbage"  # a PDF by its bytes, unreadable by pypdf: fails in the job
        again = client.post("/api/documents", headers=auth(), files={"file": ("nota.pdf", broken)})
        failed = wait_job(client, again.json()["id"])
        assert failed["status"] == "failed" and "nota.pdf" in failed["error"]["message"]
        original = client.get(f"/api/documents/{doc_id}/file")
        assert original.status_code == 200 and original.content == good
        uploads = sorted(p.name for p in settings.uploads_dir.iterdir())
        assert len(uploads) == 1 and uploads[0].startswith("nota-")  # the failed one left nothing behind
        before = client.get("/api/search", params={"q": "sportello unico Bari"}).json()["total"]
        reindex = client.post("/api/reindex", headers=auth())
        assert wait_job(client, reindex.json()["id"])["status"] == "done"
        assert client.get(f"/api/documents/{doc_id}").status_code == 200
        assert client.get("/api/search", params={"q": "sportello unico Bari"}).json()["total"] == before


def test_same_name_twice_never_overwrites(settings):
    with TestClient(create_app(settings)) as client:
        ids = []
        for text in (GOOD, GOOD.replace("Bari", "Lecce")):
            r = client.post("/api/documents", headers=auth(), files={"file": ("stessa.txt", text.encode())})
            ids.append(wait_job(client, r.json()["id"])["result"]["documents"][0])
        assert len(set(ids)) == 2 and len(list(settings.uploads_dir.iterdir())) == 2
        assert client.get(f"/api/documents/{ids[0]}/file").content == GOOD.encode()


def test_orphan_upload_is_quarantined_and_never_reingested(settings):
    """A file in uploads/ that the manifest does not know (a kill between write and manifest) is moved out
    at start, and a reindex does not bring it back."""
    settings.uploads_dir.mkdir(parents=True)
    orphan = settings.uploads_dir / "interrotto-0badc0de.txt"
    orphan.write_text(GOOD.replace("Bari", "Matera"), "utf-8")
    with TestClient(create_app(settings)) as client:
        deadline = time.monotonic() + 30
        while orphan.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not orphan.exists()
        assert (settings.data_dir / "quarantine" / orphan.name).is_file()  # kept for an operator, not lost
        job = wait_job(client, client.post("/api/reindex", headers=auth()).json()["id"])
        assert job["status"] == "done" and job["result"]["files_ingested"] == 0
        hits = client.get("/api/search", params={"q": "sportello Matera"}).json()["results"]
        assert all("interrotto" not in (h["source"] or "") for h in hits)


def test_jobs_are_shared_between_processes_and_survive_a_kill(tmp_path):
    """Any process reads any job; a job whose process died is reported failed with code `interrupted`."""
    path = tmp_path / "jobs.sqlite"
    here = JobQueue(path)
    done = here.submit("upload", lambda: {"file": "x"})
    code = (
        "import sys, time; sys.path.insert(0, '.');"
        "from search_api.jobs import JobQueue;"
        f"q = JobQueue(__import__('pathlib').Path({str(path)!r}));"
        "j = q.submit('reindex', lambda: time.sleep(600));"
        "print(j.id, flush=True); time.sleep(600)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        killed_id = proc.stdout.readline().strip()
        deadline = time.monotonic() + 20
        while here.get(killed_id).status != "running" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert here.get(killed_id).status == "running"  # seen from another process
    finally:
        proc.kill()
        proc.wait(10)
    assert here.get(done.id).status == "done"
    restarted = JobQueue(path)  # a new process starting on the same data dir
    job = restarted.get(killed_id)
    assert job.status == "failed" and job.error["code"] == "interrupted"


def test_cli_rebuild_of_the_corpus_keeps_uploaded_documents(settings):
    """`lgnet ingest --rebuild corpus/` must not drop uploads (they would then look like orphans)."""
    settings.uploads_dir.mkdir(parents=True)
    upload = settings.uploads_dir / "caricato-12345678.txt"
    upload.write_text(GOOD.replace("Bari", "Matera"), "utf-8")
    pipeline = IngestPipeline(settings, progress=False)
    assert pipeline.run([upload], prune=False).ok
    report = pipeline.run([settings.corpus_dir], rebuild=True)
    assert any(d.get("source") == f"uploads/{upload.name}" for d in report.doc_list)
    assert f"uploads/{upload.name}" in (known_sources(settings.data_dir) or set())  # the SQLite manifest
