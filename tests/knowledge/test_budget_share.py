"""The municipality's own contribution, by what the sentence says of it rather than by a list of phrases: the
Comune the subject of the sum's verb when a pronoun takes up the sum ("li ha iscritti il Comune") or says it is part
of the whole or added to it ("il Comune ne copre", "ci aggiunge"), its own money whatever the noun ("quota propria"),
and a sum whose verb names another source ("arrivano dalla Fondazione"). Sentences invented here."""

from knowledge.money import amounts


def kinds(sentence: str) -> dict[float, str]:
    return {a.value: a.kind for a in amounts(sentence)}


def test_the_comune_the_subject_of_the_sum_s_verb_whatever_the_verb():
    found = kinds("Il piano vale 90.000 euro: 70.000 euro arrivano dal bando regionale, mentre 20.000 euro li ha "
                  "inseriti il Comune nel bilancio di previsione.")  # fmt: skip
    assert found[20000] == "cofinancing"
    assert kinds("Costa 48.000 euro; il Comune ne copre 8.000, il resto arriva dalla Regione.")[8000] == "cofinancing"
    assert kinds("Il centro costa 30.000 euro e il Comune ne paga 6.000.")[6000] == "cofinancing"
    # the Comune paying the whole says who pays, not a share
    assert kinds("Il Comune ha stanziato 28.000 euro per il progetto.") == {28000: "total"}


def test_its_own_money_whatever_the_noun():
    found = kinds("La rete dispone di 70.000 euro: 60.000 euro dal contributo regionale e 10.000 euro di quota "
                  "propria del Comune, iscritti nel bilancio.")  # fmt: skip
    assert found == {70000: "total", 60000: "funded", 10000: "cofinancing"}
    found = kinds("Il progetto costa 40.000 euro, di cui 4.000 euro come propria quota dell'ente.")
    assert found[4000] == "cofinancing"


def test_a_sum_whose_verb_names_another_source_is_funded():
    found = kinds("Il progetto costa 70.000 euro: 10.000 li mette il Comune, 45.000 arrivano dalla Fondazione "
                  "Alfa e il resto dal bando.")  # fmt: skip
    assert found == {70000: "total", 10000: "cofinancing", 45000: "funded"}
    found = kinds("Il progetto costa 60.000 euro: 45.000 euro arrivano dalla Regione e 15.000 euro arrivano dal "
                  "Comune.")  # fmt: skip
    assert found == {60000: "total", 45000: "funded", 15000: "cofinancing"}
