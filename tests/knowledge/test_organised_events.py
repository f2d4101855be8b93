"""A clitic "ne" with a participle of organising or holding and no event named in its sentence counts events (the
sentence before named them). Sentences invented for the mechanism."""

from knowledge.figures import figures


def _read(sentence: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(sentence)]


def test_what_is_organised_or_held_is_events():
    assert _read("Dall'estate ne sono state organizzate 5, sempre nel cortile della scuola.") == [(5.0, "eventi")]
    assert _read("Quest'anno ne abbiamo tenute 3.") == [(3.0, "eventi")]


def test_another_participle_after_ne_says_nothing_of_events():
    assert _read("Ne sono stati ristrutturati 12 nel quartiere.") == []
    assert _read("Ne sono state assunte 6.") == []


def test_the_records_give_them_the_area_of_the_sentence_before():
    from knowledge.records import Passage, RecordBuilder

    text = "Il comitato propone di rifare le feste di cortile. Da maggio ne sono state organizzate 7."
    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "minutes", "city": "Lecco"})
    records, _ = RecordBuilder(area_chooser=None).build("Lecco", None, [passage], set())
    assert [(f.value, f.unit, r.area) for r in records for f in r.figures] == [(7.0, "eventi", "community_building")]
