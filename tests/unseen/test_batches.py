"""The unseen set's batches are loaded apart, so `make eval` can report batch 2 (a pure measurement) on its own
and the aims stay on batch 1. Checks the loaders only, never the rules."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.evaluation import unseen_batches
from knowledge.evaluation import load_gold
from retrieval.evaluation import load_relevance_set

HERE = Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))


def _cities(batch: int) -> set[str]:
    return {d["city"] for d in GOLD["documents"] if d.get("batch", 1) == batch}


def test_gold_records_of_one_batch_are_only_that_batch_s():
    assert unseen_batches(HERE) == [1, 2]
    every = load_gold(HERE / "gold.json")
    first, second = (load_gold(HERE / "gold.json", batch=b) for b in (1, 2))
    assert {r["city"] for r in first} == _cities(1) and {r["city"] for r in second} == _cities(2)
    assert len(first) + len(second) == len(every)
    # Each batch's not_figures travel with its own records only.
    quotes = {n["quote"] for d in GOLD["documents"] if d.get("batch", 1) == 2 for n in d.get("not_figures", [])}
    assert all(n["quote"] in quotes for r in second for n in r["not_figures"])
    assert not any(n["quote"] in quotes for r in first for n in r["not_figures"])


def test_relevance_queries_carry_their_batch():
    cases = load_relevance_set("new")
    batches = {c.id: c.batch for c in cases}
    assert batches["n001"] == 1 and batches["n073"] == 1 and batches["n074"] == 2
    assert sum(b == 2 for b in batches.values()) >= 30
    assert all(c.batch == 1 for c in load_relevance_set("old"))
