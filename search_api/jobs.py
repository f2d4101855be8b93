"""Background ingestion jobs (uploads, reindex): one worker thread, so writes never run concurrently."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from lgnet.errors import LGNetError, NotFound


@dataclass
class Job:
    id: str
    kind: str
    status: str = "queued"  # queued, running, done, failed
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobQueue:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lgnet-job")

    def submit(self, kind: str, fn: Callable[[], dict[str, Any]]) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind)
        with self._lock:
            self._jobs[job.id] = job
        self._executor.submit(self._run, job, fn)
        return job

    def _run(self, job: Job, fn: Callable[[], dict[str, Any]]) -> None:
        job.status = "running"
        try:
            job.result = fn()
            job.status = "done"
        except LGNetError as exc:
            job.error, job.status = exc.to_dict()["error"], "failed"
        except Exception as exc:  # noqa: BLE001 - a job reports its failure instead of dying silently
            job.error, job.status = {"code": "internal_error", "message": str(exc), "detail": None}, "failed"
        finally:
            job.finished = time.time()

    def run_now(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` in the worker (after queued jobs) and wait for it: writes never overlap."""
        return self._executor.submit(fn).result()

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job with id {job_id!r}", {"id": job_id})
        return job

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
