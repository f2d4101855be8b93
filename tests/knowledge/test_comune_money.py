"""Whose money a sum is, read from its own clause: the municipality as the agent of its verb ("was borne by the
Municipality"), its owner or source ("sono risorse dell'Amministrazione comunale", "del Comune", "arrivano dal
Comune"), the subject a pronoun takes it up for, whatever the verb ("il Comune li ha trovati nel proprio bilancio"),
or one of those a sum is shared between, each's part said ("divisi a metà tra il Comune e X (9.000 euro ciascuno)").
Texts invented here."""

import pytest

from knowledge.money import amounts


def _kinds(sentence: str) -> dict[float, str]:
    return {a.value: a.kind for a in amounts(sentence)}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The total cost was EUR 500,000. The Region covered EUR 400,000 and the remaining EUR 100,000 was borne by "
         "the Municipality of Lucca.", 100_000),
        ("Il progetto costa 90.000 euro: 60.000 arrivano dalla Regione e i restanti 30.000 euro sono risorse "
         "dell'Amministrazione comunale.", 30_000),
        ("Il servizio costa 50.000 euro; 40.000 euro li mette la Fondazione Alfa e gli altri 10.000 euro il Comune li "
         "ha trovati nel proprio bilancio.", 10_000),
        ("Costa 12.000 euro, divisi a metà tra il Comune di Lucca e la Fondazione Alfa (6.000 euro ciascuno).", 6_000),
        ("Il progetto dispone di 70.000 euro, di cui 20.000 euro del Comune e il resto della Regione.", 20_000),
        ("Il progetto costa 80.000 euro: 65.000 arrivano dalla Regione e 15.000 arrivano dal Comune.", 15_000),
        ("Il progetto costa 100.000 euro: 80.000 dalla Regione e 20.000 euro messi a disposizione dal Comune.", 20_000),
        ("Il budget è di 100.000 euro, 20.000 dei quali stanziati dall'Amministrazione.", 20_000),
        ("Il progetto costa 100.000 euro: la Regione ne mette 80.000 e il Comune 20.000.", 20_000),
        ("Il Comune ha cofinanziato il progetto con 20.000 euro su un totale di 100.000.", 20_000),
        ("The City of Lucca contributed EUR 20,000 of the EUR 100,000 total.", 20_000),
        ("Of the EUR 100,000 budget, EUR 20,000 came from municipal funds.", 20_000),
        ("The project had a total budget of EUR 250,000, of which EUR 20,000 was co-financed by the Municipality.",
         20_000),
        ("The project costs 90,000 euros, 20,000 of which are paid by the City.", 20_000),
    ],
)  # fmt: skip
def test_the_municipality_s_own_money_is_its_co_financing(sentence: str, value: float) -> None:
    assert _kinds(sentence)[value] == "cofinancing"


def test_a_sum_the_municipality_manages_or_receives_from_others_is_not_its_own() -> None:
    kinds = _kinds("Il Comune di Lucca ha gestito 380.000 euro del FAMI, di cui 300.000 euro dalla Regione.")
    assert kinds[380_000] != "cofinancing" and kinds[300_000] != "cofinancing"
    # what the municipality allots as a whole, others' money in it, is no share of it
    kinds = _kinds("Il Comune ha stanziato 118.000 euro, di cui 38.000 euro dal proprio bilancio e il resto dalla ASL.")
    assert kinds[118_000] == "total" and kinds[38_000] == "cofinancing"
    assert _kinds("Costa 30.000 euro, divisi tra la Regione e la Fondazione Alfa (15.000 euro ciascuno).")[15_000] != (
        "cofinancing"
    )


def test_a_lump_sum_each_one_gets_once_is_no_budget() -> None:
    kinds = _kinds("Chi aderisce affitta a canone concordato e riceve dal Comune 1.500 euro una tantum per i lavori.")
    assert kinds[1500] == "unit"
    assert _kinds("Each landlord received a one-off grant of EUR 1,000 for repairs.")[1000] == "unit"


def _listed(sentence: str) -> list[tuple[float, str]]:
    return [(a.value, a.kind) for a in amounts(sentence)]


def test_the_currency_written_as_a_word_before_the_sum():
    # an act's "pari a euro 36.000,00": the sum is read, and its kind from its words
    assert _listed("Il piano economico prevede un costo complessivo di euro 150.000,00, di cui euro 120.000,00 a "
                   "valere sul Fondo regionale e una quota di compartecipazione comunale pari a euro 30.000,00.") == [
        (150000.0, "total"), (120000.0, "part"), (30000.0, "cofinancing")]  # fmt: skip


def test_the_councils_money_and_the_second_predicate_of_the_sums_subject():
    assert _listed("I restanti 40.000 euro sono stati stanziati dal Consiglio comunale nel bilancio.") == [
        (40000.0, "cofinancing")]  # fmt: skip
    assert _listed("La quota del 20%, pari a 9.000 euro, resta a carico dell'ente proponente ed è garantita dal "
                  "Comune con fondi del bilancio.") == [(9000.0, "cofinancing")]  # fmt: skip
    # a number between is another sum's clause
    assert _listed("Costa 50.000 euro: 40.000 euro arrivano dalla Regione e 10.000 sono messi dal Comune.")[1] == (
        40000.0, "funded")  # fmt: skip


def test_the_share_of_the_comune_with_its_article_and_the_municipalitys_own_contribution():
    assert _listed("Il progetto vale 70.000 euro: 60.000 euro arrivano dalla Regione e 10.000 euro sono la quota del "
                  "Comune di Oristano, resa in ore di lavoro.")[-1] == (10000.0, "cofinancing")  # fmt: skip
    assert _listed("The Municipality's own contribution, EUR 30,000, was provided as staff time.") == [
        (30000.0, "cofinancing")]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Il progetto costa 80.000 euro; il restante 20% (16.000 euro) è finanziato dal Comune.",
        "Il progetto costa 80.000 euro: la parte restante, 16.000 euro, la copre il Comune con fondi propri.",
        "Il progetto costa 80.000 euro. Il Comune vi concorre con 16.000 euro.",
        "Il progetto costa 80.000 euro. La restante quota di 16.000 euro è stata deliberata dalla Giunta.",
        "The project costs EUR 80,000. The Municipality's share (EUR 16,000) consists of staff time.",
        "The total budget is EUR 80,000; the City's in-kind contribution is valued at EUR 16,000.",
    ],
)
def test_more_ways_a_clause_says_the_sum_is_the_comunes(sentence: str) -> None:
    assert _listed(sentence)[-1] == (16000.0, "cofinancing")
