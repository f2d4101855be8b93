"""What a records refresh decoded of the state file's rows, kept in memory for the next refresh of this process.

A refresh reads every member of a touched (city, phase) group back from the state file: its passages' kept
text and metadata (`knowledge.groupkeys` `record_rows`), its documents' keys and parts (`knowledge.doc_parts`),
and every group's sentence keys (the programme's boilerplate). At 100k passages a city's group holds 2-3k
passages of ~600 documents, and decompressing and parsing them was ~0.45 s of each file added to it, the same
rows every time. A row is decoded again only when its bytes changed: a value is kept with the bytes it was
decoded from and returned only for the same bytes, so it is never stale, whoever wrote the row (another process
sharing the state file, another index). Values are shared between refreshes: the callers only read them.
Bounded by the bytes of the rows kept, the least recently used dropped first.

Beside them, values kept by a *stamp* instead of their bytes (`recall`, `remember`): what a pure function of the
stamp's inputs gave (`knowledge.doc_parts`: a document's part, its keys, by the digest of its passages), so a refresh
that finds the stamp unchanged takes the value without reading its row from the state file at all (a group touched by
one new file reads that file's document, not its ~500 other documents' rows). Never stale either: the stamp names
everything the value is computed from, whoever wrote the row. Bounded by their number, least recently used first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_BYTES = 64 << 20  # of rows kept (~100-150 MB decoded; rows are not compressed): a few files' cities' groups at 100k
# values kept by stamp: a document's stamp, keys and part, for ~600 documents of a city's group at 100k: a few groups
# (~50 MB of parts; they are mostly the very objects the rows kept above decoded to)
MAX_STAMPED = 6000


class Decoded:
    """Values decoded from blobs, by (kind, row key), each with the blob it came from."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_stamped: int = MAX_STAMPED) -> None:
        self.max_bytes = max_bytes
        self.max_stamped = max_stamped
        self._items: OrderedDict[tuple[str, str], tuple[bytes, Any]] = OrderedDict()
        self._stamped: OrderedDict[tuple[str, str], tuple[Any, Any]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.decoded = 0  # blobs decoded (not found with the same bytes)
        self.recalled = 0  # values found by their stamp

    def get(self, kind: str, key: str, blob: bytes, decode: Callable[[bytes], T]) -> T:
        """`decode(blob)`, or the value kept for this row when its blob is the same bytes."""
        name = (kind, key)
        with self._lock:
            hit = self._items.get(name)
            if hit is not None and hit[0] == blob:
                self._items.move_to_end(name)
                return hit[1]
        value = decode(blob)
        with self._lock:
            self.decoded += 1
            old = self._items.pop(name, None)
            if old is not None:
                self._bytes -= len(old[0])
            if value is not None and len(blob) <= self.max_bytes // 4:  # (None: unreadable, asked again)
                self._items[name] = (blob, value)
                self._bytes += len(blob)
            while self._bytes > self.max_bytes:
                _, (dropped, _) = self._items.popitem(last=False)
                self._bytes -= len(dropped)
        return value

    def recall(self, kind: str, key: str, stamp: Any) -> tuple[bool, Any]:
        """(True, the value remembered for this row with an equal stamp), else (False, None)."""
        name = (kind, key)
        with self._lock:
            hit = self._stamped.get(name)
            if hit is None or hit[0] != stamp:
                return False, None
            self._stamped.move_to_end(name)
            self.recalled += 1
            return True, hit[1]

    def remember(self, kind: str, key: str, stamp: Any, value: Any) -> None:
        """`value` is what the row's inputs named by `stamp` give (in place of what was remembered for it)."""
        name = (kind, key)
        with self._lock:
            self._stamped.pop(name, None)
            self._stamped[name] = (stamp, value)
            while len(self._stamped) > self.max_stamped:
                self._stamped.popitem(last=False)

    def forget(self, kind: str, keys: Iterable[str] | None = None, prefix: str | None = None) -> None:
        """Values remembered by stamp no longer (these keys, those starting with `prefix`, or all of `kind`): their
        rows were deleted, and what is remembered must be what the state file keeps (a refresh writes only what it
        computed, so a remembered value whose row is gone would stay missing for the other processes)."""
        with self._lock:
            if keys is not None:
                for key in keys:
                    self._stamped.pop((kind, key), None)
            else:
                for name in [n for n in self._stamped if n[0] == kind and (prefix is None or n[1].startswith(prefix))]:
                    del self._stamped[name]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._stamped.clear()
            self._bytes = 0


DECODED = Decoded()  # one per process: every refresh's readers share it
