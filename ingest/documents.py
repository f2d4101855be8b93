"""From a file's text to logical documents with metadata, and from documents to passages."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.chunking import chunk_spans
from ingest.city import main_city
from ingest.clean import blank_furniture
from ingest.display import display_text
from ingest.doctype import DocTypeClassifier
from ingest.messages import is_email
from ingest.metadata import cities_mentioned, detect_phase, interventions
from ingest.model import Chunk, Document, PageSpan, Part, RawText
from ingest.splitters import split
from lgnet.text import detect_language, normalize_space, strip_headings, strip_markdown

_KIND_TO_TYPE = {"article": "press_article", "table": "press_summary"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "doc"


def document_base_id(source: str) -> str:
    """Readable and unique: the file stem plus a short hash of its corpus path."""
    return f"{slug(Path(source).stem)[:60]}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"


class DocumentBuilder:
    """Splits a file into documents (articles and tables of a press review, or the whole file) and
    describes each: type, phase, date, outlet, url, language, city, cities mentioned, intervention areas."""

    def __init__(self, doctype: DocTypeClassifier | None = None) -> None:
        self.doctype = doctype or DocTypeClassifier()

    def run(self, raw: RawText, source: str, entry: dict) -> list[Document]:
        base = document_base_id(source)
        docs = self._documents(raw, source, entry, base)
        # Attachments (of an e-mail) are documents of their own, linked both ways with the message.
        for n, attachment in enumerate(raw.attachments, start=1):
            children = self._documents(attachment, source, {}, f"{base}-a{n:02d}")
            for child in children:
                child.meta.update(parent_doc_id=docs[0].doc_id, attachment=attachment.path.name)
            docs[0].meta.setdefault("attachments", []).extend(child.doc_id for child in children)
            docs.extend(children)
        return docs

    def _documents(self, raw: RawText, source: str, entry: dict, base: str) -> list[Document]:
        if raw.date and "date" not in entry:  # the file's own date (an e-mail's) unless the catalogue says
            entry = {**entry, "date": raw.date}
        parts = self._parts(raw, entry)
        counters: dict[str, int] = {}
        docs = []
        for part in parts:
            n = counters[part.kind] = counters.get(part.kind, 0) + 1
            doc_id = base if part.kind == "document" else f"{base}-{part.kind[0]}{n:02d}"
            doc = self._describe(part, raw, source, entry, doc_id)
            # what the splitter found about a part (a press article's journalist, audience...) is kept too
            doc.meta = {**raw.meta, "format": raw.format, **part.extra, **doc.ocr_metadata(), **doc.meta}
            docs.append(doc)
        return docs

    def _parts(self, raw: RawText, entry: dict) -> list[Part]:
        parts = split(raw.text, entry.get("doc_type"))  # the splitter registry (ingest/splitters)
        if parts:
            return parts
        title = entry.get("title") or raw.title or _first_line(raw.text) or Path(raw.path).stem
        return [Part(kind="document", title=title, text=raw.text, start=0, end=len(raw.text))]

    def _describe(self, part: Part, raw: RawText, source: str, entry: dict, doc_id: str) -> Document:
        whole_file = part.kind == "document"
        text = part.text if part.kind == "table" else blank_furniture(part.text)
        language = (entry.get("language") if whole_file else None) or detect_language(text)
        # The splitter knows its parts; a catalogue entry or upload field overrides; otherwise the content decides
        # (an entry's "press_review" whose articles could not be split says nothing about the whole text).
        doc_type = _KIND_TO_TYPE.get(part.kind) or (entry.get("doc_type") if whole_file else None)
        file_format = raw.format if whole_file else None  # a press review's article is no workbook, no .eml
        # An e-mail (an .eml, or a message pasted with its header) is its sender's message: its type, its city and the
        # records' reading (knowledge/document_reading.py, by the `email` metadata) leave out what it forwards or quotes
        email = is_email(text, file_format)
        if doc_type in (None, "press_review"):
            doc_type = self.doctype.run(part.title, text, language, file_format, email).doc_type
        city = entry.get("city") if whole_file else None
        if city is None and part.kind != "table":
            addressed = str(raw.meta.get("recipients") or "") if whole_file else ""  # an e-mail's To and Cc
            city = main_city(part.title, text, titled_only=doc_type == "press_review", addresses=addressed, email=email)
        return Document(
            doc_id=doc_id,
            source=source,
            title=normalize_space(strip_headings(strip_markdown(part.title))),
            text=text,
            doc_type=doc_type,
            start=part.start,
            phase=entry.get("phase") or detect_phase(text),
            date=part.date or entry.get("date"),
            outlet=part.outlet,
            url=part.url or (entry.get("url") if whole_file else None),
            language=language,
            city=city,
            cities_mentioned=cities_mentioned(text),
            interventions=interventions(text) if part.kind != "table" else [],
            category=part.category,
            pages=_pages_within(raw.pages, part.start, part.end),
            body_start=part.body_start,
            meta={"email": True} if email else {},
        )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return normalize_space(line)[:200]
    return ""


def _pages_within(pages: list[PageSpan], start: int, end: int) -> list[PageSpan]:
    """The file's page spans, clipped to a document and shifted into its own offsets."""
    return [
        PageSpan(p.number, max(p.start, start) - start, min(p.end, end) - start, p.ocr_confidence)
        for p in pages
        if p.end > start and p.start < end
    ]


class Chunker:
    """Cuts documents into passages and labels each with its intervention areas and page."""

    def __init__(self, min_words: int = 120, max_words: int = 300) -> None:
        if not 0 < min_words <= max_words:
            raise ValueError(f"need 0 < min_words <= max_words, got {min_words}, {max_words}")
        self.min_words = min_words
        self.max_words = max_words

    def run(self, doc: Document) -> list[Chunk]:
        chunks = []
        for i, (start, end) in enumerate(chunk_spans(doc.text, self.min_words, self.max_words)):
            text = display_text(doc.text[start:end])
            if not text:
                continue
            page = next((p.number for p in doc.pages if p.start <= start < p.end), None)
            areas = interventions(text) if doc.doc_type != "press_summary" else []
            chunk = Chunk(f"{doc.doc_id}:{i:03d}", doc, i, text, start, end, page, areas)
            if start < doc.body_start:  # the passage opens with the article's header
                chunk.header_end = min(len(text), len(display_text(doc.text[start : min(end, doc.body_start)])))
            chunks.append(chunk)
        return chunks
