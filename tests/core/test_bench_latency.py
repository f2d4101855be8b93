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


def test_the_ratios_to_1k_use_the_1k_figures_measured_with_the_large_row():
    """A 1k row replaced by a later run's (other load) leaves the 100k row's ratios to the 1k figures measured in
    its own re-measure (`paired_1k`), not to figures of another load."""
    from benchmarks.run import aims, pair_with_small

    def row(size: int, add: float, p95: float) -> dict:
        return {**run("bench", cold=0.02, warm=0.01, embed=0.005), "size": size, "passages": size, "add_file_s": add,
                "first_search_after_change_s": 0.01, "inproc_warm_p95": p95, "ingest_real_s": 1.0,
                "real_embed_s": 1.0, "startup_first_search_s": 10.0, "server_rss_mb": 900.0, "load": []}  # fmt: skip

    small = {**row(1000, 1.0, 0.010), "inproc_when": "2026-12-06 15:50", "inproc_load_average": 6.0,
             "inproc_code": "abc"}  # fmt: skip
    big = {**row(100000, 2.5, 0.020), "inproc_code": "abc"}
    results = {"1000/embedded": small, "100000/embedded": big}
    pair_with_small(results, "100000/embedded", {"inproc_code": "abc"}, "1000,100000")
    results["1000/embedded"] = row(1000, 0.25, 0.004)  # a later 1k run, another load
    table = aims(list(results.values()))
    assert "| add one file at 100,000 within 3x the time at 1k | 2.50x | yes |" in table
    assert "| query p95 at 100,000 within 2x p95 at 1k (in-process, warm) | 2.00x | yes |" in table


def test_the_cpu_aim_and_table_use_the_searches_cpu_time_paired_with_the_large_row():
    """Rows with the searches' CPU time by stage (`warm_cpu`) get the CPU aim (the 1k figures measured with the
    large row, as the wall-time ones) and a table of the stages' p95."""
    from benchmarks.run import aims, cpu_table, pair_with_small

    def cpu(total: float, lexical: float) -> dict:
        return {"total": [total / 2, total], "lexical": [lexical / 2, lexical], "dense": [0.0001, 0.0002]}

    def row(size: int, p95: float) -> dict:
        return {**run("bench", cold=0.02, warm=0.01, embed=0.005), "size": size, "passages": size, "add_file_s": 1.0,
                "first_search_after_change_s": 0.01, "inproc_warm_p95": p95, "ingest_real_s": 1.0,
                "real_embed_s": 1.0, "startup_first_search_s": 10.0, "server_rss_mb": 900.0, "load": [],
                "inproc_code": "abc", "inproc_when": "2026-12-07 00:10"}  # fmt: skip

    small = {
        **row(1000, 0.010),
        "inproc_load_average": 6.0,
        "warm_cpu": cpu(0.004, 0.001),
        "cold_cpu": cpu(0.009, 0.002),
    }
    big = {**row(100000, 0.040), "warm_cpu": cpu(0.010, 0.006), "cold_cpu": cpu(0.012, 0.007)}
    results = {"1000/embedded": small, "100000/embedded": big}
    pair_with_small(results, "100000/embedded", {"inproc_code": "abc"}, "1000,100000")
    results["1000/embedded"] = {**row(1000, 0.004), "warm_cpu": cpu(0.001, 0.0005), "cold_cpu": cpu(0.002, 0.001)}
    table = aims(list(results.values()))
    assert (
        "| query CPU p95 at 100,000 within 2x CPU p95 at 1k (in-process, warm; CPU time, not wall) | 2.50x | **no** |"
        in table
    )
    lines = cpu_table(list(results.values()))
    assert (
        "| 100,000 | embedded | 2026-12-07 00:10 | 6.0 / 12.0 ms | 5.0 / 10.0 ms | 0.00 | 6.00 | 0.20 | 0.00 | 0.00 |"
        in lines
    )
    assert cpu_table([row(1000, 0.01)]) == []  # rows from before the bench recorded CPU time: no table


def test_the_stage_timings_are_cpu_time_inside_the_bench_clock_and_wall_time_after():
    """`cpu_stage_timings` makes the service's stage timings CPU time of the process and the ranking legs' CPU time
    of their own thread (a large index's dense leg runs beside the lexical one), and puts the wall clock back
    after; `stage_cpu` gives each stage's p50 and p95 (a stage a search skipped counts 0)."""
    import time

    from benchmarks.measure import cpu_stage_timings, stage_cpu
    from retrieval import service, stages

    with cpu_stage_timings():
        assert service.time.perf_counter is time.process_time
        assert stages.time.perf_counter is time.thread_time
    assert service.time is time and stages.time is time
    assert stage_cpu([{"total": 0.002, "lexical": 0.001}, {"total": 0.004}]) == {
        "total": [0.002, 0.004],
        "lexical": [0.0, 0.001],
    }


