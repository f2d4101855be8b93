"""One data function per page. Each returns the plain dict that the HTML page, its htmx fragment and its JSON
twin (`?format=json`) all render: the site has no second code path for JSON.

They build on the retrieval layer's data functions (retrieval.service, retrieval.browse) and add only what a
page needs on top: the search state, facet counts for multi-select, the map's coordinates.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from practices.cards import with_practices
from retrieval.browse import city_profile, get_document, intervention_comparison, list_cities
from retrieval.service import SearchService
from web.geo import Projection
from web.state import FILTERS, PAGE_SIZE, SearchState

MAP_OUTLINE = Path(__file__).resolve().parent / "static" / "map" / "italy.json"
SIMILAR_SHOWN = 5


def search_page(service: SearchService, state: SearchState) -> dict:
    """Results, facets and answer of a search. A facet with a ticked value counts as if it were not ticked,
    so that a second city can be added to the first (multi-select facets)."""
    found = service.search(state.request())
    result = with_practices(service, found.to_contract(), found.filters)
    for name in FILTERS:
        if getattr(state, name):
            others = service.search(state.request(k=1, **{name: []}))
            result["facets"][name] = others.facets[name]
    result["state"] = state.to_dict()
    result["pages"] = max(1, math.ceil(result["total"] / PAGE_SIZE))
    return result


def document_page(service: SearchService, doc_id: str, passage: str | None = None) -> dict:
    """A document with its passages; the similar passages are those like the chosen passage (or the first),
    from other cities."""
    data = get_document(service, doc_id, similar=0)
    ids = [c["id"] for c in data["chunks"]]
    chosen = passage if passage in ids else None
    source = chosen or (ids[0] if ids else None)
    own_city = data["document"]["city"]
    similar = [h.to_dict() for h in service.similar(source, k=SIMILAR_SHOWN * 3)] if source else []
    data["similar"] = [h for h in similar if h["city"] and h["city"] != own_city][:SIMILAR_SHOWN]
    data["passage"] = chosen
    return data


def city_page(service: SearchService, name: str) -> dict:
    return city_profile(service, name)


def intervention_page(service: SearchService, code: str) -> dict:
    return intervention_comparison(service, code)


def interventions_index(service: SearchService) -> dict:
    """The intervention areas, each with the cities that worked on it and their documents."""
    cities = [c for c in list_cities(service)["cities"] if c["lat"] is not None]  # ISTAT gives no coordinates
    areas = []
    for area in service.taxonomy.areas:
        active = [c for c in cities if c["interventions"].get(area.code)]
        areas.append(
            {
                "code": area.code,
                "label_it": area.label_it,
                "label_en": area.label_en,
                "cities": [c["name"] for c in active],
                "documents": sum(c["interventions"][area.code] for c in active),
            }
        )
    return {"areas": areas}


@lru_cache(maxsize=1)
def map_outline() -> dict:
    return json.loads(MAP_OUTLINE.read_text("utf-8"))


def map_page(service: SearchService) -> dict:
    """The network's cities with their place on the vendored outline of Italy and a radius by documents."""
    projection = Projection.from_dict(map_outline()["projection"])
    cities = list_cities(service)["cities"]
    most = max((c["documents"] for c in cities), default=0) or 1
    for c in cities:
        if c["lat"] is None or c["lon"] is None:
            c.update(x=None, y=None, r=None)  # known only for the network's cities: listed, not drawn
            continue
        x, y = projection.xy(c["lon"], c["lat"])
        # Area proportional to the number of documents; cities without documents stay visible.
        radius = 4 + 14 * math.sqrt(c["documents"] / most)
        c.update(x=round(x, 1), y=round(y, 1), r=round(radius, 1))
    return {
        "cities": cities,
        "width": projection.width,
        "height": projection.height,
        "documents": sum(c["documents"] for c in cities),
    }
