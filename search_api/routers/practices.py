"""Practice records: search, facets, detail, similar practices, compare one area, open-data export."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from practices.catalogue import get_catalogue
from practices.export import table_csv, table_csv_it, table_json
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_QUERY_CHARS
from search_api.deps import ServiceDep
from search_api.schemas import ERRORS, FacetValue

router = APIRouter(prefix="/api", responses=ERRORS)
Multi = list[str] | None
PRACTICE_ID = r"^[a-z0-9-]{1,120}$"
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


# --- practices ---------------------------------------------------------------------------------------------
@router.get("/practices", response_model=PracticeList, summary="Search practice records", tags=["practices"])
def practices(
    service: ServiceDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, examples=["alloggi per famiglie"])] = "",
    city: Annotated[Multi, Query(description="City, Italian or English name; repeat for several")] = None,
    area: Annotated[Multi, Query(description="Intervention area code", examples=[["housing"]])] = None,
    phase: Annotated[Multi, Query()] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
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
    format: Annotated[
        Literal["csv", "csv-it", "json"],
        Query(description="csv (open data), csv-it (semicolons, BOM, decimal commas: Italian spreadsheets) or json"),
    ] = "csv",
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    city: Annotated[Multi, Query()] = None,
    area: Annotated[Multi, Query()] = None,
    phase: Annotated[Multi, Query()] = None,
) -> Response:
    rows = get_catalogue(service).table(q, city, area, phase)
    if format == "csv-it":
        name = "lgnet-pratiche-excel.csv"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(table_csv_it(rows), media_type="text/csv; charset=utf-8", headers=headers)
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
