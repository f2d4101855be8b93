"""Bounded, thread-safe memories of what a query makes, for the same question asked again (issue 11: "warm").

A query's *reading* (its vector, its parse and terms) is a pure function of its text (and of the index it is
read against): remembered, a repeated question skips the model and the parser, and every request still ranks,
collapses, makes its snippets and its cards.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """At most `size` values, the least recently used forgotten first; `size` 0 remembers nothing. Values are
    shared between the threads that read them: callers never edit one."""

    def __init__(self, size: int) -> None:
        self.size = max(0, size)
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._values.get(key)
            if value is None:
                self.misses += 1
                return None
            self._values.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: K, value: V) -> None:
        if not self.size:
            return
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


class PerObject(Generic[K, V]):
    """One `Lru` per live object (a lexical index: an index is replaced, never changed, when the store moves), so
    what was read against an index goes with it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._memos: weakref.WeakKeyDictionary[object, Lru[K, V]] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def of(self, owner: object) -> Lru[K, V]:
        with self._lock:
            memo = self._memos.get(owner)
            if memo is None:
                memo = self._memos[owner] = Lru(self.size)
            return memo
