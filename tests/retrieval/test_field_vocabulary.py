"""Field vocabulary the thesaurus (lgnet/data/thesaurus.json) and the glossary (lgnet/data/glossary.json) carry: an
English question whose only evidence is the Italian term of the field (and an Italian one whose evidence is an English
report, or an Italian synonym) now covers the sentence that says it. Invented questions and sentences; each covered
nothing before the entries."""

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
        # the field's vocabulary of migrant inclusion (6760227): thesaurus groups and glossary pairs
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
        # everyday English words of the field whose evidence is Italian (glossary pairs, issue 11's batch 22)
        ("trained", "Venti operatori sono stati formati in primavera."),
        ("hired", "Nove ragazzi sono stati assunti da un'officina."),
        ("seasonal", "Il dormitorio ospita i lavoratori stagionali."),
        ("condominiums", "Le assemblee nei condomini sono state dieci."),
        ("apprentices", "Tre apprendisti lavorano nella falegnameria."),
        ("sea", "Sono arrivati dal mare su un barcone."),
        ("harbour", "Il porto offre lavoro nella manutenzione delle reti."),
        ("lent", "La parrocchia ha dato la casa in comodato."),
        ("municipal", "Il servizio comunale apre il lunedì."),
        ("lunches", "Ogni mese si organizzano pranzi di quartiere."),
        ("dinner", "Una cena con i vicini ha chiuso la festa."),
        ("settlements", "Il presidio visita gli insediamenti informali."),
        ("vineyards", "I ragazzi lavorano nelle vigne della collina."),
        ("formati", "Thirty teachers were trained last spring."),
        ("rented", "Gli appartamenti sono stati affittati a tre famiglie."),
        ("landed", "I ragazzi sbarcati a maggio sono stati accolti."),
        ("glass", "Due tirocini in una vetreria artigiana."),
        ("ski", "D'inverno lavorano sulle piste da sci."),
        ("forestry", "Il consorzio forestale ha assunto sei operai."),
        ("grape pickers", "I vendemmiatori dormono in un capannone."),
        ("payslips", "Lo sportello controlla le buste paga."),
        ("winegrowers", "Cinque viticoltori fanno da tutor."),
        ("drivers", "Gli autisti dell'autobus hanno seguito un corso."),
    ],
)
def test_a_field_term_covers_its_translation(analyzer, query, sentence):
    terms = query_terms(analyzer.parse(query), EveryStemCounts())
    assert terms.coverage(stems(sentence)) > 0
