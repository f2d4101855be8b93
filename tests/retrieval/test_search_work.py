"""What a search computes once instead of again and again (the latency work of issue 11): the query vector
shared with the practice cards, each passage's sentences, stems and boilerplate flags kept, fusion and collapse
over arrays.
No timings here (they live in the bench): each test checks the work is shared and the result unchanged."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lgnet.text import fold
from practices.cards import with_practices
from retrieval.candidates import Candidates
from retrieval.fusion import fuse, fuse_into
from retrieval.models import SearchRequest
from retrieval.sentence_stems import NUMBER, passage_sentences
from retrieval.sentences import boilerplate_of, sentence_spans
from retrieval.snippets import _marked_spans, _word_spans
from retrieval.terms import QueryTerms


class CountingEmbedder:
    """The service's own model, counting the texts it is asked to embed."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.texts: list[str] = []
        self.calls = 0

    def __getattr__(self, name):
        return getattr(self.embedder, name)

    def embed(self, texts):
        self.texts.extend(texts)
        self.calls += 1
        return self.embedder.embed(texts)


@pytest.fixture
def counting(service):
    original = service.embedder
    service.embedder = CountingEmbedder(original)
    service._vectors.clear()  # the remembered query vectors of other tests' searches
    try:
        yield service.embedder
    finally:
        service.embedder = original


def test_search_and_its_practice_cards_embed_the_query_once(service, counting):
    q = "alloggi per   famiglie migranti in uscita dall'accoglienza"  # spacing differs from the parsed text
    result = service.search(SearchRequest(q=q))
    contract = with_practices(service, result.to_contract(), result.filters)
    assert contract["practices"], "the query should find practice cards"
    assert counting.texts == [" ".join(q.split())]


def test_a_corrected_query_is_embedded_as_corrected_once(service, counting):
    result = service.search(SearchRequest(q="casa per famiglie migranti a Palremo"))
    suggestion = result.parsed.suggestion
    assert suggestion and "palermo" in suggestion.lower()
    contract = with_practices(service, result.to_contract(), result.filters)  # the cards search the suggestion
    assert contract["practices"]
    assert counting.texts == [suggestion]  # the dense search reads the corrected words, as the cards do
    assert counting.calls == 1


def test_a_new_query_is_embedded_again(service, counting):
    service.search(SearchRequest(q="mediazione linguistica negli ospedali"))
    service.search(SearchRequest(q="mediazione culturale nelle scuole"))
    assert counting.texts == ["mediazione linguistica negli ospedali", "mediazione culturale nelle scuole"]


def test_a_question_asked_again_is_not_embedded_again(service, counting):
    q = "sportello di orientamento per donne migranti"
    first = service.search(SearchRequest(q=q))
    again = service.search(SearchRequest(q=q))
    assert counting.texts == [q]
    assert [h.id for h in again.hits] == [h.id for h in first.hits]
    assert [h.score for h in again.hits] == [h.score for h in first.hits]


def test_a_remembered_reading_is_the_fresh_one(service):
    q = "quante famiglie hanno trovato un alogio a Torino"
    index = service.lexical.current()
    parsed, terms = service.read_query(q, index)
    assert service.read_query(q, index) == (parsed, terms)  # remembered for this index
    fresh = service.parse(q, index)
    assert parsed.to_dict() == fresh.to_dict()
    assert parsed.suggestion == fresh.suggestion and parsed.corrections == fresh.corrections
    from retrieval.terms import query_terms

    again = query_terms(fresh, index.idf)
    assert [(c.weight, c.own, c.alternatives) for c in terms.concepts] == [
        (c.weight, c.own, c.alternatives) for c in again.concepts
    ]
    other = type("OtherIndex", (), {})()
    assert service._readings.of(other).get(q) is None  # another index reads the query again


def test_the_query_vector_is_the_model_s(service):
    vector = service.embed_query("orientamento al lavoro")
    assert list(vector) == list(service.embedder.embed(["orientamento al lavoro"])[0])


def test_after_the_warm_up_a_never_seen_query_splits_no_passage_and_stems_no_title(service):
    from retrieval import rerank

    passage_sentences.cache_clear()
    rerank._stems.cache_clear()
    service.warm_up()  # what a server does before it says ready
    before = passage_sentences.cache_info().misses, rerank._stems.cache_info().misses
    result = service.search(SearchRequest(q="tirocini formativi per giovani rifugiati e orientamento"))
    assert len(result.hits) >= 5
    assert (passage_sentences.cache_info().misses, rerank._stems.cache_info().misses) == before


def test_after_the_warm_up_every_passage_s_stems_are_one_set_already(service):
    # The reranker and the within-document order test the query against a passage's stems as one set: made by
    # a cold query, ~250-stem sets per candidate were also the young objects the collector's passes traversed.
    passage_sentences.cache_clear()
    service.warm_up()
    texts = service.lexical.current().corpus.texts
    assert texts
    assert all("all_stems" in vars(passage_sentences(t)) for t in texts)


