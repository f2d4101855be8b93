"""A linear reranker over the best fused candidates: the fusion's order is reweighed with what it cannot see
(how much of the question one sentence carries, the title, a number beside the asked noun for a figure
question, boilerplate) at weights tuned by `lgnet eval --tune` and kept as data (lgnet/data/rerank.json).

Weights start as the identity (only the fused score counts), so without a weights file the order is the
fusion's. The committed weights were tuned on the old part and one half of the new part's batch 1 (the file says
which); `lgnet eval --tune` (`retrieval/tuning.py`) now learns on the old part and the development batches but
the last, checks on the last, and replaces them only when the new ones win (docs/search-quality.md, "Reranker").
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from retrieval.sentence_stems import passage_sentences
from retrieval.snippets import _NUMBER, _word_spans
from retrieval.terms import QueryTerms

WEIGHTS_FILE = "data/rerank.json"
FEATURES = (
    "fused",  # the fusion's score (boosts included), scaled to the list's best
    "lexical",  # BM25, scaled to the list's best (0: not a BM25 candidate)
    "dense",  # embedding similarity, scaled within the list (0: not a dense candidate)
    "coverage",  # share of the question's weight the whole passage carries
    "sentence",  # share one sentence carries: the words of the question close together
    "title",  # share the title carries
    "figure",  # figure question: share carried by a sentence holding a number
    "boilerplate",  # share of the passage's sentences that are the network's boilerplate
)
# How many of the fused list are reweighed: the rest keep their order below them. 30, not 20: a passage BM25 ranks
# 20th-50th that the dense list lacks is fused about 20th-30th (issue 11, "fusion" misses), where the reranker's
# sentence and coverage features can still lift it (the weights, tuned at 20, win at 30 on every batch group).
CANDIDATES = 30


@dataclass(frozen=True)
class Reranker:
    weights: Mapping[str, float] = field(default_factory=lambda: {"fused": 1.0})
    candidates: int = CANDIDATES

    @property
    def vector(self) -> np.ndarray:
        return np.array([self.weights.get(f, 0.0) for f in FEATURES])

    @property
    def identity(self) -> bool:
        return all(v == 0 for f, v in self.weights.items() if f != "fused")

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Reranker:
        """The committed weights (identity when the file is absent)."""
        resource = resources.files("lgnet").joinpath(WEIGHTS_FILE)
        if not resource.is_file():
            return cls()
        data = json.loads(resource.read_text("utf-8"))
        return cls(dict(data["weights"]), int(data.get("candidates", CANDIDATES)))

    def order(self, features: np.ndarray) -> list[int]:
        """Indices of the candidates, best first (ties keep the fusion's order)."""
        scores = features @ self.vector
        return sorted(range(len(scores)), key=lambda i: (-scores[i], i))

    def scores(self, features: np.ndarray) -> np.ndarray:
        return features @ self.vector


def tuning_record() -> dict:
    """The weights file as `lgnet eval --tune` wrote it ({} when absent): what it was tuned on and held out."""
    resource = resources.files("lgnet").joinpath(WEIGHTS_FILE)
    return json.loads(resource.read_text("utf-8")) if resource.is_file() else {}


def held_out_ids() -> frozenset[str]:
    """The new part's queries the committed weights were not tuned on (empty without a weights file)."""
    return frozenset(tuning_record().get("held_out", []))


@dataclass
class Signals:
    """What the fusion knew about each candidate, by position in the lexical corpus."""

    lexical: dict[int, float] = field(default_factory=dict)
    dense: dict[int, float] = field(default_factory=dict)


def features(
    positions: Sequence[int],
    fused: Sequence[float],
    signals: Signals,
    texts: Sequence[str],
    titles: Sequence[str],
    terms: QueryTerms,
    boilerplate: Container[str],
    flags: Sequence[Sequence[bool]] | None = None,
) -> np.ndarray:
    """One row of FEATURES per candidate. `flags`: which sentences of each text are boilerplate, when known
    (`Boilerplate.sentence_flags`), else asked of `boilerplate`."""
    rows = np.zeros((len(positions), len(FEATURES)))
    if not len(positions):
        return rows
    top = max(fused) or 1.0
    lexical_top = max((signals.lexical.get(p, 0.0) for p in positions), default=0.0) or 1.0
    dense = [signals.dense[p] for p in positions if p in signals.dense]
    low, high = (min(dense), max(dense)) if dense else (0.0, 0.0)
    figure = terms.intent == "figure"
    for row, (pos, score, text, title) in enumerate(zip(positions, fused, texts, titles, strict=True)):
        found = passage_sentences(text)
        if found.spans:
            said = flags[row] if flags is not None else [text[s:e] in boilerplate for s, e in found.spans]
            covered = [terms.coverage(st) for st in found.stems]
            numbers = found.numbers
        else:  # nothing but blanks: the text stands as its one sentence
            said, covered = [text in boilerplate], [terms.coverage(_stems(text))]
            numbers = (bool(_NUMBER.search(text)),)
        d = signals.dense.get(pos)
        rows[row] = (
            score / top,
            signals.lexical.get(pos, 0.0) / lexical_top,
            0.0 if d is None else ((d - low) / (high - low) if high > low else 1.0),
            terms.coverage(found.all_stems),
            max(covered),
            terms.coverage(_stems(title)) if title else 0.0,
            max((c for c, n in zip(covered, numbers, strict=True) if n), default=0.0) if figure else 0.0,
            sum(said) / len(said),
        )
    return rows


def warm_up_titles(titles: Iterable[str]) -> None:
    """The stems of these titles computed now (the warm-up's passages'): a cold query's candidates' titles are
    then read, not split and stemmed."""
    for title in titles:
        if title:
            _stems(title)


@lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    """A sentence's stems: the same passages come back query after query, so this is cached."""
    return frozenset(s for _, _, stems in _word_spans(text) for s in stems)
