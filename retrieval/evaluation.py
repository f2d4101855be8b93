"""`lgnet eval`: the relevance sets, their metrics, and an ablation of the retrieval mechanisms.

Two parts, always reported apart: the `old` part (lgnet/data/relevance_set.jsonl, over corpus/, the set the
mechanisms were developed on) and the `new` part (lgnet/data/relevance_set_new.jsonl, written from corpus/ and
tests/unseen/documents before any tuning on it). A hit is relevant when its text contains one of the query's
evidence phrases (accent- and case-insensitive, whitespace-normalised).
"""

from __future__ import annotations

import itertools
import json
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from lgnet.config import Settings
from lgnet.similarity import NEAR_DUPLICATE, jaccard
from lgnet.text import fold, normalize_space, replace_between, strip_markdown
from lgnet.unseen import describe, is_unseen, mark
from retrieval.models import SearchRequest
from retrieval.service import SearchService, get_search_service

PARTS = {"old": "data/relevance_set.jsonl", "new": "data/relevance_set_new.jsonl"}
CONFIGS: dict[str, dict[str, Any]] = {
    "BM25 only": {"mode": "lexical", "understand": False},
    "dense only": {"mode": "dense", "understand": False},
    "fused": {"mode": "hybrid", "understand": False},
    "BM25 + query understanding": {"mode": "lexical", "understand": True},
    "dense + query understanding": {"mode": "dense", "understand": True},
    "fused + query understanding, no reranker": {"mode": "hybrid", "understand": True, "rerank": False},
    "fused + query understanding": {"mode": "hybrid", "understand": True},
}
FULL = "fused + query understanding"
NO_RERANK = "fused + query understanding, no reranker"
README_MARKERS = ("<!-- eval:start (make eval) -->", "<!-- eval:end -->")
# Fusion settings compared on the two halves of the old part (odd-numbered queries chose the default, even
# check it); the new part was never used to choose them.
FUSIONS = {
    "rank, equal weights, k=60": {"fusion": "rrf", "rrf_k": 60, "weight_lexical": 1.0, "weight_dense": 1.0},
    "rank, BM25 x1.5, k=10": {"fusion": "rrf", "rrf_k": 10, "weight_lexical": 1.5, "weight_dense": 1.0},
    "rank, BM25 x3, k=30": {"fusion": "rrf", "rrf_k": 30, "weight_lexical": 3.0, "weight_dense": 1.0},
    "score, equal weights": {"fusion": "score", "weight_lexical": 1.0, "weight_dense": 1.0},
    "score, BM25 x2 (default)": {"fusion": "score", "weight_lexical": 2.0, "weight_dense": 1.0},
}


@dataclass
class QueryCase:
    id: str
    query: str
    lang: str
    city: str | None
    evidence: list[str]
    kind: str = ""
    form: str = ""  # how the question is asked (new part); the old part's `kind` stands in for it
    part: str = "old"
    batch: int = 1  # new part: 1 = 2026-11-23, 2 = 11-24, 3 and 4 = 12-04, 5 and 6 = 12-05 (tests/unseen/README.md)


