"""Practice records (search, facets, detail, similar, compare, open-data export) and trainers' dossiers."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from lgnet.errors import NotFound
from practices.catalogue import MAX_K, MAX_QUERY_CHARS, get_catalogue
from practices.dossiers import ID_PATTERN, ITEM_KINDS, MAX_NOTE, MAX_TITLE, get_dossier_store
from practices.export import FORMATS, export_dossier, resolve, table_csv, table_json
from search_api.deps import ServiceDep, SettingsDep
from search_api.schemas import ERRORS, FacetValue

router = APIRouter(prefix="/api", responses=ERRORS)
Multi = list[str] | None
PRACTICE_ID = r"^[a-z0-9-]{1,120}$"
ITEM_ID = r"^[A-Za-z0-9_-]{4,32}$"
EXAMPLE_PRACTICE = "torino-housing-lgnet2"


# --- models ------------------------------------------------------------------------------------------------
class Source(BaseModel):
    chunk_id: str = Field(description="The passage the field was read from", examples=["...-a11:003"])
    doc_id: str | None = None
    start: int = Field(description="Offset of the sentence in the passage")
    end: int
    quote: str = Field(description="The sentence itself")


class Sourced(BaseModel):
    text: str
    source: Source


class FigureOut(BaseModel):
    value: int | float
    unit: str = Field(examples=["families"])
    unit_label_it: str
    unit_label_en: str
    text: str = Field(examples=["oltre 160 persone"])
    source: Source
    also_in: int = Field(0, description="Other passages stating the same figure")


class PartnerOut(BaseModel):
    name: str = Field(examples=["Cooperativa Astrolabio"])
    source: Source


class TargetOut(BaseModel):
    code: str
    label_it: str
    label_en: str
    text: str
    source: Source


class PeriodMention(BaseModel):
    code: str
    value: str
    source: Source


class Period(BaseModel):
    start: str | None = None
    end: str | None = None
    mentions: list[PeriodMention]


class Citation(BaseModel):
    doc_id: str | None = None
    title: str | None = None
    doc_type: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    page: int | None = None


class Practice(BaseModel):
    id: str = Field(examples=[EXAMPLE_PRACTICE])
    title: str
    title_en: str
    city: str
    area: str
    area_label_it: str
    area_label_en: str
    areas: list[str]
    phase: str | None = None
    summary: list[Sourced] = Field(description="Extractive: the sentences that say most")
    activities: list[Sourced]
    target_groups: list[TargetOut]
    figures: list[FigureOut]
    partners: list[PartnerOut]
    period: Period
    sources: list[Citation]
    passages: list[str]
    text: str


class FigureBrief(BaseModel):
    value: int | float
    unit: str


class PracticeCard(BaseModel):
    id: str
    title: str
    title_en: str
    city: str
    area: str
    phase: str | None = None
    summary: str
    figures: list[FigureBrief]
    partners: list[str]
    sources: int
    score: float


class PracticeList(BaseModel):
    query: str
    total: int
    page: int
    k: int
    results: list[PracticeCard]
    facets: dict[str, list[FacetValue]]


class SimilarPractices(BaseModel):
    id: str
    results: list[PracticeCard]


class CompareRow(BaseModel):
    id: str
    title: str
    city: str
    phase: str | None = None
    activities: list[Sourced]
    figures: list[FigureOut]
    partners: list[PartnerOut]
    summary: list[Sourced]


class AreaOut(BaseModel):
    code: str
    label_it: str
    label_en: str


class Comparison(BaseModel):
    area: AreaOut
    practices: list[CompareRow]


class DossierIn(BaseModel):
    title: str = Field("", max_length=MAX_TITLE, examples=["Housing: cosa hanno fatto le città"])
    description: str = Field("", max_length=MAX_NOTE)


class DossierPatch(BaseModel):
    title: str | None = Field(None, max_length=MAX_TITLE)
    description: str | None = Field(None, max_length=MAX_NOTE)


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
    id: str = Field(examples=["q3Z9x0bYtq1c2V7l8sPpA4Nw"])
    title: str
    description: str
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
    city: str | None = None
    missing: bool


class DossierView(BaseModel):
    dossier: Dossier
    resolved: list[ResolvedItem]


DossierId = Annotated[str, Path(pattern=ID_PATTERN, description="The dossier's token (its link)")]
ItemId = Annotated[str, Path(pattern=ITEM_ID)]


# --- practices ---------------------------------------------------------------------------------------------
@router.get("/practices", response_model=PracticeList, summary="Search practice records", tags=["practices"])
def practices(
    service: ServiceDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, examples=["alloggi per famiglie"])] = "",
    city: Annotated[Multi, Query(description="City, Italian or English name; repeat for several")] = None,
    area: Annotated[Multi, Query(description="Intervention area code", examples=[["housing"]])] = None,
    phase: Annotated[Multi, Query()] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 20,
) -> dict:
    """Practice records (one per city, area and phase), matched lexically and by meaning, with facets
    (city, area, phase) over the whole matching set. Unknown filter values answer 422 with the allowed ones."""
    return get_catalogue(service).search(q, city, area, phase, page, k)


@router.get(
    "/practices/export",
    summary="The practice table as CSV or JSON (open data)",
    tags=["practices"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, "application/json": {}}, "description": "The table"}},
)
def export_practices(
    service: ServiceDep,
    format: Annotated[Literal["csv", "json"], Query(description="csv or json")] = "csv",
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    city: Annotated[Multi, Query()] = None,
    area: Annotated[Multi, Query()] = None,
    phase: Annotated[Multi, Query()] = None,
) -> Response:
    rows = get_catalogue(service).table(q, city, area, phase)
    if format == "csv":
        body, media = table_csv(rows), "text/csv; charset=utf-8"
    else:
        body, media = table_json(rows), "application/json"
    headers = {"Content-Disposition": f'attachment; filename="lgnet-practices.{format}"'}
    return Response(body.encode("utf-8"), media_type=media, headers=headers)


@router.get("/practices/compare/{area}", response_model=Comparison, summary="One area across cities",
            tags=["practices"])  # fmt: skip
def compare(
    service: ServiceDep,
    area: Annotated[str, Path(max_length=50, examples=["housing"])],
    phase: Annotated[str | None, Query(max_length=20)] = None,
) -> dict:
    """Each city's practice in one intervention area: activities, figures and partners, with their sources."""
    return get_catalogue(service).compare(area, phase)


