"""Figures measured by leave-one-batch-out cross-validation: `python -m knowledge.figure_cv`.

The folds are the corpus gold and the development batches of the unseen set (DEV_BATCHES). The passages are
those of an index holding corpus/ and tests/unseen/documents (`make eval`'s, LGNET_DATA_DIR), kept to the
corpus and the files of the development batches: a batch written later (the honest measure) is never read,
scored or printed here. Records are rebuilt from those passages as the repository builds them (per city and
phase, programme boilerplate found across cities), then scored per fold with `knowledge.evaluation`.

Rules have no training, so their cross-validated figure is their plain one. The records `make eval` scores also
take the shipped area model's areas where the rules found none (knowledge/area_choice.py); it was trained on these
very folds, so `--shipped` shows what ships, never a held-out figure (knowledge/area_walk.py measures that).
A learned figure reader (`knowledge.figure_model`) is trained for each fold on the other folds only, and scored
on the held-out one.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from knowledge.area_choice import shipped
from knowledge.area_model import AreaChooser
from knowledge.evaluation import Evaluation, Score, evaluate, load_gold, unit_key
from knowledge.figures import FigureFact
from knowledge.group_reading import city_keys, passage_groups, programme_boilerplate, text_keys
from knowledge.programme import Member, agreed_phases, dated, phase_facts, with_phase
from knowledge.records import RECORD_TYPES, Passage, RecordBuilder
from knowledge.sentences import clean, key, sentences
from lgnet.practice import PhaseFacts, PracticeRecord, ProjectFacts
from lgnet.unseen import development_batches

REPO = Path(__file__).resolve().parents[1]
CORPUS_GOLD = REPO / "tests" / "practices" / "gold.json"
UNSEEN_GOLD = REPO / "tests" / "unseen" / "gold.json"
# The unseen batches that are development material (lgnet/data/unseen_batches.json); a newer batch is the
# honest measure and stays unread.
DEV_BATCHES = development_batches()
CORPUS = "corpus"

FigureReader = Callable[[str], list[FigureFact]]


def fold_names() -> list[str]:
    return [CORPUS, *(f"b{b}" for b in DEV_BATCHES)]


def gold_of(fold: str) -> list[dict]:
    """The gold records of one fold (the corpus, or one development batch)."""
    if fold == CORPUS:
        return load_gold(CORPUS_GOLD)
    return load_gold(UNSEEN_GOLD, batch=int(fold[1:]))


def dev_files() -> dict[str, str]:
    """File name -> fold of the unseen documents of the development batches (only those)."""
    data = json.loads(UNSEEN_GOLD.read_text("utf-8"))
    return {Path(d["file"]).name: f"b{d.get('batch', 1)}" for d in data["documents"]
            if d.get("batch", 1) in DEV_BATCHES}  # fmt: skip


def fold_of(source: str, files: dict[str, str]) -> str | None:
    """The fold a passage's source file belongs to: corpus/ files are the corpus, the unseen ones by name; any
    other file (a later batch) None."""
    if source.startswith("corpus/") or "/corpus/" in source:
        return CORPUS
    return files.get(Path(source).name)


def dev_passages(rows: Iterable[dict]) -> list[Passage]:
    """The record-type passages of the corpus and the development batches, from stored rows (id, text, meta)."""
    files = dev_files()
    out = []
    for r in rows:
        meta = r["meta"]
        if meta.get("doc_type") in RECORD_TYPES and fold_of(str(meta.get("source", "")), files) is not None:
            out.append(Passage(r["id"], r["text"], meta))
    return out


def index_passages(data_dir: Path | None = None) -> list[Passage]:
    """The development passages of the index in `data_dir` (default: the settings' LGNET_DATA_DIR)."""
    from lgnet.config import Settings
    from lgnet.embedders import get_embedder
    from lgnet.store import Store

    settings = Settings() if data_dir is None else Settings(data_dir=data_dir)
    embedder = get_embedder(settings.embedding_model, settings.threads)  # its name and dim only: not loaded
    store = Store(settings, embedder.name, embedder.dim)
    return dev_passages(store.iter_chunks())


def build(passages: list[Passage], reader: FigureReader | None = None, chooser: AreaChooser | None = None
          ) -> tuple[list[PracticeRecord], list[ProjectFacts]]:  # fmt: skip
    """The records and project facts of these passages, grouped and built as the repository does, their periods
    completed from their phase's programme documents as the read model serves them (`programme.with_phase`)."""
    groups: dict[str, list[Passage]] = defaultdict(list)
    for p in passages:
        for g in passage_groups(p):
            groups[g].append(p)
    boilerplate = programme_boilerplate(city_keys(groups, text_keys(passages)))
    builder = RecordBuilder(figure_reader=reader, area_chooser=chooser)
    records: list[PracticeRecord] = []
    projects: list[ProjectFacts] = []
    phases: dict[str, PhaseFacts] = {}
    for gkey in sorted(groups):
        city, phase = gkey.split("|")
        if city:
            found, project = builder.build(city, phase or None, groups[gkey], boilerplate)
            records += found
            projects.append(project)
        elif phase:  # a phase's programme documents: its years, as the read model serves them to its records
            members = [Member(p.id, p.doc_id, int(p.meta.get("chunk_index", 0)),
                              dated(p, builder.memo(p), builder.sentence_of)) for p in groups[gkey]]  # fmt: skip
            members = sorted((m for m in members if m.dated), key=lambda m: (m.doc_id, m.position, m.id))
            phases[phase] = phase_facts(phase, members, boilerplate)
    served: list[PracticeRecord | ProjectFacts] = [*records, *projects]
    phases = agreed_phases(served, phases)
    for item in served:
        with_phase(item, phases.get(item.phase or ""))
    return records, projects


def dev_gold() -> dict[str, list[dict]]:
    """The gold records of every fold."""
    return {f: gold_of(f) for f in fold_names()}


def score(records: list[PracticeRecord], projects: list[ProjectFacts], gold: dict[str, list[dict]]
          ) -> dict[str, Evaluation]:  # fmt: skip
    return {f: evaluate(f, g, records, projects) for f, g in gold.items()}


# --- learning ------------------------------------------------------------------------------------------------
def samples(passages: list[Passage], gold: dict[str, list[dict]], folds: Iterable[str]) -> list[tuple[dict, int]]:
    """Every candidate count of the passages of `folds` whose city the fold's gold covers, labelled 1 when its
    value and unit are a gold figure of that city and phase (optional gold figures are left out)."""
    from knowledge.figure_model import candidates

    files = dev_files()
    wanted = set(folds)
    out: list[tuple[dict, int]] = []
    seen: set[tuple[str | None, str]] = set()
    for p in sorted(passages, key=lambda p: p.id):
        fold = fold_of(str(p.meta.get("source", "")), files)
        if fold not in wanted:
            continue
        records = [g for g in gold[fold or ""] if g["city"] == p.meta.get("city")
                   and g.get("phase") in (None, p.meta.get("phase"))]  # fmt: skip
        if not records:
            continue
        figs = [f for g in records for f in g.get("figures", [])]
        keys = {(float(f["value"]), unit_key(str(f["unit"]))) for f in figs if not f.get("optional")}
        optional = {(float(f["value"]), unit_key(str(f["unit"]))) for f in figs if f.get("optional")}
        for s in sentences(p.text, p.meta.get("header_end", 0)):
            body = clean(s.text)
            if (fold, key(body)) in seen:
                continue  # a sentence of syndicated copies (the corpus's press review) once
            seen.add((fold, key(body)))
            for c in candidates(body):
                k = (c.fact.value, unit_key(c.fact.unit))
                if k not in optional:
                    out.append((c.features, int(k in keys)))
    return out


def trainer(passages: list[Passage], gold: dict[str, list[dict]], c: float = 1.0, threshold: float = 0.5
            ) -> Callable[[list[str]], FigureReader]:  # fmt: skip
    """Train on the named folds, read with the result."""
    from knowledge.figure_model import fit

    def train(folds: list[str]) -> FigureReader:
        return fit(samples(passages, gold, folds), c, threshold).reader()

    return train


@dataclass
class FoldRow:
    fold: str
    rules: Evaluation
    learned: Evaluation | None = None


def cross_validate(passages: list[Passage], gold: dict[str, list[dict]],
                   train: Callable[[list[str]], FigureReader] | None = None,
                   chooser: AreaChooser | None = None) -> list[FoldRow]:  # fmt: skip
    """Per fold of `gold`: the rules' figures (with `chooser`'s areas when given), and those of a reader trained
    on the other folds only, with the same `chooser` (`train` is given the training folds' names and returns a
    reader; it never sees the held-out fold's gold)."""
    rules = score(*build(passages, chooser=chooser), gold)
    rows = []
    for fold in gold:
        learned = None
        if train is not None:
            reader = train([f for f in gold if f != fold])
            learned = score(*build(passages, reader, chooser), {fold: gold[fold]})[fold]
        rows.append(FoldRow(fold, rules[fold], learned))
    return rows


def _pr(ev: Evaluation | None, city: bool = False) -> str:
    if ev is None:
        return "-"
    return _score(ev.figures_city if city else ev.figures)


def table(rows: list[FoldRow]) -> str:
    """Figures P/R (right/wrong/missed) per held-out fold, area attributed and city level."""
    lines = ["| held out | rules (area) | learned (area) | rules (city) | learned (city) |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.fold} | {_pr(r.rules)} | {_pr(r.learned)} | {_pr(r.rules, True)} | "
                     f"{_pr(r.learned, True)} |")  # fmt: skip
    return "\n".join(lines)


def fields_table(rows: list[FoldRow]) -> str:
    """The rules' partners, period, budget, contacts' e-mail and target groups P/R (right/wrong/missed) per fold."""
    lines = ["| fold | partners | period | budget | contacts (e-mail) | target groups |", "|---|---|---|---|---|---|"]
    for r in rows:
        cells = [_score(s) for s in (r.rules.partners, r.rules.period, r.rules.budget, r.rules.contacts,
                                     r.rules.target_groups)]  # fmt: skip
        lines.append(f"| {r.fold} | {' | '.join(cells)} |")
    return "\n".join(lines)


def _score(s: Score) -> str:
    p = "n/a" if s.precision is None else f"{s.precision:.2f}"
    r = "n/a" if s.recall is None else f"{s.recall:.2f}"
    return f"{p}/{r} ({s.tp}/{s.fp}/{s.fn})"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="the index (default: LGNET_DATA_DIR)")
    ap.add_argument("--learned", action="store_true", help="also a figure reader trained on the other folds")
    ap.add_argument("--c", type=float, default=1.0, help="the logistic regression's inverse regularisation")
    ap.add_argument("--threshold", type=float, default=0.5, help="how likely a reading the rules left must be")
    ap.add_argument("--misses", action="store_true", help="list the rules' misses and wrong figures per fold")
    ap.add_argument(
        "--fields", action="store_true", help="also partners, period, budget, contacts and target groups per fold"
    )
    ap.add_argument("--shipped", action="store_true",
                    help="the records as the repository builds them: with the shipped area model "
                         "(lgnet/data/area_model.json), trained on these folds, so not a held-out figure")  # fmt: skip
    args = ap.parse_args(argv)
    passages = index_passages(args.data_dir)
    gold = dev_gold()
    trained = trainer(passages, gold, args.c, args.threshold) if args.learned else None
    rows = cross_validate(passages, gold, trained, shipped() if args.shipped else None)
    print(table(rows))
    if args.fields:
        print("\n" + fields_table(rows))
    if args.misses:
        for r in rows:
            print(f"\n{r.fold}: missed {r.rules.figures.misses}\n  wrong {r.rules.figures.wrong}")
            if args.fields:
                for name, s in (("partners", r.rules.partners), ("period", r.rules.period),
                                ("budget", r.rules.budget), ("contacts", r.rules.contacts),
                                ("target groups", r.rules.target_groups)):  # fmt: skip
                    print(f"  {name} missed {s.misses}\n  {name} wrong {s.wrong}")


if __name__ == "__main__":
    main()