def load_relevance_set(part: str = "old") -> list[QueryCase]:
    """One part of the relevance set ([] when the part's file is absent)."""
    resource = resources.files("lgnet").joinpath(PARTS[part])
    if not resource.is_file():
        return []
    cases = []
    for line in resource.read_text("utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            kind = raw.get("kind", "")
            cases.append(
                QueryCase(
                    raw["id"],
                    raw["query"],
                    raw.get("lang", "it"),
                    raw.get("city"),
                    raw["evidence"],
                    kind,
                    raw.get("form") or kind or "other",
                    part,
                    int(raw.get("batch", 1)),
                )
            )
    return cases


def _norm(text: str) -> str:
    return normalize_space(fold(strip_markdown(text)).replace("’", "'"))


def is_relevant(text: str, evidence: list[str]) -> bool:
    body = _norm(text)
    return any(_norm(e) in body for e in evidence)


@dataclass
class Outcome:
    """How one query fared."""

    case: QueryCase
    first_relevant: int | None  # rank (0-based) of the first relevant hit in the top 10
    ndcg: float
    city_ok: bool | None  # top hit's city is the query's city (None: the query names no city)
    dup_pairs: int
    pairs: int
    answer_ok: bool  # an answer was given and it is a sentence of a relevant passage
    answered: bool
    latency: float


@dataclass
class Metrics:
    n: int = 0
    success_at_5: float = 0.0
    mrr_at_10: float = 0.0
    ndcg_at_10: float = 0.0
    city_top1: float = 0.0
    dup_pair_rate: float = 0.0  # near-duplicate pairs / all pairs in the top 10s
    queries_with_dup: int = 0
    latency_ms_p50: float = 0.0
    answered: float = 0.0  # share of queries given an answer sentence
    answer_ok: float = 0.0  # share of queries whose answer sentence comes from a relevant passage
    failures: list[str] = field(default_factory=list)


def aggregate(outcomes: list[Outcome]) -> Metrics:
    n = len(outcomes)
    if not n:
        return Metrics()
    city = [o.city_ok for o in outcomes if o.city_ok is not None]
    latencies = sorted(o.latency for o in outcomes)
    return Metrics(
        n=n,
        success_at_5=sum(o.first_relevant is not None and o.first_relevant < 5 for o in outcomes) / n,
        mrr_at_10=sum(1 / (o.first_relevant + 1) for o in outcomes if o.first_relevant is not None) / n,
        ndcg_at_10=sum(o.ndcg for o in outcomes) / n,
        city_top1=sum(city) / max(1, len(city)),
        dup_pair_rate=sum(o.dup_pairs for o in outcomes) / max(1, sum(o.pairs for o in outcomes)),
        queries_with_dup=sum(o.dup_pairs > 0 for o in outcomes),
        latency_ms_p50=latencies[n // 2] * 1000,
        answered=sum(o.answered for o in outcomes) / n,
        answer_ok=sum(o.answer_ok for o in outcomes) / n,
        failures=[o.case.id for o in outcomes if o.first_relevant is None or o.first_relevant >= 5],
    )


def run_cases(
    service: SearchService, cases: list[QueryCase], mode: str = "hybrid", understand: bool = True, rerank: bool = True
) -> list[Outcome]:
    index = service.lexical.current()
    outcomes = []
    for case in cases:
        n_relevant = sum(is_relevant(t, case.evidence) for t in index.corpus.texts)
        t = time.perf_counter()
        result = service.search(SearchRequest(q=case.query, k=10, mode=mode, understand=understand, rerank=rerank))
        latency = time.perf_counter() - t
        rel = [is_relevant(h.text, case.evidence) for h in result.hits]
        first = next((i for i, r in enumerate(rel) if r), None)
        dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(rel) if r)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(10, max(1, n_relevant))))
        dup = pairs = 0
        for a, b in itertools.combinations(result.hits, 2):
            pairs += 1
            dup += jaccard(a.text, b.text) >= NEAR_DUPLICATE
        answer = result.answer
        answer_ok = False
        if answer is not None:
            source = next((h for h in result.hits if h.id == answer.chunk_id), None)
            answer_ok = source is not None and is_relevant(source.text, case.evidence)
        outcomes.append(
            Outcome(
                case,
                first,
                dcg / ideal,
                (bool(result.hits) and result.hits[0].city == case.city) if case.city else None,
                dup,
                pairs,
                answer_ok,
                answer is not None,
                latency,
            )
        )
    return outcomes


def evaluate(service: SearchService, cases: list[QueryCase], mode: str = "hybrid", understand: bool = True) -> Metrics:
    return aggregate(run_cases(service, cases, mode, understand))


def _groups(outcomes: list[Outcome], key: Callable[[QueryCase], str]) -> dict[str, Metrics]:
    by: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by.setdefault(key(o.case), []).append(o)
    return {name: aggregate(group) for name, group in sorted(by.items())}


