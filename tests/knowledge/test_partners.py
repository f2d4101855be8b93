"""Partners without a cue phrase: organisations named by a keyword or an acronym with its place, lists after
"insieme a", "grazie a", "una rete composta da"; never funders, places, people or the city itself. Sentences
invented for the mechanism."""

import pytest

from knowledge.partners import partners


def names(sentence: str, city: str | None = "Sulmona") -> list[str]:
    return [p.name for p in partners(sentence, city)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il servizio è gestito insieme alla Cooperativa sociale Il Faro e all'Associazione Mondo Unito.",
         ["Cooperativa sociale Il Faro", "Associazione Mondo Unito"]),
        ("Hanno aderito la Caritas diocesana di Sulmona e l'Azienda sanitaria provinciale di Teramo.",
         ["Caritas diocesana di Sulmona", "Azienda sanitaria provinciale di Teramo"]),
        ("Grazie al Centro servizi per il volontariato Abruzzo e all'Istituto comprensivo Dante Alighieri "
         "gli alunni hanno partecipato.", ["Centro servizi per il volontariato Abruzzo",
                                           "Istituto comprensivo Dante Alighieri"]),
        ("Lo IACP Teramo e il CPIA 2 Pescara hanno messo a disposizione gli spazi.", ["IACP Teramo", "CPIA 2 Pescara"]),
        ("È stato rinnovato il protocollo con l'ATER dell'Aquila.", ["ATER dell'Aquila"]),
        ("La rete composta da Alfa Servizi, Beta Lavoro e Gamma Onlus si riunisce ogni mese.",
         ["Alfa Servizi", "Beta Lavoro", "Gamma Onlus"]),
        ("Il tavolo, in collaborazione con il Comune di Pratola Peligna, ha definito le regole.",
         ["Comune di Pratola Peligna"]),
    ],
)  # fmt: skip
def test_organisations_named_without_a_cue_phrase(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Grazie a questo progetto, Pescara è diventata una città più accogliente.",
        "Il laboratorio è stato realizzato insieme a Giulia e Marco, due volontari.",
        "Le attività sono possibili con il contributo della Fondazione Cassa di Risparmio di Teramo.",
        "Il progetto, finanziato dal FAMI 2021-2027, è coordinato dal Comune.",
        "In collaborazione con il Comune di Sulmona sono stati aperti due sportelli.",
        "COMUNE DI SULMONA Settore Politiche Sociali",
    ],
)
def test_funders_places_people_and_the_city_itself_are_not_partners(sentence):
    assert names(sentence) == []
