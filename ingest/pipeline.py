"""The ingestion pipeline: discover -> read -> split and describe -> chunk -> embed -> store -> deduplicate.

Incremental: a manifest of content hashes means an unchanged file costs a hash, a changed file replaces its
passages (re-using the vectors of passages whose text did not change), a removed file's passages go.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
from tqdm import tqdm

from ingest.batch_hooks import BatchHook, BesideWalk
from ingest.catalogue import CATALOGUE_NAME, load_catalogue
from ingest.duplicate_refresh import DuplicateRefresh
from ingest.manifest import FileEntry, Manifest
from ingest.model import Chunk, Document
from ingest.prepare import PreparedFile, PrepareTask, prepare_file
from ingest.readers import ReadLimits
from ingest.redescribe import Descriptions
from ingest.report import FileError, IngestReport
from ingest.sandbox import SandboxLimits, WorkerQueue
from ingest.store_metadata import doc_metadata
from ingest.summary import IndexSummary, passage_groups
from ingest.walk import FolderProgress, discover
from lgnet.collector import collector_paused
from lgnet.config import Settings
from lgnet.embedders import Embedder, get_embedder
from lgnet.errors import IngestError, NotFound
from lgnet.state import record_count, state_path
from lgnet.store import Store

log = logging.getLogger(__name__)
SKIPPED_NAMES = {CATALOGUE_NAME, ".gitkeep", ".DS_Store"}
# Called with (store, embedder) after the passages and their duplicate groups changed, before the revision
# moves: the layers above (knowledge: practice records) keep their derived data in step this way.
IndexHook = Callable[[Store, Embedder], object]
# Files read are stored together once this many passages wait: one Chroma upsert per collection per batch
# instead of two per file (each upsert has a fixed cost of tens of ms, more than a small file's passages).
WRITE_BATCH_PASSAGES = 256
WRITE_BATCH_FILES = 64
# Files handed to the parse worker ahead of their turn: a batch's worth, so the worker reads the next batch while
# the main process embeds this one. With one BLAS thread per process (LGNET_THREADS, since 25cf912) the embedding
# takes one core and the parse the other; with BLAS on every core (3b3368f) a parse beside it had slowed it more than
# the overlap saved. 1k bench corpus, real model, load ~3, one file ahead / a batch ahead, alternated: ingest 33.9 /
# 30.6 s and 28.6 / 22.5 s, the embedding inside it 21.6 / 22.1 s and 17.0 / 15.7 s.
READ_AHEAD_FILES = WRITE_BATCH_FILES


@dataclass
class _ReadFile:
    """A file read, described and chunked, waiting to be embedded and stored with its batch."""

    source: str
    digest: str
    size: int
    docs: list[Document]
    chunks: list[Chunk]
    metas: list[dict]
    known: FileEntry | None
    tokens: list[list[int]] | None = None  # its passages tokenized by the parse worker for the embedder
    chunk_shingles: list | None = None  # and their shingles, its documents' too (`passage_shingles`, `doc_shingles`)
    doc_shingles: list | None = None


@dataclass
class _Looked:
    """A file of the walk checked against the manifest ahead of its turn."""

    digest: str = ""
    size: int = 0
    known: FileEntry | None = None
    unchanged: bool = False
    redescribe: bool = False  # unchanged, but described by other rules (ingest/redescribe.py): read again
    error: IngestError | None = None


def _digest(data: bytes, entry: dict) -> str:
    """The file's content hash; with a catalogue entry or upload fields, of those too, so that new metadata for
    the same bytes re-describes the file (a file without an entry keeps its plain content hash)."""
    h = hashlib.sha256(data)
    if entry:
        h.update(b"\0" + json.dumps(entry, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


class IngestPipeline:
    _descriptions: Descriptions  # which rules described each file (ingest/redescribe.py), set by each walk

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        store: Store | None = None,
        progress: bool | None = None,
        hooks: Sequence[IndexHook] = (),
        batch_hooks: Sequence[BatchHook] = (),
    ) -> None:
        self.settings = settings
        self.hooks = tuple(hooks)
        self.batch_hooks = tuple(batch_hooks)
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.threads)
        self.store = store or Store(settings, self.embedder.name, self.embedder.dim)
        self.progress = sys.stderr.isatty() if progress is None else progress
        self.progress_file: str | None = None  # where OCR reports its pages (a job's progress), if anyone follows
        self._manifests: dict[str, Manifest] = {}  # by store generation: a rebuild gets a fresh state file
        self.duplicates = DuplicateRefresh()
        self._queue: WorkerQueue | None = None  # the parse worker's queue, during a walk
        self._looked: dict[Path, _Looked] = {}  # files of the walk checked ahead of their turn
        self._touched_docs: set[str] = set()  # documents stored or removed by the run, for its report
        self._ahead: list[np.ndarray] = []  # the pending batch's first passages' vectors, embedded as they came

    def run(self, paths: Iterable[Path], rebuild: bool = False, prune: bool = True) -> IngestReport:
        """Ingest files and folders. With `prune`, files gone from an ingested folder leave the index.
        One writer at a time across processes (the store's write lock); a rebuild fills a new generation while
        the current one keeps serving, and swaps it in only when complete."""
        with self.store.writing():
            return self._rebuild(list(paths), prune) if rebuild else self._run(paths, prune)

    def _rebuild(self, paths: list[Path], prune: bool) -> IngestReport:
        """The new generation has its own state file (manifest, change log, duplicate tables), named after it:
        publishing the generation publishes it too; the old one goes with the old generation."""
        uploads = self.settings.uploads_dir
        if uploads.is_dir() and all(Path(p).resolve() != uploads.resolve() for p in paths):
            paths = [*paths, uploads]  # uploads are part of the index: a rebuild of the corpus keeps them
        live = self.store
        self.store = live.new_generation()
        try:
            try:
                report = self._run(paths, prune, rebuild=True)
            except BaseException:
                self._drop_state(self.store.generation)
                self.store.discard()  # the half-built generation; the published one never changed
                raise
            if report.interrupted:  # Ctrl-C: a partial rebuild is never published, the current index stays
                self._drop_state(self.store.generation)
                self.store.discard()
                return report
            old = live.generation
            self.store.publish(followers=(live,))
            self._drop_state(old)
            self.settings.manifest_path.unlink(missing_ok=True)  # the JSON manifest of earlier versions
            return report
        finally:
            self.store = live

    def _drop_state(self, generation: str) -> None:
        manifest = self._manifests.pop(generation, None)
        if manifest is not None:
            manifest.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{state_path(self.settings.data_dir, generation)}{suffix}").unlink(missing_ok=True)

    def _run(self, paths: Iterable[Path], prune: bool, rebuild: bool = False) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport(embedder=self.embedder.name)
        self._touched_docs = set()
        self._ahead = []
        manifest = self._manifest()
        self._descriptions = Descriptions(manifest.conn)
        changed = False
        roots: list[str] = []
        seen: set[str] = set()
        work: list[tuple[Path, dict, Path]] = []  # (root, catalogue, file): all found first, for the estimate
        for path in paths:
            path = Path(path)
            root = path if path.is_dir() else path.parent
            roots.append(root.resolve().name + "/")
            catalogue = self._catalogue(root, report)
            work.extend((root, catalogue, file) for file in discover(path, SKIPPED_NAMES))
        pending: list[_ReadFile] = []
        queue = WorkerQueue(SandboxLimits.from_settings(self.settings))
        # The batch hooks go on with the last batches stored during the walk while the duplicate refresh runs.
        with BesideWalk(self.store, self.batch_hooks) as beside:
            with FolderProgress([file for _, _, file in work], self.progress) as walk, queue, self._walking(queue):
                for n, (root, _catalogue, file) in enumerate(work):
                    if walk.stopped:
                        report.interrupted = True
                        break
                    for ahead in work[n : n + READ_AHEAD_FILES]:
                        self._look(*ahead, manifest)
                    source = f"{root.resolve().name}/{file.relative_to(root).as_posix()}"
                    seen.add(source)
                    report.files_seen += 1
                    try:
                        read = self._read_file(file, source, report)
                        report.tally(file, "read" if read else "unchanged")
                        if read:
                            pending.append(read)
                            changed = True
                            self._embed_ahead(pending, report)
                    except IngestError as exc:
                        report.errors.append(FileError(exc.path, exc.code, exc.reason))
                        report.tally(file, "refused", exc.code)
                        log.warning("%s", exc.message)
                    if sum(len(r.chunks) for r in pending) >= WRITE_BATCH_PASSAGES or len(pending) >= WRITE_BATCH_FILES:
                        beside.submit_files(pending)  # read beside its own storing, not the next batch's
                        self._store_batch(pending, manifest, report)
                        pending = []
                    walk.done(file)
            # A run whose files all fit in one batch (adding a file, an upload) is written with the collector paused
            # (`lgnet.collector`): no full pass over the process's heap falls inside it.
            with collector_paused(not rebuild and report.files_ingested == 0):
                if report.files_ingested:  # the walk's last batch, read beside its storing and the duplicate refresh
                    beside.submit_files(pending)
                self._store_batch(pending, manifest, report)  # what was read before the end (or a Ctrl-C) is kept
                if prune and not report.interrupted:  # an interrupted walk has not seen every file
                    for source in [
                        s for s in manifest.sources() if any(s.startswith(r) for r in roots) and s not in seen
                    ]:
                        entry = manifest.get(source)
                        self.store.delete_source(source)
                        manifest.remove(source, entry.chunk_ids if entry else [], entry.doc_ids if entry else [])
                        self._touched_docs.update(entry.doc_ids if entry else [])
                        report.files_removed += 1
                        changed = True
                # Also finishes the refresh of an earlier run killed before it (the manifest says what is pending).
                changed |= self.refresh_duplicates(manifest)
                beside.finish()  # every batch hook done before the index hooks, which read what they wrote
                count = None
                if changed or rebuild:
                    self._run_hooks()
                    count = self._record_count()
                    self.store.bump_revision(uuid.uuid4().hex)
                self._summarise(report, count)
        report.seconds_total = time.perf_counter() - started
        report.save(self.settings.report_path)
        return report

    @contextmanager
    def _walking(self, queue: WorkerQueue) -> Iterator[None]:
        self._queue, self._looked = queue, {}
        try:
            yield
        finally:
            self._queue, self._looked = None, {}

    def delete_document(self, doc_id: str) -> list[str]:
        """Remove one document and its passages. When it was its file's last document the file leaves the
        manifest too (an uploaded file is deleted), so it is not ingested again."""
        with self.store.writing(), collector_paused():
            return self._delete_document(doc_id)

    def _delete_document(self, doc_id: str) -> list[str]:
        doc = self.store.get_doc(doc_id)
        if doc is None:
            raise NotFound(f"no document with id {doc_id!r}", {"id": doc_id})
        source = doc["meta"].get("source", "")
        ids = [row["id"] for row in self.store.iter_chunks(where={"doc_id": doc_id})]
        self.store.delete_chunks(ids)
        self.store.delete_docs([doc_id])
        manifest = self._manifest()
        entry = manifest.get(source)
        if entry:
            entry.doc_ids = [d for d in entry.doc_ids if d != doc_id]
            entry.chunk_ids = [c for c in entry.chunk_ids if c not in set(ids)]
            if not entry.doc_ids:
                manifest.remove(source, ids, [doc_id])
                uploaded = self.settings.data_dir / source
                if source.startswith(f"{self.settings.uploads_dir.name}/") and uploaded.is_file():
                    uploaded.unlink()
            else:
                manifest.update(source, entry, ids, [doc_id])
        else:
            manifest.removed(ids, [doc_id])
        IndexSummary(manifest.conn).remove([doc_id])
        self.refresh_duplicates(manifest)
        self._run_hooks()
        self._record_count()
        self.store.bump_revision(uuid.uuid4().hex)
        return [doc_id]

    # --- one file, then a batch of files -------------------------------------------------------------------
    def _look(self, root: Path, catalogue: dict, file: Path, manifest: Manifest) -> None:
        """Check a file of the walk against the manifest (READ_AHEAD_FILES before its turn); a changed file is
        handed to the parse worker, which reads, describes and chunks it."""
        if file in self._looked:
            return
        relative = file.relative_to(root).as_posix()
        source = f"{root.resolve().name}/{relative}"
        try:
            data = file.read_bytes() if file.stat().st_size <= self.settings.max_file_bytes else None
        except OSError as exc:
            self._looked[file] = _Looked(error=IngestError(file, f"cannot read: {exc.strerror or exc}"))
            return
        entry = catalogue.get(relative, {})
        digest = _digest(data, entry) if data is not None else None
        known = manifest.get(source)
        looked = _Looked(digest or "", len(data or b""), known, unchanged=bool(known and digest == known.sha256))
        looked.redescribe = looked.unchanged and self._descriptions.stale(source)
        if not looked.unchanged or looked.redescribe:
            limits = ReadLimits.from_settings(self.settings, self.progress, self.progress_file)
            sandbox = SandboxLimits.from_settings(self.settings)
            task = PrepareTask(
                file, source, entry, self.settings.max_file_bytes, limits, sandbox.max_text_chars,
                self.settings.chunk_min_words, self.settings.chunk_max_words, getattr(self.embedder, "tokenizer", None),
            )  # fmt: skip
            self._worker().submit(file, prepare_file, task)
        self._looked[file] = looked

    def _read_file(self, file: Path, source: str, report: IngestReport) -> _ReadFile | None:
        """Read, describe and chunk one file looked at before (None when unchanged); stored later with its batch.
        The parse runs in a worker process with time, memory and output limits; raises IngestError naming
        the file."""
        looked = self._looked.pop(file)
        if looked.error:
            raise looked.error
        if looked.unchanged and not looked.redescribe:
            report.files_unchanged += 1
            return None
        prepared = cast(PreparedFile, self._worker().result(file))
        if looked.redescribe and self._descriptions.confirmed(self.store, source, looked.known, prepared):
            report.files_unchanged += 1  # described again as stored: nothing to write
            return None
        report.note_read(file, prepared.read_meta)
        return _ReadFile(
            source, looked.digest, looked.size, prepared.docs, prepared.chunks, prepared.metas, looked.known,
            prepared.tokens, prepared.chunk_shingles, prepared.doc_shingles,
        )  # fmt: skip

    def _worker(self) -> WorkerQueue:
        if self._queue is None:
            raise RuntimeError("files are read inside a walk (IngestPipeline._run)")
        return self._queue

    def _store_batch(self, batch: list[_ReadFile], manifest: Manifest, report: IngestReport) -> None:
        """Embed and store a batch of files read: one read of their stored passages (vectors to re-use), one
        delete, one upsert per collection, and the manifest entries in one transaction. A file's previous
        passages are replaced only once the new ones are embedded: a failure before keeps them."""
        if not batch:
            return
        sources = [r.source for r in batch]
        old_ids: dict[str, list[str]] = {s: [] for s in sources}
        reusable: dict[str, dict[str, np.ndarray]] = {s: {} for s in sources}
        for i in range(0, len(sources), 100):
            part = sources[i : i + 100]
            where = {"source": part[0]} if len(part) == 1 else {"source": {"$in": part}}
            for row in self.store.iter_chunks(where=where, embeddings=True):
                src = row["meta"].get("source", "")
                if src in old_ids:
                    old_ids[src].append(row["id"])
                    reusable[src][row["meta"].get("content_hash")] = row["embedding"]
        chunks = [c for r in batch for c in r.chunks]
        metas = [m for r in batch for m in r.metas]
        owners = [r.source for r in batch for _ in r.chunks]
        tokens = [t for r in batch for t in _tokens(r)]
        ahead, self._ahead = self._ahead, []
        vectors = self._vectors(chunks, tokens, [m["content_hash"] for m in metas], owners, reusable, report, ahead)
        self.store.delete_chunks([c for s in sources for c in old_ids[s]])
        self.store.delete_docs_of(sources)
        self.store.upsert_chunks([c.chunk_id for c in chunks], [c.text for c in chunks], vectors, metas)
        docs = [d for r in batch for d in r.docs]
        by_doc: dict[str, list[np.ndarray]] = {}
        for c, v in zip(chunks, vectors, strict=True):
            by_doc.setdefault(c.doc.doc_id, []).append(v)
        counts = Counter(c.doc.doc_id for c in chunks)
        self.store.upsert_docs(
            [d.doc_id for d in docs],
            [d.text for d in docs],
            np.stack([_mean(by_doc[d.doc_id]) for d in docs]),
            [{**doc_metadata(d, counts[d.doc_id]), "dup_group": d.doc_id, "dup_canonical": True} for d in docs],
        )
        entries = []
        for r in batch:
            entry = FileEntry(r.digest, r.size, [d.doc_id for d in r.docs], [c.chunk_id for c in r.chunks])
            entries.append((r.source, entry, old_ids[r.source] + entry.chunk_ids, r.known.doc_ids if r.known else []))
        manifest.put_many(entries)
        self._descriptions.mark(sources)
        for r in batch:
            self._touched_docs.update([*(r.known.doc_ids if r.known else []), *(d.doc_id for d in r.docs)])
        self.duplicates.remember(
            chunks,
            docs,
            [s for r in batch for s in (r.chunk_shingles or [None] * len(r.chunks))],
            [s for r in batch for s in (r.doc_shingles or [None] * len(r.docs))],
        )
        report.files_ingested += len(batch)

    def _embed_ahead(self, pending: list[_ReadFile], report: IngestReport) -> None:
        """Embed the pending batch's passages a whole embedding batch at a time as its files come from the parse
        worker, rather than once the write batch is full: the embedding starts after the first few files, not
        after the first 256 passages. Only while every file of the batch is new (nothing stored to re-use), so
        these are the very batches `_vectors` would embed."""
        if any(r.known is not None for r in pending):
            return
        size = self.settings.batch_size
        done = sum(len(v) for v in self._ahead)
        waiting = [(c, t) for r in pending for c, t in zip(r.chunks, _tokens(r), strict=True)]
        while len(waiting) - done >= size:
            part = waiting[done : done + size]
            self._ahead.append(self._embed([c for c, _ in part], [t for _, t in part], report))
            done += size

    def _embed(self, chunks: list[Chunk], tokens: list[list[int] | None], report: IngestReport) -> np.ndarray:
        """One embedding batch: from the worker's tokens when it tokenized every passage, else from the texts."""
        started = time.perf_counter()
        embed_tokenized = getattr(self.embedder, "embed_tokenized", None)
        if embed_tokenized is not None and all(t is not None for t in tokens):
            vectors = embed_tokenized(tokens)
        else:
            vectors = self.embedder.embed([c.embed_text for c in chunks])
        report.seconds_embedding += time.perf_counter() - started
        return vectors

    def _vectors(
        self,
        chunks: list[Chunk],
        tokens: list[list[int] | None],
        hashes: list[str],
        owners: list[str],
        reusable: dict[str, dict[str, np.ndarray]],
        report: IngestReport,
        ahead: list[np.ndarray] | None = None,
    ) -> np.ndarray:
        """Embed the passages, re-using the stored vector of a passage of the same file whose embedded text
        is unchanged, and those the walk embedded ahead (`_embed_ahead`: the batch's first passages)."""
        vectors = np.zeros((len(chunks), self.embedder.dim), dtype=np.float32)
        done = np.concatenate(ahead) if ahead else vectors[:0]
        todo = []
        reused = 0
        for i, (h, owner) in enumerate(zip(hashes, owners, strict=True)):
            if h in reusable[owner]:
                vectors[i] = reusable[owner][h]
                reused += 1
            elif i < len(done):
                vectors[i] = done[i]
            else:
                todo.append(i)
        batch = self.settings.batch_size
        steps = range(0, len(todo), batch)
        for i in tqdm(steps, desc=f"embedding {len(set(owners))} files", unit="batch", disable=not self.progress):
            idx = todo[i : i + batch]
            vectors[idx] = self._embed([chunks[j] for j in idx], [tokens[j] for j in idx], report)
        report.chunks_embedded += len(chunks) - reused
        report.chunks_reused += reused
        return vectors

    # --- whole index -------------------------------------------------------------------------------------
    def refresh_duplicates(self, manifest: Manifest | None = None) -> bool:
        """The near-duplicate refresh of what is pending (`DuplicateRefresh.run`)."""
        return self.duplicates.run(self.store, manifest or self._manifest())

    def _run_hooks(self) -> None:
        for hook in self.hooks:
            hook(self.store, self.embedder)

    def _record_count(self) -> int:
        """The store's passage count, written beside the change log once the write is complete: derived indexes
        that have applied the log that far check their count against it instead of asking the store."""
        count = self.store.count()
        record_count(self._manifest().conn, count)
        return count

    def _manifest(self) -> Manifest:
        """The manifest of the store's generation (a rebuild writes a new generation with its own)."""
        generation = self.store.generation
        if generation not in self._manifests:
            self._manifests[generation] = Manifest(state_path(self.settings.data_dir, generation), self.embedder.name)
        return self._manifests[generation]

    def _summarise(self, report: IngestReport, count: int | None = None) -> None:
        # Metadata of the documents the run touched (and those whose syndication group moved), the index's
        # figures from the state file's summary table and duplicate tables: no whole listing, no text read back.
        conn = self._manifest().conn
        summary = IndexSummary(conn)
        docs = summary.update(self.store, self._touched_docs | self.duplicates.pushed_docs)
        self._touched_docs = set()
        report.chunks = self.store.count() if count is None else count
        report.summarise(summary.figures(), docs, passage_groups(conn))

    def _catalogue(self, root: Path, report: IngestReport) -> dict[str, dict]:
        try:
            return load_catalogue(root)
        except IngestError as exc:
            report.errors.append(FileError(exc.path, exc.code, exc.reason))
            return {}


def _tokens(read: _ReadFile) -> list[list[int] | None]:
    """The file's passages' tokens (None each when the worker did not tokenize)."""
    return list(read.tokens) if read.tokens is not None else [None] * len(read.chunks)


def _mean(vectors: list[np.ndarray]) -> np.ndarray:
    v = np.mean(np.stack(vectors), axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)
