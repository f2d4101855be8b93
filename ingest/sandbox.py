"""Every parse runs in a worker process with a time limit, a memory limit (RLIMIT_AS) and an output limit.

A hostile file (a zip bomb, a pathological PDF) can then cost at most `parse_seconds` and `parse_memory_mb`:
the worker is killed and the file refused with an error naming it, while the server keeps its memory and
its other requests. One worker process (spawn context, so no locks or model threads are inherited) is kept
and reused for many files; it is replaced after a kill, a crash or `MAX_TASKS` files.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ingest.model import RawText
from ingest.readers import ReadLimits, read_file
from lgnet import errors

log = logging.getLogger(__name__)
# Files one worker reads before it is replaced (bounds any slow leak). A replacement costs ~1.7 s (0.3 s for the
# old worker to exit, 1.4 s for the new one's imports and classifiers before its first file; nice 5, load 3-4):
# at 200 files that was ~9 ms a file beside ~19 ms of parsing, 20 s of a 10k ingest.
MAX_TASKS = 1000


@dataclass(frozen=True)
class SandboxLimits:
    seconds: float = 600.0  # wall time of one parse (OCR of a long scan included)
    memory_mb: int = 2048  # address space of the worker
    max_text_chars: int = 20_000_000  # text the reader may return, attachments included

    @classmethod
    def from_settings(cls, settings) -> SandboxLimits:
        return cls(settings.parse_seconds, settings.parse_memory_mb, settings.parse_max_chars)


_lock = threading.Lock()  # one WorkerQueue at a time per process: writes are serialised anyway
_pool: ProcessPoolExecutor | None = None
_pool_memory: int | None = None
_pool_tasks = 0  # files handed to the current worker


def read_in_worker(path: Path, max_bytes: int, limits: ReadLimits, sandbox: SandboxLimits) -> RawText:
    """`read_file` in the worker process. Raises the reader's IngestError, or one naming the file when a
    limit is hit (time, memory, text size) or the worker dies."""
    with WorkerQueue(sandbox) as queue:
        queue.submit(path, checked_read, path, max_bytes, limits, sandbox.max_text_chars)
        return cast(RawText, queue.result(path))


@dataclass
class _Job:
    path: Path
    call: tuple
    future: Future
    submitted: float


class WorkerQueue:
    """Files handed to the worker ahead of need and taken back in the order submitted, so that the worker
    parses the next files while the caller embeds the ones before (one worker: they run in that order).
    Each job keeps the time limit from when the worker started it (when the job before it finished); after
    a kill the jobs queued behind the file at fault are submitted again."""

    def __init__(self, sandbox: SandboxLimits) -> None:
        self.sandbox = sandbox
        self._jobs: dict[Path, _Job] = {}

    def __enter__(self) -> WorkerQueue:
        _lock.acquire()  # one queue at a time per process: a kill for one file must not hit another's jobs
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            _lock.release()

    def submit(self, key: Path, fn: Callable[..., object], *args: object) -> None:
        """Run `fn(*args)` in the worker (a module-level function: it is pickled by name); it may raise an
        IngestError, which `result` raises again."""
        self._jobs[key] = self._start(key, (fn, args))

    def __contains__(self, key: Path) -> bool:
        return key in self._jobs

    def _start(self, path: Path, call: tuple) -> _Job:
        global _pool_tasks
        # The worker is replaced after MAX_TASKS files, when it has nothing queued. Not with the executor's
        # max_tasks_per_child: in Python 3.11 a worker retiring while tasks wait is never replaced (the
        # queue hangs until each file's time limit; CPython gh-115634).
        if _pool_tasks >= MAX_TASKS and all(job.future.done() for job in self._jobs.values()):
            _retire_pool()
        future = _get_pool(self.sandbox.memory_mb).submit(_guarded, call[0], *call[1])
        _pool_tasks += 1
        future.add_done_callback(_finished)
        return _Job(path, call, future, time.monotonic())

    def result(self, key: Path) -> object:
        """The value of the job `key` (every job submitted before it has been taken back already); raises
        the IngestError it ended with, naming the file."""
        job = self._jobs.pop(key)
        if job.future.cancelled():  # a kill for an earlier file cancelled it before it ran
            job = self._start(job.path, job.call)
        started = max(job.submitted, _last_finished)  # nothing queued after it can have finished yet
        try:
            kind, value = job.future.result(timeout=max(0.0, self.sandbox.seconds - (time.monotonic() - started)))
        except TimeoutError:
            self._kill()
            raise errors.UnreadableFile(
                job.path, f"reading took longer than the limit of {self.sandbox.seconds:g} s (LGNET_PARSE_SECONDS)"
            ) from None
        except BrokenProcessPool:
            self._kill()
            raise errors.UnreadableFile(
                job.path,
                f"the reader died, probably over the memory limit of {self.sandbox.memory_mb} MB "
                "(LGNET_PARSE_MEMORY_MB)",
            ) from None
        if kind == "ok":
            return value
        cls, reason = cast(tuple[str, str], value)
        raise getattr(errors, cls, errors.UnreadableFile)(job.path, reason)

    def _kill(self) -> None:
        """Kill the worker (the job at fault is running in it) and queue the jobs behind it again."""
        _kill_pool()
        for key, job in self._jobs.items():
            self._jobs[key] = self._start(job.path, job.call)

    def close(self) -> None:
        """Jobs not taken back (the walk was stopped): the worker is killed rather than left parsing them."""
        if any(not job.future.done() for job in self._jobs.values()):
            _kill_pool()
        self._jobs.clear()


_last_finished = 0.0  # when the worker last finished a job: the next one in its queue started then


def _finished(_future: Future) -> None:
    global _last_finished
    _last_finished = time.monotonic()


def shutdown() -> None:
    """Kill the worker (server shutdown: a parse under way must not hold the process)."""
    _kill_pool()


def _get_pool(memory_mb: int) -> ProcessPoolExecutor:
    global _pool, _pool_memory, _pool_tasks
    if _pool is None or _pool_memory != memory_mb:
        _kill_pool()
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_limit_memory,
            initargs=(memory_mb,),
        )
        _pool_memory, _pool_tasks = memory_mb, 0
    return _pool


def _retire_pool() -> None:
    """Let the idle worker exit; the next file starts a fresh one."""
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False)  # it has nothing queued: it exits on its own while the next one starts


def _kill_pool() -> None:
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return
    for process in list(getattr(pool, "_processes", {}).values()):  # no public way to stop a running task
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _limit_memory(memory_mb: int) -> None:
    import resource
    import signal

    # Ctrl-C at the terminal is for the walk (ingest/walk.py: stop after this file), not for the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def checked_read(path: Path, max_bytes: int, limits: ReadLimits, max_chars: int) -> RawText:
    """`read_file`, then the output limit (in the worker)."""
    raw = read_file(Path(path), max_bytes, limits)
    size = _chars(raw)
    if size > max_chars:
        raise errors.FileTooLarge(path, f"holds {size:,} characters of text, over the limit of {max_chars:,}")
    return raw


def _guarded(fn: Callable[..., object], *args: object) -> tuple[str, object]:
    """In the worker: `fn(*args)`, its value or its error handed back as plain values (exception classes with
    their own constructors do not survive pickling)."""
    try:
        return "ok", fn(*args)
    except errors.IngestError as exc:
        return "error", (type(exc).__name__, exc.reason)
    except MemoryError:
        return "error", ("FileTooLarge", "reading it needs more memory than the limit (LGNET_PARSE_MEMORY_MB)")
    except Exception as exc:  # noqa: BLE001 - a reader bug is this file's error, not the worker's death
        return "error", ("UnreadableFile", f"cannot be read: {type(exc).__name__}: {exc}")


def _chars(raw: RawText) -> int:
    return len(raw.text) + sum(_chars(a) for a in raw.attachments)
