"""The lexical index: updated from the change log (never rebuilt for a change), saved, loaded at start."""

from __future__ import annotations

import shutil
import threading
import time

import numpy as np
import pytest

from ingest.pipeline import IngestPipeline
from retrieval.analysis import get_analyzer
from retrieval.lexical import LexicalIndex
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.models import SearchRequest
from retrieval.service import SearchService
from tests.conftest import CORPUS, make_settings

NEW_TEXT = (
    "Il Comune di Aosta ha inaugurato lo sportello zanzibarite per l'orientamento abitativo delle famiglie "
    "migranti in uscita dall'accoglienza. Lo sportello zanzibarite offre consulenza legale, ricerca di alloggi "
    "e mediazione con i proprietari, in collaborazione con le associazioni del territorio. "
) * 3


@pytest.fixture
def small(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    shutil.copy(CORPUS / "catalogue.json", corpus / "catalogue.json")
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)
    pipeline.run([corpus])
    return settings, pipeline, corpus


def _no_rebuild(*args, **kwargs):
    raise AssertionError("the lexical index was rebuilt from the whole store")


def test_an_added_and_a_removed_file_reach_the_index_without_a_rebuild(small, monkeypatch, tmp_path):
    settings, pipeline, corpus = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    before = service.lexical.current()
    monkeypatch.setattr(LexicalIndex, "build", classmethod(_no_rebuild))
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    hits = service.search(SearchRequest(q="zanzibarite")).hits
    assert hits and "zanzibarite" in hits[0].text
    after = service.lexical.current()
    assert len(after.corpus.ids) == len(before.corpus.ids) + len(hits) == pipeline.store.count()
    pipeline.delete_document(hits[0].doc_id)
    assert service.search(SearchRequest(q="zanzibarite")).hits == []
    assert len(service.lexical.current().corpus.ids) == len(before.corpus.ids)


def test_a_change_is_checked_against_the_count_its_writer_recorded_not_the_store(small, monkeypatch, tmp_path):
    """The first search after a change compares the index's passages with the count the writer recorded at that
    position of the change log (a Chroma count at 100k passages: 12-31 ms); a store out of step with the log (a
    passage stored without its log entry: a writer killed in between) is still caught at the next write."""
    from lgnet.store import Store

    settings, pipeline, _ = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    service.lexical.current()
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)

    def no_count(self):
        raise AssertionError("the store was counted on the search path")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "count", no_count)
        patch.setattr(LexicalIndex, "build", classmethod(_no_rebuild))
        hits = service.search(SearchRequest(q="zanzibarite")).hits
        assert hits
    pipeline.delete_document(hits[0].doc_id)  # the writer counts
    # A passage stored behind the log's back, then a logged change: the index is rebuilt with it.
    row = pipeline.store.get_chunks([service.lexical.current().corpus.ids[0]], embeddings=True)[0]
    pipeline.store.upsert_chunks(["orphan:0"], [row["text"]], np.stack([row["embedding"]]), [row["meta"]])
    assert len(service.lexical.current().corpus.ids) == pipeline.store.count() - 1  # no revision moved yet
    pipeline.run([new], prune=False)
    service.lexical.current()  # out of step: rebuilt in a thread, the old index serving meanwhile
    assert service.lexical.rebuilding is not None
    service.lexical.rebuilding.join(120)
    assert "orphan:0" in service.lexical.current().corpus.position


def test_a_new_process_loads_the_saved_index_and_replays_the_changes_since(small, monkeypatch, tmp_path):
    settings, pipeline, corpus = small
    first = LexicalIndexManager(pipeline.store, settings.lexical_dir)
    first.current()  # built once and saved
    assert (settings.lexical_dir / "corpus.json").is_file()
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    monkeypatch.setattr(LexicalIndex, "build", classmethod(_no_rebuild))
    second = LexicalIndexManager(pipeline.store, settings.lexical_dir)  # as a worker starting now
    index = second.current()
    assert len(index.corpus.ids) == pipeline.store.count()
    assert any("zanzibarite" in t for t in index.corpus.texts)


def test_top_k_equals_the_best_of_the_full_scores(small):
    settings, pipeline, _ = small
    index = LexicalIndexManager(pipeline.store, settings.lexical_dir).current()
    tokens = get_analyzer().query_tokens("progetto comune servizi inclusione migranti")
    scores = index.scores(tokens)
    top = index.top(tokens, 5)
    assert len(top) == 5 and np.count_nonzero(scores) > 5
    assert [p for p, _ in top] == [int(i) for i in np.argsort(-scores, kind="stable")[:5]]
    assert all(abs(scores[p] - s) < 1e-5 for p, s in top)
    mask = index.mask("doc_type", [index.corpus.metas[top[-1][0]]["doc_type"]])
    assert all(mask[p] for p, _ in index.top(tokens, 50, mask))


