"""Regions and provinces in a query: the names people use, the region's people ("pugliesi"), and their cities
ranked first."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.analysis import QueryAnalyzer
from retrieval.candidates import Candidates, places_first
from retrieval.places import demonym_forms


@pytest.fixture(scope="module")
def qa() -> QueryAnalyzer:
    return QueryAnalyzer()


@pytest.mark.parametrize(
    "query, region, city",
    [
        ("progetti pugliesi per l'abitare", "Puglia", "Lecce"),
        ("comuni siciliani che accolgono famiglie", "Sicilia", "Vittoria"),
        ("esperienze sarde di portierato", "Sardegna", "Cagliari"),
        ("Sicilian towns with a housing agency", "Sicilia", "Ragusa"),
        ("Apulian municipalities and farm workers", "Puglia", "Foggia"),
        ("una città calabrese", "Calabria", "Paola"),
        ("servizi in Romagna", "Emilia-Romagna", "Rimini"),
    ],
)
def test_the_regions_people_name_the_region(qa, query, region, city):
    parsed = qa.parse(query)
    assert parsed.regions == [region]
    assert city in parsed.region_cities
    assert parsed.places == [region]


def test_a_demonym_is_a_place_not_a_word_to_match(qa):
    assert qa.parse("progetti pugliesi per l'abitare").core == "progetti per l'abitare"


def test_demonyms_in_every_gender_and_number():
    assert {"siciliano", "siciliana", "siciliani", "siciliane", "Sicilian"} <= set(demonym_forms("Sicilia"))
    assert "campana" not in demonym_forms("Campania")  # a bell


@pytest.mark.parametrize(
    "query, province, city",
    [
        ("Bergamo province one-stop shop", "Bergamo", "Romano di Lombardia"),
        ("province of Ragusa greenhouses", "Ragusa", "Vittoria"),
        ("in provincia di Ferrara", "Ferrara", "Cento"),
    ],
)
def test_provinces_in_both_word_orders_give_their_comuni(qa, query, province, city):
    parsed = qa.parse(query)
    assert parsed.places == [province]
    assert city in parsed.region_cities
    assert parsed.cities == []  # the province, not its chief town


def test_a_region_name_inside_a_city_name_is_the_city(qa):
    parsed = qa.parse("Reggio Emilia quanti rifugiati negli alloggi")
    assert parsed.cities == ["Reggio nell'Emilia"]
    assert parsed.regions == [] and parsed.region_cities == []
    assert "emilia" in parsed.core  # still a word to match


def test_the_places_passages_come_first_and_the_others_follow():
    ranked = Candidates.of([0, 1, 2, 3], [9.0, 8.0, 7.0, 6.0])
    inside = np.array([False, True, False, True])
    out = places_first(ranked, inside)
    assert out.positions.tolist() == [1, 3, 0, 2]
    assert out.scores.tolist() == sorted(out.scores.tolist(), reverse=True)  # still decreasing
    assert out.scores[2:].tolist() == [9.0, 7.0]  # the others keep their scores


def test_nothing_moves_when_no_passage_or_every_passage_is_in_the_place():
    ranked = Candidates.of([0, 1], [2.0, 1.0])
    for inside in ([False, False], [True, True]):
        out = places_first(ranked, np.array(inside))
        assert out.positions.tolist() == [0, 1] and out.scores.tolist() == [2.0, 1.0]


@pytest.mark.parametrize("query", ["support for refugees in Sardinia", "progetti sardi per i rifugiati"])
def test_a_region_puts_its_cities_first_on_the_index(service, query):
    from retrieval.models import SearchRequest

    hits = service.search(SearchRequest(q=query, k=5)).hits
    assert hits and all(h.city in {"Sassari", "Cagliari"} for h in hits[:3])


@pytest.mark.parametrize(
    "query, region",
    [("inclusione abitativa in Pugia", "Puglia"), ("community concierge in Sardiia", "Sardegna")],
)
def test_a_misspelt_region_is_the_region(qa, query, region):
    from retrieval.spelling import Vocabulary

    vocab = Vocabulary(["inclusione abitativa puglia", "community concierge"])
    parsed = qa.parse(query, vocabulary=lambda: vocab)
    assert parsed.regions == [region]
    assert parsed.suggestion is not None and parsed.text == query


def _index(rows: list[tuple[str, str, str | None, str]]):
    """A real lexical index of (id, document, city, text) passages."""
    from retrieval.lexical import LexicalIndex

    return LexicalIndex.empty().apply(
        [{"id": i, "text": t, "meta": {"doc_id": d, "city": c, "title": d}} for i, d, c, t in rows], set()
    )


def test_a_document_filed_without_a_city_is_in_the_place_its_cities_are_in():
    """A practice report with no city of its own that names only comuni of Abruzzo is about Abruzzo; one that
    names comuni of several regions (a network's list) is not, and neither is one that names none."""
    from retrieval.places import in_places

    index = _index(
        [
            ("r1", "report", None, "Dal 2016 i centri della costa, tra Vasto, San Salvo e Casalbordino, accolgono."),
            ("r2", "report", None, "Nei 24 mesi 58 persone sono state accolte nei 10 alloggi di transizione."),
            ("n1", "network", None, "I Comuni di Avezzano, Palermo, Torino e Bari partecipano alla rete."),
            ("x1", "nothing", None, "Gli alloggi di transizione accolgono le famiglie."),
            ("a1", "avezzano", "Avezzano", "Ad Avezzano gli alloggi di transizione sono sei."),
        ]
    )
    everything = list(range(5))
    inside = in_places(index, everything, ["Abruzzo"], [], ["Avezzano"])
    assert inside.tolist() == [True, True, False, False, True]  # the report's passage naming no city too
    by_province = in_places(index, everything, [], ["Chieti"], [])
    assert by_province.tolist() == [True, True, False, False, False]
    assert not in_places(index, everything, ["Sicilia"], [], []).any()


@pytest.mark.parametrize(
    "query, city",
    [
        ("volontariato al Santuario di Paola", "Paola"),
        ("la portineria di comunità di Bra", "Bra"),
        ("Prato Macrolotto Zero giardino", "Prato"),  # keywords only: the first word's capital counts too
    ],
)
def test_a_city_named_like_a_word_is_the_city_when_capitalised_and_in_the_index(qa, query, city):
    assert qa.parse(query, known_cities={city}).cities == [city]
    assert qa.parse(query).cities == []  # the index has no documents about it: a word or a person


def test_the_first_word_of_a_sentence_is_capitalised_anyway(qa):
    assert qa.parse("Vita quotidiana dei migranti", known_cities={"Vita"}).cities == []
    assert qa.parse("prato e giardino", known_cities={"Prato"}).cities == []


def test_documents_read_at_warm_up_give_the_same_places():
    """`warm_up_documents` reads ahead what `in_places` reads on first need: the same masks either way."""
    from lgnet.gazetteer import Gazetteer
    from retrieval.places import _document_cities, in_places, warm_up_documents

    rows = [
        ("r1", "report", None, "Dal 2016 i centri della costa, tra Vasto, San Salvo e Casalbordino, accolgono."),
        ("n1", "network", None, "I Comuni di Avezzano, Palermo, Torino e Bari partecipano alla rete."),
        ("a1", "avezzano", "Avezzano", "Ad Avezzano gli alloggi di transizione sono sei."),
    ]
    cold, warmed = _index(rows), _index(rows)
    warm_up_documents(warmed, Gazetteer.default())
    assert set(_document_cities[warmed]) == {"report", "network"}  # the documents filed without a city
    for regions, provinces in ((["Abruzzo"], []), ([], ["Chieti"]), (["Sicilia"], [])):
        expected = in_places(cold, [0, 1, 2], regions, provinces, [])
        assert in_places(warmed, [0, 1, 2], regions, provinces, []).tolist() == expected.tolist()


def test_a_passage_naming_only_the_places_comuni_is_in_the_place_though_its_document_names_others():
    """A provincial press review filed without a city: its article about Carpi and Mirandola is in the province
    of Modena, though its news in brief name Bologna too (so the document as a whole is not)."""
    from retrieval.places import in_places

    index = _index(
        [
            ("m1", "review", None, "Carpi, il Punto salute donna compie un anno. A Mirandola otto alloggi."),
            ("m2", "review", None, "In breve. Bologna: uno studio sulla salute dei migranti. Sassuolo: un corso."),
            ("m3", "review", None, "Prossima rassegna: 20 marzo. Per segnalazioni scrivere all'osservatorio."),
        ]
    )
    everything = [0, 1, 2]
    assert in_places(index, everything, [], ["Modena"], []).tolist() == [True, False, False]
    assert in_places(index, everything, ["Emilia-Romagna"], [], []).tolist() == [True, True, True]
    assert not in_places(index, everything, ["Puglia"], [], []).any()


def test_a_province_lifts_an_unfiled_passage_naming_its_comuni_at_fusion(service):
    """The places' boost at fusion reaches the passages `arrange` puts first: a provincial review's article, filed
    under no city, is lifted among the candidates as its comuni's own documents are (before, it stayed below the
    head `arrange` reads, 96th on the development index)."""
    from retrieval.models import SearchRequest
    from retrieval.rerank import Signals

    index = _index(
        [
            ("b1", "bari", "Bari", "A Bari i progetti per l'inclusione dei migranti."),
            ("m2", "review", None, "A Bologna uno studio, a Bari i progetti per l'inclusione dei migranti."),
            ("m1", "review", None, "A Carpi i progetti per l'inclusione dei migranti."),
            ("r1", "roma", "Roma", "Roma: i migranti."),
            ("t1", "torino", "Torino", "Torino: progetti."),
        ]
    )
    query = "progetti per l'inclusione dei migranti in provincia di Modena"
    parsed, _ = service.read_query(query, index)
    assert parsed.provinces == ["Modena"]
    request = SearchRequest(q=query, mode="lexical")
    ranked = service._rank(index, parsed, request, service.validate(request), None, {}, Signals())
    assert ranked.positions.tolist()[0] == 2


def _phased(rows: list[tuple[str, str | None, str | None, str]]):
    """A real lexical index of (id, city, phase, text) passages, one document each."""
    from retrieval.lexical import LexicalIndex

    return LexicalIndex.empty().apply(
        [{"id": i, "text": t, "meta": {"doc_id": i, "city": c, "phase": p, "title": i}} for i, c, p, t in rows], set()
    )


def _arranged(index, parsed) -> list[str]:
    """The order `SearchService.arrange` gives the index's passages, ranked in their order (diversity off)."""
    from types import SimpleNamespace

    from retrieval.service import SearchService
    from retrieval.terms import QueryTerms

    plain = SimpleNamespace(_diversify=lambda index, ranked: ranked)
    ranked = Candidates.of(np.arange(len(index.corpus.ids)))
    out = SearchService.arrange(plain, index, ranked, QueryTerms(), parsed)  # type: ignore[arg-type]
    return [index.corpus.ids[p] for p in out.positions.tolist()]


def test_years_of_a_city_outside_the_phase_are_its_projects_not_the_networks_phase():
    """A query "Officina solidale Borgoverde 2031-2033": Borgoverde's passages are of no phase, so the years are its own
    project's, and its passage keeps its place; a city with passages of the phase still gets the phase first."""
    from retrieval.analysis import ParsedQuery

    index = _phased(
        [
            ("borgo", "Borgoverde", None, "L'officina solidale di Borgoverde apre nel 2031 per tre anni."),
            ("rete", "Montefiore", "LGNet9", "La rete LGNet9 riunisce i comuni dal 2031 al 2033."),
            ("monte", "Montefiore", None, "Montefiore apre un'officina solidale."),
        ]
    )
    asked = ParsedQuery("officina solidale borgoverde 2031-2033", "it", cities=["Borgoverde"], named_phases=["LGNet9"])
    assert _arranged(index, asked) == ["borgo", "rete", "monte"]
    network = ParsedQuery("officina montefiore 2031-2033", "it", cities=["Montefiore"], named_phases=["LGNet9"])
    assert _arranged(index, network) == ["rete", "borgo", "monte"]
    no_city = ParsedQuery("officine solidali 2031-2033", "it", named_phases=["LGNet9"])
    assert _arranged(index, no_city) == ["rete", "borgo", "monte"]
