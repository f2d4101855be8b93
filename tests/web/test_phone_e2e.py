"""The phone journey in Chromium at 390 x 844: results first (the first result in the first screen, the filters
one tap away in an off-canvas dialog that keeps focus inside, closes with Escape and gives focus back), the same
filters as a plain section after the results without JavaScript, the catalogue's first practice in the first
screen, and wide tables that say they scroll. axe on every state."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.conftest import axe, console_errors, pretty

pytestmark = pytest.mark.slow
PHONE = {"width": 390, "height": 844}
QUERY = "alloggi ponte per famiglie"


@pytest.fixture(scope="module", autouse=True)
def warm_catalogue(live_server) -> None:
    """The catalogue builds its records on its first request: done before the browser's clock starts."""
    httpx.get(f"{live_server}/panoramica", timeout=600).raise_for_status()


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="it-IT", viewport=PHONE)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def inside(page, element_id: str) -> bool:
    return page.evaluate("id => document.getElementById(id).contains(document.activeElement)", element_id)


def test_first_result_in_the_first_screen_and_filters_in_a_dialog(phone, live_server):
    page = phone
    page.goto(f"{live_server}/?q={QUERY.replace(' ', '+')}")
    first = page.locator(".result-card").first.bounding_box()
    title = page.locator(".result-card .card-title").first.bounding_box()
    print(f"phone: first search result at {first['y']:.0f} px, its title at {title['y']:.0f} px (viewport 844 px)")
    assert first["y"] < PHONE["height"], f"the first result starts at {first['y']:.0f} px, below the first screen"
    assert title["y"] + 20 < PHONE["height"], f"the first result's title starts at {title['y']:.0f} px"
    assert page.evaluate("window.scrollY") == 0
    assert not page.locator(".facets").is_visible()  # folded away, not above the results
    opener = page.locator("#open-filters")
    assert opener.is_visible() and opener.bounding_box()["y"] < first["y"]
    assert opener.get_attribute("aria-expanded") == "false"
    assert not axe(page), pretty(axe(page))

    # Opened: a modal dialog named by its heading, focus inside, Tab never leaves it.
    opener.click()
    drawer = page.locator("#facets")
    assert drawer.get_attribute("role") == "dialog" and drawer.get_attribute("aria-modal") == "true"
    assert page.get_by_role("dialog", name="Filtra i risultati").is_visible()
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "facets-heading"
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        assert inside(page, "facets"), "Tab left the filters dialog"
        seen.add(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    assert "Mostra i risultati" in seen and len(seen) > 5
    page.keyboard.press("Shift+Tab")
    assert inside(page, "facets")
    assert page.locator("main .search-box").evaluate("el => el.closest('[inert]') !== null")  # the rest is inert
    assert not axe(page), pretty(axe(page))

    # A box ticked in the dialog waits; Escape puts it back, closes, and gives focus back to the button.
    latina = page.locator("#facets label", has_text=re.compile(r"^Latina")).first
    latina.click()
    page.wait_for_timeout(400)  # a live search would have started by now
    assert "city=" not in page.url
    page.keyboard.press("Escape")
    assert not drawer.is_visible() and drawer.get_attribute("role") is None
    assert page.evaluate("document.activeElement.id") == "open-filters"
    assert page.locator("#facets input[name=city]:checked").count() == 0

    # Ticked again and applied: one search, the dialog closed, the button says how many filters are on.
    opener.click()
    latina.click()
    page.get_by_role("button", name="Mostra i risultati").click()
    page.wait_for_url(re.compile(r"city=Latina"))
    page.locator(".active-filters .chip").first.wait_for()
    assert not page.locator(".facets").is_visible()
    assert re.search(r"Filtri\s*1", page.locator("#open-filters").inner_text())
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'open-filters'")
    assert page.locator(".result-card").first.bounding_box()["y"] < PHONE["height"]
    assert not axe(page), pretty(axe(page))
    assert console_errors(page) == []


def test_without_javascript_the_filters_are_a_section_after_the_results(browser, live_server):
    # (reduced motion: the jump to the filters is immediate, not a smooth scroll still under way when measured)
    context = browser.new_context(locale="it-IT", viewport=PHONE, java_script_enabled=False, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(f"{live_server}/?q={QUERY.replace(' ', '+')}")
        first = page.locator(".result-card").first.bounding_box()
        facets = page.locator(".facets")
        assert facets.is_visible() and facets.bounding_box()["y"] > first["y"]  # results first
        link = page.locator("#goto-filters")
        assert link.is_visible() and link.get_attribute("href") == "#facets-heading"
        assert not page.locator("#open-filters").is_visible()
        link.click()
        heading = page.locator("#facets-heading").bounding_box()
        # -1: the jump can land the heading a fraction of a pixel above the top (sub-pixel rounding)
        assert page.evaluate("window.scrollY") > first["y"] and -1 <= heading["y"] < PHONE["height"]  # jumped there
        page.locator("#facets label", has_text=re.compile(r"^Latina")).first.click()
        page.get_by_role("button", name="Applica i filtri").click()
        page.wait_for_url(re.compile(r"city=Latina"))
        assert page.locator(".active-filters .chip").count() == 1
    finally:
        context.close()


def test_without_javascript_the_header_menu_is_folded_and_one_link_away(browser, live_server):
    """No JavaScript on a phone: the header's navigation does not push the results down (folded, as with
    JavaScript); a "Menu" link unfolds it in place, above the page (nothing covered); on a large screen it shows."""
    context = browser.new_context(locale="it-IT", viewport=PHONE, java_script_enabled=False, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(f"{live_server}/?q={QUERY.replace(' ', '+')}")
        nav = page.locator("#site-nav")
        assert not nav.is_visible(), "without JavaScript the phone menu stays open above the results"
        title = page.locator(".result-card .card-title").first.bounding_box()
        assert title["y"] + 20 < PHONE["height"], f"the first result's title starts at {title['y']:.0f} px"
        assert not page.locator("#site-menu-toggle").is_visible()  # the JavaScript button is not offered
        link = page.locator("#site-menu-link")
        assert link.is_visible() and link.get_attribute("href") == "#site-nav"
        link.click()
        assert nav.is_visible()
        # (one read of both boxes: a jump can still be scrolling between two reads)
        nav_bottom, main_top = page.evaluate(
            "[document.getElementById('site-nav').getBoundingClientRect().bottom,"
            " document.querySelector('main').getBoundingClientRect().top]"
        )
        assert nav_bottom <= main_top + 1, f"the open menu ({nav_bottom} px) covers the page ({main_top} px)"
        assert page.evaluate("getComputedStyle(document.getElementById('site-nav')).position") == "static"
        nav.get_by_role("link", name="Pratiche").click()
        page.wait_for_url(re.compile(r"/pratiche$"))
        assert not page.locator("#site-nav").is_visible()  # folded again on the next page
        page.set_viewport_size({"width": 1280, "height": 900})
        assert page.locator("#site-nav").is_visible() and not page.locator("#site-menu-link").is_visible()
    finally:
        context.close()


def test_the_menu_button_is_for_small_screens_only(browser, live_server):
    """With JavaScript the header's "Menu" button folds the navigation on phones; on a large screen the navigation
    is always shown, so a button that toggles nothing is not offered."""
    context = browser.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_server}/mappa")
        assert page.locator("#site-nav").is_visible()
        assert not page.locator("#site-menu-toggle").is_visible() and not page.locator("#site-menu-link").is_visible()
        page.set_viewport_size(PHONE)
        assert page.locator("#site-menu-toggle").is_visible() and not page.locator("#site-nav").is_visible()
        page.locator("#site-menu-toggle").click()
        assert page.locator("#site-nav").is_visible()
        assert page.locator("#site-menu-toggle").get_attribute("aria-expanded") == "true"
    finally:
        context.close()


def test_catalogue_first_practice_in_the_first_screen_and_its_filters_dialog(phone, live_server):
    page = phone
    page.goto(f"{live_server}/pratiche?q=alloggi")
    first = page.locator(".practice-card").first.bounding_box()
    print(f"phone: first practice at {first['y']:.0f} px")
    assert first["y"] + 60 <= PHONE["height"], f"first practice at {first['y']} px"  # its title in the first screen
    assert not page.locator("#practice-drawer").is_visible()
    page.locator("#open-practice-filters").click()
    assert page.get_by_role("dialog", name="Filtra i risultati").is_visible()
    assert not axe(page), pretty(axe(page))
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "open-practice-filters"
    page.locator("#open-practice-filters").click()
    page.get_by_role("dialog").get_by_role("link", name=re.compile(r"^LGNet2$")).click()
    page.wait_for_url(re.compile(r"phase=LGNet2"))
    assert page.locator(".active-filters .chip").count() == 1
    assert not axe(page), pretty(axe(page))


def test_wide_tables_say_they_scroll(phone, live_server):
    page = phone
    page.goto(f"{live_server}/panoramica")
    region = page.get_by_role("region", name=re.compile("Città per area di intervento"))
    assert region.get_attribute("tabindex") == "0"
    assert page.locator("#overview-scroll-hint").is_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls inside its region
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths  # the page itself does not
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")
    assert not axe(page), pretty(axe(page))
    # The comparison table of an area: the same region, hint and keyboard scrolling.
    page.goto(f"{live_server}/pratiche/confronto/housing")
    scroller = page.locator(".table-scroll").first
    assert scroller.get_attribute("tabindex") == "0" and scroller.get_attribute("role") == "region"
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.locator(".scroll-hint").first.is_visible()
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    assert not axe(page), pretty(axe(page))
