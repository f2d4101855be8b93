"""At most as many reads computing at once as the machine has cores (issue 16 item 9).

A search is CPU work (query embedding with BLAS threads, BM25, Chroma's HNSW, fusion) run in the threadpool of
the ASGI server, which has 40 threads: with 32 clients, 32 searches ran at once on 2 cores, each with its
BLAS threads, and throughput fell below that of 8 clients (6.0 -> 4.0 requests/s, median 7.8 s). Here the
requests that compute wait their turn in the event loop (no thread held while waiting) and at most
`limit` run at once; the turn is given back when the response starts, so a slow reader of a long answer or of
an original file never holds it. Cheap paths (health, readiness, job status, static files) never wait.
Past `max_waiting` requests queued, 503 with Retry-After rather than an unbounded queue.
"""

from __future__ import annotations

import asyncio
import json
import weakref

EXEMPT = ("/static/", "/api/health", "/api/ready", "/api/jobs/", "/favicon")
GATED_METHODS = {"GET", "HEAD"}


class ReadGate:
    """ASGI middleware: GET/HEAD requests outside EXEMPT run at most `limit` at a time."""

    def __init__(self, app, limit: int, max_waiting: int = 512) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, got {limit}")
        self.app = app
        self.limit = limit
        self.max_waiting = max_waiting
        # One semaphore per event loop (a server has one; a test client may run each request in a new one, and an
        # asyncio semaphore cannot be shared between loops).
        self._semaphores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.waiting = 0
        self.running = 0
        self.most_running = 0  # the highest number of gated requests seen computing at once (tests read it)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") not in GATED_METHODS or scope["path"].startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.get(loop)
        if semaphore is None:
            semaphore = self._semaphores[loop] = asyncio.Semaphore(self.limit)
        if self.waiting >= self.max_waiting:
            await _busy(send)
            return
        self.waiting += 1
        try:
            await semaphore.acquire()
        finally:
            self.waiting -= 1
        held = True
        self.running += 1
        self.most_running = max(self.most_running, self.running)

        def release() -> None:
            nonlocal held
            if held:
                held = False
                self.running -= 1
                semaphore.release()

        async def send_releasing(message) -> None:
            if message["type"] == "http.response.start":
                release()  # the answer is computed: the body's transfer does not hold a turn
            await send(message)

        try:
            await self.app(scope, receive, send_releasing)
        finally:
            release()


async def _busy(send) -> None:
    body = json.dumps(
        {"error": {"code": "busy", "message": "too many requests waiting; retry in a moment", "detail": {}}}
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", b"1"),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
