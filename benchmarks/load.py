"""The one load generator (a separate process, loopback, bounded in time): requests/s, latency and errors at
1, 8, 32 concurrent clients searching in a loop.

Scenarios (issue 16; docs/RELIABILITY.md quotes the table):

    python benchmarks/load.py --corpus corpus/project-sheets --seconds 10 --clients 1,8,32 --write out.md

ingests the corpus into a fresh data dir, starts `lgnet serve` there (admin token set), and for each scenario
(idle, an upload running, a rebuild running) and client count runs the clients; an empty answer counts as an
error. Against a server already running (the scale bench, `benchmarks/measure.py`):

    python -m benchmarks.load --url http://127.0.0.1:P --clients 8 --seconds 10 --json

prints one JSON line per client count (latencies in seconds), the queries being the relevance set's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    "sportello unico per migranti",
    "durata del progetto LGNet3",
    "housing first alloggi",
    "one-stop shop Florence",
    "unità mobili di strada",
    "formazione degli operatori comunali",
    "presa in carico psico-sociale",
    "co-housing Bologna",
]
TOKEN = "load-test-token"
_NO_HITS = re.compile(rb'"total"\s*:\s*0\s*[,}]')


def _env(data: Path, corpus: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LGNET_")}
    env.update(PYTHONPATH=str(REPO), LGNET_DATA_DIR=str(data), LGNET_CORPUS_DIR=str(corpus), LGNET_ADMIN_TOKEN=TOKEN)
    return env


def _wait_ready(url: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited")
        try:
            if httpx.get(f"{url}/api/ready", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not get ready")


def run_clients(
    url: str, clients: int, seconds: float, queries: list[str] | None = None, require_hits: bool = True
) -> dict:
    """`clients` concurrent clients search in a loop for `seconds`; an error is a failed request, a status other
    than 200, or (with `require_hits`) an answer with no result.

    The clients are coroutines on one event loop, each with its own connection, not threads: 32 threads fighting
    for the GIL cost the generator about twice the CPU per request of 8, and that CPU is taken from the very
    cores the server computes on (docs/RELIABILITY.md). They send `Cache-Control: no-cache`: a loop over a few
    queries would otherwise measure the answers kept (search_api/response_cache.py), not the searches."""
    return asyncio.run(_run_clients(url, clients, seconds, queries or QUERIES, require_hits))


async def _run_clients(url: str, clients: int, seconds: float, queries: list[str], require_hits: bool) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Cache-Control": "no-cache"}

    async def client_loop(client: httpx.AsyncClient, n: int) -> None:
        i = n
        while time.monotonic() < stop:
            q = queries[i % len(queries)]
            i += clients
            t = time.perf_counter()
            try:
                r = await client.get(f"{url}/api/search", params={"q": q, "k": 10}, headers=headers)
                problem = None if r.status_code == 200 else str(r.status_code)
                # The raw bytes, not a parse of the answer: the generator's CPU is taken from the server's cores.
                if problem is None and require_hits and _NO_HITS.search(r.content[:4096]):
                    problem = "200 total=0"
            except httpx.HTTPError as exc:
                problem = type(exc).__name__
            latencies.append(time.perf_counter() - t)
            if problem:
                errors.append(problem)

    started = time.monotonic()
    cpu = time.process_time()  # the generator's own CPU (it shares the machine's cores with the server)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(client_loop(client, n) for n in range(clients)))
    elapsed = time.monotonic() - started
    client_cpu = time.process_time() - cpu
    latencies.sort()
    return {
        "clients": clients,
        "requests": len(latencies),
        "rps": (len(latencies) - len(errors)) / elapsed,  # answered requests per second
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
        "errors": len(errors),
        # Of one core: how much the load generator itself took from the server's 2 cores while measuring.
        "client_cpu_share": client_cpu / elapsed if elapsed else 0.0,
        "client_cpu_ms_per_request": client_cpu / max(len(latencies), 1) * 1000,
        "load_average": os.getloadavg()[0],
        "error_kinds": {kind: errors.count(kind) for kind in sorted(set(errors))},
    }


def background(url: str, scenario: str, corpus: Path) -> tuple[threading.Thread | None, dict]:
    """Starts the write that runs alongside the searches; returns its thread and where its outcome goes."""
    outcome: dict = {}
    if scenario == "idle":
        return None, outcome
    headers = {"Authorization": f"Bearer {TOKEN}"}

    def go() -> None:
        t = time.perf_counter()
        with httpx.Client(timeout=600) as client:
            if scenario == "upload":
                text = (corpus.rglob("*.txt").__next__()).read_bytes()
                r = client.post(f"{url}/api/documents", headers=headers, files={"file": ("carico.txt", text)})
            else:
                r = client.post(f"{url}/api/reindex", params={"rebuild": "true"}, headers=headers)
            job = r.json()["id"]
            while (state := client.get(f"{url}/api/jobs/{job}").json())["status"] not in ("done", "failed"):
                time.sleep(0.2)
        outcome.update(status=state["status"], seconds=time.perf_counter() - t)

    thread = threading.Thread(target=go)
    thread.start()
    return thread, outcome


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(REPO / "corpus" / "project-sheets"))
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--scenarios", default="idle,upload,rebuild")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--write", help="also write the Markdown table to this file")
    parser.add_argument(
        "--read-concurrency", type=int, help="LGNET_READ_CONCURRENCY of the server (default: its cores)"
    )
    parser.add_argument("--url", help="a server already running: only the clients, one JSON line per count")
    parser.add_argument("--json", action="store_true", help="with --url: JSON lines (the default there)")
    args = parser.parse_args()
    if args.url:
        from retrieval.evaluation import load_relevance_set

        queries = [c.query for c in load_relevance_set()]
        for clients in [int(c) for c in args.clients.split(",")]:
            print(json.dumps(run_clients(args.url, clients, args.seconds, queries, require_hits=False)), flush=True)
        return 0
    corpus = Path(args.corpus).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="lgnet-load-"))
    env = _env(tmp / "data", corpus)
    if args.read_concurrency:
        env["LGNET_READ_CONCURRENCY"] = str(args.read_concurrency)
    url = f"http://127.0.0.1:{args.port}"
    subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(corpus)], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(args.port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rows = []
    try:
        _wait_ready(url, server)
        run_clients(url, 2, 2)  # warm
        for scenario in args.scenarios.split(","):
            for clients in [int(c) for c in args.clients.split(",")]:
                thread, outcome = background(url, scenario, corpus)
                row = run_clients(url, clients, args.seconds)
                if thread:
                    thread.join(900)
                row.update(scenario=scenario, write=outcome)
                rows.append(row)
                print(_line(row), flush=True)
        started = time.monotonic()
        server.terminate()
        server.wait(30)
        stop_seconds = time.monotonic() - started
    finally:
        if server.poll() is None:
            server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    table = _markdown(rows, args, stop_seconds)
    print(table)
    if args.write:
        Path(args.write).write_text(table, "utf-8")
    return 0


def _line(row: dict) -> str:
    write = row["write"]
    extra = f", {row['scenario']} {write.get('status')} in {write.get('seconds', 0):.1f} s" if write else ""
    return (
        f"{row['scenario']:8} {row['clients']:3} clients: {row['rps']:6.1f} req/s, median {row['p50'] * 1000:.0f} ms, "
        f"p95 {row['p95'] * 1000:.0f} ms, {row['errors']} errors, generator CPU "
        f"{row['client_cpu_share'] * 100:.0f} % of a core{extra}"
    )


def _markdown(rows: list[dict], args, stop_seconds: float) -> str:
    lines = [
        f"Corpus `{Path(args.corpus).name}`, {args.seconds:g} s per row, `{os.cpu_count()}` cores, loopback, "
        f"searches computed at once: {args.read_concurrency or os.cpu_count()}, load average at the end "
        f"{os.getloadavg()[0]:.1f}; SIGTERM to exit: {stop_seconds:.1f} s.",
        "",
        "| scenario | clients | requests | req/s | median ms | p95 ms | errors | write alongside |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        w = r["write"]
        write = f"{w.get('status')} in {w.get('seconds', 0):.1f} s" if w else "-"
        lines.append(
            f"| {r['scenario']} | {r['clients']} | {r['requests']} | {r['rps']:.1f} | {r['p50'] * 1000:.0f} | "
            f"{r['p95'] * 1000:.0f} | {r['errors']} | {write} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
