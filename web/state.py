"""The state of a search page, read from and written to the URL: bookmarkable and shareable.

Unknown or malformed values in a hand-edited URL are dropped (and reported on the page), never an error.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from retrieval.bounds import MAX_PAGE, MAX_QUERY_CHARS
from retrieval.filters import SEARCH_FILTERS, FilterVocabulary, SearchFilters
from retrieval.models import SearchRequest

FILTERS = SEARCH_FILTERS
SORTS = ("relevance", "date")
PAGE_SIZE = 10


@dataclass
class SearchState:
    q: str = ""
    city: list[str] = field(default_factory=list)
    intervention: list[str] = field(default_factory=list)
    doc_type: list[str] = field(default_factory=list)
    phase: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    sort: str = "relevance"
    page: int = 1
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, vocabulary: FilterVocabulary) -> SearchState:
        """From request query parameters (a multi-dict with `get` and `getlist`); the filters are parsed
        leniently by the one SearchFilters (unknown values dropped and reported)."""
        filters, ignored = SearchFilters.lenient({name: params.getlist(name) for name in FILTERS}, vocabulary)
        state = cls(q=(params.get("q") or "").strip()[:MAX_QUERY_CHARS], ignored=ignored)
        for name, values in filters.as_dict().items():
            setattr(state, name, values)
        sort = params.get("sort") or "relevance"
        state.sort = sort if sort in SORTS else "relevance"
        page = params.get("page") or "1"
        state.page = min(int(page), MAX_PAGE) if page.isdigit() and int(page) >= 1 else 1
        return state

    def request(self, k: int = PAGE_SIZE, **changes) -> SearchRequest:
        values: dict[str, Any] = {name: list(getattr(self, name)) for name in FILTERS}
        values.update(changes)
        return SearchRequest(q=self.q, k=k, page=self.page, sort=self.sort, **values)

    @property
    def active(self) -> list[tuple[str, object]]:
        """The active filters, as (field, value) pairs, in a stable order."""
        return [(name, value) for name in FILTERS for value in getattr(self, name)]

    def is_checked(self, name: str, value: object) -> bool:
        return value in getattr(self, name)

    def url(self, **changes) -> str:
        """This search's URL, with some parts changed (a new page, a filter less...)."""
        state = replace(self, **changes)
        pairs: list[tuple[str, object]] = []
        if state.q:
            pairs.append(("q", state.q))
        pairs += state.active
        if state.sort != "relevance":
            pairs.append(("sort", state.sort))
        if state.page != 1:
            pairs.append(("page", state.page))
        return "/?" + urlencode(pairs) if pairs else "/"

    def without(self, name: str, value: object) -> str:
        """The URL of this search with one filter removed (a chip's close button), back on page 1."""
        remaining = [v for v in getattr(self, name) if v != value]
        return self.url(page=1, **{name: remaining})

    def with_filter(self, name: str, value: object) -> str:
        values = getattr(self, name)
        return self.url(page=1, **{name: values if value in values else [*values, value]})

    def to_dict(self) -> dict:
        data = asdict(self)
        data["url"] = self.url()
        return data
