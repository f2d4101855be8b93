"""The upload form in Chromium: an editor uploads a real ODT with its description and the admin token, follows the
job (htmx polling) to the document and finds it by search; a bad file and a wrong token get the Italian message
naming the file; without JavaScript the job page's refresh link gets there too. axe on every page."""

from __future__ import annotations

import re

import pytest

from app.factory import create_app
from ingest.ocr_eval import SAMPLE_PAGES, scanned_pdf
from ingest.pipeline import IngestPipeline
from ingest.readers import ocr
from retrieval.service import SearchService
from tests.conftest import make_settings
from tests.ingest.formats.test_office import odt_bytes
from tests.web.conftest import axe, console_errors, pretty, serve

pytestmark = pytest.mark.slow
TOKEN = "e2e-upload-token"


@pytest.fixture(scope="module")
def upload_server(tmp_path_factory, service):
    """The whole app served over an empty index of its own, with an admin token (the session's model reused)."""
    root = tmp_path_factory.mktemp("upload-e2e")
    (root / "corpus").mkdir()
    settings = make_settings(root / "data").model_copy(update={"admin_token": TOKEN, "corpus_dir": root / "corpus"})
    IngestPipeline(settings, embedder=service.embedder, progress=False).run([root / "corpus"])
    base, server, thread = serve(create_app(settings, service=SearchService(settings, embedder=service.embedder)))
    yield base
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def odt_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("files") / "scheda-bari.odt"
    path.write_bytes(odt_bytes())
    return path


def test_upload_a_real_file_follow_the_job_and_find_it(page, upload_server, odt_file):
    page.goto(f"{upload_server}/carica")
    assert page.locator("h1").inner_text() == "Carica un documento"
    assert not axe(page), pretty(axe(page))
    page.get_by_label("File da caricare").set_input_files(str(odt_file))
    page.get_by_label("Titolo").fill("Scheda sportello unico Bari")
    page.get_by_label("Comune").fill("Bari")
    page.get_by_label("Fase del progetto").select_option("LGNet3")
    page.get_by_label("Codice di amministrazione").fill(TOKEN)
    page.get_by_role("button", name="Carica il documento").click()
    page.wait_for_url(re.compile(r"/caricamenti/[0-9a-f]{32}$"))
    job_url = page.url
    # htmx polls the job until it is done: no reload, the status region announces it.
    page.evaluate("window.stillHere = true")
    page.locator("#job-done").wait_for(timeout=120_000)
    assert page.evaluate("window.stillHere === true") and page.url == job_url
    assert page.locator(".job-live[role=status] #job-done").inner_text().startswith("Fatto")  # announced
    assert not page.locator("#job-status").get_attribute("hx-trigger")  # polling stops when the job is done
    assert not axe(page), pretty(axe(page))
    link = page.locator(".uploaded-documents a").first
    assert link.inner_text() == "Scheda sportello unico Bari"
    link.click()
    page.wait_for_url(re.compile(r"/documenti/"))
    assert page.locator("h1").inner_text() == "Scheda sportello unico Bari"
    assert "Bari" in page.locator(".meta-list").inner_text() and "LGNet3" in page.locator(".meta-list").inner_text()
    doc_url = page.url

    page.goto(f"{upload_server}/")
    page.get_by_label("Che cosa cerchi?").fill("sportello unico presa in carico Bari")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=sportello"))
    first = page.locator(".result-card .card-title a").first
    assert first.inner_text() == "Scheda sportello unico Bari"
    first.click()
    page.wait_for_url(re.compile(r"/documenti/"))
    assert page.url.split("?")[0] == doc_url.split("?")[0]
    assert console_errors(page) == []


def test_a_bad_file_and_a_wrong_token_are_told_in_italian(page, upload_server, tmp_path):
    fake = tmp_path / "bilancio.pdf"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a ZIP archive under a PDF's name
    page.goto(f"{upload_server}/carica")
    page.get_by_label("File da caricare").set_input_files(str(fake))
    page.get_by_label("Codice di amministrazione").fill(TOKEN)
    page.get_by_role("button", name="Carica il documento").click()
    error = page.locator("#upload-error")
    error.wait_for()
    assert page.locator("h1").inner_text() == "Caricamento non riuscito"
    text = error.inner_text()
    assert "«bilancio.pdf»" in text and "non corrisponde all'estensione" in text, text
    assert "ZIP" in text and "the name says" not in page.content()
    assert not axe(page), pretty(axe(page))
    page.console_errors.clear()  # the browser notes the 415 itself

    page.get_by_role("link", name="Torna al modulo di caricamento").click()
    page.wait_for_url(re.compile(r"/carica$"))
    ok = tmp_path / "nota.txt"
    ok.write_text("Nota sul progetto di Matera per lo sportello casa.", "utf-8")
    page.get_by_label("File da caricare").set_input_files(str(ok))
    page.get_by_label("Codice di amministrazione").fill("non-il-codice")
    page.get_by_role("button", name="Carica il documento").click()
    error.wait_for()
    assert "«nota.txt»" in error.inner_text() and "codice di amministrazione non è corretto" in error.inner_text()


