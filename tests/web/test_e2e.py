"""The site in Debian's Chromium, as a user would use it. Screenshots go to tests/artifacts/ and, for the README's
main pages, to docs/screenshots/. axe-core checks WCAG 2.1 A/AA on every main page."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import axe, console_errors, pretty, screenshot

pytestmark = pytest.mark.slow

QUERY = "alloggi ponte per famiglie"


def assert_accessible(page, name: str) -> None:
    violations = axe(page)
    assert violations == [], f"{name}: {pretty(violations)}"


def results_ready(page) -> None:
    page.locator("#search-results").wait_for()
    page.wait_for_load_state("networkidle")


def focused(page, script: str = "document.activeElement.id"):
    return page.evaluate(f"() => {script}")


def focus_settles_on(page, element_id: str) -> None:
    """Wait until focus is on the element (htmx settles a swap a moment after it), or fail after the timeout."""
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=element_id)


def test_search_page_before_a_query(live_server, page):
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.get_by_label("Che cosa cerchi?").is_visible()
    assert_accessible(page, "search")
    screenshot(page, "search", readme=True)
    assert console_errors(page) == []


def test_type_a_query_tick_a_city_open_a_document_reach_the_city(live_server, page):
    page.goto(live_server + "/")
    page.evaluate("window.stillHere = true")  # gone if the page reloads instead of swapping results
    page.get_by_label("Che cosa cerchi?").press_sequentially(QUERY)
    # htmx updates the results as one types and pushes the search into the URL.
    page.wait_for_url(re.compile(r"q=alloggi(\+|%20)ponte"))
    results_ready(page)
    assert page.locator("#q").evaluate("el => el === document.activeElement")  # typing goes on undisturbed
    assert page.evaluate("window.stillHere === true")
    assert page.title().startswith(f"{QUERY} · Cerca")
    assert page.url == f"{live_server}/?q=alloggi+ponte+per+famiglie"  # the canonical URL, as links write it
    status = page.locator("#search-status")
    assert re.search(r"\d+ risultat", status.inner_text())
    assert page.locator(".result-card").count() >= 5
    assert page.locator(".snippet mark").count() > 0
    assert page.locator(".answer .answer-sentence").is_visible()
    page.evaluate("document.querySelector('.search-box').scrollIntoView()")
    screenshot(page, "results", readme=True)
    details = page.locator("details.duplicates").first
    assert not details.locator("li").first.is_visible()
    details.locator("summary").click()  # "also published by N outlets" opens the list
    assert details.locator("li").count() >= 1 and details.locator("li").first.is_visible()
    assert_accessible(page, "results")

    # Tick a city: the results narrow, a chip appears, the box keeps its focus, the URL records it.
    box = page.locator("fieldset.facet input[name=city]").first
    city = box.get_attribute("value")
    page.locator(f"label[for=f-city-{city}]").click()  # Bootstrap Italia draws the box on the label
    page.wait_for_url(re.compile(rf"city={city}"))
    results_ready(page)
    assert page.locator(f"#f-city-{city}").is_checked()
    focus_settles_on(page, f"f-city-{city}")
    assert page.locator(".chip").filter(has_text=city).is_visible()
    cities = page.locator(".result-card .result-city").all_inner_texts()
    assert cities and {c.strip() for c in cities} == {city}
    assert re.search(r"con 1 filtro", status.inner_text())

    # The bookmarked URL gives the same page by a full load.
    url = page.url
    page.goto(url)
    assert page.locator(f"#f-city-{city}").is_checked()
    assert page.locator("#q").input_value() == QUERY

    # Open the first document: the passage found is marked and scrolled into view.
    page.locator(".result-card .card-title a").first.click()
    page.wait_for_url(re.compile(r"/documenti/"))
    current = page.locator(".passage-current")
    assert current.count() == 1
    assert current.locator("mark").count() > 0
    # Scrolled into view (smoothly: wait for it to arrive rather than for a time).
    page.wait_for_function(
        "() => { const r = document.querySelector('.passage-current').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight / 2; }"
    )
    assert page.evaluate("scrollY") > 0
    assert page.locator(".document-side a[href$='/file']").is_visible()
    assert page.locator("#similar-heading").is_visible()
    assert_accessible(page, "document")
    screenshot(page, "document", readme=True)

    # From the document to its city.
    page.locator(".meta-list dd a[href^='/citta/']").first.click()
    page.wait_for_url(re.compile(rf"/citta/{city}$"))
    assert page.locator("h1").inner_text().strip() == city
    assert page.locator("ol.timeline li").count() >= 1
    assert_accessible(page, "city")
    screenshot(page, "city", readme=True)
    assert console_errors(page) == []


def test_remove_a_chip_sort_by_date_and_page(live_server, page):
    page.goto(live_server + "/?q=progetto&city=Latina&city=Caserta")
    assert page.locator(".chip").count() == 2
    page.locator(".chip-remove").first.click()
    page.wait_for_url(lambda u: u.count("city=") == 1)
    results_ready(page)
    assert page.locator(".chip").count() == 1
    focus_settles_on(page, "results-heading")  # the removed chip is gone: focus goes to the results
    page.locator("#sort").select_option("date")
    page.wait_for_url(re.compile(r"sort=date"))
    results_ready(page)
    dates = [d for d in page.locator(".result-card time").evaluate_all("els => els.map(e => e.dateTime)") if d]
    assert dates == sorted(dates, reverse=True)
    page.goto(live_server + "/?q=comune")
    page.locator(".pagination a[href*='page=2']").first.click()
    page.wait_for_url(re.compile(r"page=2"))
    results_ready(page)
    assert "Pagina 2 di" in page.locator("#search-status").inner_text()
    page.go_back()
    page.wait_for_url(lambda u: "page=2" not in u)
    assert "Pagina 1 di" in page.locator("#search-status").inner_text()


def test_intervention_and_map_pages(live_server, page):
    page.goto(live_server + "/interventi")
    assert page.locator(".area-card").count() >= 5
    assert_accessible(page, "interventions")
    page.goto(live_server + "/documenti/no-such-document")
    assert page.locator("h1").inner_text() == "Pagina non trovata"
    assert_accessible(page, "not found")
    page.console_errors.clear()  # the browser notes the 404 itself
    page.goto(live_server + "/interventi/housing")
    assert page.locator("table.compare-table tbody tr").count() >= 2
    assert_accessible(page, "intervention")
    screenshot(page, "intervention", readme=True)
    page.goto(live_server + "/mappa")
    cities = page.locator("svg a.map-city")
    assert cities.count() > 10
    circles = page.locator("svg a.map-city circle")
    radii = [float(r) for r in circles.evaluate_all("els => els.map(e => e.getAttribute('r'))")]
    assert max(radii) > min(radii)
    assert_accessible(page, "map")
    screenshot(page, "map", readme=True)
    page.locator("svg a.map-city[href='/citta/Caserta']").click()
    page.wait_for_url(re.compile(r"/citta/Caserta$"))
    # The map's cities are links for the keyboard too.
    page.go_back()
    tab_until(page, "el.classList && el.classList.contains('map-city')")
    assert page.evaluate("getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth") == "3px"
    href = focused(page, "document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"{href}$"))
    assert console_errors(page) == []


def test_switch_to_english(live_server, page):
    page.goto(live_server + f"/?q={QUERY}")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_label("What are you looking for?").input_value() == QUERY
    assert re.search(r"\d+ results? for", page.locator("#search-status").inner_text())
    page.get_by_role("link", name="Map of the cities").first.click()
    assert page.locator("html").get_attribute("lang") == "en"  # remembered by the cookie
    assert page.locator(".city-table").get_by_role("link", name="Turin").is_visible()
    assert_accessible(page, "map (en)")
    screenshot(page, "map-en")
    page.goto(live_server + f"/?q={QUERY}&city=Latina")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "with 1 filter" in page.locator("#search-status").inner_text()
    assert_accessible(page, "results (en)")
    page.locator(".result-card .card-title a").first.click()
    page.wait_for_url(re.compile(r"/documenti/"))
    assert page.locator(".passage-current .passage-label").inner_text().strip().lower() == "passage found"
    assert_accessible(page, "document (en)")
    screenshot(page, "document-en")
    assert console_errors(page) == []


def tab_until(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def focus_is_visible(page) -> bool:
    """The focused element shows a focus ring; a Bootstrap Italia checkbox is hidden and shows it on its label."""
    return page.evaluate(
        """() => { let el = document.activeElement;
        if (el.type === 'checkbox') { el = document.querySelector(`label[for="${el.id}"]`); }
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        return ring && r.width > 0 && r.height > 0; }"""
    )


def test_keyboard_only(live_server, page):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    assert focused(page, "document.activeElement.getAttribute('href')") == "#main"
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    tab_until(page, "el.id === 'q'")
    assert focus_is_visible(page)
    page.keyboard.type("sportello unico")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=sportello"))
    results_ready(page)
    tab_until(page, "el.name === 'intervention'")
    assert focus_is_visible(page)
    area = focused(page, "document.activeElement.value")
    screenshot(page, "keyboard-focus-checkbox")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(rf"intervention={area}"))
    results_ready(page)
    focus_settles_on(page, f"f-intervention-{area}")  # focus stays on the box just ticked
    assert focus_is_visible(page)
    tab_until(page, "el.closest('.card-title')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(documenti|pratiche)/"))  # the first card may be a practice card
    tab_until(page, "el.getAttribute('href') && el.getAttribute('href').startsWith('/citta/')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/citta/"))
    assert page.locator("h1").is_visible()
    assert console_errors(page) == []


def test_without_javascript_the_same_pages_work_by_full_reloads(live_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        page.get_by_label("Che cosa cerchi?").fill(QUERY)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"q=alloggi"))
        assert page.locator(".result-card").count() >= 5
        page.locator("fieldset.facet input[name=intervention] + label").first.click()
        page.get_by_role("button", name="Applica i filtri").click()
        page.wait_for_url(re.compile(r"intervention="))
        assert page.locator(".chip").count() == 1
        page.locator(".chip-remove").click()
        page.wait_for_url(lambda u: "intervention=" not in u)
        assert page.locator(".chip").count() == 0
    finally:
        context.close()


def test_reflow_at_320_pixels(live_server, browser):
    """WCAG 1.4.10: at 320 CSS pixels nothing needs horizontal scrolling (wide tables scroll inside their box)
    and the always-visible menu does not cover the page."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="it-IT")
    page = context.new_page()
    try:
        for url in (f"/?q={QUERY}&city=Latina", "/citta/Latina", "/interventi/housing", "/mappa"):
            page.goto(live_server + url)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
            header = page.locator("header").bounding_box()
            assert page.locator("h1").bounding_box()["y"] >= header["y"] + header["height"], url
        screenshot(page, "mobile-map")
    finally:
        context.close()
