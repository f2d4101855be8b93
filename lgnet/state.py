"""The index's state file: one SQLite database under the data dir (`index-<generation>.sqlite`, WAL) shared by every
process that writes or reads the index (CLI runs, API workers). `ingest.manifest` keeps the manifest and the
change log in it, `ingest.dedup` the near-duplicate tables; derived indexes (`retrieval.lexical`) read the
change log to update themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STATE_PREFIX = "index-"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY, sha256 TEXT, size INTEGER, doc_ids TEXT, chunk_ids TEXT,
    dedup_done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dedup_removed (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id))
    WITHOUT ROWID;
"""


def state_path(data_dir: Path, generation: str) -> Path:
    """One state file per store generation (`lgnet.store`): a rebuild fills a new one, published with it."""
    return Path(data_dir) / f"{STATE_PREFIX}{generation}.sqlite"


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the shared state file: WAL (readers never wait for the writer), writers wait their turn."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(_SCHEMA)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, immediate: bool = True) -> Iterator[sqlite3.Connection]:
    """One transaction (the connection is in autocommit mode otherwise); IMMEDIATE takes the write lock first."""
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def read_changes(conn: sqlite3.Connection, after: int) -> tuple[str, int, list[str]]:
    """(epoch, last sequence number, ids changed after `after`) in one consistent read."""
    with transaction(conn, immediate=False):
        epoch = conn.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()
        rows = conn.execute("SELECT seq, id FROM changes WHERE seq > ? ORDER BY seq", (after,)).fetchall()
        last = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]
    return (epoch[0] if epoch else ""), last, list(dict.fromkeys(r[1] for r in rows))


def record_count(conn: sqlite3.Connection, count: int) -> None:
    """The store's passage count once a write is complete, with the change-log position it goes with."""
    with transaction(conn):
        last = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('count', ?)", (f"{last}:{count}",))


def recorded_count(conn: sqlite3.Connection, seq: int) -> int | None:
    """The passage count a writer recorded at change-log position `seq` (None: none recorded there, a writer
    under way or older code): a derived index that has applied the log up to `seq` compares its count with it
    instead of asking the store (a count of a 100k-passage Chroma collection: 12-31 ms)."""
    row = conn.execute("SELECT value FROM meta WHERE key='count'").fetchone()
    if row is None:
        return None
    at, _, count = str(row[0]).partition(":")
    return int(count) if at == str(seq) and count.isdigit() else None
