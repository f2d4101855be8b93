"""The designer's journey and the phone journey in Chromium: who did what in which phase on one page, filters
that combine with removable chips, a phase with no documents explained, the Italian CSV, a practice printed on
at most two A4 pages. The phone journey is in test_phone_e2e.py. axe on every new page."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from tests.web.conftest import axe, pretty

pytestmark = pytest.mark.slow
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module", autouse=True)
def warm_catalogue(live_server) -> None:
    """The catalogue builds its records on its first request: done before the browser's clock starts."""
    httpx.get(f"{live_server}/panoramica", timeout=600).raise_for_status()


def test_designer_sees_who_did_what_in_which_phase_on_one_page(page, live_server):
    page.goto(f"{live_server}/panoramica")
    table = page.locator("#overview-table")
    assert table.is_visible()
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["Inclusione abitativa", "Presa in carico", "Impegno civico", "Costruzione di comunità",
                           "Rafforzamento delle amministrazioni"]  # fmt: skip
    latina = table.locator("tbody tr", has=page.locator("th a", has_text=re.compile(r"^Latina$")))
    housing = latina.locator("td").nth(0)
    assert "✓" in housing.inner_text() and housing.get_by_role("link", name=re.compile("LGNet2")).count() == 1
    # Gaps are words, not only colour; LGNet3 partners appear before they have documents.
    assert table.locator("td.cell-gap", has_text="nessuna pratica").count() > 0
    venezia = table.locator("tbody tr", has=page.locator("th a", has_text=re.compile(r"^Venezia$")))
    assert "LGNet3" in venezia.inner_text() and "Nessun documento ancora" in venezia.inner_text()
    assert "0 documenti" not in page.content()
    assert not axe(page), pretty(axe(page))

    # Filters combine: phase AND area; each chip removes only its own filter.
    # (Bootstrap Italia draws the box on the label: a person clicks the label.)
    page.locator("#overview-filters label", has_text=re.compile(r"^LGNet2$")).click()
    page.locator("#overview-filters label", has_text="Inclusione abitativa").click()
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_url(re.compile(r"phase=LGNet2.*area=housing|area=housing.*phase=LGNet2"))
    assert table.locator("thead th").count() == 2
    chips = page.locator(".active-filters .chip")
    assert chips.count() == 2
    page.get_by_role("link", name="Togli il filtro Fase: LGNet2").click()
    page.wait_for_url(re.compile(r"area=housing"))
    assert "phase=" not in page.url and page.locator(".active-filters .chip").count() == 1
    assert not axe(page), pretty(axe(page))

    twin = httpx.get(f"{live_server}/panoramica", params={"format": "json", "area": "housing"}).json()
    api = httpx.get(f"{live_server}/api/overview", params={"area": "housing"}).json()
    assert twin == api and twin["areas"] == ["housing"]


def test_catalogue_filters_combine_and_a_phase_without_documents_is_explained(page, live_server):
    page.goto(f"{live_server}/pratiche?area=housing")
    page.locator("aside").get_by_role("link", name=re.compile(r"^LGNet2$")).click()
    page.wait_for_url(re.compile(r"area=housing.*phase=LGNet2"))
    cards = page.locator(".practice-card")
    assert cards.count() > 0
    assert all("Inclusione abitativa · LGNet2" in c for c in cards.locator("p.small").first.all_inner_texts())
    figures = " ".join(page.locator(".practice-card").all_inner_texts())
    assert "housing_units" not in figures and not re.search(r"\d+ beds\b", figures)
    assert page.locator(".active-filters .chip").count() == 2
    assert not axe(page), pretty(axe(page))

    page.goto(f"{live_server}/pratiche?phase=LGNet3")
    note = page.locator("#waiting-LGNet3")
    assert "non contiene ancora documenti" in note.inner_text() and note.locator("a").count() >= 5
    assert not axe(page), pretty(axe(page))

    page.goto(f"{live_server}/pratiche?area=housing&page=99")
    assert "La pagina 99 non esiste" in page.locator(".alert-warning").inner_text()
    assert "99" not in page.locator("#practice-status").inner_text()


def test_italian_csv_opens_in_italian_spreadsheets(live_server):
    body = httpx.get(f"{live_server}/api/practices/export", params={"format": "csv-it", "area": "housing"}).content
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM that tells Excel it is UTF-8
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    latina = next(r for r in rows if r["city"] == "Latina")
    assert "32 posti letto" in latina["figures"] and "beds" not in latina["figures"]
    # Latina's partners are stated for its whole project, not for housing: the record says so (one read model).
    record = httpx.get(f"{live_server}/api/practices/latina-housing-lgnet2").json()
    assert bool(latina["partners"]) == bool(record["partners"])
    assert not re.search(r"\d{4}-\d{2}-\d{2}", latina["period_start"])


@pytest.mark.parametrize("practice", ["trieste-housing-lgnet2", "latina-housing-lgnet2"])  # latina: the longest
def test_a_practice_prints_on_two_a4_pages_with_the_sources_addresses(page, live_server, tmp_path, practice):
    from urllib.parse import urlsplit

    from pypdf import PdfReader

    page.goto(f"{live_server}/pratiche/{practice}")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible() and not page.locator("#add-to-dossier").is_visible()
    assert page.locator("form:visible, button:visible").count() == 0  # nothing to press on paper
    pdf = tmp_path / "pratica.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    print(f"printed {practice}: {len(reader.pages)} A4 pages")
    assert len(reader.pages) <= 2, f"{len(reader.pages)} pages"
    assert round(float(reader.pages[0].mediabox.height)) == 842  # A4
    assert "fbclid" not in text
    # Every source's address is printed (PDF text wraps long URLs: compared without white space).
    flat = re.sub(r"\s+", "", text)
    record = httpx.get(f"{live_server}/api/practices/{practice}").json()
    urls = [urlsplit(s["url"]) for s in record["sources"] if s.get("url")]
    assert urls and all(f"{u.netloc}{u.path}"[:60] in flat for u in urls), urls
