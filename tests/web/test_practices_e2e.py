"""Practices in Chromium: a practice page with its sources, the compare view; WCAG 2.1 AA checked with axe on
each page. (The dossier journey is tests/web/test_dossier_e2e.py.)"""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.conftest import axe, pretty

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def warm_catalogue(live_server) -> None:
    """The catalogue builds its records on its first request (slow on a busy machine): done before the clock."""
    httpx.get(f"{live_server}/pratiche", timeout=600).raise_for_status()


def test_practice_page_links_every_fact_to_its_passage(page, live_server):
    page.goto(f"{live_server}/pratiche?q=alloggi&area=housing")
    assert page.locator("#practice-results li.card").count() > 0
    page.locator("#practice-results h2 a", has_text="Latina").first.click()
    page.wait_for_url(re.compile(r"/pratiche/latina-"))
    assert page.locator("#figures-heading + ul a.source-link").count() >= 3
    # Latina's partners are stated for the whole project: they are cited in the project section.
    href = page.locator("#project-heading ~ ul a.source-link").first.get_attribute("href")
    assert href.startswith("/documenti/") and "passage=" in href
    assert not axe(page), pretty(axe(page))


def test_compare_view(page, live_server):
    page.goto(f"{live_server}/pratiche")
    page.locator(".catalogue-links").get_by_role("link", name="Inclusione abitativa").click()
    page.wait_for_url(re.compile(r"/pratiche/confronto/housing"))
    rows = page.locator("#compare-table tbody tr")
    assert rows.count() >= 8
    cities = [rows.nth(i).locator("th").inner_text().split("\n")[0] for i in range(rows.count())]
    assert "Torino" in cities and "Latina" in cities
    latina = rows.nth(cities.index("Latina"))
    assert "32" in latina.locator("td").nth(1).inner_text()
    # The compare view and the API read the same record (issue 10: they used to contradict each other).
    record = httpx.get(f"{live_server}/api/practices/latina-housing-lgnet2").json()
    cell = latina.locator("td").nth(2).inner_text()
    assert all(p["name"] in cell for p in record["partners"]) if record["partners"] else "Non indicato" in cell
    assert not axe(page), pretty(axe(page))
    page.goto(f"{live_server}/pratiche/confronto/housing?lang=en")
    assert page.locator("#compare-table caption").inner_text().startswith("Housing")
