"""Dossiers: practices and passages collected, ordered and annotated by a trainer or designer, shared by link
and exported with full citations.

Two links: the owner's (edit token, `id` in the creation answer) changes the dossier; the shared one (`read_id`)
only reads it. Every write with the read token answers 403."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from practices.dossiers import ID_PATTERN, ITEM_ID, MAX_AUTHOR, MAX_NOTE, MAX_TITLE, get_dossier_store
from practices.export import FORMATS, export_dossier, resolve, snapshot
from search_api.deps import ServiceDep, SettingsDep
from search_api.routers.practices import EXAMPLE_PRACTICE
from search_api.schemas import ERRORS

router = APIRouter(prefix="/api", responses=ERRORS)


class DossierIn(BaseModel):
    title: str = Field("", max_length=MAX_TITLE, examples=["Housing: cosa hanno fatto le città"])
    description: str = Field("", max_length=MAX_NOTE)
    author: str = Field("", max_length=MAX_AUTHOR, examples=["Maria Rossi, ANCI"])


class DossierPatch(BaseModel):
    title: str | None = Field(None, max_length=MAX_TITLE)
    description: str | None = Field(None, max_length=MAX_NOTE)
    author: str | None = Field(None, max_length=MAX_AUTHOR)


class ItemIn(BaseModel):
    kind: Literal["practice", "passage"] = Field(examples=["practice"])
    ref: str = Field(min_length=1, max_length=300, description="A practice id or a passage id",
                     examples=[EXAMPLE_PRACTICE])  # fmt: skip
    note: str = Field("", max_length=MAX_NOTE)


class NoteIn(BaseModel):
    note: str = Field(max_length=MAX_NOTE, examples=["Da discutere nel modulo 2"])


class MoveIn(BaseModel):
    direction: Literal["up", "down"]


class OrderIn(BaseModel):
    order: list[Annotated[str, Field(max_length=32)]] = Field(max_length=500, description="Every item id, once")


class Item(BaseModel):
    id: str
    kind: str
    ref: str
    note: str
    added: str
    snapshot: dict


class Dossier(BaseModel):
    id: str = Field(examples=["q3Z9x0bYtq1c2V7l8sPpA4Nw"], description="The token this answer was asked with")
    read_id: str = Field(description="The read-only token: the link to share")
    editable: bool = Field(description="True when `id` is the owner's (edit) token")
    title: str
    description: str
    author: str = ""
    created: str
    updated: str
    items: list[Item]


class ResolvedItem(BaseModel):
    id: str
    kind: str
    ref: str
    note: str
    title: str
    text: str
    facts: list[str]
    citations: list[str]
    sources: list[dict] = []
    city: str | None = None
    missing: bool


class DossierView(BaseModel):
    dossier: Dossier
    resolved: list[ResolvedItem]


DossierId = Annotated[str, Path(pattern=ID_PATTERN, description="The dossier's token (its link)")]
ItemId = Annotated[str, Path(pattern=ITEM_ID)]


@router.post("/dossiers", response_model=DossierView, status_code=201, summary="Create a dossier", tags=["dossiers"])
def create_dossier(service: ServiceDep, settings: SettingsDep, body: Annotated[DossierIn, Body()]) -> dict:
    """A new, empty dossier. `id` is the owner's edit token (keep it: it is shown only here and to whoever has
    it); `read_id` is the token to share, which only reads."""
    store = get_dossier_store(settings.data_dir)
    return _view(service, store.create(body.title, body.description, body.author))


@router.get("/dossiers/{dossier_id}", response_model=DossierView, summary="A dossier", tags=["dossiers"])
def get_dossier(service: ServiceDep, settings: SettingsDep, dossier_id: DossierId) -> dict:
    """The dossier and its items resolved: current text, facts and full citations."""
    return _view(service, get_dossier_store(settings.data_dir).get(dossier_id))


@router.put("/dossiers/{dossier_id}", response_model=DossierView, summary="Rename or describe", tags=["dossiers"])
def update_dossier(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, body: Annotated[DossierPatch, Body()]
) -> dict:
    store = get_dossier_store(settings.data_dir)
    return _view(service, store.update(dossier_id, body.title, body.description, body.author))


@router.delete("/dossiers/{dossier_id}", status_code=204, summary="Delete a dossier", tags=["dossiers"],
               response_class=Response)  # fmt: skip
def delete_dossier(settings: SettingsDep, dossier_id: DossierId) -> Response:
    """Only with the owner's token; the shared link stops working too."""
    get_dossier_store(settings.data_dir).delete(dossier_id)
    return Response(status_code=204)


@router.post("/dossiers/{dossier_id}/items", response_model=DossierView, status_code=201, summary="Add an item",
             tags=["dossiers"])  # fmt: skip
def add_item(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, body: Annotated[ItemIn, Body()]
) -> dict:
    """Add a practice (`kind=practice`, `ref` = practice id) or a passage (`kind=passage`, `ref` = passage id).
    The item keeps a snapshot (title, text, citations) in case its source later leaves the index."""
    store = get_dossier_store(settings.data_dir)
    store.check_editable(dossier_id)
    kept = snapshot(service, body.kind, body.ref)
    return _view(service, store.add_item(dossier_id, body.kind, body.ref, body.note, kept))


@router.put("/dossiers/{dossier_id}/items/{item_id}", response_model=DossierView, summary="Annotate an item",
            tags=["dossiers"])  # fmt: skip
def annotate(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, item_id: ItemId, body: Annotated[NoteIn, Body()]
) -> dict:
    return _view(service, get_dossier_store(settings.data_dir).annotate(dossier_id, item_id, body.note))


@router.delete("/dossiers/{dossier_id}/items/{item_id}", response_model=DossierView, summary="Remove an item",
               tags=["dossiers"])  # fmt: skip
def remove_item(service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, item_id: ItemId) -> dict:
    return _view(service, get_dossier_store(settings.data_dir).remove(dossier_id, item_id))


@router.post("/dossiers/{dossier_id}/items/{item_id}/move", response_model=DossierView,
             summary="Move an item up or down", tags=["dossiers"])  # fmt: skip
def move_item(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, item_id: ItemId, body: Annotated[MoveIn, Body()]
) -> dict:
    return _view(service, get_dossier_store(settings.data_dir).move(dossier_id, item_id, body.direction))


@router.put("/dossiers/{dossier_id}/order", response_model=DossierView, summary="Reorder the items",
            tags=["dossiers"])  # fmt: skip
def reorder(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, body: Annotated[OrderIn, Body()]
) -> dict:
    """Give every item id once, in the new order."""
    return _view(service, get_dossier_store(settings.data_dir).reorder(dossier_id, body.order))


@router.get(
    "/dossiers/{dossier_id}/export",
    summary="Export a dossier as Markdown, DOCX or PDF",
    tags=["dossiers"],
    response_class=Response,
    responses={200: {"content": {m.split(";")[0]: {} for m in FORMATS.values()}, "description": "The file"}},
)
def export(
    service: ServiceDep,
    settings: SettingsDep,
    dossier_id: DossierId,
    format: Annotated[Literal["md", "docx", "pdf"], Query()] = "md",
) -> Response:
    """Each item with its text, facts, note and full citations (document, outlet, date, URL or page)."""
    dossier = get_dossier_store(settings.data_dir).get(dossier_id)
    content, media, name = export_dossier(service, dossier, format)
    return Response(content, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _view(service, dossier: dict) -> dict:
    return {"dossier": dossier, "resolved": resolve(service, dossier)["items"]}
