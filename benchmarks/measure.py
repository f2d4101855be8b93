"""One bench run: a synthetic corpus of N passages, in an embedded store or behind a `chroma run` server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import httpx

from benchmarks.http_timing import TimedClient
from benchmarks.synthetic import StandInEmbedder, generate, new_article
from knowledge.hooks import index_pipeline
from lgnet.config import Settings
from lgnet.embedders import get_embedder
from retrieval import service as service_module
from retrieval import stages as stages_module
from retrieval.evaluation import load_relevance_set
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.models import SearchRequest
from retrieval.service import SearchService

REPO = Path(__file__).resolve().parents[1]
CHROMA = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
STAND_IN_ABOVE = 10_000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class ChromaServer:
    def __init__(self, path: Path) -> None:
        self.path, self.port = path, free_port()
        self.proc = subprocess.Popen(
            [CHROMA, "run", "--path", str(path), "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_http(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", 60)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def wait_http(url: str, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} not answering after {timeout} s")


SAMPLE = 1000


def real_embedding_cost(texts: list[str], settings: Settings, sample: int = SAMPLE) -> float:
    """Seconds per passage for the real model, on a sample of the corpus's own passages spread evenly over it."""
    model = get_embedder("use-m3", settings.threads)
    model.warm_up()
    step = max(len(texts) // sample, 1)
    part = texts[::step][:sample]
    t = time.perf_counter()
    for i in range(0, len(part), settings.batch_size):
        model.embed(part[i : i + settings.batch_size])
    return (time.perf_counter() - t) / max(len(part), 1)


def real_query_embedding(queries: list[str], settings: Settings) -> list[float]:
    """The real model's time per query (beside latencies measured with the stand-in)."""
    model = get_embedder("use-m3", settings.threads)
    model.warm_up()
    times = []
    for q in queries:
        t = time.perf_counter()
        model.embed([q])
        times.append(time.perf_counter() - t)
    return times


def run(size: int, mode: str, work: Path, stand_in_above: int = STAND_IN_ABOVE) -> dict:
    corpus = generate(size, work / f"corpus-{size}")
    data = work / f"data-{size}-{mode}"
    shutil.rmtree(data, ignore_errors=True)
    server = ChromaServer(data / "chroma-server") if mode == "server" else None
    stand_in = size > stand_in_above
    try:
        settings = Settings(data_dir=data, chroma_url=server.url if server else None, embedding_model="use-m3")
        embedder = StandInEmbedder() if stand_in else get_embedder("use-m3", settings.threads)
        embedder.warm_up()
        out: dict = {"size": size, "mode": mode, "embedder": embedder.name, "when": time.strftime("%Y-%m-%d %H:%M")}
        out.update(_ingest(settings, embedder, corpus, stand_in))
        out.update(_in_process(settings, embedder, work, size))
        out.update(_http(settings, stand_in))
        out["disk_bytes"] = du(data)
        out["disk_per_passage"] = out["disk_bytes"] / out["passages"]
        return out
    finally:
        if server:
            server.stop()


def rerun_in_process(
    size: int, mode: str, work: Path, stand_in_above: int = STAND_IN_ABOVE, cpu_only: bool = False
) -> dict:
    """The in-process figures again (queries, add one file, first search after it) on the index a full run
    left in `work`, with the code as it is now: for a change to the search path, without a new ingest. With
    `cpu_only`, the searches' CPU time only (`cold_cpu`, `warm_cpu`, `cpu_when`): no file added, so an index
    whose records older rules built (knowledge/version.py) is not parsed again (343 s of CPU at 100k)."""
    data = work / f"data-{size}-{mode}"
    if not (data / "chroma").is_dir() and not (data / "chroma-server").is_dir():
        raise SystemExit(f"no index left by a full run in {data}")
    server = ChromaServer(data / "chroma-server") if mode == "server" else None
    try:
        settings = Settings(data_dir=data, chroma_url=server.url if server else None, embedding_model="use-m3")
        embedder = StandInEmbedder() if size > stand_in_above else get_embedder("use-m3", settings.threads)
        embedder.warm_up()
        if cpu_only:
            service = SearchService(settings, embedder=embedder)
            service.warm_up()
            timed = _searches(service, embedder)
            return {
                "cold_cpu": timed["cold_cpu"],
                "warm_cpu": timed["warm_cpu"],
                "cpu_when": time.strftime("%Y-%m-%d %H:%M"),
            }
        out = _in_process(settings, embedder, work, size)
        out["inproc_when"] = time.strftime("%Y-%m-%d %H:%M")
        return out
    finally:
        if server:
            server.stop()


def _ingest(settings: Settings, embedder, corpus: Path, stand_in: bool) -> dict:
    # The pipeline `lgnet ingest` runs, practice records included (without them, the server built them at
    # its first start: probably most of the 10k row's 23 s startup, and missing from its ingest).
    pipeline = index_pipeline(settings, embedder=embedder, progress=False)
    pipeline.store.count()  # opening the store is once per process
    t = time.perf_counter()
    report = pipeline.run([corpus])
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    LexicalIndexManager(pipeline.store, settings.lexical_dir).refresh_saved()  # what `lgnet ingest` does after
    lexical_s = time.perf_counter() - t
    texts = [_embed_text(r["meta"], r["text"]) for r in pipeline.store.iter_chunks()]
    per_passage = real_embedding_cost(texts, settings)
    real_embed_s = per_passage * len(texts)
    model_s = report.seconds_embedding
    return {
        "passages": report.chunks,
        "documents": report.documents,
        "duplicate_groups": report.duplicate_groups,
        "duplicate_passage_groups": report.duplicate_passage_groups,
        "ingest_s": ingest_s + lexical_s,
        "lexical_save_s": lexical_s,
        "embedding_in_ingest_s": model_s,
        "real_embed_s": real_embed_s,
        # With the stand-in, the ingest without its (negligible) embedding plus the real model's cost.
        "ingest_real_s": (ingest_s + lexical_s - model_s + real_embed_s) if stand_in else ingest_s + lexical_s,
    }


def _embed_text(meta: dict, text: str) -> str:
    """What ingestion embeds for a passage (ingest.model.Chunk.embed_text), rebuilt from the store."""
    title, city = meta.get("title", ""), meta.get("city")
    return f"{title} ({city})\n{text}" if city else f"{title}\n{text}"


def _queries() -> list[str]:
    return [c.query for c in load_relevance_set()]


@contextmanager
def cpu_stage_timings() -> Iterator[None]:
    """A search's stage timings (`SearchResult.timings`) in CPU time instead of wall time while inside: on a
    machine shared with other work, wall time measures the load as much as the code, CPU time the code. The
    search's whole (`total`) and the service's stages in CPU time of the process (every thread of it: a large
    index's dense leg runs in a worker beside the lexical leg, retrieval/beside.py); the ranking's legs (lexical,
    embed, dense: retrieval/stages.py) in CPU time of the thread that ran each (BLAS at one thread,
    `Settings.threads`), so one leg's time never counts the other's. The bench's own wall-time figures use this
    module's clock, not theirs."""
    saved = service_module.time, stages_module.time
    service_module.time = SimpleNamespace(perf_counter=time.process_time)  # type: ignore[assignment]
    stages_module.time = SimpleNamespace(perf_counter=time.thread_time)  # type: ignore[assignment]
    try:
        yield
    finally:
        service_module.time, stages_module.time = saved


def stage_cpu(timings: list[dict[str, float]]) -> dict[str, list[float]]:
    """Each stage's [p50, p95] of CPU seconds over searches' timings (a stage a search skipped counts 0)."""
    stages = dict.fromkeys(k for t in timings for k in t)
    return {k: [pct([t.get(k, 0.0) for t in timings], q) for q in (0.5, 0.95)] for k in stages}


def _searches(service: SearchService, embedder) -> dict:
    """The first half of the relevance set searched by a fresh service (cold), then twice again (warm, each
    beside the embedder's time for the query): wall seconds per search, and their stage timings in CPU time."""
    queries = _queries()
    half = len(queries) // 2
    cold, warm, embed = [], [], []
    cold_cpu: list[dict[str, float]] = []
    warm_cpu: list[dict[str, float]] = []
    with cpu_stage_timings():
        for q in queries[:half]:  # never seen by this process
            t = time.perf_counter()
            cold_cpu.append(service.search(SearchRequest(q=q)).timings)
            cold.append(time.perf_counter() - t)
        for _ in range(2):
            for q in queries[:half]:
                t = time.perf_counter()
                embedder.embed([q])
                embed.append(time.perf_counter() - t)
                t = time.perf_counter()
                warm_cpu.append(service.search(SearchRequest(q=q)).timings)
                warm.append(time.perf_counter() - t)
    return {
        "cold": cold,
        "warm": warm,
        "embed": embed,
        "cold_cpu": stage_cpu(cold_cpu),
        "warm_cpu": stage_cpu(warm_cpu),
    }


def _in_process(settings: Settings, embedder, work: Path, size: int) -> dict:
    pipeline = index_pipeline(settings, embedder=embedder, progress=False)
    service = SearchService(settings, embedder=embedder, store=pipeline.store)
    service.warm_up()
    queries = _queries()
    half = len(queries) // 2
    timed = _searches(service, embedder)
    cold, warm, embed = timed["cold"], timed["warm"], timed["embed"]
    adds, firsts, deletes = [], [], []
    adds_cpu, deletes_cpu = [], []
    for seed in range(3):
        path = new_article(work, seed + size)
        t, c = time.perf_counter(), time.process_time()
        pipeline.run([path], prune=False)
        adds.append(time.perf_counter() - t)
        adds_cpu.append(time.process_time() - c)
        t = time.perf_counter()
        result = service.search(SearchRequest(q=f"zanzibarite {seed + size}"))
        firsts.append(time.perf_counter() - t)
        assert result.hits, "the added file is not searchable"
        # Deleting the file's document: the same refreshes (duplicates, records, the searches' indexes) for a
        # document gone instead of one come.
        t, c = time.perf_counter(), time.process_time()
        pipeline.delete_document(result.hits[0].doc_id)
        deletes.append(time.perf_counter() - t)
        deletes_cpu.append(time.process_time() - c)
        service.search(SearchRequest(q="alloggi"))
    if embedder.name.endswith("(stand-in)"):
        embed = real_query_embedding(queries[:half] * 2, settings)
    return {
        "inproc_cold_p50": pct(cold, 0.5),
        "inproc_cold_p95": pct(cold, 0.95),
        "inproc_warm_p50": pct(warm, 0.5),
        "inproc_warm_p95": pct(warm, 0.95),
        "cold_cpu": timed["cold_cpu"],
        "warm_cpu": timed["warm_cpu"],
        "embed_p50": pct(embed, 0.5),
        "embed_p95": pct(embed, 0.95),
        "add_file_s": statistics.median(adds),
        # CPU time of this process (its threads; not the parse worker's): on the shared machine the wall time of
        # a change is mostly the load.
        "add_file_cpu_s": statistics.median(adds_cpu),
        "delete_file_s": statistics.median(deletes),
        "delete_file_cpu_s": statistics.median(deletes_cpu),
        "first_search_after_change_s": statistics.median(firsts),
    }


def _http(settings: Settings, stand_in: bool) -> dict:
    port = free_port()
    cmd = [sys.executable, "-m", "benchmarks.server", "--port", str(port), "--data-dir", str(settings.data_dir)]
    if settings.chroma_url:
        cmd += ["--chroma-url", settings.chroma_url]
    if stand_in:
        cmd.append("--stand-in")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    base = f"http://127.0.0.1:{port}"
    queries = _queries()
    half = len(queries) // 2
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"{base}/api/health", 120)
        listening = time.monotonic() - started
        with httpx.Client(base_url=base, timeout=600) as http:
            t = time.perf_counter()
            http.get("/api/search", params={"q": queries[-1]}).raise_for_status()
            first_search = time.monotonic() - started
            first_search_only = time.perf_counter() - t
            try:  # model, lexical index and practice records all loaded
                wait_http(f"{base}/api/ready", 900)
                ready = time.monotonic() - started
            except RuntimeError:
                ready = float("nan")
        # The timed searches on the standard library's client, with the server's CPU beside each (http_timing.py).
        cold, warm, uncached = [], [], []
        cold_cpu, uncached_cpu = [], []
        with TimedClient("127.0.0.1", port, server_pid=proc.pid) as timed:
            for q in queries[:half]:  # never seen by this server
                wall, cpu = timed.get("/api/search", {"q": q})
                cold.append(wall)
                cold_cpu.append(cpu)
            # The same queries again, searched anew (`no-cache`: the pipeline, with the queries' vectors and parses
            # remembered), then answered as served (the answers kept: search_api/response_cache.py).
            for times, cpus, headers in ((uncached, uncached_cpu, {"Cache-Control": "no-cache"}), (warm, [], {})):
                for _ in range(2):
                    for q in queries[:half]:
                        wall, cpu = timed.get("/api/search", {"q": q}, headers)
                        times.append(wall)
                        cpus.append(cpu)
        res = subprocess.run(  # the one load generator, from a separate process
            [sys.executable, "-m", "benchmarks.load", "--url", base, "--clients", "1,8,32", "--seconds", "10"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        load = [json.loads(line) for line in res.stdout.strip().splitlines() if line.startswith("{")]
        return {
            "startup_listening_s": listening,
            "startup_ready_s": ready,
            "startup_first_search_s": first_search,
            "http_first_search_s": first_search_only,
            "http_cold_p50": pct(cold, 0.5),
            "http_cold_p95": pct(cold, 0.95),
            "http_warm_p50": pct(warm, 0.5),
            "http_warm_p95": pct(warm, 0.95),
            "http_warm_uncached_p50": pct(uncached, 0.5),
            "http_warm_uncached_p95": pct(uncached, 0.95),
            # The server process's CPU per request (every thread of it): the code's share of the wall times above.
            "http_cold_server_cpu_p50": pct(cold_cpu, 0.5),
            "http_cold_server_cpu_p95": pct(cold_cpu, 0.95),
            "http_warm_uncached_server_cpu_p50": pct(uncached_cpu, 0.5),
            "http_warm_uncached_server_cpu_p95": pct(uncached_cpu, 0.95),
            "server_rss_mb": rss_mb(proc.pid),
            "load": load,
        }
    finally:
        proc.terminate()
        proc.wait(30)
