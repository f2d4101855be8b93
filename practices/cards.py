"""Practices first: the practice records matching a search, shown as cards above the passages, and for each
passage the records it supports (every field of a record cites the passages it comes from).

The one place search results meet the practice catalogue; the API and the site both call `with_practices`.
"""

from __future__ import annotations

from lgnet.domain import ScoredCard, dump
from retrieval.filters import SearchFilters
from retrieval.practices import card, get_catalogue, record_matches
from retrieval.service import SearchService

CARDS = 3  # cards shown above the passages
CANDIDATES = 20  # catalogue results considered for them
LINKED_FROM = 5  # a record supported by one of the first passages goes first


def with_practices(service: SearchService, result: dict, filters: SearchFilters | None = None) -> dict:
    """Adds `practices` (cards) and each hit's `practice_ids` to a search result's contract (in place)."""
    catalogue = get_catalogue(service)
    links = catalogue.cited_by()
    for hit in result["results"]:
        hit["practice_ids"] = list(links.get(hit["id"], ()))  # a copy: the links are shared
    query = (result.get("suggestion") or result.get("query") or "").strip()
    if not query or result.get("page", 1) != 1:
        result["practices"] = []
        return result
    filters = filters or SearchFilters()
    for_records = filters.for_records()
    # The catalogue's best CANDIDATES, as `catalogue.search` ranks them, kept as records: only the CARDS shown
    # are made into cards (pydantic objects dumped to dicts: 20 of them were most of this function's time).
    found = [(r, round(score, 6)) for r, score in catalogue.matching(query, for_records)[:CANDIDATES]]
    linked = list(dict.fromkeys(pid for hit in result["results"][:LINKED_FROM] for pid in hit["practice_ids"]))
    # The records the first passages support are candidates too: a query the records' own words do not
    # match ("senzatetto", "in Sicilia") still leads to the practices its passages describe.
    known = {r.id for r, _ in found}
    for pid in linked:
        if pid not in known:
            record = catalogue.model(pid)
            if record_matches(for_records, record):
                found.append((record, 0.0))
    parsed = result.get("parsed") or {}
    # The places the query names ("a Cagliari", "in Sicilia") when no city filter says otherwise: only
    # their practices are shown, a card from elsewhere would answer another question.
    places = set(parsed.get("cities") or []) | set(parsed.get("region_cities") or []) if not filters.city else set()
    if places:
        found = [(r, score) for r, score in found if r.city in places]
    order = {pid: i for i, pid in enumerate(linked)}
    # The areas the query names ("trovare casa" is housing) come first when no area filter says otherwise.
    asked = set(parsed.get("interventions") or []) if not filters.intervention else set()
    # Stable: the asked areas first, then the records the first passages support, then catalogue rank.
    found.sort(key=lambda c: (bool(asked) and c[0].area not in asked, order.get(c[0].id, len(order))))
    result["practices"] = [dump(ScoredCard(**vars(card(r)), score=score)) for r, score in found[:CARDS]]
    return result
