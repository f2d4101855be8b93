"""The bench's timed HTTP client (benchmarks/http_timing.py): one kept-alive connection, the query and headers sent,
a refusal raised, the server process's CPU read beside each request. A local server of the standard library; no
bench runs."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.http_timing import TimedClient, process_cpu


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn answers
    seen: list[tuple[int, dict, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        url = urlsplit(self.path)
        self.seen.append((id(self.connection), parse_qs(url.query), self.headers.get("Cache-Control")))
        status = 200 if url.path == "/api/search" else 404
        body = b'{"results": []}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    _Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_requests_share_one_connection_and_carry_the_query_and_headers(server):
    port = server.server_address[1]
    with TimedClient("127.0.0.1", port, server_pid=os.getpid()) as client:
        wall, cpu = client.get("/api/search", {"q": "alloggi per famiglie a Bergamo"})
        client.get("/api/search", {"q": "sportello lavoro"}, {"Cache-Control": "no-cache"})
    assert wall > 0 and cpu >= 0
    (first, query, cache), (second, query2, cache2) = _Handler.seen
    assert first == second  # the same socket: no connection set up inside a timed request
    assert query == {"q": ["alloggi per famiglie a Bergamo"]} and cache is None
    assert query2 == {"q": ["sportello lavoro"]} and cache2 == "no-cache"


def test_an_answer_other_than_200_is_an_error(server):
    with TimedClient("127.0.0.1", server.server_address[1]) as client, pytest.raises(RuntimeError, match="404"):
        client.get("/api/unknown", {"q": "x"})


def test_process_cpu_counts_every_thread_of_the_process():
    before = process_cpu(os.getpid())
    spun, leave = threading.Event(), threading.Event()

    def spin() -> None:  # CPU in another thread than the one reading
        total = 0
        for i in range(2_000_000):
            total += i
        spun.set()
        leave.wait(10)

    worker = threading.Thread(target=spin)
    worker.start()
    spun.wait(10)
    try:
        assert process_cpu(os.getpid()) - before > 0.01
    finally:
        leave.set()
        worker.join()
    assert process_cpu(2**31 - 1) == 0.0  # no such process


def test_a_thread_ending_between_the_reads_takes_nothing_off():
    from benchmarks.http_timing import cpu_since, thread_cpu

    burned, done = threading.Event(), threading.Event()

    def burn() -> None:
        while time.thread_time() < 0.2:  # a thread of the server that has run 0.2 s of CPU...
            pass
        burned.set()
        done.wait()

    worker = threading.Thread(target=burn)
    worker.start()
    assert burned.wait(timeout=60)
    before = thread_cpu(os.getpid())
    done.set()
    worker.join()  # ...ends before the second read: the sum of the running threads drops by its 0.2 s
    assert 0 <= cpu_since(os.getpid(), before) < 0.2
