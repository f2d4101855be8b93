"""The splitter registry: a compound file is cut by the splitter of its type, declared or recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import splitters
from ingest.documents import DocumentBuilder
from ingest.model import Part, RawText
from tests.conftest import CORPUS

REVIEW = CORPUS / "press-reviews/lgnet2-rassegna-stampa-2023-12-14.txt"
MINUTES = "Verbale della riunione.\n\nPresenti: tutti.\n\n---\n\nSecondo punto all'ordine del giorno."


def test_the_press_review_is_recognised_and_a_declared_type_wins():
    text = REVIEW.read_text(encoding="utf-8")
    assert splitters.splitter_for(text).doc_type == "press_review"
    assert splitters.splitter_for(text, "report") is None  # declared otherwise: one document
    assert splitters.splitter_for(MINUTES) is None


def test_a_new_splitter_registers_beside_the_others():
    def split_minutes(text: str) -> list[Part]:
        start = text.index("---")
        return [
            Part(kind="article", title="Primo punto", text=text[:start], start=0, end=start),
            Part(
                kind="article",
                title="Secondo punto",
                text=text[start + 3 :],
                start=start + 3,
                end=len(text),
                extra={"speaker": "Presidente"},
            ),
        ]

    saved = list(splitters._SPLITTERS)
    try:
        splitters.register("minutes", lambda t: t.startswith("Verbale"), split_minutes)
        docs = DocumentBuilder().run(RawText(path=Path("verbale.txt"), text=MINUTES, format="txt"), "v.txt", {})
        assert [d.title for d in docs] == ["Primo punto", "Secondo punto"]
        assert docs[1].meta["speaker"] == "Presidente"  # what a splitter finds about a part is kept
    finally:
        splitters._SPLITTERS[:] = saved


def test_an_unknown_type_is_refused():
    with pytest.raises(ValueError, match="vocabulary"):
        splitters.register("verbale", lambda t: True, lambda t: [])


def test_press_articles_keep_their_journalist_and_audience():
    raw = RawText(path=REVIEW, text=REVIEW.read_text(encoding="utf-8"), format="txt")
    docs = DocumentBuilder().run(raw, "press-reviews/review.txt", {})
    articles = [d for d in docs if d.doc_type == "press_article"]
    assert any("audience" in d.meta for d in articles)


def test_a_markdown_document_s_title_has_no_heading_marker():
    text = "# Comune di Aosta – Rapporto di monitoraggio\n\n## 1. Alloggi\n\nSono operativi 4 alloggi di transizione."
    (doc,) = DocumentBuilder().run(RawText(path=Path("rapporto.md"), text=text, format="md"), "rapporto.md", {})
    assert doc.title == "Comune di Aosta – Rapporto di monitoraggio"
    assert "## 1. Alloggi" in doc.text  # the stored text keeps its headings: section detection reads them
