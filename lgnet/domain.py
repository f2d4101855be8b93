"""The typed records of the read model that are not practice records (those are in lgnet/practice.py):
documents, the passages pages list, cities and a city's profile, practice cards and one area compared across
cities.

Typed once here (pydantic) and built by the read side (knowledge/documents.py, retrieval/browse.py,
retrieval/practices.py); the API's response models reuse them, and the data functions hand the site the same
records dumped to dicts (`dump`), so the API and the site render one shape.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

from lgnet.practice import Budget, Contact, FieldReview, Figure, Partner, Period, Sourced

# A document's format and provenance (ingest/readers): present only where the file has them.
FORMAT_FIELDS = ("format", "signed", "signers", "signed_at", "sender", "parent_doc_id", "attachment", "attachments",
                 "ocr_confidence")  # fmt: skip
SPARSE = {"sparse": True}  # serialization context: a document's format fields only where the file has them


def dump(record: BaseModel) -> dict[str, Any]:
    """A record as the data functions hand it to the site's pages and their JSON twins (the API's response
    models dump the same records in full, absent format fields as null)."""
    return record.model_dump(mode="json", context=SPARSE)


class DocumentSummary(BaseModel):
    """A document as lists show it: its metadata, read from its passages (the index is the source)."""

    doc_id: str
    title: str
    doc_type: str | None
    phase: str | None = None
    city: str | None = None
    date: str | None = None
    year: int | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    category: str | None = Field(None, description="A press review's outlet category (Agenzie, Stampa...)")
    cities_mentioned: list[str] = Field(default_factory=list)
    section_cities: list[str] = Field(
        default_factory=list,
        description="Other comuni parts of it are about (a review's articles, a newsletter's "
        "news): each one's practice records cite it",
    )
    dup_group: str | None = Field(None, description="Group of the syndicated copies of the same article")
    interventions: list[str]
    passages: int
    format: str | None = Field(None, description="txt, md, pdf, docx, html, odt, ods, xlsx, eml, p7m...")
    signed: bool | None = Field(None, description="The file is a signed envelope (CAdES .p7m)")
    signers: list[str] | None = Field(None, description="Names of the signers of a signed file")
    signed_at: str | None = Field(None, description="The earliest signing time (ISO 8601)")
    sender: str | None = Field(None, description="An e-mail's sender")
    parent_doc_id: str | None = Field(None, description="The e-mail an attachment came with")
    attachment: str | None = Field(None, description="An attachment's file name in its e-mail")
    attachments: list[str] | None = Field(None, description="Documents made of an e-mail's attachments")
    ocr_confidence: float | None = Field(
        None, description="Set when some of the text was read by OCR: the lowest passage confidence (0-100)"
    )

    @model_serializer(mode="wrap")
    def _sparse(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo):  # noqa: ANN202 - the model's own schema
        data = handler(self)
        if isinstance(info.context, dict) and info.context.get("sparse"):
            for name in FORMAT_FIELDS:
                if data.get(name) is None:
                    data.pop(name, None)
        return data


class DocumentText(DocumentSummary):
    text: str = Field(description="The document's whole text")


class DocumentCopy(BaseModel):
    """Another outlet's copy of a document (the same article syndicated)."""

    doc_id: str
    title: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


class DocumentPassage(BaseModel):
    """One passage of a document, in the document's order."""

    id: str
    text: str
    char_start: int | None = None
    char_end: int | None = None
    page: int | None = None
    interventions: list[str] = Field(default_factory=list)
    dup_group: str | None = None
    ocr_confidence: float | None = None


class PassageExcerpt(BaseModel):
    """A passage as the city and area pages list it, with what its citation needs (an article's header left
    out of the text)."""

    id: str
    doc_id: str | None = None
    title: str | None = None
    text: str
    outlet: str | None = None
    date: str | None = None


class City(BaseModel):
    name: str
    name_en: str
    region: str
    province: str = Field("", description="car-plate code of the province (ISTAT)")
    phases: list[str] = Field(default_factory=list, description="LGNet phases the city took part in")
    lat: float | None = Field(None, description="known for the network's cities only")
    lon: float | None = None


class CityInfo(City):
    """A city in the list of cities: with its number of documents and of documents per intervention area."""

    documents: int
    interventions: dict[str, int]


class FigureFact(Figure):
    """A figure with the record it belongs to (`practice` None: stated for the whole project in the city)."""

    phase: str | None = None
    practice: str | None = None


class PartnerFact(Partner):
    area: str | None = None
    phase: str | None = None
    practice: str | None = None


class FigureBrief(BaseModel):
    value: int | float
    unit: str
    label: str = ""


class PracticeCard(BaseModel):
    """A practice record as a result card (search, catalogue, similar practices, a city's practices)."""

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


class ScoredCard(PracticeCard):
    score: float


class CityPractice(PracticeCard):
    period: Period


class ProjectBrief(BaseModel):
    """What a city's documents of one phase state for the whole project: its period, budget and contacts."""

    id: str
    phase: str | None = None
    period: Period
    budget: Budget
    contacts: list[Contact]


class CityProfile(BaseModel):
    """What a city did: its documents, passages by area, its practice records and their facts."""

    city: City
    documents: list[DocumentSummary]
    interventions: dict[str, list[PassageExcerpt]]
    practices: list[CityPractice] = Field(description="The city's practice records (cards with their period)")
    projects: list[ProjectBrief] = Field(description="Per phase: the project's period, budget and contacts")
    figures: list[FigureFact] = Field(description="Figures of the city's records (area None: whole project)")
    partners: list[PartnerFact]
    press: list[DocumentSummary]


class AreaRef(BaseModel):
    code: str
    label_it: str
    label_en: str


class CompareRow(BaseModel):
    """One city's record of an area, beside the facts its documents state for the whole project there."""

    id: str
    title: str
    city: str
    phase: str | None = None
    activities: list[Sourced]
    figures: list[Figure]
    partners: list[Partner]
    summary: list[Sourced]
    period: Period
    budget: Budget
    review: dict[str, FieldReview]
    project_figures: list[Figure] = Field(description="Figures stated for the whole project in the city")
    project_partners: list[Partner]


class Comparison(BaseModel):
    area: AreaRef
    practices: list[CompareRow]
