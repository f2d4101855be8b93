"""Work of the layers above run beside an ingest walk: each write batch of the walk is handed to the pipeline's batch
hooks in one thread as it is stored, while its last passages and the next batch are embedded (knowledge.pre_read: what
the practice records read of each passage), instead of after the walk, serial with nothing; the last batch of a walk
that stored batches before it too, beside its storing and the duplicate refresh. A failure is logged and left to the
index hooks, which do the same work after the walk anyway.

While the hooks' thread runs, the process switches threads every SWITCH_INTERVAL seconds instead of Python's 5 ms:
the hooks are pure Python, and each time one of the model's numpy calls let the GIL go the hooks' thread took it and
kept it for the whole interval, so the embedding waited up to 5 ms after every one of its few dozen calls per batch
(256 passages embedded alone / beside a busy Python thread at 5 ms / at 0.5 ms, same tokens, 2 cores at load ~9:
wall 4.5-5.0 / 13.5-16.9 / 7.8-11.3 s for the same 1.5-1.7 s of CPU). The hooks stay a thread of the walk's process
(a worker process of their own spared the embedding the same way, but the records hook after the walk then found
the process's caches of what the hooks had read cold: 1k bench corpus, both at once, ingest 212 s against 225 s,
the records hook 20 s against 13 s, 9 % more CPU).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

from lgnet.store import Store

log = logging.getLogger(__name__)

# Called with (store, ids, texts, metas) of one write batch, one batch at a time; all are done before the index hooks
# (the last ones while the duplicate refresh runs: they read the batch as it was read, never its groups). A hook with a
# `flush()` has it called once every batch is done, after the duplicate refresh (what it could not write during it).
BatchHook = Callable[[Store, list[str], list[str], list[dict]], object]
SWITCH_INTERVAL = 0.0005  # seconds a thread holds the GIL while another waits for it, during a walk with hooks
_switching = threading.Lock()
_walks = [0, 0.0]  # walks with hooks under way in this process, and the switch interval before the first


class BesideWalk:
    """One walk's batch hooks, run in a thread of their own; every one of them finished by `finish` (or when the block
    ends)."""

    def __init__(self, store: Store, hooks: Sequence[BatchHook]) -> None:
        self.store = store
        self.hooks = tuple(hooks)
        self._executor: ThreadPoolExecutor | None = None
        self._running: list[Future] = []

    def __enter__(self) -> BesideWalk:
        if self.hooks:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-hooks")
            with _switching:
                if not _walks[0]:
                    _walks[1] = sys.getswitchinterval()
                    sys.setswitchinterval(min(_walks[1], SWITCH_INTERVAL))
                _walks[0] += 1
        return self

    def submit_files(self, files: Sequence[Any]) -> None:
        """`submit` the passages of these files read (each with its `chunks` and their `metas`): handed before they
        are stored, so their reading goes on beside their own storing. The batch written after a walk that stored
        none (all of a one-file add) is never handed here: nothing runs beside it, the index hooks do its work."""
        if self._executor is not None and files:
            ids = [c.chunk_id for r in files for c in r.chunks]
            self.submit(ids, [c.text for r in files for c in r.chunks], [dict(m) for r in files for m in r.metas])

    def submit(self, ids: list[str], texts: list[str], metas: list[dict]) -> None:
        """Hand one batch of the walk to every hook."""
        if self._executor is None:
            return
        for hook in self.hooks:
            self._running.append(self._executor.submit(hook, self.store, ids, texts, metas))

    def finish(self) -> None:
        """Wait for every hook handed a batch and log the failures (once; leaving the block calls it too)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        try:
            executor.shutdown(wait=True)
        finally:
            with _switching:
                _walks[0] -= 1
                if not _walks[0]:
                    sys.setswitchinterval(_walks[1])
        for future in self._running:
            if future.exception() is not None:
                log.warning("a batch hook failed (left to the index hooks): %s", future.exception())
        self._running = []
        for hook in self.hooks:  # what a hook kept to write once nothing else writes (`knowledge.pre_read`)
            flush = getattr(hook, "flush", None)
            try:
                if flush is not None:
                    flush()
            except Exception as exc:  # noqa: BLE001 - left to the index hooks, as a failed batch
                log.warning("a batch hook failed (left to the index hooks): %s", exc)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.finish()
