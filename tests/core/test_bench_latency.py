"""The bench's latency report against the query embedding (benchmarks/latency.py): what counts, the aims, and
the README block it rewrites. Figures are written here; no bench runs."""

from __future__ import annotations

import pytest

from benchmarks import latency
from lgnet.errors import ConfigError


def run(embedder: str, cold: float, warm: float, embed: float) -> dict:
    return {
        "passages": 1520,
        "mode": "embedded",
        "embedder": embedder,
        "when": "2026-11-24 02:30",
        "load_average": 2.5,
        "http_cold_p50": cold / 2,
        "http_cold_p95": cold,
        "http_warm_p50": warm / 2,
        "http_warm_p95": warm,
        "inproc_cold_p50": 0.010,
        "inproc_cold_p95": 0.020,
        "inproc_warm_p50": 0.008,
        "inproc_warm_p95": 0.015,
        "embed_p50": embed / 2,
        "embed_p95": embed,
    }


def test_aims_compare_http_p95_with_the_embedding_of_the_same_run():
    rows = latency.aims([run("use-m3", cold=0.040, warm=0.020, embed=0.005)])
    assert rows == [
        "| HTTP cold p95 within 5x query-embedding p95 (1,520, embedded) | 8.0x | **no** |",
        "| HTTP warm p95 within 3x query-embedding p95 (1,520, embedded) | 4.0x | **no** |",
    ]
    met = latency.aims([run("use-m3", cold=0.020, warm=0.010, embed=0.005)])
    assert [row.endswith("| yes |") for row in met] == [True, True]


def test_a_stand_in_run_is_left_out():
    stand_in = run("bench-hashed-bow-512 (stand-in)", cold=0.001, warm=0.001, embed=0.005)
    assert latency.aims([stand_in]) == []
    assert "no run with the real model" in latency.summary([stand_in])


def test_the_readme_block_is_rewritten_and_the_rest_kept(tmp_path):
    start, end = latency.README_MARKERS
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{start}\nold figures\n{end}\nafter\n", "utf-8")
    latency.update_readme(readme, [run("use-m3", cold=0.040, warm=0.020, embed=0.005)])
    text = readme.read_text("utf-8")
    assert "old figures" not in text and text.startswith("before\n") and text.endswith(f"{end}\nafter\n")
    assert "HTTP cold p50 / p95 20 / 40 ms" in text and "cold 8.0x, warm 4.0x" in text


def test_a_readme_without_the_block_is_an_error(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers\n", "utf-8")
    with pytest.raises(ConfigError, match="bench:start"):
        latency.update_readme(readme, [])
