"""The documents of the read model (knowledge/documents.py): one typed summary per document, read from its
passages' metadata, and the same record as the API (absent format fields null) and the site (left out) show it."""

from __future__ import annotations

from knowledge.documents import document_summaries
from lgnet.domain import FORMAT_FIELDS, DocumentSummary, dump


def _meta(doc_id: str, **extra) -> dict:
    base = {"doc_id": doc_id, "title": f"Titolo {doc_id}", "doc_type": "report", "city": "Torino", "year": 2023}
    return {**base, **extra}


def test_one_summary_per_document_from_its_passages():
    ids = ["a:1", "a:2", "b:1", "a:3"]
    metas = [
        _meta("a", interventions=["housing"], format="pdf", ocr=True, ocr_confidence=91.5, doc_dup_group="g1"),
        _meta("a", interventions=["jobs", "housing"], format="pdf", ocr_confidence=72.0, doc_dup_group="g1"),
        _meta("b", format="p7m", signed=True, signers=["Mario Rossi"], signed_at="2023-05-02T10:00:00"),
        _meta("a", interventions=[], format="pdf", doc_dup_group="g1"),
    ]
    docs = document_summaries(ids, metas)
    assert list(docs) == ["a", "b"]  # corpus order
    a, b = docs["a"], docs["b"]
    assert (a.passages, a.interventions, a.ocr_confidence, a.dup_group) == (3, ["housing", "jobs"], 72.0, "g1")
    assert (b.passages, b.signed, b.signers, b.ocr_confidence, b.dup_group) == (1, True, ["Mario Rossi"], None, None)
    assert a.title == "Titolo a" and a.year == 2023 and a.format == "pdf"


def test_the_site_leaves_out_the_format_fields_a_file_has_not_the_api_lists_them_as_null():
    doc = document_summaries(["x:1"], [_meta("x", format="txt")])["x"]
    site = dump(doc)
    api = doc.model_dump(mode="json")
    assert site["format"] == "txt" and not {"signed", "signers", "sender", "ocr_confidence"} & set(site)
    assert set(api) == set(DocumentSummary.model_fields) and all(api[f] is None for f in FORMAT_FIELDS if f != "format")
    assert {k: v for k, v in api.items() if v is not None or k not in FORMAT_FIELDS} == site
