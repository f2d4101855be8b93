"""Load from a separate process: C concurrent clients search for S seconds; prints one JSON line.

`python -m benchmarks.clients --url http://127.0.0.1:P --clients C --seconds S`
"""

from __future__ import annotations

import argparse
import json
import threading
import time

import httpx

from retrieval.evaluation import load_relevance_set


def run(url: str, clients: int, seconds: float) -> dict:
    queries = [c.query for c in load_relevance_set()]
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}

    def client(n: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            i = n
            while time.monotonic() < deadline:
                q = queries[i % len(queries)]
                i += clients
                t = time.perf_counter()
                try:
                    r = http.get("/api/search", params={"q": q})
                    key = None if r.status_code == 200 else str(r.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                with lock:
                    if key:
                        errors[key] = errors.get(key, 0) + 1
                    else:
                        latencies.append(time.perf_counter() - t)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * (len(latencies) - 1)))] if latencies else 0.0  # noqa: E731
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "rps": len(latencies) / elapsed,
        "p50": pick(0.5),
        "p95": pick(0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    print(json.dumps(run(args.url, args.clients, args.seconds)))


if __name__ == "__main__":
    main()
