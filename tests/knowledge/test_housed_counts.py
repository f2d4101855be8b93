"""People living in the housing a practice provides are housed, also when the sentence opens with a time adverb.
Sentences invented for the mechanism."""

from knowledge.figures import figures


def test_people_living_in_the_housing_provided_after_a_time_adverb_are_a_count():
    assert [(f.value, f.unit) for f in figures("Oggi negli alloggi vivono 19 persone.")] == [(19.0, "people")]
    assert figures("Oggi nelle case del quartiere vivono 4.200 persone.") == []  # the homes of a place: population


def test_living_there_is_housed_where_the_sentence_names_housing_else_a_population():
    text = "Da maggio ci vivono 14 persone, a cui sono riservati gli appartamenti del primo piano."
    assert [(f.value, f.unit) for f in figures(text)] == [(14.0, "people")]
    assert figures("Il borgo è piccolo: ci vivono 2.000 persone.") == []  # the place just named: a population


def test_people_who_lived_in_the_project_flats_are_housed():
    text = "Overall 27 people lived in the project flats at some point."
    assert [(f.value, f.unit) for f in figures(text)] == [(27.0, "people")]
    assert figures("About 5,000 people lived in the district.") == []


def test_persons_who_slept_in_the_practice_s_beds_are_housing_also_as_a_total():
    from tests.knowledge.figure_text import built

    found = built("Nelle due stagioni vi hanno dormito in tutto 150 persone diverse: 80 nel 2025 e 75 nel 2026.")
    assert (150, "housing") in found
    assert (41, "housing") in built("Dall'apertura ci hanno dormito in tutto 41 persone, quasi tutte operai.")
