"""The reranker (retrieval/rerank.py) and its tuning split (retrieval/tuning.py): the identity keeps the fusion's
order, the features say what they claim on sentences written here, and the tuning never sees the held-out half
or a later batch."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.analysis import QueryAnalyzer
from retrieval.evaluation import QueryCase, load_relevance_set
from retrieval.models import SearchRequest
from retrieval.rerank import FEATURES, Reranker, Signals, features, held_out_ids
from retrieval.terms import query_terms
from retrieval.tuning import split_new
from tests.retrieval.idf import EveryStemCounts


def column(rows: np.ndarray, name: str) -> list[float]:
    return [round(float(v), 3) for v in rows[:, FEATURES.index(name)]]


def test_identity_weights_keep_the_fused_order():
    rng = np.random.default_rng(7)
    rows = rng.random((20, len(FEATURES)))
    rows[:, 0] = np.linspace(1.0, 0.05, 20)  # the fused score, best first
    assert Reranker().identity
    assert Reranker().order(rows) == list(range(20))
    other = Reranker({"fused": 1.0, "sentence": 2.0})
    assert not other.identity and other.order(rows) != list(range(20))


def test_the_service_without_weights_gives_the_fusions_order(service):
    kept = service.reranker
    try:
        service.reranker = Reranker()
        for q in ("alloggi ponte per famiglie", "orientamento al lavoro", "senzatetto Milano"):
            fused = service.search(SearchRequest(q=q, rerank=False))
            identity = service.search(SearchRequest(q=q))
            assert [h.id for h in identity.hits] == [h.id for h in fused.hits]
        service.reranker = Reranker({"fused": 0.0, "sentence": 1.0})  # only the best sentence counts
        moved = service.search(SearchRequest(q="quante persone hanno trovato casa a Torino", k=20))
        fused = service.search(SearchRequest(q="quante persone hanno trovato casa a Torino", k=20, rerank=False))
        assert moved.total == fused.total  # reordered, nothing added or lost
        assert [h.id for h in moved.hits] != [h.id for h in fused.hits]
    finally:
        service.reranker = kept


def test_features_on_sentences_written_here():
    terms = query_terms(QueryAnalyzer().parse("alloggi per famiglie rifugiate"), EveryStemCounts())
    together = "Il Comune ha trovato alloggi per 40 famiglie rifugiate. Il progetto è finanziato dal FAMI."
    apart = "Il Comune ha aperto nuovi alloggi. Molte famiglie sono arrivate. Tra loro anche persone rifugiate."
    unrelated = "La rassegna stampa raccoglie gli articoli della rete."
    signals = Signals(lexical={0: 8.0, 1: 4.0}, dense={0: 0.5, 2: 0.3})
    rows = features(
        [0, 1, 2],
        [2.0, 1.0, 0.5],
        signals,
        [together, apart, unrelated],
        ["Alloggi per famiglie", "", "Rassegna"],
        terms,
        boilerplate={unrelated},
    )
    assert column(rows, "fused") == [1.0, 0.5, 0.25]
    assert column(rows, "lexical") == [1.0, 0.5, 0.0]  # 0: not a BM25 candidate
    assert column(rows, "dense") == [1.0, 0.0, 0.0]  # scaled within the list; 0: not a dense candidate
    assert column(rows, "coverage")[:2] == [1.0, 1.0] and column(rows, "coverage")[2] == 0.0
    sentence = column(rows, "sentence")
    assert sentence[0] == 1.0 and 0.0 < sentence[1] < 1.0  # the words of the question close together
    assert column(rows, "title")[0] > 0.5 and column(rows, "title")[1] == 0.0
    assert column(rows, "boilerplate") == [0.0, 0.0, 1.0]
    assert column(rows, "figure") == [0.0, 0.0, 0.0]  # not a figure question


def test_tuning_split_is_deterministic_disjoint_and_leaves_later_batches_out():
    cases = [QueryCase(f"x{i:03d}", f"q{i}", "it", None, ["e"], form=f"f{i % 3}", part="new") for i in range(30)]
    cases += [QueryCase(f"y{i:03d}", f"q{i}", "it", None, ["e"], form="f0", part="new", batch=2) for i in range(6)]
    tuning, held_out = split_new(cases)
    again = split_new(list(reversed(cases)))
    assert [c.id for c in tuning] == [c.id for c in again[0]] and [c.id for c in held_out] == [c.id for c in again[1]]
    assert not {c.id for c in tuning} & {c.id for c in held_out}
    assert len(tuning) + len(held_out) == 30
    assert all(c.batch == 1 for c in tuning + held_out)
    for form in ("f0", "f1", "f2"):  # each question form on both sides
        assert sum(c.form == form for c in tuning) == pytest.approx(sum(c.form == form for c in held_out), abs=1)


def test_the_committed_weights_name_the_half_they_were_not_tuned_on():
    held = held_out_ids()
    if not held:
        pytest.skip("no weights file: the reranker is the identity")
    _, expected = split_new(load_relevance_set("new"))
    assert held == {c.id for c in expected}
