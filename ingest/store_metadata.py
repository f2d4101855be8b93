"""The metadata a document and its passages carry in the store, built from what ingestion made of them."""

from __future__ import annotations

import hashlib

from ingest.metadata import year_of
from ingest.model import Chunk, Document
from lgnet.store import clean_metadata


def _shared_metadata(doc: Document) -> dict:
    """What a document and each of its passages both carry."""
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "doc_type": doc.doc_type,
        "phase": doc.phase,
        "city": doc.city,
        "cities_mentioned": doc.cities_mentioned,
        "interventions": doc.interventions,
        "date": doc.date,
        "year": year_of(doc.date),
        "outlet": doc.outlet,
        "url": doc.url,
        "language": doc.language,
        "source": doc.source,
        "doc_start": doc.start,
        "category": doc.category,
        **doc.meta,  # the format's own: format, ocr, signer, sender, parent message, attachments...
    }


def doc_metadata(doc: Document, n_chunks: int) -> dict:
    return clean_metadata(
        {
            **_shared_metadata(doc),
            "chunks": n_chunks,
            "pages": len(doc.pages) or None,
            "body_start": doc.body_start or None,  # where an article's text starts after its header
        }
    )


def chunk_metadata(chunk: Chunk, shared: dict | None = None) -> dict:
    """`shared`: the document's part (`passage_shared_metadata`), computed once for all its passages."""
    shared = passage_shared_metadata(chunk.doc) if shared is None else shared
    return clean_metadata(
        {
            **shared,
            **chunk.doc.ocr_metadata(chunk.start, chunk.end),  # only when this passage's own pages were OCR'd
            "interventions": chunk.interventions,  # the passage's own areas, not the document's
            "page": chunk.page,
            "char_start": chunk.start,
            "char_end": chunk.end,
            "chunk_index": chunk.index,
            "header_end": chunk.header_end or None,  # the article header's characters at the passage's start
            "content_hash": hashlib.sha1(chunk.embed_text.encode()).hexdigest(),
        }
    )


def passage_shared_metadata(doc: Document) -> dict:
    return {k: v for k, v in _shared_metadata(doc).items() if k not in ("ocr", "ocr_confidence")}
