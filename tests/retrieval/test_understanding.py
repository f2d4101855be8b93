"""Issue 11: query understanding that generalises, snippets and answers that answer (real index)."""

from __future__ import annotations

import re

import pytest

from lgnet.text import fold
from retrieval.analysis import QueryAnalyzer
from retrieval.language import detect_query_language
from retrieval.models import SearchRequest
from retrieval.phases import PhaseRecognizer
from retrieval.question import read_question
from retrieval.spelling import Vocabulary, edit_distance

HOUSING_QUESTION = "come hanno fatto altri comuni a trovare casa alle famiglie migranti in uscita dall'accoglienza?"


@pytest.fixture(scope="module")
def qa() -> QueryAnalyzer:
    return QueryAnalyzer()


@pytest.mark.parametrize(
    "query, language",
    [
        (HOUSING_QUESTION, "it"),
        ("quali comuni hanno aperto uno sportello per i senza dimora", "it"),
        ("alloggi ponte", "it"),
        ("how did other cities find homes for refugee families?", "en"),
        ("refugees employment", "en"),
        ("housing for women", "en"),
    ],
)
def test_language_of_short_questions(query, language):
    from retrieval.thesaurus import Thesaurus

    t = Thesaurus.default()
    assert detect_query_language(query, t.italian, t.english) == language


@pytest.mark.parametrize(
    "query, intent, gone",
    [
        (HOUSING_QUESTION, "how", "altri comuni"),
        ("quante persone hanno trovato casa a Torino", "figure", "quante"),
        ("quali comuni hanno aperto uno sportello", "places", "quali comuni"),
        ("how many people found a home in Turin", "figure", "how many"),
        ("che cosa è il portierato sociale", "definition", "che cosa"),
        ("con quali associazioni ha lavorato Torino", "partners", "con quali"),
    ],
)
def test_question_frame_is_taken_out_and_intent_kept(query, intent, gone):
    question = read_question(fold(query))
    assert question.intent == intent
    assert gone not in question.core
    assert question.core  # the topic stays


@pytest.mark.parametrize(
    "query, how",
    [
        ("corsi per formare i giovani stranieri come bagnini di salvataggio", False),
        ("l'italiano come seconda lingua nelle scuole", False),
        ("orti sociali gestiti da volontari come presidio del quartiere", False),
        ("come raggiungere i braccianti nelle campagne", True),
        ("a Bolzano come hanno aiutato i migranti a trovare casa", True),
        ("vorrei sapere come convincere i proprietari", True),
        ("sportello unico: come funziona", True),
    ],
)
def test_come_before_a_noun_is_as_not_how(query, how):
    assert (read_question(fold(query)).intent == "how") is how


def test_a_query_that_is_only_a_frame_keeps_its_words():
    assert read_question("come").core == "come"


@pytest.mark.parametrize(
    "query, phase",
    [
        ("la terza edizione", "LGNet3"),
        ("LGNet 3 a Bari", "LGNet3"),
        ("the third edition of the network", "LGNet3"),
        ("progetti 2024-2026", "LGNet3"),
        ("la seconda fase", "LGNet2"),
        ("LgNet2", "LGNet2"),
        ("LGNet Emergency Assistance", "LGNetEA"),
    ],
)
def test_phases_by_name_ordinal_edition_or_years(qa, query, phase):
    assert qa.parse(query).phases == [phase]


@pytest.mark.parametrize(
    "query, phases",
    [
        ("iscrizioni alla seconda edizione del corso di sartoria a Lodi", []),
        ("the third round of the football tournament for young refugees", []),
        ("la prima edizione della rete: sportelli e unità di strada", ["LGNetEA"]),
        ("la terza edizione di LGNet a Bari", ["LGNet3"]),
        ("the second phase of the project in Trieste", ["LGNet2"]),
    ],
)
def test_the_edition_of_a_course_is_no_phase_of_the_programme(query, phases):
    """An ordinal edition of something else (a course, a tournament) is that thing's, not the network's."""
    assert [p.code for p in PhaseRecognizer.default().find(fold(query))] == phases


def test_years_of_the_fund_are_not_a_phase():
    assert PhaseRecognizer.default().find("fami 2014-2020") == []
    assert PhaseRecognizer.default().find("fami 2021-2027") == []  # nor is one of its years


