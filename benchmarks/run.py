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
# What the one 100k run went through (written by hand from its log, py-spy and its state file: the table row has
# only the end figures).
HUNDRED_K = (
    "**100k passages**: one embedded run with the stand-in embedder (code 37bab07, 2026-12-05 06:57-07:55, "
    "load 1.2-5 from other sessions). Its ingest took 44 min (2,541 s, then 117 s to save the lexical index): "
    "the walk stored the 23,848 files (104,475 passages) in about 14 minutes (d200d90: 23 min, 3ee415e: 74 min "
    "at load 7-13 with the same walk code, so that gap was the machine; since then the description and chunking "
    "moved into the parse worker and the worker is replaced every 1,000 files instead of 200), the documents' "
    "duplicate refresh took 1.5 min, the passages' about 19 min (53 slices of 2,000 passages, the later ones "
    "~35 s each: candidate pairs still grow a little faster than the passages; RSS up to 1.75 GB), writing the "
    "groups to Chroma (58,684 passages moved into another's group) about 3 min, the practice records about 5 "
    "min. Earlier runs never got that far: d200d90's refresh grew to 16 GB pairing whole LSH buckets, 3ee415e's "
    "stalled deleting over-full buckets one DELETE each. Adding one file takes 160 s at 100k (0.86 s at 1k): "
    "the practice records' refresh of the city's and the phase's groups (`knowledge/repository.py`, two thirds "
    "of py-spy's samples over one minute of it) and the ingest report's summary of every document "
    "(`IngestPipeline._summarise`, 15 %): whole-group and whole-index work, the next walls."
    " The table's 100k row is a full run at efed7db (2026-12-06 22:50-00:01, nice 10, load 5-7 from other"
    " sessions during the ingest, 2.6 at its end; its server ran 75bcd5a, the same search path but for two"
    " commits on reading the query, 69a734a and 181d814, and parse workers started after 23:03 read 75bcd5a's"
    " ingest rules, which change tables and lists the synthetic articles do not have): ingest 4,052 s with the"
    " stand-in (the walk ~27 min, the passages' duplicate refresh ~28 min, the records ~8 min, the lexical save"
    " 76 s), the real model's cost measured under that load 1,540 s (3.57x: the load and nice 10 slowed the"
    " pipeline's own work, measured beside an embedding pass that ran at a quieter moment). Against the previous"
    " 100k row (58e79ad, 15:08-15:47, load 2-6.8, before 735c6fb capped the BLAS threads of the stand-in's"
    " server, in-process figures at 13fc627): in-process warm p50 / p95 30 / 43 -> 11 / 17 ms, HTTP cold p95 169"
    " -> 28 ms, searched again 141 -> 17 ms, startup to the first answered search 25.7 -> 9.7 s (ready 51.6 ->"
    " 18.3 s), 8.6 / 12.3 / 16.3 -> 64 / 64 / 65 requests/s at 1 / 8 / 32 clients, server RSS 1.87 -> 1.99 GB,"
    " adding one file 2.87 -> 1.69 s, the first search after it 24 -> 11 ms (these in-process figures of the full"
    " run; measured again at e8c36d6 with the 1k ones, `--in-process-only --sizes 1000,100000`, 2026-12-07"
    " 00:10-00:17, load 1.3-2: warm 10 / 15 ms, adding one file 1.58 s against 0.37 s; the table's are the same"
    " re-measure at 15750b9, 02:07-02:19, load 4.2-4.4 from the other sessions: warm CPU p95 4.6 / 13.6 ms at 1k /"
    " 100k, 2.93x (3.63x at e8c36d6: the lexical stage's p95 7.49 -> 5.53 ms, 69aeeb5), wall 3.11x; adding one"
    " file 0.73 / 4.74 s and the first search after it 50 ms against 21 ms are wall times under that load, the"
    " first of the three adds rebuilding every record for the rules landed since (a records' version digest),"
    " so the median is the slower of the other two: in CPU time, four adds on the same index at 5cfb9b1 /"
    " 15750b9 (load ~4.5) took 1.76 / 2.70 / 1.34 / 5.02 s against 1.60 / 2.63 / 1.15 / 2.96 s, the first search"
    " after each 11-15 ms against 9-12 ms, a normal search's CPU p50 10.5 ms)."
    " CPU time of adding one file on copies"
    " of a 100k stand-in index (median of 3, benchmarks.measure's loop, load ~2.5): 2.10 s at 58e79ad -> 2.02 s"
    " once a rebuilt group writes and embeds only its records that changed (9010699) -> 1.30-1.44 s once a"
    " one-batch write pauses the garbage collector (27d673e: the write's short-lived objects, promoted, set off"
    " full passes over the process's heap, ~0.5 s at 100k); 1k 0.40 -> 0.29-0.32 s, 10k (stand-in) 0.27 s:"
    " by CPU time 100k is still ~4.5x 1k (wall-time ratios under load inflate the 1k figure's real-model"
    " embedding more). Before, the 822409b run (2026-12-05, load ~8): 1.38x, startup 33.5 s."
    " Left in adding one file at 100k (cProfile of the median add): the over-full LSH buckets' representatives"
    " (~0.13-0.23 s of SQL, 70 buckets), the touched groups' kept rows read back (~0.15 s decompressing ~4k"
    " rows), the documents' parts and keys unpickled (~0.16 s: a part pickles its passages' text and metadata,"
    " which the group has already), the merge of ~550 documents' parts (~0.25 s), Chroma's upserts (~0.1 s)."
)

