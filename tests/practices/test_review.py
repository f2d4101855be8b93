"""Editorial review (issue 10 item 6) and incremental records, through the real API on a small index of its
own (the project sheets of the corpus), so the edits never touch the shared corpus index."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from knowledge.hooks import refresh_records
from tests.conftest import CORPUS, make_settings

TOKEN = "editor-token"
RECORD = "firenze-housing-lgnetea"


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    """The corpus without its press review: a few passages, quick to ingest."""
    folder = tmp_path_factory.mktemp("sheets") / "corpus"
    shutil.copytree(CORPUS, folder)
    shutil.rmtree(folder / "press-reviews")
    settings = make_settings(tmp_path_factory.mktemp("sheets-data")).model_copy(update={"admin_token": TOKEN})
    reports = []

    def hook(store, embedder):
        reports.append(refresh_records(store, embedder))

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    return settings, folder, pipeline, reports


@pytest.fixture(scope="module")
def client(sheets):
    with TestClient(create_app(sheets[0])) as c:
        yield c


def auth() -> dict:
    return {"Authorization": f"Bearer {TOKEN}"}


def edit(client, body, token=True):
    return client.post(f"/api/practices/{RECORD}/edits", json=body, headers=auth() if token else {})


def test_fields_say_they_are_extracted_until_an_editor_reviews_them(client):
    record = client.get(f"/api/practices/{RECORD}").json()
    assert record["review"]["budget"]["status"] == "extracted"
    assert record["review"]["figures"]["status"] in ("extracted", "missing")


def test_confirm_correct_and_hide_are_stored_with_time_and_reason(client):
    r = edit(client, {"field": "budget", "action": "confirm", "reason": "Scheda verificata", "editor": "Redazione"})
    assert r.status_code == 201, r.text
    assert r.json()["practice"]["review"]["budget"]["status"] == "verified"
    figure = {"value": 20, "unit": "beds", "label": "posti letto in accoglienza temporanea", "area": "housing"}
    r = edit(client, {"field": "figures", "action": "correct", "value": [figure], "reason": "Dato dell'ufficio"})
    assert r.status_code == 201, r.text
    practice = client.get(f"/api/practices/{RECORD}").json()
    assert [(f["value"], f["unit"]) for f in practice["figures"]] == [(20, "beds")]
    assert practice["review"]["figures"]["status"] == "corrected"
    assert practice["review"]["figures"]["reason"] == "Dato dell'ufficio"
    assert edit(client, {"field": "contacts", "action": "hide", "reason": "Ufficio soppresso"}).status_code == 201
    practice = client.get(f"/api/practices/{RECORD}").json()
    assert practice["contacts"] == [] and practice["review"]["contacts"]["status"] == "hidden"
    edits = client.get(f"/api/practices/{RECORD}/edits").json()["edits"]
    assert [e["action"] for e in edits] == ["confirm", "correct", "hide"]
    assert all(e["at"] and e["reason"] for e in edits) and edits[0]["editor"] == "Redazione"


@pytest.mark.parametrize(
    "body",
    [
        {"field": "colour", "action": "confirm", "reason": "x"},
        {"field": "figures", "action": "paint", "reason": "x"},
        {"field": "figures", "action": "confirm"},
        {"field": "figures", "action": "confirm", "reason": "   "},
        {"field": "figures", "action": "correct", "value": [{"value": "many"}], "reason": "x"},
        {"field": "period", "action": "correct", "value": "last year", "reason": "x"},
        {"field": "figures", "action": "correct", "reason": "no value"},
        {"field": "figures", "action": "hide", "value": [], "reason": "hide takes no value"},
        {"field": "title", "action": "hide", "reason": "a record needs a title"},
        {"field": "title_en", "action": "correct", "value": "  ", "reason": "nor an empty one"},
    ],
)
def test_bad_edits_get_the_one_error_shape(client, body):
    r = edit(client, body)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert set(error) == {"code", "message", "detail"} and error["code"] == "invalid_request"


def test_edits_need_the_token_and_an_existing_record(client):
    assert edit(client, {"field": "budget", "action": "confirm", "reason": "x"}, token=False).status_code == 401
    r = client.post("/api/practices/nowhere-housing-lgnet2/edits", json={"field": "budget", "action": "confirm",
                    "reason": "x"}, headers=auth())  # fmt: skip
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_the_page_shows_which_fields_are_verified(client):
    html = client.get(f"/pratiche/{RECORD}").text
    assert "Verificato dalla redazione" in html and "Estratto automaticamente" in html
    assert 'class="review-status review-verified' in html and "✓" in html  # text and symbol, not colour alone


def test_edits_survive_a_rebuild_and_records_are_rebuilt_only_where_passages_changed(sheets, client):
    settings, folder, pipeline, reports = sheets
    before = len(reports)
    sheet = folder / "project-sheets" / "lgnet3-scheda-progetto.txt"
    sheet.write_text(sheet.read_text("utf-8") + "\n\nIl progetto ha coinvolto 12 operatori.\n", "utf-8")
    assert pipeline.run([folder]).ok
    assert reports[before:] and reports[-1].rebuilt and "Firenze|LGNetEA" not in reports[-1].rebuilt
    assert pipeline.run([folder], rebuild=True).ok
    practice = client.get(f"/api/practices/{RECORD}").json()
    assert [(f["value"], f["unit"]) for f in practice["figures"]] == [(20, "beds")]
    assert practice["review"]["budget"]["status"] == "verified"
