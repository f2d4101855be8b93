"""Search, similar passages and facets."""

from __future__ import annotations

from typing import Annotated, Literal

import anyio.to_thread
from fastapi import APIRouter, Header, Path, Query
from fastapi.responses import Response
from pydantic import Field, TypeAdapter

from practices.cards import with_practices
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_QUERY_CHARS, MAX_YEAR, MIN_YEAR
from retrieval.models import SearchRequest
from search_api.deps import ServiceDep
from search_api.response_cache import HEADER, asked, response_cache
from search_api.schemas import ERRORS, FacetsResponse, SearchResponse, SimilarResponse

router = APIRouter(prefix="/api", tags=["search"], responses=ERRORS)

Multi = list[str] | None
# What FastAPI does with a `response_model` (validate, then write JSON in pydantic's Rust core), done here in
# the search's own worker thread: FastAPI ran the validation in a second thread hop after the endpoint's.
_SEARCH_RESPONSE = TypeAdapter(SearchResponse)


@router.get("/search", response_model=SearchResponse, summary="Search passages")
async def search(
    service: ServiceDep,
    q: Annotated[
        str,
        Query(
            max_length=MAX_QUERY_CHARS,
            description="Query, Italian or English",
            examples=["alloggi ponte per famiglie"],
        ),
    ] = "",
    k: Annotated[int, Query(ge=1, le=MAX_K, description="Results per page")] = 10,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    city: Annotated[Multi, Query(description="City (Italian or English name); repeat for several")] = None,
    intervention: Annotated[Multi, Query(description="Intervention area code")] = None,
    doc_type: Annotated[Multi, Query()] = None,
    phase: Annotated[Multi, Query()] = None,
    year: Annotated[list[Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]] | None, Query()] = None,
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    cache_control: Annotated[
        str | None,
        Header(description="`no-cache`: search again rather than replay the answer kept for the same request"),
    ] = None,
) -> Response:
    """Hybrid search (BM25 + dense, fused), near-duplicates collapsed, with facets over the whole matching
    set and the answer sentence. Unknown filter values answer 422 with the allowed values. The same request
    asked again, while the index and the editors' edits are unchanged, is answered from the answers kept
    (header `X-Search-Cache: hit`; its `timings_ms` are those of the search that made it)."""
    request = SearchRequest(
        q=q,
        k=k,
        page=page,
        city=city or [],
        intervention=intervention or [],
        doc_type=doc_type or [],
        phase=phase or [],
        year=year or [],
        sort=sort,
    )

    def make() -> bytes:
        result = service.search(request)
        found = with_practices(service, result.to_contract(), result.filters)
        return _SEARCH_RESPONSE.dump_json(_SEARCH_RESPONSE.validate_python(found, from_attributes=True), by_alias=True)

    fresh, keep = asked(cache_control)

    def answer() -> tuple[bytes, str]:  # the versions read in the worker thread too: they may touch the store
        return response_cache(service).answer(service, request, make, fresh=fresh, keep=keep)

    body, how = await anyio.to_thread.run_sync(answer)
    return Response(body, media_type="application/json", headers={HEADER: how})


@router.get("/similar/{chunk_id}", response_model=SimilarResponse, summary="More like this")
def similar(
    service: ServiceDep,
    chunk_id: Annotated[str, Path(max_length=300)],
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 5,
) -> dict:
    """Passages similar to a given passage, from other documents (syndicated copies excluded)."""
    return {"id": chunk_id, "results": [h.to_dict() for h in service.similar(chunk_id, k)]}


@router.get("/facets", response_model=FacetsResponse, summary="Facets of the whole index")
def facets(service: ServiceDep) -> dict:
    result = service.search(SearchRequest(q="", k=1))
    return {"total": result.total, "facets": result.facets, "allowed": service.allowed_values()}
