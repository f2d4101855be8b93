"""Search latency against the query embedding (issue 11): cold (never-seen queries, fresh server) and warm
p95 over HTTP, as multiples of the real model's time to embed one query, measured in the same run.

Only runs where the server itself used the real model count: with the stand-in embedder the server's latency
leaves the model out, so comparing it with the model's time would flatter it.
"""

from __future__ import annotations

from pathlib import Path

from lgnet.text import replace_between

MS = 1000
COLD_WITHIN, WARM_WITHIN = 5.0, 3.0  # times the query-embedding p95
# Rows with `http_warm_uncached_*` were served with the answers kept (search_api/response_cache.py): their HTTP
# warm figures are answers replayed, the uncached ones the search made again.
README_MARKERS = ("<!-- bench:start (make bench) -->", "<!-- bench:end -->")


def real_model_runs(runs: list[dict]) -> list[dict]:
    return [r for r in runs if not r["embedder"].endswith("(stand-in)") and r.get("embed_p95")]


def ratios(r: dict) -> tuple[float, float]:
    """(HTTP cold p95, HTTP warm p95) / query-embedding p95."""
    return r["http_cold_p95"] / r["embed_p95"], r["http_warm_p95"] / r["embed_p95"]


def uncached(r: dict) -> str:
    """The HTTP warm p50 / p95 with the answers kept bypassed, or '-' for a run from before them."""
    if "http_warm_uncached_p95" not in r:
        return "-"
    return f"{r['http_warm_uncached_p50'] * MS:.0f} / {r['http_warm_uncached_p95'] * MS:.0f} ms"


def aims(runs: list[dict]) -> list[str]:
    """Rows of the bench's aims table."""
    rows = []
    for r in real_model_runs(runs):
        cold, warm = ratios(r)
        where = f"{r['passages']:,}, {r['mode']}"
        rows.append(
            f"| HTTP cold p95 within {COLD_WITHIN:g}x query-embedding p95 ({where}) | {cold:.1f}x "
            f"| {'yes' if cold <= COLD_WITHIN else '**no**'} |"
        )
        kept = " (answers replayed)" if "http_warm_uncached_p95" in r else ""
        rows.append(
            f"| HTTP warm p95{kept} within {WARM_WITHIN:g}x query-embedding p95 ({where}) | {warm:.1f}x "
            f"| {'yes' if warm <= WARM_WITHIN else '**no**'} |"
        )
        if kept:
            again = r["http_warm_uncached_p95"] / r["embed_p95"]
            rows.append(
                f"| HTTP warm p95, cache bypassed (searched again) within {WARM_WITHIN:g}x query-embedding p95 "
                f"({where}) | {again:.1f}x | {'yes' if again <= WARM_WITHIN else '**no**'} |"
            )
    return rows


def summary(runs: list[dict]) -> str:
    """The README's lines: one per run with the real model."""
    lines = []
    for r in real_model_runs(runs):
        cold, warm = ratios(r)
        load = f", load {r['load_average']:.1f}" if "load_average" in r else ""
        lines.append(
            f"- {r['passages']:,} passages, {r['mode']} store ({r['when']}{load}): HTTP cold p50 / p95 "
            f"{r['http_cold_p50'] * MS:.0f} / {r['http_cold_p95'] * MS:.0f} ms, warm "
            f"{r['http_warm_p50'] * MS:.0f} / {r['http_warm_p95'] * MS:.0f} ms"
            + (f" (answers replayed; searched again {uncached(r)})" if "http_warm_uncached_p95" in r else "")
            + "; in-process cold "
            f"{r['inproc_cold_p50'] * MS:.0f} / {r['inproc_cold_p95'] * MS:.0f} ms, warm "
            f"{r['inproc_warm_p50'] * MS:.0f} / {r['inproc_warm_p95'] * MS:.0f} ms; query embedding p50 / p95 "
            f"{r['embed_p50'] * MS:.1f} / {r['embed_p95'] * MS:.1f} ms: HTTP p95 cold {cold:.1f}x, warm {warm:.1f}x"
            + (
                f" (searched again {r['http_warm_uncached_p95'] / r['embed_p95']:.1f}x)"
                if "http_warm_uncached_p95" in r
                else ""
            )
            + f" the embedding (aims {COLD_WITHIN:g}x, {WARM_WITHIN:g}x)"
        )
    return "\n".join(lines) or "- no run with the real model kept in docs/benchmarks.json"


def update_readme(path: Path, runs: list[dict]) -> None:
    """Rewrites what lies between README_MARKERS in `path` with `summary()`."""
    replace_between(path, *README_MARKERS, summary(runs))
