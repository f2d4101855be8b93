"""The documents of the read model: each document's summary, read from its passages' metadata (every passage
carries its document's fields, ingest/pipeline.py), in corpus order. One pass, no extra store call; the read
side keeps the result with the index it was computed from (retrieval/browse.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lgnet.domain import FORMAT_FIELDS, DocumentSummary

_OWN_FIELDS = ("doc_type", "phase", "city", "date", "year", "outlet", "url", "source", "language", "category")


def document_summaries(ids: Sequence[str], metas: Sequence[Mapping[str, Any]]) -> dict[str, DocumentSummary]:
    """doc_id -> its summary: the document's own fields from its first passage, the number of passages, the
    union of their intervention areas and of the comuni their sections are about, and the lowest OCR confidence
    among them."""
    first: dict[str, Mapping[str, Any]] = {}
    passages: dict[str, int] = {}
    areas: dict[str, set[str]] = {}
    sections: dict[str, dict[str, None]] = {}
    ocr: dict[str, float] = {}
    for cid, meta in zip(ids, metas, strict=True):
        doc_id = meta.get("doc_id", cid)
        if doc_id not in first:
            first[doc_id], passages[doc_id], areas[doc_id], sections[doc_id] = meta, 0, set(), {}
        passages[doc_id] += 1
        sections[doc_id].update(dict.fromkeys(meta.get("section_cities", [])))
        areas[doc_id].update(meta.get("interventions", []))
        if meta.get("ocr_confidence") is not None:
            ocr[doc_id] = min(ocr.get(doc_id, 100.0), meta["ocr_confidence"])
    summaries = {}
    for doc_id, meta in first.items():
        formats = {k: meta[k] for k in FORMAT_FIELDS if k != "ocr_confidence" and meta.get(k) is not None}
        summaries[doc_id] = DocumentSummary(
            doc_id=doc_id,
            **{k: meta.get(k) for k in _OWN_FIELDS},
            title=meta.get("title", ""),
            cities_mentioned=meta.get("cities_mentioned", []),
            section_cities=list(sections[doc_id]),
            dup_group=meta.get("doc_dup_group"),
            interventions=sorted(areas[doc_id]),
            passages=passages[doc_id],
            ocr_confidence=ocr.get(doc_id),
            **formats,
        )
    return summaries
