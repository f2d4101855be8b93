"""Typed request and result of a search; `to_contract()` is the JSON of DESIGN.md. `Hit`, `Answer` and
`Duplicate` are defined here once; the API's response models (search_api/schemas.py) reuse them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from lgnet.domain import DocumentCopy
from retrieval.analysis import ParsedQuery
from retrieval.filters import META_FIELDS, SEARCH_FILTERS, SearchFilters

FACET_FIELDS = tuple(META_FIELDS.values())  # the metadata fields counted as facets
FACET_NAMES = {field: name for name, field in META_FIELDS.items()}  # metadata field -> facet (filter) name


@dataclass
class SearchRequest:
    q: str = ""
    k: int = 10
    page: int = 1
    city: list[str] = field(default_factory=list)
    intervention: list[str] = field(default_factory=list)
    doc_type: list[str] = field(default_factory=list)
    phase: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    sort: str = "relevance"  # or "date"
    # Ablation switches, used by `lgnet eval`.
    mode: str = "hybrid"  # "hybrid", "lexical" or "dense"
    understand: bool = True
    rerank: bool = True  # the tuned reranker (retrieval/rerank.py; the fusion's order without it)

    def __post_init__(self) -> None:
        for name in SEARCH_FILTERS:
            value = getattr(self, name)
            if value is None or value == "":
                setattr(self, name, [])
            elif not isinstance(value, list):
                setattr(self, name, [value])

    @property
    def raw_filters(self) -> dict[str, list]:
        """The filters as asked (unchecked): `SearchService.validate` parses them into SearchFilters."""
        return {name: getattr(self, name) for name in SEARCH_FILTERS}


class Duplicate(DocumentCopy):
    """Another outlet's copy of a passage (the same article syndicated): its passage and that passage's document."""

    id: str


class Hit(BaseModel):
    """One passage found: what the API returns (search_api/schemas.py reuses it) and the site shows."""

    id: str = Field(examples=["lgnet2-rassegna-stampa-2023-12-14-1a2b3c-a01:001"])
    doc_id: str
    title: str
    text: str = Field(description="The passage's full plain text")
    snippet: str = Field(description="HTML-safe excerpt, query terms in <mark>")
    score: float
    city: str | None = Field(description="The one municipality the passage is about")
    interventions: list[str]
    doc_type: str
    phase: str | None = None
    date: str | None = None
    source: str
    url: str | None = None
    outlet: str | None = None
    page: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    dup_group: str | None = None
    duplicates: list[Duplicate] = Field(
        default_factory=list, description="Other outlets that published it (the first 20 of `duplicates_total`)"
    )
    duplicates_total: int = Field(0, description="How many other passages are copies of it")
    ocr_confidence: float | None = Field(
        None, description="Set when the passage was read by OCR from a scan: the lowest page confidence (0-100)"
    )

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump()


class Answer(BaseModel):
    """The sentence of a top passage that answers the query (retrieval/answer.py), with its source."""

    sentence: str
    highlighted: str = Field(description="The sentence, HTML-safe, query terms in <mark>")
    chunk_id: str
    doc_id: str
    title: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    city: str | None = None
    score: float


@dataclass
class SearchResult:
    query: str
    parsed: ParsedQuery
    total: int
    page: int
    k: int
    hits: list[Hit]
    facets: dict[str, list[dict[str, Any]]]
    answer: Answer | None = None
    timings: dict[str, float] = field(default_factory=dict)
    filters: SearchFilters = field(default_factory=SearchFilters)

    def to_contract(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "k": self.k,
            "results": [h.to_dict() for h in self.hits],
            "facets": self.facets,
            "filters": self.filters.as_dict(),
            "parsed": self.parsed.to_dict(),
            "suggestion": self.parsed.suggestion,
            "answer": self.answer.model_dump() if self.answer else None,
            "timings_ms": {k: round(v * 1000, 2) for k, v in self.timings.items()},
        }
