"""What one document gives its (city, phase) group's records, kept per document in the index's state file.

A group's records are built in two steps (`knowledge.records.RecordBuilder.build`): each document's passages are
read on their own (its part: the facts of its sentences by area, its periods, amounts, contacts, table counts),
then the parts are merged in the store's order with what crosses documents (syndicated copies, headlines, the
project's period...). A part depends only on the document's passages in the group (text and metadata), the
group, the rules' version, which of its passages are read (`read_once`) and which of the sentence keys it tested
are the programme's boilerplate: kept with those, a group touched by one new file reads its other documents'
parts instead of their passages' readings (adding one file at 100k passages re-read ~2k passages' readings).
Beside each part, its passages' sentence keys and the keys the group reads in them (`group_reading.own_keys`):
the refresh's boilerplate and fingerprints need them for every member of a touched group.

A row that does not match (another stamp, an older format, unreadable) is computed again: a cache, never a
source of truth. `FORMAT` moves when a part's classes change shape.

A part names its passages by id (`_Packer`): its stamp says they are the group's members of those ids with the same
texts and metadata, so it is read back with the group's own passages in their place, not with copies of every
member's text and metadata (at 100k a city's group's ~600 parts held ~4 MB of them, decoded afresh at the first
refresh of the group in a process). Rows are pickled without compression: zlib's inflate of the parts, keys and
kept rows of the groups one file touches was ~0.2 s of CPU of adding it at 100k, the first time in a process.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

from knowledge.decoded import DECODED
from knowledge.reading import Passage as _PASSAGE
from lgnet.state import transaction

FORMAT = "p2"  # p2: a part names its passages by id, rows not compressed
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS record_doc_keys (grp TEXT NOT NULL, doc TEXT NOT NULL, stamp TEXT NOT NULL, "
    "data BLOB NOT NULL, PRIMARY KEY (grp, doc)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS record_doc_parts (grp TEXT NOT NULL, doc TEXT NOT NULL, stamp TEXT NOT NULL, "
    "data BLOB NOT NULL, PRIMARY KEY (grp, doc))",
)
_TABLES = ("record_doc_keys", "record_doc_parts")
_KINDS = {"record_doc_keys": "doc_keys", "record_doc_parts": "doc_part"}  # their values remembered (`DECODED`)


class _Passage(Protocol):
    id: str
    text: str
    meta: dict

    @property
    def doc_id(self) -> str: ...


@dataclass
class Bucket:
    """The facts of one area (or of the whole project when the area is None)."""

    sentences: list = field(default_factory=list)  # Read
    figures: list = field(default_factory=list)  # (Read, FigureFact)
    partners: list = field(default_factory=list)  # (Read | None, Partner)
    activities: list = field(default_factory=list)  # (Read, str)
    targets: list = field(default_factory=list)  # (Read, Mention)
    results: list = field(default_factory=list)  # Read
    transferability: list = field(default_factory=list)  # Read

    def weight(self) -> int:
        facts = len(self.figures) + len(self.partners) + len(self.activities) + len(self.results)
        return facts * 2 + len(self.sentences)

    def extend(self, other: Bucket) -> None:
        for name in ("sentences", "figures", "partners", "activities", "targets", "results", "transferability"):
            getattr(self, name).extend(getattr(other, name))


@dataclass
class DocPart:
    """One document's reading for one group, in the order its sentences were read."""

    buckets: dict[str | None, Bucket] = field(default_factory=lambda: defaultdict(Bucket))
    periods: list = field(default_factory=list)  # (Read, Mention)
    amounts: list = field(default_factory=list)  # (Read, AmountFact)
    contacts: list = field(default_factory=list)  # (Read, ContactFact)
    tabled: list = field(default_factory=list)  # (area, Read, FigureFact)
    rows: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # per passage: rows and context spans
    numbers: set[str] = field(default_factory=set)  # the numbers its read passages state
    tested: set[str] = field(default_factory=set)  # the sentence keys it asked the boilerplate about
    denials: list[str] = field(default_factory=list)  # the organisations it says are no partners


def doc_stamps(gkey: str, version: str, passages: Sequence[_Passage]) -> dict[str, str]:
    """Per document of the group, a digest of everything a part or the keys are computed from but the boilerplate
    and `read_once`'s choice: the group, the rules' version, its passages' ids, texts and metadata, in order."""
    hashes: dict[str, Any] = {}
    for p in passages:
        h = hashes.get(p.doc_id)
        if h is None:
            h = hashes[p.doc_id] = hashlib.sha1(f"{FORMAT}|{version}|{gkey}".encode())
        h.update(p.id.encode())
        h.update(orjson.dumps(p.meta, option=orjson.OPT_SORT_KEYS, default=str))
        h.update(p.text.encode())
    return {d: h.hexdigest() for d, h in hashes.items()}


