"""Dossier exports checked the way a person would: the PDF's pages rendered to images (poppler's pdftoppm) and
read back with pypdf, the DOCX read back with python-docx. A4, Italian, cover and contents, page numbers,
no heading alone at the foot of a page, sources numbered per item with live links, syndicated copies cited once,
no internal ids, no tracking parameters, Italian dates, a file name from the title."""

from __future__ import annotations

import re

import pytest

from practices.cite import clean_url, date_it, file_slug, number_it
from practices.dossiers import DossierStore
from practices.export import export_dossier, resolve
from tests.practices.export_checks import ISO_DATE, check_docx, check_pdf

PRACTICES = ("latina-housing-lgnet2", "trieste-housing-lgnet2", "torino-taking-charge-lgnet2", "genova-housing-lgnet2")


@pytest.fixture(scope="module")
def dossier(service, tmp_path_factory):
    """Five items: four practices (Genova's sources include syndicated copies) and a passage whose article URL
    carries an `fbclid`."""
    store = DossierStore(tmp_path_factory.mktemp("dossiers"))
    d = store.create("Casa e presa in carico: materiali per il modulo 2", "Per il corso di formazione", "Maria Rossi")
    corpus = service.lexical.current().corpus
    tracked = next(cid for cid, m in zip(corpus.ids, corpus.metas, strict=True) if "fbclid" in (m.get("url") or ""))
    for ref in PRACTICES:
        store.add_item(d["id"], "practice", ref, f"Da discutere: {ref.split('-')[0]}")
    store.add_item(d["id"], "passage", tracked, "Citazione per la slide 3 — «virgolette» e accenti: è, à")
    return store.get(d["id"])


@pytest.fixture(scope="module")
def resolved(service, dossier):
    return resolve(service, dossier)


def test_helpers():
    assert date_it("2026-11-23") == "23 novembre 2026" and date_it("2023-10") == "ottobre 2023"
    assert number_it(1200) == "1.200" and number_it(2.5) == "2,5"
    assert clean_url("https://x.it/a?fbclid=IwAR1&id=3&utm_source=fb") == "https://x.it/a?id=3"
    assert clean_url("https://x.it/a/?fbclid=IwAR1") == "https://x.it/a/"
    assert clean_url("javascript:alert(1)") is None
    assert file_slug("Casa e presa in carico: modulo 2!") == "casa-e-presa-in-carico-modulo-2"


def test_resolved_items_cite_each_article_once(resolved):
    genova = next(i for i in resolved["items"] if i["ref"] == "genova-housing-lgnet2")
    # Genova 24's article was syndicated by four other sites: one source, the copies "anche in".
    assert any(len(s["also"]) >= 2 for s in genova["sources"])
    outlets = [s.get("outlet") for s in genova["sources"]]
    assert len(outlets) == len(set(outlets))
    for item in resolved["items"]:
        assert "\n" not in item["text"]  # a passage is one paragraph
        assert not any(re.search(r"\b\d+ [a-z]+_[a-z]+\b", f) for f in item["facts"])  # no raw unit codes


def test_markdown_has_every_item_and_citation(service, dossier, resolved):
    content, media, name = export_dossier(service, dossier, "md")
    text = content.decode("utf-8")
    assert media.startswith("text/markdown") and name == "casa-e-presa-in-carico-materiali-per-il-modulo-2.md"
    for item in resolved["items"]:
        assert item["title"] in text and item["note"] in text
        for c in item["citations"]:
            assert c in text
    assert "fbclid" not in text and not ISO_DATE.search(text)


def test_pdf_pages_as_a_reader_sees_them(service, dossier, resolved, tmp_path):
    content, media, name = export_dossier(service, dossier, "pdf")
    assert media == "application/pdf" and name == "casa-e-presa-in-carico-materiali-per-il-modulo-2.pdf"
    assert 3 <= check_pdf(content, dossier, resolved["items"], tmp_path) <= 12


def test_docx_for_a_classroom(service, dossier, resolved):
    content, media, name = export_dossier(service, dossier, "docx")
    assert media.endswith("wordprocessingml.document") and name.endswith("modulo-2.docx")
    check_docx(content, dossier, resolved["items"])


def test_removed_source_falls_back_to_its_snapshot(service, tmp_path):
    store = DossierStore(tmp_path)
    d = store.create("x")
    snapshot = {"title": "Pratica scomparsa", "text": "testo", "citations": ["Titolo. Testata, 18 ottobre 2023."]}
    store.add_item(d["id"], "practice", "atlantide-housing-lgnet2", "", snapshot)
    text = export_dossier(service, store.get(d["id"]), "md")[0].decode("utf-8")
    assert "Pratica scomparsa" in text and "Titolo. Testata, 18 ottobre 2023." in text and "non più disponibile" in text
    assert export_dossier(service, store.get(d["id"]), "pdf")[0].startswith(b"%PDF")
