"""One error path: the site's pages answer the site's error page to a browser (never a developer message), the
API the one JSON shape, whatever raised the error. The store down is a real unreachable Chroma server."""

from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from tests.conftest import make_settings

BROWSER = {"Accept": "text/html,application/xhtml+xml"}


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


@pytest.fixture(scope="module")
def store_down(tmp_path_factory):
    url = f"http://127.0.0.1:{_closed_port()}"
    settings = make_settings(tmp_path_factory.mktemp("down")).model_copy(update={"chroma_url": url})
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("url", ["/interventi", "/mappa", "/", "/?q=alloggi", "/citta/Torino", "/pratiche"])
def test_a_page_answers_an_html_503_with_retry_after_when_the_store_is_down(store_down, url):
    r = store_down.get(url, headers=BROWSER)
    assert r.status_code == 503, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["Retry-After"].isdigit()
    assert "Servizio momentaneamente non disponibile" in r.text
    assert "Chroma" not in r.text and "not reachable" not in r.text  # no developer message on the page


def test_the_page_speaks_english_when_asked(store_down):
    r = store_down.get("/mappa", params={"lang": "en"}, headers=BROWSER)
    assert r.status_code == 503 and "Service temporarily unavailable" in r.text


def test_the_json_twin_and_the_api_answer_the_error_shape(store_down):
    for r in (store_down.get("/mappa", params={"format": "json"}), store_down.get("/api/search", params={"q": "x"})):
        assert r.status_code == 503 and r.headers["Retry-After"].isdigit()
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["error"]["code"] == "store_unavailable"


def test_an_invalid_page_address_gets_the_error_page_not_json(site):
    r = site.get("/documenti/" + "x" * 300, headers=BROWSER)  # longer than the route allows: 422
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "Richiesta non valida" in r.text


def test_a_missing_document_page_has_no_developer_message(site):
    r = site.get("/documenti/non-esiste", headers=BROWSER)
    assert r.status_code == 404 and "Pagina non trovata" in r.text
    assert site.get("/documenti/non-esiste", params={"format": "json"}).json()["error"]["code"] == "not_found"


def test_a_rate_limited_site_form_answers_the_error_page_and_the_api_json(tmp_path):
    """Over the rate, a form of the site gets the site's error page (its language, the wait in seconds,
    Retry-After), the API the one JSON shape; both carry the same error object."""
    settings = make_settings(tmp_path / "data").model_copy(update={"write_rate_per_minute": 1, "write_burst": 1})
    with TestClient(create_app(settings), client=("203.0.113.9", 4000)) as client:
        assert client.post("/dossier", data={"title": "uno"}, headers=BROWSER, follow_redirects=False).status_code < 400
        page = client.post("/dossier", data={"title": "due"}, headers=BROWSER, follow_redirects=False)
        assert page.status_code == 429 and page.headers["content-type"].startswith("text/html")
        wait = int(page.headers["Retry-After"])
        assert "Troppe richieste" in page.text and f"{wait} secondi" in page.text, page.text[-1500:]
        assert "too many requests" not in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]  # the site's own policy
        assert page.headers["x-frame-options"] == "DENY"
        english = client.post("/dossier?lang=en", data={"title": "tre"}, headers=BROWSER, follow_redirects=False)
        assert english.status_code == 429 and "Too many requests" in english.text
        api = client.post("/api/dossiers", json={"title": "quattro"})
    assert api.status_code == 429 and api.json()["error"]["code"] == "rate_limited"
