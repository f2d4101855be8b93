"""axe-core (WCAG 2.1 A/AA) on every page of the site, in Italian and in English: the list of pages is read from
the site's routers, so a new page that is not checked here fails this test."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import axe, pretty
from web.practice_routes import router as practice_router
from web.routes import router as site_router

pytestmark = pytest.mark.slow

# One address per page route (a redirect route is checked on the page it leads to).
PAGES = {
    "/": "/?q=alloggi+ponte+per+famiglie&city=Latina",
    "/carica": "/carica",
    "/caricamenti/{job_id}": "/caricamenti/0123456789abcdef0123456789abcdef",  # unknown job: the error page
    "/citta": "/citta",
    "/citta/{name}": "/citta/Latina",
    "/documenti/{doc_id}": None,  # the first result's document, found at run time
    "/dossier/{dossier_id}": None,  # a dossier made at run time
    "/interventi": "/interventi",
    "/interventi/{code}": "/interventi/housing",
    "/mappa": "/mappa",
    "/panoramica": "/panoramica?phase=LGNet2",
    "/pratiche": "/pratiche?q=alloggi",
    "/pratiche/confronto/{area}": "/pratiche/confronto/housing",
    "/pratiche/{practice_id}": "/pratiche/latina-housing-lgnet2",
}


def page_routes() -> set[str]:
    def walk(routes):
        for route in routes:
            if hasattr(route, "path"):
                if "GET" in (getattr(route, "methods", None) or ()):
                    yield route.path
            else:  # an included router
                yield from walk(route.original_router.routes)

    return set(walk(site_router.routes)) | set(walk(practice_router.routes))


def test_every_page_route_is_checked():
    assert page_routes() == set(PAGES), page_routes() ^ set(PAGES)


@pytest.fixture(scope="module")
def addresses(live_server) -> dict[str, str]:
    found = dict(PAGES)
    search = httpx.get(f"{live_server}/api/search", params={"q": "alloggi ponte per famiglie"}, timeout=120).json()
    found["/documenti/{doc_id}"] = f"/documenti/{search['results'][0]['doc_id']}"
    made = httpx.post(
        f"{live_server}/dossier", data={"kind": "practice", "ref": "latina-housing-lgnet2", "back": "/pratiche"}
    )
    token = made.cookies.get("dossier")
    assert token, made.status_code
    found["/dossier/{dossier_id}"] = f"/dossier/{token}"
    httpx.get(f"{live_server}/panoramica", timeout=600).raise_for_status()  # records built before the clock
    return found


@pytest.mark.parametrize("lang", ["it", "en"])
def test_axe_clean_on_every_page(page, live_server, addresses, lang):
    failures = {}
    for route, address in sorted(addresses.items()):
        sep = "&" if "?" in address else "?"
        page.goto(f"{live_server}{address}{sep}lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang, route
        violations = axe(page)
        if violations:
            failures[route] = violations
    assert not failures, pretty(failures)
