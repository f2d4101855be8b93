"""The one module that owns the Chroma collections and their metadata schema.

Two collections: passages (`<name>`) and whole documents (`<name>_docs`, for the document page and listings).
Embeddings are always passed explicitly: Chroma's default embedding function would download a model.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlparse

import numpy as np

from lgnet.chroma_errors import is_connection_error, is_missing
from lgnet.config import Settings
from lgnet.errors import EmbedderMismatch, StoreError, StoreUnavailable
from lgnet.write_lock import writer_lock

log = logging.getLogger(__name__)

PAGE = 500  # rows per Chroma get() page
MAX_IDS = 20_000  # ids in one Chroma get() (its SQL statement fails past 32,766 variables)
REVISION_TTL = 1.0  # seconds a revision read from the store is trusted
POINTER_SUFFIX = "_pointer"  # the collection whose metadata names the current generation
# Collections that belong to one generation beside its passages: built with it, published and dropped with it.
GENERATION_SUFFIXES = ("docs", "records", "recordkeys")


def clean_metadata(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma takes no None and no empty list: leave such keys out."""
    return {k: v for k, v in meta.items() if v is not None and v != [] and v != ""}


def _paged(
    get: Callable[..., Any], where: dict | None, embeddings: bool, text: bool = True, among: list[str] | None = None
) -> Iterator[dict]:
    """Every row a Chroma `get` returns (among the ids `among`, if given), PAGE at a time: {id, text, meta} (and
    embedding), in Chroma's order. The matching ids first in one call, then the rows PAGE ids at a time: a page by
    offset costs its offset (the 102,803 passages of one phase of the 100k bench took 100 s by offset, 17 s by
    ids)."""
    include = (["documents"] if text else []) + ["metadatas"] + (["embeddings"] if embeddings else [])
    if among is not None and len(among) > MAX_IDS:
        raise ValueError(f"at most {MAX_IDS} ids in one ordered read (SQLite's limit on a statement's variables)")
    ids = get(where=where, ids=among, include=[])["ids"] if among is None or among else []
    for start in range(0, len(ids), PAGE):
        wanted = ids[start : start + PAGE]
        page = get(ids=wanted, include=include)
        at = {cid: i for i, cid in enumerate(page["ids"])}
        for cid in wanted:
            i = at.get(cid)
            if i is None:
                continue  # deleted since the ids were read
            row = {"id": cid, "text": page["documents"][i] if text else "", "meta": page["metadatas"][i] or {}}
            if embeddings:
                row["embedding"] = np.asarray(page["embeddings"][i], dtype=np.float32)
            yield row


