"""Site pages of the practice catalogue and the trainers' dossiers (issue 6).

Pages render the same data as /api/practices and /api/dossiers (and `?format=json` gives it back). Dossier
edits are plain HTML forms that POST and redirect (303), so everything works without JavaScript. The current
dossier is remembered in a cookie; its link (/dossier/<token>) is what people share.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from lgnet.errors import LGNetError
from practices.catalogue import get_catalogue
from practices.dossiers import ID_PATTERN, ITEM_ID, MAX_NOTE, MAX_TITLE, get_dossier_store
from practices.export import resolve, snapshot
from web.deps import ServiceDep, SettingsDep
from web.render import render

router = APIRouter(include_in_schema=False)
COOKIE = "dossier"
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


# --- dossiers ----------------------------------------------------------------------------------------------
def _redirect(url: str, dossier_id: str | None = None) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    if dossier_id:
        response.set_cookie(COOKIE, dossier_id, max_age=180 * 24 * 3600, samesite="lax", httponly=True)
    return response


@router.post("/dossier")
def add_to_dossier(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    kind: Annotated[str, Form(max_length=20)] = "",
    ref: Annotated[str, Form(max_length=300)] = "",
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    new: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    """Add an item to the current dossier (the cookie's), creating one if there is none or if asked."""
    store = get_dossier_store(settings.data_dir)
    current = request.cookies.get(COOKIE)
    try:
        dossier = None
        if current and not new:
            try:
                dossier = store.get(current)
            except LGNetError:
                dossier = None
        if dossier is None:
            dossier = store.create(title or "Dossier")
        if kind and ref:
            store.add_item(dossier["id"], kind, ref, "", snapshot(service, kind, ref))
    except LGNetError as exc:
        return _error(request, exc)
    return _redirect(f"/dossier/{dossier['id']}", dossier["id"])


@router.get("/dossier/{dossier_id}")
def dossier_page(
    request: Request, service: ServiceDep, settings: SettingsDep, dossier_id: Annotated[str, Path(max_length=64)]
) -> Response:
    try:
        dossier = get_dossier_store(settings.data_dir).get(dossier_id)
    except LGNetError as exc:
        return _error(request, exc)
    data = {"dossier": dossier, "resolved": resolve(service, dossier)["items"]}
    response = render(request, "dossier.html", data, fragment="main", share_url=str(request.url.replace(query="")))
    response.set_cookie(COOKIE, dossier_id, max_age=180 * 24 * 3600, samesite="lax", httponly=True)
    return response


@router.post("/dossier/{dossier_id}/titolo")
def rename(
    request: Request,
    settings: SettingsDep,
    dossier_id: Annotated[str, Path(pattern=ID_PATTERN)],
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    description: Annotated[str, Form(max_length=MAX_NOTE)] = "",
) -> Response:
    try:
        get_dossier_store(settings.data_dir).update(dossier_id, title, description)
    except LGNetError as exc:
        return _error(request, exc)
    return _redirect(f"/dossier/{dossier_id}")


@router.post("/dossier/{dossier_id}/voci/{item_id}/{action}")
def edit_item(
    request: Request,
    settings: SettingsDep,
    dossier_id: Annotated[str, Path(pattern=ID_PATTERN)],
    item_id: Annotated[str, Path(pattern=ITEM_ID)],
    action: Annotated[str, Path(pattern=r"^(nota|su|giu|elimina)$")],
    note: Annotated[str, Form(max_length=MAX_NOTE)] = "",
) -> Response:
    store = get_dossier_store(settings.data_dir)
    try:
        if action == "nota":
            store.annotate(dossier_id, item_id, note)
        elif action == "elimina":
            store.remove(dossier_id, item_id)
        else:
            store.move(dossier_id, item_id, "up" if action == "su" else "down")
    except LGNetError as exc:
        return _error(request, exc)
    return _redirect(f"/dossier/{dossier_id}#voce-{item_id}" if action != "elimina" else f"/dossier/{dossier_id}")
