"""The whole a clause opens with ("Dei 18 iscritti al primo corso di panificazione, 14 ...", "Of the 57 who
finished ..., 41 ..."): its parts count its noun whatever the words after it, persons after a relative "who" or an
English participle; the whole is a count of the document where its number is stated nowhere else in it (else it
points back to that count). Sentences invented for the mechanism."""

from knowledge.figures import figures


def _records(text: str, city: str = "Lecco") -> dict[float, list[str]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "press_article", "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    found: dict[float, list[str]] = {}
    for f in [*(f for r in records for f in r.figures), *project.figures]:
        found.setdefault(f.value, []).append(f.unit)
    return found


def test_the_parts_of_a_whole_with_a_long_qualifier_count_its_noun():
    found = {f.value: f.unit for f in figures(
        "Dei 24 iscritti al primo corso di panificazione, 17 hanno ottenuto l'attestato e 8 sono stati assunti da "
        "un forno del paese.")}  # fmt: skip
    assert found.get(17) == "iscritti" and found.get(8) == "iscritti"
    assert found.get(24) == "iscritti"


def test_the_whole_of_a_relative_clause_or_an_english_participle_counts_persons():
    found = {f.value: f.unit for f in figures("Of the 48 who started the welding course, 35 were hired by the yard.")}
    assert found.get(48) == "people" and found.get(35) == "people"
    found = {f.value: f.unit for f in figures("Of the 90 enrolled, 61 completed the course.")}
    assert found.get(90) == "people" and found.get(61) == "people"


def test_a_whole_stated_elsewhere_in_its_document_is_not_counted_again():
    found = _records(
        "Lo sportello del lavoro ha seguito 120 persone nel primo anno.\n\n"
        "Delle 120 persone seguite dallo sportello, 45 hanno trovato un lavoro."
    )
    assert len(found[120]) == 1 and 45 in found
    found = _records("Dei 24 iscritti al primo corso di panificazione, 17 hanno ottenuto l'attestato.")
    assert 24 in found and 17 in found
