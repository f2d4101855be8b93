"""Practice records built from facts (issue 10 item 3), through the real API on the corpus index."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from knowledge.repository import RecordRepository
from knowledge.sentences import readable


@pytest.fixture(scope="module")
def client(service, corpus_index):
    with TestClient(create_app(corpus_index, service=service)) as c:
        yield c


@pytest.fixture(scope="module")
def records(client) -> list[dict]:
    ids = [r["id"] for r in client.get("/api/practices", params={"k": 100}).json()["results"]]
    return [client.get(f"/api/practices/{i}").json() for i in ids]


def _of(records: list[dict], city: str) -> list[dict]:
    return [r for r in records if r["city"] == city]


def test_records_of_one_city_do_not_repeat_each_other(records):
    palermo = _of(records, "Palermo")
    assert len(palermo) >= 2
    summaries = [tuple(s["text"] for s in r["summary"]) for r in palermo]
    assert len(set(summaries)) == len(summaries)
    for field in ("figures", "partners"):
        lists = [tuple(sorted(str(x) for x in r[field])) for r in palermo if r[field]]
        assert len(lists) == len(set(lists)), field


def test_a_figure_belongs_to_the_area_its_own_sentence_names(records):
    latina = {r["area"]: r for r in _of(records, "Latina")}
    housing = {(f["value"], f["unit"]) for f in latina["housing"]["figures"]}
    assert {(3, "housing_units"), (32, "beds")} <= housing
    # 450 people were taken in charge, 60 took the civic-engagement courses: not housing figures.
    assert not housing & {(450, "people"), (120, "people"), (60, "people")}
    assert (450, "people") in {(f["value"], f["unit"]) for f in latina["taking_charge"]["figures"]}
    for f in latina["housing"]["figures"]:
        assert f["area"] == "housing" and f["label"] and f["source"]["quote"]


def test_copies_of_one_article_give_one_fact(records):
    for r in records:
        keys = [(f["value"], f["unit"]) for f in r["figures"]]
        assert len(keys) == len(set(keys)), r["id"]


def test_a_project_sheet_gives_partners_period_budget_and_office(records):
    firenze = _of(records, "Firenze")
    assert firenze
    record = firenze[0]
    partners = {p["name"]: p["role"] for p in record["project"]["partners"]}
    assert partners.get("Fondazione Cittalia") == "partner di progetto"
    assert any(role == "capofila" for role in partners.values())
    assert record["period"] == {**record["period"], "start": "2019-07-01", "end": "2021-12-31", "basis": "stated"}
    assert record["budget"]["total"]["value"] == 346000 and record["budget"]["total"]["kind"] == "city_share"
    assert record["contacts"][0]["office"] == "Direzione servizi sociali"


def test_the_period_is_never_a_press_date(records):
    for r in records:
        if r["period"]["basis"] != "stated":
            dates = {s["date"] for s in r["sources"] if s.get("date")}
            assert r["period"]["start"] not in dates or r["period"]["basis"] == "phase", r["id"]


def test_summaries_are_whole_readable_sentences(records):
    for r in records:
        for s in r["summary"]:
            assert readable(s["text"]), (r["id"], s["text"])
            assert "diRedazione" not in s["text"] and not s["text"].startswith(("E, ", "E ancora"))


def test_records_are_stored_with_the_index_and_not_rebuilt_when_nothing_changed(service):
    repository = RecordRepository(service.store)
    assert repository.has_records()
    report = repository.refresh(service.embedder)
    assert report.groups > 10 and report.rebuilt == [] and report.removed == []


def test_records_without_a_phase_have_a_facet_value(client):
    body = client.get("/api/practices", params={"phase": "nd"}).json()
    assert body["total"] == sum(1 for r in body["results"] if r["phase"] is None)
    assert client.get("/api/practices", params={"phase": "LGNet9"}).status_code == 422
