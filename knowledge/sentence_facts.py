"""What the rules find in one sentence that is not the programme's boilerplate, all at once (kept per passage in
its readings: `knowledge.readings`): its counts and what their own sentence says of their area, unit amounts stated
as averages, money, an activity, a result, transferability, target groups, periods and a contact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge import figures as fig
from knowledge import mentions, money
from knowledge.attribution import figure_area
from knowledge.target_groups import inline_groups, stated_groups
from lgnet.taxonomy import Taxonomy


@dataclass(frozen=True)
class Said:
    """What the rules find in one sentence that is not the programme's boilerplate (kept per passage)."""

    figures: list[fig.FigureFact]
    decided: list[tuple[bool, str | None]]  # per count, what its own sentence says of its area
    averages: list[tuple[fig.FigureFact, tuple[bool, str | None]]]  # unit amounts stated as averages, as counts
    amounts: list[money.AmountFact]
    activity: mentions.Mention | None
    result: bool
    transferability: bool
    groups: list[mentions.Mention]  # the target groups it states as noun phrases (`knowledge.target_groups`)
    inline: list[mentions.Mention]  # ... and those it names in passing, with what kind of people they are
    periods: list[mentions.Mention]
    contact: mentions.ContactFact | None


def said(body: str, figure_reader: Callable[[str], list[fig.FigureFact]], taxonomy: Taxonomy,
         areas: Callable[[str], list[str]], periods: list[mentions.Mention] | None = None) -> Said:  # fmt: skip
    """Every per-sentence rule of a sentence that is not boilerplate, at once (`areas`: those it names itself;
    `periods`: `mentions.periods(body)` when read already)."""
    counts = figure_reader(body)
    spans = [(f.start, f.end) for f in counts]
    found = money.amounts(body)
    averages = []
    for a in found:
        if a.kind == "unit" and money.average(body, a):  # "un contributo medio di 900 euro": what each got
            f = fig.FigureFact(a.value, "euro", a.label, a.text, a.start, a.end)
            averages.append((f, figure_area(body, f, taxonomy, spans)))
    return Said(
        figures=counts,
        decided=[figure_area(body, f, taxonomy, spans) for f in counts],
        averages=averages,
        amounts=found,
        activity=mentions.activity(body),
        result=mentions.result(body),
        transferability=mentions.transferability(body),
        groups=stated_groups(body),
        inline=inline_groups(body),
        periods=mentions.periods(body) if periods is None else periods,
        contact=mentions.contact(body),
    )