@pytest.mark.parametrize(
    "query, phases",
    [
        ("orti condivisi della Valtrebbia, triennio 2025-2028", []),  # half inside LGNet3's years, half after
        ("laboratorio di falegnameria 2026-2027", []),
        ("sportello di quartiere 2018-2020", []),  # begins before the programme
        ("alloggi di transizione 2024-2025", ["LGNet3"]),  # inside a phase's years
        ("accoglienza notturna 2020-2022", ["LGNetEA"]),  # inside the programme: the phase covering most
    ],
)
def test_years_running_past_the_programme_are_a_project_s_own(query, phases):
    """A range of years running outside the programme's (2019-2026) is a project's own duration, not a phase:
    its passages are not put first."""
    assert [p.code for p in PhaseRecognizer.default().find(fold(query))] == phases


def test_one_year_names_its_phase_and_stays_a_word(qa):
    parsed = qa.parse("progetti in corso fino al 2026")
    assert parsed.phases == ["LGNet3"]
    assert "2026" in parsed.core  # "primo semestre 2025" is also what a document writes
    assert qa.parse("risultati del 2022").phases == ["LGNet2"]
    assert qa.parse("delibera n. 2025/123").phases == []  # a number, not a year asked about


def test_one_year_boosts_its_phase_but_does_not_put_its_passages_first(qa):
    """'nel 2025' is when, not which edition: a comune outside the network reported that year too."""
    parsed = qa.parse("quante persone ha seguito lo sportello di Sarzana nel 2025?")
    assert parsed.phases == ["LGNet3"] and parsed.named_phases == []
    assert qa.parse("la terza edizione a Bari").named_phases == ["LGNet3"]
    assert qa.parse("progetti 2024-2026 alloggi di transizione").named_phases == ["LGNet3"]


@pytest.mark.parametrize(
    "query, region, city",
    [
        ("progetti in Sicilia", "Sicilia", "Palermo"),
        ("in Sicily", "Sicilia", "Catania"),
        ("in Puglia", "Puglia", "Bari"),
    ],
)
def test_regions_in_italian_and_english_give_their_cities(qa, query, region, city):
    parsed = qa.parse(query)
    assert parsed.regions == [region]
    assert city in parsed.region_cities
    assert all(c not in parsed.region_cities for c in ("Torino", "Milano"))


def test_a_city_inside_a_region_name_is_not_the_city(qa):
    parsed = qa.parse("servizi in Friuli-Venezia Giulia")
    assert parsed.regions == ["Friuli-Venezia Giulia"]
    assert "Venezia" not in parsed.cities


def test_thesaurus_expands_acronyms_and_synonyms_below_the_users_words(qa):
    assert "minori stranieri non accompagnati" in qa.parse("MSNA").expansions
    assert "senza dimora" in qa.parse("senzatetto").expansions
    assert "coabitazione" in qa.parse("convivenza tra ragazzi").expansions
    assert "giovani" in qa.parse("convivenza tra ragazzi").expansions


@pytest.mark.parametrize(
    "query, expected",
    [
        ("rent deposit for refugees", "deposito cauzionale"),  # housing: the rent's guarantees
        ("case vuote in comodato", "immobili vuoti"),
        ("accordo con l'ATER", "case popolari"),  # the regional public housing agencies are one family
        ("corso per i vigili urbani", "polizia locale"),  # public bodies by their other names
        ("collaboration pact for the parks", "patto di collaborazione"),
        ("doposcuola per i figli dei migranti", "homework club"),
        ("accordo con l'UEPE", "probation office"),  # the field's acronyms: institutions
        ("corsi con l'OIM", "iom"),
        ("affido familiare di minori soli", "foster care"),
        ("trovano casa le famiglie", "soluzione abitativa"),  # how people ask for housing, inflected
        ("alloggi in un bene tolto alla mafia", "immobile confiscato"),  # confiscated property, however said
        ("housing after the landings", "sbarchi"),  # arrivals by sea: English to the Italian term
        ("paesi che si spopolano", "spopolamento"),  # depopulation as a verb, inflected
        ("paesi che perdono abitanti", "perso residenti"),
        ("appartamenti in semiautonomia", "autonomia abitativa"),
        ("one-stop shop during the lockdown", "pandemia"),
    ],
)
def test_thesaurus_families_of_the_field(qa, query, expected):
    assert expected in qa.parse(query).expansions


