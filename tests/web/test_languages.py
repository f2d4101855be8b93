"""Languages and small things, through the app (no browser): the first visit follows Accept-Language, then
?lang= and the cookie win; Italian content inside English pages carries lang="it"; an unknown city answers a
translated 404 without the developer's message; phase on city pages and the map, cities without documents
labelled."""

from __future__ import annotations

import re


def html_lang(html: str) -> str:
    return re.search(r'<html lang="(\w+)"', html)[1]


def test_first_visit_follows_accept_language_then_link_and_cookie_win(site):
    site.cookies.clear()
    assert html_lang(site.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text) == "en"
    assert html_lang(site.get("/", headers={"Accept-Language": "it-IT,it;q=0.9,en;q=0.5"}).text) == "it"
    assert html_lang(site.get("/?lang=it", headers={"Accept-Language": "en"}).text) == "it"
    assert html_lang(site.get("/", headers={"Accept-Language": "en"}).text) == "it"  # the cookie ?lang= set
    site.cookies.clear()


def test_italian_content_is_marked_inside_english_pages(site, service):
    site.cookies.clear()
    page = site.get("/pratiche/latina-housing-lgnet2?lang=en").text
    assert html_lang(page) == "en"
    assert re.search(r'<section aria-labelledby="summary-heading">.*?<span lang="it">', page, re.S)
    assert re.search(r'<li><span lang="it">Cooperativa Astrolabio', page)
    corpus = service.lexical.current().corpus
    doc_id = next(m["doc_id"] for m in corpus.metas if m.get("language", "it") == "it")
    document = site.get(f"/documenti/{doc_id}?lang=en").text
    assert '<p class="passage-text" lang="it">' in document
    italian = site.get("/pratiche/latina-housing-lgnet2?lang=it").text
    assert 'lang="it"' not in italian.split("<main", 1)[1].split("</main>", 1)[0]  # nothing to mark
    site.cookies.clear()


def test_unknown_city_is_a_translated_404_without_developer_text(site):
    site.cookies.clear()
    for lang, words in (("it", "non"), ("en", "not")):
        r = site.get(f"/citta/Atlantide?lang={lang}", headers={"Accept": "text/html"})
        assert r.status_code == 404 and html_lang(r.text) == lang
        assert "unknown city" not in r.text and "Atlantide'" not in r.text
        assert words in r.text.split("<main", 1)[1].lower()
    site.cookies.clear()


def test_phase_on_city_pages_and_the_map(site):
    site.cookies.clear()
    aosta = site.get("/citta/Aosta").text  # an LGNet3 partner before any document
    assert "Nella rete LGNet: LGNet3." in aosta and "senza documenti nella banca dati per ora" in aosta
    latina = site.get("/citta/Latina").text
    assert re.search(r"Nella rete LGNet: LGNetEA, LGNet2", latina)
    mappa = site.get("/mappa").text
    labels = mappa.split('<g class="map-labels"', 1)[1].split("</g>", 1)[0]
    assert re.search(r'class="map-label-empty">Aosta<', labels)  # labelled although without documents
    assert mappa.index('<g class="map-labels"') > mappa.rindex("<circle")  # names above every circle
    assert "0 documenti" not in mappa


def test_a_search_page_past_the_end_says_so(site):
    site.cookies.clear()
    html = site.get("/", params={"q": "alloggi", "page": 99}).text
    assert "Pagina 99 di" not in html
    assert "La pagina 99 non esiste" in html and "Nessun risultato" not in html