def test_scores_over_the_candidate_set_equal_the_whole_corpus_scores(small, tmp_path):
    """`scores_within` scores several token lists over the passages holding one of their terms only (the
    whole corpus when that is most of it): each equals `scores` there, every other passage scores 0 in each,
    and the set is sorted (an index with a file added since its build: postings over two segments)."""
    settings, pipeline, _ = small
    manager = LexicalIndexManager(pipeline.store, settings.lexical_dir)
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    index = manager.current()
    n = len(index.corpus.ids)
    analyzer = get_analyzer()
    rare = [analyzer.query_tokens(q) for q in ("zanzibarite", "sportello zanzibarite", "xyzzy")]
    common = [analyzer.query_tokens(q) for q in ("famiglie migranti comune", "servizi inclusione")]
    for lists in (rare, common, rare + common):
        positions, scores = index.scores_within(lists)
        assert np.array_equal(positions, np.unique(positions))
        for tokens, within in zip(lists, scores, strict=True):
            whole = index.scores(tokens)
            assert np.array_equal(within, whole[positions])
            outside = np.ones(n, dtype=bool)
            outside[positions] = False
            assert not whole[outside].any()
    aosta = [p for p, t in enumerate(index.corpus.texts) if "zanzibarite" in t]
    assert index.scores_within(rare)[0].tolist() == aosta  # the passages with one of the words, no others
    assert index.scores_within(common)[0].tolist() == list(range(n))  # most passages: the whole corpus
    empty, nothing = index.scores_within([analyzer.query_tokens("xyzzy")])
    assert empty.size == 0 and next(nothing).size == 0


def test_a_common_term_is_added_as_one_array_and_scores_the_same(small):
    """A term most passages hold is added to a list's scores over the whole corpus as one array of every
    passage (kept per index), not by its postings: each list's scores stay equal to `scores`, also a list of
    that one word (which `sparse` would give as its postings)."""
    settings, pipeline, _ = small
    index = LexicalIndexManager(pipeline.store, settings.lexical_dir).current()
    n = len(index.corpus.ids)
    analyzer = get_analyzer()
    held = {t: int(index.df[c]) for t, c in index.vocab.items()}
    common = max(held, key=held.__getitem__)  # a word of most passages
    assert held[common] > n / 2
    lists = [[common, *analyzer.query_tokens("zanzibarite migranti")], [common], analyzer.query_tokens("servizi")]
    positions, scores = index.scores_within(lists, sparse=True)
    assert positions.tolist() == list(range(n))
    for tokens, within in zip(lists, scores, strict=True):
        assert not isinstance(within, tuple)  # the common word's list too: an array of the corpus
        assert np.array_equal(within, index.scores(tokens))
    assert index.vocab[common] in index.bm25._whole


def test_after_a_published_rebuild_the_old_index_serves_while_the_new_one_is_built(small, monkeypatch):
    """A rebuild from another process (a new generation, a new change log) cannot be replayed: the index is
    rebuilt in a thread, and until it is complete searches get the old one instead of waiting for it."""
    settings, pipeline, corpus = small
    manager = LexicalIndexManager(pipeline.store, settings.lexical_dir)
    old = manager.current()
    IngestPipeline(settings, progress=False).run([corpus], rebuild=True)  # as `lgnet ingest --rebuild`
    release = threading.Event()
    real_build = LexicalIndex.build.__func__  # type: ignore[attr-defined]

    def held_build(cls, *args, **kwargs):
        assert release.wait(120), "the test never released the build"
        return real_build(cls, *args, **kwargs)

    monkeypatch.setattr(LexicalIndex, "build", classmethod(held_build))
    deadline = time.monotonic() + 30  # the store re-reads its generation pointer at most once a second
    while manager.rebuilding is None and time.monotonic() < deadline:
        assert manager.current() is old  # answered at once, the build held
        time.sleep(0.1)
    assert manager.rebuilding is not None and manager.rebuilding.is_alive()
    assert manager.current() is old  # one rebuild, not one per search
    release.set()
    manager.rebuilding.join(120)
    new = manager.current()
    assert new is not old and new.epoch != old.epoch
    assert len(new.corpus.ids) == pipeline.store.count()


def test_the_unfiltered_browse_is_computed_once_per_index_and_follows_changes(small, tmp_path):
    """The home page and /api/facets (no query, no filter) walk the index once, not on every request; a
    change brings a new index and so a new browse, with the new passages counted."""
    settings, pipeline, corpus = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    calls = []
    collapse = service._collapse
    service._collapse = lambda index, ranked: calls.append(len(ranked)) or collapse(index, ranked)  # type: ignore[method-assign]
    first = service.search(SearchRequest(q="", k=5))
    again = service.search(SearchRequest(q="", k=5, page=2))
    assert len(calls) == 1 and again.total == first.total and again.facets == first.facets
    assert [h.id for h in again.hits] != [h.id for h in first.hits]  # the next page of the same order
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    after = service.search(SearchRequest(q=""))
    assert len(calls) == 2 and after.total > first.total
    cities = {f["value"]: f["count"] for f in after.facets["city"]}
    before = {f["value"]: f["count"] for f in first.facets["city"]}
    assert cities.get("Aosta", 0) > before.get("Aosta", 0)


