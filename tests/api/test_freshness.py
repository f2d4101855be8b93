"""A served process re-reads the store's revision and the editors' edits in the background (retrieval/freshness.py):
a search after a quiet second reads nothing from Chroma, and a change made elsewhere is still seen within the
revision's TTL."""

from __future__ import annotations

import threading
import time

from lgnet.store import REVISION_TTL, Store


def _ready(client) -> None:
    deadline = time.monotonic() + 120
    while client.get("/api/ready").status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _spy(obj, name: str, threads: list[str]) -> None:
    """Record the thread of every call of `obj.name` (an instance attribute over the method)."""
    method = getattr(obj, name)

    def spied(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return method(*args, **kwargs)

    setattr(obj, name, spied)


def test_search_after_a_quiet_second_reads_nothing_from_the_store(writable):
    _ready(writable)
    store = writable.app.state.services.get().store
    reads: list[str] = []
    _spy(store._client, "get_collection", reads)  # the revision's reads (pointer, then the passages' collection)
    _spy(store, "aux_rows", reads)  # the edits' read
    time.sleep(REVISION_TTL * 1.5)  # what a request trusts has expired once: before, the next search re-read it
    reads.clear()
    assert writable.get("/api/search", params={"q": "alloggi per famiglie"}).status_code == 200
    assert set(reads) <= {"freshness"}, reads  # only the background thread read the store
    time.sleep(REVISION_TTL)
    assert "freshness" in reads  # and it does, a little more often than the TTL


def test_a_change_made_elsewhere_is_seen_within_the_ttl(writable):
    _ready(writable)
    service = writable.app.state.services.get()
    other = Store(service.settings, service.embedder.name, service.embedder.dim)  # another process's view
    other.bump_revision("from-elsewhere")
    time.sleep(REVISION_TTL + 0.2)
    assert writable.get("/api/ready").json()["revision"].endswith(":from-elsewhere")


def test_a_read_begun_before_a_write_of_this_store_does_not_undo_it(writable):
    _ready(writable)
    store = writable.app.state.services.get().store
    writable.app.state.refresher.stop()
    get_collection = store._client.get_collection
    calls: list[int] = []

    def written_meanwhile(*args, **kwargs):  # the passages' collection read, then a write through this store
        found = get_collection(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:  # (the first call read the pointer)
            store.bump_revision("written-meanwhile")
        return found

    store._client.get_collection = written_meanwhile
    store.read_revision()
    assert len(calls) >= 2 and store.revision().endswith(":written-meanwhile")


def test_a_change_written_by_another_process_is_prepared_by_the_refresher(writable, tmp_path, monkeypatch):
    """The first search after another process's ingest updates nothing: the refresher brought the lexical index
    (and what is derived from it) up to the new revision in the background."""
    from ingest.pipeline import IngestPipeline
    from knowledge.hooks import INDEX_HOOKS

    _ready(writable)
    service = writable.app.state.services.get()
    article = tmp_path / "elsewhere" / "nuovo.txt"
    article.parent.mkdir()
    article.write_text("Titolo: Altrove\n\nIl progetto zanzibarite di accoglienza abitativa a Bari.\n", "utf-8")
    other = IngestPipeline(service.settings, progress=False, hooks=INDEX_HOOKS)  # its own Store: another process
    assert other.store is not service.store
    assert other.run([article], prune=False).ok
    revision = other.store.revision()
    deadline = time.monotonic() + 60
    while (index := service.lexical._index) is None or index.revision != revision:
        assert time.monotonic() < deadline, "the refresher never prepared the change"
        time.sleep(0.05)

    def refuse(*args, **kwargs):
        raise AssertionError("the lexical index updated on the search")

    monkeypatch.setattr(service.lexical, "_update", refuse)
    found = writable.get("/api/search", params={"q": "zanzibarite"}, headers={"Cache-Control": "no-cache"})
    assert found.status_code == 200 and found.json()["results"]
