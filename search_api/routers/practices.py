"""Practice records: search, facets, detail, similar practices, compare one area, open-data export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from knowledge.edits import MAX_EDITOR
from lgnet.domain import Comparison, ScoredCard
from lgnet.practice import (
    FieldEdit,
    PracticeRecord,
    ProjectFacts,
)
from practices.export import table_csv, table_csv_it, table_json
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_QUERY_CHARS
from retrieval.filters import NO_PHASE
from retrieval.practices import get_catalogue
from search_api.auth import require_admin
from search_api.deps import ServiceDep
from search_api.schemas import ERRORS, FacetValue

router = APIRouter(prefix="/api", responses=ERRORS)
Multi = list[str] | None
PRACTICE_ID = r"^[a-z0-9-]{1,120}$"
EXAMPLE_PRACTICE = "torino-housing-lgnet2"


# --- models (the records themselves are typed once, in lgnet.practice) -------------------------------------
class PracticeOut(PracticeRecord):
    project: ProjectFacts | None = Field(None, description="What the city's documents state for the whole project")


class PracticeList(BaseModel):
    query: str
    total: int
    page: int
    k: int
    results: list[ScoredCard]
    facets: dict[str, list[FacetValue]]


class SimilarPractices(BaseModel):
    id: str
    results: list[ScoredCard]


# --- practices ---------------------------------------------------------------------------------------------
@router.get("/practices", response_model=PracticeList, summary="Search practice records", tags=["practices"])
def practices(
    service: ServiceDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, examples=["alloggi per famiglie"])] = "",
    city: Annotated[Multi, Query(description="City, Italian or English name; repeat for several")] = None,
    area: Annotated[Multi, Query(description="Intervention area code", examples=[["housing"]])] = None,
    phase: Annotated[Multi, Query(description=f"Phase; {NO_PHASE!r} for records with no phase")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 20,
) -> dict:
    """Practice records (one per city, area and phase), matched lexically and by meaning, with facets
    (city, area, phase) over the whole matching set. Unknown filter values answer 422 with the allowed ones."""
    filters = service.filters({"city": city, "area": area, "phase": phase}, no_phase=True)
    return get_catalogue(service).search(q, filters, page, k)


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
    filters = service.filters({"city": city, "area": area, "phase": phase}, no_phase=True)
    rows = get_catalogue(service).table(q, filters)
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


@router.get("/practices/{practice_id}", response_model=PracticeOut, summary="A practice record", tags=["practices"])
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


# --- editorial review --------------------------------------------------------------------------------------
class EditIn(BaseModel):
    field: str = Field(description="An editable field of the record", examples=["partners"])
    action: str = Field(description="confirm, correct or hide", examples=["correct"])
    value: Any = Field(None, description="The corrected value (only with correct), shaped like the field")
    reason: str | None = Field(None, description="Why (required)", examples=["Elenco verificato sulla scheda"])
    editor: str | None = Field(None, description="Who edits (a label, optional)", max_length=MAX_EDITOR)


class EditResult(BaseModel):
    edit: FieldEdit
    practice: PracticeOut


class EditList(BaseModel):
    id: str
    edits: list[FieldEdit]


@router.post(
    "/practices/{practice_id}/edits",
    response_model=EditResult,
    status_code=201,
    summary="Confirm, correct or hide one field of a record (editors)",
    tags=["practices"],
    dependencies=[Depends(require_admin)],
)
def edit_practice(
    service: ServiceDep,
    practice_id: Annotated[str, Path(pattern=PRACTICE_ID, examples=[EXAMPLE_PRACTICE])],
    body: EditIn,
) -> dict:
    """Stored apart from extraction with its time, reason and editor; applied whenever the record is read, so
    it survives re-ingests and rebuilds. Unknown fields, values of the wrong shape or a missing reason: 422."""
    return get_catalogue(service).edit(practice_id, body.field, body.action, body.value, body.reason, body.editor)


@router.get("/practices/{practice_id}/edits", response_model=EditList, summary="The editors' edits of a record",
            tags=["practices"])  # fmt: skip
def practice_edits(
    service: ServiceDep,
    practice_id: Annotated[str, Path(pattern=PRACTICE_ID, examples=[EXAMPLE_PRACTICE])],
) -> dict:
    return {"id": practice_id, "edits": get_catalogue(service).edits_of(practice_id)}
