"""A real `chroma run` server: the API answers 503 + Retry-After while it is down, and recovers by itself."""

from __future__ import annotations

import shutil
import time

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from knowledge.hooks import INDEX_HOOKS
from lgnet.store import REVISION_TTL
from tests.api.test_read_endpoints import assert_error
from tests.chroma_server import ChromaServer, free_port
from tests.conftest import CORPUS, make_settings


@pytest.fixture
def server(tmp_path):
    srv = ChromaServer(tmp_path / "chroma-server", free_port())
    srv.start()
    yield srv
    srv.stop()


def test_store_outage_answers_503_and_recovers(tmp_path, server):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    settings = make_settings(tmp_path / "data").model_copy(update={"chroma_url": f"http://localhost:{server.port}"})
    report = IngestPipeline(settings, progress=False, hooks=INDEX_HOOKS).run([corpus])
    assert report.ok and report.chunks > 0
    assert not (settings.data_dir / "chroma").exists()  # nothing embedded locally: it all went to the server

    with TestClient(create_app(settings)) as client:
        ok = client.get("/api/search", params={"q": "durata del progetto LGNet3"})
        assert ok.status_code == 200 and ok.json()["results"]
        server.stop()
        # a search reads the store only for its revision (passages, BM25 and vectors are in memory): the outage
        # shows once that revision, trusted for REVISION_TTL, must be read again
        time.sleep(REVISION_TTL + 0.1)
        down = client.get("/api/search", params={"q": "durata del progetto LGNet3"})
        err = assert_error(down, 503, "store_unavailable")
        assert down.headers["Retry-After"].isdigit() and "not reachable" in err["message"]
        assert_error(client.get("/api/ready"), 503)
        assert client.get("/api/health").status_code == 200  # liveness does not depend on the store
        server.start()
        again = client.get("/api/search", params={"q": "durata del progetto LGNet3"})
        assert again.status_code == 200 and again.json()["results"]
