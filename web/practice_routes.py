"""Site pages of the practice catalogue and the trainers' dossiers (issue 6).

Pages render the same data as /api/practices and /api/dossiers (and `?format=json` gives it back). Dossier
edits are plain HTML forms that POST and redirect (303), so everything works without JavaScript. The current
dossier is remembered in a cookie; its link (/dossier/<token>) is what people share.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from lgnet.errors import LGNetError
from practices.catalogue import get_catalogue
from web.deps import ServiceDep
from web.dossier_routes import COOKIE
from web.dossier_routes import router as dossier_router
from web.render import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
Multi = list[str] | None


def _error(request: Request, exc: LGNetError) -> Response:
    return render(request, "error.html", exc.to_dict(), status=exc.http_status)


@router.get("/pratiche")
def practices(
    request: Request,
    service: ServiceDep,
    q: Annotated[str, Query(max_length=500)] = "",
    city: Annotated[Multi, Query()] = None,
    area: Annotated[Multi, Query()] = None,
    phase: Annotated[Multi, Query()] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> Response:
    try:
        data = get_catalogue(service).search(q, city, area, phase, page, PAGE_SIZE)
    except LGNetError as exc:
        return _error(request, exc)
    data["state"] = {"q": q, "city": city or [], "area": area or [], "phase": phase or []}
    data["areas"] = service.taxonomy.codes
    return render(request, "practices.html", data, fragment="results", dossier=request.cookies.get(COOKIE))


@router.get("/pratiche/confronto/{area}")
def compare(request: Request, service: ServiceDep, area: Annotated[str, Path(max_length=50)]) -> Response:
    try:
        data = get_catalogue(service).compare(area)
    except LGNetError as exc:
        return _error(request, exc)
    data["areas"] = service.taxonomy.codes
    return render(request, "compare.html", data, fragment="main")


@router.get("/pratiche/{practice_id}")
def practice(request: Request, service: ServiceDep, practice_id: Annotated[str, Path(max_length=120)]) -> Response:
    catalogue = get_catalogue(service)
    try:
        record = catalogue.get(practice_id)
        similar = catalogue.similar(practice_id, 5)
    except LGNetError as exc:
        return _error(request, exc)
    documents = {s["doc_id"]: s for s in record["sources"]}
    data = {"practice": record, "similar": similar, "documents": documents}
    return render(request, "practice.html", data, fragment="main", dossier=request.cookies.get(COOKIE))


# The dossier pages live beside the catalogue's (same app, same router list).
router.include_router(dossier_router)
