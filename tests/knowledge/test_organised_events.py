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


def test_what_was_organised_is_counted_whatever_its_ending():
    assert (4.0, "grigliate") in _read("In estate i volontari hanno organizzato 4 grigliate al parco del fiume.")
    assert (5.0, "sfilate") in _read("Il gruppo ha organizzato finora 5 sfilate di abiti tradizionali.")
    # a participle after a number is no noun without a verb of organising before it
    assert _read("Delle domande del bando, 12 approvate.") == []


def test_what_was_organised_with_no_area_named_is_community_building():
    from tests.knowledge.figure_text import areas_of

    assert areas_of("La biblioteca ha organizzato da gennaio 9 pomeriggi di giochi da tavolo per tutte le età.") == {
        9.0: "community_building"}  # fmt: skip
    # ... unless it teaches the language
    assert areas_of("Sono stati organizzati 6 moduli di italiano per adulti.") == {6.0: "taking_charge"}