def kept_stamps(gkey: str, version: str, passages: Sequence[_Passage]) -> dict[str, str]:
    """`doc_stamps`, a document's digest taken from the process's memory when its passages are the very objects it
    was computed from (a touched group's unchanged members are the state file's rows as decoded before,
    `knowledge.decoded`: the same text and metadata objects), so only a changed document is hashed again (hashing
    every member's text and metadata was ~15 ms of a refresh of a city's group at 100k)."""
    of_doc: dict[str, list[_Passage]] = defaultdict(list)
    for p in passages:
        of_doc[p.doc_id].append(p)
    out: dict[str, str] = {}
    for doc, members in of_doc.items():
        inputs = [(p.id, p.text, p.meta) for p in members]  # held with the digest: their ids are never reused
        found, kept = DECODED.recall("doc_stamp", f"{gkey}\0{doc}", version)
        if (
            found
            and len(kept[0]) == len(inputs)
            and all(a[0] == b[0] and a[1] is b[1] and a[2] is b[2] for a, b in zip(kept[0], inputs, strict=True))
        ):
            out[doc] = kept[1]
            continue
        out[doc] = doc_stamps(gkey, version, members)[doc]
        DECODED.remember("doc_stamp", f"{gkey}\0{doc}", version, (inputs, out[doc]))
    return out


def _copy(doc: str) -> str:
    """The name a syndicated copy's part is kept under (`RecordBuilder._copy_part`)."""
    return f"copy:{doc}"


def _doc(name: str) -> str:
    return name.removeprefix("copy:")


class _Packer(pickle.Pickler):
    """Pickles a part with its passages named by id (read back with the group's passages: `_Unpacker`)."""

    def persistent_id(self, obj: Any) -> str | None:
        return obj.id if type(obj) is _PASSAGE else None


class _Unpacker(pickle.Unpickler):
    def __init__(self, blob: bytes, passages: dict[str, Any]) -> None:
        super().__init__(io.BytesIO(blob))
        self.passages = passages

    def persistent_load(self, pid: Any) -> Any:
        return self.passages[pid]  # a passage the group does not have: unreadable, computed again


def _pack(value: Any) -> bytes:
    out = io.BytesIO()
    _Packer(out, protocol=5).dump(value)
    return out.getvalue()


def _unpack(blob: bytes, passages: dict[str, Any] | None = None) -> Any:
    """A kept value (an older row, zlib'd, too), its passages taken from `passages`; None when it cannot be read."""
    try:
        if blob[:1] != b"\x80":  # a pickle's first byte; zlib's is 0x78
            blob = zlib.decompress(blob)
        return _Unpacker(blob, passages or {}).load()
    except Exception:  # noqa: BLE001 - an older format or classes, a passage it names missing: computed again
        return None


