"""Site pages of the practice catalogue and the trainers' dossiers (issue 6).

Pages render the same data as /api/practices and /api/dossiers (and `?format=json` gives it back). Dossier
edits are plain HTML forms that POST and redirect (303), so everything works without JavaScript. The current
dossier is remembered in a cookie; its link (/dossier/<token>) is what people share.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from practices.cite import group_sources
from practices.export import dup_groups
from practices.overview import overview
from retrieval.bounds import MAX_PAGE, MAX_QUERY_CHARS
from retrieval.practices import get_catalogue
from web.catalogue_page import catalogue_page
from web.deps import ServiceDep
from web.dossier_routes import COOKIE
from web.dossier_routes import router as dossier_router
from web.render import render

router = APIRouter(include_in_schema=False)
Multi = list[str] | None


@router.get("/pratiche")
def practices(
    request: Request,
    service: ServiceDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    city: Annotated[Multi, Query()] = None,
    area: Annotated[Multi, Query()] = None,
    phase: Annotated[Multi, Query()] = None,
    sort: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    data = catalogue_page(service, q, city or [], area or [], phase or [], sort, page)
    return render(request, "practices.html", data, fragment="results", dossier=request.cookies.get(COOKIE))


@router.get("/pratiche/confronto/{area}")
def compare(request: Request, service: ServiceDep, area: Annotated[str, Path(max_length=50)]) -> Response:
    data = get_catalogue(service).compare(area)
    data["areas"] = service.taxonomy.codes
    return render(request, "compare.html", data, fragment="main")


@router.get("/pratiche/{practice_id}")
def practice(request: Request, service: ServiceDep, practice_id: Annotated[str, Path(max_length=120)]) -> Response:
    catalogue = get_catalogue(service)
    record = catalogue.get(practice_id)
    similar = catalogue.similar(practice_id, 5)
    documents = {s["doc_id"]: s for s in record["sources"]}
    # One source per article: syndicated copies listed under it ("anche in ..."), links without tracking.
    articles = group_sources(record["sources"], dup_groups(service))
    data = {"practice": record, "similar": similar, "documents": documents, "articles": articles}
    return render(request, "practice.html", data, fragment="main", dossier=request.cookies.get(COOKIE))


@router.get("/panoramica")
def overview_page(
    request: Request,
    service: ServiceDep,
    phase: Annotated[Multi, Query()] = None,
    area: Annotated[Multi, Query()] = None,
    region: Annotated[Multi, Query()] = None,
    sort: Annotated[str, Query(max_length=20)] = "city",
) -> Response:
    """The designer's overview: cities x areas x phases (the same data as /api/overview)."""
    return render(request, "overview.html", overview(service, phase, area, region, sort), fragment="main")


# The dossier pages live beside the catalogue's (same app, same router list).
router.include_router(dossier_router)