# Where a search's time goes as the corpus grows (written by hand from profiles: the tables have only end figures).
QUERY_COST = (
    "**Query cost by stage** (profiled 2026-12-06 22:50-23:15 at code efed7db, load 5-8 from other sessions, so in"
    " CPU time: warm searches of the relevance set's first half, stand-in embedder, BLAS capped to the settings'"
    " threads; the bench's 1k and 10k stand-in corpora and, for 100k, the 10k index ten times over, 104,250"
    " passages): total p95 4.4 / 6.4 / 15.5 ms at 1k / 10k / 100k; lexical (BM25 of the words and their thesaurus"
    " alternatives, the best 1,000, fusion) 0.9 / 1.6 / 8.1 ms; dense 0.4 / 1.8 / 5.1 ms (an exact product up to"
    " 20k passages, the sketch above); everything else (reading the query, collapse, rerank, order, facets,"
    " snippets, answer) about 3 ms at every size. Lexical grows because a long question's 20-50 token lists are"
    " each scored over a candidate set that at 100k is 92k-104k of the passages, up to 2.4 M postings a query, 2.6"
    " times the distinct terms' (a word repeated across alternatives): the synthetic corpus recombines the 284"
    " passages' sentences, so every document frequency grows with it (a real corpus's rarer words would make the"
    " sets smaller). Dense grows with the sketch's 104k x 128 product (51 MB read, ~2.3 ms) and the 2,000 rows"
    " rescored (~0.5 ms). Tried and rejected (CPU at 100k): each list scored over its own terms' postings only,"
    " into one array of the corpus per concept (exact: the 92 queries' lexical scores and results bit-identical"
    " at 10k and 100k), lexical mean 3.3-4.1 ms against 3.0-3.2 ms, also switching to whole arrays above 3-25 % of"
    " the corpus (the common words' postings are most of it: indexing them costs more than the whole-array passes"
    " saved); MaxScore top-k with per-term upper bounds: at k = 1,000 the words it could skip leave 11k-85k"
    " passages (20-85 % of the candidate set) still to score, no gain worth its lookups on this corpus; a"
    " coarse-to-fine sketch (32 directions first, 10,000 kept): 3.3 against 3.0 ms, recall@100 0.991 against"
    " 0.9998; a 64- or 96-direction sketch: within the load's noise, recall@100 0.991-0.9999; an inverted file"
    " (k-means, 100 lists, the 10k stand-in vectors): recall@100 0.52 / 0.68 / 0.84 scanning 5 / 10 / 20 % of the"
    " rows (hashed bags of words do not cluster; the real model's vectors might, not measurable here at 100k)."
    " Cold searches at 1k (a fresh process, CPU): 6.7 / 9.5 ms mean / p95 against 3.1 / 4.3 ms warm, a difference"
    " made per query, not once: reading the query (2.1 / 4.0 ms: spelling, places, thesaurus; remembered per query"
    " after), its snippets' word windows and the reranker's sentence coverage (3.0 / 4.4 against 2.0 / 3.2 ms);"
    " over HTTP the practice cards are ~14 % of a search request's CPU. Nothing cheap to warm before ready."
    " Since 69aeeb5 (2026-12-07) a stem held by more than a quarter of the passages is added to a list scored over"
    " the whole corpus as one array of every passage (its weight x IDF, kept per index) instead of a scatter of its"
    " postings (a long question's alternatives read 'abit', in 80 % of the bench's passages, a dozen times): the"
    " lexical scoring's CPU at 100k p50 2.4-2.6 -> 1.6-1.8 ms, p95 6.3-7.3 -> 3.5-3.9 ms (load ~5), the 92"
    " queries' lexical scores and results bit-identical at 10k and 100k. Dense, tried and rejected then (CPU,"
    " BLAS at one thread): a first pass on 64 of the sketch's directions (3,000 rows kept, 1,500 rescored) 4.6 ->"
    " 3.2 ms at 100k, recall@100 1.0 -> 0.9975 on the stand-in; on the real model's vectors of the 10k corpus with"
    " the same shares of the rows (2 % rescored) the sketch's recall@100 is 0.995 (min 0.91), the two-pass one's"
    " 0.990 (min 0.87); Chroma's own HNSW (what the store keeps, 400 neighbours asked): 4.2 ms at 100k (stand-in,"
    " recall@100 0.986), 2.5 ms at 10k (real vectors, recall@100 0.989) against the sketch's 0.8 ms there: no"
    " faster than the sketch. The dense leg is now the stage that grows most (CPU p95 0.35 -> 5.14 ms, 1k ->"
    " 100k, 15750b9, load 4.2-4.4; lexical 0.98 -> 5.53 ms): with the other stages' ~3.5 ms the aim's 2x needs"
    " an index whose query reads a fraction of the rows, which on this machine's numpy no variant tried gave"
    " without losing recall. Since 5e21a40 and bc3b5e4 (2026-12-07, measured with benchmarks/query_testbed.py: the"
    " bench's synthetic 100k corpus chunked, 103,218 passages, no ingest; main and the change run at once, load"
    " 3-5) the best 1,000 lexical scores and 2,000 sketch rows come from a threshold read off a strided sample"
    " (retrieval/top_k.py, exact) instead of an argpartition over every score (~0.9 ms each), and the sketch is"
    " kept direction by direction (its product ~3.3 -> ~2.3 ms): 100k CPU p50 / p95 12.4 / 15.8 -> 9.2 / 12.1 ms"
    " (lexical 3.5 / 6.1 -> 2.5 / 5.0, dense 5.6 / 6.9 -> 3.7 / 4.6), 2.81x -> 2.03x the 1k p95. What the dense"
    " leg still spends at 100k, timed in sequence (op timings on one array repeated read cached rows): the"
    " sketch's product ~2.1-2.7 ms, the selection ~0.4 ms, the 2,000 rows rescored ~1.2-1.8 ms (4 MB of rows"
    " read from memory, different for every query; blocks of 256 rows: ~0.1 ms less, left)."
)


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
        "**Read these figures with the machine's load in mind**: the runs below were measured while five or six "
        "other sessions ran their tests on the same 2 cores; the *when* column gives the load average at the end "
        "of each run and the commit measured. Under that load the real model took 0.4-0.9 s per passage and "
        "0.2-1.4 s per query, against about 20 ms per passage and 1-4 ms per query on a quiet machine "
        "(DESIGN.md, earlier benches): absolute times are inflated many times over; the ratios within one run "
        "(ingest / embedding, first search after a change / normal search) are what carries over. Rows without a "
        "load figure were measured at load average 12-19 (earlier code), so comparing them with later rows "
        "(and the plot's lines from 1k to 10k) shows the machine's load as much as the code. Sizes absent "
        "from the tables were not measured.",
        "",
        *([HUNDRED_K, "", QUERY_COST, ""] if any(r["size"] >= 100_000 for r in runs) else []),
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