def test_after_the_warm_up_a_first_search_builds_no_per_value_positions(corpus_index):
    from retrieval.service import SearchService

    fresh = SearchService(corpus_index)  # its own lexical index: nothing built by other tests' searches
    fresh.warm_up()
    index = fresh.lexical.current()
    built = set(index._masks)
    for q in ("how many young refugees found a job in Bologna", "alloggi per donne sole con bambini a Bari"):
        assert fresh.search(SearchRequest(q=q)).hits
    assert set(index._masks) == built  # the passages' languages, read by a translated word, were made on the first


def test_after_the_warm_up_a_first_search_reads_no_posting(corpus_index):
    from retrieval.service import SearchService

    fresh = SearchService(corpus_index)  # its own lexical index: no posting read by other tests' searches
    fresh.warm_up()
    bm25 = fresh.lexical.current().bm25
    read = dict(bm25._postings)
    assert len(read) == len(bm25.df)  # every term's
    for q in ("orti condivisi e laboratori di falegnameria per giovani", "night shelters for homeless women"):
        assert fresh.search(SearchRequest(q=q)).hits
    assert bm25._postings.keys() == read.keys()
    assert all(bm25._postings[t] is read[t] for t in read)  # the same arrays, read once


def test_passage_sentences_are_those_of_each_sentence_alone(service):
    index = service.lexical.current()
    checked = 0
    for text in index.corpus.texts[:60]:
        found = passage_sentences(text)
        assert found.spans == sentence_spans(text)
        for (start, end), stems, number in zip(found.spans, found.stems, found.numbers, strict=True):
            sentence = text[start:end]
            alone = {s for _, _, st in _word_spans(sentence) for s in st}
            assert set(stems) == alone
            assert number == bool(NUMBER.search(sentence))
            checked += 1
        assert found.all_stems == {s for w in _word_spans(text) for s in w[2]}
    assert checked > 100


def test_coverage_is_remembered_by_the_query_stems_only(service):
    result = service.search(SearchRequest(q="casa per famiglie"))
    from retrieval.terms import query_terms

    terms = query_terms(result.parsed, service.lexical.current().idf)
    stems = {s for c in terms.concepts for p in c.own for w in p for s in w}
    plain = terms.coverage(stems)
    assert plain == pytest.approx(1.0)
    assert terms.coverage(stems | {"zzz", "qqq"}) == plain  # other stems never change it
    assert terms.coverage({"zzz"}) == 0.0


@pytest.mark.parametrize("method", ["score", "rrf"])
def test_fusing_into_arrays_gives_the_scores_of_fuse(method):
    lexical = [(4, 7.5), (0, 3.25), (9, 3.25), (2, 0.5)]
    dense = [(9, 0.81), (5, 0.62), (4, 0.4)]
    fused = np.zeros(10)
    present = np.zeros(10, dtype=bool)
    for ranked, weight in ((lexical, 0.7), (dense, 1.3)):
        positions = np.array([p for p, _ in ranked], dtype=np.int64)
        fuse_into(fused, present, positions, np.array([s for _, s in ranked]), weight, method, 60)
    expected = fuse([(lexical, 0.7), (dense, 1.3)], method, 60)
    assert set(np.flatnonzero(present).tolist()) == set(expected)
    assert {p: fused[p] for p in expected} == expected  # the same floats, not approximately


def test_the_collapse_keeps_the_best_ranked_of_each_group(service):
    index = service.lexical.current()
    groups = index.corpus.groups
    group = next(g for g, members in groups.items() if len(members) >= 2)
    first, second = groups[group][:2]
    others = [members[0] for g, members in groups.items() if g != group][:5]  # one passage of each other group
    positions = [others[0], second, others[1], first, *others[2:]]
    ranked = Candidates.of(positions, [9.0, 8.0, 7.0, 6.0] + [1.0] * len(others[2:]))
    kept = service._collapse(index, ranked)
    assert kept.positions.tolist() == [others[0], second, others[1], *others[2:]]
    assert kept.scores.tolist() == [9.0, 8.0, 7.0] + [1.0] * len(others[2:])  # each keeps its own score


def test_boilerplate_flags_of_a_passage_are_those_of_its_sentences(service):
    index = service.lexical.current()
    boilerplate = boilerplate_of(index)
    repeated = 0
    for cid, text in zip(index.corpus.ids, index.corpus.texts, strict=True):
        flags = boilerplate.sentence_flags(cid, text)
        assert flags == tuple(text[s:e] in boilerplate for s, e in sentence_spans(text))
        repeated += sum(flags)
    assert repeated, "the corpus repeats sentences of the network: some should be boilerplate"
    cid = index.corpus.ids[0]  # a text the index does not hold under that id is split and asked again
    other = "Il Comune di Bari ha aperto uno sportello. " + index.corpus.texts[0]
    assert boilerplate.sentence_flags(cid, other) == tuple(other[s:e] in boilerplate for s, e in sentence_spans(other))


