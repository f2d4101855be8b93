"""A search's dense leg run in a worker thread while the calling thread runs its lexical leg.

The two legs are independent until their fusion, and the dense leg of a large index is one matrix-vector product
over the sketch and an argpartition (retrieval/vectors.py), numpy calls that release the GIL; at 100k passages
each leg costs about 5 ms of CPU. Run one beside the other, a search waits for the longer instead of their sum
on a machine with a core to spare; its CPU time is the same (the stage timings say which thread spent it).
Below `PARALLEL_ABOVE` passages the dense leg costs less than handing it over (an exact product of a few
thousand rows: ~0.3 ms at 1k passages), so it runs in the caller's thread as before.

A never-seen query's embedding is started in one the same way while the query is read (`SearchStages.embed_ahead`,
retrieval/stages.py): the model is mostly numpy too, the reading pure Python.

A worker is taken only when one is idle: when every worker is busy (more searches at once than cores, as under
load) the leg runs in the caller's thread, so no search ever waits in a queue behind another's leg.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

PARALLEL_ABOVE = 5_000  # passages: above, a hybrid search's dense leg runs beside its lexical leg
WORKERS = max(2, os.cpu_count() or 1)  # searches computing at once are capped at the cores (app/concurrency.py)

_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="search-leg")
_idle = threading.BoundedSemaphore(WORKERS)


def _reset_after_fork() -> None:
    """A forked child (a parse worker) has none of the parent's threads: a new pool, every worker idle."""
    global _pool, _idle
    _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="search-leg")
    _idle = threading.BoundedSemaphore(WORKERS)


os.register_at_fork(after_in_child=_reset_after_fork)


def beside(work: Callable[[], T]) -> Callable[[], T]:
    """`work` started in an idle worker thread (run now in the caller's when none is idle); the callable returned
    waits for it and gives its result, or raises what it raised."""
    if not _idle.acquire(blocking=False):
        value = work()
        return lambda: value

    def run() -> T:
        try:
            return work()
        finally:
            _idle.release()

    try:
        future = _pool.submit(run)
    except RuntimeError:  # the interpreter is shutting down: no new threads
        _idle.release()
        value = work()
        return lambda: value
    return future.result
