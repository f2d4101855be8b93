"""Response models: they document the API (OpenAPI) and are what schemathesis checks responses against.
The domain types are reused, never copied: passages, answers and copies from retrieval.models, practice
records from lgnet.practice, documents, cities, cards and comparisons from lgnet.domain."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lgnet.domain import (
    CityInfo,
    DocumentCopy,
    DocumentPassage,
    DocumentSummary,
    DocumentText,
    FigureFact,
    ScoredCard,
)
from retrieval.models import Answer, Hit


class ErrorInfo(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no document with id 'x'"])
    detail: Any = None


class ErrorBody(BaseModel):
    error: ErrorInfo


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 404, 413, 415, 422, 503)}


class HitOut(Hit):
    practice_ids: list[str] = Field([], description="Practice records that cite this passage")


class FacetValue(BaseModel):
    value: str | int
    count: int


class Parsed(BaseModel):
    text: str
    language: str
    cities: list[str]
    interventions: list[str]
    expansions: list[str] = Field(description="Thesaurus and glossary alternatives (weigh less than the query)")
    intent: str | None = Field(None, description="figure, partners, places, how or definition")
    frame: list[str] = Field([], description="Question phrasing taken out of the lexical search")
    corrections: dict[str, str] = Field({}, description="Typed word -> the index's word it was corrected to")
    regions: list[str] = []
    places: list[str] = Field([], description="Regions, macro-areas or provinces named")
    region_cities: list[str] = Field([], description="Cities of the places named (boosted)")
    phases: list[str] = Field([], description="Phases named by name, edition or years (boosted)")


class SearchResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "alloggi per famiglie a Torino",
                    "total": 12,
                    "page": 1,
                    "k": 10,
                    "results": [],
                    "facets": {"city": [{"value": "Torino", "count": 3}]},
                    "filters": {},
                    "parsed": {
                        "text": "alloggi per famiglie a Torino",
                        "language": "it",
                        "cities": ["Torino"],
                        "interventions": ["housing"],
                        "expansions": [],
                    },
                    "answer": None,
                    "timings_ms": {"total": 12.5},
                }
            ]
        }
    )

    query: str
    total: int
    page: int
    k: int
    results: list[HitOut]
    facets: dict[str, list[FacetValue]]
    filters: dict[str, list[str | int]]
    parsed: Parsed
    suggestion: str | None = Field(None, description="The query with its typos corrected (Forse cercavi)")
    practices: list[ScoredCard] = Field([], description="Practice records matching the query, shown first")
    answer: Answer | None
    timings_ms: dict[str, float]


class DocumentList(BaseModel):
    total: int
    page: int
    k: int
    documents: list[DocumentSummary]


class DocumentDetail(BaseModel):
    document: DocumentText
    chunks: list[DocumentPassage]
    duplicates: list[DocumentCopy] = Field(description="Other outlets' copies of the same article")
    similar: list[Hit]
    figures: list[FigureFact] = Field(description="Figures the practice records read from it (or a copy)")


class SimilarResponse(BaseModel):
    id: str
    results: list[Hit]


class CityList(BaseModel):
    cities: list[CityInfo]


class FacetsResponse(BaseModel):
    total: int
    facets: dict[str, list[FacetValue]]
    allowed: dict[str, list[str]]


class Health(BaseModel):
    status: str = Field(examples=["ok"])


class Ready(BaseModel):
    status: str
    store: str
    passages: int
    documents: int
    embedder: str
    revision: str


class JobOut(BaseModel):
    id: str
    kind: str
    status: str = Field(description="queued, running, done or failed")
    created: float
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    progress: dict[str, Any] | None = Field(
        default=None,
        description="While running, when reported: pages recognised by OCR so far "
        '{"file", "stage": "ocr", "done", "total"}',
    )


class Deleted(BaseModel):
    deleted: list[str]
