"""After a write: the near-duplicate groups of what changed (`ingest.dedup`), then the groups that moved
written to the store's metadata (its readers filter and collapse with them)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ingest.dedup import Doc, DuplicateIndex, Passage
from ingest.manifest import Manifest
from ingest.model import Chunk, Document
from lgnet.state import transaction
from lgnet.store import Store


class DuplicateRefresh:
    """Keeps the texts a run stored (`remember`), so the refresh does not read them back from the store."""

    def __init__(self) -> None:
        self._fresh_passages: dict[str, Passage] = {}
        self._fresh_docs: dict[str, tuple[Doc, str]] = {}
        self.pushed_docs: set[str] = set()  # documents whose group metadata the last refresh wrote

    def remember(
        self,
        chunks: Sequence[Chunk],
        docs: Sequence[Document],
        chunk_shingles: Sequence[tuple[np.ndarray, np.ndarray] | None] = (),
        doc_shingles: Sequence[tuple[np.ndarray, np.ndarray] | None] = (),
    ) -> None:
        """The texts stored, with their shingles when the parse worker computed them
        (`ingest.minhash.passage_shingles`, `ingest.copies.doc_shingles`)."""
        shingles = list(chunk_shingles) or [None] * len(chunks)
        self._fresh_passages.update(
            {c.chunk_id: Passage(c.chunk_id, c.doc.doc_id, c.text, s) for c, s in zip(chunks, shingles, strict=True)}
        )
        shingles = list(doc_shingles) or [None] * len(docs)
        self._fresh_docs.update(
            {d.doc_id: (Doc(d.doc_id, d.text, d.city, s), d.doc_type) for d, s in zip(docs, shingles, strict=True)}
        )

    def run(self, store: Store, manifest: Manifest) -> bool:
        """Update near-duplicate groups for the files whose refresh is pending (this run's, or an interrupted
        run's) and the passages removed, then write the groups that changed to the store. True if anything was
        pending."""
        dups = DuplicateIndex(manifest.conn)
        sources, chunk_ids, doc_ids, removed = manifest.dedup_pending()
        if sources or removed:
            fresh = [self._fresh_passages.get(c) for c in chunk_ids]
            missing = [c for c, p in zip(chunk_ids, fresh, strict=True) if p is None]
            fetched = {
                r["id"]: Passage(r["id"], r["meta"].get("doc_id", ""), r["text"]) for r in _get_chunks(store, missing)
            }
            passages: list[Passage] = [p for p in fresh if p is not None] + list(fetched.values())
            fresh_docs = [self._fresh_docs.get(d) for d in doc_ids]
            missing = [d for d, x in zip(doc_ids, fresh_docs, strict=True) if x is None]
            docs: list[tuple[Doc, str]] = [x for x in fresh_docs if x is not None] + [
                (Doc(r["id"], r["text"], r["meta"].get("city")), r["meta"].get("doc_type", ""))
                for r in _get_docs(store, missing)
            ]
            with transaction(manifest.conn):
                dups.refresh(
                    [r.split(":", 1)[1] for r in removed if r.startswith("chunk:")],
                    [r.split(":", 1)[1] for r in removed if r.startswith("doc:")],
                    passages,
                    [d for d, doc_type in docs if doc_type != "press_summary"],
                )
                manifest.dedup_finished(sources)
        self.pushed_docs = set()
        pushed = _push_groups(store, manifest, dups, self.pushed_docs)
        self._fresh_passages.clear()
        self._fresh_docs.clear()
        return bool(sources or removed or pushed)


def _push_groups(store: Store, manifest: Manifest, dups: DuplicateIndex, docs_pushed: set[str]) -> int:
    """Write the groups that changed to the store's metadata (the store's readers filter and collapse with
    them); each batch is cleared only once written, so an interrupted push resumes."""
    with transaction(manifest.conn):
        dups.clear_missing_dirty()
    pushed = 0
    for kind in ("doc", "chunk"):
        while batch := dups.dirty(kind):
            rows = _get_docs(store, list(batch)) if kind == "doc" else _get_chunks(store, list(batch))
            ids = [r["id"] for r in rows if any(r["meta"].get(k) != v for k, v in batch[r["id"]].items())]
            metas = [{**r["meta"], **batch[r["id"]]} for r in rows if r["id"] in set(ids)]
            if ids:
                update = store.update_doc_metadata if kind == "doc" else store.update_chunk_metadata
                update(ids, metas)
            with transaction(manifest.conn):
                dups.clear_dirty(kind, batch)
                if kind == "chunk":
                    manifest.log_changes(ids)
                else:
                    docs_pushed.update(ids)
            pushed += len(ids)
    return pushed


def _get_chunks(store: Store, ids: list[str]) -> list[dict]:
    return [r for i in range(0, len(ids), 500) for r in store.get_chunks(ids[i : i + 500])]


def _get_docs(store: Store, ids: list[str]) -> list[dict]:
    return [r for i in range(0, len(ids), 500) for r in store.iter_docs(where={"doc_id": {"$in": ids[i : i + 500]}})]
