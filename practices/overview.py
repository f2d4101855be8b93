"""The designer's overview: cities x intervention areas x phases on one page. What each city did (practices,
budget, period), where the gaps are, and which network cities have no documents yet (LGNet3 partners are
listed from the network data before any document arrives). Filters combine: phase AND area AND region (any
of the values chosen within one)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lgnet.errors import InvalidRequest
from lgnet.practice import Budget, PracticeRecord
from lgnet.vocabulary import PHASES
from retrieval.browse import list_cities
from retrieval.practices import get_catalogue
from retrieval.service import SearchService

SORTS = ("city", "practices", "region")


def budget_total(budget: Budget) -> float | None:
    """A record's total budget in euro, or None when its documents state none."""
    return budget.total.value if budget.total is not None else None


def overview(
    service: SearchService,
    phase: list[str] | None = None,
    area: list[str] | None = None,
    region: list[str] | None = None,
    sort: str = "city",
) -> dict:
    filters = service.filters({"phase": phase, "area": area, "region": region})
    phase, area, region = list(filters.phase), list(filters.intervention), list(filters.region)
    codes = service.taxonomy.codes
    cities = list_cities(service)["cities"]
    regions = sorted({c["region"] for c in cities if c["region"]})
    if sort not in SORTS:
        raise InvalidRequest(f"unknown sort {sort!r}", {"field": "sort", "allowed": list(SORTS)})

    shown_areas = [a for a in codes if not area or a in area]
    records = [r for r in get_catalogue(service).models() if (not phase or r.phase in phase) and r.area in shown_areas]
    by_city: dict[str, list[PracticeRecord]] = defaultdict(list)
    for r in records:
        by_city[r.city].append(r)

    out = []
    for c in cities:
        if region and c["region"] not in region:
            continue
        mine = by_city.get(c["name"], [])
        # A phase filter keeps the cities of that phase (members, even without documents) and those with records.
        if phase and not mine and not set(phase) & set(c["phases"]):
            continue
        if not mine and not c["phases"] and not c["documents"]:
            continue
        cells: dict[str, dict[str, Any]] = {}
        for code in shown_areas:
            rs = sorted((r for r in mine if r.area == code), key=lambda r: _phase_order(r.phase))
            budgets = [b for r in rs if (b := budget_total(r.budget)) is not None]
            starts = sorted(r.period.start for r in rs if r.period.start)
            ends = sorted(r.period.end for r in rs if r.period.end)
            cells[code] = {
                "practices": len(rs),
                "items": [{"id": r.id, "phase": r.phase} for r in rs],
                "phases": sorted({r.phase for r in rs if r.phase}, key=_phase_order),
                "budget": sum(budgets) if budgets else None,
                "start": starts[0] if starts else None,
                "end": ends[-1] if ends else None,
            }
        out.append(
            {
                "city": c["name"],
                "name_en": c["name_en"],
                "region": c["region"],
                "phases": c["phases"],
                "documents": c["documents"],
                "practices": len(mine),
                "budget": sum(x["budget"] for x in cells.values() if x["budget"] is not None) or None,
                "gaps": [code for code, x in cells.items() if not x["practices"]],
                "cells": cells,
            }
        )
    if sort == "practices":
        out.sort(key=lambda row: (-row["practices"], row["city"]))
    elif sort == "region":
        out.sort(key=lambda row: (row["region"] or "", row["city"]))
    return {
        "filters": {"phase": phase, "area": area, "region": region, "sort": sort},
        "options": {"phase": list(PHASES), "area": codes, "region": regions, "sort": list(SORTS)},
        "areas": shown_areas,
        "cities": out,
        "totals": {
            "cities": len(out),
            "practices": sum(row["practices"] for row in out),
            "cells": len(out) * len(shown_areas),
            "gaps": sum(len(row["gaps"]) for row in out),
            "without_documents": sum(1 for row in out if not row["documents"]),
        },
    }


def _phase_order(phase: str | None) -> int:
    return PHASES.index(phase) if phase in PHASES else len(PHASES)
