"""What `lgnet eval --knowledge` writes: document type and city, and practice-record attribution, each on the
corpus and on the unseen set (tests/unseen/, written before the rules) reported apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lgnet.config import Settings

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

    catalogue = get_catalogue(SearchService(settings))
    records, projects = catalogue.models(), catalogue.projects()
    parts = [
        "# Knowledge quality: document types, cities, practice records",
        "",
        f"Written by `make eval` (`lgnet eval --knowledge`) on {date.today().isoformat()}. The corpus gold was "
        "written while reading the corpus the rules were written on, so its figures are optimistic; the unseen "
        "set (tests/unseen/) was written before the rules and is reported apart. Never tune a rule to one of its "
        "items.",
        "",
        metadata_report(settings.corpus_dir, UNSEEN),
        "",
        "## Practice records (precision and recall per field)",
        "",
    ]
    corpus = evaluate("corpus", load_gold(CORPUS_GOLD), records, projects)
    unseen = evaluate("unseen set", load_gold(UNSEEN / "gold.json"), records, projects)
    # Each batch apart: batch 1 (2026-11-23) came before some rule changes, batch 2 (2026-11-24) before none
    # that were tuned on it, so batch 2 is the purer measurement (tests/unseen/README.md).
    batches = [evaluate(f"unseen set, batch {b}", load_gold(UNSEEN / "gold.json", batch=b), records, projects)
               for b in unseen_batches(UNSEEN)]  # fmt: skip
    parts += [corpus.markdown(), "Unseen set (reported apart):", "", unseen.markdown()]
    parts += [ev.markdown() for ev in batches]
    summary = []
    for b in unseen_batches(UNSEEN):
        meta = evaluate_unseen(UNSEEN, batch=b)
        right = sum(r.type_ok for r in meta.documents), sum(r.city_ok for r in meta.documents)
        summary.append(
            f"- unseen documents, batch {b} ({len(meta.documents)}): type right {right[0]}, city right {right[1]}"
        )
    for ev in (corpus, unseen, *batches):
        summary.append(
            f"- records, {ev.name}: "
            + "; ".join(f"{label} P {_f(s.precision)} R {_f(s.recall)}" for label, s in ev.rows())
        )
    return "\n".join(parts), "\n".join(summary)


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"
