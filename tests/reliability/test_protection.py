"""Issue 16 items 6 and 10: per-client rate limits (429 + Retry-After in the one error shape), security
headers on every response, untrusted files as sandboxed attachments, links from configuration."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from app.security import Rule, TokenBuckets
from practices import dossiers as dossier_module
from practices.dossiers import DossierStore
from tests.api.conftest import TOKEN, auth
from tests.conftest import make_settings


@pytest.fixture
def app(tmp_path):
    settings = make_settings(tmp_path / "data").model_copy(
        update={
            "admin_token": TOKEN,
            "write_rate_per_minute": 60,
            "write_burst": 5,
            "public_url": "https://lgnet.example.it",
        }
    )
    return create_app(settings)


def test_dossier_flood_is_limited_per_client_and_others_are_served(app):
    flooder = TestClient(app, client=("203.0.113.9", 4000))
    answers = [flooder.post("/api/dossiers", json={"title": f"d{i}"}) for i in range(12)]
    assert all(a.status_code < 300 for a in answers[:5])
    limited = [a for a in answers if a.status_code == 429]
    assert len(limited) >= 6
    body = limited[0].json()["error"]
    assert body["code"] == "rate_limited" and body["detail"]["retry_after"] >= 1
    assert int(limited[0].headers["Retry-After"]) >= 1
    other = TestClient(app, client=("198.51.100.7", 4000))  # another user is not locked out
    assert other.post("/api/dossiers", json={"title": "mio"}).status_code < 300


def test_token_bucket_refills():
    buckets, rule = TokenBuckets(), Rule("w", ("/",), per_minute=60, burst=2)
    assert buckets.take(rule, "a", now=0) == 0 and buckets.take(rule, "a", now=0) == 0
    assert buckets.take(rule, "a", now=0) == pytest.approx(1.0)
    assert buckets.take(rule, "a", now=1.01) == 0  # one token a second


def test_shared_buckets_are_one_bucket_across_processes(tmp_path):
    """Two connections to one file (what two worker processes open): tokens spent through one are gone for
    the other, and the refill is computed from the shared record."""
    rule = Rule("w", ("/",), per_minute=60, burst=2)
    first, second = TokenBuckets(tmp_path / "rl.sqlite"), TokenBuckets(tmp_path / "rl.sqlite")
    assert first.take(rule, "a", now=100) == 0 and second.take(rule, "a", now=100) == 0
    assert first.take(rule, "a", now=100) == pytest.approx(1.0)
    assert second.take(rule, "a", now=100) == pytest.approx(1.0)
    assert second.take(rule, "b", now=100) == 0  # per client
    assert first.take(rule, "a", now=101.01) == 0


def test_workers_share_the_rate_limit(tmp_path):
    """Two apps on one data dir, as `lgnet serve --workers 2` makes: a flood spread over both is limited at
    the burst of one bucket, not twice it (one token a minute: no refill during the test)."""
    settings = make_settings(tmp_path / "data").model_copy(update={"write_rate_per_minute": 1, "write_burst": 5})
    clients = [TestClient(create_app(settings), client=("203.0.113.9", 4000)) for _ in range(2)]
    answers = [clients[i % 2].post("/api/dossiers", json={"title": f"d{i}"}) for i in range(10)]
    assert [a.status_code < 300 for a in answers] == [True] * 5 + [False] * 5
    assert {a.status_code for a in answers[5:]} == {429}


def test_forgetting_the_upload_pass_spends_no_upload_token(tmp_path):
    """'Dimentica il codice' sits under the upload prefix (/carica) but is a way out, not an upload: a user
    who spent the burst can still forget the pass, and forgetting leaves the uploads' tokens untouched."""
    settings = make_settings(tmp_path / "data").model_copy(update={"upload_rate_per_minute": 1, "upload_burst": 1})
    client = TestClient(create_app(settings), client=("203.0.113.9", 4000))
    forgets = [client.post("/carica/dimentica", follow_redirects=False) for _ in range(3)]
    assert [f.status_code for f in forgets] == [303] * 3
    first, second = (client.post("/carica", follow_redirects=False) for _ in range(2))
    assert first.status_code != 429 and second.status_code == 429  # the one token was still there
    assert client.post("/carica/dimentica", follow_redirects=False).status_code == 303


def test_old_empty_dossiers_expire_at_the_cap(tmp_path, monkeypatch):
    store = DossierStore(tmp_path / "dossiers")
    monkeypatch.setattr(dossier_module, "MAX_DOSSIERS", 3)
    made = [store.create(title=f"vuoto {i}") for i in range(3)]
    with pytest.raises(Exception, match="too many dossiers"):
        store.create(title="uno di troppo")
    old = time.time() - dossier_module.EMPTY_TTL_SECONDS - 60
    for path in (tmp_path / "dossiers").glob("*.json"):
        os.utime(path, (old, old))
    assert store.create(title="ora c'è posto")["title"] == "ora c'è posto"
    assert len(made) == 3


def test_security_headers_everywhere_and_files_as_sandboxed_attachments(app, tmp_path):
    with TestClient(app) as client:
        for path in ("/api/health", "/docs", "/static/favicon.svg", "/openapi.json", "/api/nothing-here"):
            r = client.get(path)
            assert r.headers["X-Content-Type-Options"] == "nosniff", path
            assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"], path
            assert r.headers["X-Frame-Options"] == "DENY", path
        html = b"<html><body><script>alert(1)</script>" + b"<p>Il Comune di Bari apre uno sportello.</p>" * 40
        job = client.post("/api/documents", headers=auth(), files={"file": ("pagina.html", html)}).json()
        deadline = time.monotonic() + 240
        while (state := client.get(f"/api/jobs/{job['id']}").json())["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert state["status"] == "done", state
        served = client.get(f"/api/documents/{state['result']['documents'][0]}/file")
        assert served.status_code == 200 and served.content == html
        assert served.headers["Content-Disposition"].startswith("attachment")
        assert "sandbox" in served.headers["Content-Security-Policy"]
        assert served.headers["X-Content-Type-Options"] == "nosniff"


def test_empty_upload_refused_at_once(app):
    with TestClient(app) as client:
        r = client.post("/api/documents", headers=auth(), files={"file": ("vuoto.txt", b"")})
        assert r.status_code == 422 and r.json()["error"]["code"] == "empty_file"
        assert "vuoto.txt" in r.json()["error"]["message"]


def test_share_link_from_configuration_never_from_host(app):
    with TestClient(app) as client:
        created = client.post("/api/dossiers", json={"title": "link"}).json()["dossier"]
        page = client.get(f"/dossier/{created['id']}", headers={"Host": "evil.example.com"})
        assert page.status_code == 200
        assert "evil.example.com" not in page.text
        assert f"https://lgnet.example.it/dossier/{created['read_id']}" in page.text
