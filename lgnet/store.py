"""The one module that owns the Chroma collections and their metadata schema.

Two collections: passages (`<name>`) and whole documents (`<name>_docs`, for the document page and listings).
Embeddings are always passed explicitly: Chroma's default embedding function would download a model.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import numpy as np

from lgnet.config import Settings
from lgnet.errors import EmbedderMismatch, StoreError, StoreUnavailable

log = logging.getLogger(__name__)

# Metadata keys of a passage; lists are Chroma array metadata (filter with $contains).
CHUNK_FIELDS = (
    "doc_id",
    "title",
    "doc_type",
    "phase",
    "city",
    "cities_mentioned",
    "interventions",
    "date",
    "year",
    "outlet",
    "url",
    "language",
    "page",
    "char_start",
    "char_end",
    "doc_start",
    "source",
    "chunk_index",
    "dup_group",
    "dup_canonical",
    "doc_dup_group",
    "category",
    "content_hash",
)
PAGE = 500  # rows per Chroma get() page
REVISION_TTL = 1.0  # seconds a revision read from the store is trusted


def clean_metadata(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma takes no None and no empty list: leave such keys out."""
    return {k: v for k, v in meta.items() if v is not None and v != [] and v != ""}


class Store:
    """Passages and documents in Chroma, embedded or through a `chroma run` server."""

    def __init__(self, settings: Settings, embedder_name: str, dim: int) -> None:
        self.settings = settings
        self.embedder_name = embedder_name
        self.dim = dim
        self._client = None
        self._chunks = None
        self._docs = None
        self._revision: tuple[str, float] | None = None  # (revision, when read)
        self._lock = threading.RLock()

    # --- connection --------------------------------------------------------------------------------------
    def _connect(self) -> None:
        import chromadb

        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            try:
                client = chromadb.HttpClient(
                    host=url.hostname or "localhost",
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                )
                client.heartbeat()
            except Exception as exc:  # noqa: BLE001 - any failure here means "not reachable"
                raise StoreUnavailable(
                    f"Chroma server at {self.settings.chroma_url} is not reachable", detail=str(exc)
                ) from exc
        else:
            self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(self.settings.chroma_dir))
        meta = {"embedder": self.embedder_name, "dim": self.dim}
        name = self.settings.collection
        chunks = client.get_or_create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}, metadata=meta
        )
        stored = chunks.metadata or {}
        if stored.get("embedder") != self.embedder_name or int(stored.get("dim", self.dim)) != self.dim:
            raise EmbedderMismatch(
                f"the index in {self.location} was built with embedder {stored.get('embedder')!r} "
                f"({stored.get('dim')} dims), not {self.embedder_name!r} ({self.dim} dims): "
                "set LGNET_EMBEDDING_MODEL back, or rebuild with `lgnet ingest --rebuild`",
                detail={"stored": stored, "configured": meta},
            )
        docs = client.get_or_create_collection(
            f"{name}_docs",
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata=meta,
        )
        self._client, self._chunks, self._docs = client, chunks, docs

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.chroma_dir)

    def _call(self, fn, *args, **kwargs):
        """Run a Chroma call; a lost server becomes StoreUnavailable and the next call reconnects."""
        with self._lock:
            if self._chunks is None:
                self._connect()
        try:
            return fn(*args, **kwargs)
        except (StoreError, EmbedderMismatch):
            raise
        except Exception as exc:
            if self.settings.chroma_url and _is_connection_error(exc):
                with self._lock:
                    self._client = self._chunks = self._docs = None
                raise StoreUnavailable(
                    f"Chroma server at {self.settings.chroma_url} is not reachable", detail=str(exc)
                ) from exc
            raise

    @property
    def chunks(self):
        self._call(lambda: None)
        return self._chunks

    @property
    def docs(self):
        self._call(lambda: None)
        return self._docs

    def reset(self) -> None:
        """Drop both collections (for --rebuild), whatever embedder built them."""
        self._revision = None
        with self._lock:
            if self._client is None:
                with contextlib.suppress(EmbedderMismatch):  # dropping it is the point
                    self._connect()
            client = self._client
            if client is None:
                import chromadb

                client = (
                    chromadb.PersistentClient(path=str(self.settings.chroma_dir))
                    if not self.settings.chroma_url
                    else None
                )
            for name in (self.settings.collection, f"{self.settings.collection}_docs"):
                with contextlib.suppress(Exception):  # an absent collection is fine
                    client.delete_collection(name)
            self._client = self._chunks = self._docs = None

    # --- writes ------------------------------------------------------------------------------------------
    def upsert_chunks(self, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        self._upsert(self.chunks, ids, texts, vectors, metas)

    def upsert_docs(self, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        self._upsert(self.docs, ids, texts, vectors, metas)

    def _upsert(self, collection, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            sl = slice(i, i + PAGE)
            self._call(
                collection.upsert,
                ids=ids[sl],
                documents=texts[sl],
                embeddings=np.asarray(vectors[sl], dtype=np.float32),
                metadatas=metas[sl],
            )

    def update_chunk_metadata(self, ids: list[str], metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            self._call(self.chunks.update, ids=ids[i : i + PAGE], metadatas=metas[i : i + PAGE])

    def update_doc_metadata(self, ids: list[str], metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            self._call(self.docs.update, ids=ids[i : i + PAGE], metadatas=metas[i : i + PAGE])

    def delete_source(self, source: str) -> None:
        """Remove every passage and document that came from one corpus file."""
        self._call(self.chunks.delete, where={"source": source})
        self._call(self.docs.delete, where={"source": source})

    def delete_chunks(self, ids: list[str]) -> None:
        if ids:
            self._call(self.chunks.delete, ids=ids)

    def delete_docs(self, ids: list[str]) -> None:
        if ids:
            self._call(self.docs.delete, ids=ids)

    def bump_revision(self, revision: str) -> None:
        """Mark the index as changed, so derived indexes (lexical) in any process know to rebuild."""
        meta = dict(self.chunks.metadata or {})
        meta["revision"] = revision
        self._call(self.chunks.modify, metadata=meta)
        self._revision = (revision, time.monotonic())

    def revision(self) -> str:
        """The current revision. Read from the store at most every REVISION_TTL seconds: a change made through
        this object is seen at once, one made by another process (a CLI ingest) within that time."""
        cached = self._revision
        if cached is not None and time.monotonic() - cached[1] < REVISION_TTL:
            return cached[0]
        self._call(lambda: None)
        name = self.settings.collection
        collection = self._call(self._client.get_collection, name, embedding_function=None)
        revision = str((collection.metadata or {}).get("revision", ""))
        self._revision = (revision, time.monotonic())
        return revision

    # --- reads -------------------------------------------------------------------------------------------
    def count(self) -> int:
        return int(self._call(self.chunks.count))

    def count_docs(self) -> int:
        return int(self._call(self.docs.count))

    def iter_chunks(self, where: dict | None = None, embeddings: bool = False) -> Iterator[dict]:
        yield from self._iter(self.chunks, where, embeddings)

    def iter_docs(self, where: dict | None = None, text: bool = True) -> Iterator[dict]:
        """Documents; without `text`, only ids and metadata (a listing does not read every document's text)."""
        yield from self._iter(self.docs, where, False, text)

    def _iter(self, collection, where: dict | None, embeddings: bool, text: bool = True) -> Iterator[dict]:
        include = (["documents"] if text else []) + ["metadatas"] + (["embeddings"] if embeddings else [])
        offset = 0
        while True:
            page = self._call(collection.get, where=where, include=include, limit=PAGE, offset=offset)
            for i, cid in enumerate(page["ids"]):
                row = {"id": cid, "text": page["documents"][i] if text else "", "meta": page["metadatas"][i] or {}}
                if embeddings:
                    row["embedding"] = np.asarray(page["embeddings"][i], dtype=np.float32)
                yield row
            if len(page["ids"]) < PAGE:
                return
            offset += PAGE

    def get_chunks(self, ids: list[str], embeddings: bool = False) -> list[dict]:
        if not ids:
            return []
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        page = self._call(self.chunks.get, ids=ids, include=include)
        rows = {
            cid: {
                "id": cid,
                "text": page["documents"][i],
                "meta": page["metadatas"][i] or {},
                **({"embedding": np.asarray(page["embeddings"][i])} if embeddings else {}),
            }
            for i, cid in enumerate(page["ids"])
        }
        return [rows[i] for i in ids if i in rows]

    def get_doc(self, doc_id: str) -> dict | None:
        page = self._call(self.docs.get, ids=[doc_id], include=["documents", "metadatas"])
        if not page["ids"]:
            return None
        return {"id": doc_id, "text": page["documents"][0], "meta": page["metadatas"][0] or {}}

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest passages as (id, cosine similarity), best first (fewer when the store holds fewer: Chroma 1.x
        answers an oversized n_results, or an empty collection, without error, so no count() round trip)."""
        res = self._call(
            self.chunks.query,
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=k,
            where=where,
            include=["distances"],
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)]


def _is_connection_error(exc: Exception) -> bool:
    names = {type(e).__name__ for e in _chain(exc)}
    text = str(exc).lower()
    return (
        bool(
            names
            & {
                "ConnectError",
                "ConnectTimeout",
                "ReadTimeout",
                "RemoteProtocolError",
                "ConnectionError",
                "ConnectionRefusedError",
            }
        )
        or "connection" in text
    )


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    while exc is not None:
        yield exc
        exc = exc.__cause__ or exc.__context__
