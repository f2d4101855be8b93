"""Site pages of the trainers' dossiers: add from anywhere without leaving the page, annotate (notes saved as
typed), reorder, share read-only, delete, export.

Every change is a plain form that POSTs and redirects (303), so it all works without JavaScript; with htmx the
"add" and note forms answer a fragment instead and the page stays where it was. The owner's dossier (its edit
token) is remembered in an httponly cookie and linked from the header on every page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from practices.dossiers import ID_PATTERN, ITEM_ID, MAX_AUTHOR, MAX_NOTE, MAX_TITLE, get_dossier_store
from practices.export import resolve, snapshot
from web.deps import ServiceDep, SettingsDep
from web.render import is_fragment, render

router = APIRouter(include_in_schema=False)
COOKIE = "dossier"
COOKIE_AGE = 180 * 24 * 3600
Token = Annotated[str, Path(pattern=ID_PATTERN)]


def _remember(response: Response, token: str) -> Response:
    response.set_cookie(COOKIE, token, max_age=COOKIE_AGE, samesite="lax", httponly=True)
    return response


def _back(url: str) -> str | None:
    """Where a no-JS form returns to: a path on this site only (never //host or a full URL)."""
    url = (url or "").strip()
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else None


@router.post("/dossier")
def add_to_dossier(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    kind: Annotated[str, Form(max_length=20)] = "",
    ref: Annotated[str, Form(max_length=300)] = "",
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    new: Annotated[str, Form(max_length=5)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Add an item to the current dossier (the cookie's), creating one if there is none or if asked. htmx gets
    a fragment (the page stays); without JavaScript the browser goes back where it was, or to the dossier."""
    store = get_dossier_store(settings.data_dir)
    current = request.cookies.get(COOKIE)
    dossier = None
    if current and not new:
        dossier = store.find(current)
        if dossier is not None and not dossier["editable"]:
            dossier = None
    if dossier is None:
        dossier = store.create(title or "Dossier")
    if kind and ref:
        dossier = store.add_item(dossier["id"], kind, ref, "", snapshot(service, kind, ref))
    if is_fragment(request):
        response = render(request, "_dossier_added.html", {"dossier": dossier}, fragment="added")
    else:
        target = _back(back)
        url = f"{target}{'&' if '?' in target else '?'}aggiunto=1" if target else f"/dossier/{dossier['id']}"
        response = RedirectResponse(url, status_code=303)
    return _remember(response, dossier["id"])


@router.get("/dossier/{dossier_id}")
def dossier_page(
    request: Request, service: ServiceDep, settings: SettingsDep, dossier_id: Annotated[str, Path(max_length=64)]
) -> Response:
    dossier = get_dossier_store(settings.data_dir).get(dossier_id)
    base = (settings.public_url or "").rstrip("/")  # configured, never from the Host header; else relative
    links = {"share": f"{base}/dossier/{dossier['read_id']}"}
    if dossier["editable"]:
        links["owner"] = f"{base}/dossier/{dossier['id']}"
    data = {"dossier": dossier, "resolved": resolve(service, dossier)["items"], "links": links}
    response = render(request, "dossier.html", data, fragment="main")
    return _remember(response, dossier_id) if dossier["editable"] else response


@router.post("/dossier/{dossier_id}/titolo")
def rename(
    request: Request,
    settings: SettingsDep,
    dossier_id: Token,
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    author: Annotated[str | None, Form(max_length=MAX_AUTHOR)] = None,
    description: Annotated[str | None, Form(max_length=MAX_NOTE)] = None,
) -> Response:
    get_dossier_store(settings.data_dir).update(dossier_id, title, description, author)
    return RedirectResponse(f"/dossier/{dossier_id}", status_code=303)


@router.post("/dossier/{dossier_id}/elimina")
def delete(request: Request, settings: SettingsDep, dossier_id: Token) -> Response:
    get_dossier_store(settings.data_dir).delete(dossier_id)
    response = RedirectResponse("/pratiche?dossier_eliminato=1", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.post("/dossier/{dossier_id}/voci/{item_id}/{action}")
def edit_item(
    request: Request,
    settings: SettingsDep,
    dossier_id: Token,
    item_id: Annotated[str, Path(pattern=ITEM_ID)],
    action: Annotated[str, Path(pattern=r"^(nota|su|giu|elimina)$")],
    note: Annotated[str | None, Form(max_length=MAX_NOTE)] = None,
) -> Response:
    """Every button of an item sits in the note's form, so the note typed so far is saved with any of them:
    a move never loses it."""
    store = get_dossier_store(settings.data_dir)
    if note is not None and action != "elimina":
        store.annotate(dossier_id, item_id, note)
    if action == "elimina":
        store.remove(dossier_id, item_id)
    elif action in ("su", "giu"):
        store.move(dossier_id, item_id, "up" if action == "su" else "down")
    if action == "nota" and is_fragment(request):
        return render(request, "_dossier_added.html", {"item": item_id}, fragment="saved")
    return RedirectResponse(f"/dossier/{dossier_id}" + (f"#voce-{item_id}" if action != "elimina" else ""), 303)
