"""`lgnet eval`: the project's relevance set, its metrics, and an ablation of the retrieval mechanisms.

A hit is relevant when its text contains one of the query's evidence phrases (accent- and case-insensitive,
whitespace-normalised). The set lives in lgnet/data/relevance_set.jsonl and was written by reading the corpus.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from dataclasses import dataclass, field
from importlib import resources

from lgnet.config import Settings
from lgnet.similarity import jaccard
from lgnet.text import fold, normalize_space, strip_markdown
from retrieval.lexical import NEAR_DUPLICATE
from retrieval.models import SearchRequest
from retrieval.service import SearchService, get_search_service

CONFIGS = {
    "BM25 only": {"mode": "lexical", "understand": False},
    "dense only": {"mode": "dense", "understand": False},
    "fused": {"mode": "hybrid", "understand": False},
    "BM25 + query understanding": {"mode": "lexical", "understand": True},
    "dense + query understanding": {"mode": "dense", "understand": True},
    "fused + query understanding": {"mode": "hybrid", "understand": True},
}
# Fusion settings compared on the two halves of the set (odd-numbered queries chose the default, even check it).
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


def load_relevance_set() -> list[QueryCase]:
    text = resources.files("lgnet").joinpath("data/relevance_set.jsonl").read_text("utf-8")
    cases = []
    for line in text.splitlines():
        if line.strip():
            raw = json.loads(line)
            cases.append(
                QueryCase(
                    raw["id"],
                    raw["query"],
                    raw.get("lang", "it"),
                    raw.get("city"),
                    raw["evidence"],
                    raw.get("kind", ""),
                )
            )
    return cases


def _norm(text: str) -> str:
    return normalize_space(fold(strip_markdown(text)).replace("’", "'"))


def is_relevant(text: str, evidence: list[str]) -> bool:
    body = _norm(text)
    return any(_norm(e) in body for e in evidence)


@dataclass
class Metrics:
    success_at_5: float = 0.0
    mrr_at_10: float = 0.0
    ndcg_at_10: float = 0.0
    city_top1: float = 0.0
    dup_pair_rate: float = 0.0  # near-duplicate pairs / all pairs in the top 10s
    queries_with_dup: int = 0
    latency_ms_p50: float = 0.0
    failures: list[str] = field(default_factory=list)


def evaluate(service: SearchService, cases: list[QueryCase], mode: str = "hybrid", understand: bool = True) -> Metrics:
    index = service.lexical.current()
    n_relevant = {c.id: sum(is_relevant(t, c.evidence) for t in index.corpus.texts) for c in cases}
    success = rr = ndcg = city_ok = city_n = dup_pairs = pairs = 0.0
    queries_with_dup = 0
    latencies, failures = [], []
    for case in cases:
        t = time.perf_counter()
        result = service.search(SearchRequest(q=case.query, k=10, mode=mode, understand=understand))
        latencies.append(time.perf_counter() - t)
        rel = [is_relevant(h.text, case.evidence) for h in result.hits]
        if any(rel[:5]):
            success += 1
        else:
            failures.append(case.id)
        first = next((i for i, r in enumerate(rel) if r), None)
        rr += 1 / (first + 1) if first is not None else 0
        dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(rel) if r)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(10, max(1, n_relevant[case.id]))))
        ndcg += dcg / ideal
        if case.city:
            city_n += 1
            city_ok += bool(result.hits) and result.hits[0].city == case.city
        found = 0
        for a, b in itertools.combinations(result.hits, 2):
            pairs += 1
            if jaccard(a.text, b.text) >= NEAR_DUPLICATE:
                dup_pairs += 1
                found += 1
        queries_with_dup += found > 0
    n = len(cases)
    latencies.sort()
    return Metrics(
        success / n,
        rr / n,
        ndcg / n,
        city_ok / max(1, city_n),
        dup_pairs / max(1, pairs),
        queries_with_dup,
        latencies[len(latencies) // 2] * 1000,
        failures,
    )


@dataclass
class EvalReport:
    cases: list[QueryCase]
    results: dict[str, Metrics]
    corpus_passages: int
    fusions: dict[str, tuple[Metrics, Metrics]] = field(default_factory=dict)  # name -> (odd half, even half)

    def render(self) -> str:
        head = f"{'configuration':<30} {'S@5':>6} {'MRR@10':>7} {'nDCG@10':>8} {'city@1':>7} {'dup pairs':>10}"
        lines = [
            f"Relevance set: {len(self.cases)} queries "
            f"({sum(c.lang == 'it' for c in self.cases)} Italian, {sum(c.lang == 'en' for c in self.cases)} "
            f"English) over {self.corpus_passages} passages",
            head,
        ]
        for name, m in self.results.items():
            lines.append(
                f"{name:<30} {m.success_at_5:>6.3f} {m.mrr_at_10:>7.3f} {m.ndcg_at_10:>8.3f} "
                f"{m.city_top1:>7.3f} {m.dup_pair_rate:>10.4f}"
            )
        if self.fusions:
            lines.append(f"{'fusion (full system)':<34} {'MRR odd':>8} {'MRR even':>9} {'S@5 odd':>8} {'S@5 even':>9}")
            for name, (odd, even) in self.fusions.items():
                lines.append(
                    f"{name:<34} {odd.mrr_at_10:>8.3f} {even.mrr_at_10:>9.3f} "
                    f"{odd.success_at_5:>8.3f} {even.success_at_5:>9.3f}"
                )
        final = list(self.results.values())[-1]
        lines.append(f"queries with a near-duplicate pair in the top 10: {final.queries_with_dup}")
        lines.append(f"not found in the top 5: {', '.join(final.failures) or 'none'}")
        return "\n".join(lines)

    def markdown(self) -> str:
        lines = [
            "# Search quality",
            "",
            "Produced by `lgnet eval --write docs/search-quality.md` (`make eval`); do not edit by hand.",
            "",
            f"Relevance set: {len(self.cases)} queries in `lgnet/data/relevance_set.jsonl` "
            f"({sum(c.lang == 'it' for c in self.cases)} Italian, {sum(c.lang == 'en' for c in self.cases)} "
            f"English), over {self.corpus_passages} passages of the corpus. A hit is relevant when it contains "
            "one of the query's evidence phrases.",
            "",
            "| configuration | Success@5 | MRR@10 | nDCG@10 | top-1 city | near-dup pairs in top 10 | p50 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, m in self.results.items():
            lines.append(
                f"| {name} | {m.success_at_5:.3f} | {m.mrr_at_10:.3f} | {m.ndcg_at_10:.3f} | "
                f"{m.city_top1:.3f} | {m.dup_pair_rate:.4f} ({m.queries_with_dup} queries) | "
                f"{m.latency_ms_p50:.1f} |"
            )
        final = list(self.results.values())[-1]
        lines += [
            "",
            f"Queries not answered in the top 5 by the full system: {', '.join(final.failures) or 'none'}.",
            "",
        ]
        if self.fusions:
            lines += [
                "## Fusion",
                "",
                "How the two candidate lists are combined, with query understanding on. The default was chosen "
                "on the odd-numbered queries only; the even-numbered ones are the check it did not see.",
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


def run_evaluation(settings: Settings, ablation: bool = True) -> EvalReport:
    service = get_search_service(settings)
    service.warm_up()
    cases = load_relevance_set()
    configs = CONFIGS if ablation else {"fused + query understanding": CONFIGS["fused + query understanding"]}
    results = {name: evaluate(service, cases, **cfg) for name, cfg in configs.items()}
    fusions = {}
    if ablation:
        odd, even = cases[0::2], cases[1::2]
        default = service.settings
        try:
            for name, overrides in FUSIONS.items():
                service.settings = default.model_copy(update=overrides)
                fusions[name] = (evaluate(service, odd), evaluate(service, even))
        finally:
            service.settings = default
    return EvalReport(cases, results, len(service.lexical.current().corpus.ids), fusions)
