"""What the practice records read of each passage, kept per passage in the index's state file.

Every rule the records apply to one passage or one of its sentences (the sentence split and keys, areas, counts,
partners, periods, amounts, a section's headings...) is a pure function of that text and the passage's city. Its
answer is computed the first time the passage is read (by the refresh right after it is ingested), stored with
the passage, and a later refresh of its (city, phase) group re-combines the stored answers instead of parsing
the group's passages again: adding one file costs that file's parse plus the group's combination.

An answer is keyed by its rule and a digest of the rule's arguments, so a changed text or city never gets an
old one; a passage's answers are dropped whole when its content hash, city, header or the rules' version moved.
An argument that is the passage's own text is keyed by a mark instead of its digest: the stamp already covers
the text (the content hash), and digesting ~1.5 KB per call was ~0.35 s of adding one file to a city's group of
4k passages at 100k.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from lgnet.state import transaction

T = TypeVar("T")
# The keys' format, in each passage's stamp: answers keyed by an older format are computed again once.
KEYS = "k2"
_OWN_TEXT = "\x00own-text"  # what a memo key reads in place of the passage's own text
_SCHEMA = "CREATE TABLE IF NOT EXISTS readings (id TEXT PRIMARY KEY, stamp TEXT NOT NULL, data BLOB NOT NULL)"


class _Passage(Protocol):
    id: str
    text: str
    meta: dict


class Memo:
    """One passage's answers: `memo(tag, rule, *args)` is `rule(*args)`, computed once. `text`: the passage's
    own text (an argument that is this very object is keyed by a mark)."""

    __slots__ = ("entries", "dirty", "text")

    def __init__(self, entries: dict[bytes, Any] | None = None, text: str | None = None) -> None:
        self.entries: dict[bytes, Any] = entries if entries is not None else {}
        self.dirty = entries is None
        self.text = text

    def _key(self, tag: str, args: tuple) -> bytes:
        own = self.text
        named = (tag, *(_OWN_TEXT if a is own else a for a in args)) if own is not None else (tag, *args)
        return hashlib.blake2b(repr(named).encode(), digest_size=12).digest()

    def __call__(self, tag: str, rule: Callable[..., T], *args: Any) -> T:
        k = self._key(tag, args)
        try:
            return self.entries[k]
        except KeyError:
            value = self.entries[k] = rule(*args)
            self.dirty = True
            return value

    def both(self, tag: str, rule: Callable[..., tuple[T, T]], args: tuple, flags: tuple[Any, Any], flag: Any) -> T:
        """`memo(tag, rule_of_flag, *args, flag)` where `rule(*args)` gives the answers for both `flags` in one
        pass: both are kept, so asking for the other flag later costs nothing."""
        k = self._key(tag, (*args, flag))
        if k not in self.entries:
            for f, value in zip(flags, rule(*args), strict=True):
                self.entries[self._key(tag, (*args, f))] = value
            self.dirty = True
        return self.entries[k]


class NoMemo(Memo):
    """Nothing kept: every rule computed (a builder used without a readings store)."""

    def __call__(self, tag: str, rule: Callable[..., T], *args: Any) -> T:
        return rule(*args)

    def both(self, tag: str, rule: Callable[..., tuple[T, T]], args: tuple, flags: tuple[Any, Any], flag: Any) -> T:
        return rule(*args)[flags.index(flag)]


NO_MEMO = NoMemo({})


class Readings:
    """The stored answers of the passages a refresh reads, loaded a batch at a time, written back when new."""

    def __init__(self, conn: sqlite3.Connection, version: str) -> None:
        self.conn = conn
        self.version = version
        self.conn.execute(_SCHEMA)
        self._memos: dict[str, Memo] = {}
        self._stamps: dict[str, str] = {}
        self.loaded = self.computed = 0  # passages whose answers were found / had to be (re)computed

    def _stamp(self, p: _Passage) -> str:
        m = p.meta
        return f"{self.version}|{KEYS}|{m.get('content_hash')}|{m.get('city') or ''}|{m.get('header_end', 0)}"

    def load(self, passages: Iterable[_Passage]) -> None:
        """Read the stored answers of these passages (a passage whose stamp moved starts empty)."""
        passages = [p for p in passages if p.id not in self._memos]
        todo = {p.id: self._stamp(p) for p in passages}
        texts = {p.id: p.text for p in passages}
        ids = list(todo)
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self.conn.execute(
                f"SELECT id, stamp, data FROM readings WHERE id IN ({','.join('?' * len(part))})", part
            ).fetchall()
            for cid, stamp, data in rows:
                if stamp == todo[cid]:
                    try:
                        self._memos[cid] = Memo(pickle.loads(zlib.decompress(data)), texts[cid])
                        self.loaded += 1
                    except Exception:  # noqa: BLE001 - unreadable (older classes): computed again
                        pass
        for cid, stamp in todo.items():
            self._stamps[cid] = stamp
            if cid not in self._memos:
                self._memos[cid] = Memo(text=texts[cid])
                self.computed += 1

    def of(self, p: _Passage) -> Memo:
        memo = self._memos.get(p.id)
        if memo is None:
            self.load([p])
            memo = self._memos[p.id]
        return memo

    def save(self, ids: Iterable[str] | None = None, release: bool = False) -> None:
        """Write the answers that grew (of `ids`, else of every passage loaded); `release`: forget them after."""
        ids = list(self._memos) if ids is None else [i for i in ids if i in self._memos]
        rows = [
            (cid, self._stamps[cid], zlib.compress(pickle.dumps(self._memos[cid].entries, protocol=5), 1))
            for cid in ids
            if self._memos[cid].dirty
        ]
        if rows:
            with transaction(self.conn):
                self.conn.executemany("INSERT OR REPLACE INTO readings (id, stamp, data) VALUES (?, ?, ?)", rows)
        for cid in ids:
            if release:
                self._memos.pop(cid, None)
                self._stamps.pop(cid, None)
            else:
                self._memos[cid].dirty = False

    def drop(self, ids: Iterable[str]) -> None:
        """Forget the answers of passages that left the index."""
        ids = list(ids)
        with transaction(self.conn):
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                self.conn.execute(f"DELETE FROM readings WHERE id IN ({','.join('?' * len(part))})", part)
        for cid in ids:
            self._memos.pop(cid, None)
            self._stamps.pop(cid, None)

    def keep_only(self, ids: set[str]) -> None:
        """Forget the answers of every passage not in `ids` (a whole refresh)."""
        stored = [r[0] for r in self.conn.execute("SELECT id FROM readings").fetchall()]
        self.drop([cid for cid in stored if cid not in ids])
