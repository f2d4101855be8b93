"""Shared fixtures: real settings, the real embedding model and a real Chroma store built from corpus/."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from lgnet.config import Settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


# Set for the whole session by --chroma-server: every store the tests make lives on that real server.
CHROMA_SERVER: dict[str, str] = {}


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--chroma-server",
        action="store_true",
        help="run the tests against a real `chroma run` server on a free loopback port instead of embedded stores",
    )


@pytest.fixture(scope="session", autouse=True)
def chroma_server_mode(request, tmp_path_factory):
    if not request.config.getoption("--chroma-server"):
        yield None
        return
    from tests.chroma_server import ChromaServer

    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    server.start()
    CHROMA_SERVER["url"] = server.url
    try:
        yield server
    finally:
        CHROMA_SERVER.clear()
        server.stop()


def write_notes(folder: Path, count: int) -> list[Path]:
    """`count` one-sentence notes from Sulmona in a new `folder`, in name order (ingest tests that need many files)."""
    folder.mkdir()
    files = []
    for n in range(count):
        path = folder / f"nota-{n:03d}.txt"
        path.write_text(f"Nota {n}\n\nIl Comune di Sulmona ha aperto lo sportello numero {n}.\n", "utf-8")
        files.append(path)
    return files


def make_settings(data_dir: Path, **overrides) -> Settings:
    """Settings of a test store: embedded, or (with --chroma-server) its own collections on the server."""
    server = {"chroma_url": None}
    if CHROMA_SERVER:
        server = {"chroma_url": CHROMA_SERVER["url"], "collection": f"t{uuid.uuid4().hex[:12]}"}
    return Settings(
        data_dir=data_dir,
        corpus_dir=CORPUS,
        embedding_model="use-m3",
        admin_token=None,
        # The shared test clients make many writes from one address: rate limits are tested on their own.
        **{
            **server,
            "write_rate_per_minute": 1e6,
            "write_burst": 10**6,
            "upload_rate_per_minute": 1e6,
            "upload_burst": 10**6,
            **overrides,
        },
    )


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Settings:
    """The corpus ingested once for the session into an embedded store (treat as read-only)."""
    from ingest.pipeline import IngestPipeline
    from knowledge.hooks import INDEX_HOOKS

    settings = make_settings(tmp_path_factory.mktemp("corpus-index"))
    report = IngestPipeline(settings, progress=False, hooks=INDEX_HOOKS).run([CORPUS])
    assert report.ok, report.errors
    return settings


@pytest.fixture(scope="session")
def service(corpus_index):
    from retrieval.service import SearchService

    svc = SearchService(corpus_index)
    svc.warm_up()
    return svc


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the corpus folder, for tests that change it."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
