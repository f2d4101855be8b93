"""The data of the catalogue page (/pratiche): filters that combine (city AND area AND phase, any value within
one), sorting, pages that exist, chips, and an explanation when a phase has no practices yet."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from lgnet.network import Network
from lgnet.vocabulary import PHASES
from practices.overview import budget_total
from retrieval.bounds import MAX_K
from retrieval.practices import FACETS, get_catalogue
from retrieval.service import SearchService

PAGE_SIZE = 20
SORTS = ("relevance", "city", "phase", "figures")
FILTERS = FACETS  # the catalogue's filters are its facets


def catalogue_page(
    service: SearchService, q: str, city: list[str], area: list[str], phase: list[str], sort: str, page: int
) -> dict:
    catalogue = get_catalogue(service)
    filters = service.filters({"city": city, "area": area, "phase": phase}, no_phase=True)
    city, area, phase = list(filters.city), list(filters.intervention), list(filters.phase)
    sort = sort if sort in SORTS else ("relevance" if q.strip() else "city")
    indexed = {r.phase for r in catalogue.models()}
    # A phase of the programme with no document yet (LGNet3) is a real filter with nothing behind it, not an error.
    waiting = [p for p in phase if p in PHASES and p not in indexed]
    asked = replace(filters, phase=tuple(p for p in phase if p not in waiting))
    found: dict[str, Any]
    if phase and not asked.phase:
        found = {"query": q, "total": 0, "results": [], "facets": {name: [] for name in FILTERS}}
    else:
        found = catalogue.search(q, asked, page=1, k=MAX_K)
        for extra in range(2, math.ceil(found["total"] / MAX_K) + 1):
            found["results"] += catalogue.search(q, asked, page=extra, k=MAX_K)["results"]
    results = found["results"]
    records = {r.id: r for r in catalogue.models()}
    if sort == "city":
        results.sort(key=lambda r: (r["city"], PHASES.index(r["phase"]) if r["phase"] in PHASES else 9))
    elif sort == "phase":
        results.sort(key=lambda r: (PHASES.index(r["phase"]) if r["phase"] in PHASES else 9, r["city"]))
    elif sort == "figures":
        results.sort(key=lambda r: (-len(records[r["id"]].figures), r["city"]))
    total = len(results)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    asked_page, page = page, min(page, pages)  # "Pagina 99 di 2" never: the last page, and we say so
    for r in results[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        record = records[r["id"]]
        r["budget"] = budget_total(record.budget)
        r["figures"] = [
            {"value": f.value, "unit": f.unit, "label_it": f.unit_label_it, "label_en": f.unit_label_en}
            for f in record.figures[:4]
        ] or r["figures"]
    state = {"q": q, "city": city, "area": area, "phase": phase, "sort": sort}
    network = Network.default()
    return {
        "query": q,
        "total": total,
        "page": page,
        "pages": pages,
        "page_clamped": asked_page if asked_page != page else None,
        "results": results[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        "facets": found["facets"],
        "state": state,
        "sorts": list(SORTS),
        "areas": service.taxonomy.codes,
        "phases": list(PHASES),
        "waiting_phases": [{"phase": p, "cities": sorted(network.cities(p))} for p in waiting],
        "chips": [
            {"name": name, "value": v, "remove": _url(state, name, v, remove=True)}
            for name in FILTERS
            for v in state[name]
        ],
        "facet_urls": {
            name: {f["value"]: _url(state, name, f["value"]) for f in found["facets"].get(name, [])} for name in FILTERS
        },
        "phase_urls": {p: _url(state, "phase", p) for p in PHASES},
        "page_urls": {n: _url(state, page=n) for n in range(1, pages + 1)},
    }


def _url(state: dict, name: str | None = None, value: str | None = None, remove: bool = False, page: int = 1) -> str:
    """The catalogue URL of `state` with one filter value toggled (added, or removed when present or asked)."""
    params: list[tuple[str, str]] = [("q", state["q"])] if state["q"] else []
    for field in FILTERS:
        values = list(state[field])
        if field == name and value is not None:
            values = [v for v in values if v != value] if (remove or value in values) else [*values, value]
        params += [(field, v) for v in values]
    if state["sort"] and state["sort"] != ("relevance" if state["q"] else "city"):
        params.append(("sort", state["sort"]))
    if page > 1:
        params.append(("page", str(page)))
    return "/pratiche" + (f"?{urlencode(params)}" if params else "")
