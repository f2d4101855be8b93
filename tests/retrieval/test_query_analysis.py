"""Query understanding: cities in Italian and English (with typos), areas, glossary expansion."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer, get_analyzer


@pytest.fixture(scope="module")
def qa() -> QueryAnalyzer:
    return QueryAnalyzer()


@pytest.mark.parametrize(
    "query, cities",
    [
        ("progetti di housing a Torino", ["Torino"]),
        ("housing projects in Turin", ["Torino"]),
        ("one-stop-shop in Florence and Genoa", ["Firenze", "Genova"]),
        ("unità mobili di Roma Capitale", ["Roma"]),
        ("Bozen social services", ["Bolzano"]),
        ("cosa ha fatto il capoluogo ionico", ["Taranto"]),
        ("accoglienza a Palremo", ["Palermo"]),
        ("migranti a Tarnato", ["Taranto"]),
        ("alloggi ponte per famiglie", []),
    ],
)
def test_cities_recognised(qa, query, cities):
    assert qa.parse(query).cities == cities


def test_typo_city_is_added_correctly_spelt_to_the_lexical_query(qa):
    parsed = qa.parse("street units Sasari")
    assert parsed.cities == ["Sassari"]
    assert "sassari" in parsed.main_text  # the query is read again as corrected: the city is one of its words


def test_glossary_widens_english_queries(qa):
    parsed = qa.parse("street unit and one-stop-shop for refugees")
    assert "unità di strada" in parsed.expansions
    assert "sportello unico" in parsed.expansions
    assert "rifugiati" in parsed.expansions
    assert "taking_charge" in parsed.interventions


def test_intervention_terms_recognised(qa):
    assert "housing" in qa.parse("inclusione abitativa e alloggi ponte").interventions
    assert "civic_engagement" in qa.parse("civic engagement of refugees").interventions


def test_analyzer_folds_accents_and_stems():
    a = get_analyzer()
    assert a.tokens("Città") == a.tokens("citta")
    assert a.tokens("abitativa") == a.tokens("abitative")
    assert a.tokens("il la di") == []


@pytest.mark.parametrize(
    "query, literal",
    [
        ("regole per gli spazi comuni", True),  # "comuni" after a plural noun: the adjective, "common"
        ("pulizia delle aree comuni del condominio", True),
        ("una sala comune per i residenti", True),  # and "comune" after a singular one
        ("i comuni della provincia", False),  # the municipalities: after an article,
        ("comuni della Puglia con dormitori", False),  # first,
        ("altri comuni come Bari", False),  # after a word that comes before its noun,
        ("accoglienza comuni", False),  # after a noun it does not agree with,
        ("nel comune di Lecce", False),  # after a preposition
    ],
)
def test_comuni_after_a_noun_is_the_adjective(qa, query, literal):
    parsed = qa.parse(query)
    concept = next(c for c in parsed.concepts if c.text in ("comuni", "comune"))
    assert concept.literal is literal
    if literal:  # the glossary's "municipality" of "comune" is not searched
        assert concept.alternatives == [] and "municipality" not in parsed.expansions