@router.get("/practices/{practice_id}", response_model=Practice, summary="A practice record", tags=["practices"])
def practice(
    service: ServiceDep,
    practice_id: Annotated[str, Path(pattern=PRACTICE_ID, examples=[EXAMPLE_PRACTICE])],
) -> dict:
    """Every field with its source: the passage (`chunk_id`), the document and the sentence's offsets."""
    return get_catalogue(service).get(practice_id)


@router.get("/practices/{practice_id}/similar", response_model=SimilarPractices, summary="Similar practices elsewhere",
            tags=["practices"])  # fmt: skip
def similar(
    service: ServiceDep,
    practice_id: Annotated[str, Path(pattern=PRACTICE_ID, examples=[EXAMPLE_PRACTICE])],
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 5,
) -> dict:
    return {"id": practice_id, "results": get_catalogue(service).similar(practice_id, k)}


# --- dossiers ----------------------------------------------------------------------------------------------
def _view(service, dossier: dict) -> dict:
    return {"dossier": dossier, "resolved": resolve(service, dossier)["items"]}


@router.post("/dossiers", response_model=DossierView, status_code=201, summary="Create a dossier", tags=["dossiers"])
def create_dossier(service: ServiceDep, settings: SettingsDep, body: Annotated[DossierIn, Body()]) -> dict:
    """A new, empty dossier. Its id is a random token: whoever has the link can read and edit it."""
    return _view(service, get_dossier_store(settings.data_dir).create(body.title, body.description))


@router.get("/dossiers/{dossier_id}", response_model=DossierView, summary="A dossier", tags=["dossiers"])
def get_dossier(service: ServiceDep, settings: SettingsDep, dossier_id: DossierId) -> dict:
    """The dossier and its items resolved: current text, facts and full citations."""
    return _view(service, get_dossier_store(settings.data_dir).get(dossier_id))


@router.put("/dossiers/{dossier_id}", response_model=DossierView, summary="Rename or describe", tags=["dossiers"])
def update_dossier(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, body: Annotated[DossierPatch, Body()]
) -> dict:
    return _view(service, get_dossier_store(settings.data_dir).update(dossier_id, body.title, body.description))


@router.post("/dossiers/{dossier_id}/items", response_model=DossierView, status_code=201, summary="Add an item",
             tags=["dossiers"])  # fmt: skip
def add_item(
    service: ServiceDep, settings: SettingsDep, dossier_id: DossierId, body: Annotated[ItemIn, Body()]
) -> dict:
    """Add a practice (`kind=practice`, `ref` = practice id) or a passage (`kind=passage`, `ref` = passage id).
    The item keeps a snapshot (title, text, citations) in case its source later leaves the index."""
    store = get_dossier_store(settings.data_dir)
    store.get(dossier_id)
    snapshot = _snapshot(service, body.kind, body.ref)
    return _view(service, store.add_item(dossier_id, body.kind, body.ref, body.note, snapshot))


def _snapshot(service, kind: str, ref: str) -> dict:
    if kind not in ITEM_KINDS:
        raise NotFound(f"unknown kind {kind!r}")
    if kind == "passage" and not service.store.get_chunks([ref]):
        raise NotFound(f"no passage with id {ref!r}", {"ref": ref})
    if kind == "practice":
        get_catalogue(service).get(ref)
    resolved = resolve(service, {"id": "-", "title": "", "description": "", "created": "", "updated": "",
                                 "items": [{"id": "-", "kind": kind, "ref": ref, "note": ""}]})["items"][0]  # fmt: skip
    return {k: resolved[k] for k in ("title", "text", "citations", "city")}


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
