"""The learned figure area (`knowledge.area_model`) trained and measured: `python -m knowledge.area_cv`.

Samples: every count the records read (in a sentence or a table row) for a (city, phase) whose fold's gold has
a figure of the same value and unit (`knowledge.evaluation.unit_key`) in exactly one area (or none: the whole
project's); that area is its label. Features are computed by the rules of the checkout (the rules' area and
why, cues, section, document) while the records are built (`figure_cv.build` with a recording chooser).

Protocol (`--select`): leave-one-fold-out inside the selection folds only (the corpus and the batches given,
never the hold-out batch), per count: how many of the rules' wrong areas the model fixes and how many right ones
it breaks, for a grid of C, override thresholds and feature sets; the best net gain is chosen. Measure
(default): the records rebuilt end to end with a model trained on the other folds, scored per fold with
`knowledge.evaluation` (area attributed and city level), for the rules, the model alone (its area always) and
the two combined (the model overrides the rules when at least `threshold` sure); with `--holdout B`, the model
trained on every fold before batch B and scored on B, aggregate numbers only.

Measured 2026-12-06 on the rules of cfc0571 (batch 10 never read by them), index of corpus/ and
tests/unseen/documents (batches 1-10), 856 labelled counts (corpus 39, b1-b9 61-117, b10 92):
- Selection (`--select 10`: corpus, b1-b9 only; chosen before batch 10 was scored): with thresholds of 0.5 and
  more the model changes almost nothing (0 or 1 count of 764); the best net was its likeliest area (threshold
  0) where the rules found no area (gate "none"), all features, C 0.3: 16 fixed, 11 broken.
- Hold-out b10 (`--holdout 10 --c 0.3 --threshold 0 --gate none`; trained on corpus + b1-b9), figures P/R
  (right/wrong/missed): area attributed, rules 0.65/0.58 (52/28/37), model alone (its area everywhere)
  0.69/0.62 (55/25/34), combined 0.68/0.61 (54/26/35); city level 0.84/0.75 (67/13/22) for all three.
- Leave-one-batch-out over corpus, b1-b10 (same settings), summed: area attributed, rules 0.92/0.90
  (613/56/66), model alone 0.90/0.89 (604/67/75), combined 0.90/0.89 (605/64/74); city level 0.96/0.94
  (641/29/38) for all three. Per fold only the corpus (23 -> 12: the figures its gold files under no area, which
  no batch's gold does, moved to an area), b4 (model alone 52 -> 51), b7 (combined 59 -> 60) and b10 change.
- Decision: not shipped (it loses the leave-one-batch-out aggregate). The per-count selection overrated it: of
  the 23 counts of b1-b9 the rules left without an area, 15 state figures the gold marks optional (the score
  neither rewards nor penalises them), while the corpus's project totals it broke all count.
- Features from the rules that had not read each batch (`knowledge.area_walk`) do better: see its docstring.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from knowledge.area_model import GATES, NONE, AreaContext, AreaModel, features, fit
from knowledge.evaluation import Evaluation, Score, unit_key
from knowledge.figure_cv import CORPUS, build, dev_files, dev_gold, fold_of, index_passages, score
from knowledge.records import Passage
from lgnet.gazetteer import same_comune
from lgnet.taxonomy import Taxonomy

# Feature sets: all of them; without the rules' own choice (what the words say alone).
FEATURE_SETS: dict[str, Callable[[str], bool]] = {
    "all": lambda name: True,
    "no-rules": lambda name: not name.startswith(("rules=", "why=")),
}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


@dataclass
class Sample:
    fold: str
    key: tuple[str, int, int]
    features: dict[str, float]
    rules: str  # the rules' area, NONE for the whole project's
    why: str  # why the rules chose it
    label: str
    figure: tuple[str | None, str | None, float, str]  # city, phase, value, unit key: the figure it states


def samples(passages: list[Passage], gold: dict[str, list[dict]]) -> list[Sample]:
    """The labelled counts of the passages (see the module's docstring), each with its fold."""
    files = dev_files()
    source = {p.id: str(p.meta.get("source", "")) for p in passages}
    seen: list[AreaContext] = []

    def record(ctx: AreaContext) -> str | None:
        seen.append(ctx)
        return ctx.rules

    build(passages, chooser=record)
    taxonomy = Taxonomy.default()
    out = []
    for ctx in seen:
        fold = fold_of(source.get(ctx.key[0].split("#")[0], ""), files)
        if fold is None or fold not in gold:
            continue
        wanted = (ctx.fact.value, unit_key(ctx.fact.unit))
        areas = {f["area"] or NONE for g in gold[fold] if same_comune(g["city"], ctx.city or "")
                 and g.get("phase") in (None, ctx.phase) for f in g.get("figures", [])
                 if (float(f["value"]), unit_key(str(f["unit"]))) == wanted}  # fmt: skip
        if len(areas) == 1:
            out.append(
                Sample(
                    fold,
                    ctx.key,
                    features(ctx, taxonomy),
                    ctx.rules or NONE,
                    ctx.why,
                    areas.pop(),
                    (ctx.city, ctx.phase, *wanted),
                )
            )  # fmt: skip)
    return out


def _keep(feats: dict[str, float], feature_set: str) -> dict[str, float]:
    keep = FEATURE_SETS[feature_set]
    return {k: v for k, v in feats.items() if keep(k)}


def train(rows: Iterable[Sample], c: float, threshold: float, feature_set: str = "all", gate: str = "all"
          ) -> AreaModel:  # fmt: skip
    model = fit([(_keep(s.features, feature_set), s.label) for s in rows], c, threshold, gate)
    model.about["feature_set"] = feature_set
    return model


@dataclass
class Tally:
    right: int = 0  # the rules' area right, kept
    fixed: int = 0  # the rules' area wrong, the model's right
    broken: int = 0  # the rules' area right, the model's wrong
    wrong: int = 0  # wrong both ways

    @property
    def net(self) -> int:
        return self.fixed - self.broken


def tally(model: AreaModel, rows: Iterable[Sample], feature_set: str, threshold: float, gate: str) -> Tally:
    t = Tally()
    allowed = GATES[gate]
    for s in rows:
        if allowed is not None and s.why not in allowed:
            t.right += s.rules == s.label
            t.wrong += s.rules != s.label
            continue
        p = model.probabilities(_keep(s.features, feature_set))
        best = model.classes[max(range(len(p)), key=lambda i: p[i])]
        chosen = best if best != s.rules and p[model.classes.index(best)] >= threshold else s.rules
        if s.rules == s.label:
            t.right += chosen == s.label
            t.broken += chosen != s.label
        else:
            t.fixed += chosen == s.label
            t.wrong += chosen != s.label
    return t


def select(rows: list[Sample], folds: list[str]) -> list[tuple[int, str, float, float, str, Tally]]:
    """Per (feature set, C, threshold, gate), the summed per-count tally of leaving each of `folds` out (trained on
    the others of `folds` only), best net gain first."""
    results = []
    for feature_set in FEATURE_SETS:
        for c in C_GRID:
            per_t = {(t, g): Tally() for t in (*THRESHOLD_GRID, 0.0) for g in GATES}
            for held in folds:
                model = train([s for s in rows if s.fold in folds and s.fold != held], c, 0.5, feature_set)
                test = [s for s in rows if s.fold == held]
                for (t, g), acc in per_t.items():
                    got = tally(model, test, feature_set, t, g)
                    for name in ("right", "fixed", "broken", "wrong"):
                        setattr(acc, name, getattr(acc, name) + getattr(got, name))
            results += [(acc.net, feature_set, c, t, g, acc) for (t, g), acc in per_t.items()]
    return sorted(results, key=lambda r: (-r[0], r[1], r[2], -r[3], r[4]))


# --- end to end --------------------------------------------------------------------------------------------------
@dataclass
class Row:
    fold: str
    rules: Evaluation
    model: Evaluation
    combined: Evaluation


def measure(passages: list[Passage], gold: dict[str, list[dict]], rows: list[Sample], held: str,
            train_folds: list[str], c: float, threshold: float, feature_set: str, gate: str,
            rules: Evaluation | None = None) -> Row:  # fmt: skip
    """The held-out fold's records rebuilt with a model trained on `train_folds` only: alone and combined."""
    model = train([s for s in rows if s.fold in train_folds and s.fold != held], c, threshold, feature_set, gate)
    keep = FEATURE_SETS[feature_set]
    taxonomy = Taxonomy.default()

    def chooser(t: float, g: str) -> Callable[[AreaContext], str | None]:
        def choose(ctx: AreaContext) -> str | None:
            model.threshold, model.gate = t, g
            return model.choose(ctx, {k: v for k, v in features(ctx, taxonomy).items() if keep(k)})

        return choose

    one = {held: gold[held]}
    rules = rules or score(*build(passages), one)[held]
    alone = score(*build(passages, chooser=chooser(0.0, "all")), one)[held]  # its likeliest area everywhere
    combined = score(*build(passages, chooser=chooser(threshold, gate)), one)[held]
    return Row(held, rules, alone, combined)


def _pr(s: Score) -> str:
    p = "n/a" if s.precision is None else f"{s.precision:.2f}"
    r = "n/a" if s.recall is None else f"{s.recall:.2f}"
    return f"{p}/{r} ({s.tp}/{s.fp}/{s.fn})"


def _sum(scores: Iterable[Score]) -> Score:
    out = Score()
    for s in scores:
        out.tp, out.fp, out.fn = out.tp + s.tp, out.fp + s.fp, out.fn + s.fn
    return out


def table(rows: list[Row]) -> str:
    """Figures P/R (right/wrong/missed) per held-out fold and summed: area attributed, then city level."""
    lines = ["| held out | rules (area) | model (area) | combined (area) | rules (city) | model (city) | "
             "combined (city) |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        cells = [_pr(e.figures) for e in (r.rules, r.model, r.combined)]
        cells += [_pr(e.figures_city) for e in (r.rules, r.model, r.combined)]
        lines.append(f"| {r.fold} | {' | '.join(cells)} |")
    if len(rows) > 1:
        cells = [_pr(_sum(getattr(r, k).figures for r in rows)) for k in ("rules", "model", "combined")]
        cells += [_pr(_sum(getattr(r, k).figures_city for r in rows)) for k in ("rules", "model", "combined")]
        lines.append(f"| all | {' | '.join(cells)} |")
    return "\n".join(lines)


def _before(fold: str, batch: int) -> bool:
    return fold == CORPUS or int(fold[1:]) < batch


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="the index (default: LGNET_DATA_DIR)")
    ap.add_argument("--select", type=int, metavar="B", help="choose C, threshold and features by leaving each "
                    "fold before batch B out (batch B and later are never read)")  # fmt: skip
    ap.add_argument("--holdout", type=int, metavar="B", help="train on the folds before batch B, score batch B")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--features", choices=sorted(FEATURE_SETS), default="all")
    ap.add_argument("--gate", choices=sorted(GATES), default="all", help="which of the rules' choices it may override")
    ap.add_argument("--train", type=Path, help="train on every fold and write the weights here")
    args = ap.parse_args(argv)
    passages = index_passages(args.data_dir)
    gold = dev_gold()
    rows = samples(passages, gold)
    per_fold: dict[str, int] = defaultdict(int)
    for s in rows:
        per_fold[s.fold] += 1
    if args.select:
        folds = [f for f in gold if _before(f, args.select)]
        used = [s for s in rows if s.fold in folds]
        print(f"samples {len(used)} in {folds}: rules right {sum(s.rules == s.label for s in used)}")
        print("| net | features | C | threshold | gate | fixed | broken | wrong both | right kept |")
        print("|---|---|---|---|---|---|---|---|---|")
        for net, fs, c, t, g, acc in select(rows, folds)[:25]:
            print(f"| {net} | {fs} | {c} | {t} | {g} | {acc.fixed} | {acc.broken} | {acc.wrong} | {acc.right} |")
        return
    if args.train:
        model = train(rows, args.c, args.threshold, args.features, args.gate)
        model.about["folds"] = sorted(per_fold)
        model.save(args.train)
        print(f"{args.train}: {model.about}")
        return
    if args.holdout:
        held = f"b{args.holdout}"
        before = [f for f in gold if _before(f, args.holdout)]
        print(table([measure(passages, gold, rows, held, before, args.c, args.threshold, args.features, args.gate)]))
        return
    plain = score(*build(passages), gold)  # the rules have no training: one build serves every fold
    out = [measure(passages, gold, rows, f, list(gold), args.c, args.threshold, args.features, args.gate, plain[f])
           for f in gold]  # fmt: skip
    print(f"samples per fold: {dict(per_fold)}")
    print(table(out))


if __name__ == "__main__":
    main()
