"""Where the relevance set's misses are lost, stage by stage (`python -m retrieval.misses`; not part of the
tests): for each query of the old part and of the new part's development batches (never an unseen batch: the
register `lgnet/data/unseen_batches.json` says which), the best rank of a relevant passage in the lexical list,
in the dense list (its candidates and the whole corpus), in the fused list, after the duplicate collapse and on
the page a search shows, and so the mechanism of each miss:

- `absent`: no passage of the index holds the query's evidence;
- `no candidate`: a relevant passage is in neither the lexical nor the dense candidates;
- `collapsed`: the relevant passage was fused, but its near-duplicate group is shown by a passage without it;
- `fusion`: a candidate, but below the reranker's window (the first `Reranker.candidates` fused);
- `ranking`: inside the window, out-ranked on the page (reranker, within-document order, places first).

A miss whose first five show the right document all the same says so (`near`): `passage`, another passage of a
document holding the evidence (which passage of a document leads it: retrieval/within_document.py), or `copy`, a
near-duplicate of a relevant passage or another outlet's copy of its document (the collapse's and diversity's
choice), neither of which the metric credits: only the shown passage's own text counts.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

import numpy as np

from lgnet.config import get_settings
from lgnet.unseen import is_unseen
from retrieval.evaluation import QueryCase, is_relevant, load_relevance_set
from retrieval.models import SearchRequest
from retrieval.rerank import Signals
from retrieval.service import SearchService, get_search_service

CUTS = (5, 10, 20, 50, 100)


@dataclass
class Trace:
    id: str
    query: str
    part: str
    batch: int
    lang: str
    form: str
    relevant: int  # passages of the index holding the evidence
    lexical: int | None  # best rank (0-based) of a relevant passage in each list; None: not in it
    dense: int | None  # among the dense candidates (Settings.candidates)
    dense_all: int | None  # over the whole corpus (where a larger pool would find it)
    fused: int | None
    collapsed: int | None
    shown: int | None  # on the page (k=10)
    mechanism: str
    parsed: dict
    near: str = ""  # a miss: "passage" or "copy" when its first five show the right document (see the module)

    @property
    def miss(self) -> bool:
        return self.shown is None or self.shown >= 5


def _best(order: list[int] | np.ndarray, relevant: set[int]) -> int | None:
    return next((i for i, p in enumerate(order) if int(p) in relevant), None)


def near_miss(metas: list[dict], top: list[int], relevant: set[int]) -> str:
    """Whether the positions `top` (a miss's first five) show a relevant passage's document by another of its
    passages ("passage"), or a copy of it: a passage of its near-duplicate group or of another outlet's copy of the
    document ("copy"); "" when neither."""
    documents = {metas[p].get("doc_id") for p in relevant}
    if any(metas[p].get("doc_id") in documents for p in top):
        return "passage"
    groups = {metas[p].get("dup_group") for p in relevant} - {None}
    copies = {metas[p].get("doc_dup_group") or metas[p].get("doc_id") for p in relevant}
    for p in top:
        if metas[p].get("dup_group") in groups or (metas[p].get("doc_dup_group") or metas[p].get("doc_id")) in copies:
            return "copy"
    return ""


def trace(service: SearchService, case: QueryCase) -> Trace:
    index = service.lexical.current()
    relevant = {p for p, text in enumerate(index.corpus.texts) if is_relevant(text, case.evidence)}
    request = SearchRequest(q=case.query, k=10)
    filters = service.validate(request)
    parsed, _ = service.read_query(case.query, index)
    signals = Signals()
    ranked = service._rank(index, parsed, request, filters, None, {}, signals)
    lexical = sorted(signals.lexical, key=lambda p: (-signals.lexical[p], p))
    dense = sorted(signals.dense, key=lambda p: (-signals.dense[p], p))
    dense_all: int | None = None
    if index.vectors is not None and relevant:
        sims = index.vectors.matrix[: len(index.corpus.ids)] @ service.embed_query(parsed.suggestion or parsed.text)
        dense_all = _best(np.argsort(-sims, kind="stable"), relevant)
    collapsed = service._collapse(index, ranked)
    result = service.search(request)
    page = [index.corpus.position[h.id] for h in result.hits]
    shown = _best(page, relevant)
    fused = _best(ranked.positions, relevant)
    in_collapsed = _best(collapsed.positions, relevant)
    window = service.reranker.candidates
    if not relevant:
        mechanism = "absent"
    elif fused is None:
        mechanism = "no candidate"
    elif in_collapsed is None:
        mechanism = "collapsed"
    elif shown is not None and shown < 5:
        mechanism = "found"
    elif in_collapsed >= window:
        mechanism = "fusion"
    else:
        mechanism = "ranking"
    return Trace(
        case.id,
        case.query,
        case.part,
        case.batch,
        case.lang,
        case.form,
        len(relevant),
        _best(lexical, relevant),
        _best(dense, relevant),
        dense_all,
        fused,
        in_collapsed,
        shown,
        mechanism,
        {
            "language": parsed.language,
            "intent": parsed.intent,
            "core": parsed.core,
            "concepts": [c.text for c in parsed.concepts],
            "translations": parsed.translations,
            "phases": parsed.phases,
            "named_phases": parsed.named_phases,
            "places": parsed.places,
            "cities": parsed.cities,
        },
        near_miss(index.corpus.metas, page[:5], relevant) if shown is None or shown >= 5 else "",
    )


def development_cases() -> list[QueryCase]:
    """The old part and the new part's development batches (an unseen batch is never read here)."""
    return load_relevance_set("old") + [c for c in load_relevance_set("new") if not is_unseen(c.batch)]


def recall(traces: list[Trace], attr: str) -> str:
    found = [getattr(t, attr) for t in traces if t.relevant]
    n = max(1, len(found))
    return " ".join(f"@{k}:{sum(r is not None and r < k for r in found) / n:.3f}" for k in CUTS)


def scores(traces: list[Trace]) -> str:
    n = max(1, len(traces))
    s5 = sum(t.shown is not None and t.shown < 5 for t in traces) / n
    mrr = sum(1 / (t.shown + 1) for t in traces if t.shown is not None and t.shown < 10) / n
    return f"n={len(traces):<4} S@5 {s5:.3f} MRR@10 {mrr:.3f}"


def metrics(traces: list[Trace]) -> str:
    """Success@5 and MRR@10 of the page, as `lgnet eval` counts them, per part, batch group, language, form."""
    new = [t for t in traces if t.part == "new"]
    last = max((t.batch for t in new), default=0)
    groups = [
        ("old part", [t for t in traces if t.part == "old"]),
        ("new part", new),
        (f"new, batches < {last}", [t for t in new if t.batch < last]),
        (f"new, batch {last}", [t for t in new if t.batch == last]),
    ]
    for key in ("lang", "form"):
        for value in sorted({getattr(t, key) for t in new}):
            group = [t for t in new if getattr(t, key) == value]
            groups.append((f"new {key} {value}", group))
            groups.append((f"  batch {last}", [t for t in group if t.batch == last]))
    return "\n".join(f"{name:<34} {scores(group)}" for name, group in groups if group)


def report(traces: list[Trace]) -> str:
    lines = [metrics(traces)]
    for name, group in (
        ("old", [t for t in traces if t.part == "old"]),
        ("new", [t for t in traces if t.part == "new"]),
    ):
        lines.append(f"== {name} part ({len(group)} queries)")
        for attr in ("lexical", "dense", "dense_all", "collapsed", "shown"):
            lines.append(f"  recall {attr:<10} {recall(group, attr)}")
        by_form: dict[str, Counter[str]] = defaultdict(Counter)
        for t in group:
            by_form[t.form][t.mechanism] += 1
        lines.append("  form: mechanism counts (found = in the top 5)")
        for form, counts in sorted(by_form.items()):
            lines.append(f"    {form:<22} " + ", ".join(f"{m} {n}" for m, n in counts.most_common()))
        near = Counter(t.near for t in group if t.miss)
        lines.append(
            f"  misses whose first five show the right document: {near['passage']} by another passage, "
            f"{near['copy']} by a copy (of {sum(near.values())} misses)"
        )
    lines.append("== misses (top 5) and low ranks")
    for t in traces:
        if t.miss:
            lines.append(
                f"{t.id} b{t.batch} {t.lang} {t.form:<20} {t.mechanism:<12} lex={t.lexical} dense={t.dense} "
                f"dense_all={t.dense_all} fused={t.fused} coll={t.collapsed} shown={t.shown}"
                + (f" top5={t.near}" if t.near else "")
                + f" | {t.query}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write every trace to this file")
    parser.add_argument("--ids", nargs="*", help="only these query ids")
    args = parser.parse_args()
    service = get_search_service(get_settings())
    service.warm_up()
    cases = development_cases()
    if args.ids:
        cases = [c for c in cases if c.id in set(args.ids)]
    traces = [trace(service, c) for c in cases]
    print(report(traces))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump([asdict(t) for t in traces], out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