def test_the_boilerplate_of_a_changed_index_is_derived_from_the_last_one(small, tmp_path, monkeypatch):
    """The network's boilerplate (sentences three cities repeat) follows adds, changes and removals by
    splitting only the passages that changed; it equals the one built from scratch."""
    from retrieval import sentences

    settings, pipeline, corpus = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    base = service.lexical.current()
    sentences.boilerplate_of(base)  # the last one built: the next is derived from it
    boilerplate = "Il servizio è finanziato dal fondo regionale per la casa e coordinato dalla prefettura locale."
    folder = tmp_path / "uploads"
    folder.mkdir()
    for city in ("Aosta", "Trento", "Matera"):  # three cities repeat one sentence: it becomes boilerplate
        own = f"Il Comune di {city} ha aperto uno sportello casa per le famiglie migranti della città. " * 12
        (folder / f"{city}.txt").write_text(f"{city}: sportello casa\n\n{own}\n\n{boilerplate}\n", "utf-8")
    split: list[str] = []
    real_keys = sentences._keys
    monkeypatch.setattr(sentences, "_keys", lambda text: split.append(text) or real_keys(text))
    pipeline.run([folder], prune=False)
    index = service.lexical.current()
    derived = sentences.boilerplate_of(index)
    assert 0 < len(split) < len(index.corpus.ids) // 2  # the new passages, not the corpus
    full = sentences.Boilerplate(index.corpus.ids, index.corpus.texts, index.corpus.metas)
    assert derived.keys == full.keys and boilerplate in derived
    pipeline.delete_document(service.search(SearchRequest(q="sportello casa Aosta")).hits[0].doc_id)
    index = service.lexical.current()
    full = sentences.Boilerplate(index.corpus.ids, index.corpus.texts, index.corpus.metas)
    assert sentences.boilerplate_of(index).keys == full.keys


def test_a_change_prepares_only_the_passages_it_changed_once_the_old_index_is_gone(small, tmp_path, monkeypatch):
    """After a change written in this process the service makes the next index's per-passage structures for
    the passages the change added or changed only, also when the index it prepared before has been freed
    since (it used to fall back to the first 16,384 passages: ~2 s of adding one file at 100k)."""
    settings, pipeline, _ = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    service.warm_up()
    derived: list[list[int]] = []
    real = service._derive

    def spy(index, positions):
        derived.append(list(positions))
        return real(index, positions)

    monkeypatch.setattr(service, "_derive", spy)
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    index = service.lexical.current()
    added = [p for p, t in enumerate(index.corpus.texts) if "zanzibarite" in t]
    assert derived and all(0 < len(d) < len(index.corpus.ids) // 2 for d in derived)
    assert set(added) <= {p for d in derived for p in d}


def test_the_spelling_vocabulary_of_a_changed_index_is_derived_and_equals_a_full_build(small, tmp_path):
    """Corrections read the index's vocabulary; after a change it is derived from the last one (only the
    passages changed are read) and equals the one built from scratch, the old one left as it was."""
    from retrieval import spelling

    settings, pipeline, corpus = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    before_index = service.lexical.current()
    before = service.vocabulary(before_index)
    before_freq = dict(before.freq)
    assert "zanzibarite" not in before
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    index = service.lexical.current()
    derived = service.vocabulary(index)
    corpus_ = index.corpus
    titles = [m.get("title", "") for m in corpus_.metas]
    full = spelling.Vocabulary.of_index(corpus_.ids, corpus_.texts, titles, service.analyzer.thesaurus.words)
    assert derived.freq == full.freq and derived.display == full.display and "zanzibarite" in derived
    assert {g: sorted(w) for g, w in derived._grams.items() if w} == {g: sorted(w) for g, w in full._grams.items() if w}
    assert derived.correct("zanzibarrite").correct == "zanzibarite"
    assert dict(before.freq) == before_freq and "zanzibarite" not in before  # the old one unchanged
    pipeline.delete_document(service.search(SearchRequest(q="zanzibarite")).hits[0].doc_id)
    index = service.lexical.current()
    corpus_ = index.corpus
    titles = [m.get("title", "") for m in corpus_.metas]
    full = spelling.Vocabulary.of_index(corpus_.ids, corpus_.texts, titles, service.analyzer.thesaurus.words)
    assert service.vocabulary(index).freq == full.freq and "zanzibarite" not in service.vocabulary(index)
