"""The garbage collector during a small write in a process that holds a large index.

A change of one file makes many short-lived objects (the touched groups' passages, their documents' parts read back,
the merged facts) that live long enough to survive the collector's young passes and be promoted into its oldest
generation; once enough are promoted, CPython makes a full pass over every tracked object of the process, and a
process that serves (or benchmarks) a 100k index holds millions of them: ~0.4-0.7 s of CPU falling inside adding
one file at 100k passages, none at 1k. Paused during the write, the collector promotes nothing: those objects die
by reference counting when the write ends, and a cycle among them is collected by the next pass as before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """No automatic collection inside the block (when `pause`; a collector already disabled stays so)."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
