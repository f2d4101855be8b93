"""The bench report's verdicts: the issues' aims against the runs kept (`aims`), the searches' CPU time by stage
(`cpu_table`), and when each row was measured (`when_measured`). Rendered into docs/benchmarks.md by
benchmarks/run.py."""

from __future__ import annotations

from benchmarks import latency

MS = 1000


def when_measured(r: dict) -> str:
    """When, at which commit and under which load average (at the end of the run) a row was measured."""
    extra = [f"load {r['load_average']:.1f}" if "load_average" in r else "", f"code {r['code']}" if "code" in r else ""]
    when = r["when"] + (f" ({', '.join(e for e in extra if e)})" if any(extra) else "")
    if "inproc_when" in r:  # add one file, first search after it and normal search re-measured later
        when += (
            f"; in-process figures {r['inproc_when']} (load {r.get('inproc_load_average', 0):.1f}, "
            f"code {r.get('inproc_code', 'unknown')})"
        )
    return when


STAGES = ("analysis", "lexical", "dense", "collapse_facets", "answer")  # SearchResult.timings, in pipeline order


def cpu_table(runs: list[dict]) -> list[str]:
    """The in-process searches' CPU time, whole and by stage (rows measured since the bench records it)."""
    measured = [r for r in runs if "warm_cpu" in r]
    if not measured:
        return []
    lines = [
        "",
        "## Query CPU time by stage",
        "",
        "The in-process searches above in CPU time of the process (`time.process_time`, its threads included) "
        "instead of wall time: on the shared machine a search's wall time grows with the load, its CPU time with "
        "the code and the corpus. The stages are `SearchResult.timings`: the query read (analysis), BM25 "
        "candidates with their fusion (lexical), dense candidates (dense, after the query embedding, which a warm "
        "search remembers), collapse, rerank, order, facets and the page's hits with snippets (collapse_facets), "
        "the answer. Warm p95 by stage, in ms; each p95 is over searches, so the stages do not add up to the total's.",
        "",
        "| passages | mode | measured | cold p50 / p95 | warm p50 / p95 | " + " | ".join(STAGES) + " |",
        "|---|---|---|---|---|" + "---|" * len(STAGES),
    ]
    for r in measured:
        cold, warm = r["cold_cpu"]["total"], r["warm_cpu"]["total"]
        stages = " | ".join(f"{r['warm_cpu'].get(s, [0, 0])[1] * MS:.2f}" for s in STAGES)
        when = r.get("cpu_when") or r.get("inproc_when") or r["when"]
        if "cpu_when" in r:
            when += f" (load {r.get('cpu_load_average', 0):.1f}, code {r.get('cpu_code', 'unknown')})"
        lines.append(
            f"| {r['passages']:,} | {r['mode']} | {when} "
            f"| {cold[0] * MS:.1f} / {cold[1] * MS:.1f} ms | {warm[0] * MS:.1f} / {warm[1] * MS:.1f} ms | {stages} |"
        )
    return lines


def aims(runs: list[dict]) -> list[str]:
    by = {(r["size"], r["mode"]): r for r in runs}
    small = by.get((1000, "embedded"))
    big = max((r for r in runs if r["mode"] == "embedded"), key=lambda r: r["size"], default=None)
    out = []
    paired = big.get("paired_1k") if big else None  # 1k's in-process figures measured with the big row's
    if small and big and big is not small:
        source = (
            f"the 1k in-process figures measured in the same run as the {big['passages']:,} row's "
            f"({paired['inproc_when']}, load {paired['inproc_load_average']:.1f}, code {paired['inproc_code']}, "
            f"add one file {paired['add_file_s']:.2f} s)"
            if paired
            else f"the 1k embedded row ({when_measured(small)}, {small['embedder']})"
        )
        out += [
            f"The 1k figures the ratios below divide by come from {source}; the {big['passages']:,} figures from "
            f"its row ({when_measured(big)}, {big['embedder']}).",
            "",
        ]
        small = {**small, **(paired or {})}
    out += ["| aim | measured | met |", "|---|---|---|"]
    if small and big and big is not small:
        n = f"{big['passages']:,}"
        checks = [
            (f"add one file at {n} within 3x the time at 1k", big["add_file_s"] / small["add_file_s"], 3),
            (
                f"first search after a change within 2x a normal search ({n})",
                big["first_search_after_change_s"] / big["inproc_warm_p50"],
                2,
            ),
            (
                f"query p95 at {n} within 2x p95 at 1k (in-process, warm)",
                big["inproc_warm_p95"] / small["inproc_warm_p95"],
                2,
            ),
        ]
        small_cpu = (big.get("paired_1k_cpu") or small).get("warm_cpu")  # measured with the large row's if so
        if "warm_cpu" in big and small_cpu:
            checks.append(
                (
                    f"query CPU p95 at {n} within 2x CPU p95 at 1k (in-process, warm; CPU time, not wall)",
                    big["warm_cpu"]["total"][1] / small_cpu["total"][1],
                    2,
                )
            )
        # Deleting the file again (the bench's loop), and both changes in CPU time (rows that measured them).
        for name, what in (("delete_file_s", "delete one file"), ("add_file_cpu_s", "add one file, CPU time"),
                           ("delete_file_cpu_s", "delete one file, CPU time")):  # fmt: skip
            if big.get(name) and small.get(name):
                checks.append((f"{what} at {n} within 3x the time at 1k", big[name] / small[name], 3))
        for label, value, limit in checks:
            out.append(f"| {label} | {value:.2f}x | {'yes' if value <= limit else '**no**'} |")
        out.append(
            f"| startup to first answered search under 30 s ({n}) | {big['startup_first_search_s']:.1f} s "
            f"| {'yes' if big['startup_first_search_s'] < 30 else '**no**'} |"
        )
        out.append(
            f"| server RSS under 4 GB ({n}) | {big['server_rss_mb']:.0f} MB | "
            f"{'yes' if big['server_rss_mb'] < 4096 else '**no**'} |"
        )
    for r in runs:
        errors = next((lv["errors"] for lv in r["load"] if lv["clients"] == 32), None)
        ratio = r["ingest_real_s"] / r["real_embed_s"] if r["real_embed_s"] else 0
        met = "yes" if errors == 0 else "**no**"
        out.append(f"| zero errors at 32 clients ({r['passages']:,}, {r['mode']}) | {errors} | {met} |")
        out.append(
            f"| full ingest within 1.3x pure embedding ({r['passages']:,}, {r['mode']}) | {ratio:.2f}x "
            f"| {'yes' if ratio <= 1.3 else '**no**'} |"
        )
    out += latency.aims(runs)  # issue 11: search latency against the query embedding
    return out
