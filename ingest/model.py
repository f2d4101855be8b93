"""Typed records passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lgnet.vocabulary import DOC_TYPES, PHASES  # noqa: F401  (re-exported for older imports)


@dataclass
class PageSpan:
    """Page `number` (1-based) covers text[start:end] of the file's extracted text."""

    number: int
    start: int
    end: int
    ocr_confidence: float | None = None  # set when the page's text was recognised by OCR (0-100)


@dataclass
class RawText:
    """What a reader returns: the file's plain text, and its pages when the format has them."""

    path: Path
    text: str
    format: str  # "txt", "md", "pdf", "docx", "html", "odt", "ods", "xlsx", "eml"
    encoding: str | None = None
    pages: list[PageSpan] = field(default_factory=list)
    title: str | None = None  # when the format carries one (HTML <title>, DOCX core properties)
    date: str | None = None  # ISO yyyy-mm-dd, when the format carries one (an e-mail's Date)
    # Metadata every document and passage of the file carries (signer of a .p7m, sender of a mail...).
    meta: dict[str, Any] = field(default_factory=dict)
    # Files inside this one, each read by its own reader (an e-mail's attachments).
    attachments: list[RawText] = field(default_factory=list)


@dataclass
class Part:
    """One logical document cut out of a file (an article of a press review, a summary table, a whole file).

    `start`/`end` are character offsets into the file's text, so a passage can be shown in context.
    """

    kind: str  # "article", "table" or "document"
    title: str
    text: str
    start: int
    end: int
    date: str | None = None  # ISO yyyy-mm-dd
    outlet: str | None = None
    url: str | None = None
    category: str | None = None  # the press review's outlet category ("Agenzie", "Social Network"...)
    extra: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # offset in `text` where the article's body starts, after its header (date, title, outlet)


@dataclass
class Document:
    """A logical document with its metadata, ready to chunk."""

    doc_id: str
    source: str  # path relative to the corpus root
    title: str
    text: str
    doc_type: str
    start: int  # offset of `text` in the source file's text
    phase: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "it"
    city: str | None = None
    cities_mentioned: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    category: str | None = None
    pages: list[PageSpan] = field(default_factory=list)  # in this document's own offsets
    meta: dict[str, Any] = field(default_factory=dict)  # format metadata (RawText.meta, attachment links)
    body_start: int = 0  # offset in `text` after the article's header (the splitter's Part.body_start)

    def ocr_metadata(self, start: int = 0, end: int | None = None) -> dict[str, Any]:
        """`ocr` and `ocr_confidence` (the lowest of the OCR'd pages) for text[start:end]; {} when none of
        those pages was recognised by OCR."""
        end = len(self.text) if end is None else end
        scores = [
            p.ocr_confidence for p in self.pages if p.ocr_confidence is not None and p.end > start and p.start < end
        ]
        return {"ocr": True, "ocr_confidence": round(min(scores), 1)} if scores else {}


@dataclass
class Chunk:
    """A passage: shown as `text`, embedded as `embed_text` (with title and city as context)."""

    chunk_id: str
    doc: Document
    index: int
    text: str
    start: int  # offsets in the document's text
    end: int
    page: int | None = None
    interventions: list[str] = field(default_factory=list)
    header_end: int = 0  # characters of `text` that are the article's header (date, title, outlet, link)

    @property
    def embed_text(self) -> str:
        context = self.doc.title if not self.doc.city else f"{self.doc.title} ({self.doc.city})"
        return f"{context}\n{self.text}"
