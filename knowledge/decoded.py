"""What a records refresh decoded of the state file's rows, kept in memory for the next refresh of this process.

A refresh reads every member of a touched (city, phase) group back from the state file: its passages' kept
text and metadata (`knowledge.groupkeys` `record_rows`), its documents' keys and parts (`knowledge.doc_parts`),
and every group's sentence keys (the programme's boilerplate). At 100k passages a city's group holds 2-3k
passages of ~600 documents, and decompressing and parsing them was ~0.45 s of each file added to it, the same
rows every time. A row is decoded again only when its bytes changed: a value is kept with the bytes it was
decoded from and returned only for the same bytes, so it is never stale, whoever wrote the row (another process
sharing the state file, another index). Values are shared between refreshes: the callers only read them.
Bounded by the bytes of the rows kept, the least recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_BYTES = 64 << 20  # of rows kept (~100-150 MB decoded; rows are not compressed): a few files' cities' groups at 100k


class Decoded:
    """Values decoded from blobs, by (kind, row key), each with the blob it came from."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str], tuple[bytes, Any]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.decoded = 0  # blobs decoded (not found with the same bytes)

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

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


DECODED = Decoded()  # one per process: every refresh's readers share it
