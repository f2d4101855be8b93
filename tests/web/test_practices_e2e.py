"""Practices and dossiers in Chromium: build a dossier from the site, annotate and reorder it, export it
(a real download, read back), open a compare view; WCAG 2.1 AA checked with axe on each page."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.web.conftest import axe, pretty

pytestmark = pytest.mark.slow


def test_build_share_and_export_a_dossier(page, live_server):
    page.goto(f"{live_server}/pratiche?q=alloggi&area=housing")
    assert page.locator("#practice-results li.card").count() > 0
    page.locator("#practice-results a", has_text="Latina").first.click()
    page.wait_for_url(re.compile(r"/pratiche/latina-"))
    # Every figure and partner links to the passage it was read from.
    assert page.locator("#figures-heading + ul a.source-link").count() >= 3
    href = page.locator("#partners-heading + ul a.source-link").first.get_attribute("href")
    assert href.startswith("/documenti/") and "passage=" in href
    assert not axe(page), pretty(axe(page))

    page.click("#add-to-dossier")
    page.wait_for_url(re.compile(r"/dossier/[\w-]{16,}"))
    dossier_url = page.url
    # A second item: a similar practice of another city, added from its own page.
    page.goto(f"{live_server}/pratiche/trieste-housing-lgnet2")
    page.click("#add-to-dossier")
    page.wait_for_url(dossier_url)
    items = page.locator("#dossier-items > li")
    assert items.count() == 2
    first_title = items.nth(0).locator("h2").inner_text()
    assert "Latina" in first_title and "Trieste" in items.nth(1).locator("h2").inner_text()

    # Annotate the first, then move it down (forms that POST and redirect).
    items.nth(0).locator("textarea").fill("Buona pratica per il modulo casa")
    items.nth(0).get_by_role("button", name="Salva la nota").click()
    page.wait_for_load_state()
    assert page.locator("#dossier-items textarea").first.input_value() == "Buona pratica per il modulo casa"
    page.locator("#dossier-items > li").nth(0).get_by_role("button", name=re.compile("Sposta giù")).click()
    page.wait_for_load_state()
    assert "Trieste" in page.locator("#dossier-items > li h2").nth(0).inner_text()
    assert not axe(page), pretty(axe(page))

    # The link is the share: another browser context (no cookie) sees the same dossier.
    other = page.context.browser.new_context()
    try:
        shared = other.new_page()
        shared.goto(page.locator("#share-link").get_attribute("href"))
        assert shared.locator("#dossier-items > li").count() == 2
    finally:
        other.close()

    with page.expect_download() as info:
        page.click("#export-pdf")
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    text = "".join(p.extract_text() for p in PdfReader(download.path()).pages)
    squashed = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", "Buona pratica per il modulo casa") in squashed
    assert "Latina" in text and "Trieste" in text
    assert squashed.index("Trieste") < squashed.index("Latina")

    with page.expect_download() as info:
        page.click("#export-docx")
    assert info.value.suggested_filename.endswith(".docx")


def test_compare_view(page, live_server):
    page.goto(f"{live_server}/pratiche")
    page.get_by_role("link", name="Inclusione abitativa").first.click()
    page.wait_for_url(re.compile(r"/pratiche/confronto/housing"))
    rows = page.locator("#compare-table tbody tr")
    assert rows.count() >= 8
    cities = [rows.nth(i).locator("th").inner_text().split("\n")[0] for i in range(rows.count())]
    assert "Torino" in cities and "Latina" in cities
    latina = rows.nth(cities.index("Latina"))
    assert "32" in latina.locator("td").nth(1).inner_text()
    assert "Cooperativa Astrolabio" in latina.locator("td").nth(2).inner_text()
    assert not axe(page), pretty(axe(page))
    page.goto(f"{live_server}/pratiche/confronto/housing?lang=en")
    assert page.locator("#compare-table caption").inner_text().startswith("Housing")
