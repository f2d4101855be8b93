from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from tests.conftest import CORPUS, make_settings

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def client(service, corpus_index):
    """Read-only API over the shared corpus index."""
    app = create_app(corpus_index.model_copy(update={"admin_token": TOKEN}), service=service)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    """An API over its own small index (the project sheets), for write tests."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    shutil.copy(CORPUS / "catalogue.json", corpus / "catalogue.json")
    settings = make_settings(tmp_path / "data").model_copy(update={"admin_token": TOKEN, "corpus_dir": corpus})
    IngestPipeline(settings, progress=False).run([corpus])
    with TestClient(create_app(settings)) as c:
        yield c


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}
