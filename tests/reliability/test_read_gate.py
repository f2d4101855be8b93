"""Issue 16 item 9: searches compute at most `limit` at once; cheap paths and slow readers never wait."""

from __future__ import annotations

import asyncio

from app.concurrency import ReadGate


class Inner:
    """An ASGI app that counts the requests inside it and holds them until `go` is set."""

    def __init__(self) -> None:
        self.inside = 0
        self.peak = 0
        self.go = asyncio.Event()
        self.after_start = asyncio.Event()  # held between the response start and its body

    async def __call__(self, scope, receive, send) -> None:
        self.inside += 1
        self.peak = max(self.peak, self.inside)
        try:
            await self.go.wait()
        finally:
            self.inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        if scope["path"] == "/slow-reader":
            await self.after_start.wait()
        await send({"type": "http.response.body", "body": b"ok"})


async def call(app, path: str, method: str = "GET") -> int:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    await app({"type": "http", "method": method, "path": path}, receive, send)
    return sent[0]["status"]


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def test_at_most_limit_searches_compute_at_once_and_all_are_answered():
    async def scenario() -> None:
        inner = Inner()
        gate = ReadGate(inner, limit=2)
        tasks = [asyncio.create_task(call(gate, "/api/search")) for _ in range(12)]
        await settle()
        assert inner.inside == 2 and gate.waiting == 10
        inner.go.set()
        assert await asyncio.gather(*tasks) == [200] * 12
        assert inner.peak == 2 and gate.most_running == 2 and gate.running == 0

    asyncio.run(scenario())


def test_health_jobs_static_and_writes_never_wait():
    async def scenario() -> None:
        inner = Inner()
        gate = ReadGate(inner, limit=1)
        held = asyncio.create_task(call(gate, "/api/search"))
        await settle()
        free = [
            asyncio.create_task(call(gate, path, method))
            for path, method in [
                ("/api/health", "GET"),
                ("/api/ready", "GET"),
                ("/api/jobs/abc", "GET"),
                ("/static/app.css", "GET"),
                ("/api/dossiers", "POST"),
            ]
        ]
        await settle()
        assert inner.inside == 6  # all of them reached the app beside the held search
        inner.go.set()
        assert await asyncio.gather(held, *free) == [200] * 6

    asyncio.run(scenario())


def test_a_slow_reader_gives_its_turn_back_when_the_response_starts():
    async def scenario() -> None:
        inner = Inner()
        gate = ReadGate(inner, limit=1)
        inner.go.set()
        slow = asyncio.create_task(call(gate, "/slow-reader"))
        await settle()
        assert gate.running == 0  # the body is not sent yet, the turn is free
        assert await call(gate, "/api/search") == 200
        inner.after_start.set()
        assert await slow == 200

    asyncio.run(scenario())


def test_past_the_waiting_bound_busy_with_retry_after():
    async def scenario() -> None:
        inner = Inner()
        gate = ReadGate(inner, limit=1, max_waiting=2)
        tasks = [asyncio.create_task(call(gate, "/api/search")) for _ in range(3)]
        await settle()
        assert await call(gate, "/api/search") == 503
        inner.go.set()
        assert await asyncio.gather(*tasks) == [200] * 3

    asyncio.run(scenario())
