"""Background ingestion jobs (uploads, reindex), persisted in SQLite under the data dir.

Every worker process of the same deployment shares the table, so `GET /api/jobs/{id}` answers from any of
them and a job outlives the process that ran it: one interrupted by a restart or a kill is reported as failed
with the code `interrupted` (its owner process is gone). Each process runs its jobs in one daemon worker
thread; writes from several processes are serialised by the store's write lock.
"""

from __future__ import annotations

import json
import os
import queue
import sqlite3
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lgnet.errors import LGNetError, NotFound

SCHEMA = """CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, created REAL NOT NULL, finished REAL,
    result TEXT, error TEXT, owner INTEGER NOT NULL)"""
KEEP_SECONDS = 7 * 24 * 3600  # finished jobs older than this are forgotten


@dataclass
class Job:
    id: str
    kind: str
    status: str = "queued"  # queued, running, done, failed
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    # While it runs, what it reports as it goes: OCR's pages {"file", "stage": "ocr", "done", "total"}
    progress: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobQueue:
    def __init__(self, path: Path | None = None) -> None:
        """`path`: the SQLite file (None: in memory, for one process only)."""
        self._path = str(path) if path else ":memory:"
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
        # Progress files beside the table, so any worker process answering `get` reads them too.
        self._progress_dir = path.parent / "job-progress" if path else Path(tempfile.mkdtemp(prefix="lgnet-jobs-"))
        self._progress_dir.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._memory = sqlite3.connect(":memory:", check_same_thread=False) if path is None else None
        self._db_lock = threading.Lock()
        with self._connection() as db:
            db.execute(SCHEMA)
        self._recover()
        self._queue: queue.Queue = queue.Queue()
        self._stopping = threading.Event()
        self._worker = threading.Thread(target=self._loop, name="lgnet-job", daemon=True)
        self._worker.start()

    # --- storage -----------------------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            self._local.db = db
        return db

    def _write(self, sql: str, args: tuple) -> None:
        with self._db_lock:
            self._connection().execute(sql, args)

    def _save(self, job: Job) -> None:
        self._write(
            "INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job.id,
                job.kind,
                job.status,
                job.created,
                job.finished,
                json.dumps(job.result) if job.result is not None else None,
                json.dumps(job.error) if job.error is not None else None,
                os.getpid(),
            ),
        )

    def _recover(self) -> None:
        """Jobs left queued or running by a process that no longer exists failed: say so."""
        with self._db_lock:
            db = self._connection()
            rows = db.execute("SELECT id, owner FROM jobs WHERE status IN ('queued', 'running')").fetchall()
            error = json.dumps(
                {
                    "code": "interrupted",
                    "message": "the job was interrupted (the server stopped or restarted); submit it again",
                    "detail": None,
                }
            )
            for job_id, owner in rows:
                if owner == os.getpid() or _alive(owner):
                    continue
                db.execute(
                    "UPDATE jobs SET status = 'failed', finished = ?, error = ? WHERE id = ?",
                    (time.time(), error, job_id),
                )
            db.execute("DELETE FROM jobs WHERE finished IS NOT NULL AND finished < ?", (time.time() - KEEP_SECONDS,))

    # --- the queue ---------------------------------------------------------------------------------------
    def submit(self, kind: str, fn: Callable[..., dict[str, Any]], *, progress: bool = False) -> Job:
        """Queue `fn()`; with `progress`, `fn(progress_file)`: a file it (or its reader's worker process) writes
        its progress to as JSON, shown as the job's `progress` while it runs."""
        job = Job(id=uuid.uuid4().hex, kind=kind)
        self._save(job)
        if progress:
            report_to = str(self._progress_file(job.id))
            self._queue.put((job, lambda: fn(report_to)))
        else:
            self._queue.put((job, fn))
        return job

    def _progress_file(self, job_id: str) -> Path:
        return self._progress_dir / f"{job_id}.json"

    def _loop(self) -> None:
        while not self._stopping.is_set():
            item = self._queue.get()
            if item is None:
                return
            job, fn = item
            if isinstance(job, Job):
                self._run(job, fn)
            else:  # run_now: (future-like holder, fn)
                job.run(fn)

    def _run(self, job: Job, fn: Callable[[], dict[str, Any]]) -> None:
        job.status = "running"
        self._save(job)
        try:
            job.result = fn()
            job.status = "done"
        except LGNetError as exc:
            job.error, job.status = exc.to_dict()["error"], "failed"
        except Exception as exc:  # noqa: BLE001 - a job reports its failure instead of dying silently
            job.error, job.status = {"code": "internal_error", "message": str(exc), "detail": None}, "failed"
        finally:
            job.finished = time.time()
            self._save(job)
            self._progress_file(job.id).unlink(missing_ok=True)

    def run_now(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` in the worker (after queued jobs) and wait for it: writes never overlap."""
        call = _Call()
        self._queue.put((call, fn))
        return call.wait()

    def get(self, job_id: str) -> Job:
        row = (
            self._connection()
            .execute("SELECT id, kind, status, created, finished, result, error FROM jobs WHERE id = ?", (job_id,))
            .fetchone()
            if self._memory is None
            else self._get_memory(job_id)
        )
        if row is None:
            raise NotFound(f"no job with id {job_id!r}", {"id": job_id})
        jid, kind, status, created, finished, result, error = row
        return Job(
            jid,
            kind,
            status,
            created,
            finished,
            json.loads(result) if result else None,
            json.loads(error) if error else None,
            self._progress(jid) if status == "running" else None,
        )

    def _progress(self, job_id: str) -> dict[str, Any] | None:
        try:
            progress = json.loads(self._progress_file(job_id).read_text("utf-8"))
        except (OSError, ValueError):
            return None  # none reported (yet), or gone as the job finished
        return progress if isinstance(progress, dict) else None

    def _get_memory(self, job_id: str):
        with self._db_lock:
            assert self._memory is not None  # only called when the jobs live in memory
            return self._memory.execute(
                "SELECT id, kind, status, created, finished, result, error FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()

    def shutdown(self) -> None:
        """Stop taking jobs; the daemon worker never holds the process (a running job ends with it and is
        reported `interrupted` at the next start)."""
        self._stopping.set()
        self._queue.put(None)


class _Call:
    def __init__(self) -> None:
        self._done = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None

    def run(self, fn: Callable[[], Any]) -> None:
        try:
            self._result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
            self._error = exc
        finally:
            self._done.set()

    def wait(self) -> Any:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._result


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
