"""Issue 15, first search after a change: a change written in this process brings the search service's lexical
index and what is derived from it up to date in the writer's path (`Store.follow` -> `SearchService.prepare`),
so the first search after it updates nothing. No timings: what is made before the search, and what the search
no longer does."""

from __future__ import annotations

import gc
import shutil

import pytest

from ingest.pipeline import IngestPipeline
from knowledge.hooks import INDEX_HOOKS
from retrieval import sentences, spelling
from retrieval import service as service_module
from retrieval.models import SearchRequest
from retrieval.sentence_stems import passage_sentences
from retrieval.service import SearchService
from tests.conftest import CORPUS, make_settings

NEW_WORD = "zanzibarite"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A small real store (the project sheets) and the pipeline that wrote it."""
    root = tmp_path_factory.mktemp("prepared")
    corpus = root / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    settings = make_settings(root / "data")
    pipeline = IngestPipeline(settings, progress=False, hooks=INDEX_HOOKS)
    assert pipeline.run([corpus]).ok
    return settings, pipeline, root


def _add(pipeline: IngestPipeline, root, name: str) -> None:
    article = root / "new" / f"{name}.txt"
    article.parent.mkdir(exist_ok=True)
    article.write_text(
        f"Titolo: Sportello {name}\n\nIl progetto {NEW_WORD} {name} di accoglienza abitativa a Bari. "
        "Le famiglie accolte hanno trovato casa in sei mesi.\n",
        "utf-8",
    )
    assert pipeline.run([article], prune=False).ok


def test_a_change_written_here_is_prepared_before_the_first_search(written, monkeypatch):
    settings, pipeline, root = written
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    service.warm_up()
    before = service.lexical.current()
    # what only a region question reads, afresh for every index (1.4 s at 10k passages), is not made by a change
    monkeypatch.setattr(service_module, "warm_up_documents", lambda *a, **k: pytest.fail("whole-index work"))
    _add(pipeline, root, "uno")
    monkeypatch.undo()

    index = service.lexical._index  # no search since the change, no read of the revision either
    assert index is not before and index is not None
    assert index.revision == pipeline.store.revision()
    assert any(NEW_WORD in text for text in index.corpus.texts)
    assert NEW_WORD in spelling._cache[index]  # the spelling vocabulary of the new index, with the new word
    assert sentences._cache.get(index) is not None  # its boilerplate
    added = [t for t in index.corpus.texts if NEW_WORD in t]
    hits = passage_sentences.cache_info().hits
    for text in added:
        passage_sentences(text)
    assert passage_sentences.cache_info().hits == hits + len(added)  # the new passages were split already

    # The first search after the change updates nothing: the index it reads is the one prepared.
    monkeypatch.setattr(service.lexical, "_update", lambda *a, **k: pytest.fail("updated on the search"))
    monkeypatch.setattr(spelling.Vocabulary, "changed", lambda *a, **k: pytest.fail("vocabulary on the search"))
    result = service.search(SearchRequest(q=NEW_WORD))
    assert result.hits and NEW_WORD in result.hits[0].text


def test_a_service_never_warmed_is_left_to_its_first_search(written):
    """Before warm-up a service has nothing in memory to keep up to date: a change does not load it."""
    settings, pipeline, root = written
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    _add(pipeline, root, "due")
    assert not service.lexical.loaded()
    assert service.search(SearchRequest(q=f"{NEW_WORD} due")).hits  # and its first search loads it


def test_a_failing_follower_never_fails_the_write(written):
    store = written[1].store

    class Broken:
        def follow(self) -> None:
            raise RuntimeError("follower down")

    broken = Broken()
    store.follow(broken.follow)
    store.bump_revision("after-a-broken-follower")
    assert store.revision().endswith(":after-a-broken-follower")


def test_followers_are_held_weakly(written):
    store = written[1].store
    calls = []

    class Follower:
        def follow(self) -> None:
            calls.append(1)

    follower = Follower()
    store.follow(follower.follow)
    store.bump_revision("followed")
    assert calls == [1]
    del follower
    gc.collect()
    store.bump_revision("after-it-is-gone")
    assert calls == [1]
    assert all(ref() is not None for ref in store._followers)


def test_the_practice_records_of_the_new_revision_are_loaded_by_the_change(written, monkeypatch):
    from retrieval.practices import PracticeCatalogue, get_catalogue

    settings, pipeline, root = written
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    service.warm_up()
    catalogue = get_catalogue(service)
    catalogue.warm_up()
    before = catalogue.version()
    _add(pipeline, root, "tre")
    monkeypatch.setattr(PracticeCatalogue, "_load", lambda *a, **k: pytest.fail("records loaded on the request"))
    assert catalogue.version() != before  # the new revision's, loaded by the change
    assert catalogue.models()


def test_a_catalogue_never_loaded_is_not_loaded_by_a_change(written):
    from retrieval.practices import get_catalogue

    settings, pipeline, root = written
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    catalogue = get_catalogue(service)
    _add(pipeline, root, "quattro")
    assert not catalogue.loaded()
