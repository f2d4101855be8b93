"""The practices and dossiers API, through FastAPI's TestClient on the corpus index."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app


@pytest.fixture(scope="module")
def client(service, corpus_index, tmp_path_factory):
    settings = corpus_index.model_copy(update={"data_dir": tmp_path_factory.mktemp("dossier-data")})
    # The dossiers live in their own data dir; the index is the shared one (through the service).
    with TestClient(create_app(settings, service=service)) as c:
        yield c


def test_every_city_with_an_article_has_a_practice(client, service):
    cities = {m["city"] for m in service.lexical.current().corpus.metas if m.get("city")}
    body = client.get("/api/practices", params={"k": 100}).json()
    assert {r["city"] for r in body["results"]} >= cities
    assert body["total"] == len(body["results"])
    assert {f["value"] for f in body["facets"]["area"]} <= set(service.taxonomy.codes)


def test_search_filters_and_facets(client):
    body = client.get("/api/practices", params={"q": "alloggi per famiglie", "area": "housing"}).json()
    assert body["total"] > 0 and all(r["area"] == "housing" for r in body["results"])
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    turin = client.get("/api/practices", params={"city": "Turin"}).json()
    assert turin["total"] > 0 and {r["city"] for r in turin["results"]} == {"Torino"}
    bad = client.get("/api/practices", params={"area": "gardening"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_practice_fields_carry_their_source(client, service):
    record = client.get("/api/practices/torino-housing-lgnet2").json()
    assert record["city"] == "Torino" and record["area"] == "housing"
    texts = dict(zip(service.lexical.current().corpus.ids, service.lexical.current().corpus.texts, strict=True))
    sourced = record["summary"] + record["activities"] + record["figures"] + record["partners"]
    assert record["figures"] and record["partners"] and record["summary"]
    for field in sourced:
        src = field["source"]
        # The offsets point at the quoted sentence inside the passage.
        passage = texts[src["chunk_id"]]
        assert src["doc_id"] and src["chunk_id"].startswith(src["doc_id"])
        assert passage[src["start"] : src["end"]].replace("**", "").split()[:3] == src["quote"].split()[:3]
    assert any(f["value"] == 160 and f["unit"] == "people" for f in record["figures"])
    assert client.get("/api/practices/nowhere-housing-lgnet2").status_code == 404


def test_similar_practices_are_in_other_cities(client):
    body = client.get("/api/practices/torino-housing-lgnet2/similar", params={"k": 4}).json()
    assert len(body["results"]) == 4
    assert all(r["city"] != "Torino" for r in body["results"])


def test_compare_one_area_across_cities(client):
    body = client.get("/api/practices/compare/housing").json()
    cities = [row["city"] for row in body["practices"]]
    assert len(cities) >= 8 and cities == sorted(cities)
    assert any(row["figures"] for row in body["practices"]) and any(row["partners"] for row in body["practices"])
    assert client.get("/api/practices/compare/gardening").status_code == 404


def test_practice_table_exports(client):
    csv_text = client.get("/api/practices/export", params={"format": "csv", "area": "housing"}).text
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert rows and all(r["area"] == "housing" for r in rows)
    latina = next(r for r in rows if r["city"] == "Latina")
    assert "32 beds" in latina["figures"] and "Cooperativa Astrolabio" in latina["partners"]
    data = json.loads(client.get("/api/practices/export", params={"format": "json"}).text)
    assert len(data["practices"]) == client.get("/api/practices", params={"k": 1}).json()["total"]


def test_dossier_lifecycle(client, service):
    d = client.post("/api/dossiers", json={"title": "Housing"}).json()["dossier"]
    base = f"/api/dossiers/{d['id']}"
    passage = service.lexical.current().corpus.ids[5]
    r = client.post(f"{base}/items", json={"kind": "practice", "ref": "latina-housing-lgnet2", "note": "uno"})
    assert r.status_code == 201
    r = client.post(f"{base}/items", json={"kind": "passage", "ref": passage})
    view = r.json()
    items = view["dossier"]["items"]
    assert [i["kind"] for i in items] == ["practice", "passage"]
    assert all(res["citations"] for res in view["resolved"])
    first, second = items[0]["id"], items[1]["id"]
    moved = client.post(f"{base}/items/{first}/move", json={"direction": "down"}).json()["dossier"]["items"]
    assert [i["id"] for i in moved] == [second, first]
    again = client.put(f"{base}/order", json={"order": [first, second]}).json()["dossier"]["items"]
    assert [i["id"] for i in again] == [first, second]
    noted = client.put(f"{base}/items/{second}", json={"note": "da leggere"}).json()["dossier"]["items"]
    assert noted[1]["note"] == "da leggere"
    assert client.put(f"{base}/order", json={"order": [first]}).status_code == 422
    left = client.delete(f"{base}/items/{first}").json()["dossier"]["items"]
    assert [i["id"] for i in left] == [second]
    assert client.get(base).json()["dossier"]["title"] == "Housing"


def test_dossier_bounds_and_ids(client):
    assert client.get("/api/dossiers/not-a-token").status_code == 422
    assert client.get("/api/dossiers/" + "A" * 24).status_code == 404
    d = client.post("/api/dossiers", json={}).json()["dossier"]
    base = f"/api/dossiers/{d['id']}"
    assert client.post(f"{base}/items", json={"kind": "practice", "ref": "x" * 301}).status_code == 422
    assert client.post(f"{base}/items", json={"kind": "practice", "ref": "nowhere"}).status_code == 404
    assert client.post(f"{base}/items", json={"kind": "passage", "ref": "no:such"}).status_code == 404
    long_note = {"kind": "practice", "ref": "latina-housing-lgnet2", "note": "n" * 5000}
    r = client.post(f"{base}/items", json=long_note)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_dossier_shared_link_reads_only_and_owner_deletes(client):
    d = client.post("/api/dossiers", json={"title": "Condiviso", "author": "Maria Rossi"}).json()["dossier"]
    edit, read = d["id"], d["read_id"]
    assert d["editable"] and d["author"] == "Maria Rossi"
    shared = client.get(f"/api/dossiers/{read}")
    assert shared.status_code == 200 and shared.json()["dossier"]["editable"] is False
    assert edit not in shared.text
    r = client.post(f"/api/dossiers/{read}/items", json={"kind": "practice", "ref": "latina-housing-lgnet2"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    assert client.put(f"/api/dossiers/{read}", json={"title": "x"}).status_code == 403
    assert client.delete(f"/api/dossiers/{read}").status_code == 403
    assert client.get(f"/api/dossiers/{read}/export", params={"format": "md"}).status_code == 200
    assert client.delete(f"/api/dossiers/{edit}").status_code == 204
    assert client.get(f"/api/dossiers/{read}").status_code == 404
