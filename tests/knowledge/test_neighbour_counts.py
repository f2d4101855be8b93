"""Counts of a neighbouring comune named in apposition ("nei comuni vicini, X e Y, ...", "X, the neighbouring town,
...") or of a comune named with its province ("del Comune di X (FG), dove ..."), a small one of another region too,
are that comune's, not the record's (knowledge/elsewhere.py). Invented sentences."""

from tests.knowledge.figure_text import built


def test_comuni_named_after_the_words_that_say_they_are_neighbours_place_the_clause_s_counts():
    assert built("Nei comuni vicini, Porcari e Altopascio, un progetto della Provincia ha già sistemato 6 alloggi.",
                 city="Lucca") == set()  # fmt: skip


def test_a_comune_opening_its_sentence_with_an_apposition_naming_it_a_neighbour_is_that_comune_s():
    assert built("Capannori, the neighbouring town, ran its own desk and registered 45 people.", city="Lucca") == set()


def test_a_small_comune_of_another_region_named_with_its_province_is_no_district_of_the_city():
    found = built("Il progetto riprende l'esperienza del Comune di Ascoli Satriano (FG), dove una cooperativa ha "
                  "reperito 11 alloggi.", city="Fermo")  # fmt: skip
    assert 11 not in {v for v, _ in found}


def test_the_city_s_own_counts_beside_a_neighbour_stay():
    found = built("Il progetto ha sistemato 9 alloggi; nei comuni vicini, Porcari e Altopascio, ne sono stati "
                  "sistemati altri 6.", city="Lucca")  # fmt: skip
    assert (9, "housing") in found