def test_without_javascript_the_job_page_has_a_refresh_link(browser, upload_server, tmp_path):
    context = browser.new_context(locale="it-IT", java_script_enabled=False)
    try:
        page = context.new_page()
        note = tmp_path / "nota-taranto.md"
        note.write_text("# Taranto\n\nIl Comune di Taranto apre un dormitorio con 40 posti letto.\n", "utf-8")
        page.goto(f"{upload_server}/carica?lang=en")
        page.get_by_label("File to upload").set_input_files(str(note))
        page.get_by_label("Admin token").fill(TOKEN)
        page.get_by_role("button", name="Upload the document").click()
        page.wait_for_url(re.compile(r"/caricamenti/"))
        for _ in range(120):  # a person presses "Refresh the status" until it is done
            if page.locator("#job-done").count():
                break
            page.get_by_role("link", name="Refresh the status").click()
            page.wait_for_timeout(500)
        assert page.locator("#job-done").is_visible()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator(".uploaded-documents a").count() == 1
    finally:
        context.close()


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory, service):
    """The app with one upload allowed per minute (burst 1): the second upload from the form is rate-limited."""
    root = tmp_path_factory.mktemp("upload-limited")
    settings = make_settings(root / "data").model_copy(
        update={"admin_token": TOKEN, "upload_rate_per_minute": 1.0, "upload_burst": 1}
    )
    base, server, thread = serve(create_app(settings, service=SearchService(settings, embedder=service.embedder)))
    yield base
    server.should_exit = True
    thread.join(10)


def test_a_rate_limited_upload_is_told_as_a_page_with_the_wait(page, limited_server, tmp_path):
    note = tmp_path / "nota.txt"
    note.write_text("Nota sul progetto di Matera per lo sportello casa.", "utf-8")
    answers: list = []
    page.on("response", lambda r: answers.append(r) if r.request.method == "POST" else None)
    for _ in range(2):  # the first takes the one token (a wrong code: refused, but counted), the second is over
        page.goto(f"{limited_server}/carica")
        page.get_by_label("File da caricare").set_input_files(str(note))
        page.get_by_label("Codice di amministrazione").fill("non-il-codice")
        page.get_by_role("button", name="Carica il documento").click()
        page.locator("#upload-error").wait_for()
    limited = answers[-1]
    assert limited.status == 429 and limited.headers["content-type"].startswith("text/html")
    wait = int(limited.headers["retry-after"])
    assert 1 <= wait <= 60
    assert page.locator("h1").inner_text() == "Caricamento non riuscito"
    text = page.locator("#upload-error").inner_text()
    assert "troppi caricamenti" in text and f"{wait} secondi" in text, text
    assert "too many requests" not in page.content() and '"error"' not in page.content()  # no raw JSON
    assert page.get_by_role("link", name="Torna al modulo di caricamento").is_visible()
    assert not axe(page), pretty(axe(page))
    page.console_errors.clear()  # the browser notes the 401 and the 429 itself
    page.goto(f"{limited_server}/carica?lang=en")
    page.get_by_label("File to upload").set_input_files(str(note))
    page.get_by_label("Admin token").fill("not-the-token")
    page.get_by_role("button", name="Upload the document").click()
    page.locator("#upload-error").wait_for()
    assert "too many uploads" in page.locator("#upload-error").inner_text()
    assert re.search(r"\d+ seconds?", page.locator("#upload-error").inner_text())


