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
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ingest.model import RawText
from ingest.readers import ReadLimits, read_file
from lgnet import errors

log = logging.getLogger(__name__)
MAX_TASKS = 200  # files one worker reads before it is replaced (bounds any slow leak)


@dataclass(frozen=True)
class SandboxLimits:
    seconds: float = 600.0  # wall time of one parse (OCR of a long scan included)
    memory_mb: int = 2048  # address space of the worker
    max_text_chars: int = 20_000_000  # text the reader may return, attachments included

    @classmethod
    def from_settings(cls, settings) -> SandboxLimits:
        return cls(settings.parse_seconds, settings.parse_memory_mb, settings.parse_max_chars)


_lock = threading.Lock()  # one parse at a time per process: writes are serialised anyway
_pool: ProcessPoolExecutor | None = None
_pool_memory: int | None = None


def read_in_worker(path: Path, max_bytes: int, limits: ReadLimits, sandbox: SandboxLimits) -> RawText:
    """`read_file` in the worker process. Raises the reader's IngestError, or one naming the file when a
    limit is hit (time, memory, text size) or the worker dies."""
    with _lock:
        pool = _get_pool(sandbox.memory_mb)
        future = pool.submit(_work, str(path), max_bytes, limits, sandbox.max_text_chars)
        try:
            kind, value = future.result(timeout=sandbox.seconds)
        except TimeoutError:
            _kill_pool()
            raise errors.UnreadableFile(
                path, f"reading took longer than the limit of {sandbox.seconds:g} s (LGNET_PARSE_SECONDS)"
            ) from None
        except BrokenProcessPool:
            _kill_pool()
            raise errors.UnreadableFile(
                path,
                f"the reader died, probably over the memory limit of {sandbox.memory_mb} MB (LGNET_PARSE_MEMORY_MB)",
            ) from None
    if kind == "ok":
        return cast(RawText, value)
    cls, reason = cast(tuple[str, str], value)
    raise getattr(errors, cls, errors.UnreadableFile)(path, reason)


def shutdown() -> None:
    """Kill the worker (server shutdown: a parse under way must not hold the process)."""
    _kill_pool()


def _get_pool(memory_mb: int) -> ProcessPoolExecutor:
    global _pool, _pool_memory
    if _pool is None or _pool_memory != memory_mb:
        _kill_pool()
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_limit_memory,
            initargs=(memory_mb,),
            max_tasks_per_child=MAX_TASKS,
        )
        _pool_memory = memory_mb
    return _pool


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


def _work(path: str, max_bytes: int, limits: ReadLimits, max_chars: int) -> tuple[str, object]:
    """In the worker: read, check the output size, and hand back the text or the error (as plain values:
    exception classes with their own constructors do not survive pickling)."""
    try:
        raw = read_file(Path(path), max_bytes, limits)
        size = _chars(raw)
        if size > max_chars:
            return "error", ("FileTooLarge", f"holds {size:,} characters of text, over the limit of {max_chars:,}")
        return "ok", raw
    except errors.IngestError as exc:
        return "error", (type(exc).__name__, exc.reason)
    except MemoryError:
        return "error", ("FileTooLarge", "reading it needs more memory than the limit (LGNET_PARSE_MEMORY_MB)")
    except Exception as exc:  # noqa: BLE001 - a reader bug is this file's error, not the worker's death
        return "error", ("UnreadableFile", f"cannot be read: {type(exc).__name__}: {exc}")


def _chars(raw: RawText) -> int:
    return len(raw.text) + sum(_chars(a) for a in raw.attachments)
