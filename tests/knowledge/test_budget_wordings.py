"""Whose money a sum is, in wordings of acts, sheets and press releases: the Comune's share paid "con risorse del
bilancio comunale" said after the sum, the rest it "ha coperto con proprie entrate"; another body's sum (a Città
Metropolitana's, a Region's, a foundation's), its subject before the sum or after it with a pronoun, is a funder's,
never the Comune's; a yearly cost before the whole for the years is a part. Texts invented here."""

from knowledge.money import amounts


def _kinds(sentence: str) -> list[tuple[float, str]]:
    return [(a.value, a.kind) for a in amounts(sentence)]


def test_the_comunes_share_paid_with_its_own_means_said_after_the_sum():
    act = ("DATO ATTO che il costo complessivo del progetto, per le due annualità, è di euro 180.000,00, finanziato "
           "per euro 150.000,00 dalla Regione Toscana con il programma «Casa» e per la parte restante, pari a euro "
           "30.000,00, con risorse del bilancio comunale stanziate sulla missione 12;")  # fmt: skip
    assert _kinds(act) == [(180000.0, "total"), (150000.0, "funded"), (30000.0, "cofinancing")]
    # ... not when the words after it are another sum's: "(25.000 euro), con un cofinanziamento comunale di 15.000"
    shares = ("Il progetto è finanziato dalla Provincia (90.000 euro) e dalla Fondazione Alfa (25.000 euro), con un "
              "cofinanziamento comunale di 15.000 euro, per un totale di 130.000 euro.")  # fmt: skip
    assert (25000.0, "funded") in _kinds(shares) and (15000.0, "cofinancing") in _kinds(shares)


def test_the_rest_the_comune_covers_with_its_own_revenue():
    text = ("La Fondazione Beta ha finanziato 100.000 euro, mentre 80.000 euro vengono dal Fondo regionale; il Comune "
            "di Lucca ha coperto con proprie entrate da canoni i restanti 40.000 euro e ha sostenuto a parte i "
            "lavori.")  # fmt: skip
    assert _kinds(text) == [(100000.0, "funded"), (80000.0, "funded"), (40000.0, "cofinancing")]


def test_another_bodys_sum_is_a_funders_never_the_comunes():
    text = ("Il progetto costa 98.000 euro: 70.000 euro li ha messi la Città Metropolitana di Firenze con il bando "
            "«Accogliere», mentre i rimanenti 28.000 euro li paga il Comune di Lucca.")  # fmt: skip
    assert _kinds(text) == [(98000.0, "total"), (70000.0, "funded"), (28000.0, "cofinancing")]
    assert (200000.0, "funded") in _kinds("La Regione copre 200.000 euro; il Comune partecipa con 40.000 euro.")


def test_a_yearly_cost_before_the_whole_for_the_years_is_a_part():
    text = "La Casa costa 80.000 euro l'anno, 240.000 euro per i tre anni della convenzione."
    assert _kinds(text) == [(80000.0, "part"), (240000.0, "total")]
    assert _kinds("Il servizio costa 35.000 euro l'anno.") == [(35000.0, "total")]  # a service's yearly cost stays