def test_the_token_is_remembered_for_the_browser_session_and_can_be_forgotten(page, upload_server, tmp_path):
    note = tmp_path / "nota-lecce.txt"
    note.write_text("Il Comune di Lecce apre uno sportello per la casa in via Roma.", "utf-8")
    page.goto(f"{upload_server}/carica")
    assert not page.locator("#token-remembered").count()
    page.get_by_label("File da caricare").set_input_files(str(note))
    page.get_by_label("Codice di amministrazione").fill(TOKEN)
    assert page.get_by_label("Ricorda il codice in questo browser").is_checked()
    page.get_by_role("button", name="Carica il documento").click()
    page.wait_for_url(re.compile(r"/caricamenti/"))
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "lgnet_upload"]
    # A pass, not the token: unreadable by scripts, never sent by another site, gone with the browser session.
    assert TOKEN not in cookie["value"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/carica" and cookie["expires"] == -1
    assert "lgnet_upload" not in page.evaluate("document.cookie")

    # The next upload: nothing to retype.
    page.goto(f"{upload_server}/carica")
    assert page.locator("#token-remembered").is_visible()
    assert not page.get_by_label("Codice di amministrazione").evaluate("el => el.required")
    assert not axe(page), pretty(axe(page))
    second = tmp_path / "nota-bari.txt"
    second.write_text("Il Comune di Bari apre un dormitorio con 30 posti letto.", "utf-8")
    page.get_by_label("File da caricare").set_input_files(str(second))
    page.get_by_role("button", name="Carica il documento").click()
    page.wait_for_url(re.compile(r"/caricamenti/"))
    page.locator("#job-done").wait_for(timeout=120_000)

    # Forgotten: the field is required again and an upload without it is refused.
    page.goto(f"{upload_server}/carica")
    page.get_by_role("button", name="Dimentica il codice").click()
    page.wait_for_url(re.compile(r"/carica\?dimenticato=1$"))
    assert page.locator("#token-forgotten").is_visible() and not page.locator("#token-remembered").count()
    assert not [c for c in page.context.cookies() if c["name"] == "lgnet_upload"]
    assert page.get_by_label("Codice di amministrazione").evaluate("el => el.required")
    assert not axe(page), pretty(axe(page))
    page.get_by_label("File da caricare").set_input_files(str(second))
    page.get_by_label("Codice di amministrazione").evaluate("el => el.required = false")  # as a script-less client
    page.get_by_role("button", name="Carica il documento").click()
    page.locator("#upload-error").wait_for()
    assert "manca il codice di amministrazione" in page.locator("#upload-error").inner_text()
    page.console_errors.clear()  # the browser notes the 401 itself


def test_a_right_token_is_remembered_even_when_the_file_is_refused_and_a_wrong_one_never(page, upload_server, tmp_path):
    fake = tmp_path / "bilancio.pdf"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    for token, kept in (("non-il-codice", False), (TOKEN, True)):
        page.goto(f"{upload_server}/carica")
        page.get_by_label("File da caricare").set_input_files(str(fake))
        page.get_by_label("Codice di amministrazione").fill(token)
        page.get_by_role("button", name="Carica il documento").click()
        page.locator("#upload-error").wait_for()
        assert bool([c for c in page.context.cookies() if c["name"] == "lgnet_upload"]) is kept
    page.console_errors.clear()


@pytest.mark.skipif(ocr.available() is not None, reason=str(ocr.available()))
def test_a_scan_shows_its_pages_in_the_progress_bar(page, upload_server, tmp_path):
    scan = tmp_path / "verbale-firmato.pdf"
    scan.write_bytes(scanned_pdf((SAMPLE_PAGES * 2)[:4], 300))
    page.goto(f"{upload_server}/carica")
    page.get_by_label("File da caricare").set_input_files(str(scan))
    page.get_by_label("Codice di amministrazione").fill(TOKEN)
    page.get_by_role("button", name="Carica il documento").click()
    page.wait_for_url(re.compile(r"/caricamenti/"))
    # htmx polls the job each second: the bar appears with OCR's page count and moves on page by page.
    page.wait_for_function(
        "() => { const b = document.getElementById('job-pages-bar'); return b && b.value >= 1 && b.value < 4; }",
        timeout=300_000,
    )
    bar = page.get_by_role("progressbar", name=re.compile(r"pagine scansionate: \d di 4"))
    assert bar.get_attribute("max") == "4"
    assert not axe(page, "#job-status"), pretty(axe(page, "#job-status"))
    page.locator("#job-done").wait_for(timeout=300_000)
    assert not page.locator("#job-pages-bar").count()
    assert console_errors(page) == []
