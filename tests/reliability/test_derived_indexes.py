"""Issue 15 item 3: a start loads the derived indexes saved beside the lexical index (spelling vocabulary,
boilerplate) instead of reading every text again, never a stale one; /api/ready waits for the practice records.

A "new process" here is a new SearchService with the derived-index caches emptied, on the same real store."""

from __future__ import annotations

import shutil
import threading
import time
import weakref

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from knowledge.hooks import INDEX_HOOKS
from retrieval import derived, sentences, spelling
from retrieval.lexical import LexicalIndex
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.practices import PracticeCatalogue, get_catalogue
from retrieval.service import SearchService
from tests.conftest import CORPUS, make_settings

NEW_WORD = "zanzibarite"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A small real store (project sheets and the catalogue, practice records included), saved by the ingest."""
    root = tmp_path_factory.mktemp("derived")
    corpus = root / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    shutil.copy(CORPUS / "catalogue.json", corpus / "catalogue.json")
    settings = make_settings(root / "data")
    pipeline = IngestPipeline(settings, progress=False, hooks=INDEX_HOOKS)
    assert pipeline.run([corpus]).ok
    LexicalIndexManager(pipeline.store, settings.lexical_dir).refresh_saved()  # what `lgnet ingest` does
    return settings, pipeline, root


@pytest.fixture
def new_process(monkeypatch):
    """Empty the derived-index caches, as in a process that just started."""
    for module in (spelling, sentences):
        monkeypatch.setattr(module, "_cache", weakref.WeakKeyDictionary())
        monkeypatch.setattr(module, "_latest", [])


def _no_text_read(monkeypatch) -> None:
    """Building either derived index from the texts fails from here on."""

    def refuse(*args, **kwargs):
        raise AssertionError("derived index rebuilt from the texts")

    monkeypatch.setattr(spelling, "_collect", refuse)
    monkeypatch.setattr(sentences, "_keys", refuse)


def _built_from_texts(index: LexicalIndex, extra) -> tuple[spelling.Vocabulary, sentences.Boilerplate]:
    corpus = index.corpus
    titles = [m.get("title", "") for m in corpus.metas]
    return (
        spelling.Vocabulary.of_index(corpus.ids, corpus.texts, titles, extra),
        sentences.Boilerplate(corpus.ids, corpus.texts, corpus.metas),
    )


def test_fresh_files_are_loaded_not_rebuilt(store, new_process, monkeypatch):
    settings, _, _ = store
    assert derived.fresh(settings.lexical_dir, LexicalIndex.load_head(settings.lexical_dir))
    _no_text_read(monkeypatch)
    service = SearchService(settings)
    service.warm_up()  # would raise if either were built from the texts
    index = service.lexical.current()
    vocabulary, boilerplate = service.vocabulary(index), sentences.boilerplate_of(index)
    assert service.vocabulary(index).correct("accoglenza") is not None
    monkeypatch.undo()  # the same indexes, built from the texts, for comparison
    built_vocabulary, built_boilerplate = _built_from_texts(index, service.analyzer.thesaurus.words)
    assert vocabulary.freq == built_vocabulary.freq
    assert vocabulary.display == built_vocabulary.display
    # The trigram lists hold the same words (their order follows the process's set order, as in any build).
    assert {g: sorted(w) for g, w in vocabulary._grams.items()} == {
        g: sorted(w) for g, w in built_vocabulary._grams.items()
    }
    assert boilerplate._owners == built_boilerplate._owners and boilerplate._owners  # sentences -> cities
    assert boilerplate.keys == built_boilerplate.keys


def test_stale_files_are_ignored_rebuilt_and_saved_again(store, new_process, monkeypatch, tmp_path):
    settings, pipeline, root = store
    folder = settings.lexical_dir
    old = tmp_path / "old"
    old.mkdir()
    for name in (derived.HEAD, derived.DATA):
        shutil.copy(folder / name, old / name)
    article = root / "new" / "nuovo.txt"
    article.parent.mkdir(exist_ok=True)
    article.write_text(f"Titolo: Novità\n\nIl progetto {NEW_WORD} di accoglienza abitativa a Bari.\n", "utf-8")
    assert pipeline.run([article], prune=False).ok
    manager = LexicalIndexManager(pipeline.store, folder)
    manager.current()
    manager.save()  # the saved index now includes the new passage, with its own derived files
    for name in (derived.HEAD, derived.DATA):  # ... replaced by those of the index before it
        shutil.copy(old / name, folder / name)
    assert not derived.fresh(folder, LexicalIndex.load_head(folder))

    service = SearchService(settings)
    service.warm_up()
    index = service.lexical.current()
    assert NEW_WORD in service.vocabulary(index)  # built from the texts, not taken from the stale file
    built_vocabulary, built_boilerplate = _built_from_texts(index, service.analyzer.thesaurus.words)
    assert service.vocabulary(index).freq == built_vocabulary.freq
    assert sentences.boilerplate_of(index).keys == built_boilerplate.keys

    service.lexical.repair_derived()  # what the server's warm-up does once ready
    assert derived.fresh(folder, LexicalIndex.load_head(folder))
    for module in (spelling, sentences):  # the next start loads them
        monkeypatch.setattr(module, "_cache", weakref.WeakKeyDictionary())
        monkeypatch.setattr(module, "_latest", [])
    _no_text_read(monkeypatch)
    restarted = SearchService(settings)
    restarted.warm_up()
    assert NEW_WORD in restarted.vocabulary(restarted.lexical.current())


def test_damaged_file_is_ignored(store, new_process):
    settings, _, _ = store
    index = LexicalIndex.load(settings.lexical_dir)
    assert index is not None
    data = settings.lexical_dir / derived.DATA
    saved = data.read_bytes()
    try:
        data.write_bytes(saved[: len(saved) // 2])
        assert not derived.load(index, settings.lexical_dir)
    finally:
        data.write_bytes(saved)
    assert derived.load(index, settings.lexical_dir)


def test_ready_only_once_the_practice_records_are_loaded(store, monkeypatch):
    settings, _, _ = store
    service = SearchService(settings)
    service.warm_up()  # model and indexes loaded: before, this alone made /api/ready say yes
    release = threading.Event()
    load = PracticeCatalogue._load

    def slow_load(self, revision):
        release.wait(120)
        return load(self, revision)

    monkeypatch.setattr(PracticeCatalogue, "_load", slow_load)
    with TestClient(create_app(settings, service=service)) as client:
        try:
            for _ in range(3):  # the warm-up is started by the first probe and held in the records' load
                r = client.get("/api/ready")
                assert r.status_code == 503, r.text
                assert r.json()["error"]["code"] == "warming_up" and r.headers["Retry-After"]
            assert not get_catalogue(service).loaded()
        finally:
            release.set()
        deadline = time.monotonic() + 120
        while client.get("/api/ready").status_code != 200:
            assert time.monotonic() < deadline, "never ready"
            time.sleep(0.1)
        assert get_catalogue(service).loaded()
        assert client.get("/api/practices").status_code == 200


def test_the_records_loaded_at_warm_up_are_frozen_with_the_rest(store):
    """The practice records are loaded after the service's warm-up froze its objects: frozen too, the collector's
    full passes during the searches do not scan them (a served process's full pass scanned ~90k more objects than
    the in-process bench's)."""
    import gc

    settings, _, _ = store
    with TestClient(create_app(settings, warm=True)) as client:
        try:
            deadline = time.monotonic() + 120
            while client.get("/api/ready").status_code != 200:
                assert time.monotonic() < deadline, "never ready"
                time.sleep(0.1)
            service = client.app.state.services.get()
            record = get_catalogue(service).models()[0]
            assert gc.is_tracked(record)
            assert not any(o is record for o in gc.get_objects())  # frozen: in no generation the collector scans
        finally:
            gc.unfreeze()  # the rest of the test session's objects go back to the collector


def _rows(ids, city_of, interventions_of) -> list[dict]:
    return [
        {
            "id": f"p{i}",
            "text": f"passaggio {i} accoglienza",
            "meta": {"city": city_of(i), "interventions": interventions_of(i)},
        }
        for i in ids
    ]


def test_filter_and_facet_positions_follow_a_change_without_a_recount():
    """The per-value positions (filters, facets) of the index after a change equal those counted afresh."""
    fields = ("city", "interventions")
    index = LexicalIndex.empty().apply(
        _rows(range(40), lambda i: ["Bari", "Roma", None][i % 3], lambda i: ["casa", "lavoro", "casa"][: i % 4]), set()
    )
    for f in fields:
        index.positions(f)  # computed once, as the first search does
    changed = _rows([4, 5, 99], lambda i: "Genova" if i == 4 else "Bari", lambda i: ["scuola"] if i < 99 else [])
    index = index.apply(changed, set())  # two passages replaced (one moves city), one added
    index = index.apply([], {"p0", "p7", "p99"})  # removed: positions shift
    index = index.apply(_rows([7], lambda i: "Roma", lambda i: ["casa"]), set())  # back, at the end
    assert set(index._masks) == set(fields)  # moved, not dropped
    recount = LexicalIndex(index.corpus, index.segments, index.vocab, index.df, index.lengths_sum)
    for f in fields:
        moved, counted = index.positions(f), recount.positions(f)
        assert moved.keys() == counted.keys(), f
        for value in counted:
            assert moved[value].tolist() == counted[value].tolist(), (f, value)
    assert index.positions("city")["Genova"].tolist() == [index.corpus.position["p4"]]


def test_boilerplate_follows_a_change_at_its_cost(new_process, monkeypatch):
    """After a change, only the passages changed are split again; the result equals a count afresh."""
    shared = "Il progetto fa parte della rete nazionale dei comuni per l'inclusione dei migranti vulnerabili."
    cities = ["Bari", "Roma", "Genova", "Bari"]
    rows = [
        {"id": f"p{i}", "text": f"{shared} Testo proprio numero {i} su casa e lavoro.", "meta": {"city": city}}
        for i, city in enumerate(cities)
    ]
    index = LexicalIndex.empty().apply(rows, set())
    assert shared in sentences.boilerplate_of(index)  # three cities say it
    read = []  # the passages looked at again (a pass over all of them grew with the corpus)
    owner = sentences._owner
    monkeypatch.setattr(sentences, "_owner", lambda text, meta: read.append(text) or owner(text, meta))
    index = index.apply([], {"p2"})  # Genova's passage removed: two cities left
    assert shared not in sentences.boilerplate_of(index) and read == []
    index = index.apply([{"id": "p9", "text": f"{shared} Altro.", "meta": {"city": "Prato"}}], set())
    found = sentences.boilerplate_of(index)
    assert shared in found and read == [f"{shared} Altro."]
    monkeypatch.undo()
    counted = sentences.Boilerplate(index.corpus.ids, index.corpus.texts, index.corpus.metas)
    assert found.keys == counted.keys and found._owners == counted._owners


def test_spelling_vocabulary_follows_a_change_at_its_cost(new_process, monkeypatch):
    """After a change, only the changed passages' texts and titles are read; the result equals a fresh build."""
    extra = frozenset({"tesauro"})
    rows = [
        {"id": f"p{i}", "text": f"Accoglienza abitativa numero{'x' * i} a Bari.", "meta": {"title": f"Titolo{i % 2}"}}
        for i in range(6)
    ]
    index = LexicalIndex.empty().apply(rows, set())
    assert "accoglienza" in spelling.vocabulary_of(index, extra)
    read = []  # the texts and titles read again; no pass over every passage (`updated`) either
    monkeypatch.setattr(spelling.Vocabulary, "updated", lambda *args: pytest.fail("a pass over every passage"))
    collect = spelling._collect
    monkeypatch.setattr(
        spelling, "_collect", lambda text, sign, deltas: read.append(text) or collect(text, sign, deltas)
    )
    index = index.apply([], {"p0", "p2", "p4"})  # the last passages titled "Titolo0"
    index = index.apply([{"id": "p1", "text": "Inserimento lavorativo.", "meta": {"title": "Nuovo"}}], set())
    found = spelling.vocabulary_of(index, extra)  # two changes since the last vocabulary made
    assert sorted(read) == sorted(
        [rows[i]["text"] for i in (0, 1, 2, 4)] + ["Inserimento lavorativo.", "Titolo0", "Nuovo"]
    )
    monkeypatch.undo()
    corpus = index.corpus
    built = spelling.Vocabulary.of_index(corpus.ids, corpus.texts, [m.get("title", "") for m in corpus.metas], extra)
    assert found.freq == built.freq and found.display == built.display and found._titles == built._titles
    assert "titolo0" not in found and "inserimento" in found and "tesauro" in found
