"""`lgnet eval --tune`: the reranker's weights (lgnet/data/rerank.json), tuned on the old part and the tuning
half of the new part only.

The new part's first batch is split in two, deterministically and by question form: within each form its
queries are ordered by a hash of their id and dealt alternately to the tuning half and the held-out half. The
held-out half and every later batch (`"batch": 2` and on, written after the reranker) never take part in the
tuning: they are the check.

Coordinate ascent over a coarse grid, starting from the identity (the fusion's order), a weight moves only
when the tuning queries gain clearly from it: few, round weights that say which signal counts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.evaluation import QueryCase, is_relevant, load_relevance_set
from retrieval.models import SearchRequest
from retrieval.rerank import FEATURES, WEIGHTS_FILE, Reranker
from retrieval.service import SearchService

GRID = (-0.5, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.5, 1.0)
ROUNDS = 3
MIN_GAIN = 0.003  # mean objective a change must win, so noise moves nothing


def split_new(cases: list[QueryCase]) -> tuple[list[QueryCase], list[QueryCase]]:
    """(tuning half, held-out half) of the new part's first batch, by form, by a hash of each id; later
    batches are in neither."""
    by_form: dict[str, list[QueryCase]] = {}
    for case in cases:
        if case.batch != 1:
            continue
        by_form.setdefault(case.form, []).append(case)
    tuning: list[QueryCase] = []
    held_out: list[QueryCase] = []
    for _, group in sorted(by_form.items()):
        group = sorted(group, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())
        tuning += group[0::2]
        held_out += group[1::2]
    return tuning, held_out


@dataclass
class Sample:
    """One tuning query: its candidates' features and which of them are relevant."""

    features: np.ndarray
    relevant: np.ndarray


def collect(service: SearchService, cases: list[QueryCase]) -> list[Sample]:
    texts = service.lexical.current().corpus.texts
    samples = []
    for case in cases:
        positions, rows = service.rerank_features(SearchRequest(q=case.query, k=10))
        relevant = np.array([is_relevant(texts[p], case.evidence) for p in positions], dtype=bool)
        if relevant.any():  # a query with nothing relevant among the candidates cannot move
            samples.append(Sample(rows, relevant))
    return samples


def objective(weights: np.ndarray, samples: list[Sample]) -> float:
    """Mean of MRR@10 and Success@5 over the samples, the candidates ordered by `weights`."""
    total = 0.0
    for s in samples:
        scores = s.features @ weights
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        first = next(rank for rank, i in enumerate(order) if s.relevant[i])
        total += ((1 / (first + 1) if first < 10 else 0.0) + (first < 5)) / 2
    return total / max(1, len(samples))


def tune(samples: list[Sample]) -> tuple[dict[str, float], float, float]:
    """(weights, objective at the identity, objective tuned)."""
    weights = Reranker().vector
    start = best = objective(weights, samples)
    for _ in range(ROUNDS):
        moved = False
        for f in range(1, len(FEATURES)):  # the fused score stays the unit the others are weighed against
            for value in GRID:
                trial = weights.copy()
                trial[f] = value
                score = objective(trial, samples)
                if score > best + MIN_GAIN:
                    weights, best, moved = trial, score, True
        if not moved:
            break
    return {name: float(w) for name, w in zip(FEATURES, weights, strict=True) if w}, start, best


def run_tuning(service: SearchService, out: Path | None = None) -> dict:
    """Tune on the old part plus the new part's tuning half and write the weights file."""
    tuning_half, held_out = split_new(load_relevance_set("new"))
    cases = load_relevance_set("old") + tuning_half
    samples = collect(service, cases)
    weights, start, best = tune(samples)
    data = {
        "description": "Weights of the linear reranker (retrieval/rerank.py). Produced by `lgnet eval --tune`; "
        "do not edit by hand.",
        "tuned_on": f"old part + tuning half of the new part ({len(cases)} queries, {len(samples)} with a "
        "relevant candidate); held-out half and unseen parts never used",
        "held_out": sorted(c.id for c in held_out),
        "objective": "mean of MRR@10 and Success@5 over the tuning queries' candidates",
        "objective_identity": round(start, 4),
        "objective_tuned": round(best, 4),
        "candidates": Reranker().candidates,
        "weights": weights,
    }
    target = out or Path(__file__).resolve().parent.parent / "lgnet" / WEIGHTS_FILE
    target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return data
