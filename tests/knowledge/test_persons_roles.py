"""Volunteers and staff trained are who their persons are: the area is theirs, not the area of what they did nor of
whom they served, unless the count is a part of them ("12 dei quali", "di cui 8"). Sentences invented here."""

from knowledge.attribution import figure_area
from knowledge.figures import figures
from lgnet.taxonomy import Taxonomy
from tests.knowledge.figure_text import areas_of

TAXONOMY = Taxonomy.default()


def _areas(sentence: str) -> dict[float, str | None]:
    found = figures(sentence)
    spans = [(f.start, f.end) for f in found]
    return {f.value: figure_area(sentence, f, TAXONOMY, spans)[1] for f in found}


def test_what_volunteers_did_is_not_volunteering():
    found = _areas("Il doposcuola di quartiere, animato da 14 studenti volontari nei locali della parrocchia, ha "
                   "seguito 63 bambini nell'anno scolastico.")  # fmt: skip
    assert found[14.0] == "civic_engagement"
    assert found[63.0] != "civic_engagement"
    found = _areas("Il coro, diretto da 6 musicisti volontari del paese, ha accolto 45 coristi.")
    assert found == {6.0: "civic_engagement", 45.0: None}


def test_a_part_of_the_volunteers_is_volunteers():
    found = _areas("Il centro diurno si regge su 28 volontari del paese, 11 dei quali sono richiedenti asilo.")
    assert found == {28.0: "civic_engagement", 11.0: "civic_engagement"}
    found = _areas("Il centro diurno si regge su 28 volontari del paese, di cui 11 richiedenti asilo.")
    assert found == {28.0: "civic_engagement", 11.0: "civic_engagement"}


def test_the_record_keeps_the_volunteers_apart_from_whom_they_served():
    found = areas_of("La scuola di italiano per adulti, tenuta da 19 insegnanti volontari nella sala del quartiere, "
                     "ha avuto 120 iscritti nel 2025.")  # fmt: skip
    assert found[19.0] == "civic_engagement"
    assert found[120.0] == "taking_charge"
