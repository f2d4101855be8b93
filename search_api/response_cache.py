"""`GET /api/search`'s answers kept for the same question asked again (issue 11: "warm"), as search engines keep
their result caches: the response's bytes, keyed by everything they depend on.

The key is the request (query, filters, page, k, sort) and the versions of what the answer was made from: the
lexical index served (its store revision) and the practice catalogue (store revision and editors' edits, which
the cards read). When the index or an edit moves, the versions move and the old answers are never served again
(they age out of the memory). An answer is kept only if the versions were the same before and after it was
made (a change landing during a search leaves it unkept). `Cache-Control: no-cache` (or `no-store`) makes the
answer again: the bench measures the pipeline that way beside the cache, so cache hits are never taken for
pipeline speed. The `X-Search-Cache` header says `hit`, `miss` or `bypass`; a replayed answer's `timings_ms`
are those of the search that made it.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable

from retrieval.models import SearchRequest
from retrieval.practices import get_catalogue
from retrieval.service import SearchService

HEADER = "X-Search-Cache"


def request_key(request: SearchRequest) -> tuple:
    """What the answer depends on in the request (every parameter of the route)."""
    return (
        request.q,
        request.k,
        request.page,
        request.sort,
        *(tuple(values) for values in request.raw_filters.values()),
    )


def versions(service: SearchService) -> Hashable:
    """The versions of what an answer is made from: the lexical index served and the catalogue's records and edits
    (both trusted for a second and re-read in the background, retrieval/freshness.py)."""
    return (service.lexical.current().revision, get_catalogue(service).version())


class ResponseCache:
    """Answers' bytes, the least recently used forgotten first past `max_bytes` (0: nothing is kept)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(0, max_bytes)
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def answer(
        self,
        service: SearchService,
        request: SearchRequest,
        make: Callable[[], bytes],
        *,
        fresh: bool = False,
        keep: bool = True,
    ) -> tuple[bytes, str]:
        """(the answer, "hit" | "miss" | "bypass"): the kept one, or made by `make` (always when `fresh`) and
        kept (unless not `keep`)."""
        before = versions(service)
        key = (request_key(request), before)
        if not fresh:
            with self._lock:
                body = self._answers.get(key)
                if body is not None:
                    self._answers.move_to_end(key)
                    return body, "hit"
        body = make()
        if keep and self.max_bytes and len(body) <= self.max_bytes and versions(service) == before:
            self._keep(key, body)
        return body, "bypass" if fresh else "miss"

    def _keep(self, key: Hashable, body: bytes) -> None:
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._answers[key] = body
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._answers)


_CACHES: weakref.WeakKeyDictionary[SearchService, ResponseCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def response_cache(service: SearchService) -> ResponseCache:
    """One cache per search service (a test's app with its own service starts empty)."""
    with _caches_lock:
        cache = _CACHES.get(service)
        if cache is None:
            cache = _CACHES[service] = ResponseCache(int(service.settings.search_cache_mb * 1024 * 1024))
        return cache


def asked(cache_control: str | None) -> tuple[bool, bool]:
    """(fresh, keep) as a request's `Cache-Control` asks: `no-cache` makes the answer again (and keeps it),
    `no-store` makes it again and keeps nothing."""
    directives = {d.strip().lower() for d in (cache_control or "").split(",")}
    return bool(directives & {"no-cache", "no-store"}), "no-store" not in directives
