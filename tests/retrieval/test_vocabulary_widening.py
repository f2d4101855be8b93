"""The field's vocabulary the thesaurus (lgnet/data/thesaurus.json) and the glossary (lgnet/data/glossary.json)
carry: an English term of migrant inclusion widens the lexical query with its Italian equivalent, an Italian term
with its Italian synonyms (and an English report's words). Invented questions and sentences, each covered nothing
before these entries."""

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
        # English term -> Italian passage
        ("gangmasters", "I caporali reclutavano i braccianti all'alba."),
        ("statelessness", "Lo sportello segue le persone apolidi."),
        ("kindergarten", "I bambini frequentano la scuola dell'infanzia."),
        ("employability", "Il corso punta all'occupabilità delle donne."),
        ("steering committee", "La cabina di regia si è riunita a marzo."),
        ("round table", "Il tavolo tecnico ha scritto le linee guida."),
        ("paperwork", "Lo sportello aiuta nel disbrigo pratiche."),
        # Italian synonym -> Italian passage
        ("analfabetismo", "Corsi di prealfabetizzazione per donne."),
        ("cabina di regia", "Il comitato di pilotaggio ha approvato il piano."),
        ("sanatoria", "Cento lavoratori hanno ottenuto la regolarizzazione."),
        ("rete sai", "Il progetto SPRAR del Comune."),
        # Italian term -> English passage
        ("tavolo di coordinamento", "The round table met every month."),
        ("prosieguo amministrativo", "Extended care lets them stay."),
    ],
)
def test_a_field_term_widens_the_lexical_query(analyzer, query, sentence):
    terms = query_terms(analyzer.parse(query), EveryStemCounts())
    assert terms.coverage(stems(sentence)) > 0
