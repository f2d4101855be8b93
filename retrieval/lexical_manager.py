"""The lexical index's keeper: which `LexicalIndex` (retrieval/lexical.py) a process serves, kept in step with
the store through the change log, saved beside it, rebuilt off the request path when it cannot be updated."""

from __future__ import annotations

import logging
import threading
from contextlib import nullcontext
from pathlib import Path

from filelock import FileLock

from lgnet.state import connect, read_changes, recorded_count, state_path
from lgnet.store import Store
from retrieval import derived
from retrieval.lexical import LexicalIndex
from retrieval.vectors import VectorIndex

log = logging.getLogger(__name__)
SAVE_AFTER_CHANGES = 0.1  # share of the corpus changed since the last save that makes a serving process save


class LexicalIndexManager:
    """Hands out the current lexical index: loaded at start, updated from the change log when the store's
    revision moves, rebuilt (by one process at a time) only when it cannot be updated (a published
    `--rebuild`, a store out of step). Such a rebuild runs in a thread while the index in memory keeps
    serving: no search waits for it, except the very first one of a process that has none."""

    def __init__(self, store: Store, folder: Path, data_dir: Path | None = None) -> None:
        self.store = store
        self.folder = folder
        self.data_dir = data_dir or folder.parent
        self._conns: dict = {}
        self._index: LexicalIndex | None = None
        self._lock = threading.Lock()
        self._saving = threading.Lock()
        self.rebuilding: threading.Thread | None = None  # the background rebuild under way, if any

    @property
    def conn(self):
        """The change log of the store's current generation (a published rebuild brings a new one)."""
        generation = self.store.generation
        if generation not in self._conns:
            self._conns[generation] = connect(state_path(self.data_dir, generation))
        return self._conns[generation]

    def loaded(self) -> bool:
        return self._index is not None

    def current(self) -> LexicalIndex:
        revision = self.store.revision()
        index = self._index
        if index is not None and index.revision == revision:
            return index
        with self._lock:
            index = self._index
            if index is not None and index.revision == revision:
                return index
            if index is None:  # nothing to serve meanwhile: load, replay, or build here
                index = self._update(self._load(), revision) or self._rebuild(revision)
            else:
                updated = self._update(index, revision, rebuild=False)
                if updated is None:
                    self._rebuild_in_background(revision)
                    return index  # the old index serves until the new one is complete
                index = updated
            self._index = index
        if index.changes_since_save > SAVE_AFTER_CHANGES * len(index.corpus.ids) + 50:
            threading.Thread(target=self.save, name="lexical-save", daemon=True).start()
        return index

    def _rebuild_in_background(self, revision: str) -> None:
        """Called under self._lock."""
        if self.rebuilding is not None and self.rebuilding.is_alive():
            return

        def run() -> None:
            try:
                index = self._rebuild(revision)
            except Exception:  # noqa: BLE001 - the old index keeps serving; the next search tries again
                log.exception("background rebuild of the lexical index failed")
                return
            with self._lock:
                self._index = index  # if the store moved meanwhile, the next search replays the log on top

        self.rebuilding = threading.Thread(target=run, name="lexical-rebuild", daemon=True)
        self.rebuilding.start()

    def _update(self, index: LexicalIndex | None, revision: str, rebuild: bool = True) -> LexicalIndex | None:
        """The index brought up to `revision` from the change log; when it cannot be (another epoch, out of
        step), rebuilt here, or None with `rebuild=False`."""
        if index is None:
            return self._rebuild(revision) if rebuild else None
        epoch, last, changed = read_changes(self.conn, index.seq)
        if index.epoch == epoch:
            if changed:
                rows = [
                    r
                    for i in range(0, len(changed), 500)
                    for r in self.store.get_chunks(changed[i : i + 500], embeddings=True)
                ]
                index = index.apply(rows, set(changed))
                index.epoch, index.seq = epoch, last
            # the count the writer recorded at that position in the log, else the store's
            count = recorded_count(self.conn, last)
            if len(index.corpus.ids) == (self.store.count() if count is None else count):
                index.revision = revision
                return index
            log.info("lexical index out of step with the store: rebuilding")
        return self._rebuild(revision) if rebuild else None

    def _rebuild(self, revision: str) -> LexicalIndex:
        """A full build, by one process at a time: the others wait, then load what it saved."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.folder.parent / f".{self.folder.name}.lock")):
            epoch, last, _ = read_changes(self.conn, 1 << 62)
            saved = self._load(locked=True)
            if (
                saved is not None
                and (saved.epoch, saved.seq) == (epoch, last)
                and len(saved.corpus.ids) == self.store.count()
            ):
                saved.revision = revision
                return saved
            index = LexicalIndex.build(self.store, revision, epoch, last)
            try:
                index.save(self.folder)
            except OSError as exc:  # read-only data dir: serve from memory
                log.warning("cannot save lexical index to %s: %s", self.folder, exc)
            return index

    def _load(self, locked: bool = False) -> LexicalIndex | None:
        """The saved index; saved by older code without its embeddings, they are read from the store once
        (embeddings and ids only) and written beside it. `locked`: the caller holds the folder's file lock."""
        index = LexicalIndex.load(self.folder)
        if index is None or index.vectors is not None:
            return index
        rows = self.store.iter_chunks(embeddings=True, text=False)
        index.vectors = VectorIndex.from_rows(index.corpus.ids, rows)  # a passage gone since: a zero row
        if index.vectors is None:
            return index
        try:
            with nullcontext() if locked else FileLock(str(self.folder.parent / f".{self.folder.name}.lock")):
                head = LexicalIndex.load_head(self.folder) or {}
                if (head.get("epoch"), head.get("seq")) == (index.epoch, index.seq):  # still the index read
                    index.vectors.save(self.folder)
        except OSError as exc:
            log.warning("cannot save the passages' vectors to %s: %s", self.folder, exc)
        return index

    def refresh_saved(self) -> None:
        """After an ingest (CLI): keep the saved index close to the store, so servers start by loading it and
        replaying a short log. A small change is left to that replay (loading and saving cost the corpus)."""
        head = LexicalIndex.load_head(self.folder)
        epoch, last, _ = read_changes(self.conn, 1 << 62)
        if head is not None and head.get("epoch") == epoch:
            behind = self.conn.execute("SELECT COUNT(*) FROM changes WHERE seq > ?", (head.get("seq", 0),)).fetchone()
            if behind[0] <= SAVE_AFTER_CHANGES * self.store.count() + 50:
                return
        self.current()
        self.save()

    def repair_derived(self) -> None:
        """When the saved index has no usable derived indexes beside it (older code, a failed write), save the
        current index with them, so the next start loads them instead of reading every text."""
        if not derived.fresh(self.folder, LexicalIndex.load_head(self.folder)):
            self.save(force=True)

    def save(self, force: bool = False) -> None:
        """Save the current index (one process at a time; a save already running in this one is enough);
        `force`: also when the saved one is at the same position."""
        if not self._saving.acquire(blocking=False):
            return
        try:
            index = self._index
            if index is None:
                return
            with FileLock(str(self.folder.parent / f".{self.folder.name}.lock")):
                saved = LexicalIndex.load_head(self.folder)
                position = -1 if saved is None or saved.get("epoch") != index.epoch else saved.get("seq", 0)
                # forced: unless another worker has just written matching derived indexes
                if position < index.seq or (force and position == index.seq and not derived.fresh(self.folder, saved)):
                    index.save(self.folder)
        except OSError as exc:
            log.warning("cannot save lexical index to %s: %s", self.folder, exc)
        finally:
            self._saving.release()
