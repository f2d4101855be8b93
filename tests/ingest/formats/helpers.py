"""Helpers for the format tests: write files, ingest a folder through the real pipeline into a real embedded
Chroma store with the real model, then search it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import IngestPipeline
from ingest.readers import ReadLimits, read_file
from ingest.report import IngestReport
from lgnet.errors import IngestError
from retrieval.models import SearchRequest, SearchResult
from retrieval.service import SearchService
from tests.conftest import make_settings

MAX = 20 * 1024 * 1024


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path: Path, **limits) -> object:
    return read_file(path, MAX, ReadLimits(progress=False, **limits))


def fails(path: Path, exc_type: type[IngestError], **limits) -> IngestError:
    """read_file raises exactly `exc_type`, and its message names the file."""
    with pytest.raises(IngestError) as info:
        read(path, **limits)
    assert type(info.value) is exc_type, (type(info.value), info.value)
    assert path.name in info.value.message
    return info.value


def ingest(tmp_path: Path, corpus: Path, **settings) -> tuple[IngestReport, SearchService]:
    config = make_settings(tmp_path / "data", **settings)
    pipeline = IngestPipeline(config, progress=False)
    report = pipeline.run([corpus])
    service = SearchService(config, embedder=pipeline.embedder, store=pipeline.store)
    return report, service


def search(service: SearchService, q: str, **kw) -> SearchResult:
    return service.search(SearchRequest(q=q, **kw))
