"""The site's pages. Each route calls one data function (web.pages) and renders its dict as a page, as an htmx
fragment or as JSON (`?format=json` or `Accept: application/json`)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from retrieval.bounds import MAX_QUERY_CHARS
from web import pages
from web.deps import ServiceDep
from web.render import is_fragment, render
from web.state import SearchState
from web.upload_routes import router as upload_router

router = APIRouter(include_in_schema=False)


@router.get("/")
def search(request: Request, service: ServiceDep) -> Response:
    allowed = service.allowed_values()
    state = SearchState.from_params(request.query_params, service.filter_vocabulary)
    data = pages.search_page(service, state)
    response = render(request, "search.html", data, fragment="results", state=state, allowed=allowed)
    if is_fragment(request):
        # htmx pushes this search's canonical URL (defaults left out, unknown values dropped), the links' form.
        response.headers["HX-Push-Url"] = state.url()
    return response


@router.get("/documenti/{doc_id}")
def document(
    request: Request,
    service: ServiceDep,
    doc_id: Annotated[str, Path(max_length=200)],
    passage: Annotated[str | None, Query(max_length=300)] = None,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
) -> Response:
    data = pages.document_page(service, doc_id, passage)
    return render(request, "document.html", data, fragment="main", q=q)


@router.get("/citta/{name}")
def city(request: Request, service: ServiceDep, name: Annotated[str, Path(max_length=100)]) -> Response:
    found = service.gazetteer.get(name)
    if found is not None and found.name != name:
        # /citta/Turin, /citta/torino: one address per city.
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/citta/{quote(found.name)}{query}", status_code=308)
    data = pages.city_page(service, name)
    return render(request, "city.html", data, fragment="main")


@router.get("/interventi")
def interventions(request: Request, service: ServiceDep) -> Response:
    return render(request, "interventions.html", pages.interventions_index(service), fragment="main")


@router.get("/interventi/{code}")
def intervention(request: Request, service: ServiceDep, code: Annotated[str, Path(max_length=50)]) -> Response:
    data = pages.intervention_page(service, code)
    return render(request, "intervention.html", data, fragment="main")


@router.get("/mappa")
def map_(request: Request, service: ServiceDep) -> Response:
    return render(request, "map.html", pages.map_page(service), fragment="main")


@router.get("/citta")
def cities(request: Request) -> Response:
    """The cities are listed on the map page (with a table for those who do not use the map)."""
    return RedirectResponse("/mappa#elenco-citta", status_code=307)


router.include_router(upload_router)
