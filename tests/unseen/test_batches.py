"""The unseen set's batches are loaded apart, so `make eval` can report batches 2 and 3 (pure measurements) on
their own and the aims stay on batch 1. Checks the loaders only, never the rules."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.evaluation import unseen_batches
from knowledge.evaluation import load_gold
from retrieval.evaluation import FULL, EvalReport, Outcome, PartReport, QueryCase, aggregate, load_relevance_set

HERE = Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
BATCHES = (1, 2, 3)


def _cities(batch: int) -> set[str]:
    return {d["city"] for d in GOLD["documents"] if d.get("batch", 1) == batch}


def _not_figure_quotes(batch: int) -> set[str]:
    return {n["quote"] for d in GOLD["documents"] if d.get("batch", 1) == batch for n in d.get("not_figures", [])}


def test_gold_records_of_one_batch_are_only_that_batch_s():
    assert unseen_batches(HERE) == list(BATCHES)
    every = load_gold(HERE / "gold.json")
    per_batch = {b: load_gold(HERE / "gold.json", batch=b) for b in BATCHES}
    for b, records in per_batch.items():
        assert {r["city"] for r in records} == _cities(b)
    assert sum(len(r) for r in per_batch.values()) == len(every)
    # Each batch's not_figures travel with its own records only (a quote written in two batches is each one's own).
    for b, records in per_batch.items():
        own = _not_figure_quotes(b)
        others = set().union(*(_not_figure_quotes(o) for o in BATCHES if o != b)) - own
        assert all(n["quote"] in own for r in records for n in r["not_figures"])
        assert not any(n["quote"] in others for r in records for n in r["not_figures"])


def test_relevance_queries_carry_their_batch():
    cases = load_relevance_set("new")
    batches = {c.id: c.batch for c in cases}
    assert batches["n001"] == 1 and batches["n073"] == 1 and batches["n074"] == 2 and batches["n119"] == 2
    assert batches["n120"] == 3
    assert sum(b == 2 for b in batches.values()) >= 30 and sum(b == 3 for b in batches.values()) >= 30
    assert all(c.batch == 1 for c in load_relevance_set("old"))


def _outcome(case: QueryCase, found: bool) -> Outcome:
    return Outcome(case, 0 if found else None, 1.0 if found else 0.0, None, 0, 0, found, found, 0.001)


def test_the_search_report_gives_each_batch_its_own_line_and_table():
    cases = [c for c in load_relevance_set("new") if c.id in ("n001", "n074", "n120", "n121")]
    outcomes = [_outcome(c, c.id != "n121") for c in cases]
    part = PartReport("new", cases, {FULL: aggregate(outcomes)}, outcomes)
    assert {k: m.n for k, m in part.by_batch.items()} == {"1": 1, "2": 1, "3": 2}
    report = EvalReport({"new": part}, corpus_passages=1)
    assert "- new part, batch 3 (2 queries): Success@5 0.500" in report.summary()
    assert "Batch 3: not answered in the top 5: n121." in report.markdown()
    assert "batch 3, not found in the top 5: n121" in report.render()
