"""The trainer's journey in Chromium, counted in actions: build a 5-item dossier from the catalogue without
leaving it, open it from the header, annotate (notes saved as typed), reorder (the note typed so far goes with
the move), export PDF and DOCX (real downloads, checked as a reader would), share read-only. Then the same
dossier at 390 px (no sideways scroll), and one addition made with the keyboard alone. axe on every page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from tests.practices.export_checks import check_docx, check_pdf
from tests.web.conftest import axe, pretty

pytestmark = pytest.mark.slow
MAX_ACTIONS = 12


@pytest.fixture(scope="module", autouse=True)
def warm_catalogue(live_server) -> None:
    """The catalogue builds its records on its first request: not part of what the trainer waits for."""
    httpx.get(f"{live_server}/pratiche", params={"q": "accoglienza"}, timeout=600).raise_for_status()


class Actions:
    """Counts what the trainer does: each click, typed field or page opened is one action."""

    def __init__(self, page) -> None:
        self.page, self.n = page, 0

    def goto(self, url: str) -> None:
        self.n += 1
        self.page.goto(url)

    def click(self, locator) -> None:
        self.n += 1
        locator.click()

    def type(self, locator, text: str) -> None:
        self.n += 1
        locator.fill(text)


def test_trainer_builds_annotates_reorders_and_exports_in_at_most_12_actions(page, live_server, tmp_path):
    act = Actions(page)
    act.goto(f"{live_server}/pratiche?q=accoglienza")
    page.evaluate("window.stillHere = true")  # gone if a click reloads the page
    cards = page.locator("#practice-results li.card")
    assert cards.count() >= 5
    titles = []
    for i in range(5):
        card = cards.nth(i)
        titles.append(card.locator("h2").inner_text())
        act.click(card.get_by_role("button", name=re.compile("Aggiungi al dossier")))
        card.locator(".dossier-added").wait_for()  # the confirmation replaces the button, in place
    assert page.evaluate("window.stillHere === true")
    nav = page.locator("#dossier-nav a")
    assert nav.inner_text().strip() == "Il mio dossier (5)"
    assert not axe(page), pretty(axe(page))

    act.click(nav)
    page.wait_for_url(re.compile(r"/dossier/[\w-]{16,}$"))
    owner_url = page.url
    items = page.locator("#dossier-items > li")
    assert items.count() == 5 and all(t in page.locator("#dossier-items").inner_text() for t in titles)
    assert page.locator("#who-can-edit").is_visible()

    # Two notes, saved as typed (no button); the second is still unsaved when "Sposta giù" is clicked.
    act.type(items.nth(0).locator("textarea"), "Aprire il modulo casa con questo esempio")
    page.locator(f"#{items.nth(0).locator('.note-status').get_attribute('id')}").filter(has_text="salvata").wait_for()
    act.type(items.nth(2).locator("textarea"), "Confrontare con Torino")
    act.click(items.nth(2).get_by_role("button", name=re.compile("Sposta giù")))
    page.wait_for_url(re.compile(r"/dossier/.+#voce-"))
    items = page.locator("#dossier-items > li")
    assert items.nth(0).locator("textarea").input_value() == "Aprire il modulo casa con questo esempio"
    assert items.nth(3).locator("textarea").input_value() == "Confrontare con Torino"  # moved, note kept
    assert not axe(page), pretty(axe(page))

    with page.expect_download() as info:
        act.click(page.locator("#export-pdf"))
    pdf = info.value
    with page.expect_download() as info:
        act.click(page.locator("#export-docx"))
    docx = info.value
    assert act.n <= MAX_ACTIONS, f"{act.n} actions"
    print(f"trainer journey: {act.n} actions")

    token = owner_url.rsplit("/", 1)[1]
    view = httpx.get(f"{live_server}/api/dossiers/{token}").json()
    dossier, resolved = view["dossier"], view["resolved"]
    assert len(resolved) == 5 and resolved[3]["note"] == "Confrontare con Torino"
    assert pdf.suggested_filename == "dossier.pdf" and docx.suggested_filename == "dossier.docx"
    pages = check_pdf(Path(pdf.path()).read_bytes(), dossier, resolved, tmp_path)
    check_docx(Path(docx.path()).read_bytes(), dossier, resolved)
    print(f"exported PDF: {pages} pages")

    # The shared link reads only: no forms, no owner's token anywhere, and a write through it is refused.
    share = page.locator("#share-link").input_value()
    other = page.context.browser.new_context(locale="it-IT")
    try:
        reader = other.new_page()
        reader.goto(urljoin(page.url, share))  # relative unless LGNET_PUBLIC_URL is set
        assert reader.locator("#dossier-items > li").count() == 5
        assert reader.locator("#dossier-items textarea").count() == 0 and reader.locator("form").count() <= 1
        assert token not in reader.content()
        assert "sola lettura" in reader.locator("#who-can-edit").inner_text()
        assert not axe(reader), pretty(axe(reader))
    finally:
        other.close()
    read_token = share.rsplit("/", 1)[1]
    r = httpx.post(f"{live_server}/dossier/{read_token}/voci/{dossier['items'][0]['id']}/elimina")
    assert r.status_code == 403 and "sola lettura" in r.text.lower()


def test_dossier_fits_a_phone_and_keyboard_alone_adds_an_item(browser, live_server):
    context = browser.new_context(locale="it-IT", viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{live_server}/pratiche/latina-housing-lgnet2")
        # Keyboard only: Tab to "Aggiungi al dossier", Enter; then Enter on the confirmation's link.
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "add-to-dossier":
                break
        else:
            pytest.fail("'Aggiungi al dossier' is not reachable with Tab")
        page.keyboard.press("Enter")
        page.locator(".dossier-added a").wait_for()
        # Focus lands on the confirmation's link, where the button was (not back at the top of the page).
        page.wait_for_function("() => document.activeElement?.closest('.dossier-added') != null")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/dossier/[\w-]{16,}"))
        assert page.locator("#dossier-items > li").count() == 1
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"the dossier scrolls sideways at 390 px: {widths}"
        assert not axe(page), pretty(axe(page))
    finally:
        context.close()


@pytest.fixture(scope="module")
def limited_server(corpus_index, service, tmp_path_factory):
    """The corpus app with one dossier write a minute (burst 1), on a data dir of its own (its own buckets and
    dossiers; the reads go through the shared service)."""
    from app.factory import create_app
    from tests.web.conftest import serve

    settings = corpus_index.model_copy(
        update={"data_dir": tmp_path_factory.mktemp("limited"), "write_rate_per_minute": 1.0, "write_burst": 1}
    )
    base, server, thread = serve(create_app(settings=settings, service=service))
    yield base
    server.should_exit = True
    thread.join(10)


def test_an_addition_over_the_rate_limit_says_so_in_place(page, limited_server):
    """htmx swaps nothing on a 429: the site says why beside the button, in Italian, with the wait; no JSON."""
    page.goto(f"{limited_server}/pratiche?q=accoglienza")
    cards = page.locator("#practice-results li.card")
    cards.nth(0).get_by_role("button", name=re.compile("Aggiungi al dossier")).click()
    cards.nth(0).locator(".dossier-added").wait_for()
    cards.nth(1).get_by_role("button", name=re.compile("Aggiungi al dossier")).click()
    alert = cards.nth(1).get_by_role("alert")
    alert.wait_for()
    text = alert.inner_text()
    assert "Troppe richieste" not in text and re.search(r"Riprova tra \d+ second[io]", text), text
    assert "{" not in text and "rate_limited" not in text
    assert cards.nth(1).get_by_role("button", name=re.compile("Aggiungi al dossier")).is_visible()  # still there
    assert not axe(page, "#practice-results"), pretty(axe(page, "#practice-results"))
    page.console_errors.clear()  # the browser notes the 429 itself
