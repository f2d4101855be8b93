"""The practice record: one city x intervention area x phase, every field with its sources.

Typed once here (pydantic models) and reused by the knowledge layer that builds records, the read model that
serves them and the API schemas that describe them. A null field is shown as "non indicato".
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

EditAction = Literal["confirm", "correct", "hide"]
FieldStatus = Literal["extracted", "verified", "corrected", "hidden", "missing"]


class Source(BaseModel):
    chunk_id: str = Field(description="The passage the field was read from", examples=["...-a11:003"])
    doc_id: str | None = None
    start: int = Field(0, description="Offset of the sentence in the passage")
    end: int = 0
    quote: str = Field("", description="The sentence itself")


class Sourced(BaseModel):
    """A sentence-long fact (summary sentence, activity, result, transferability) and where it was read."""

    text: str
    source: Source | None = None


class Figure(BaseModel):
    value: int | float
    unit: str = Field(examples=["people"], description="people, beneficiaries, families, minors, women, beds, ...")
    unit_label_it: str = ""
    unit_label_en: str = ""
    label: str = Field("", description="What the figure counts, in the sentence's words",
                       examples=["persone che hanno trovato casa"])  # fmt: skip
    area: str | None = Field(None, description="Intervention area decided by the figure's own sentence")
    text: str = Field("", examples=["oltre 160 persone"])
    source: Source | None = None
    also_in: int = Field(0, description="Other documents (not copies) stating the same figure")


class Partner(BaseModel):
    name: str = Field(examples=["Cooperativa Astrolabio"])
    role: str | None = Field(None, description="Role when the text states it (capofila, partner di progetto)")
    source: Source | None = None


class Target(BaseModel):
    code: str
    label_it: str
    label_en: str
    text: str = ""
    source: Source | None = None


class PeriodMention(BaseModel):
    code: str
    value: str
    source: Source | None = None


class Period(BaseModel):
    """The project's period: stated dates, else the phase's years; never a press article's date."""

    start: str | None = None
    end: str | None = None
    basis: Literal["stated", "phase"] | None = Field(None, description="stated in the text, or the phase's years")
    source: Source | None = None
    mentions: list[PeriodMention] = Field(default_factory=list)


class Amount(BaseModel):
    value: float
    currency: str = "EUR"
    kind: Literal["total", "funded", "cofinancing", "city_share"] = "total"
    label: str = Field("", examples=["importo totale della quota per il Comune"])
    source: Source | None = None


class Budget(BaseModel):
    total: Amount | None = Field(None, description="The city's total (its share of the project when stated)")
    cofinancing: Amount | None = None
    items: list[Amount] = Field(default_factory=list, description="Every amount read, labelled")


class Contact(BaseModel):
    office: str | None = None
    email: str | None = None
    phone: str | None = None
    source: Source | None = None


class Citation(BaseModel):
    doc_id: str | None = None
    title: str | None = None
    doc_type: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    page: int | None = None


class FieldReview(BaseModel):
    """Whether a field was extracted automatically or reviewed by an editor (and when, why, by whom)."""

    status: FieldStatus = "extracted"
    at: str | None = None
    reason: str | None = None
    editor: str | None = None


class PracticeRecord(BaseModel):
    id: str = Field(examples=["torino-housing-lgnet2"])
    title: str
    title_en: str
    city: str
    area: str
    area_label_it: str
    area_label_en: str
    areas: list[str] = Field(default_factory=list)
    phase: str | None = None
    summary: list[Sourced] = Field(default_factory=list, description="Whole sentences from the best source")
    activities: list[Sourced] = Field(default_factory=list)
    target_groups: list[Target] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    period: Period = Field(default_factory=Period)
    budget: Budget = Field(default_factory=Budget)
    contacts: list[Contact] = Field(default_factory=list)
    results: list[Sourced] = Field(default_factory=list)
    transferability: list[Sourced] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    passages: list[str] = Field(default_factory=list)
    review: dict[str, FieldReview] = Field(default_factory=dict, description="Per field: extracted or reviewed")
    text: str = ""


# Fields an editor may confirm, correct or hide, and the type a correction must have.
EDITABLE_FIELDS: dict[str, Any] = {
    "title": str,
    "title_en": str,
    "summary": list[Sourced],
    "activities": list[Sourced],
    "target_groups": list[Target],
    "figures": list[Figure],
    "partners": list[Partner],
    "period": Period,
    "budget": Budget,
    "contacts": list[Contact],
    "results": list[Sourced],
    "transferability": list[Sourced],
}


class FieldEdit(BaseModel):
    """One editor's decision on one field of one record, stored apart from extraction."""

    id: str
    practice_id: str
    field: str
    action: EditAction
    value: object | None = None
    reason: str
    editor: str | None = None
    at: str = Field(description="UTC time of the edit, ISO 8601")


class ProjectFacts(BaseModel):
    """What a city's documents of one phase state about the whole project rather than one area (their
    sentence names no area, or three or more): shown on the city page and beside each of its records."""

    id: str
    city: str
    phase: str | None = None
    figures: list[Figure] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    activities: list[Sourced] = Field(default_factory=list)
    results: list[Sourced] = Field(default_factory=list)
    transferability: list[Sourced] = Field(default_factory=list)
    period: Period = Field(default_factory=Period)
    budget: Budget = Field(default_factory=Budget)
    contacts: list[Contact] = Field(default_factory=list)
    records: list[str] = Field(default_factory=list, description="Ids of the city's records of this phase")


class PhaseFacts(BaseModel):
    """A programme phase as its own documents (those about no one city) state it: its years."""

    phase: str
    period: Period = Field(default_factory=Period)
