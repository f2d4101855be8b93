"""The area of a count by what it counts, when the taxonomy's service terms are not in its sentence.
Sentences invented for the mechanism."""

import pytest

from knowledge.areas import cue_area, trained_staff
from knowledge.records import RecordBuilder


def area_of(sentence: str, words: str) -> str | None:
    start = sentence.index(words)
    return cue_area(sentence, start, start + len(words))


@pytest.mark.parametrize(
    ("sentence", "words", "area"),
    [
        ("Gli operatori hanno aperto 64 fascicoli personali nel primo semestre.", "64 fascicoli", "taking_charge"),
        ("The team opened 90 case files and followed each one.", "90 case", "taking_charge"),
        ("Il medico volontario ha effettuato 210 visite mediche nel camper.", "210 visite", "taking_charge"),
        ("Al corso serale di italiano si sono iscritti 75 adulti.", "75 adulti", "taking_charge"),
        ("Alle elezioni della consulta hanno votato 300 persone.", "300 persone", "civic_engagement"),
        ("La festa di quartiere ha richiamato 1.500 visitatori, e le cene 40 famiglie.", "40 famiglie",
         "community_building"),
        ("Vi abitano oggi 12 persone, in stanze singole.", "12 persone", "housing"),
        ("Il portale ha registrato 400 visite.", "400 visite", None),
    ],
)  # fmt: skip
def test_what_is_counted_names_the_area(sentence, words, area):
    assert area_of(sentence, words) == area


def test_staff_being_trained_are_capacity_building():
    assert trained_staff("Hanno frequentato il corso 35 educatori dei centri diurni.", "educatori")
    assert trained_staff("Saranno formati 20 mediatori sanitari sull'approccio transculturale.", "mediatori sanitari")
    assert not trained_staff("Lo sportello impiega 6 operatori.", "operatori")
    builder = RecordBuilder()
    records, _ = builder.build("Padova", None, [_passage("Sono stati formati 25 operatori sanitari del consultorio.")],
                               set())  # fmt: skip
    assert [(r.area, [f.value for f in r.figures]) for r in records if r.figures] == [("capacity_building", [25])]


def _passage(text: str):
    from knowledge.records import Passage

    return Passage("doc:0", text, {"doc_id": "doc", "doc_type": "report", "city": "Padova"})
