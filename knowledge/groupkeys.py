"""The records refresh's own bookkeeping, kept in the index's state file beside the readings: each (city, phase)
group's member passages and sentence keys, and where in the change log the last refresh stopped.

It lived in a Chroma collection (`<generation>_recordkeys`) as one JSON row per group: at 100k passages each
write to it cost 1.4-2.5 s (Chroma replays the collection's log of those large rows) and a refresh wrote it
twice and read it whole; a group's passages were found by a metadata filter over the whole index. Here a group's
members are one indexed lookup and a write costs what it writes. An index refreshed by older code has its rows
imported once (`RecordRepository._group_keys`).

Beside them, each member's text and metadata as the refresh last read them from the store (`record_rows`): a
passage that changed is in the change log and read again, so a touched group's other members are read here
(~0.1 ms a row) instead of from Chroma (~0.2-0.5 ms a row: a city's group at 100k passages holds ~4k).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable

import orjson

from knowledge.decoded import DECODED
from lgnet.state import transaction

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS record_groups (grp TEXT PRIMARY KEY, keys BLOB NOT NULL)",
    # A passage may be in several groups (a review's article is its comune's, the rest its document's city's).
    # Table `record_members` (one group per passage) was layout 2's: a layout-3 refresh is a whole one.
    "DROP TABLE IF EXISTS record_members",
    "CREATE TABLE IF NOT EXISTS record_member_of (id TEXT NOT NULL, grp TEXT NOT NULL, PRIMARY KEY (id, grp)) "
    "WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS record_member_of_grp ON record_member_of (grp)",
    "CREATE TABLE IF NOT EXISTS record_state (one INTEGER PRIMARY KEY CHECK (one = 1), data TEXT NOT NULL)",
    # A member's [text, metadata] as last read from the store (JSON, an older row zlib'd); absent: read from the
    # store. Not compressed: inflating a touched city's group's ~3k rows was ~0.05 s of CPU at 100k. A rowid
    # table: rows of ~1.5 KB read 4x slower from a WITHOUT ROWID one (54 -> 14 ms CPU for 4,000 of 100k).
    "CREATE TABLE IF NOT EXISTS record_rows (id TEXT PRIMARY KEY, data BLOB NOT NULL)",
)


def _key_set(blob: bytes) -> set[str]:
    return set(json.loads(zlib.decompress(blob)))


def _row(blob: bytes) -> tuple[str, dict]:
    """A kept row: its JSON (an older row's zlib'd: zlib's first byte is 0x78, JSON's here '[')."""
    text, meta = orjson.loads(blob if blob[:1] == b"[" else zlib.decompress(blob))
    return text, meta


class GroupKeys:
    """The `record_groups`, `record_member_of` and `record_state` tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        made = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'record_rows'").fetchone()
        if made and "WITHOUT ROWID" in made[0].upper():  # 2c632aa's table: only copies, read again when absent
            conn.execute("DROP TABLE record_rows")
        for statement in _SCHEMA:
            self.conn.execute(statement)

    def state(self) -> dict | None:
        """Where the last refresh stopped (epoch, seq, version, layout), or None."""
        row = self.conn.execute("SELECT data FROM record_state WHERE one = 1").fetchone()
        return json.loads(row[0]) if row else None

    def save_state(self, state: dict) -> None:
        with transaction(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO record_state (one, data) VALUES (1, ?)", (json.dumps(state),))

    def keys(self) -> dict[str, set[str]]:
        """Every stored group's sentence keys (a city-less group's: its dated sentences' keys)."""
        rows = self.conn.execute("SELECT grp, keys FROM record_groups").fetchall()
        return {g: DECODED.get("group_keys", g, blob, _key_set) for g, blob in rows}

    def groups_of(self, ids: list[str]) -> dict[str, set[str]]:
        """The stored groups of each of these passages (members of city groups)."""
        out: dict[str, set[str]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            sql = f"SELECT id, grp FROM record_member_of WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            for cid, grp in self.conn.execute(sql, part):
                out.setdefault(cid, set()).add(grp)
        return out

    def members(self, gkey: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM record_member_of WHERE grp = ?", (gkey,))]

    def put(self, groups: dict[str, tuple[list[str], set[str]]], drop: Iterable[str] = (),
            replace_all: bool = False) -> None:  # fmt: skip
        """Write these groups' (members, keys) in place of what they had, after dropping the groups `drop`
        (every group with `replace_all`), in one transaction. A group's membership is written by difference: a
        city's group at 100k passages holds 2-3k members, of which adding one file changes a few (deleting and
        inserting them all was ~40 ms of each file added)."""
        with transaction(self.conn):
            if replace_all:
                self.conn.execute("DELETE FROM record_groups")
                self.conn.execute("DELETE FROM record_member_of")
            for g in sorted({*drop} - groups.keys()):
                self.conn.execute("DELETE FROM record_groups WHERE grp = ?", (g,))
                self.conn.execute("DELETE FROM record_member_of WHERE grp = ?", (g,))
            self.conn.executemany(
                "INSERT OR REPLACE INTO record_groups (grp, keys) VALUES (?, ?)",
                [(g, zlib.compress(json.dumps(sorted(keys)).encode(), 1)) for g, (_, keys) in sorted(groups.items())],
            )
            for g, (ids, _) in sorted(groups.items()):
                now = set() if replace_all else set(self.members(g))
                want = set(ids)
                self.conn.executemany(
                    "DELETE FROM record_member_of WHERE id = ? AND grp = ?", [(cid, g) for cid in sorted(now - want)]
                )
                self.conn.executemany(  # a passage's old groups are among those written (a refresh rebuilds them)
                    "INSERT OR REPLACE INTO record_member_of (id, grp) VALUES (?, ?)",
                    [(cid, g) for cid in ids if cid not in now],
                )

    def rows(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        """The kept (text, metadata) of these passages (those kept)."""
        out: dict[str, tuple[str, dict]] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            sql = f"SELECT id, data FROM record_rows WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            for cid, blob in self.conn.execute(sql, part):
                out[cid] = DECODED.get("row", cid, blob, _row)
        return out

    def put_rows(self, rows: Iterable[tuple[str, str, dict]], replace_all: bool = False) -> None:
        """Keep these passages' (id, text, metadata) as just read from the store (all others dropped with
        `replace_all`)."""
        data = [(cid, orjson.dumps([text, meta])) for cid, text, meta in rows]  # not compressed: read ~2x faster
        with transaction(self.conn):
            if replace_all:
                self.conn.execute("DELETE FROM record_rows")
            self.conn.executemany("INSERT OR REPLACE INTO record_rows (id, data) VALUES (?, ?)", data)

    def drop_rows(self, ids: list[str]) -> None:
        with transaction(self.conn):
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                self.conn.execute(f"DELETE FROM record_rows WHERE id IN ({','.join('?' * len(part))})", part)  # noqa: S608

    def clear(self) -> None:
        """Forget everything: the next refresh reads the whole index."""
        with transaction(self.conn):
            for table in ("record_groups", "record_member_of", "record_state", "record_rows"):
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608
