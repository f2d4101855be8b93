"""`lgnet eval --tune`: the reranker's weights (lgnet/data/rerank.json), learned on development material only,
checked on a batch written after the rest, and written only when they beat the committed ones.

Protocol (a temporal hold-out):
- **training**: the old part and every development batch of the new part (lgnet/data/unseen_batches.json)
  but the last one; its folds (the old part, each batch) choose the settings by leave-one-batch-out;
- **hold-out**: the last development batch. It takes no part in the weights or in any choice: its aggregate
  is read once the weights are fixed;
- **unseen** batches (not development in the register) are in neither: tuning never reads them.

Objective: the mean of MRR@10 and Success@5 of the order a search shows (`SearchService.order_with`: the
reranker, then `SearchService.arrange`: a document's passages in the order they say the query, per-document
diversity, the named places and phases first), not of the reranker's list alone: what the steps after it
already do, the weights need not (measured 2026-12-06: +0.013 MRR@10 on the candidates alone was +0.001 after
them).

Fit: a pairwise logistic loss (RankNet) over every (relevant, non-relevant) pair among each training query's
best `Reranker.candidates` fused candidates, each query weighing the same, the features standardised by the
spread of their pair differences, an L2 penalty 1/C; the fitted weights are scaled so the fused score weighs 1,
and moved from the fusion's order by a share `scale`. C and scale are chosen by leave-one-batch-out inside the
training set.

Decision (`decide`): the new weights replace the committed ones only if, on the new part's training folds
(each fitted without it), they gain at least `MIN_GAIN` over the committed weights, they gain on the hold-out
batch, and the old part loses no more than `OLD_SLACK`. The committed weights are not refitted per fold (they
were tuned on the old part and one half of batch 1, `split_new`), so the comparison favours keeping them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from lgnet.unseen import development_batches
from retrieval.evaluation import QueryCase, is_relevant, load_relevance_set
from retrieval.models import SearchRequest
from retrieval.rerank import FEATURES, WEIGHTS_FILE, Reranker
from retrieval.service import RerankCase, SearchService

C_GRID = (0.3, 1.0, 3.0)
SCALES = (0.25, 0.5, 1.0)  # how far from the fusion the fitted weights move (1: all the way)
MIN_GAIN = 0.005  # objective the new part's folds must gain: about 2 queries of 468 moving from rank 2 to 1
OLD_SLACK = 0.01  # objective the old part (92 queries) may lose: one query moving a rank or two


@dataclass(frozen=True)
class Split:
    training: list[QueryCase]
    held_out: list[QueryCase]
    held_out_batch: int | None
    training_batches: tuple[int, ...]


def split(old: Sequence[QueryCase], new: Sequence[QueryCase], development: Sequence[int]) -> Split:
    """Training: the old part and the development batches but the last; held out: the last development batch;
    batches not in `development` (unseen) in neither."""
    batches = sorted(set(development))
    last = batches[-1] if batches else None
    training_batches = tuple(b for b in batches if b != last)
    training = list(old) + [c for c in new if c.batch in training_batches]
    held_out = [c for c in new if last is not None and c.batch == last]
    return Split(training, held_out, last, training_batches)


def split_new(cases: list[QueryCase]) -> tuple[list[QueryCase], list[QueryCase]]:
    """(tuning half, held-out half) of the new part's first batch, by form, by a hash of each id: the split the
    committed weights were tuned with (their file's `held_out`); later batches are in neither."""
    by_form: dict[str, list[QueryCase]] = {}
    for case in cases:
        if case.batch == 1:
            by_form.setdefault(case.form, []).append(case)
    tuning: list[QueryCase] = []
    held_out: list[QueryCase] = []
    for _, group in sorted(by_form.items()):
        group = sorted(group, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())
        tuning += group[0::2]
        held_out += group[1::2]
    return tuning, held_out


def fold_of(case: QueryCase) -> str:
    return "old" if case.part == "old" else f"batch {case.batch}"


@dataclass
class Sample:
    """One query: its candidates' features, which of them are relevant, its fold, and `first`: the rank (from 0)
    of the first relevant hit among the ten a search shows with the reranker at given weights (None: none)."""

    features: np.ndarray
    relevant: np.ndarray
    fold: str = ""
    first: Callable[[np.ndarray], int | None] | None = None

    def first_relevant(self, weights: np.ndarray) -> int | None:
        if self.first is not None:
            return self.first(weights)
        scores = self.features @ weights  # the candidates alone, in the reranker's order
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        return next((rank for rank, i in enumerate(order[:10]) if self.relevant[i]), None)


def collect(service: SearchService, cases: list[QueryCase]) -> list[Sample]:
    texts = service.lexical.current().corpus.texts
    samples = []
    for case in cases:
        found = service.rerank_features(SearchRequest(q=case.query, k=10))
        relevant = np.array([is_relevant(texts[p], case.evidence) for p in found.positions], dtype=bool)
        samples.append(Sample(found.rows, relevant, fold_of(case), _shown(service, found, texts, case.evidence)))
    return samples


def _shown(
    service: SearchService, found: RerankCase, texts: Sequence[str], evidence: list[str]
) -> Callable[[np.ndarray], int | None]:
    """`Sample.first` of one query: the search's own order after the reranker (`SearchService.arrange`)."""
    relevant: dict[int, bool] = {}

    def first(weights: np.ndarray) -> int | None:
        for rank, p in enumerate(service.order_with(found, weights)):
            if p not in relevant:
                relevant[p] = is_relevant(texts[p], evidence)
            if relevant[p]:
                return rank
        return None

    return first


def objective(weights: np.ndarray, samples: list[Sample]) -> float:
    """Mean of MRR@10 and Success@5 over the samples, ordered as a search would with the reranker at `weights`
    (a query with nothing relevant in its first ten counts 0)."""
    total = 0.0
    for s in samples:
        first = s.first_relevant(weights)
        if first is not None:
            total += (1 / (first + 1) + (first < 5)) / 2
    return total / max(1, len(samples))


def fit(samples: list[Sample], c: float = 1.0, scale: float = 1.0) -> np.ndarray:
    """Weights minimising the pairwise logistic loss (see the module's doc), scaled so `fused` weighs 1, then
    the other features' weights times `scale`; the identity when no query has both a relevant and a
    non-relevant candidate."""
    diffs, shares = [], []
    for s in samples:
        pos, neg = s.features[s.relevant], s.features[~s.relevant]
        if len(pos) and len(neg):
            d = (pos[:, None, :] - neg[None, :, :]).reshape(-1, s.features.shape[1])
            diffs.append(d)
            shares.append(np.full(len(d), 1.0 / len(d)))
    identity = Reranker().vector
    if not diffs:
        return identity
    pairs, share = np.vstack(diffs), np.concatenate(shares) / len(diffs)
    spread = pairs.std(axis=0)
    spread[spread == 0] = 1.0  # a feature constant over the pairs: its weight stays 0 (the penalty)
    z = pairs / spread

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margin = z @ w
        wrong = 0.5 * (1 - np.tanh(margin / 2))  # sigmoid(-margin), stable
        value = float(share @ np.logaddexp(0.0, -margin) + 0.5 / c * w @ w)
        return value, -(z.T @ (share * wrong)) + w / c

    w = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x / spread
    if w[0] <= 0:
        return identity
    return identity + scale * (w / w[0] - identity)


def lobo(samples: list[Sample], settings: Sequence[tuple[float, float]]) -> dict[tuple[float, float], dict]:
    """For each (C, scale): each fold's (objective at the identity, objective with weights fitted on the other
    folds, queries)."""
    out: dict[tuple[float, float], dict] = {k: {} for k in settings}
    identity = Reranker().vector
    for fold in sorted({s.fold for s in samples}):
        test = [s for s in samples if s.fold == fold]
        train = [s for s in samples if s.fold != fold]
        base = objective(identity, test)
        for c in sorted({c for c, _ in settings}):
            weights = fit(train, c)
            for scale in [k for cc, k in settings if cc == c]:
                out[(c, scale)][fold] = (base, objective(identity + scale * (weights - identity), test), len(test))
    return out


def choose(samples: list[Sample]) -> tuple[tuple[float, float], dict[tuple[float, float], dict]]:
    """The (C, scale) whose leave-one-fold-out objective (query-weighted) is best, and every fold's figures."""
    folds = lobo(samples, [(c, k) for c in C_GRID for k in SCALES])

    def mean(key: tuple[float, float]) -> float:
        per = folds[key].values()
        return sum(t * n for _, t, n in per) / max(1, sum(n for *_, n in per))

    return max(folds, key=lambda key: (round(mean(key), 6), -key[1])), folds


def _mean(per_fold: dict[str, tuple[float, float, int]], which: int, new_only: bool) -> float:
    items = [v for f, v in per_fold.items() if not new_only or f != "old"]
    return sum(v[which] * v[2] for v in items) / max(1, sum(v[2] for v in items))


def decide(lobo_new: float, committed_new: float, held: float, committed_held: float, old: float,
           committed_old: float) -> bool:  # fmt: skip
    """Whether fitted weights replace the committed ones (see the module's doc)."""
    return lobo_new >= committed_new + MIN_GAIN and held > committed_held and old >= committed_old - OLD_SLACK


def run_tuning(service: SearchService, out: Path | None = None) -> dict:
    """Fit on the training set, choose by leave-one-batch-out, check on the held-out batch; write the weights
    file only when `decide` says they win (the returned dict says which, with the figures)."""
    parts = split(load_relevance_set("old"), load_relevance_set("new"), development_batches())
    samples = collect(service, parts.training)
    (c, scale), folds = choose(samples)
    weights = fit(samples, c, scale)
    held = collect(service, parts.held_out)
    committed = Reranker.default().vector
    per_fold = folds[(c, scale)]
    committed_folds = {f: (0.0, objective(committed, [s for s in samples if s.fold == f]), n)
                       for f, (_, _, n) in per_fold.items()}  # fmt: skip
    figures = {
        "new part folds, leave-one-batch-out": round(_mean(per_fold, 1, True), 4),
        "new part folds, committed weights": round(_mean(committed_folds, 1, True), 4),
        "new part folds, identity": round(_mean(per_fold, 0, True), 4),
        "old part, leave-one-batch-out": round(per_fold.get("old", (0.0, 0.0, 0))[1], 4),
        "old part, committed weights": round(committed_folds.get("old", (0.0, 0.0, 0))[1], 4),
        "held-out batch, tuned": round(objective(weights, held), 4),
        "held-out batch, committed weights": round(objective(committed, held), 4),
        "held-out batch, identity": round(objective(Reranker().vector, held), 4),
    }
    wins = decide(
        figures["new part folds, leave-one-batch-out"],
        figures["new part folds, committed weights"],
        figures["held-out batch, tuned"],
        figures["held-out batch, committed weights"],
        figures["old part, leave-one-batch-out"],
        figures["old part, committed weights"],
    )
    data = {
        "description": "Weights of the linear reranker (retrieval/rerank.py). Produced by `lgnet eval --tune`; "
        "do not edit by hand.",
        "protocol": "pairwise logistic regression (retrieval/tuning.py) on the training set, C and scale by "
        "leave-one-batch-out inside it, the order scored as a search shows it; the held-out batch read once the "
        "weights were fixed",
        "tuned_on": f"old part + new part batches {', '.join(map(str, parts.training_batches))} "
        f"({len(parts.training)} queries); held-out batch and unseen batches never used",
        "held_out_batch": parts.held_out_batch,
        "held_out": sorted(case.id for case in parts.held_out),
        "objective": "mean of MRR@10 and Success@5 of the first ten a search shows",
        "c": c,
        "scale": scale,
        "figures": figures,
        "leave_one_batch_out": {f: round(v[1] - v[0], 4) for f, v in per_fold.items()},
        "candidates": Reranker().candidates,
        "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True) if round(w, 4)},
        "shipped": wins,
    }
    if wins:
        target = out or Path(__file__).resolve().parent.parent / "lgnet" / WEIGHTS_FILE
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return data
