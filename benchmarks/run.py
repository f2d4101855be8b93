"""`make bench`: ingestion throughput, incremental re-run, query latency in-process and over HTTP.

Figures are ratios measured in one run where possible (shared machines vary); results go to
docs/benchmarks.md. Run from the repository root: `python -m benchmarks.run --out docs/benchmarks.md`.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from ingest.pipeline import IngestPipeline
from lgnet.config import Settings
from lgnet.embedders import get_embedder
from retrieval.evaluation import load_relevance_set
from retrieval.models import SearchRequest
from retrieval.service import SearchService

REPO = Path(__file__).resolve().parents[1]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _embed_text(meta: dict, text: str) -> str:
    """What ingestion embeds for a passage (ingest.model.Chunk.embed_text), rebuilt from the store."""
    title, city = meta.get("title", ""), meta.get("city")
    return f"{title} ({city})\n{text}" if city else f"{title}\n{text}"


def bench_ingest(settings: Settings) -> dict:
    embedder = get_embedder(settings.embedding_model, settings.threads)
    embedder.warm_up()  # model loading is a one-off per process, not ingest work
    pipeline = IngestPipeline(settings, embedder=embedder, progress=False)
    pipeline.store.count()  # opening the store (Chroma client, collections) is also once per process
    t = time.perf_counter()
    first = pipeline.run([REPO / "corpus"])
    first_s = time.perf_counter() - t
    texts = [_embed_text(r["meta"], r["text"]) for r in pipeline.store.iter_chunks()]
    t = time.perf_counter()
    for i in range(0, len(texts), settings.batch_size):
        embedder.embed(texts[i : i + settings.batch_size])
    pure = time.perf_counter() - t
    pipeline = IngestPipeline(settings, embedder=embedder, progress=False)
    t = time.perf_counter()
    second = pipeline.run([REPO / "corpus"])
    second_s = time.perf_counter() - t
    assert second.chunks_embedded == 0
    return {
        "chunks": first.chunks,
        "first_s": first_s,
        "pure_embed_s": pure,
        "second_s": second_s,
        "chunks_per_s": first.chunks / first_s,
        "ratio": first_s / pure,
        "rerun_fraction": second_s / first_s,
    }


def bench_queries(service: SearchService, queries: list[str], rounds: int) -> dict:
    service.warm_up()
    for q in queries:  # warm caches
        service.search(SearchRequest(q=q))
    total, embed = [], []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            service.embedder.embed([q])
            embed.append(time.perf_counter() - t)
            t = time.perf_counter()
            service.search(SearchRequest(q=q))
            total.append(time.perf_counter() - t)
    return {
        "p50": pct(total, 0.5),
        "p95": pct(total, 0.95),
        "embed_p50": pct(embed, 0.5),
        "embed_p95": pct(embed, 0.95),
        "n": len(total),
    }


def bench_http(settings: Settings, queries: list[str], rounds: int) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "LGNET_DATA_DIR": str(settings.data_dir)}
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(200):
                try:
                    if client.get("/api/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
            for q in queries:
                client.get("/api/search", params={"q": q})
            times = []
            for _ in range(rounds):
                for q in queries:
                    t = time.perf_counter()
                    r = client.get("/api/search", params={"q": q})
                    times.append(time.perf_counter() - t)
                    r.raise_for_status()
        return {"p50": pct(times, 0.5), "p95": pct(times, 0.95), "n": len(times)}
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), embedding_model="use-m3", chroma_url=None)
        ingest = bench_ingest(settings)
        queries = [c.query for c in load_relevance_set()]
        inproc = bench_queries(SearchService(settings), queries, args.rounds)
        http = bench_http(settings, queries, args.rounds)
    ms = 1000
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `make bench` on {platform.node()} ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M')}. Do not edit by hand.",
        "",
        "## Ingestion of corpus/",
        "",
        "Timed from a warm process: loading the model and opening the store happen once per process and are "
        "left out of both runs.",
        "",
        "| measure | value | aim |",
        "|---|---|---|",
        f"| passages | {ingest['chunks']} | |",
        f"| first ingest | {ingest['first_s']:.2f} s ({ingest['chunks_per_s']:.0f} passages/s) | |",
        f"| pure embedding of the same passages | {ingest['pure_embed_s']:.2f} s | |",
        f"| total / pure embedding | **{ingest['ratio']:.2f}** | at most 1.5 |",
        f"| second run, unchanged corpus | {ingest['second_s']:.3f} s = "
        f"**{ingest['rerun_fraction']:.1%}** of the first | under 10 % |",
        "",
        f"## Query latency ({inproc['n']} searches: the relevance set's queries x {args.rounds})",
        "",
        "| measure | p50 | p95 | aim |",
        "|---|---|---|---|",
        f"| query embedding alone | {inproc['embed_p50'] * ms:.1f} ms | {inproc['embed_p95'] * ms:.1f} ms | |",
        f"| search, in-process (warm) | {inproc['p50'] * ms:.1f} ms | {inproc['p95'] * ms:.1f} ms | |",
        f"| search over HTTP (uvicorn, loopback) | {http['p50'] * ms:.1f} ms | {http['p95'] * ms:.1f} ms | |",
        "",
        "| ratio | value | aim |",
        "|---|---|---|",
        f"| in-process p95 / query-embedding p95 | **{inproc['p95'] / inproc['embed_p95']:.1f}** | at most 3 |",
        f"| share of in-process p50 spent embedding the query | {inproc['embed_p50'] / inproc['p50']:.0%} | |",
        f"| HTTP p95 / in-process p95 | **{http['p95'] / inproc['p95']:.2f}** | at most 2 |",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
