"""The reranker (retrieval/rerank.py) and its tuning (retrieval/tuning.py): the identity keeps the fusion's
order, the features say what they claim on sentences written here, tuning scores the order a search shows, its
fit finds a signal that separates, it never reads the held-out batch or an unseen one, and new weights replace
the committed ones only when they win."""

from __future__ import annotations

import numpy as np
import pytest

from lgnet.unseen import development_batches
from retrieval.analysis import QueryAnalyzer
from retrieval.evaluation import QueryCase, load_relevance_set
from retrieval.models import SearchRequest
from retrieval.rerank import FEATURES, Reranker, Signals, features, held_out_ids
from retrieval.terms import query_terms
from retrieval.tuning import MIN_GAIN, OLD_SLACK, Sample, decide, fit, objective, split, split_new
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


def _case(cid: str, part: str = "new", batch: int = 1) -> QueryCase:
    return QueryCase(cid, f"q {cid}", "it", None, ["e"], form="f", part=part, batch=batch)


def test_temporal_split_holds_out_the_last_development_batch_and_reads_no_unseen_one():
    old = [_case(f"o{i}", part="old") for i in range(3)]
    new = [_case(f"b{b}-{i}", batch=b) for b in (1, 2, 3, 4) for i in range(2)]
    parts = split(old, new, development=(3, 1, 2))  # batch 4: unseen
    assert parts.held_out_batch == 3 and parts.training_batches == (1, 2)
    assert {c.id for c in parts.held_out} == {"b3-0", "b3-1"}
    assert {c.id for c in parts.training} == {"o0", "o1", "o2", "b1-0", "b1-1", "b2-0", "b2-1"}
    assert split(old, new, development=()).held_out == [] and split(old, new, development=()).training == old


def test_the_register_decides_what_tuning_reads():
    parts = split(load_relevance_set("old"), load_relevance_set("new"), development_batches())
    read = parts.training + parts.held_out
    assert all(c.part == "old" or c.batch in development_batches() for c in read)
    assert not {c.id for c in parts.training} & {c.id for c in parts.held_out}
    assert all(c.batch == max(development_batches()) for c in parts.held_out)


def _samples(rng: np.random.Generator, n: int = 60) -> list[Sample]:
    """Invented queries: the fused score says little (the relevant candidate a little higher, mostly not first),
    the best sentence says which one is relevant."""
    out = []
    for q in range(n):
        rows = np.zeros((10, len(FEATURES)))
        relevant = np.zeros(10, dtype=bool)
        relevant[0] = True
        rows[:, 0] = rng.random(10) + np.where(relevant, 0.2, 0.0)
        rows[:, FEATURES.index("sentence")] = np.where(relevant, 0.9, 0.3) + 0.1 * rng.random(10)
        order = np.argsort(-rows[:, 0], kind="stable")  # candidates come best fused first
        out.append(Sample(rows[order], relevant[order], f"batch {q % 3}"))
    return out


def test_the_fit_finds_the_feature_that_separates():
    samples = _samples(np.random.default_rng(3))
    weights = fit(samples, c=1.0)
    assert weights[0] == pytest.approx(1.0)  # the fused score is the unit
    assert weights[FEATURES.index("sentence")] > 1.0
    assert objective(weights, samples) > objective(Reranker().vector, samples) + 0.3
    assert np.allclose(fit(samples, c=1.0, scale=0.0), Reranker().vector)
    held = _samples(np.random.default_rng(4))  # queries it never saw
    assert objective(weights, held) > objective(Reranker().vector, held) + 0.3


def test_new_weights_replace_the_committed_ones_only_when_they_win():
    assert decide(0.86 + MIN_GAIN, 0.86, 0.80, 0.79, 0.90, 0.90)
    assert not decide(0.86 + MIN_GAIN / 2, 0.86, 0.80, 0.79, 0.90, 0.90)  # the folds gain too little
    assert not decide(0.87, 0.86, 0.79, 0.79, 0.90, 0.90)  # the held-out batch does not gain
    assert not decide(0.87, 0.86, 0.80, 0.79, 0.90 - 2 * OLD_SLACK, 0.90)  # the old part loses


def test_tuning_scores_the_order_a_search_shows(service):
    index = service.lexical.current()
    weights = Reranker({"fused": 1.0, "sentence": 1.0, "lexical": -0.3}).vector
    kept = service.reranker
    try:
        service.reranker = Reranker({"fused": 1.0, "sentence": 1.0, "lexical": -0.3})
        for q in ("alloggi ponte per famiglie in Puglia", "orientamento al lavoro", "la terza edizione a Torino"):
            shown = [index.corpus.position[h.id] for h in service.search(SearchRequest(q=q, k=10)).hits]
            assert service.order_with(service.rerank_features(SearchRequest(q=q, k=10)), weights) == shown
    finally:
        service.reranker = kept


def test_the_report_names_the_held_out_batch_of_a_temporal_tuning(monkeypatch):
    import retrieval.rerank as rerank
    from retrieval.evaluation import FULL, EvalReport, Outcome, PartReport, aggregate

    record = {"tuned_on": "old part + new part batches 1, 2 (9 queries)", "held_out_batch": 3, "held_out": ["c3"]}
    monkeypatch.setattr(rerank, "tuning_record", lambda: record)
    monkeypatch.setattr(rerank, "held_out_ids", lambda: frozenset(record["held_out"]))
    cases = [_case(f"c{b}", batch=b) for b in (1, 2, 3, 4)]
    outcomes = [Outcome(c, 0, 1.0, None, 0, 0, True, True, 0.0) for c in cases]
    part = PartReport("new", cases, {FULL: aggregate(outcomes)}, outcomes, outcomes)
    text = EvalReport({"new": part}, corpus_passages=1).markdown()
    assert "tuned by `lgnet eval --tune` on the old part + new part batches 1, 2 only" in text
    assert "| new part, batch 2 (tuned on), with |" in text
    assert "| new part, batch 3 (held out), with |" in text
    assert "| new part, batch 4 (unseen, not tuned on), with |" in text or "batch 4 (development" in text
    assert "tuning half" not in text


def test_the_reranker_reads_the_first_thirty_fused_candidates(service):
    """A passage fused 21st-30th (BM25 ranks it 20th-50th, the dense list lacks it) is still read by the reranker,
    whose best-sentence feature can lift it onto the page; below the window the fused order stands."""
    assert Reranker.default().candidates == 30
    kept = service.reranker
    try:
        service.reranker = Reranker({"fused": 0.0, "sentence": 1.0}, Reranker.default().candidates)
        q = "alloggi di transizione per famiglie straniere in uscita dall'accoglienza"
        case = service.rerank_features(SearchRequest(q=q, k=10))
        assert len(case.rows) == 30 and len(case.collapsed) > 30
        index = service.lexical.current()
        shown = [index.corpus.position[h.id] for h in service.search(SearchRequest(q=q, k=30)).hits]
        assert set(shown) == set(case.positions)  # the page of 30 is the window, reordered
        best = case.positions[int(np.argmax(case.rows[:, FEATURES.index("sentence")]))]
        assert best in shown[:10]
    finally:
        service.reranker = kept
