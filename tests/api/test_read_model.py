"""The API and the site render one read model (lgnet/domain.py): a document, a city and the list of cities are
the same records in `/api/...` and in the site's JSON twin (`?format=json`); the API only lists a document's
absent format fields as null where the site leaves them out."""

from __future__ import annotations

from lgnet.domain import FORMAT_FIELDS


def _sparse(document: dict) -> dict:
    return {k: v for k, v in document.items() if v is not None or k not in FORMAT_FIELDS}


def test_documents_are_the_same_in_the_api_and_on_the_site(client):
    listed = client.get("/api/documents", params={"k": 100}).json()["documents"]
    assert len(listed) >= 20
    for summary in listed[::4]:
        api = client.get(f"/api/documents/{summary['doc_id']}").json()
        page = client.get(f"/documenti/{summary['doc_id']}", params={"format": "json"}).json()
        assert _sparse(api["document"]) == page["document"], summary["doc_id"]
        assert {k: v for k, v in api["document"].items() if k != "text"} == summary
        for key in ("chunks", "duplicates", "figures"):
            assert api[key] == page[key], (summary["doc_id"], key)


def test_cities_are_the_same_in_the_api_and_on_the_site(client):
    cities = client.get("/api/cities").json()["cities"]
    on_map = {c["name"]: c for c in client.get("/mappa", params={"format": "json"}).json()["cities"]}
    for city in cities:
        drawn = {k: v for k, v in on_map[city["name"]].items() if k not in ("x", "y", "r")}
        assert drawn == city, city["name"]
    for city in [c for c in cities if c["documents"]][:6]:
        api = client.get(f"/api/cities/{city['name']}").json()
        page = client.get(f"/citta/{city['name']}", params={"format": "json"}).json()
        for key in ("documents", "press"):
            api[key] = [_sparse(d) for d in api[key]]
        assert api == page, city["name"]
