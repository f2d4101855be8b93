"""Every read endpoint through an in-process client, and the one error shape."""

from __future__ import annotations

import time


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_health_and_ready(client):
    assert client.get("/api/health").json() == {"status": "ok"}
    deadline = time.monotonic() + 120  # the first probe starts the practice records' load (a warm service
    while (answer := client.get("/api/ready")).status_code == 503:  # handed in has only model and indexes)
        assert answer.headers["Retry-After"] and time.monotonic() < deadline
        time.sleep(0.1)
    ready = answer.json()
    assert ready["embedder"] == "use-m3" and ready["passages"] > 100 and ready["documents"] > 60


def test_search_contract(client):
    body = client.get("/api/search", params={"q": "alloggi ponte Bolzano", "k": 5}).json()
    assert body["query"] == "alloggi ponte Bolzano" and body["total"] >= 5
    hit = body["results"][0]
    for key in (
        "id",
        "doc_id",
        "title",
        "text",
        "snippet",
        "score",
        "city",
        "interventions",
        "doc_type",
        "phase",
        "date",
        "source",
        "url",
        "duplicates",
    ):
        assert key in hit
    assert hit["city"] == "Bolzano"
    assert {"city", "intervention", "doc_type", "phase", "year"} <= set(body["facets"])
    assert body["facets"]["city"][0].keys() == {"value", "count"}


def test_search_pagination_and_filters(client):
    p1 = client.get("/api/search", params={"q": "migranti", "k": 5, "page": 1}).json()
    p2 = client.get("/api/search", params={"q": "migranti", "k": 5, "page": 2}).json()
    assert {h["id"] for h in p1["results"]}.isdisjoint({h["id"] for h in p2["results"]})
    body = client.get("/api/search", params=[("q", "accoglienza"), ("city", "Milan"), ("city", "Roma")]).json()
    assert {h["city"] for h in body["results"]} <= {"Milano", "Roma"}


def test_search_bounds_and_unknown_values(client):
    assert_error(client.get("/api/search", params={"q": "x", "k": 0}), 422, "invalid_request")
    assert_error(client.get("/api/search", params={"q": "x", "k": 1000}), 422)
    assert_error(client.get("/api/search", params={"q": "x" * 501}), 422)
    err = assert_error(client.get("/api/search", params={"q": "x", "intervention": "magic"}), 422)
    assert "housing" in err["detail"]["allowed"]


def test_documents_list_detail_and_file(client):
    listing = client.get("/api/documents", params={"city": "Taranto", "k": 50}).json()
    assert listing["total"] >= 3 and all(d["city"] == "Taranto" for d in listing["documents"])
    doc_id = listing["documents"][0]["doc_id"]
    detail = client.get(f"/api/documents/{doc_id}").json()
    assert detail["document"]["doc_id"] == doc_id and detail["chunks"]
    text = detail["document"]["text"]
    for chunk in detail["chunks"]:
        assert chunk["text"].split()[0].strip("*") in text[chunk["char_start"] : chunk["char_end"]]
    original = client.get(f"/api/documents/{doc_id}/file")
    assert original.status_code == 200 and "LgNet2" in original.text
    assert_error(client.get("/api/documents/nope"), 404, "not_found")
    assert_error(client.get("/api/documents/..%2F..%2Fetc%2Fpasswd/file"), 404)


def test_similar_cities_and_facets(client):
    hit = client.get("/api/search", params={"q": "sportello unico Taranto"}).json()["results"][0]
    similar = client.get(f"/api/similar/{hit['id']}", params={"k": 3}).json()
    assert similar["results"] and all(r["doc_id"] != hit["doc_id"] for r in similar["results"])
    cities = client.get("/api/cities").json()["cities"]
    assert any(c["name"] == "Torino" and c["name_en"] == "Turin" and c["documents"] > 0 for c in cities)
    profile = client.get("/api/cities/Turin").json()
    assert profile["city"]["name"] == "Torino" and profile["documents"] and profile["press"]
    assert any(f["value"] == 160 for f in profile["figures"])
    assert_error(client.get("/api/cities/Atlantide"), 404)
    facets = client.get("/api/facets").json()
    browse = client.get("/api/search", params={"k": 1}).json()
    assert facets["total"] == browse["total"] > 50 and "taking_charge" in facets["allowed"]["intervention"]
    assert sum(f["count"] for f in facets["facets"]["doc_type"]) == facets["total"]


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/search",
        "/api/similar/{chunk_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/{doc_id}/file",
        "/api/facets",
        "/api/cities",
        "/api/cities/{city}",
        "/api/health",
        "/api/ready",
        "/api/jobs/{job_id}",
        "/api/reindex",
    ):
        assert path in paths, path
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_year_out_of_range_is_a_clean_422(client):
    assert_error(client.get("/api/search", params={"q": "x", "year": 9223372036854775808}), 422)
    assert_error(client.get("/api/search", params={"q": "x", "year": 3000}), 422)
    body = client.get("/api/search", params={"q": "progetto", "year": 2023}).json()
    assert body["results"] and all(h["date"].startswith("2023") for h in body["results"])
