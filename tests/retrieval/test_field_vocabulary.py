"""Field vocabulary the thesaurus (lgnet/data/thesaurus.json) carries across languages: an English question whose
only evidence is the Italian term of the field (and an Italian one whose evidence is an English report) now
covers the sentence that says it. Invented questions and sentences; each covered nothing before the entries."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer, get_analyzer
from retrieval.terms import query_terms
from tests.retrieval.idf import EveryStemCounts


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer()


def stems(text: str) -> set[str]:
    return {s for w in get_analyzer().words(text) for s in get_analyzer().word_stems(w)}


@pytest.mark.parametrize(
    "query, sentence",
    [
        ("registry office", "Gli operatori anagrafici del Comune hanno seguito un corso."),
        ("driving licence", "Quaranta persone hanno preso la patente."),
        ("social supermarket", "L'emporio solidale è aperto tre giorni a settimana."),
        ("shanty town", "Le famiglie vivevano nella baraccopoli fuori città."),
        ("warehouse jobs", "Dodici ragazzi sono ora magazzinieri della logistica."),
        ("shuttle", "Una navetta porta i lavoratori ai campi."),
        ("hostel", "La foresteria comunale ha 40 posti."),
        ("fishermen", "Molti uomini lavorano sui pescherecci."),
        ("expecting a baby", "Lo spazio ha seguito 20 donne in gravidanza."),
        ("co-financing", "Il cofinanziamento comunale è di 20.000 euro."),
        ("cofinanziamento comunale", "The Municipality provided EUR 20,000 in co-financing."),
        ("baracche", "The project moved workers out of farm shacks."),
        ("the aim of the project", "L'obiettivo del progetto è la coesione sociale."),
    ],
)
def test_a_field_term_covers_its_translation(analyzer, query, sentence):
    terms = query_terms(analyzer.parse(query), EveryStemCounts())
    assert terms.coverage(stems(sentence)) > 0
