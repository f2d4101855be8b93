"""The bench's timed HTTP requests (cold and warm searches, benchmarks/measure.py): one kept-alive connection of the
standard library's `http.client`, and beside each request's wall time the CPU the server process spent on it.

Why not httpx here: a request through `httpx.Client` cost the bench's own process ~1.1 ms of CPU (building the
request and the URL, decoding the response: measured on the 1k index, the relevance set's first half, 2026-12-07),
`http.client` ~0.4 ms; that time sat inside every figure the bench calls the server's latency. Why the server's
CPU: on the shared machine a request's wall time is mostly the load (at load ~10, cold p50 57 ms of wall for 16 ms
of the server's CPU), its CPU is the code's; both are kept, so a slow HTTP figure says which it was.
"""

from __future__ import annotations

import http.client
import time
import urllib.parse
from pathlib import Path


def thread_cpu(pid: int) -> dict[str, int]:
    """Nanoseconds of CPU each running thread of the process `pid` has run (the scheduler's count per thread,
    /proc/<pid>/task/*/schedstat: finer than /proc/<pid>/stat's clock ticks of 10 ms); empty where there is no /proc."""
    counts = {}
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return {}
    for task in tasks:
        try:
            counts[task.name] = int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):  # a thread that ended meanwhile
            continue
    return counts


def process_cpu(pid: int) -> float:
    """Seconds of CPU the running threads of the process `pid` have run; 0.0 where there is no /proc."""
    return sum(thread_cpu(pid).values()) / 1e9


def cpu_since(pid: int, before: dict[str, int]) -> float:
    """Seconds of CPU the process `pid` ran since `before` (its `thread_cpu` then), thread by thread: a thread that
    ended in between loses only its last part instead of taking its whole count off the sum (which made a request's
    CPU negative), a thread started since counts whole."""
    return sum(max(0, ns - before.get(tid, 0)) for tid, ns in thread_cpu(pid).items()) / 1e9


class TimedClient:
    """GET requests on one kept-alive connection to `host:port`, each timed (wall seconds) with the CPU seconds the
    server process `server_pid` spent meanwhile (None: not read)."""

    def __init__(self, host: str, port: int, server_pid: int | None = None, timeout: float = 600) -> None:
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout)
        self.server_pid = server_pid

    def get(self, path: str, params: dict[str, str], headers: dict[str, str] | None = None) -> tuple[float, float]:
        """(wall seconds, server CPU seconds) of one GET that must answer 200 (else RuntimeError)."""
        url = f"{path}?{urllib.parse.urlencode(params)}" if params else path
        before = thread_cpu(self.server_pid) if self.server_pid else {}
        started = time.perf_counter()
        self.connection.request("GET", url, headers=headers or {})
        response = self.connection.getresponse()
        body = response.read()
        wall = time.perf_counter() - started
        cpu = cpu_since(self.server_pid, before) if self.server_pid else 0.0
        if response.status != 200:
            raise RuntimeError(f"GET {url} answered {response.status}: {body[:200]!r}")
        return wall, cpu

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> TimedClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
