"""`make bench`: the platform at 1k, 10k and 100k passages, embedded and behind a Chroma server.

Each (size, mode) run is kept in docs/benchmarks.json with the time it was measured; docs/benchmarks.md and
its plot are rewritten from all the runs kept, so a long run (100k) can be measured on its own:
`python -m benchmarks.run --sizes 100000 --modes embedded`. Never part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from benchmarks import latency
from benchmarks.aims import MS, aims, cpu_table, when_measured
from benchmarks.measure import STAND_IN_ABOVE, rerun_in_process, run

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--modes", default="embedded,server")
    parser.add_argument("--work", default=".bench", help="generated corpora and indexes (kept between runs)")
    parser.add_argument("--only-write", action="store_true", help="rewrite the doc from the kept results")
    parser.add_argument("--readme", metavar="FILE", help="also rewrite the latency figures between the bench markers")
    parser.add_argument(
        "--in-process-only",
        action="store_true",
        help="re-measure only the in-process figures on the index a full run left in --work (current code)",
    )
    parser.add_argument(
        "--cpu-only",
        action="store_true",
        help="re-measure only the searches' CPU time on the index a full run left in --work (current code)",
    )
    parser.add_argument(
        "--stand-in-above", type=int, default=STAND_IN_ABOVE, help="sizes above this use the stand-in embedder"
    )
    args = parser.parse_args()
    out = Path(args.out)
    results_path = out.with_suffix(".json")
    results = json.loads(results_path.read_text("utf-8")) if results_path.is_file() else {}
    if not args.only_write:
        for size in [int(s) for s in args.sizes.split(",")]:
            for mode in args.modes.split(","):
                print(f"bench: {size} passages, {mode} ...", flush=True)
                if args.cpu_only:
                    partial = rerun_in_process(size, mode, Path(args.work).resolve(), args.stand_in_above, True)
                    partial.update(cpu_load_average=os.getloadavg()[0], cpu_code=_commit())
                    results[f"{size}/{mode}"].update(partial)
                    pair_cpu_with_small(results, f"{size}/{mode}", args.sizes)
                    results_path.write_text(json.dumps(results, indent=1, sort_keys=True), "utf-8")
                    print(json.dumps(partial, indent=1), flush=True)
                    continue
                if args.in_process_only:
                    partial = rerun_in_process(size, mode, Path(args.work).resolve(), args.stand_in_above)
                    partial.update(inproc_load_average=os.getloadavg()[0], inproc_code=_commit())
                    results[f"{size}/{mode}"] = remeasured(results[f"{size}/{mode}"], partial)
                    pair_with_small(results, f"{size}/{mode}", partial, args.sizes)
                    results_path.write_text(json.dumps(results, indent=1, sort_keys=True), "utf-8")
                    print(json.dumps(partial, indent=1), flush=True)
                    continue
                code = _commit()  # the code imported now (a commit landing during a long run does not count)
                result = run(size, mode, Path(args.work).resolve(), args.stand_in_above)
                result["machine"] = f"{platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()})"
                result["load_average"] = os.getloadavg()[0]
                result["code"] = code
                results[f"{size}/{mode}"] = result
                results_path.write_text(json.dumps(results, indent=1, sort_keys=True), "utf-8")
                print(json.dumps(result, indent=1), flush=True)
    plot = out.with_name("benchmarks.png")
    drawn = draw(results, plot)
    # Without matplotlib the plot already there stays referenced (it may predate the newest rows).
    out.write_text(render(results, plot.name if drawn or plot.is_file() else None), "utf-8")
    print(f"written to {out}")
    if args.readme:
        latency.update_readme(Path(args.readme), _runs(results))
        print(f"latency figures written to {args.readme}")


def pair_with_small(results: dict, key: str, partial: dict, sizes: str) -> None:
    """In-process figures re-measured for 1k and a larger size in one invocation: the 1k ones (measured just
    before, under the same load) are kept in the larger row too (`paired_1k`), so its ratios to 1k share the load
    even when the 1k row is later replaced by another run's."""
    size, mode = key.split("/")
    small = results.get(f"1000/{mode}") if int(size) > 1000 and "1000" in sizes.split(",") else None
    if small and small.get("inproc_when") and small.get("inproc_code") == partial.get("inproc_code"):
        names = ("add_file_s", "first_search_after_change_s", "inproc_warm_p50", "inproc_warm_p95", "warm_cpu",
                 "add_file_cpu_s", "delete_file_s", "delete_file_cpu_s")  # fmt: skip
        results[key]["paired_1k"] = {
            **{n: small[n] for n in names if n in small},
            **{n: small[n] for n in ("inproc_when", "inproc_load_average", "inproc_code")},
        }


