"""The Comune's share of a budget in the words a text gives it, and what is no budget of the project."""

import pytest

from knowledge.money import amounts


def kinds(sentence: str) -> list[tuple[float, str]]:
    return [(a.value, a.kind) for a in amounts(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the Comune giving its share, its verb right before the sum
        ("Il centro costa 80.000 euro: la Regione ne copre 70.000 e il Comune partecipa con 10.000 euro.",
         (10000, "cofinancing")),
        ("Per il laboratorio l'ASL mette 20.000 euro; il Comune di Alfa contribuisce con 5.000 euro.",
         (5000, "cofinancing")),
        ("La dotazione è di 300.000 euro, e l'Amministrazione comunale ci mette di suo 30.000 euro.",
         (30000, "cofinancing")),
        # its money named after the sum
        ("Lo sportello ha un budget di 50.000 euro, di cui 7.000 euro di risorse comunali.", (7000, "cofinancing")),
        ("Il servizio dispone di 90.000 euro: 80.000 vengono dalla Fondazione e 10.000 li ha messi il Comune.",
         (10000, "cofinancing")),
        ("La mensa costa 40.000 euro: 30.000 sono del bando regionale e 10.000 sono la parte del Comune.",
         (10000, "cofinancing")),
    ],
)  # fmt: skip
def test_the_comune_s_share_in_other_words(sentence, expected):
    assert expected in kinds(sentence)


def test_the_comune_paying_the_whole_or_another_body_giving_is_no_share_and_an_organisation_s_income_no_budget():
    # who pays the whole is not a share of others' money
    assert kinds("Il Comune ha stanziato 45.000 euro per il 2026.") == [(45000, "total")]
    # another body's part, with the Comune named elsewhere in the sentence
    assert (60000, "cofinancing") not in kinds("Per il progetto del Comune la Fondazione ha coperto 60.000 euro.")
    # an association's yearly income is its own accounts
    assert kinds("Nel 2024 le entrate dell'associazione sono state di 180.000 euro.") == [(180000, "accounts")]


def test_the_comune_s_money_alone_is_the_whole_budget_a_named_share_alone_stays_a_share():
    from knowledge.merging import budget_of
    from knowledge.records import Passage, Read
    from knowledge.sentences import Sentence

    def budget(text: str) -> tuple[float | None, float | None]:
        read = Read(Passage("p:0", text, {}), Sentence(text, 0, len(text)), text, [])
        b = budget_of([(read, a) for a in amounts(text)])
        return (b.total.value if b.total else None, b.cofinancing.value if b.cofinancing else None)

    assert budget("Lo sportello, finanziato con 45.000 euro dal Comune, aprirà a maggio.") == (45000, None)
    assert budget("Il Comune partecipa con 10.000 euro.") == (None, 10000)
    assert budget("Il cofinanziamento comunale è di 8.000 euro.") == (None, 8000)


def test_the_comune_s_share_as_compartecipazione_or_match_funding():
    assert (12000, "cofinancing") in kinds("Il progetto costa 80.000 euro, di cui 12.000 euro di compartecipazione "
                                           "comunale.")  # fmt: skip
    assert (20000, "cofinancing") in kinds("The project costs EUR 200,000, with EUR 20,000 of match funding from "
                                           "the City.")  # fmt: skip


def test_the_municipal_budget_in_english_is_the_co_financing():
    assert (15000, "cofinancing") in kinds("The shelter costs EUR 150,000, of which EUR 15,000 from the municipal "
                                           "budget.")  # fmt: skip
    assert (30000, "cofinancing") in kinds("The project has a budget of EUR 300,000, including a municipal "
                                           "contribution of EUR 30,000.")  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il servizio vale 200.000 euro, 30.000 dei quali a carico del Comune.", (30000, "cofinancing")),
        ("Il Comune partecipa con una quota di 15.000 euro su un totale di 150.000 euro.", (15000, "cofinancing")),
        ("The overall budget is EUR 250,000, of which the City provides EUR 25,000.", (25000, "cofinancing")),
        ("The total cost was EUR 180,000; the Municipality covered EUR 18,000.", (18000, "cofinancing")),
    ],
)  # fmt: skip
def test_the_comune_s_share_after_of_which_with_a_quota_and_in_english_verbs(sentence, expected):
    assert expected in kinds(sentence)
