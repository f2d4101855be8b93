"""The unseen set's batches are loaded apart, so `make eval` can report each batch on its own, development material
(lgnet/data/unseen_batches.json) and unseen batches never mixed. Checks the loaders only, never the rules."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.evaluation import unseen_batches
from knowledge.evaluation import load_gold
from knowledge.figure_cv import DEV_BATCHES as FIGURE_CV_FOLDS
from lgnet.unseen import describe, development_batches, is_unseen, mark
from retrieval.evaluation import FULL, EvalReport, Outcome, PartReport, QueryCase, aggregate, load_relevance_set

HERE = Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
BATCHES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)


def _cities(batch: int) -> set[str]:
    # A record's city (a press review about several comuni has records of each, and no city of its own).
    return {r["city"] for d in GOLD["documents"] if d.get("batch", 1) == batch for r in d["records"]}


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


def test_reports_call_unseen_only_the_batches_no_rule_writer_has_read():
    # The register (lgnet/data/unseen_batches.json) says which batches rule work has read; a batch not in it is unseen.
    dev = development_batches()
    assert dev == tuple(range(1, len(dev) + 1)), "development batches are the oldest ones"
    assert dev == FIGURE_CV_FOLDS
    newest = max(unseen_batches(HERE))
    text = describe(unseen_batches(HERE))
    if newest in dev:
        assert "no batch is unseen now" in text and mark(newest) == ""
    else:
        assert f"batch {newest} is unseen" in text and "honest" in mark(newest)
    assert describe([1, 2, 99]).startswith("batches 1 and 2 are development material")
    assert "batch 99 is unseen" in describe([1, 2, 99]) and is_unseen(99) and not is_unseen(1)


def test_relevance_queries_carry_their_batch():
    cases = load_relevance_set("new")
    batches = {c.id: c.batch for c in cases}
    assert batches["n001"] == 1 and batches["n073"] == 1 and batches["n074"] == 2 and batches["n119"] == 2
    assert batches["n120"] == 3 and batches["n165"] == 3 and batches["n166"] == 4 and batches["n214"] == 4
    assert batches["n215"] == 5 and batches["n261"] == 5 and batches["n262"] == 6 and batches["n318"] == 6
    assert batches["n319"] == 7 and batches["n368"] == 7 and batches["n369"] == 8 and batches["n418"] == 8
    assert batches["n419"] == 9 and batches["n468"] == 9 and batches["n469"] == 10 and batches["n518"] == 10
    assert batches["n519"] == 11 and batches["n568"] == 11 and batches["n569"] == 12 and batches["n618"] == 12
    assert batches["n619"] == 13 and batches["n668"] == 13 and batches["n669"] == 14 and batches["n718"] == 14
    assert batches["n719"] == 15 and batches["n768"] == 15 and batches["n769"] == 16 and batches["n818"] == 16
    assert batches["n819"] == 17 and batches["n868"] == 17 and batches["n869"] == 18 and batches["n918"] == 18
    assert batches["n919"] == 19 and batches["n968"] == 19 and batches["n969"] == 20 and batches["n1018"] == 20
    assert batches["n1019"] == 21 and batches["n1068"] == 21 and batches["n1069"] == 22 and batches["n1118"] == 22
    assert batches["n1119"] == 23 and batches["n1168"] == 23
    assert all(sum(b == k for b in batches.values()) >= 30 for k in range(2, 24))
    assert all(c.batch == 1 for c in load_relevance_set("old"))


def _outcome(case: QueryCase, found: bool) -> Outcome:
    return Outcome(case, 0 if found else None, 1.0 if found else 0.0, None, 0, 0, found, found, 0.001)


def test_the_search_report_gives_each_batch_its_own_line_and_table():
    ids = ("n001", "n074", "n120", "n121", "n166", "n167", "n215", "n216", "n262", "n263", "n469")
    cases = [c for c in load_relevance_set("new") if c.id in ids]
    outcomes = [_outcome(c, c.id not in ("n121", "n167", "n216", "n263")) for c in cases]
    part = PartReport("new", cases, {FULL: aggregate(outcomes)}, outcomes)
    assert {k: m.n for k, m in part.by_batch.items()} == {"1": 1, "2": 1, "3": 2, "4": 2, "5": 2, "6": 2, "10": 1}
    assert list(part.by_batch) == ["1", "2", "3", "4", "5", "6", "10"]  # in the order they were written
    report = EvalReport({"new": part}, corpus_passages=1)
    for batch, missed in ((3, "n121"), (4, "n167"), (5, "n216"), (6, "n263")):
        assert f"- new part, batch {batch} (2 queries): Success@5 0.500" in report.summary()
        assert f"Batch {batch}: not answered in the top 5: {missed}." in report.markdown()
        assert f"batch {batch}, not found in the top 5: {missed}" in report.render()