def test_cpu_figures_measured_again_pair_the_1k_ones_with_the_large_row():
    """`--cpu-only` for 1k and 100k in one invocation: the CPU aim divides by the 1k figures of that invocation
    (`paired_1k_cpu`), not by those of a later 1k run under another load; a run at other code is not paired."""
    from benchmarks.run import aims, pair_cpu_with_small

    def row(size: int, cpu_p95: float, code: str) -> dict:
        return {**run("bench", cold=0.02, warm=0.01, embed=0.005), "size": size, "passages": size, "add_file_s": 1.0,
                "first_search_after_change_s": 0.01, "inproc_warm_p95": 0.01, "ingest_real_s": 1.0,
                "real_embed_s": 1.0, "startup_first_search_s": 10.0, "server_rss_mb": 900.0, "load": [],
                "warm_cpu": {"total": [cpu_p95 / 2, cpu_p95]}, "cold_cpu": {"total": [cpu_p95, cpu_p95]},
                "cpu_when": "2026-12-07 00:20", "cpu_load_average": 3.0, "cpu_code": code}  # fmt: skip

    results = {"1000/embedded": row(1000, 0.004, "abc"), "100000/embedded": row(100000, 0.012, "abc")}
    pair_cpu_with_small(results, "100000/embedded", "1000,100000")
    assert results["100000/embedded"]["paired_1k_cpu"]["warm_cpu"]["total"] == [0.002, 0.004]
    results["1000/embedded"] = row(1000, 0.002, "def")  # a later 1k run, another load
    label = "| query CPU p95 at 100,000 within 2x CPU p95 at 1k (in-process, warm; CPU time, not wall)"
    assert f"{label} | 3.00x | **no** |" in aims(list(results.values()))
    other = {"1000/embedded": row(1000, 0.004, "abc"), "100000/embedded": row(100000, 0.012, "xyz")}
    pair_cpu_with_small(other, "100000/embedded", "1000,100000")
    assert "paired_1k_cpu" not in other["100000/embedded"]


def test_in_process_figures_measured_again_drop_the_cpu_only_pairing():
    """`--in-process-only` measures the searches' CPU time too: a `--cpu-only` run's time, load, code and 1k
    pairing no longer describe the row's CPU figures and are dropped (the aim then pairs the in-process ones)."""
    from benchmarks.run import remeasured

    row = {"size": 100000, "warm_cpu": {"total": [1, 2]}, "cpu_when": "00:04", "cpu_code": "a", "cpu_load_average": 1.0,
           "paired_1k_cpu": {"warm_cpu": {}}, "add_file_s": 2.0}  # fmt: skip
    again = remeasured(row, {"warm_cpu": {"total": [3, 4]}, "inproc_when": "00:14", "add_file_s": 1.5})
    assert again == {"size": 100000, "warm_cpu": {"total": [3, 4]}, "inproc_when": "00:14", "add_file_s": 1.5}


def test_in_process_figures_measured_again_keep_the_full_runs_query_embedding():
    """The HTTP aims divide a full run's HTTP p95 by the query embedding's p95 of that run: a re-measure of the
    in-process figures (another time, another load) keeps it, so the ratio never pairs two runs."""
    from benchmarks.run import remeasured

    row = {"size": 1000, "http_cold_p95": 0.013, "embed_p50": 0.002, "embed_p95": 0.0026, "add_file_s": 0.4}
    again = remeasured(row, {"embed_p50": 0.003, "embed_p95": 0.0071, "add_file_s": 0.8, "inproc_when": "01:38"})
    assert again == {"size": 1000, "http_cold_p95": 0.013, "embed_p50": 0.002, "embed_p95": 0.0026, "add_file_s": 0.8,
                     "inproc_when": "01:38"}  # fmt: skip
    assert remeasured({"size": 1000}, {"embed_p95": 0.007})["embed_p95"] == 0.007  # a row without one takes it


def test_deleting_one_file_has_its_column_and_its_own_aim_beside_adding_one():
    """A row that measured deleting the added file (and both changes' CPU time) shows it in the changes' table and
    gets aims of its own, the same 3x the 1k time as adding one file; a row from before shows "-", no aim."""
    from benchmarks.run import _change, aims

    def row(size: int, **changes: float) -> dict:
        return {**run("bench", cold=0.02, warm=0.01, embed=0.005), "size": size, "passages": size, "add_file_s": 1.0,
                "first_search_after_change_s": 0.01, "inproc_warm_p50": 0.005, "inproc_warm_p95": 0.01,
                "ingest_real_s": 1.0, "real_embed_s": 1.0, "ingest_s": 1.0, "embedder": "use-m3", "when": "x",
                "startup_first_search_s": 10.0, "server_rss_mb": 900.0, "load": [], **changes}  # fmt: skip

    small = row(1000, delete_file_s=0.5, add_file_cpu_s=0.3, delete_file_cpu_s=0.2)
    big = row(100000, delete_file_s=2.0, add_file_cpu_s=0.6, delete_file_cpu_s=0.8)
    table = aims([small, big])
    assert "| delete one file at 100,000 within 3x the time at 1k | 4.00x | **no** |" in table
    assert "| add one file, CPU time at 100,000 within 3x the time at 1k | 2.00x | yes |" in table
    assert "| delete one file, CPU time at 100,000 within 3x the time at 1k | 4.00x | **no** |" in table
    assert not [line for line in aims([row(1000), row(100000)]) if "delete" in line or "CPU time at" in line]
    assert (_change(small, "add"), _change(small, "delete")) == ("1.00 s (CPU 0.30 s)", "0.50 s (CPU 0.20 s)")
    assert (_change(row(10000), "add"), _change(row(10000), "delete")) == ("1.00 s", "-")
