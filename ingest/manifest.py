"""The manifest: which corpus file (by content hash) produced which documents and passages, kept in SQLite.

With the corpus it is enough to rebuild the index. One SQLite file under the data dir (`index.sqlite`, WAL mode)
holds it, shared by every process that writes the index (CLI runs, API workers):
- `files`: one row per corpus file, written in one small transaction once the file is completely stored, so
  a run killed half-way leaves rows only for files that are completely in the index; `dedup_done` says
  whether the near-duplicate refresh has seen the file's passages yet (a run killed after the last file and
  before the refresh leaves it 0, and the next run finishes the refresh).
- `changes`: a log of the passage ids each write touched (added, removed, metadata changed); derived indexes
  (lexical) apply the entries after the sequence number they were built at instead of rebuilding.
- `dedup_removed`: passages and documents removed whose duplicate groups still have to be recomputed.
The near-duplicate tables of `ingest.dedup` live in the same file (`lgnet.state` opens it).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lgnet.state import STATE_PREFIX, connect, transaction


@dataclass
class FileEntry:
    sha256: str
    size: int
    doc_ids: list[str] = field(default_factory=list)
    chunk_ids: list[str] = field(default_factory=list)


class Manifest:
    """The files table plus the change log, on one SQLite connection (`with transaction(manifest.conn):` around
    several calls makes them one transaction)."""

    def __init__(self, path: Path, embedder: str) -> None:
        self.path = path
        self.embedder = embedder
        self.conn = connect(path)
        stored = self.conn.execute("SELECT value FROM meta WHERE key='embedder'").fetchone()
        if stored is None or stored[0] != embedder:
            # Another embedder built these entries: every file is re-checked against the store.
            with transaction(self.conn):
                self.conn.execute("DELETE FROM files")
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('embedder', ?)", (embedder,))
        if self.conn.execute("SELECT value FROM meta WHERE key='epoch'").fetchone() is None:
            self.new_epoch()

    @classmethod
    def load(cls, path: Path, embedder: str) -> Manifest:
        return cls(path, embedder)

    def close(self) -> None:
        self.conn.close()

    # --- files -------------------------------------------------------------------------------------------
    def get(self, source: str) -> FileEntry | None:
        row = self.conn.execute(
            "SELECT sha256, size, doc_ids, chunk_ids FROM files WHERE source=?", (source,)
        ).fetchone()
        return FileEntry(row[0], row[1], json.loads(row[2]), json.loads(row[3])) if row else None

    def sources(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT source FROM files ORDER BY source")]

    def put(self, source: str, entry: FileEntry, touched_chunks: Iterable[str], removed_docs: Iterable[str]) -> None:
        """Record a file as completely stored, with the passages its write touched (old and new), in one
        transaction; its duplicate refresh is pending until `dedup_finished`."""
        self.put_many([(source, entry, touched_chunks, removed_docs)])

    def put_many(self, files: Iterable[tuple[str, FileEntry, Iterable[str], Iterable[str]]]) -> None:
        """`put` for a batch of files stored together, in one transaction."""
        with transaction(self.conn):
            for source, entry, touched_chunks, removed_docs in files:
                self.conn.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, 0)",
                    (source, entry.sha256, entry.size, json.dumps(entry.doc_ids), json.dumps(entry.chunk_ids)),
                )
                self._record(touched_chunks, removed_docs, keep_docs=entry.doc_ids, keep_chunks=entry.chunk_ids)

    def remove(self, source: str, touched_chunks: Iterable[str], removed_docs: Iterable[str]) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM files WHERE source=?", (source,))
            self._record(touched_chunks, removed_docs)

    def update(self, source: str, entry: FileEntry, removed_chunks: Iterable[str], removed_docs: Iterable[str]) -> None:
        """A file lost some documents (one deleted through the API) but stays."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE files SET doc_ids=?, chunk_ids=? WHERE source=?",
                (json.dumps(entry.doc_ids), json.dumps(entry.chunk_ids), source),
            )
            self._record(removed_chunks, removed_docs)

    def removed(self, chunks: Iterable[str], docs: Iterable[str]) -> None:
        """Passages and documents removed from the store outside any file's entry."""
        with transaction(self.conn):
            self._record(chunks, docs)

    def _record(self, chunks: Iterable[str], docs: Iterable[str], keep_docs=(), keep_chunks=()) -> None:
        chunks = list(dict.fromkeys(chunks))
        self.log_changes(chunks)
        keep_c, keep_d = set(keep_chunks), set(keep_docs)
        self.conn.executemany(
            "INSERT OR IGNORE INTO dedup_removed VALUES ('chunk', ?)", [(c,) for c in chunks if c not in keep_c]
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO dedup_removed VALUES ('doc', ?)", [(d,) for d in docs if d not in keep_d]
        )

    # --- the duplicate refresh ---------------------------------------------------------------------------
    def dedup_pending(self) -> tuple[list[str], list[str], list[str], list[str]]:
        """(sources, chunk ids, doc ids) of files whose duplicate refresh is pending, and removed ids."""
        sources, chunks, docs = [], [], []
        for source, doc_ids, chunk_ids in self.conn.execute(
            "SELECT source, doc_ids, chunk_ids FROM files WHERE dedup_done=0 ORDER BY source"
        ):
            sources.append(source)
            docs += json.loads(doc_ids)
            chunks += json.loads(chunk_ids)
        removed = self.conn.execute("SELECT kind, id FROM dedup_removed").fetchall()
        return sources, chunks, docs, [f"{k}:{i}" for k, i in removed]

    def dedup_finished(self, sources: list[str]) -> None:
        """Inside the transaction that stored the new groups: those files and removals are done."""
        self.conn.executemany("UPDATE files SET dedup_done=1 WHERE source=?", [(s,) for s in sources])
        self.conn.execute("DELETE FROM dedup_removed")

    # --- the change log ----------------------------------------------------------------------------------
    def log_changes(self, chunk_ids: Iterable[str]) -> None:
        self.conn.executemany("INSERT INTO changes (id) VALUES (?)", [(c,) for c in chunk_ids])

    def new_epoch(self) -> str:
        """A new epoch (a rebuild): derived indexes built in an older one cannot be updated, only rebuilt."""
        epoch = uuid.uuid4().hex
        with transaction(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('epoch', ?)", (epoch,))
        return epoch


def known_sources(data_dir: Path) -> set[str] | None:
    """Every source any generation's manifest knows (None when there is no manifest at all): a file known to
    any of them is not an orphan."""
    files = sorted(Path(data_dir).glob(f"{STATE_PREFIX}*.sqlite"))
    if not files:
        return None
    known: set[str] = set()
    for path in files:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            known |= {r[0] for r in conn.execute("SELECT source FROM files")}
        except sqlite3.Error:
            return None  # unreadable: move nothing
        finally:
            conn.close()
    return known
