"""Typed request and result of a search; `to_contract()` is the JSON of DESIGN.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from retrieval.analysis import ParsedQuery
from retrieval.filters import SearchFilters

FACET_FIELDS = ("city", "interventions", "doc_type", "phase", "year")
FACET_NAMES = {"interventions": "intervention"}  # facet name in the API -> metadata field


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

    def __post_init__(self) -> None:
        for name in ("city", "intervention", "doc_type", "phase", "year"):
            value = getattr(self, name)
            if value is None or value == "":
                setattr(self, name, [])
            elif not isinstance(value, list):
                setattr(self, name, [value])

    @property
    def raw_filters(self) -> dict[str, list]:
        """The filters as asked (unchecked): `SearchService.validate` parses them into SearchFilters."""
        return {name: getattr(self, name) for name in ("city", "intervention", "doc_type", "phase", "year")}


@dataclass
class Duplicate:
    id: str
    doc_id: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None


@dataclass
class Hit:
    id: str
    doc_id: str
    title: str
    text: str
    snippet: str
    score: float
    city: str | None
    interventions: list[str]
    doc_type: str
    phase: str | None
    date: str | None
    source: str
    url: str | None
    outlet: str | None = None
    page: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    dup_group: str | None = None
    duplicates: list[Duplicate] = field(default_factory=list)
    ocr_confidence: float | None = None  # set when the passage was read by OCR from a scan (0-100)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    sentence: str
    highlighted: str
    chunk_id: str
    doc_id: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    city: str | None
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
            "answer": asdict(self.answer) if self.answer else None,
            "timings_ms": {k: round(v * 1000, 2) for k, v in self.timings.items()},
        }