class Store:
    """Passages and documents in Chroma, embedded or through a `chroma run` server.

    Generations: the collections in use are named by a pointer record (the metadata of the `<name>_pointer`
    collection), so a rebuild writes a new generation (`new_generation()`) while the current one keeps serving,
    then `publish()` swaps the pointer in one write and drops the old generation. Every Store that follows the
    pointer (any process) re-reads it with the revision and reopens; a call that finds its collection gone
    re-reads the pointer and is retried once.
    """

    def __init__(self, settings: Settings, embedder_name: str, dim: int, generation: str | None = None) -> None:
        self.settings = settings
        self.embedder_name = embedder_name
        self.dim = dim
        self._pinned = generation  # a generation being built: never follows the pointer
        self._generation: str | None = None  # the generation whose collections are open
        # Chroma's client and collections, opened on first use (and again after a lost server)
        self._client: Any = None
        self._chunks: Any = None
        self._docs: Any = None
        self._revision: tuple[str, float] | None = None  # (revision, when read)
        self._bumps = 0  # revisions written through this object: a read begun before one must not undo it
        self._lock = threading.RLock()
        self._followers: list[weakref.WeakMethod] = []  # told of each revision written here (`follow`)

    # --- connection --------------------------------------------------------------------------------------
    def _new_client(self):
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
            return client
        self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(self.settings.chroma_dir))

    def _client_or_new(self):
        if self._client is None:
            self._client = self._new_client()
        return self._client

    def _pointer(self):
        """The pointer collection (created on first use, naming the legacy generation `<name>`)."""
        client = self._client_or_new()
        name = f"{self.settings.collection}{POINTER_SUFFIX}"
        try:
            return client.get_collection(name, embedding_function=None)
        except Exception as exc:  # noqa: BLE001 - absent: create it (another process may win the race)
            if not is_missing(exc):
                raise
        try:
            return client.create_collection(
                name, embedding_function=None, metadata={"current": self.settings.collection}
            )
        except Exception:  # noqa: BLE001 - created meanwhile by another process
            return client.get_collection(name, embedding_function=None)

    def current_generation(self) -> str:
        """The generation readers use now."""
        return str((self._pointer().metadata or {}).get("current") or self.settings.collection)

    def _connect(self) -> None:
        client = self._client_or_new()
        name = self._pinned or self.current_generation()
        meta = {"embedder": self.embedder_name, "dim": self.dim}
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
        self._chunks, self._docs, self._generation = chunks, docs, name

    def _forget(self, client: bool = False) -> None:
        """Drop the open collections (and the client), so the next call re-reads the pointer."""
        with self._lock:
            self._chunks = self._docs = self._generation = None
            self._revision = None
            if client:
                self._client = None

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.chroma_dir)

    def _ensure(self) -> None:
        with self._lock:
            if self._chunks is None:
                self._guard(self._connect)

    def _guard(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (StoreError, EmbedderMismatch):
            raise
        except Exception as exc:
            if self.settings.chroma_url and is_connection_error(exc):
                self._forget(client=True)
                raise StoreUnavailable(
                    f"Chroma server at {self.settings.chroma_url} is not reachable", detail=str(exc)
                ) from exc
            raise

    def _op(self, which: str, method: str, **kwargs):
        """Call `method` on the passages ("chunks") or documents ("docs") collection of the current generation.
        A lost server becomes StoreUnavailable (the next call reconnects); a collection dropped by a rebuild
        in another process makes this store follow the pointer and retry once."""
        for attempt in (0, 1):
            self._ensure()
            collection = self._chunks if which == "chunks" else self._docs
            try:
                return self._guard(getattr(collection, method), **kwargs)
            except Exception as exc:
                if attempt == 0 and self._pinned is None and is_missing(exc):
                    log.info("collection %s gone (rebuilt elsewhere): following the pointer", self._generation)
                    self._forget()
                    continue
                raise
        raise AssertionError("unreachable")

    @property
    def generation(self) -> str:
        self._ensure()
        return str(self._generation)

    # --- generations (rebuilds) --------------------------------------------------------------------------
    def new_generation(self) -> Store:
        """A store writing to a fresh, empty generation that no reader sees until `publish()`."""
        name = f"{self.settings.collection}_g{uuid.uuid4().hex[:12]}"
        return Store(self.settings, self.embedder_name, self.dim, generation=name)

    def publish(self, followers: tuple[Store, ...] = ()) -> None:
        """Make this (pinned) generation the current one in one write, then drop every other generation.
        `followers` (stores of this process) switch at once; other processes within REVISION_TTL or at their
        next call that finds the old collection gone."""
        if self._pinned is None:
            raise StoreError("only a new generation can be published")
        self._ensure()
        pointer = self._guard(self._pointer)
        self._guard(pointer.modify, metadata={"current": self._pinned, "published": time.time()})
        for store in followers:
            store._forget()
        self.drop_other_generations()

    def discard(self) -> None:
        """Drop this unpublished generation (a rebuild that failed)."""
        if self._pinned is None or self._client is None:
            return
        for name in (self._pinned, *(f"{self._pinned}_{s}" for s in GENERATION_SUFFIXES)):
            with contextlib.suppress(Exception):
                self._client.delete_collection(name)
        self._forget()

    def drop_other_generations(self) -> None:
        """Delete the collections of every generation but the current one (old ones, and rebuilds that were
        killed half-way). Call it holding the write lock, so no rebuild is under way."""
        client = self._client_or_new()
        current = self._pinned or self.current_generation()
        keep = {current, *(f"{current}_{s}" for s in GENERATION_SUFFIXES)}
        keep.add(f"{self.settings.collection}{POINTER_SUFFIX}")
        base = self.settings.collection
        suffixes = "|".join(GENERATION_SUFFIXES)
        for collection in self._guard(client.list_collections):
            name = collection if isinstance(collection, str) else collection.name
            ours = name in (base, *(f"{base}_{s}" for s in GENERATION_SUFFIXES)) or re.fullmatch(
                rf"{re.escape(base)}_g[0-9a-f]+(_(?:{suffixes}))?", name
            )
            if ours and name not in keep:
                with contextlib.suppress(Exception):  # already gone: fine
                    client.delete_collection(name)
                    log.info("dropped old generation collection %s", name)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Exclusive writer across processes sharing this data dir (CLI ingest, server jobs, workers):
        a file lock, re-entrant within the process."""
        with writer_lock(self.settings.data_dir):
            yield

    # --- writes ------------------------------------------------------------------------------------------
    def upsert_chunks(self, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        self._upsert("chunks", ids, texts, vectors, metas)

    def upsert_docs(self, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        self._upsert("docs", ids, texts, vectors, metas)

    def _upsert(self, which: str, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            sl = slice(i, i + PAGE)
            self._op(
                which,
                "upsert",
                ids=ids[sl],
                documents=texts[sl],
                embeddings=np.asarray(vectors[sl], dtype=np.float32),
                metadatas=metas[sl],
            )

    def update_chunk_metadata(self, ids: list[str], metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            self._op("chunks", "update", ids=ids[i : i + PAGE], metadatas=metas[i : i + PAGE])

    def update_doc_metadata(self, ids: list[str], metas: list[dict]) -> None:
        for i in range(0, len(ids), PAGE):
            self._op("docs", "update", ids=ids[i : i + PAGE], metadatas=metas[i : i + PAGE])

    def delete_source(self, source: str) -> None:
        """Remove every passage and document that came from one corpus file."""
        self._op("chunks", "delete", where={"source": source})
        self._op("docs", "delete", where={"source": source})

    def delete_docs_of(self, sources: list[str]) -> None:
        """Remove the documents of these corpus files (one delete for a batch of files)."""
        for i in range(0, len(sources), 100):
            part = sources[i : i + 100]
            self._op("docs", "delete", where={"source": part[0]} if len(part) == 1 else {"source": {"$in": part}})

    def delete_chunks(self, ids: list[str]) -> None:
        for i in range(0, len(ids), PAGE):
            self._op("chunks", "delete", ids=ids[i : i + PAGE])

    def delete_docs(self, ids: list[str]) -> None:
        if ids:
            self._op("docs", "delete", ids=ids)

    def bump_revision(self, revision: str) -> None:
        """Mark the index as changed, so derived indexes (lexical) in any process know to rebuild. The revision
        lives on the generation's own collection: only a publish ever writes the pointer."""
        self._ensure()
        meta = dict(self._chunks.metadata or {})
        meta["revision"] = revision
        self._op("chunks", "modify", metadata=meta)
        self._bumps += 1
        self._revision = (f"{self._generation}:{revision}", time.monotonic())
        self._tell_followers()

    def follow(self, listener: Callable[[], object]) -> None:
        """Call `listener` (a bound method, held weakly) after each revision written through this object, in the
        writer's thread: what a reader of this process derives from the index (the search service's lexical
        index and the structures made from it) is then brought up to date by the change that moved it, not by
        the first search after it. A listener's failure is logged, never the write's."""
        with self._lock:
            self._followers.append(weakref.WeakMethod(listener))

    def _tell_followers(self) -> None:
        with self._lock:
            self._followers = [ref for ref in self._followers if ref() is not None]
            listeners = [ref() for ref in self._followers]
        for listener in listeners:
            if listener is None:
                continue
            try:
                listener()
            except Exception:  # noqa: BLE001 - the write is done; the next search brings the reader up to date
                log.exception("a follower of the store's revision failed")

    def revision(self) -> str:
        """The current revision (`generation:revision`). Read from the store at most every REVISION_TTL
        seconds: a change made through this object is seen at once, one made by another process (a CLI
        ingest, a rebuild published elsewhere) within that time. A new generation reopens the collections."""
        cached = self._revision
        if cached is not None and time.monotonic() - cached[1] < REVISION_TTL:
            return cached[0]
        return self.read_revision()

    def read_revision(self) -> str:
        """The revision read from the store now (and trusted from now on for REVISION_TTL): a served process
        calls it in the background (retrieval/freshness.py), so its requests find it fresh."""
        bumps = self._bumps
        self._ensure()
        with self._lock:
            name = self._pinned or self._guard(self.current_generation)
            if name != self._generation:
                self._forget()
                self._ensure()
        try:
            collection = self._guard(self._client.get_collection, name, embedding_function=None)
        except Exception as exc:
            if self._pinned is not None or not is_missing(exc):
                raise
            self._forget()  # dropped by a rebuild published in between: read the pointer again
            return self.read_revision()
        revision = f"{name}:{(collection.metadata or {}).get('revision', '')}"
        with self._lock:
            if self._bumps != bumps:  # this object wrote a newer one meanwhile (that write reads back the same)
                return self.revision()
            self._revision = (revision, time.monotonic())
        return revision

    # --- collections beside the passages (derived data such as the practice records) ------------------------
    def generation_suffix(self, suffix: str) -> str:
        """The aux suffix of a collection that belongs to this store's generation (`<generation>_<suffix>`): a
        rebuild fills its own, readers see it only once the generation is published, and it goes with it."""
        self.revision()  # follows the pointer (at most every REVISION_TTL) if a rebuild was published elsewhere
        generation = self.generation
        base = self.settings.collection
        return suffix if generation == base else f"{generation[len(base) + 1 :]}_{suffix}"

    def aux_collection(self, suffix: str):
        """The collection `<name>_<suffix>` (outside the generations: a rebuild neither drops nor swaps it, so
        what is kept there, editors' edits and records rebuilt by fingerprint, survives one)."""
        name = f"{self.settings.collection}_{suffix}"
        meta = {"embedder": self.embedder_name, "dim": self.dim}
        with self._lock:
            client = self._guard(self._client_or_new)
        return self._guard(
            client.get_or_create_collection,
            name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata=meta,
        )

    def aux_upsert(self, suffix: str, ids: list[str], texts: list[str], vectors: np.ndarray, metas: list[dict]) -> None:
        collection = self.aux_collection(suffix)
        for i in range(0, len(ids), PAGE):
            sl = slice(i, i + PAGE)
            self._guard(
                collection.upsert,
                ids=ids[sl],
                documents=texts[sl],
                embeddings=np.asarray(vectors[sl], dtype=np.float32),
                metadatas=metas[sl],
            )

    def aux_delete(self, suffix: str, ids: list[str] | None = None, where: dict | None = None) -> None:
        if ids or where:
            self._guard(self.aux_collection(suffix).delete, ids=ids, where=where)

    def aux_rows(self, suffix: str, where: dict | None = None, embeddings: bool = False) -> Iterator[dict]:
        collection = self.aux_collection(suffix)
        yield from _paged(lambda **kw: self._guard(collection.get, **kw), where, embeddings)

    # --- reads -------------------------------------------------------------------------------------------
    def chunk_ids(self, where: dict | None = None, among: list[str] | None = None) -> list[str]:
        """The ids of the passages matching `where` (of those among `among`, at most MAX_IDS, when given), in
        Chroma's order, the order `iter_chunks` reads them in (no metadata read)."""
        if among is not None and len(among) > MAX_IDS:
            raise ValueError(f"at most {MAX_IDS} ids in one ordered read (SQLite's limit on a statement's variables)")
        if among is not None and not among:
            return []
        return list(self._op("chunks", "get", where=where, ids=among, include=[])["ids"])

    def count(self) -> int:
        return int(self._op("chunks", "count"))

    def count_docs(self) -> int:
        return int(self._op("docs", "count"))

    def iter_chunks(self, where: dict | None = None, embeddings: bool = False, text: bool = True,
                    among: list[str] | None = None) -> Iterator[dict]:  # fmt: skip
        """Passages (those of the ids `among`, at most MAX_IDS, if given), in Chroma's order; without `text`, only
        ids, metadata (and embeddings)."""
        yield from _paged(lambda **kw: self._op("chunks", "get", **kw), where, embeddings, text, among)

    def iter_docs(self, where: dict | None = None, text: bool = True) -> Iterator[dict]:
        """Documents; without `text`, only ids and metadata (a listing does not read every document's text)."""
        yield from self._iter("docs", where, False, text)

    def _iter(self, which: str, where: dict | None, embeddings: bool, text: bool = True) -> Iterator[dict]:
        yield from _paged(lambda **kw: self._op(which, "get", **kw), where, embeddings, text)

    def get_chunks(self, ids: list[str], embeddings: bool = False) -> list[dict]:
        if not ids:
            return []
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        page = self._op("chunks", "get", ids=ids, include=include)
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
        page = self._op("docs", "get", ids=[doc_id], include=["documents", "metadatas"])
        if not page["ids"]:
            return None
        return {"id": doc_id, "text": page["documents"][0], "meta": page["metadatas"][0] or {}}

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest passages as (id, cosine similarity), best first (fewer when the store holds fewer: Chroma 1.x
        answers an oversized n_results, or an empty collection, without error, so no count() round trip)."""
        res = self._op(
            "chunks",
            "query",
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=k,
            where=where,
            include=["distances"],
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)]
