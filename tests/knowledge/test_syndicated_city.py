"""A syndicated copy whose own text names no city is about the city of its agency's copy: the index (and the
unseen set's measure) serve it with its group's one city. Texts invented for the mechanism."""

from ingest.evaluation import served_cities

BODY = (
    "Il progetto ha aperto uno sportello per chi cerca casa dopo l'accoglienza: in un anno sono state accolte "
    "ottantadue persone, trentuno hanno firmato un contratto di affitto e dodici famiglie sono entrate in alloggi "
    "pubblici ristrutturati. Il fondo di garanzia copre il deposito cauzionale e i primi tre mesi di canone, "
    "mentre un mediatore accompagna gli inquilini nei rapporti con i proprietari e con l'amministratore. "
    "Secondo l'assessora alle politiche sociali il modello funziona perché mette insieme il pubblico, il terzo "
    "settore e i proprietari privati, che ricevono una garanzia e un contratto chiaro fin dal primo giorno. "
    "Nei prossimi mesi il servizio sarà esteso ai quartieri della prima periferia con due nuovi punti di ascolto."
)


def test_a_copy_without_its_dateline_takes_the_city_of_its_group():
    agency = f"PADOVA, 3 aprile 2025 (Agenzia Nord) – {BODY}"
    outlet = f"Casa dopo l'accoglienza, il modello convince. Di Redazione. {BODY}"
    other = "A Rovigo il centro diurno ha riaperto dopo i lavori, con nuovi orari e un corso di cucina per tutti."
    cities = served_cities([("a", agency, "Padova"), ("b", outlet, None), ("c", other, None)])
    assert cities == {"a": "Padova", "b": "Padova", "c": None}


def test_a_copy_keeps_its_own_city_and_a_group_of_two_cities_gives_none():
    one = f"PADOVA – {BODY}"
    two = f"ROVIGO – {BODY}"
    three = f"Ripreso da altre testate. {BODY}"
    cities = served_cities([("a", one, "Padova"), ("b", two, "Rovigo"), ("c", three, None)])
    assert cities == {"a": "Padova", "b": "Rovigo", "c": None}
