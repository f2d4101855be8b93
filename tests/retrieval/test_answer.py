"""The answer sentence on passages written here: what is never offered, and what is (retrieval/answer.py)."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer
from retrieval.answer import best_answer, concepts_carried, is_prose
from retrieval.models import Hit
from retrieval.terms import QueryTerms, query_terms
from tests.retrieval.idf import EveryStemCounts


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer()


def terms_of(analyzer: QueryAnalyzer, q: str) -> QueryTerms:
    return query_terms(analyzer.parse(q), EveryStemCounts())


def hit(text: str, rank: int = 0) -> Hit:
    return Hit(
        id=f"doc{rank}:000",
        doc_id=f"doc{rank}",
        title="Titolo",
        text=text,
        snippet="",
        score=1.0,
        city=None,
        interventions=[],
        doc_type="report",
        source="x.pdf",
    )


def test_a_letterhead_run_into_the_text_is_not_the_answer(analyzer):
    text = (
        "COMUNE DI ROVERETO Settore Politiche Sociali SCHEDA BUONA PRATICA alloggi di transizione per famiglie "
        "migranti in uscita dall'accoglienza 1. Dati identificativi del progetto. "
        "Grazie agli alloggi di transizione 40 famiglie migranti hanno trovato casa in due anni."
    )
    answer = best_answer(terms_of(analyzer, "alloggi per famiglie migranti"), [hit(text)])
    assert answer is not None
    assert answer.sentence.startswith("Grazie agli alloggi")


def test_without_the_sentence_that_answers_the_letterhead_gives_no_answer(analyzer):
    text = "COMUNE DI ROVERETO Settore Politiche Sociali alloggi di transizione per famiglie migranti nel 2023."
    assert best_answer(terms_of(analyzer, "alloggi per famiglie migranti"), [hit(text)]) is None


def test_a_sentence_about_one_of_two_things_asked_is_no_answer(analyzer):
    terms = terms_of(analyzer, "orientamento al lavoro per donne")
    housing = "Il progetto ha attivato soluzioni abitative e accompagnamento sociale rivolte a donne in emergenza."
    assert best_answer(terms, [hit(housing)]) is None
    work = "Dodici donne hanno seguito un percorso di orientamento al lavoro con una mediatrice."
    answer = best_answer(terms, [hit(housing), hit(work, 1)])
    assert answer is not None and answer.sentence == work


def test_a_word_of_a_phrase_counts_as_saying_it(analyzer):
    terms = terms_of(analyzer, "waiting time one stop shop")
    sentence = "The average waiting time for a first interview dropped from 21 to 6 days after the shop opened."
    assert concepts_carried(sentence, terms) == 2
    assert best_answer(terms, [hit(sentence)]) is not None


def test_a_passage_of_the_city_asked_about_says_the_city(analyzer):
    parsed = analyzer.parse("quanti tutori volontari a Perugia?")
    terms = query_terms(parsed, EveryStemCounts())
    sentence = "Nel 2024 sono stati 17 i cittadini che hanno completato il corso per tutori volontari del tribunale."
    elsewhere = hit(sentence)  # filed under no city: only the topic is said, one of the two things asked
    assert best_answer(terms, [elsewhere], places=parsed.cities) is None
    there = hit(sentence).model_copy(update={"city": "Perugia"})
    answer = best_answer(terms, [there], places=parsed.cities)
    assert answer is not None and answer.sentence == sentence


def test_list_items_are_not_answers(analyzer):
    terms = terms_of(analyzer, "partner alloggi Lecce")
    text = (
        "Partenariato Cooperativa Sociale Rinascita (gestione degli alloggi e équipe educativa); "
        "Caritas Diocesana di Lecce (segnalazione dei casi e beni di prima necessità); "
        "Destinatari • titolari di protezione in uscita dai progetti SAI • neomaggiorenni partner degli alloggi "
        "di Lecce."
    )
    assert best_answer(terms, [hit(text)]) is None


@pytest.mark.parametrize(
    "sentence, prose",
    [
        ("COMUNE DI LECCE Settore Politiche Sociali e alloggi.", False),
        ("SAI e CAS hanno accolto 40 persone a Lecce.", True),
        ("MSNA e neomaggiorenni hanno trovato casa.", True),
        ("Destinatari • titolari di protezione • neomaggiorenni.", False),
    ],
)
def test_prose_or_not(sentence, prose):
    assert is_prose(sentence) is prose


def _at(text: str, rank: int, city: str | None) -> Hit:
    return hit(text, rank).model_copy(update={"city": city})


def test_the_answer_about_a_city_comes_from_that_city(analyzer):
    """A question about Bari is not answered by Campobasso's budget, even ranked first; a passage filed under
    another city that names Bari still may (a document filed under its province)."""
    terms = terms_of(analyzer, "budget totale e cofinanziamento comunale a Bari")
    campobasso = _at(
        "Il budget totale di Campobasso è di 260.480 euro, con un cofinanziamento comunale del 10%.", 0, "Campobasso"
    )
    bari = _at("Il budget totale del progetto è di 328.295 euro, compreso il cofinanziamento comunale.", 1, "Bari")
    assert best_answer(terms, [campobasso, bari], places=["Bari"]).city == "Bari"
    assert best_answer(terms, [campobasso, bari]).city == "Campobasso"  # no city asked: the best sentence
    province = _at("A Bari il budget totale è di 328.295 euro, compreso il cofinanziamento comunale.", 0, "Puglia")
    assert best_answer(terms, [province, bari], places=["Bari"]).chunk_id == "doc0:000"


def test_the_better_ranked_passage_keeps_the_answer_unless_a_lower_one_says_clearly_more(analyzer):
    """The ranking weighed the whole passage: a lower passage's sentence that says one word more of the query
    does not take the answer from a better-ranked one whose sentence clears the bar."""
    terms = terms_of(analyzer, "corso serale di italiano per mamme straniere in biblioteca")
    first = hit("Il corso serale di italiano per le mamme si tiene il martedì e il giovedì.")
    lower = hit("Le mamme straniere chiedono un corso serale di italiano, dice il parroco.", 1)
    answer = best_answer(terms, [first, lower])
    assert answer is not None and answer.chunk_id == "doc0:000"
    # a better-ranked passage without a sentence that clears the bar leaves the answer to the next one
    weak = hit("La biblioteca apre anche il sabato mattina per le famiglie e per le mamme del quartiere.")
    answer = best_answer(terms, [weak, lower])
    assert answer is not None and answer.chunk_id == "doc1:000"


def test_a_figure_question_is_not_answered_by_a_name_s_a_year_s_or_a_date_s_number(analyzer):
    terms = terms_of(analyzer, "quante persone ha accolto lo sportello?")
    for sentence in (
        "Lo sportello del progetto LGNet3 ha accolto persone da tutta la città.",
        "Dal marzo 2024 lo sportello ha accolto persone di ogni provenienza.",
        "Il 12 dicembre lo sportello ha accolto le persone dalle 17.30 in poi.",
    ):
        assert best_answer(terms, [hit(sentence)]) is None
    counted = "Lo sportello del progetto LGNet3 ha accolto 120 persone nel 2024."
    answer = best_answer(terms, [hit(counted)])
    assert answer is not None and answer.sentence == counted


def test_a_figure_question_prefers_the_number_of_what_it_asks_about(analyzer):
    terms = terms_of(analyzer, "quante persone ha accolto lo sportello?")
    other = "Lo sportello ha accolto le persone del quartiere e ha aperto 300 pratiche in un anno."
    asked = "Sono 120 le persone accolte dallo sportello, quasi tutte donne."
    answer = best_answer(terms, [hit(f"{other} {asked}")])
    assert answer is not None and answer.sentence == asked


def test_a_lower_passage_answers_only_with_a_sentence_that_clears_a_higher_bar(analyzer):
    """The first passage has no sentence that answers: a sentence of the second saying half of the query would
    clear the first passage's bar, not the second's."""
    terms = terms_of(analyzer, "corso serale di italiano per mamme straniere in biblioteca")
    first = hit("Il quartiere ha una biblioteca comunale aperta anche il sabato mattina.")
    half = "Le mamme del quartiere seguono un corso serale di cucina in parrocchia il martedì."
    assert best_answer(terms, [hit(half)]) is not None  # first, it answers
    assert best_answer(terms, [first, hit(half, 1)]) is None


def test_the_city_a_passage_is_filed_under_counts_in_its_sentences_score(analyzer):
    """A Perugia report's sentence says Perugia without naming it: the city weighs in its score as it counts
    among the concepts it carries."""
    parsed = analyzer.parse("corso serale di italiano per mamme straniere a Perugia")
    terms = query_terms(parsed, EveryStemCounts())
    sentence = "Da ottobre il corso serale si tiene nella sala civica del quartiere."
    there = hit(sentence).model_copy(update={"city": "Perugia"})
    answer = best_answer(terms, [there], places=parsed.cities)
    assert answer is not None and answer.sentence == sentence
    assert best_answer(terms, [hit(sentence)], places=parsed.cities) is None


def test_prose_answers_before_a_table_run_into_one_line(analyzer):
    terms = terms_of(analyzer, "persone prese in carico dallo sportello")
    table = "Indicatore | Atteso | Raggiunto Persone prese in carico dallo sportello | 250 | 187 Tirocini | 20 | 14."
    prose = "Lo sportello ha preso in carico 187 persone, contro le 250 attese."
    answer = best_answer(terms, [hit(f"{table} {prose}")])
    assert answer is not None and answer.sentence == prose
    answer = best_answer(terms, [hit(table)])  # a table, when nothing else says it
    assert answer is not None and answer.sentence == table


def test_a_sentence_saying_every_concept_of_a_long_question_answers_from_a_lower_passage(analyzer):
    terms = terms_of(analyzer, "corso serale di italiano per mamme straniere in biblioteca")
    first = hit("Il corso serale di italiano per le mamme si tiene il martedì e il giovedì.")
    every = "Le mamme straniere seguono il corso serale di italiano in biblioteca."
    answer = best_answer(terms, [first, hit("Orari e contatti della segreteria del quartiere.", 1), hit(every, 2)])
    assert answer is not None and answer.sentence == every
    short = terms_of(analyzer, "corso serale")  # a short query's every word is said by chance
    answer = best_answer(short, [hit("Il corso serale si tiene il martedì."), hit("Il corso serale è gratuito.", 2)])
    assert answer is not None and answer.chunk_id == "doc0:000"


def test_a_number_naming_a_body_or_a_part_is_no_figure(analyzer):
    """'il CPIA 4 di Roma', 'ASL Roma 2', 'sezione 3' name a school, a health district, a section: a figure question
    is not answered by them; a number after an acronym that counts the word after it ('dall'ATERP 4 appartamenti')
    still counts."""
    terms = terms_of(analyzer, "quanti corsi di italiano con il CPIA nel progetto?")
    named = "Il progetto è realizzato con la ASL Roma 2 – Distretto 6 e con il CPIA 4 di Roma per i corsi di italiano."
    assert best_answer(terms, [hit(named)]) is None
    counted = "Con il CPIA 4 di Roma il progetto ha organizzato 12 corsi di italiano per gli adulti."
    answer = best_answer(terms, [hit(f"{named} {counted}")])
    assert answer is not None and answer.sentence == counted
    flats = terms_of(analyzer, "quanti appartamenti ha preso in locazione il Comune?")
    leased = "Il Comune ha preso in locazione dall'ATERP 4 appartamenti nel quartiere di Commenda."
    answer = best_answer(flats, [hit(leased)])
    assert answer is not None and answer.sentence == leased
