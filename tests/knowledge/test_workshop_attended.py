"""A bare workshop ("il laboratorio", "i laboratori") says nothing of the area of the persons who attend or enrol in
it, in the sentence's areas as in the count's own words; a workshop that says what it is a workshop of does.
Sentences invented here."""

from tests.knowledge.figure_text import areas_of


def test_persons_attending_a_bare_workshop_take_no_area_from_it():
    found = areas_of("Nel 2025 il laboratorio è stato frequentato da 34 ragazze di 9 paesi.")
    assert found[34.0] != "community_building"
    assert areas_of("Gli iscritti ai laboratori del centro sono stati 48.")[48.0] != "community_building"


def test_a_workshop_that_says_what_it_is_still_names_its_area():
    found = areas_of("Nel 2025 il laboratorio di cucina interculturale è stato frequentato da 34 ragazze.")
    assert found[34.0] == "community_building"
    # persons only involved, not attending: the sentence's area as before
    assert areas_of("I laboratori hanno coinvolto in tutto 52 persone.")[52.0] == "community_building"