def test_a_thesaurus_phrase_is_found_inflected_a_single_word_only_as_written():
    from retrieval.thesaurus import Thesaurus

    thesaurus = Thesaurus.default()
    found = {m.phrase: m.alternatives for m in thesaurus.find("persone prese in carico e una casa sfitta")}
    assert "case management" in found["prese in carico"]  # "presa in carico" in the plural
    assert "immobili vuoti" in found["casa sfitta"]  # the longer phrase wins over "casa"
    assert thesaurus.find("cas")[0].phrase == "cas"
    assert thesaurus.find("casi") == []  # its stem is "cas" (CAS), but a single word counts only as written


def test_edit_distance_counts_transpositions():
    assert edit_distance("alogio", "alloggio", 2) == 2
    assert edit_distance("accoglenza", "accoglienza", 2) == 1
    assert edit_distance("sitema", "sistema", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2  # gave up above the limit


def test_vocabulary_corrects_to_the_closest_frequent_word():
    vocab = Vocabulary(["alloggio alloggio alloggi", "accoglienza accoglienza", "appoggio"])
    assert vocab.correct("alogio").correct == "alloggio"
    assert vocab.correct("accoglenza").correct == "accoglienza"
    assert vocab.correct("alloggio") is None  # known
    assert vocab.correct("zzzzzzz") is None


def test_a_misspelt_word_closer_to_an_index_word_is_no_misspelt_city(qa):
    """ "in tranzito" is one letter from the index's "transito" and further from Taranto: the word was misspelt,
    and the query read again as corrected ("in transito") names no city either."""
    vocab = Vocabulary(["persone in transito transito", "sportello per le persone in transito"])
    parsed = qa.parse("persone in tranzito", vocabulary=lambda: vocab, known_cities={"Taranto"})
    assert parsed.corrections == {"tranzito": "transito"}
    assert parsed.cities == []
    assert qa.parse("alloggi a Palremo", vocabulary=lambda: vocab).cities == ["Palermo"]  # a city misspelt


def test_a_comune_named_like_a_word_inside_a_longer_name_is_not_the_city(qa):
    """ "Bella" between two capitalised words is part of a name ("Tor Bella Monaca", a neighbourhood of Rome);
    beside a lower-case word or first in a run of names it is the comune."""
    known = {"Bella"}
    assert qa.parse("Tor Bella Monaca unità mobile ASL", known_cities=known).cities == []
    assert qa.parse("sportello a Bella", known_cities=known).cities == ["Bella"]
    assert qa.parse("progetto Radici Nuove Bella", known_cities=known).cities == ["Bella"]


def test_a_comune_named_like_a_word_opening_a_longer_name_is_not_the_city(qa):
    """ "Ponte" followed by "dei Sogni" opens a project's name, not the comune Ponte."""
    known = {"Ponte"}
    assert qa.parse(
        "quanti posti letto ha il progetto Ponte dei Sogni di Bassano del Grappa?", known_cities=known
    ).cities == ["Bassano del Grappa"]
    assert qa.parse("il laboratorio Ponte della Memoria", known_cities=known).cities == []
    assert qa.parse("sportello a Ponte", known_cities=known).cities == ["Ponte"]


def test_a_comune_of_several_words_is_found_by_its_first(qa):
    """People call Cervignano del Friuli "Cervignano": the comune the index has documents about, when no other
    comune of the index starts so and the word is no comune of its own; a word of the language ("Sesto", "Città")
    only with a capital, and not when a capitalised word follows ("Città Solidale" is a name)."""
    known = {"Cervignano del Friuli", "Bassano del Grappa", "Città di Castello", "Udine"}
    assert qa.parse("dove si tengono i corsi di italiano a Cervignano?", known_cities=known).cities == [
        "Cervignano del Friuli"
    ]
    assert qa.parse("foresteria bassano lavoratori", known_cities=known).cities == ["Bassano del Grappa"]
    assert qa.parse("foresteria bassano lavoratori", known_cities={"Udine"}).cities == []
    # two comuni of the index start with the word: which one is not said
    assert qa.parse("corsi a Bassano", known_cities={"Bassano del Grappa", "Bassano Romano"}).cities == []
    assert qa.parse("la Fondazione Città Solidale e i volontari", known_cities=known).cities == []
    assert qa.parse("la città dei ragazzi", known_cities=known).cities == []


def test_a_city_the_index_has_is_found_in_lower_case(qa):
    """The gazetteer takes only the well-known cities in lower case; a comune the index has documents about,
    whose name is no word, is the city asked about however written, and so is its corrected typo."""
    vocab = Vocabulary(["Ventimiglia, lo sportello per le persone in transito a Ventimiglia"])
    known = {"Ventimiglia"}
    assert qa.parse("sportello ventimiglia", vocabulary=lambda: vocab, known_cities=known).cities == ["Ventimiglia"]
    assert qa.parse("sportello ventimilia", vocabulary=lambda: vocab, known_cities=known).cities == ["Ventimiglia"]
    assert qa.parse("sportello ventimiglia", vocabulary=lambda: vocab, known_cities=set()).cities == []
    assert qa.parse("vita quotidiana", known_cities={"Vita"}).cities == []  # a comune named like a word


# --- on the real index ----------------------------------------------------------------------------------


def search(service, q, k=10):
    return service.search(SearchRequest(q=q, k=k))


def test_italian_question_finds_housing_in_several_cities_with_an_answer(service):
    result = search(service, HOUSING_QUESTION)
    assert result.parsed.language == "it"
    assert "housing" in result.parsed.interventions
    top = result.hits[:5]
    assert len({h.city for h in top if h.city}) >= 3
    assert sum("housing" in h.interventions for h in top) >= 3
    assert result.answer is not None
    assert result.answer.sentence[0].isupper() and result.answer.sentence.rstrip().endswith((".", "!", "?", "»", '"'))


@pytest.mark.parametrize("typo, word", [("alogio", "alloggio"), ("accoglenza", "accoglienza")])
def test_typos_are_corrected_and_suggested(service, typo, word):
    result = search(service, typo)
    assert result.total > 0
    assert fold(result.parsed.suggestion or "") == word
    assert result.to_contract()["suggestion"] == result.parsed.suggestion


def test_a_real_word_is_not_corrected(service):
    result = search(service, "residents of the neighbourhoods")
    assert result.parsed.corrections == {}
    assert result.parsed.suggestion is None


@pytest.mark.parametrize("query", ["senzatetto", "MSNA"])
def test_synonyms_and_acronyms_find_results(service, query):
    result = search(service, query)
    assert result.total > 0
    assert any(re.search(r"senza (fissa )?dimora|non accompagnati", h.text, re.I) for h in result.hits[:3])


def test_alloggi_finds_housing_in_many_cities(service):
    result = search(service, "alloggi", k=50)
    cities = {h.city for h in result.hits if h.city and "housing" in h.interventions}
    assert len(cities) >= 8


def test_a_region_finds_its_cities(service):
    result = search(service, "in Sicilia")
    assert result.total > 0
    assert {h.city for h in result.hits[:5]} <= {"Palermo", "Catania", "Agrigento"}


def test_phase_named_by_edition_finds_that_phase(service):
    result = search(service, "la terza edizione")
    assert result.hits and result.hits[0].phase == "LGNet3"


def test_a_phase_named_with_a_topic_puts_that_phases_passages_first(service):
    """A phase named ("nella terza edizione") restricts as "in Sardegna" does: every passage of LGNet3 the query
    matches comes before the others, which still follow."""
    result = search(service, "corsi di italiano per donne nella terza edizione", k=20)
    phases = [h.phase for h in result.hits]
    assert "LGNet3" in phases and any(p != "LGNet3" for p in phases)
    first_other = next(i for i, p in enumerate(phases) if p != "LGNet3")
    assert all(p != "LGNet3" for p in phases[first_other:])


def test_snippet_is_not_the_network_boilerplate_when_a_sentence_answers(service):
    result = search(service, "quante persone hanno trovato casa a Torino")
    torino = [h for h in result.hits if h.city == "Torino"]
    assert torino
    assert any(re.search(r"\d", h.snippet) for h in torino[:2])
    assert result.answer is not None and re.search(r"\d", result.answer.sentence)


def test_only_real_matches_are_highlighted(service):
    result = search(service, "refugees in shelters")
    for hit in result.hits:
        assert "<mark>rifugi</mark>" not in hit.snippet.lower() or "shelter" in result.query


def test_answer_is_a_whole_sentence_or_none(service):
    for q in ("refugees employment", "orientamento al lavoro per donne", "alloggi ponte per famiglie"):
        answer = search(service, q).answer
        if answer is not None:
            assert re.match(r"[«“\"'(\[]?[A-ZÀ-Ý0-9]", answer.sentence), answer.sentence


def test_a_word_after_an_elision_is_one_concept(qa):
    concepts = [c.text for c in qa.parse("accompagnamento all'abitare e contributi").concepts]
    assert concepts.count("abitare") == 1  # the thesaurus' "abitare" inside "all'abitare", not again as a word
