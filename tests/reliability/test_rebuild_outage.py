"""Issue 16 items 1 and 5: a rebuild (from the CLI in another process, or POST /api/reindex?rebuild=true)
never leaves readers without an index: the old generation serves until the new one is complete."""

from __future__ import annotations

import shutil
import time

import httpx
import pytest

from tests.api.test_chroma_server import ChromaServer, free_port
from tests.conftest import CORPUS
from tests.reliability.servers import Prober, Server, lgnet, lgnet_env

pytestmark = pytest.mark.slow


@pytest.fixture
def small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    shutil.copy(CORPUS / "catalogue.json", corpus / "catalogue.json")
    return corpus


def _rebuild_from_cli_while_serving(env: dict, corpus, rebuilds: int) -> None:
    assert lgnet(env, "ingest", str(corpus)).returncode == 0
    server = Server(env)
    try:
        server.wait_ready()
        with Prober(server.url) as probe:
            time.sleep(1)
            for _ in range(rebuilds):  # a second rebuild drops the generation the first one published
                done = lgnet(env, "ingest", "--rebuild", str(corpus))
                assert done.returncode == 0, done.stderr
                time.sleep(2.5)  # readers follow the new pointer within a second
        assert probe.statuses, "no request answered"
        assert set(probe.statuses) == {200}, probe.errors[:3]
        assert min(probe.totals) > 0  # never an empty answer
        r = httpx.get(f"{server.url}/api/documents", timeout=30)
        assert r.status_code == 200 and r.json()["total"] > 0
    finally:
        server.stop()


def test_cli_rebuild_while_server_runs_embedded(tmp_path, small_corpus):
    _rebuild_from_cli_while_serving(lgnet_env(tmp_path / "data", small_corpus), small_corpus, rebuilds=2)


def test_cli_rebuild_while_server_runs_chroma_server(tmp_path, small_corpus):
    chroma = ChromaServer(tmp_path / "chroma-server", free_port())
    chroma.start()
    try:
        env = lgnet_env(tmp_path / "data", small_corpus, LGNET_CHROMA_URL=f"http://localhost:{chroma.port}")
        _rebuild_from_cli_while_serving(env, small_corpus, rebuilds=1)
    finally:
        chroma.stop()


def test_reindex_rebuild_keeps_serving_the_old_index(tmp_path, small_corpus):
    """Item 5: during POST /api/reindex?rebuild=true searches answer from the old index, never total 0."""
    env = lgnet_env(tmp_path / "data", small_corpus, LGNET_ADMIN_TOKEN="tok")
    assert lgnet(env, "ingest", str(small_corpus)).returncode == 0
    server = Server(env)
    try:
        server.wait_ready()
        with Prober(server.url) as probe:
            job = httpx.post(
                f"{server.url}/api/reindex", params={"rebuild": "true"}, headers={"Authorization": "Bearer tok"}
            ).json()
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline:
                status = httpx.get(f"{server.url}/api/jobs/{job['id']}").json()["status"]
                if status in ("done", "failed"):
                    break
                time.sleep(0.3)
            assert status == "done"
            time.sleep(1)
        assert set(probe.statuses) == {200}, probe.errors[:3]
        assert len(probe.totals) > 3 and min(probe.totals) > 0
    finally:
        server.stop()
