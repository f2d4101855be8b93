"""Several workers, one store: two `lgnet serve` processes on one real `chroma run` server and one data dir.
An upload through one is searchable through the other within seconds, and its job status is known there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import httpx
import pytest

from ingest.pipeline import IngestPipeline
from tests.chroma_server import ChromaServer, free_port
from tests.conftest import CORPUS, REPO, make_settings

TOKEN = "workers-token"
TEXT = (
    "Il Comune di Aosta ha aperto lo sportello quokkarium per l'orientamento abitativo delle famiglie migranti "
    "in uscita dall'accoglienza: consulenza, ricerca di alloggi e mediazione con i proprietari. "
) * 4


def _serve(port: int, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server process ended"
        try:
            if httpx.get(f"{base}/api/ready", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{base} never ready")


@pytest.fixture
def two_workers(tmp_path):
    server = ChromaServer(tmp_path / "chroma")
    server.start()
    procs: list[subprocess.Popen] = []
    try:
        corpus = tmp_path / "corpus"
        shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
        settings = make_settings(tmp_path / "data", chroma_url=server.url, collection="workers")
        assert IngestPipeline(settings, progress=False).run([corpus]).ok
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "LGNET_DATA_DIR": str(settings.data_dir),
            "LGNET_CHROMA_URL": server.url,
            "LGNET_COLLECTION": "workers",
            "LGNET_CORPUS_DIR": str(corpus),
            "LGNET_ADMIN_TOKEN": TOKEN,
        }
        bases = []
        for _ in range(2):
            port = free_port()
            procs.append(_serve(port, env))
            bases.append(f"http://127.0.0.1:{port}")
        for base, proc in zip(bases, procs, strict=True):
            _wait_ready(base, proc)
        yield bases
    finally:
        for proc in procs:  # stopped by their own PIDs
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        server.stop()


def test_upload_through_one_worker_is_searchable_and_followed_through_the_other(two_workers):
    first, second = two_workers
    with httpx.Client(base_url=first, timeout=60) as a, httpx.Client(base_url=second, timeout=60) as b:
        assert b.get("/api/search", params={"q": "quokkarium"}).json()["results"] == []
        response = a.post(
            "/api/documents",
            files={"file": ("aosta.txt", TEXT.encode(), "text/plain")},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 202, response.text
        job_id = response.json()["id"]
        deadline = time.monotonic() + 180
        job = {}
        while time.monotonic() < deadline:
            job = a.get(f"/api/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert job.get("status") == "done", job
        done_at = time.monotonic()
        hits = []
        # The other worker follows the change log; how fast is measured by the bench, not here (a wait bound only).
        while time.monotonic() - done_at < 60:
            hits = b.get("/api/search", params={"q": "quokkarium"}).json()["results"]
            if hits:
                break
            time.sleep(0.2)
        assert hits and "quokkarium" in hits[0]["text"]  # the other worker sees the upload
        assert b.get(f"/api/documents/{hits[0]['doc_id']}/file").status_code == 200  # uploads folder is shared
        seen = b.get(f"/api/jobs/{job_id}")  # jobs live in SQLite: the other worker answers for them
        assert seen.status_code == 200, seen.text
        assert seen.json()["status"] == "done"


def test_several_workers_need_a_chroma_server(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "LGNET_DATA_DIR": str(tmp_path)}
    env.pop("LGNET_CHROMA_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--workers", "2", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "LGNET_CHROMA_URL" in result.stderr