def _marked_in_whole_text(words: list[tuple[int, int]], matches: list[tuple[int, int]], lo: int, hi: int) -> list:
    """The words of text[lo:hi] inside a match of the whole text (what snippets did before)."""
    spans = set()
    for start, end in matches:
        a, b = max(start, lo), min(end, hi)
        spans.update((s, e) for s, e in words if s >= a and e <= b and s >= lo and e <= hi)
    return sorted(spans)


def test_phrases_are_marked_near_the_snippet_as_in_the_whole_text(service):
    """Only the text around the snippet is scanned for a query's phrases; the marks are those of the whole text,
    for phrases that can overlap themselves ("porta a porta") or hold an apostrophe too."""
    index = service.lexical.current()
    folded_texts = " ".join(fold(t) for t in index.corpus.texts)
    alternatives = service.analyzer.thesaurus.alternatives
    phrases = sorted({fold(a) for alts in alternatives.values() for a in alts if " " in a and fold(a) in folded_texts})
    phrases = phrases[:40] + ["porta a porta", "dell'accoglienza", "dei migranti", "il comune di", "di di"]
    patterns = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, p.split())) + r"(?!\w)") for p in phrases]
    terms = QueryTerms(phrases=phrases)
    marked = 0
    for text in index.corpus.texts[:200]:
        folded = fold(text)
        matches = [m.span() for pattern in patterns for m in pattern.finditer(folded)]
        words = [m.span() for m in re.finditer(r"\w+", text)]
        cuts = [(words[i][0], words[i + 9][0] - 1) for i in range(0, len(words) - 9, 5)]  # windows cutting phrases
        for lo, hi in [*sentence_spans(text), (0, len(text)), *cuts]:
            found = _marked_spans(text, terms, lo, hi)
            assert found == _marked_in_whole_text(words, matches, lo, hi)
            marked += len(found)
    assert marked > 50


def test_a_concept_is_said_by_a_word_of_its_own_or_by_a_whole_alternative():
    from retrieval.terms import ALTERNATIVE_COVERAGE, ConceptTerms

    w = frozenset
    concept = ConceptTerms(
        2.0,
        own=[(w({"cas", "casa"}),), (w({"alloggi"}), w({"pont"}))],
        alternatives=[(w({"abitazion"}),), (w({"hous"}),), (w({"sistem"}), w({"abitat"}))],
    )
    assert concept.score({"casa", "altro"}) == 2.0
    assert concept.score({"alloggi"}) == 0.0  # half of a phrase says nothing
    assert concept.score({"alloggi", "pont"}) == 2.0
    assert concept.score({"hous"}) == 2.0 * ALTERNATIVE_COVERAGE
    assert concept.score({"sistem", "abitat", "zzz"}) == 2.0 * ALTERNATIVE_COVERAGE
    assert concept.score({"sistem"}) == 0.0
    assert QueryTerms([concept]).coverage(("zzz", "qqq")) == 0.0


def test_a_service_with_an_embedder_of_its_own_caps_the_process_blas_threads(corpus_index, service):
    """The bench's stand-in embedder never went through `get_embedder`: the search's matrix products ran with
    OpenBLAS's default threads, spin-waiting for each other on a loaded machine."""
    from threadpoolctl import threadpool_info

    from lgnet.embedders import limit_blas_threads
    from retrieval.service import SearchService

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    np.ones((64, 64)) @ np.ones(64)  # numpy's BLAS is loaded
    try:
        limit_blas_threads(2)
        SearchService(corpus_index, embedder=service.embedder, store=service.store)
        assert blas_threads() == {corpus_index.threads}
    finally:
        limit_blas_threads(corpus_index.threads)


def test_the_answer_reads_its_passages_boilerplate_flags_and_answers_as_asking_each_sentence(service, monkeypatch):
    """A never-seen query's answer read city names in its top passages' sentences (`sentence_key`) to tell the
    network's boilerplate: a sentence written on one line is the passage's own, whose flag the warm-up made."""
    from retrieval import sentences
    from retrieval.answer import best_answer
    from retrieval.terms import query_terms

    index = service.lexical.current()
    boilerplate = boilerplate_of(index)

    class Asked:  # each sentence asked of the boilerplate, as the answer did
        def __contains__(self, sentence: object) -> bool:
            return sentence in boilerplate

    cases = []
    for q in ("quante famiglie hanno trovato casa", "corsi di italiano per donne", "rete dei comuni accoglienza"):
        result = service.search(SearchRequest(q=q))
        terms = query_terms(result.parsed, index.idf)
        one_line = [h for h in result.hits if all("\n" not in h.text[s:e] for s, e in sentence_spans(h.text))]
        assert len(one_line) >= 3
        for hit in one_line:
            boilerplate.sentence_flags(hit.id, hit.text)  # as the warm-up made them
        cases.append((terms, one_line[:3], best_answer(terms, one_line[:3], Asked())))
    assert any(answer is not None for _, _, answer in cases)

    def read_city_names(sentence: str) -> str:
        raise AssertionError(f"city names read in {sentence[:40]!r}")

    monkeypatch.setattr(sentences, "sentence_key", read_city_names)
    for terms, hits, expected in cases:
        assert best_answer(terms, hits, boilerplate) == expected
