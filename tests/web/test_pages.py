"""The site without a browser: every page, its JSON twin, its htmx fragment, the no-JS reloads, English."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

QUERY = "alloggi ponte per famiglie"
PAGES = ["/", f"/?q={QUERY}", "/citta/Torino", "/citta/Bari", "/interventi", "/interventi/housing", "/mappa"]


def doc_link(html: str) -> str:
    """The first result's link to its document page."""
    match = re.search(r'class="card-title h5"><a href="([^"]+)"', html)
    assert match, "no result card"
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_in_italian_with_the_site_furniture(site, url):
    r = site.get(url)
    assert r.status_code == 200
    assert r.headers["content-language"] == "it"
    assert '<html lang="it">' in r.text
    assert "bootstrap-italia.min.css" in r.text
    assert 'href="#main"' in r.text  # skip link
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_search_results_carry_cards_facets_answer_and_a_live_status(site):
    html = site.get("/", params={"q": QUERY}).text
    assert html.count('class="result-card card"') >= 5
    assert 'role="status" aria-live="polite"' in html
    assert 'id="results-heading"' in html
    assert "<mark>" in html  # highlighted snippet
    for facet in ("city", "intervention", "doc_type", "phase", "year"):
        assert f'name="{facet}"' in html
    assert 'class="callout answer"' in html
    assert "Pubblicato anche da" in html  # a syndicated article lists its other outlets


@pytest.mark.parametrize("url", PAGES + ["/documenti/lgnetea-scheda-comune-firenze-missing"])
def test_json_twin_is_the_same_data_function(site, url):
    sep = "&" if "?" in url else "?"
    r = site.get(f"{url}{sep}format=json")
    assert r.headers["content-type"].startswith("application/json")
    data = r.json()
    if "missing" in url:
        assert r.status_code == 404 and data["error"]["code"] == "not_found"
    else:
        assert r.status_code == 200 and isinstance(data, dict) and data


def test_json_twin_of_a_search_has_state_facets_and_pages(site):
    data = site.get("/", params={"q": QUERY, "city": "Latina", "format": "json"}).json()
    assert data["state"]["q"] == QUERY and data["state"]["city"] == ["Latina"]
    assert data["total"] >= 1 and data["pages"] >= 1
    assert {r["city"] for r in data["results"]} == {"Latina"}
    # Multi-select: the city facet still offers the other cities.
    assert len(data["facets"]["city"]) > 1
    assert site.get("/", params={"q": QUERY}, headers={"Accept": "application/json"}).json()["total"] > 0


