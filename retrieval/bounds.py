"""The bounds and filter checks of every search, browse and catalogue request, written once. The API
declares the bounds in its OpenAPI schema (so they are constants, not per-deployment settings), the site
clamps its URL state to them, and the data functions check them for callers that are neither (CLI, tests)."""

from __future__ import annotations

from lgnet.errors import InvalidRequest
from lgnet.gazetteer import Gazetteer

MAX_QUERY_CHARS = 500  # longer queries are refused: no real question is longer, and BM25 cost grows with it
MAX_K = 100  # results per page
MAX_PAGE = 1000  # deep pages cost the whole ranking and nobody reads them


def check_query(q: str) -> None:
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidRequest(f"query longer than {MAX_QUERY_CHARS} characters", {"max": MAX_QUERY_CHARS})


def check_k(k: int) -> None:
    if not 1 <= k <= MAX_K:
        raise InvalidRequest(f"k must be between 1 and {MAX_K}", {"k": k})


def check_page(page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise InvalidRequest(f"page must be between 1 and {MAX_PAGE}", {"page": page})


def check_filters(
    filters: dict[str, list[str]], gazetteer: Gazetteer, allowed: dict[str, list]
) -> dict[str, list[str]]:
    """The filters of a search, browse or catalogue request, checked once: each city resolved through the
    gazetteer to its one name (any comune, in Italian or English, aliases and all), every other value one
    of `allowed[field]` (the vocabulary and the taxonomy). Unknown values are an InvalidRequest naming the
    field and what it allows."""
    checked = {}
    for field, values in filters.items():
        if field == "city":
            names = []
            for name in values:
                city = gazetteer.get(name)
                if city is None:
                    raise InvalidRequest(f"unknown city {name!r}", {"field": "city", "allowed": allowed["city"]})
                names.append(city.name)
            checked[field] = names
        else:
            for value in values:
                if value not in allowed[field]:
                    raise InvalidRequest(f"unknown {field} {value!r}", {"field": field, "allowed": allowed[field]})
            checked[field] = list(values)
    return checked