@dataclass
class PartReport:
    part: str
    cases: list[QueryCase]
    configs: dict[str, Metrics]  # ablation (or only the full system)
    outcomes: list[Outcome]  # the full system's, for the breakdowns
    without_reranker: list[Outcome] = field(default_factory=list)  # the same without the reranker

    @property
    def by_language(self) -> dict[str, Metrics]:
        return _groups(self.outcomes, lambda c: c.lang)

    @property
    def by_form(self) -> dict[str, Metrics]:
        return _groups(self.outcomes, lambda c: c.form)

    @property
    def by_batch(self) -> dict[str, Metrics]:
        """The new part's batches apart (each written before the rules that meet it); {} for a single batch."""
        groups = _groups(self.outcomes, lambda c: str(c.batch))
        ordered = dict(sorted(groups.items(), key=lambda kv: int(kv[0])))  # batch 10 after 9, not after 1
        return ordered if len(ordered) > 1 else {}

    def batch_outcomes(self, batch: int) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.batch == batch]


@dataclass
class EvalReport:
    parts: dict[str, PartReport]
    corpus_passages: int
    fusions: dict[str, tuple[Metrics, Metrics]] = field(default_factory=dict)  # name -> (odd half, even half)

    # Kept for callers of the single-set report.
    @property
    def cases(self) -> list[QueryCase]:
        return [c for p in self.parts.values() for c in p.cases]

    def render(self) -> str:
        lines = [f"{self.corpus_passages} passages indexed"]
        head = f"{'':<34} {'n':>4} {'S@5':>6} {'MRR@10':>7} {'nDCG@10':>8} {'city@1':>7} {'answer ok':>9}"
        for part in self.parts.values():
            lines += ["", f"== {part.part} part: {len(part.cases)} queries ({_languages(part.cases)})", head]
            rows = [(name, m) for name, m in part.configs.items()]
            rows += [(f"  batch {k}", m) for k, m in part.by_batch.items()]
            rows += [(f"  language {k}", m) for k, m in part.by_language.items()]
            rows += [(f"  form {k}", m) for k, m in part.by_form.items()]
            for name, m in rows:
                lines.append(
                    f"{name[:34]:<34} {m.n:>4} {m.success_at_5:>6.3f} {m.mrr_at_10:>7.3f} {m.ndcg_at_10:>8.3f} "
                    f"{m.city_top1:>7.3f} {m.answer_ok:>9.3f}"
                )
            final = part.configs[FULL]
            lines.append(f"not found in the top 5: {', '.join(final.failures) or 'none'}")
            for k in part.by_batch:
                missed = aggregate(part.batch_outcomes(int(k))).failures
                lines.append(f"  batch {k}, not found in the top 5: {', '.join(missed) or 'none'}")
        if self.fusions:
            lines.append(f"\n{'fusion (old part)':<34} {'MRR odd':>8} {'MRR even':>9} {'S@5 odd':>8} {'S@5 even':>9}")
            for name, (odd, even) in self.fusions.items():
                lines.append(
                    f"{name:<34} {odd.mrr_at_10:>8.3f} {even.mrr_at_10:>9.3f} "
                    f"{odd.success_at_5:>8.3f} {even.success_at_5:>9.3f}"
                )
        return "\n".join(lines)

    def summary(self) -> str:
        """One line per part: the figures the README quotes."""
        lines = []
        for part in self.parts.values():
            m = part.configs[FULL]
            lines.append(
                f"- {part.part} part ({len(part.cases)} queries): Success@5 {m.success_at_5:.3f}, "
                f"MRR@10 {m.mrr_at_10:.3f}, nDCG@10 {m.ndcg_at_10:.3f}, answer from a relevant passage "
                f"{m.answer_ok:.3f}"
            )
            for k, b in part.by_batch.items():
                lines.append(
                    f"- {part.part} part, batch {k} ({b.n} queries): Success@5 {b.success_at_5:.3f}, "
                    f"MRR@10 {b.mrr_at_10:.3f}, nDCG@10 {b.ndcg_at_10:.3f}, answer from a relevant passage "
                    f"{b.answer_ok:.3f}{mark(int(k)) if part.part == 'new' else ''}"
                )
        return "\n".join(lines)

    def batches(self) -> list[int]:
        """The new part's batches."""
        return sorted({c.batch for p in self.parts.values() for c in p.cases if c.part == "new"})

    def update_readme(self, path: Path) -> None:
        """Rewrites what lies between README_MARKERS in `path` with `summary()`."""
        replace_between(path, *README_MARKERS, self.summary())

    def markdown(self) -> str:
        lines = [
            "# Search quality",
            "",
            "Produced by `lgnet eval --write docs/search-quality.md` (`make eval`, which ingests `corpus/` and "
            "`tests/unseen/documents`); do not edit by hand.",
            "",
            f"{self.corpus_passages} passages indexed. A hit is relevant when it contains one of the query's "
            "evidence phrases. Two parts, reported apart:",
            "",
            "- **old**: `lgnet/data/relevance_set.jsonl`, the set the mechanisms were developed and tuned on;",
            "- **new**: `lgnet/data/relevance_set_new.jsonl`, written from the documents (including the unseen "
            "ones of `tests/unseen/documents`) before any tuning on it. Its batches (the `batch` of each query) "
            "are reported apart: " + describe(self.batches()),
            "",
            "*answer ok*: the answer sentence offered comes from a relevant passage; *answered*: an answer was "
            "offered at all. *p50 ms*: each query's embedding is computed once and reused across configurations, so "
            "see docs/benchmarks.md for latency.",
            "",
        ]
        for part in self.parts.values():
            lines += [f"## {part.part.capitalize()} part: {len(part.cases)} queries ({_languages(part.cases)})", ""]
            lines += _table("configuration", part.configs.items(), extra=True)
            final = part.configs[FULL]
            lines += [
                "",
                f"Not answered in the top 5 by the full system: {', '.join(final.failures) or 'none'}.",
                "",
                "Full system by language and by question form:",
                "",
            ]
            rows = [(f"batch {k}", m) for k, m in part.by_batch.items()]
            rows += [(f"language `{k}`", m) for k, m in part.by_language.items()]
            rows += [(f"form `{k}`", m) for k, m in part.by_form.items()]
            lines += _table("group", rows, extra=False)
            lines.append("")
            for k in part.by_batch:
                outcomes = part.batch_outcomes(int(k))
                missed = aggregate(outcomes).failures
                lines += [f"Batch {k}: not answered in the top 5: {', '.join(missed) or 'none'}.", ""]
                rows = [(f"language `{g}`", m) for g, m in _groups(outcomes, lambda c: c.lang).items()]
                rows += [(f"form `{g}`", m) for g, m in _groups(outcomes, lambda c: c.form).items()]
                lines += [f"Full system on batch {k} by language and by question form:", ""]
                lines += _table("group", rows, extra=False)
                lines.append("")
        lines += self._reranker_section()
        if self.fusions:
            lines += [
                "## Fusion",
                "",
                "How the two candidate lists are combined, with query understanding on, on the old part only. "
                "The default was chosen on its odd-numbered queries; the even-numbered ones are the check it did "
                "not see, and the new part never took part in the choice.",
                "",
                "| fusion | MRR@10 odd | MRR@10 even | Success@5 odd | Success@5 even |",
                "|---|---|---|---|---|",
            ]
            for name, (odd, even) in self.fusions.items():
                lines.append(
                    f"| {name} | {odd.mrr_at_10:.3f} | {even.mrr_at_10:.3f} | {odd.success_at_5:.3f} | "
                    f"{even.success_at_5:.3f} |"
                )
            lines.append("")
        return "\n".join(lines)

    def _reranker_section(self) -> list[str]:
        """With and without the reranker on the part it was tuned on and on those it never saw."""
        from retrieval.rerank import held_out_ids, tuning_record

        held_out = held_out_ids()
        record = tuning_record()
        held_batch = record.get("held_out_batch")  # a temporal hold-out (retrieval/tuning.py); else batch 1's half
        groups: list[tuple[str, Callable[[QueryCase], bool]]] = [("old part (tuned on)", lambda c: c.part == "old")]
        if held_batch is None:
            groups += [
                (
                    "new part, batch 1, tuning half (tuned on)",
                    lambda c: c.part == "new" and c.batch == 1 and c.id not in held_out,
                ),
                (
                    "new part, batch 1, held-out half (never seen)",
                    lambda c: c.part == "new" and c.batch == 1 and c.id in held_out,
                ),
            ]
        first_later = 2 if held_batch is None else int(held_batch)
        groups += [(f"new part, batch {b} (tuned on)", _in_batch(b)) for b in self.batches() if b < first_later]
        if held_batch is not None:
            groups.append((f"new part, batch {held_batch} (held out)", _in_batch(int(held_batch))))
        # Every later batch apart: the reranker was tuned on none of them (rule work has read the development ones).
        later = [b for b in self.batches() if b > (first_later if held_batch is not None else 1)]
        groups += [(f"new part, batch {b} ({'unseen' if is_unseen(b) else 'development'}, not tuned on)",
                    _in_batch(b)) for b in later]  # fmt: skip
        rows = []
        for name, wanted in groups:
            for part in self.parts.values():
                with_r = [o for o in part.outcomes if wanted(o.case)]
                without = [o for o in part.without_reranker if wanted(o.case)]
                if with_r and without:
                    rows += [(f"{name}, without", aggregate(without)), (f"{name}, with", aggregate(with_r))]
        if not rows or not held_out:
            return []
        tuned_on = record.get("tuned_on", "")
        return [
            "## Reranker",
            "",
            "A linear reranker over the best 20 fused candidates (`retrieval/rerank.py`), its weights in "
            f"`lgnet/data/rerank.json`, tuned by `lgnet eval --tune` on the {tuned_on.split(' (')[0]} only (the "
            "held-out ids are listed in that file; `retrieval/tuning.py` says how weights are tuned and when "
            "they replace the committed ones). With and without it, on what it was tuned on and on what it never "
            "saw:",
            "",
            *_table("queries, reranker", rows, extra=False),
            "",
        ]


