"""Each query's vector: made by the model once, remembered for the same text asked again, and startable ahead of
its turn in an idle worker thread (retrieval/beside.py).

A search knows the text it will embed (the query, or its suggestion when it had typos) as soon as the query's first
reading is done, long before its dense leg asks for the vector: the rest of the reading (the corrected query read
again, translations, related words, the terms), the filters and the lexical leg are the request thread's work,
~2-3 ms of a cold query at 1k passages, and the model's call (~3 ms) runs beside them instead of after them.
Whoever asks for a vector under way waits for it: the model is called once per text, as before, and its output is
the same whichever thread called it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

import numpy as np

from retrieval.beside import beside
from retrieval.memo import Lru

Embed = Callable[[str], np.ndarray]  # one text's vector, from the model


def vector_key(text: str) -> str:
    """The text as embedded: whitespace normalised (the model's output depends on the words only)."""
    return " ".join(text.split())


class QueryVectors:
    """The vectors remembered (at most `size`, the least recently used forgotten first) and those under way."""

    def __init__(self, size: int) -> None:
        self.memo: Lru[str, np.ndarray] = Lru(size)
        self._under_way: dict[str, Future[np.ndarray]] = {}
        self._lock = threading.Lock()

    def get(self, text: str, embed: Embed) -> np.ndarray:
        """The vector of `text`: remembered, or waited for when under way, or made now by `embed`."""
        key = vector_key(text)
        vector = self.memo.get(key)
        if vector is not None:
            return vector
        with self._lock:
            pending = self._under_way.get(key)
        if pending is not None:
            return pending.result()  # raises what the model raised
        vector = self.memo.get(key)  # made between the two looks
        return vector if vector is not None else self._make(key, embed)

    def start(self, text: str, embed: Embed) -> None:
        """Make the vector of `text` in an idle worker thread, unless it is remembered or under way (with no idle
        worker, made now in this thread: it is needed anyway)."""
        key = vector_key(text)
        pending: Future[np.ndarray] = Future()
        with self._lock:
            if key in self._under_way or key in self.memo:
                return
            self._under_way[key] = pending

        def work() -> None:
            try:
                pending.set_result(self._make(key, embed))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the vector
                pending.set_exception(exc)
            finally:
                with self._lock:
                    self._under_way.pop(key, None)

        beside(work)  # nobody waits for the worker itself: they wait for `pending`

    def known(self, text: str) -> bool:
        """Whether asking for the vector of `text` calls no model in the asking thread (remembered or under way)."""
        key = vector_key(text)
        with self._lock:
            return key in self._under_way or key in self.memo

    def clear(self) -> None:
        self.memo.clear()

    def _make(self, key: str, embed: Embed) -> np.ndarray:
        vector = embed(key)
        vector.flags.writeable = False  # shared by every request that asks the same text
        self.memo.put(key, vector)
        return vector