def test_htmx_request_gets_only_the_results_fragment_with_an_oob_status(site):
    r = site.get("/", params={"q": QUERY}, headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert "<html" not in r.text and "<header" not in r.text
    assert re.match(r'\s*<title>[^<]*</title>\s*<div id="search-results"', r.text)
    assert 'hx-swap-oob="innerHTML"' in r.text
    assert f"<title>{QUERY} · Cerca · " in r.text  # htmx renames the tab and the history entry
    assert r.headers["hx-push-url"] == "/?q=alloggi+ponte+per+famiglie"  # canonical: no default sort, no page 1
    assert "Vary" in r.headers and "HX-Request" in r.headers["vary"]
    # htmx restoring history needs the whole page.
    full = site.get("/", params={"q": QUERY}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in full.text


def test_no_javascript_filters_sort_and_pages_work_by_full_reload(site):
    r = site.get("/", params=[("q", "progetto"), ("city", "Latina"), ("city", "Torino"), ("sort", "date")])
    html = r.text
    assert "<html" in html
    assert re.search(r'id="f-city-Latina" name="city" value="Latina" checked', html)
    assert re.search(r'id="f-city-Torino" name="city" value="Torino" checked', html)
    assert '<option value="date" selected>' in html
    assert html.count('class="chip-remove"') == 2
    # A chip's link removes its filter and keeps the rest of the search.
    href = re.search(r'class="chip-remove" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    params = parse_qs(urlsplit(href).query)
    assert params["q"] == ["progetto"] and params["city"] == ["Torino"] and params["sort"] == ["date"]
    # Without JavaScript the facets are applied with a button.
    assert "<noscript>" in html and 'type="submit"' in html


def test_pagination_links_keep_the_search_and_unknown_filters_are_reported(site):
    data = site.get("/", params={"format": "json"}).json()
    assert data["pages"] > 1
    html = site.get("/", params={"page": "2", "year": "abc", "city": "Atlantide"}).text
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>2' in html
    assert "Atlantide" in html and "non sono stati riconosciuti" in html


def test_english_by_parameter_then_by_cookie(site, corpus_index, service):
    from fastapi.testclient import TestClient

    from app.factory import create_app

    with TestClient(create_app(settings=corpus_index, service=service)) as own:
        r = own.get("/", params={"lang": "en", "q": QUERY})
        assert r.headers["content-language"] == "en"
        assert '<html lang="en">' in r.text and "Search the practices" in r.text
        assert "lang=en" in r.headers["set-cookie"]
        again = own.get("/mappa")  # the cookie remembers the choice
        assert '<html lang="en">' in again.text and "Turin" in again.text
        back = own.get("/mappa", params={"lang": "it"})
        assert '<html lang="it">' in back.text and "Torino" in back.text


def test_document_page_marks_the_passage_and_offers_similar_passages_from_other_cities(site):
    href = doc_link(site.get("/", params={"q": QUERY}).text)
    r = site.get(href.split("#")[0])
    assert r.status_code == 200
    html = r.text
    passage = parse_qs(urlsplit(href).query)["passage"][0]
    assert f'id="passage-{passage}" class="passage passage-current"' in html
    assert "<mark>" in html
    assert "/file" in html  # the original file
    data = site.get(href.split("#")[0] + "&format=json").json()
    assert data["passage"] == passage
    own = data["document"]["city"]
    assert data["similar"] and all(h["city"] and h["city"] != own for h in data["similar"])


def test_city_page_redirects_aliases_and_shows_profile_and_timeline(site):
    r = site.get("/citta/turin", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/citta/Torino"
    html = site.get("/citta/Torino").text
    for heading in ("areas-heading", "timeline-heading", "figures-heading", "partners-heading", "press-heading"):
        assert f'id="{heading}"' in html
    assert site.get("/citta/Atlantide").status_code == 404


def test_intervention_page_compares_cities_side_by_side(site):
    html = site.get("/interventi/housing").text
    assert "<table" in html and '<th scope="row"><a href="/citta/' in html
    assert site.get("/interventi/unknown").status_code == 404


def test_map_places_every_city_with_a_link(site):
    data = site.get("/mappa", params={"format": "json"}).json()
    html = site.get("/mappa").text
    assert html.count('class="map-city') == len(data["cities"]) > 10
    for c in data["cities"]:
        assert 0 <= c["x"] <= data["width"] and 0 <= c["y"] <= data["height"]
    biggest = max(data["cities"], key=lambda c: c["documents"])
    empty = min(data["cities"], key=lambda c: c["documents"])
    assert biggest["r"] > empty["r"]
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]  # no tile server


HOSTILE = '<script>alert("q")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}])
def test_a_hostile_query_is_shown_as_text(site, headers):
    r = site.get("/", params={"q": HOSTILE}, headers=headers)
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(" in r.text
    r = site.get("/documenti/x", params={"q": HOSTILE})
    assert "<script>alert" not in r.text


def test_static_assets_and_licences_are_served(site):
    for path in (
        "/static/vendor/bootstrap-italia/css/bootstrap-italia.min.css",
        "/static/vendor/htmx/htmx.min.js",
        "/static/js/site.js",
        "/static/css/site.css",
        "/static/map/italy.json",
    ):
        assert site.get(path).status_code == 200, path
    for licence in ("bootstrap-italia/LICENSE", "htmx/LICENSE"):
        assert site.get(f"/static/vendor/{licence}").status_code == 200, licence


@pytest.mark.parametrize("url", ["/citta/Latina", "/interventi/housing"])
def test_copies_of_syndicated_articles_are_shown_once(site, url):
    data = site.get(url, params={"format": "json"}).json()
    if "interventions" in data:  # a city
        groups, figure_lists = list(data["interventions"].values()), [data["figures"]]
    else:  # an area compared across cities
        groups, figure_lists = [r["passages"] for r in data["cities"]], [r["figures"] for r in data["cities"]]
    assert any(len(g) > 1 for g in groups)
    for passages in groups:
        openings = [" ".join(p["text"].split())[:100].casefold() for p in passages]
        assert len(openings) == len(set(openings))
    for figures in figure_lists:
        values = [(f["value"], f["unit"]) for f in figures]
        assert len(values) == len(set(values))


def test_the_original_file_of_a_document_is_served(site):
    href = doc_link(site.get("/", params={"q": "sportello unico"}).text)
    html = site.get(href.split("#")[0]).text
    link = re.search(r'href="(/api/documents/[^"]+/file)"', html).group(1)
    r = site.get(link)
    assert r.status_code == 200 and len(r.content) > 100


def test_document_text_is_shown_without_markdown_markers():
    from web.text import paragraphs

    assert paragraphs("nell'ambito **housing-inclusione abitativa**, con\n\n__alloggi__") == [
        "nell'ambito housing-inclusione abitativa, con",
        "alloggi",
    ]


def test_a_passage_found_can_be_added_to_a_dossier_from_its_document_page(site):
    href = doc_link(site.get("/", params={"q": QUERY}).text)
    passage = parse_qs(urlsplit(href).query)["passage"][0]
    html = site.get(href.split("#")[0]).text
    assert f'name="ref" value="{passage}"' in html
    r = site.post("/dossier", data={"kind": "passage", "ref": passage, "new": "1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/dossier/")
    dossier = site.get(r.headers["location"], params={"format": "json"}).json()
    assert [(i["kind"], i["ref"]) for i in dossier["dossier"]["items"]] == [("passage", passage)]


def test_an_unknown_address_gets_the_site_error_page_in_a_browser_and_json_elsewhere(site):
    page = site.get("/pagina-che-non-esiste", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 404 and '<html lang="it">' in page.text and "Pagina non trovata" in page.text
    api = site.get("/api/non-esiste", headers={"Accept": "text/html"})
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert site.get("/pagina-che-non-esiste").json()["error"]["code"] == "not_found"


def test_catalogue_sorts_and_pages(site):
    """Issue 13: the catalogue sorts (by phase, by city) and pages through every practice exactly once."""
    first = site.get("/pratiche", params={"format": "json", "sort": "phase"}).json()
    assert first["pages"] >= 2 and first["state"]["sort"] == "phase"
    seen = []
    for page in range(1, first["pages"] + 1):
        data = site.get("/pratiche", params={"format": "json", "sort": "phase", "page": page}).json()
        assert data["page"] == page
        seen += data["results"]
    assert len(seen) == first["total"] == len({r["id"] for r in seen})
    order = {p: i for i, p in enumerate(("LGNetEA", "LGNet2", "LGNet3"))}
    phases = [order.get(r["phase"], 9) for r in seen]
    assert phases == sorted(phases)
    by_city = site.get("/pratiche", params={"format": "json", "sort": "city"}).json()["results"]
    assert [r["city"] for r in by_city] == sorted(r["city"] for r in by_city)
    html = site.get("/pratiche", params={"sort": "phase"}).text
    assert 'aria-current="page"' in html and "page=2" in html  # pages the visitor can follow


def test_map_names_every_city_above_every_circle(site):
    """Issue 13's small things: cities without documents are labelled too, and the names are drawn after all the
    circles (an SVG paints in document order), so no circle covers another city's name."""
    data = site.get("/mappa", params={"format": "json"}).json()
    svg = site.get("/mappa").text.split('class="map-svg"', 1)[1].split("</svg>", 1)[0]
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", svg.split('class="map-labels"', 1)[1])
    assert len(labels) == len(data["cities"]) and any(not c["documents"] for c in data["cities"])
    assert svg.rfind("<circle") < svg.find('class="map-labels"')


def test_the_owner_deletes_a_dossier_from_the_site(site):
    made = site.post("/dossier", data={"kind": "practice", "ref": "latina-housing-lgnet2", "new": "1"},
                     follow_redirects=False)  # fmt: skip
    url = made.headers["location"]
    token = url.rsplit("/", 1)[1]
    assert site.get(url).status_code == 200
    read = site.get(f"/api/dossiers/{token}").json()["dossier"]["read_id"]
    assert site.post(f"/dossier/{read}/elimina", follow_redirects=False).status_code == 403  # not with the read link
    gone = site.post(f"{url}/elimina", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/pratiche")
    assert site.get(url).status_code == 404 and site.get(f"/dossier/{read}").status_code == 404
