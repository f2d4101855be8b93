"""A count's area after the rules': the hook the record builder asks (`RecordBuilder(area_chooser=...)`).

The rules (`knowledge.records`) give each count an area and say why (own, sentence, previous, attended, hosted,
section, table, none). A count left without area is split: "total" where the text gives it as the whole
project's (its own sentence decided so, or `knowledge.area_model.explicit_total`: "complessivamente", "per un
totale di", "beneficiari di tutte le attività", "il progetto ha raggiunto"), which no chooser moves into an area,
and "none" (no cue found). The shipped chooser (`shipped`) is the learned area of
`knowledge.area_model` with the weights of lgnet/data/area_model.json (trained by `python -m knowledge.area_walk
train`): it reads a count of the text with the rules' reason as every version of the rules could say it (an area,
a total, none) and leaves a table's counts to the rules, unless they gave one no area: a row whose cells name no area
("30 famiglie seguite dalla mediatrice", "250 people registered with a family doctor") is read by its label as a
sentence would be.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources

from knowledge.area_model import NONE, TOTAL, AreaChooser, AreaContext, AreaModel, explicit_total, features
from knowledge.figures import FigureFact
from knowledge.sections import Sections
from lgnet.taxonomy import Taxonomy

WEIGHTS = "data/area_model.json"  # inside the lgnet package


def reason(body: str, fact: FigureFact, area: str | None, why: str) -> str:
    """The rules' reason, with "total" for a count left without area that the text gives as the project's: its
    own sentence says so (`knowledge.attribution`: a total after a list of several areas), or a total cue does."""
    if area is None and (why == "own" or (why == NONE and explicit_total(body, fact))):
        return TOTAL
    return why


def context(passage: str, doc: str, start: int, body: str, fact: FigureFact, area: str | None, why: str,
            sections: Sections, documents: dict[str, dict[str, int]], city: str | None, phase: str | None
            ) -> AreaContext:  # fmt: skip
    """What the records know of a count of `passage` (of document `doc`) at sentence `start`, for a chooser."""
    where = (f"{passage}#table" if why == "table" else passage, start, fact.start)  # a table row's apart
    return AreaContext(body, fact, area, reason(body, fact, area, why), sections.area(passage, doc, start),
                       documents.get(doc, {}), where, city, phase)  # fmt: skip


def coarse(ctx: AreaContext) -> AreaContext:
    """The rules' reason as every version of the rules can say it: an area ("area"), no area where the text gives
    the count as the project's total ("total": kept), no area ("none")."""
    if ctx.rules is not None:
        return replace(ctx, why="area")
    return replace(ctx, why=TOTAL if ctx.why == TOTAL or explicit_total(ctx.body, ctx.fact) else NONE)


def model_chooser(model: AreaModel, guard: bool = True) -> AreaChooser:
    """The model's area for a count of the text, the rules' for a table's when they found one (it never learnt table
    rows; a row left without area is read by its label like a sentence); with `guard`,
    none for a count the rules left without area as the project's total."""
    taxonomy = Taxonomy.default()

    def choose(ctx: AreaContext) -> str | None:
        if ctx.why == "table" and ctx.rules is not None:
            return ctx.rules
        ctx = coarse(ctx)
        feats = features(ctx, taxonomy)
        if not guard:  # as if no total were told: the model may move any count
            return model.choose_any(ctx, feats)
        return model.choose(ctx, feats)

    return choose


@cache
def shipped() -> AreaChooser | None:
    """The shipped learned area (read once, on first use), None when the package ships no weights."""
    path = resources.files("lgnet").joinpath(WEIGHTS)
    if not path.is_file():
        return None
    with resources.as_file(path) as p:
        return model_chooser(AreaModel.load(p))
