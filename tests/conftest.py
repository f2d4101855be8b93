"""Shared fixtures: real settings, the real embedding model and a real Chroma store built from corpus/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lgnet.config import Settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


def make_settings(data_dir: Path, **overrides) -> Settings:
    return Settings(
        data_dir=data_dir,
        corpus_dir=CORPUS,
        chroma_url=None,
        embedding_model="use-m3",
        admin_token=None,
        # The shared test clients make many writes from one address: rate limits are tested on their own.
        **{
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

    settings = make_settings(tmp_path_factory.mktemp("corpus-index"))
    report = IngestPipeline(settings, progress=False).run([CORPUS])
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