def _in_batch(batch: int) -> Callable[[QueryCase], bool]:
    return lambda c: c.part == "new" and c.batch == batch


def _languages(cases: list[QueryCase]) -> str:
    return f"{sum(c.lang == 'it' for c in cases)} Italian, {sum(c.lang == 'en' for c in cases)} English"


def _table(label: str, rows: Iterable[tuple[str, Metrics]], extra: bool) -> list[str]:
    head = f"| {label} | n | Success@5 | MRR@10 | nDCG@10 | top-1 city | answered | answer ok |"
    if extra:
        head += " near-dup pairs in top 10 | p50 ms |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, m in rows:
        row = (
            f"| {name} | {m.n} | {m.success_at_5:.3f} | {m.mrr_at_10:.3f} | {m.ndcg_at_10:.3f} | "
            f"{m.city_top1:.3f} | {m.answered:.3f} | {m.answer_ok:.3f} |"
        )
        if extra:
            row += f" {m.dup_pair_rate:.4f} ({m.queries_with_dup} queries) | {m.latency_ms_p50:.1f} |"
        lines.append(row)
    return lines


class _RememberedEmbeddings:
    """The service's embedder, remembering each query's vector: the ablation asks for the same queries in
    many configurations, and the embedding is not what it compares."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.memo: dict[str, np.ndarray] = {}

    def __getattr__(self, name: str):
        return getattr(self.embedder, name)

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.embedder.embed(missing), strict=True))
        return np.stack([self.memo[t] for t in texts])


def run_evaluation(settings: Settings, ablation: bool = True) -> EvalReport:
    service = get_search_service(settings)
    service.warm_up()
    if not isinstance(service.embedder, _RememberedEmbeddings):
        service.embedder = _RememberedEmbeddings(service.embedder)
    configs = CONFIGS if ablation else {FULL: CONFIGS[FULL]}
    parts = {}
    for part in PARTS:
        cases = load_relevance_set(part)
        if not cases:
            continue
        results = {name: run_cases(service, cases, **cfg) for name, cfg in configs.items()}
        parts[part] = PartReport(
            part, cases, {k: aggregate(v) for k, v in results.items()}, results[FULL], results.get(NO_RERANK, [])
        )
    fusions = {}
    old = load_relevance_set("old")
    if ablation and old:
        odd, even = old[0::2], old[1::2]
        default = service.settings
        try:
            for name, overrides in FUSIONS.items():
                service.settings = default.model_copy(update=overrides)
                fusions[name] = (evaluate(service, odd), evaluate(service, even))
        finally:
            service.settings = default
    return EvalReport(parts, len(service.lexical.current().corpus.ids), fusions)
