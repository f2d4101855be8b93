"""Dwellings on record as vacant ("risultano 14 alloggi sfitti") are their owner's stock, not what a practice did
with them; dwellings a practice recovered or took over stay its figures. Sentences invented for the mechanism."""

from knowledge.figures import figures


def _read(sentence: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(sentence)]


def test_dwellings_on_record_as_vacant_are_a_stock():
    assert _read("Nel patrimonio dell'ente risultano 14 alloggi sfitti da ristrutturare.") == []
    assert _read("L'assessore ricorda che in città ne risultano ancora 35 vuoti.") == []


def test_vacant_dwellings_a_practice_acted_on_and_other_counts_on_record_stay_figures():
    assert _read("Il progetto ha rimesso in uso 6 alloggi sfitti del centro.") == [(6.0, "housing_units")]
    assert _read("A fine anno risultano 52 persone prese in carico.") == [(52.0, "people")]
