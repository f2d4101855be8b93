"""The ingest report's figures of the whole index, kept incrementally: each document's summary fields in a table
of the state file, updated for the documents a run touched, so a run that changes one file reads that file's
documents, not every document of the index (at 100k passages the whole listing took ~4 s of adding one file)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ingest.dedup import DuplicateIndex
from lgnet.state import transaction
from lgnet.store import Store

FULL_LISTING = 2000  # touched documents past which one listing of every document is cheaper than by id
FIELDS = ("doc_id", "title", "doc_type", "city", "date", "outlet", "source", "dup_group", "chunks")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS doc_summary (doc_id TEXT PRIMARY KEY, doc_type TEXT, city TEXT, dup_group TEXT, "
    "row TEXT NOT NULL)",
    # The report's counts by type, city and syndication group read these, not the table's rows with their JSON
    # (at 100k passages, 24k documents: the three counts scanned ~10 MB, ~35 ms of adding one file).
    "CREATE INDEX IF NOT EXISTS doc_summary_type ON doc_summary (doc_type)",
    "CREATE INDEX IF NOT EXISTS doc_summary_city ON doc_summary (city)",
    "CREATE INDEX IF NOT EXISTS doc_summary_group ON doc_summary (dup_group)",
)


class IndexSummary:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        for statement in _SCHEMA:
            self.conn.execute(statement)

    def update(self, store: Store, touched: Iterable[str]) -> list[dict]:
        """Bring the table up to the store for the `touched` documents (all of them when the table does not
        match the store's count: a first run, or a change made by older code); the rows of the documents read."""
        touched = list(dict.fromkeys(touched))
        rows: dict[str, dict] = {}
        if len(touched) > FULL_LISTING or not self.count():
            return self._rebuild(store)
        for i in range(0, len(touched), 500):
            part = touched[i : i + 500]
            for d in store.iter_docs(where={"doc_id": {"$in": part}}, text=False):
                rows[d["id"]] = _row(d)
        with transaction(self.conn):
            self._put(rows.values())
            self._delete([d for d in touched if d not in rows])
        if self.count() != store.count_docs():
            return self._rebuild(store)
        return [rows[d] for d in touched if d in rows]

    def _rebuild(self, store: Store) -> list[dict]:
        rows = [_row(d) for d in store.iter_docs(text=False)]
        with transaction(self.conn):
            self.conn.execute("DELETE FROM doc_summary")
            self._put(rows)
        return rows

    def remove(self, doc_ids: list[str]) -> None:
        with transaction(self.conn):
            self._delete(doc_ids)

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM doc_summary").fetchone()[0]

    def figures(self) -> dict:
        """documents, articles, tables, syndication groups and documents per city, from the table."""
        types = dict(self.conn.execute("SELECT doc_type, COUNT(*) FROM doc_summary GROUP BY doc_type").fetchall())
        groups = self.conn.execute(
            "SELECT COUNT(*) FROM (SELECT dup_group FROM doc_summary GROUP BY dup_group HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        cities = self.conn.execute(
            "SELECT city, COUNT(*) AS n FROM doc_summary WHERE city IS NOT NULL AND city != '' GROUP BY city "
            "ORDER BY n DESC, city"
        ).fetchall()
        return {
            "documents": self.count(),
            "articles": types.get("press_article", 0),
            "tables": types.get("press_summary", 0),
            "duplicate_groups": groups,
            "cities": dict(cities),
        }

    def _put(self, rows: Iterable[dict]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO doc_summary (doc_id, doc_type, city, dup_group, row) VALUES (?, ?, ?, ?, ?)",
            [(r["doc_id"], r["doc_type"], r["city"], r["dup_group"], json.dumps(r, ensure_ascii=False)) for r in rows],
        )

    def _delete(self, doc_ids: list[str]) -> None:
        for i in range(0, len(doc_ids), 500):
            part = doc_ids[i : i + 500]
            self.conn.execute(f"DELETE FROM doc_summary WHERE doc_id IN ({','.join('?' * len(part))})", part)


def _row(d: dict) -> dict:
    meta = {"doc_id": d["id"], **d["meta"]}
    return {k: meta.get(k) for k in FIELDS}


def passage_groups(conn: sqlite3.Connection) -> int:
    return sum(n > 1 for n in DuplicateIndex(conn).passage_group_sizes().values())
