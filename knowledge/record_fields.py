"""What a group's merged facts become (`knowledge.records` builds them): the counts settled across its documents
(tables, headlines, dates, denied partners), the project's facts in the city, the records' and projects' ids, the
text lexical search reads of a record."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from knowledge import figures as fig
from knowledge.doc_parts import Bucket
from knowledge.merging import (
    budget_of,
    contacts_of,
    headlines_yield,
    merge_figures,
    merge_partners,
    stated_period,
    unique_sourced,
)
from knowledge.partner_denials import undenied
from knowledge.table_counts import counted
from knowledge.timeframe import results_only, target
from lgnet.practice import PracticeRecord, ProjectFacts
from lgnet.text import fold

MAX_ACTIVITIES = 8


def as_target(f: fig.FigureFact) -> fig.FigureFact:
    """A count stated as a target says so in its label ("persone prese in carico (obiettivo)")."""
    return f if "obiettiv" in f.label else replace(f, label=f"{f.label} (obiettivo)")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def practice_id(city: str, area: str, phase: str | None) -> str:
    return f"{slug(city)}-{slug(area)}-{slug(phase or 'nd')}"


def project_id(city: str, phase: str | None) -> str:
    return f"{slug(city)}-{slug(phase or 'nd')}"


# "Dei 18 iscritti ...", "Of the 57 who ...": the whole a clause opens with, the part after its comma.
_WHOLE_OPENING = re.compile(r"(?:^|[;:.]\s*|,\s*)(?:dei|degli|delle|of\s+the)\s+$", re.I)


def settle_figures(buckets: dict[str | None, Bucket], tabled: list, rows: dict[str, list[tuple[int, int]]],
                   periods: list, denials: dict[str, list[str]]) -> None:  # fmt: skip
    """What crosses the group's documents once their parts are merged: a table's counts against the text's, a
    headline's against the text's, counts dated before the project's start, denied partners, a count said without
    its area that another area has."""
    # A table restates what its document's text says (an indicator table closing a report): the text's sentence
    # says it better, with its own area and words. A table's count the text never states is the record's.
    # The rows it reads by their columns are not read again as a sentence ("... | 40 | 28 Nuove prese in carico");
    # nor is a count of the place in a context section (`knowledge.context`: "lavorano circa 230 pescatori").
    for b in buckets.values():
        b.figures = [(r, f) for r, f in b.figures if not any(
            a <= r.sentence.start + f.start < z for a, z in rows.get(r.passage.id, ()))]  # fmt: skip
    # A whole a clause opens with ("Dei 215 contatti dell'unità di strada, 40 ...") is a count only where its
    # document states its number nowhere else, under any noun ("33 tirocini avviati ... Dei 33 tirocinanti, 19
    # ..."), nor in a table: else it points back to that count.
    wholes = {id(f) for b in buckets.values() for r, f in b.figures if _WHOLE_OPENING.search(r.body[: f.start])}
    if wholes:
        others: dict[tuple, int] = defaultdict(int)
        for b in buckets.values():
            for r, f in b.figures:
                if id(f) not in wholes:
                    others[(r.passage.doc_id, f.value)] += 1
        for _, r, f in tabled:  # (a table's row states it too: "People met | 1,500 | 1,184")
            others[(r.passage.doc_id, f.value)] += 1
        for b in buckets.values():
            b.figures = [(r, f) for r, f in b.figures if id(f) not in wholes
                         or not others[(r.passage.doc_id, f.value)]]  # fmt: skip
    stated_here: set[tuple] = {(r.passage.doc_id, f.value, counted(f.unit)) for b in buckets.values()
                               for r, f in b.figures}  # fmt: skip
    # ... also where the text's count names it by a word of the row's label ("13 assunte" in a headline, the row
    # "Donne assunte nella ristorazione | 13"): a participle or a noun the persons' lists do not know
    words_here: dict[tuple, set[str]] = defaultdict(set)
    for b in buckets.values():
        for r, f in b.figures:
            words_here[(r.passage.doc_id, f.value)].add(fold(f.unit).lower())
    for area, read, f in tabled:  # two rows are two facts ("40 volunteers", "40 staff"); a row read twice, one
        said = words_here.get((read.passage.doc_id, f.value), set())
        if any(len(w) >= 4 and re.search(rf"\b{re.escape(w)}\b", fold(read.body).lower()) for w in said):
            continue
        if not {told := (read.passage.doc_id, f.value, counted(f.unit)), (*told, read.body)} & stated_here:
            stated_here.add((*told, read.body))
            buckets[area].figures.append((read, f))
    for area, yielded in headlines_yield({a: b.figures for a, b in buckets.items()}).items():
        buckets[area].figures = yielded
    # Results only: counts dated before the project's stated start, and targets beside results, are not.
    start = stated_period(periods).start
    for b in buckets.values():
        b.partners = undenied(b.partners, denials)
        b.figures = results_only(b.figures, lambda i: i[0].body, lambda i: i[0].passage.doc_id, start,
                                 lambda i: (i[1].start, i[1].end))  # fmt: skip
        # a stated target says so in its label ("persone prese in carico (obiettivo)")
        b.figures = [(r, as_target(f) if target(r.body, (f.start, f.end)) else f) for r, f in b.figures]
    # ... by the head of its noun too: "530 visite" in a headline is the report's "530 visite mediche"
    # (persons under another noun too: a headline's "Trentadue giovani" is the text's "32 ragazzi")
    stated = {(f.value, counted(f.unit)) for area, b in buckets.items() if area for _, f in b.figures}
    if None in buckets:  # the same count said without its area elsewhere is the same fact
        buckets[None].figures = [(r, f) for r, f in buckets[None].figures
                                 if (f.value, counted(f.unit)) not in stated]  # fmt: skip


def project_facts(city: str, phase: str | None, b: Bucket, periods: list, amounts: list, contacts: list
                  ) -> ProjectFacts:  # fmt: skip
    """The facts of the whole project in the city: those whose sentence names no area, its period, budget and
    contacts."""
    return ProjectFacts(
        id=project_id(city, phase),
        city=city,
        phase=phase,
        figures=merge_figures(b.figures),
        partners=merge_partners(b.partners),
        activities=unique_sourced(b.activities, MAX_ACTIVITIES),
        results=unique_sourced([(r, r.body) for r in b.results], 5),
        transferability=unique_sourced([(r, r.body) for r in b.transferability], 3),
        period=stated_period(periods),
        budget=budget_of(amounts),
        contacts=contacts_of(contacts),
    )


def record_text(record: PracticeRecord) -> str:
    """What lexical search reads of a record."""
    parts = [record.title, record.title_en, record.city, record.area_label_it, record.area_label_en]
    parts += [s.text for s in record.summary] + [a.text for a in record.activities]
    parts += [p.name for p in record.partners] + [t.label_it for t in record.target_groups]
    parts += [f"{f.value} {f.unit_label_it} {f.label}" for f in record.figures]
    return "\n".join(parts)