def remeasured(row: dict, partial: dict) -> dict:
    """`row` with the in-process figures of `partial` (`--in-process-only`): they include the searches' CPU time,
    so what a `--cpu-only` run left (its time, load, code and 1k pairing) goes with the CPU time it measured. The
    query embedding's p50 / p95 stay the full run's: the HTTP aims divide that run's HTTP figures by them (a
    re-measure under another load set an HTTP cold p95 of 00:01 against an embedding p95 of 01:38: 5.1x -> 1.9x)."""
    kept = {k: v for k, v in row.items() if k not in ("cpu_when", "cpu_load_average", "cpu_code", "paired_1k_cpu")}
    return {**kept, **{k: v for k, v in partial.items() if k not in ("embed_p50", "embed_p95") or k not in row}}


def pair_cpu_with_small(results: dict, key: str, sizes: str) -> None:
    """The searches' CPU time re-measured (`--cpu-only`) for 1k and a larger size in one invocation: the 1k
    figures are kept in the larger row (`paired_1k_cpu`), as `pair_with_small` keeps the wall-time ones."""
    size, mode = key.split("/")
    small = results.get(f"1000/{mode}") if int(size) > 1000 and "1000" in sizes.split(",") else None
    if small and small.get("cpu_code") and small.get("cpu_code") == results[key].get("cpu_code"):
        names = ("warm_cpu", "cpu_when", "cpu_load_average", "cpu_code")
        results[key]["paired_1k_cpu"] = {n: small[n] for n in names}


def _commit() -> str:
    """The commit measured (so a row can be read against the code it measured)."""
    import subprocess

    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def _change(r: dict, which: str) -> str:
    """Adding one file or deleting it: wall time, with the bench process's CPU time where the row has it (rows
    measured before 2026-12-07 19:00 have neither the CPU time nor the delete)."""
    wall = r.get(f"{which}_file_s")
    if wall is None:
        return "-"
    cpu = r.get(f"{which}_file_cpu_s")
    return f"{wall:.2f} s" + (f" (CPU {cpu:.2f} s)" if cpu is not None else "")


def _runs(results: dict) -> list[dict]:
    return sorted(results.values(), key=lambda r: (r["size"], r["mode"]))


