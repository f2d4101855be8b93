"""Full ingest against pure embedding of the same passages, on a synthetic corpus, in one run (issue 15's
"full ingest within 1.3x pure embedding"); optionally with a cProfile of the ingest:

    python -m benchmarks.ingest_ratio --size 1000 [--profile 40] [--profile-out ingest.prof]
    python -m benchmarks.ingest_ratio --size 10000 --stand-in --profile 60   # the pipeline's own work at 10k

The ingest and the embedding-alone pass run back to back in one process, so the ratio is comparable under a
shared machine's load even when the absolute times are not; the same ratio in CPU seconds (this process and its
parse worker) is printed beside it, since the other sessions' load can differ between the two passes. With
`--stand-in` the ingest embeds with the bench's stand-in embedder and the real model's cost is measured on a
sample (as `benchmarks.run` does above 10k). Never part of the test run.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import _embed_text, real_embedding_cost
from benchmarks.synthetic import StandInEmbedder, generate
from knowledge.hooks import index_pipeline
from lgnet.config import Settings
from lgnet.embedders import get_embedder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--work", default=".bench")
    parser.add_argument("--stand-in", action="store_true", help="ingest with the stand-in embedder")
    parser.add_argument("--profile", type=int, default=0, help="print this many lines of the ingest's profile")
    parser.add_argument("--profile-out", help="also write the profile's stats to this file")
    args = parser.parse_args()
    work = Path(args.work).resolve()
    corpus = generate(args.size, work / f"corpus-{args.size}")
    data = work / f"data-{args.size}-ratio"
    shutil.rmtree(data, ignore_errors=True)
    settings = Settings(data_dir=data, embedding_model="use-m3")
    embedder = StandInEmbedder() if args.stand_in else get_embedder("use-m3", settings.threads)
    embedder.warm_up()
    pipeline = index_pipeline(settings, embedder=embedder, progress=False)
    pipeline.store.count()  # opening the store is once per process
    # The work after the walk (serial with everything: it needs every passage stored), timed apart.
    after_walk = {"records hook": 0.0, "duplicate refresh": 0.0}
    pipeline._run_hooks = _timed(pipeline._run_hooks, after_walk, "records hook")  # type: ignore[method-assign]
    pipeline.refresh_duplicates = _timed(pipeline.refresh_duplicates, after_walk, "duplicate refresh")  # type: ignore[method-assign]
    load_before = os.getloadavg()[0]
    profile = cProfile.Profile() if args.profile or args.profile_out else None
    embedding_cpu = [0.0]  # this process's CPU inside the model (tokens or texts), the rest is the pipeline's own
    for name in ("embed", "embed_tokenized"):
        if hasattr(embedder, name):
            setattr(embedder, name, _cpu_counted(getattr(embedder, name), embedding_cpu))
    started, cpu, main_cpu = time.perf_counter(), _cpu(), time.process_time()
    if profile:
        profile.enable()
    report = pipeline.run([corpus])
    if profile:
        profile.disable()
    ingest, ingest_cpu = time.perf_counter() - started, _cpu() - cpu
    main_cpu, model_cpu = time.process_time() - main_cpu, embedding_cpu[0]
    texts = [_embed_text(r["meta"], r["text"]) for r in pipeline.store.iter_chunks()]
    sample = 300 if args.stand_in else len(texts)
    cpu = _cpu()
    pure = real_embedding_cost(texts, settings, sample=sample) * len(texts)
    pure_cpu = (_cpu() - cpu) * len(texts) / min(sample, len(texts))
    own = ingest - report.seconds_embedding
    total = own + pure if args.stand_in else ingest
    print(
        f"{len(texts)} passages: ingest {ingest:.1f} s (embedding in it {report.seconds_embedding:.1f} s"
        f"{' with the stand-in' if args.stand_in else ''}, the pipeline's own work {own:.1f} s = "
        f"{own / len(texts) * 1000:.0f} ms/passage); pure embedding {pure:.1f} s"
        f"{' (real model, from a sample of 300)' if args.stand_in else ''}; ratio {total / pure:.2f}; "
        f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    print("after the walk: " + ", ".join(f"{k} {v:.1f} s" for k, v in after_walk.items()))
    if not args.stand_in:
        print(f"CPU seconds (with the parse worker): ingest {ingest_cpu:.1f}, pure embedding {pure_cpu:.1f}, "
              f"ratio {ingest_cpu / pure_cpu:.2f}; this process {main_cpu:.1f} (in the model {model_cpu:.1f}), "
              f"the parse worker {ingest_cpu - main_cpu:.1f}")  # fmt: skip
    if profile:
        if args.profile_out:
            profile.dump_stats(args.profile_out)
        if args.profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    shutil.rmtree(data, ignore_errors=True)


def _timed(fn: Callable, into: dict[str, float], key: str) -> Callable:
    def timed(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            into[key] += time.perf_counter() - started

    return timed


def _cpu_counted(fn: Callable, into: list[float]) -> Callable:
    def counted(*args: object) -> object:
        started = time.process_time()
        try:
            return fn(*args)
        finally:
            into[0] += time.process_time() - started

    return counted


def _cpu() -> float:
    """CPU seconds of this process, of its live children (the parse worker) and of its children ended (a parse
    worker replaced after MAX_TASKS files)."""
    tick = os.sysconf("SC_CLK_TCK")
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = time.process_time() + ended.ru_utime + ended.ru_stime
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(os.getpid()):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


if __name__ == "__main__":
    main()
