"""The k largest values' positions (retrieval/top_k.py): the same positions as sorting every value (best first,
then by position) and keeping the first k, with or without the sampled threshold, ties included."""

from __future__ import annotations

import numpy as np

from retrieval.top_k import SAMPLED_ABOVE, largest


def _sorted_first(values: np.ndarray, k: int) -> np.ndarray:
    return np.sort(np.lexsort((np.arange(values.size), -values))[:k])


def test_the_k_largest_equal_a_full_sort_on_random_scores_with_ties_and_masked_rows():
    rng = np.random.default_rng(7)
    for trial in range(600):
        n = int(rng.integers(1, 40_000 if trial % 10 == 0 else 3_000))
        k = int(rng.integers(1, min(n, 2_500) + 3))
        if trial % 2:  # few distinct values: many ties at the k-th
            values = rng.integers(0, int(rng.integers(1, 30)), n).astype(np.float32)
        else:
            values = rng.normal(size=n).astype(np.float32)
        if trial % 3 == 0:  # rows a filter leaves out (the sketch's -inf)
            values[rng.random(n) < 0.4] = -np.inf
        assert np.array_equal(largest(values, k), _sorted_first(values, k)), (trial, n, k)


def test_ties_at_the_kth_value_go_to_the_lowest_positions_on_a_large_array():
    values = np.zeros(100_000, dtype=np.float32)
    values[::7] = 1.0  # 14,286 equal best values, more than k
    found = largest(values, 1_000)
    assert np.array_equal(found, np.arange(0, 7_000, 7))
    assert values.size > SAMPLED_ABOVE * 1_000  # the sampled path


def test_a_sample_that_misses_the_best_values_still_finds_them():
    # the best values all sit between the sample's strides: the threshold is reached by too few, so the whole
    # array is read
    values = np.zeros(100_000, dtype=np.float32)
    values[1::24] = np.linspace(1.0, 2.0, values[1::24].size, dtype=np.float32)
    found = largest(values, 3_000)
    assert np.array_equal(found, _sorted_first(values, 3_000))


def test_at_most_k_values_give_every_position_and_k_zero_none():
    assert largest(np.array([3.0, 1.0], dtype=np.float32), 5).tolist() == [0, 1]
    assert largest(np.array([3.0, 1.0], dtype=np.float32), 0).tolist() == []


def _copies(n: int):
    """A real lexical index of `n` copies of one invented passage (equal BM25 scores for any of its words)."""
    from retrieval.lexical import LexicalIndex

    text = "Lo sportello zanzibarite di Borgo Fittizio orienta le famiglie nella ricerca di una casa in affitto."
    rows = [{"id": f"c{i}", "text": text, "meta": {"doc_id": f"d{i}", "title": f"d{i}"}} for i in range(n)]
    return LexicalIndex.empty().apply(rows, set())


def test_a_search_keeps_the_first_thousand_of_equal_lexical_scores_with_and_without_a_filter(service):
    """Past LEXICAL_CANDIDATES passages of one score the lexical candidates are the first by position, as the
    order after them is: the same index always gives the same candidates (an argpartition took any of them)."""
    from retrieval.models import SearchRequest
    from retrieval.rerank import Signals
    from retrieval.stages import LEXICAL_CANDIDATES

    index = _copies(3 * LEXICAL_CANDIDATES)
    request = SearchRequest(q="sportello zanzibarite", mode="lexical")
    parsed, _ = service.read_query(request.q, index)
    signals = Signals()
    service._rank(index, parsed, request, service.validate(request), None, {}, signals)
    assert sorted(signals.lexical) == list(range(LEXICAL_CANDIDATES))
    mask = np.ones(len(index.corpus.ids), dtype=bool)
    mask[:100] = False
    signals = Signals()
    service._rank(index, parsed, request, service.validate(request), mask, {}, signals)
    assert sorted(signals.lexical) == list(range(100, 100 + LEXICAL_CANDIDATES))
