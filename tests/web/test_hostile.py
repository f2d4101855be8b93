"""A document and a query carrying <script> and HTML: shown as text everywhere, and no dialog ever opens."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from tests.conftest import CORPUS, make_settings
from tests.web.conftest import screenshot, serve

SHEET = "project-sheets/lgnetea-scheda-comune-firenze.txt"
TITLE = "<script>alert('titolo')</script>Sportello <b>unico</b> per migranti"
PAYLOADS = [
    "<script>alert('testo')</script>",
    "<img src=x onerror=\"alert('img')\">",
    '"><svg onload=alert(2)>',
    "<a href=\"javascript:alert('link')\">clicca qui</a>",
]
BODY = "\n\n".join(
    [
        "Il Comune di Firenze ha aperto uno sportello unico per l'orientamento dei migranti vulnerabili. "
        + PAYLOADS[0],
        "Lo sportello unico offre consulenza legale, mediazione linguistica e accompagnamento ai servizi. "
        + PAYLOADS[1],
        "Nel primo anno lo sportello unico ha accolto 320 persone, con il sostegno della cooperativa locale. "
        + PAYLOADS[2],
        "Le famiglie hanno trovato casa grazie agli alloggi ponte del progetto di accoglienza. " + PAYLOADS[3],
    ]
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, service):
    """An index of one ordinary sheet and one hostile document, served by TestClient and a live server."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    (corpus / "project-sheets").mkdir(parents=True)
    shutil.copy(CORPUS / SHEET, corpus / SHEET)
    (corpus / "project-sheets" / "sportello-ostile.txt").write_text(BODY, "utf-8")
    catalogue = json.loads((CORPUS / "catalogue.json").read_text("utf-8"))
    documents = {
        SHEET: catalogue["documents"][SHEET],
        "project-sheets/sportello-ostile.txt": {
            "title": TITLE,
            "doc_type": "project_sheet",
            "phase": "LGNetEA",
            "language": "it",
            "date": "2020-03-01",
            "city": "Firenze",
            "url": "javascript:alert('url')",
        },
    }
    (corpus / "catalogue.json").write_text(json.dumps({"documents": documents}), "utf-8")
    settings = make_settings(root / "data").model_copy(update={"corpus_dir": corpus})
    report = IngestPipeline(settings, progress=False).run([corpus])
    assert report.ok, report.errors
    app = create_app(settings)
    with TestClient(app) as client:
        base, server, thread = serve(app)
        yield client, base
        server.should_exit = True
        thread.join(10)


def hostile_doc(client) -> dict:
    docs = client.get("/", params={"q": "sportello unico migranti", "format": "json"}).json()["results"]
    found = [d for d in docs if "script" in (d["title"] or "")]
    assert found, "the hostile document was not found"
    return found[0]


def assert_escaped(html: str) -> None:
    for raw in ("<script>alert", "<img src=x", "<svg onload", 'href="javascript:', "<b>unico</b>"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(" in html


def test_the_hostile_document_is_stored_as_written(hostile):
    client, _ = hostile
    hit = hostile_doc(client)
    assert hit["title"] == TITLE
    data = client.get(f"/documenti/{hit['doc_id']}", params={"format": "json"}).json()
    assert all(p in data["document"]["text"] for p in PAYLOADS)


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
def test_results_escape_the_hostile_document(hostile, headers):
    client, _ = hostile
    html = client.get("/", params={"q": "sportello unico <script>alert(1)</script>"}, headers=headers).text
    assert_escaped(html)
    assert "Sportello &lt;b&gt;unico&lt;/b&gt;" in html


@pytest.mark.parametrize("page_of", ["document", "city", "intervention", "map"])
def test_pages_escape_the_hostile_document(hostile, page_of):
    client, _ = hostile
    hit = hostile_doc(client)
    url = {
        "document": f"/documenti/{hit['doc_id']}?passage={hit['id']}&q=<script>alert(9)</script>",
        "city": "/citta/Firenze",
        "intervention": "/interventi/taking_charge",
        "map": "/mappa",
    }[page_of]
    r = client.get(url)
    assert r.status_code == 200
    html = r.text
    for raw in ("<script>alert", "<img src=x", "<svg onload", 'href="javascript:', "<b>unico</b>"):
        assert raw not in html, raw
    if page_of in ("document", "city"):
        assert "&lt;script&gt;alert(" in html


@pytest.mark.slow
def test_no_dialog_opens_in_the_browser(hostile, page):
    _, base = hostile
    page.goto(base + "/")
    page.get_by_label("Che cosa cerchi?").press_sequentially("sportello <script>alert(1)</script>")
    page.wait_for_url(re.compile(r"q=sportello"))
    page.locator("#search-results").wait_for()
    page.wait_for_load_state("networkidle")
    assert "<script>alert(1)</script>" in page.locator("#search-status").inner_text()
    title = page.locator(".result-card .card-title a").filter(has_text="<script>")
    assert title.count() == 1 and "<b>unico</b>" in title.inner_text()
    title.click()
    page.wait_for_url(re.compile(r"/documenti/"))
    text = page.locator(".document-text").inner_text()
    assert all(p in text for p in PAYLOADS)
    assert page.locator(".document-text script, .document-text img, .document-text svg").count() == 0
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.locator("a[href^='javascript:']").count() == 0
    screenshot(page, "hostile-document")
    page.goto(base + "/citta/Firenze")
    assert page.locator("ol.timeline").get_by_text("<script>alert('titolo')</script>", exact=False).count() == 1
    assert page.dialogs == []
