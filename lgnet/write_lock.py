"""One writer per data dir: a cross-process file lock (fcntl), re-entrant within a process. Ingest, uploads and
the store's generation switch take it, so two processes never write one index at once."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path

_writer_locks: dict[str, list] = {}  # data dir -> [thread lock, fd, depth]
_writer_locks_guard = threading.Lock()


@contextlib.contextmanager
def writer_lock(data_dir: Path) -> Iterator[None]:
    """Exclusive writer for one data dir across processes (fcntl lock file), re-entrant within a process."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key = str(data_dir.resolve())
    with _writer_locks_guard:
        entry = _writer_locks.setdefault(key, [threading.RLock(), None, 0])
    with entry[0]:
        if entry[2] == 0:
            fd = os.open(data_dir / ".write.lock", os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits for a writer in another process
            entry[1] = fd
        entry[2] += 1
        try:
            yield
        finally:
            entry[2] -= 1
            if entry[2] == 0:
                os.close(entry[1])  # closing releases the flock
                entry[1] = None