class DocParts:
    """The `record_doc_keys` and `record_doc_parts` tables, and the stamps of the groups a refresh read."""

    def __init__(self, conn: sqlite3.Connection, version: str) -> None:
        self.conn = conn
        self.version = version
        for statement in _SCHEMA:
            conn.execute(statement)
        self.stamps: dict[str, dict[str, str]] = {}  # group -> document -> stamp, of this refresh's reads
        self.reused = self.computed = 0  # parts read back / computed by this refresh
        self.rows_read = 0  # rows of parts and keys read from the state file by this refresh (not remembered)

    def stamp(self, gkey: str, passages: Sequence[_Passage]) -> dict[str, str]:
        self.stamps[gkey] = kept_stamps(gkey, self.version, passages)
        return self.stamps[gkey]

    def _kept(self, kind: str, table: str, gkey: str, names: dict[str, str], decode: Any) -> dict[str, Any]:
        """The values of these rows (name -> its document's stamp) whose stamp is unchanged: remembered by this
        process with that stamp (`DECODED.recall`: a value, or None for a row known absent), else read from
        `table` (its row decoded, `DECODED.get`) and remembered. A value is a pure function of what its stamp
        names, so whichever process wrote the row, the remembered one is right: a group touched by one new file
        reads that file's rows only, its other documents' are taken as they are."""
        out: dict[str, Any] = {}
        todo: list[str] = []
        for name, stamp in names.items():
            found, value = DECODED.recall(kind, f"{gkey}\0{name}", stamp)
            if not found:
                todo.append(name)
            elif value is not None:
                out[name] = value
        rows = self._rows(table, gkey, todo)
        self.rows_read += len(rows)
        for name in todo:
            row: tuple[str | None, bytes] = rows.get(name, (None, b""))
            stored, blob = row
            value = DECODED.get(kind, f"{gkey}\0{name}", blob, decode) if stored == names[name] else None
            if value is not None:
                out[name] = value
            if value is not None or stored != names[name]:  # read, or absent or stale: no value for this stamp
                DECODED.remember(kind, f"{gkey}\0{name}", names[name], value)  # (an unreadable one: asked again)
        return out

    def _rows(self, table: str, gkey: str, docs: Iterable[str]) -> dict[str, tuple[str, bytes]]:
        docs = list(docs)
        out: dict[str, tuple[str, bytes]] = {}
        for i in range(0, len(docs), 500):
            part = docs[i : i + 500]
            sql = f"SELECT doc, stamp, data FROM {table} WHERE grp = ? AND doc IN ({','.join('?' * len(part))})"  # noqa: S608
            out.update({d: (s, b) for d, s, b in self.conn.execute(sql, (gkey, *part))})
        return out

    # --- keys: each document's passages' sentence keys and the keys the group reads in them ------------------
    def keys(self, gkey: str, stamps: dict[str, str]) -> dict[str, tuple[dict[str, list[str]], set[str]]]:
        """The kept (keys by passage, group's own keys) of the documents whose stamp is unchanged."""
        return self._kept("doc_keys", "record_doc_keys", gkey, stamps, _unpack)

    def put_keys(self, gkey: str, found: dict[str, tuple[dict[str, list[str]], set[str]]]) -> None:
        stamps = self.stamps[gkey]
        rows = [(gkey, doc, stamps[doc], _pack(value)) for doc, value in found.items()]
        for doc, value in found.items():
            DECODED.remember("doc_keys", f"{gkey}\0{doc}", stamps[doc], value)
        with transaction(self.conn):
            self.conn.executemany("INSERT OR REPLACE INTO record_doc_keys VALUES (?, ?, ?, ?)", rows)

    # --- parts -------------------------------------------------------------------------------------------------
    def parts(self, gkey: str, passages: Sequence[_Passage]) -> dict[str, tuple[list[str], set[str], DocPart]]:
        """The kept parts of the group's documents whose stamp is unchanged: (what it was read with: the passages
        read, or for a copy not read the numbers said before it; the keys it tested that were boilerplate; the
        part), read with the group's `passages` in place of those it names. `usable` says whether one fits this
        build."""
        stamps = self.stamps.get(gkey, {})
        by_id = {p.id: p for p in passages}

        def unpack(blob: bytes) -> Any:
            return _unpack(blob, by_id)

        names = {**stamps, **{_copy(d): stamp for d, stamp in stamps.items()}}
        return self._kept("doc_part", "record_doc_parts", gkey, names, unpack)

    def usable(self, kept: tuple[list[str], set[str], DocPart] | None, read: list[str], boilerplate: set[str]
               ) -> DocPart | None:  # fmt: skip
        """The kept part, if it is read with the same (`read`) and the keys it tested are the boilerplate they
        were."""
        if kept is None:
            return None
        was_read, hit, part = kept
        if was_read != read or {k for k in part.tested if k in boilerplate} != hit:
            return None
        self.reused += 1
        return part

    def put_parts(self, gkey: str, parts: dict[str, tuple[list[str], DocPart]], boilerplate: set[str]) -> None:
        stamps = self.stamps.get(gkey)
        if not stamps:
            return
        values = {
            name: (read, {k for k in part.tested if k in boilerplate}, part)
            for name, (read, part) in parts.items()
            if _doc(name) in stamps
        }
        rows = [(gkey, name, stamps[_doc(name)], _pack(value)) for name, value in values.items()]
        for name, value in values.items():
            DECODED.remember("doc_part", f"{gkey}\0{name}", stamps[_doc(name)], value)
        self.computed += len(rows)
        with transaction(self.conn):
            self.conn.executemany("INSERT OR REPLACE INTO record_doc_parts VALUES (?, ?, ?, ?)", rows)

    # --- housekeeping ------------------------------------------------------------------------------------------
    def keep_only(self, gkey: str, docs: Iterable[str]) -> None:
        """Drop the group's rows of documents no longer in it."""
        docs = set(docs)
        with transaction(self.conn):
            for table in _TABLES:
                stored = [r[0] for r in self.conn.execute(f"SELECT doc FROM {table} WHERE grp = ?", (gkey,))]  # noqa: S608
                gone = [(gkey, d) for d in stored if _doc(d) not in docs]
                self.conn.executemany(f"DELETE FROM {table} WHERE grp = ? AND doc = ?", gone)  # noqa: S608
                DECODED.forget(_KINDS[table], [f"{gkey}\0{d}" for _, d in gone])

    def drop(self, gkeys: Iterable[str]) -> None:
        with transaction(self.conn):
            for gkey in gkeys:
                for table in _TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE grp = ?", (gkey,))  # noqa: S608
                    DECODED.forget(_KINDS[table], prefix=f"{gkey}\0")

    def clear(self) -> None:
        with transaction(self.conn):
            for table in _TABLES:
                self.conn.execute(f"DELETE FROM {table}")  # noqa: S608
                DECODED.forget(_KINDS[table])
