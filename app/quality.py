"""What `lgnet eval --knowledge` writes: document type and city, and practice-record attribution, each on the
corpus and on the unseen set (tests/unseen/, written before the rules) reported apart."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from lgnet.config import Settings
from lgnet.unseen import describe, mark

REPO = Path(__file__).resolve().parents[1]
CORPUS_GOLD = REPO / "tests" / "practices" / "gold.json"
UNSEEN = REPO / "tests" / "unseen"


def knowledge_report(settings: Settings) -> tuple[str, str]:
    """Markdown (the whole report, and a few summary lines for the README): metadata rules on the files
    themselves, records from the index of `settings` (which must hold corpus/ and tests/unseen/documents, as
    `make eval` ingests them)."""
    from ingest.evaluation import evaluate_unseen, unseen_batches
    from ingest.evaluation import report as metadata_report
    from knowledge.evaluation import evaluate, load_gold
    from retrieval.practices import get_catalogue
    from retrieval.service import SearchService

    service = SearchService(settings)
    catalogue = get_catalogue(service)
    records, projects = catalogue.models(), catalogue.projects()
    groups = _document_groups(service)
    parts = [
        "# Knowledge quality: document types, cities, practice records",
        "",
        f"Written by `make eval` (`lgnet eval --knowledge`) on {date.today().isoformat()}. The corpus gold was "
        "written while reading the corpus the rules were written on, so its figures are optimistic. The unseen "
        "set (tests/unseen/) is reported apart, per batch: " + describe(unseen_batches(UNSEEN)) + " Never tune a rule "
        "to one of its items.",
        "",
        metadata_report(settings.corpus_dir, UNSEEN),
        "",
        "## Practice records (precision and recall per field)",
        "",
    ]
    corpus = evaluate("corpus", load_gold(CORPUS_GOLD), records, projects)
    unseen = evaluate("unseen set", load_gold(UNSEEN / "gold.json"), records, projects)
    # Each batch apart: development batches and the unseen one (lgnet/data/unseen_batches.json) never mixed.
    batches = [evaluate(f"unseen set, batch {b}{mark(b)}", load_gold(UNSEEN / "gold.json", batch=b), records, projects)
               for b in unseen_batches(UNSEEN)]  # fmt: skip
    parts += [corpus.markdown(), "Unseen set (reported apart):", "", unseen.markdown()]
    parts += [ev.markdown() for ev in batches]
    parts += ["## Syndicated copies (unseen set)", ""]
    summary = []
    for b in unseen_batches(UNSEEN):
        meta = evaluate_unseen(UNSEEN, batch=b)
        right = sum(r.type_ok for r in meta.documents), sum(r.city_ok for r in meta.documents)
        together, pairs, joined = _syndication(groups, b)
        summary.append(
            f"- unseen documents, batch {b} ({len(meta.documents)}): type right {right[0]}, city right {right[1]}; "
            f"syndicated groups kept together {together} of {pairs}, documents wrongly joined {joined}{mark(b)}"
        )
        parts.append(
            f"- batch {b}: {together} of {pairs} syndicated groups of the gold are one group in the index; "
            f"{joined} documents share a group with a document that is not their copy"
        )
    parts.append("")
    for ev in (corpus, unseen, *batches):
        summary.append(
            f"- records, {ev.name}: "
            + "; ".join(f"{label} P {_f(s.precision)} R {_f(s.recall)}" for label, s in ev.rows())
        )
    return "\n".join(parts), "\n".join(summary)


def _document_groups(service) -> dict[str, str]:
    """The index's syndication group of every indexed file, by file name (the unseen files' names are unique;
    how the source path is written depends on the ingest command)."""
    corpus = service.lexical.current().corpus
    out: dict[str, str] = {}
    for meta in corpus.metas:
        if meta.get("source"):
            out.setdefault(Path(str(meta["source"])).name, str(meta.get("doc_dup_group") or meta.get("doc_id")))
    return out


def _syndication(groups: dict[str, str], batch: int) -> tuple[int, int, int]:
    """For one batch: gold syndication groups kept together, their number, and documents wrongly joined (in
    one index group with a document of the same batch that the gold does not call its copy)."""
    gold = json.loads((UNSEEN / "gold.json").read_text("utf-8"))
    docs = [d for d in gold["documents"] if d.get("batch", 1) == batch]
    wanted: dict[str, set[str]] = {}
    for d in docs:
        if d.get("syndication_group"):
            name = Path(d["file"]).name
            wanted.setdefault(d["syndication_group"], set()).add(groups.get(name, f"missing:{name}"))
    together = sum(len(found) == 1 for found in wanted.values())
    joined = 0
    for d in docs:
        mine = groups.get(Path(d["file"]).name)
        others = [e for e in docs if e is not d and mine is not None and groups.get(Path(e["file"]).name) == mine]
        joined += any(not d.get("syndication_group") or e.get("syndication_group") != d["syndication_group"]
                      for e in others)  # fmt: skip
    return together, len(wanted), joined


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"
