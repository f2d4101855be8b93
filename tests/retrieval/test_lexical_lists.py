"""How the lexical leg's lists are summed (retrieval/bm25.py): a list of one or two terms in float32, with the same
scores as the float64 sum rounded; a common word alone is the index's own array, never written into."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import numpy as np

from retrieval.analysis import get_analyzer
from retrieval.bm25 import WHOLE_TERM_ABOVE
from retrieval.models import SearchRequest


def _terms_by_frequency(index, count: int) -> list[str]:
    """`count` stems spread over the vocabulary from the rarest to the most common."""
    ordered = sorted(index.vocab, key=lambda t: (int(index.df[index.vocab[t]]), t))
    step = max(1, len(ordered) // count)
    return [*ordered[::step], ordered[-1]]


def test_a_list_of_two_terms_scores_as_their_float64_sum(service):
    index = service.lexical.current()
    bm25 = index.bm25
    terms = _terms_by_frequency(index, 24)
    assert int(index.df[index.vocab[terms[-1]]]) > bm25.n * WHOLE_TERM_ABOVE  # a common word among them
    for a, b in [*combinations(terms, 2), *((t, t) for t in terms)]:  # (t, t): one term said twice
        counted = Counter([index.vocab[a], index.vocab[b]])
        summed = bm25._pair(counted, bm25.n, None)
        assert summed.dtype == np.float32
        assert np.array_equal(summed, index.scores([a, b])), (a, b)


def test_a_list_of_two_rare_terms_scores_the_same_over_its_candidate_set(service):
    index = service.lexical.current()
    rare = _terms_by_frequency(index, 40)[:6]
    for a, b in combinations(rare, 2):
        positions, lists = index.scores_within([[a, b]])
        assert positions.size < index.bm25.n  # a candidate set, not the whole corpus
        assert np.array_equal(next(lists), index.scores([a, b])[positions])


def test_a_common_word_alone_is_the_index_s_array_and_a_search_of_it_leaves_it_unchanged(service):
    index = service.lexical.current()
    analyzer = get_analyzer()
    common = max(index.vocab, key=lambda t: int(index.df[index.vocab[t]]))
    assert int(index.df[index.vocab[common]]) > index.bm25.n * WHOLE_TERM_ABOVE
    positions, lists = index.scores_within([[common]], sparse=True)
    assert positions.size == index.bm25.n
    found = next(lists)
    assert found is index.bm25._whole[index.vocab[common]]  # no copy of the corpus per list
    assert not found.flags.writeable
    before = found.copy()
    word = next(w for text in index.corpus.texts for w in analyzer.words(text) if analyzer.query_tokens(w) == [common])
    result = service.search(SearchRequest(q=word))  # the word alone: the main list is that array
    assert result.hits
    assert np.array_equal(found, before)


def test_the_whole_corpus_as_candidate_set_is_one_read_only_array_of_the_index(service):
    """Most queries' candidate set at 100k passages is every passage: the positions are made once per index."""
    index = service.lexical.current()
    common = max(index.vocab, key=lambda t: int(index.df[index.vocab[t]]))
    first, _ = index.scores_within([[common]])
    again, _ = index.scores_within([[common], ["xyzzy"]])
    assert first is again
    assert not first.flags.writeable
    assert np.array_equal(first, np.arange(index.bm25.n))
