"""Uploads with optional metadata fields (title, doc_type, phase, city, date, language), checked like everything
else; without them the content decides, and any Italian comune is a city (not only the network's)."""

from __future__ import annotations

from tests.api.conftest import TOKEN, auth
from tests.api.test_read_endpoints import assert_error
from tests.api.test_write_endpoints import docx_bytes, wait

MINUTES = (
    "Verbale della riunione del tavolo per l'abitare\n\n"
    "Il giorno 3 febbraio 2025, alle ore 10:00, presso la sala consiliare del Comune di Riace si è riunito il "
    "tavolo di coordinamento.\n"
    "Presenti: il sindaco, l'assistente sociale, la cooperativa che gestisce gli alloggi.\n\n"
    "Ordine del giorno\n1. Alloggi di transizione\n2. Varie ed eventuali\n\n"
    "Punto 1. A Riace sono stati assegnati quattro alloggi di transizione a famiglie rifugiate.\n"
    "La riunione si chiude alle ore 12:00.\n"
)
NOTE = "Il servizio di mediazione ha accolto quaranta persone nel primo semestre con la cooperativa del territorio."


def post(client, name: str, data: bytes, **fields):
    return client.post("/api/documents", files={"file": (name, data)}, data=fields, headers=auth(TOKEN))


def test_type_and_any_comune_come_from_the_content(writable):
    job = wait(writable, post(writable, "verbale-riace.txt", MINUTES.encode()).json()["id"])
    assert job["status"] == "done", job
    doc = writable.get(f"/api/documents/{job['result']['documents'][0]}").json()["document"]
    assert doc["doc_type"] == "minutes" and doc["city"] == "Riace"
    # A city outside the network is a city like any other: listed, filterable, never a 422
    cities = {c["name"]: c for c in writable.get("/api/cities").json()["cities"]}
    assert cities["Riace"]["documents"] == 1 and cities["Riace"]["phases"] == []
    assert cities["Cagliari"]["phases"] == ["LGNet3"] and cities["Cagliari"]["documents"] == 0
    hits = writable.get("/api/search", params={"q": "alloggi di transizione", "city": "riace"}).json()
    assert hits["total"] >= 1 and {h["city"] for h in hits["results"]} == {"Riace"}
    assert writable.get("/api/practices", params={"city": "Riace"}).status_code == 200
    assert writable.get("/api/search", params={"q": "x", "city": "Lecce nei Marsi"}).status_code == 200
    assert_error(writable.get("/api/search", params={"q": "x", "city": "Atlantide"}), 422, "invalid_request")
    # The map lists it without drawing it (no coordinates for comuni outside the network), and its page exists
    mapped = {c["name"]: c for c in writable.get("/mappa", params={"format": "json"}).json()["cities"]}
    assert mapped["Riace"]["x"] is None and mapped["Torino"]["x"] is not None
    page = writable.get("/mappa")
    assert page.status_code == 200 and "Riace" in page.text
    assert writable.get("/citta/Riace").status_code == 200


def test_fields_override_detection_and_survive_a_reindex(writable):
    fields = {
        "title": "Nota di sintesi sulla mediazione",
        "doc_type": "report",
        "phase": "LGNet3",
        "city": "Florence",
        "date": "2024-05",
        "language": "it",
    }
    job = wait(writable, post(writable, "nota.docx", docx_bytes([NOTE]), **fields).json()["id"])
    assert job["status"] == "done", job
    doc_id = job["result"]["documents"][0]
    expected = {**fields, "city": "Firenze"}  # the canonical name
    doc = writable.get(f"/api/documents/{doc_id}").json()["document"]
    assert {k: doc[k] for k in expected} == expected
    assert wait(writable, writable.post("/api/reindex", headers=auth()).json()["id"])["status"] == "done"
    doc = writable.get(f"/api/documents/{doc_id}").json()["document"]
    assert {k: doc[k] for k in expected} == expected
    # A second upload of the same bytes with other fields is described by those fields
    job = wait(writable, post(writable, "nota.docx", docx_bytes([NOTE]), doc_type="minutes", city="Bra").json()["id"])
    doc = writable.get(f"/api/documents/{job['result']['documents'][0]}").json()["document"]
    assert (doc["doc_type"], doc["city"], doc["phase"]) == ("minutes", "Bra", None)


def test_bad_fields_are_refused_before_anything_is_stored(writable):
    before = writable.get("/api/documents").json()["total"]
    for fields, field in (
        ({"city": "Atlantide"}, "city"),
        ({"city": "Castro"}, "city"),  # two comuni: Castro (BG), Castro (LE)
        ({"doc_type": "poem"}, "doc_type"),
        ({"phase": "LGNet9"}, "phase"),
        ({"date": "2024-13-01"}, "date"),
        ({"language": "italiano"}, "language"),
        ({"title": "x" * 301}, "title"),
    ):
        err = assert_error(post(writable, "nota.txt", NOTE.encode(), **fields), 422, "invalid_request")
        assert err["detail"]["field"] == field
    err = assert_error(post(writable, "nota.txt", NOTE.encode(), author="me"), 422, "invalid_request")
    assert "author" in err["message"]
    assert assert_error(post(writable, "nota.txt", NOTE.encode(), city="Castro"), 422)["detail"]["candidates"] == [
        "Castro (BG)",
        "Castro (LE)",
    ]
    assert writable.get("/api/documents").json()["total"] == before
