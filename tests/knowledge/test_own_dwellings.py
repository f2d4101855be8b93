"""The practice's own dwellings, named as known (a definite article or an articulated preposition before the number,
in words or digits) with persons said to live or be hosted in them, are a count; said without an article they only
say where persons were placed. Sentences invented here."""

from tests.knowledge.figure_text import counts


def test_definite_dwellings_where_persons_live_are_counted():
    assert counts("Le tre case, restaurate dalla parrocchia, ospitano oggi 11 ragazze.") == {3.0: "housing_units",
                                                                                         11.0: "ragazze"}  # fmt: skip
    found = counts("Nelle due abitazioni di via Roma hanno vissuto finora 8 persone.")  # (not a mere placement:
    # "hanno vissuto in due abitazioni", test_dwellings_in_words.py)
    assert found == {2.0: "housing_units", 8.0: "people"}
    found = counts("Il tecnico descrive lo stato dei 4 alloggi di sgancio: da marzo vi sono stati accolti 13 giovani.")
    assert found[4.0] == "housing_units"


def test_the_whole_of_a_part_of_dwellings_where_persons_live_is_counted():
    found = counts("Risultano abitati 7 degli 8 appartamenti, con 21 persone ospitate.")
    assert found[8.0] == "housing_units"


def test_dwellings_without_an_article_or_without_anyone_living_there_are_not():
    assert 2.0 not in counts("Altre 9 persone sono ospitate in due appartamenti del centro.")
    assert 3.0 not in counts("Le tre case sono ancora in ristrutturazione.")
    assert 5.0 not in counts("La relazione ricorda i cinque alloggi sfitti del quartiere.")


def test_a_time_between_a_number_and_a_unit_breaks_the_count():
    # "the two years the flats": the number counts years, not the flats the persons lived in
    assert 2.0 not in counts("Over the two years the flats housed 31 people.")
