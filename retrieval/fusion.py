"""Fusion of ranked lists and the IDF of a term, written once for passage search (retrieval/service.py), the
practice catalogue (retrieval/practices.py) and the BM25 index (retrieval/bm25.py)."""

from __future__ import annotations

import math

import numpy as np

Ranked = list[tuple[int, float]]  # (position, score), best first


def idf(n: int, df: int) -> float:
    """BM25's inverse document frequency of a term found in `df` of `n` items (never below zero)."""
    df = min(df, n)  # replaced rows count in df until a merge: never let a term weigh less than nothing
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def fuse(lists: list[tuple[Ranked, float]], method: str, rrf_k: int) -> dict[int, float]:
    """Combine weighted ranked (position, score) lists into one score per position.

    "rrf": weighted reciprocal rank, which uses only the order of each list. "score": weighted sum of the
    scores scaled to [0, 1] within each list (lowest to highest), which also uses how far apart they are."""
    fused: dict[int, float] = {}
    for ranked, weight in lists:
        if not ranked:
            continue
        if method == "rrf":
            contributions = [(pos, 1.0 / (rrf_k + rank + 1)) for rank, (pos, _) in enumerate(ranked)]
        else:
            high, low = max(sc for _, sc in ranked), min(sc for _, sc in ranked)
            # all equal (or one candidate): each is as good as the list's best
            contributions = [(pos, (sc - low) / (high - low) if high > low else 1.0) for pos, sc in ranked]
        for pos, value in contributions:
            fused[pos] = fused.get(pos, 0.0) + weight * value
    return fused


def fuse_into(
    fused: np.ndarray, present: np.ndarray, positions: np.ndarray, scores: np.ndarray, weight: float, method: str,
    rrf_k: int,
) -> None:  # fmt: skip
    """`fuse` for one list given as arrays (positions best first, all distinct), added into `fused` (one float64
    per position of the corpus) and marked in `present`: the same values as `fuse`, without a Python loop over
    the search's thousand BM25 candidates."""
    if not positions.size:
        return
    if method == "rrf":
        values = 1.0 / (rrf_k + np.arange(1, positions.size + 1, dtype=np.float64))
    else:
        high, low = float(scores.max()), float(scores.min())
        values = (scores - low) / (high - low) if high > low else np.ones(positions.size)
    fused[positions] += weight * values
    present[positions] = True
