"""Work of the layers above run beside an ingest walk: each write batch stored during the walk is handed to the
pipeline's batch hooks in one thread, while the next batch is embedded (knowledge.pre_read: what the practice
records read of each passage), instead of after the walk, serial with nothing. A failure is logged and left to the
index hooks, which do the same work after the walk anyway."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from lgnet.store import Store

log = logging.getLogger(__name__)

# Called with (store, ids, texts, metas) of one write batch, one batch at a time; all are done before the duplicate
# refresh and the index hooks.
BatchHook = Callable[[Store, list[str], list[str], list[dict]], object]


class BesideWalk:
    """One walk's batch hooks, run in a thread of their own; every one of them finished when the walk ends."""

    def __init__(self, store: Store, hooks: Sequence[BatchHook]) -> None:
        self.store = store
        self.hooks = tuple(hooks)
        self._executor: ThreadPoolExecutor | None = None
        self._running: list[Future] = []

    def __enter__(self) -> BesideWalk:
        if self.hooks:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-hooks")
        return self

    def submit(self, ids: list[str], texts: list[str], metas: list[dict]) -> None:
        """Hand one batch stored during the walk to every hook. The batch written after the walk (all of a one-file
        add) is never handed here: nothing runs beside it, the index hooks do its work."""
        if self._executor is None:
            return
        for hook in self.hooks:
            self._running.append(self._executor.submit(hook, self.store, ids, texts, metas))

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._executor is None:
            return
        self._executor.shutdown(wait=True)
        for future in self._running:
            if future.exception() is not None:
                log.warning("a batch hook failed (left to the index hooks): %s", future.exception())
        self._executor, self._running = None, []
