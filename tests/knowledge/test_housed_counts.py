"""People living in the housing a practice provides are housed, also when the sentence opens with a time adverb.
Sentences invented for the mechanism."""

from knowledge.figures import figures


def test_people_living_in_the_housing_provided_after_a_time_adverb_are_a_count():
    assert [(f.value, f.unit) for f in figures("Oggi negli alloggi vivono 19 persone.")] == [(19.0, "people")]
    assert figures("Oggi nelle case del quartiere vivono 4.200 persone.") == []  # the homes of a place: population
