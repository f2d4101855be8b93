"""What reading a never-seen query no longer computes (issue 11's cold latency): each test checks the work skipped
and that the reading is the same. No timings here (the bench has them)."""

from __future__ import annotations

import pytest

from lgnet.gazetteer import Gazetteer
from retrieval.query_cities import city_mentions
from retrieval.spelling import Vocabulary


@pytest.fixture
def looked_up(monkeypatch):
    """The words the gazetteer looks up as possibly misspelt cities."""
    gazetteer = Gazetteer.default()
    words: list[str] = []
    original = gazetteer._closest_name

    def closest_name(word: str) -> str | None:
        words.append(word)
        return original(word)

    monkeypatch.setattr(gazetteer, "_closest_name", closest_name)
    return gazetteer, words


def test_a_word_the_index_uses_is_not_looked_up_as_a_misspelt_city(looked_up):
    gazetteer, words = looked_up
    vocabulary = Vocabulary(["Accoglienza di persone in transito nella stazione, con mediatori."])
    found = city_mentions(gazetteer, "mediatori per persone in transito a Turino", lambda: vocabulary)
    assert [m.city.name for m in found] == ["Torino"]
    assert "turino" in words  # a word the index lacks is still read as a misspelt city
    assert "transito" not in words and "mediatori" not in words and "persone" not in words


def test_the_same_mentions_but_for_the_typos_city_mentions_drops(looked_up):
    gazetteer, _ = looked_up
    vocabulary = Vocabulary(["Persone in transito alla stazione di Taranto e Palermo, con lo sportello."])
    for text in ("persone in tranzito", "sportello a Palremo per persone in transito", "stazione Tarranto"):
        everything = [
            m for m in gazetteer.query_mentions(text) if m.evidence != "typo" or m.form.lower() not in vocabulary
        ]
        assert gazetteer.query_mentions(text, not_typos=vocabulary.freq) == everything


def test_a_concept_s_score_is_remembered_by_its_own_stems():
    """A never-seen query's reranker, within-document order and answer ask each concept's score of hundreds of
    sentences' stems: only the concept's own stems decide it, so it is worked out once per set of those."""
    from retrieval.terms import ConceptTerms

    w = frozenset
    concept = ConceptTerms(2.0, [(w({"cas"}),)], [(w({"allogg"}),), (w({"abit"}), w({"social"}))])
    worked: list[frozenset[str]] = []
    original = concept._score

    def score(stems: frozenset[str]) -> float:
        worked.append(stems)
        return original(stems)

    concept._score = score  # type: ignore[method-assign]
    assert concept.score({"abit", "social", "bari"}) == concept.score({"abit", "social", "donn"}) == 2.0 * 0.8
    assert concept.score({"cas", "social"}) == 2.0
    assert concept.score({"bari"}) == 0.0
    assert worked == [w({"abit", "social"}), w({"cas", "social"})]


def test_after_the_warm_up_a_query_s_thesaurus_alternatives_are_not_split_and_stemmed_again(service):
    from retrieval.models import SearchRequest
    from retrieval.terms import _phrase_words

    service.warm_up()
    before = _phrase_words.cache_info().misses
    result = service.search(SearchRequest(q="senza dimora e alloggi di transizione per famiglie"))
    assert any(c.alternatives for c in result.parsed.concepts)
    assert _phrase_words.cache_info().misses == before


def test_cards_without_filters_match_no_record_against_them(service, monkeypatch):
    """Every record passes empty filters: asking each of the ~300 scored records was most of the cards' time."""
    from retrieval import practices
    from retrieval.filters import SearchFilters

    catalogue = practices.get_catalogue(service)
    q = "alloggi per famiglie migranti"
    ranked = catalogue.matching(q)
    city = ranked[0][0].city
    expected = catalogue.matching(q, SearchFilters(city=(city,)).for_records())
    assert expected == [(r, s) for r, s in ranked if r.city == city]  # filters still read each record
    assert len(ranked) > len(expected)
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)

    def asked(filters, record):
        raise AssertionError("a record matched against empty filters")

    monkeypatch.setattr(practices, "record_matches", asked)
    assert catalogue.matching(q) == ranked
    assert catalogue.matching(q, SearchFilters().for_records()) == ranked
