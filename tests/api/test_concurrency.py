"""8 clients search for 30 s over real HTTP while an upload is ingested: no error, and the new document
becomes visible once its job is done."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import httpx
import pytest
import uvicorn

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from knowledge.hooks import INDEX_HOOKS
from tests.api.conftest import TOKEN, auth
from tests.api.test_write_endpoints import PRACTICE, pdf_bytes
from tests.conftest import CORPUS, make_settings

CLIENTS, SECONDS = 8, 30
QUERIES = [
    "alloggi ponte",
    "street units in Sassari",
    "sportello unico Taranto",
    "emporio solidale Bari",
    "one-stop-shop Milan",
    "impegno civico giardini",
    "LGNet3 durata",
    "famiglie senza casa Torino",
]


@pytest.fixture
def live_server(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(tmp_path / "data").model_copy(update={"admin_token": TOKEN, "corpus_dir": corpus})
    IngestPipeline(settings, progress=False, hooks=INDEX_HOOKS).run([corpus])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/ready", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base
    server.should_exit = True
    thread.join(10)


@pytest.mark.slow
def test_searches_during_an_upload(live_server):
    errors: list[str] = []
    seen_new: list[float] = []
    done_at: list[float] = []
    stop = time.monotonic() + SECONDS
    counts = [0] * CLIENTS
    answered_at: list[float] = []

    def client(n: int) -> None:
        with httpx.Client(base_url=live_server, timeout=30) as c:
            i = n
            while time.monotonic() < stop:
                q = QUERIES[i % len(QUERIES)]
                i += 1
                r = c.get("/api/search", params={"q": q, "k": 5})
                counts[n] += 1
                answered_at.append(time.monotonic())
                if r.status_code != 200:
                    errors.append(f"{q}: {r.status_code} {r.text[:200]}")
                    continue
                if q == "emporio solidale Bari" and any(h["city"] == "Bari" for h in r.json()["results"]):
                    seen_new.append(time.monotonic())

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(3)
    upload_started = time.monotonic()
    with httpx.Client(base_url=live_server, timeout=60) as c:
        r = c.post("/api/documents", files={"file": ("bari.pdf", pdf_bytes([PRACTICE]))}, headers=auth())
        assert r.status_code == 202, r.text
        job_id = r.json()["id"]
        while True:
            job = c.get(f"/api/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                done_at.append(time.monotonic())
                break
            time.sleep(0.2)
    assert job["status"] == "done", job
    for t in threads:
        t.join()
    assert errors == []
    # Progress, not speed (speed lives in make bench): every client was answered, and searches kept being
    # answered while the upload was being ingested (they did not queue behind the write).
    assert all(counts), counts
    assert any(upload_started < t < done_at[0] for t in answered_at), "no search answered during the upload"
    assert seen_new, "searches never saw the uploaded document"
    assert min(seen_new) >= done_at[0] - 1.0  # not before its job was done (1 s of polling slack)
