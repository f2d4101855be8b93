"""Names in quotation marks (knowledge/quoted.py): a project's name describes nothing, a name right after a count
says what it counts. Sentences invented for the mechanism."""

from knowledge.figures import figures
from knowledge.quoted import unquote_counted, without_names


def _areas(text: str, city: str = "Lecco") -> dict[float, tuple[str, str | None]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "press_article", "city": city})
    records, project = RecordBuilder(area_chooser=None).build(city, None, [passage], set())
    return {f.value: (f.unit, r.area) for r in records for f in r.figures} | {
        f.value: (f.unit, None) for f in project.figures}  # fmt: skip


def test_both_keep_every_offset():
    text = "Il progetto «Case aperte» ha servito 3 «pranzi della domenica» in piazza."
    assert len(unquote_counted(text)) == len(text) == len(without_names(text))
    assert "Case aperte" not in without_names(text) and "pranzi della domenica" in without_names(text)
    # a name standing alone is the thing itself: its words say what it is
    assert "Festa dei vicini" in without_names("Abbiamo organizzato la «Festa dei vicini» con 200 persone.")


def test_a_name_right_after_a_count_says_what_it_counts():
    assert [(f.value, f.unit) for f in figures("In estate i ragazzi hanno servito 3 «pranzi della domenica».")] == [
        (3.0, "pranzi")]  # fmt: skip


def test_days_named_as_an_event_are_counted_and_a_span_of_days_is_not():
    assert [(f.value, f.unit) for f in figures("Il Comune ha promosso 5 giornate «Piazza di tutti» a luglio.")] == [
        (5.0, "giornate")]  # fmt: skip
    assert [(f.value, f.unit) for f in figures("Il museo ha ospitato 5 giornate di «Musei in festa».")] == [
        (5.0, "giornate")]  # fmt: skip
    assert figures("Il corso è durato 5 giornate.") == []


def test_a_project_s_name_gives_no_area_to_the_counts_of_its_sentence():
    found = _areas("Il progetto «Una casa per leggere» ha organizzato finora 11 incontri di poesia in biblioteca.")
    assert found[11] == ("incontri", "community_building")  # not housing: the words of a name describe nothing (what
    # was organised is events: test_organised_events.py)
    found = _areas("Il progetto «Una casa per leggere» ha trovato un alloggio a 7 famiglie.")
    assert found[7] == ("families", "housing")  # the sentence's own words still say it
    found = _areas("La rete ha organizzato la «Cena delle comunità» al parco: in tutto 250 partecipanti.")
    assert found[250][1] == "community_building"  # a name standing alone is the thing itself