def render(results: dict, plot: str | None) -> str:
    runs = _runs(results)
    lines = [
        "# Benchmarks",
        "",
        "Produced by `make bench` (`python -m benchmarks.run`); every row says when it was measured and with which "
        "embedder. Do not edit by hand. Machine: " + (runs[0]["machine"] if runs else "-") + ", shared with other "
        "work while measuring, so absolute times are noisy; ratios measured within one run are the figures to trust.",
        "",
        "Only each size's latest run is kept; what a long run went through, the profiles and what was tried and "
        "rejected are in [benchmarks-history.md](benchmarks-history.md) (written by hand).",
        "",
        "Corpora are generated from the sentences of `corpus/` (`benchmarks/synthetic.py`): articles of 3-8 "
        "paragraphs, about 20 % of them near-duplicate copies, a third with the network's boilerplate paragraph. "
        "The real model (USE-M3) embeds them where the embedder column says so; otherwise a **stand-in embedder** "
        "(hashed bag of words, 512 dims, not semantic: `benchmarks/synthetic.py`) does, and the real model's cost, "
        "measured on 300 of the same passages in the same run, is added back in the *with the real model* figure. "
        "The *real embedding alone* column is always that measured cost per passage times the passages. "
        "*Add one file* and *delete it*: the median of three rounds on the kept index (a new article about one "
        "city added with every refresh a change makes, searched, then its document deleted), wall time and, in "
        "brackets, the bench process's CPU time (the parse worker's is not in it); rows without a delete figure "
        "predate it.",
        "",
        "## Ingestion and changes",
        "",
        "| passages | mode | embedder | when | full ingest | passages/s | real embedding alone | ingest / embedding "
        "| add one file | delete it | first search after it | normal search (p50) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        ratio = r["ingest_real_s"] / r["real_embed_s"] if r["real_embed_s"] else 0
        lines.append(
            f"| {r['passages']:,} | {r['mode']} | {r['embedder']} | {when_measured(r)} | {r['ingest_s']:.1f} s"
            + (f" ({r['ingest_real_s']:.0f} s with the real model)" if r["embedder"].endswith("(stand-in)") else "")
            + f" | {r['passages'] / r['ingest_s']:.0f} | {r['real_embed_s']:.1f} s | **{ratio:.2f}** "
            f"| {_change(r, 'add')} | {_change(r, 'delete')} | {r['first_search_after_change_s'] * MS:.0f} ms "
            f"| {r['inproc_warm_p50'] * MS:.0f} ms |"
        )
    lines += [
        "",
        "## Start and queries",
        "",
        "Cold: queries never seen by a freshly started process (the first half of the relevance set); warm: the same "
        "queries again. Over HTTP, rows with a *warm, cache bypassed* figure were measured with the answers kept "
        "for a request asked again (`search_api/response_cache.py`; rows without that figure predate it): "
        "*warm* is then the answer replayed, *warm, cache bypassed* (`Cache-Control: no-cache`) the search made "
        "again, with the query's vector and parse remembered; in-process figures never use the answers kept. "
        "The HTTP searches are timed on one kept-alive connection of the standard library's client "
        "(`benchmarks/http_timing.py`; the rows measured before 2026-12-07 18:00 used httpx's, which added ~0.7 ms "
        "of the bench's own CPU to each figure), and the server process's CPU per request is kept beside them in "
        "docs/benchmarks.json (`http_cold_server_cpu_p50` / `_p95`): on the shared machine the wall time is "
        "mostly the load. "
        "Startup: from launching the server process to the first answered search. The query "
        "embedding column is always the real model's time per query, measured in the same run. Where the first "
        "table says the in-process figures were re-measured (`--in-process-only`), the in-process columns here "
        "are from that later measurement too.",
        "",
        "| passages | mode | startup to ready | startup to first search | in-process cold p50 / p95 "
        "| in-process warm p50 / p95 | HTTP cold p50 / p95 | HTTP warm p50 / p95 | HTTP warm, cache bypassed p50 / p95 "
        "| query embedding p95 | server RSS | disk per passage |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r['passages']:,} | {r['mode']} | {r['startup_ready_s']:.1f} s | {r['startup_first_search_s']:.1f} s "
            f"| {r['inproc_cold_p50'] * MS:.0f} / {r['inproc_cold_p95'] * MS:.0f} ms "
            f"| {r['inproc_warm_p50'] * MS:.0f} / {r['inproc_warm_p95'] * MS:.0f} ms "
            f"| {r['http_cold_p50'] * MS:.0f} / {r['http_cold_p95'] * MS:.0f} ms "
            f"| {r['http_warm_p50'] * MS:.0f} / {r['http_warm_p95'] * MS:.0f} ms | {latency.uncached(r)} "
            f"| {r['embed_p95'] * MS:.1f} ms "
            f"| {r['server_rss_mb']:.0f} MB | {r['disk_per_passage'] / 1024:.1f} KB |"
        )
    lines += cpu_table(runs)
    lines += [
        "",
        "## Concurrent clients",
        "",
        "Searches from a separate process (`benchmarks/load.py --url`; rows measured at ca41fd8 or earlier came from "
        "its predecessor `benchmarks/clients.py`, the same loop), 10 s per level, one server worker, measured before "
        "the read gate (`app/concurrency.py`) for every row measured at ca41fd8 or earlier. The clients send "
        "`Cache-Control: no-cache`: these are searches, not answers replayed.",
        "",
        "| passages | mode | clients | requests/s | errors | p50 | p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        for level in r["load"]:
            lines.append(
                f"| {r['passages']:,} | {r['mode']} | {level['clients']} | {level['rps']:.1f} | {level['errors']} "
                f"| {level['p50'] * MS:.0f} ms | {level['p95'] * MS:.0f} ms |"
            )
    lines += ["", "## Aims (issues 15 and 11)", "", *aims(runs), ""]
    if plot:
        lines += [f"![Bench figures by corpus size]({plot})", ""]
    return "\n".join(lines)


def draw(results: dict, path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install -e '.[bench]'): no plot")
        return False
    runs = [r for r in _runs(results) if r["mode"] == "embedded"]
    if not runs:
        return False
    sizes = [r["passages"] for r in runs]
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    axes[0].plot(sizes, [r["inproc_warm_p95"] * MS for r in runs], "o-", label="in-process warm p95")
    axes[0].plot(sizes, [r["http_cold_p95"] * MS for r in runs], "o-", label="HTTP cold p95")
    axes[0].plot(sizes, [r["embed_p95"] * MS for r in runs], "o--", label="query embedding p95")
    axes[0].set_ylabel("ms")
    axes[1].plot(sizes, [r["add_file_s"] for r in runs], "o-", label="add one file (s)")
    if all("delete_file_s" in r for r in runs):
        axes[1].plot(sizes, [r["delete_file_s"] for r in runs], "o-", label="delete it (s)")
    axes[1].plot(sizes, [r["startup_first_search_s"] for r in runs], "o-", label="startup to first search (s)")
    axes[2].plot(sizes, [r["server_rss_mb"] for r in runs], "o-", label="server RSS (MB)")
    axes[2].plot(sizes, [r["disk_per_passage"] / 1024 for r in runs], "o-", label="disk per passage (KB)")
    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlabel("passages (embedded store)")
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle(f"LGNet bench, {time.strftime('%Y-%m-%d')}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


if __name__ == "__main__":
    main()
