"""Dossier exports read back: DOCX with python-docx, PDF with pypdf, Markdown as text; every item and every
citation must be there."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from practices.dossiers import DossierStore
from practices.export import export_dossier, resolve


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def dossier(service, tmp_path_factory):
    store = DossierStore(tmp_path_factory.mktemp("dossiers"))
    d = store.create("Dossier di prova: casa e presa in carico", "Per il modulo di formazione")
    corpus = service.lexical.current().corpus
    passage = next(cid for cid, m in zip(corpus.ids, corpus.metas, strict=True) if m.get("url") and m.get("city"))
    store.add_item(d["id"], "practice", "latina-housing-lgnet2", "Vedi i 32 posti letto")
    store.add_item(d["id"], "passage", passage, "Citazione per la slide 3 — «virgolette» e accenti: è, à")
    store.add_item(d["id"], "practice", "trieste-housing-lgnet2")
    return store.get(d["id"])


def _expectations(service, dossier) -> tuple[list[str], list[str], list[str]]:
    resolved = resolve(service, dossier)
    titles = [i["title"] for i in resolved["items"]]
    notes = [i["note"] for i in resolved["items"] if i["note"]]
    citations = [c for i in resolved["items"] for c in i["citations"]]
    assert len(titles) == 3 and len(citations) >= 3 and all(i["citations"] for i in resolved["items"])
    return titles, notes, citations


def test_markdown_has_every_item_and_citation(service, dossier):
    content, media, name = export_dossier(service, dossier, "md")
    text = content.decode("utf-8")
    assert media.startswith("text/markdown") and name.endswith(".md")
    titles, notes, citations = _expectations(service, dossier)
    for expected in titles + notes + citations:
        assert expected in text
    # Items come in the dossier's order.
    assert text.index(titles[0]) < text.index(titles[1]) < text.index(titles[2])


def test_docx_read_back(service, dossier):
    content, media, _ = export_dossier(service, dossier, "docx")
    assert media.endswith("wordprocessingml.document")
    doc = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in doc.paragraphs)
    titles, notes, citations = _expectations(service, dossier)
    for expected in titles + citations:
        assert expected in text, expected
    for note in notes:
        assert f"Nota: {note}" in text
    assert doc.core_properties.title == dossier["title"]


def test_pdf_read_back(service, dossier):
    content, media, _ = export_dossier(service, dossier, "pdf")
    assert media == "application/pdf" and content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    text = _squash("".join(page.extract_text() for page in reader.pages))
    titles, notes, citations = _expectations(service, dossier)
    for expected in titles + notes + citations:
        # Lines wrap anywhere: compare without whitespace.
        assert _squash(expected) in text, expected
    assert reader.metadata.title == dossier["title"]


def test_removed_source_falls_back_to_its_snapshot(service, tmp_path):
    store = DossierStore(tmp_path)
    d = store.create("x")
    snapshot = {"title": "Pratica scomparsa", "text": "testo", "citations": ["Titolo. Testata, 2023-10-18."]}
    store.add_item(d["id"], "practice", "atlantide-housing-lgnet2", "", snapshot)
    text = export_dossier(service, store.get(d["id"]), "md")[0].decode("utf-8")
    assert "Pratica scomparsa" in text and "Titolo. Testata, 2023-10-18." in text and "non più disponibile" in text
