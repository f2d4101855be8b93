"""The bounds of every search, browse and catalogue request, written once (their filters: retrieval/filters.py).
The API declares the bounds in its OpenAPI schema (so they are constants, not per-deployment settings), the
site clamps its URL state to them, and the data functions check them for callers that are neither (CLI,
tests)."""

from __future__ import annotations

from lgnet.errors import InvalidRequest

MAX_QUERY_CHARS = 500  # longer queries are refused: no real question is longer, and BM25 cost grows with it
MAX_K = 100  # results per page
MAX_PAGE = 1000  # deep pages cost the whole ranking and nobody reads them
MIN_YEAR, MAX_YEAR = 1900, 2100  # a year filter outside is a typo


def check_query(q: str) -> None:
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidRequest(f"query longer than {MAX_QUERY_CHARS} characters", {"max": MAX_QUERY_CHARS})


def check_k(k: int) -> None:
    if not 1 <= k <= MAX_K:
        raise InvalidRequest(f"k must be between 1 and {MAX_K}", {"k": k})


def check_page(page: int) -> None:
    if not 1 <= page <= MAX_PAGE:
        raise InvalidRequest(f"page must be between 1 and {MAX_PAGE}", {"page": page})
