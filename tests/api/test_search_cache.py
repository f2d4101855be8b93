"""The search API's answers kept for the same request (search_api/response_cache.py): a replay is the answer
the search makes, a change of the index or of the edits is never answered from before it, and
`Cache-Control: no-cache` searches again. No timings here (the bench measures cached and uncached apart)."""

from __future__ import annotations

import json

import pytest

from retrieval.models import SearchRequest
from search_api import response_cache as rc
from search_api.response_cache import HEADER, ResponseCache, asked


def _without_timings(body: bytes) -> dict:
    found = json.loads(body)
    found.pop("timings_ms")
    return found


def test_the_same_request_again_is_replayed_and_is_the_answer_a_search_makes(client):
    params = {"q": "sportello per donne migranti vittime di tratta", "k": 7}
    first = client.get("/api/search", params=params)
    again = client.get("/api/search", params=params)
    fresh = client.get("/api/search", params=params, headers={"Cache-Control": "no-cache"})
    assert first.status_code == again.status_code == fresh.status_code == 200
    assert first.headers[HEADER] == "miss" and again.headers[HEADER] == "hit" and fresh.headers[HEADER] == "bypass"
    assert again.content == first.content
    assert _without_timings(fresh.content) == _without_timings(first.content)


def test_every_parameter_is_part_of_the_key(client):
    q = {"q": "accoglienza diffusa per famiglie"}
    client.get("/api/search", params=q)
    for other in ({"k": 3}, {"page": 2}, {"sort": "date"}, {"city": "Bari"}, {"intervention": "housing"}):
        answer = client.get("/api/search", params={**q, **other})
        assert answer.status_code == 200
        assert answer.headers[HEADER] == "miss", other


def test_an_editors_edit_is_never_answered_from_before_it(writable):
    record = writable.get("/api/practices").json()["results"][0]
    q = {"q": record["title"]}
    before = writable.get("/api/search", params=q).json()
    card = next(c for c in before["practices"] if c["id"] == record["id"])  # a record's title finds its card
    assert writable.get("/api/search", params=q).headers[HEADER] == "hit"
    edit = {"field": "title", "action": "correct", "value": "Titolo corretto dalla redazione", "reason": "prova"}
    from tests.api.conftest import auth

    done = writable.post(f"/api/practices/{card['id']}/edits", json=edit, headers=auth())
    assert done.status_code == 201, done.text
    after = writable.get("/api/search", params=q)
    assert after.headers[HEADER] == "miss"
    titles = {c["id"]: c["title"] for c in after.json()["practices"]}
    assert titles.get(card["id"]) == "Titolo corretto dalla redazione"


class _Versions:
    def __init__(self) -> None:
        self.value = 1

    def __call__(self, service) -> int:
        return self.value


@pytest.fixture
def moving(monkeypatch):
    versions = _Versions()
    monkeypatch.setattr(rc, "versions", versions)
    return versions


def test_a_new_version_makes_the_answer_again(moving):
    cache, request, made = ResponseCache(1 << 20), SearchRequest(q="casa"), []

    def make() -> bytes:
        made.append(1)
        return f"answer {moving.value}".encode()

    assert cache.answer(None, request, make) == (b"answer 1", "miss")
    assert cache.answer(None, request, make) == (b"answer 1", "hit")
    moving.value = 2  # the index or the edits moved
    assert cache.answer(None, request, make) == (b"answer 2", "miss")
    assert len(made) == 2


def test_an_answer_made_while_the_version_moved_is_not_kept(moving):
    cache, request = ResponseCache(1 << 20), SearchRequest(q="casa")

    def make_during_a_change() -> bytes:
        moving.value += 1
        return b"made across a change"

    cache.answer(None, request, make_during_a_change)
    assert len(cache) == 0


def test_the_kept_answers_are_bounded_in_bytes(moving):
    cache = ResponseCache(100)
    for i in range(10):
        cache.answer(None, SearchRequest(q=f"q{i}"), lambda: b"x" * 40)
    assert len(cache) == 2  # 80 bytes: a third would pass 100
    assert cache.answer(None, SearchRequest(q="q9"), lambda: b"new")[1] == "hit"
    assert cache.answer(None, SearchRequest(q="q0"), lambda: b"new")[1] == "miss"
    assert len(ResponseCache(0).answer(None, SearchRequest(q="q"), lambda: b"x")) and len(ResponseCache(0)) == 0


def test_cache_control_directives():
    assert asked(None) == (False, True)
    assert asked("no-cache") == (True, True)
    assert asked("max-age=0, No-Store") == (True, False)
