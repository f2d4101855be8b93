"""A count that points back to the count of the sentence before counts what that count counted; "in" and a number
as a verb's subject counts persons. Sentences invented for the mechanisms."""

from knowledge.figures import figures
from knowledge.records import Passage, RecordBuilder


def _figures(text: str) -> set[tuple[float, str]]:
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "report", "city": "Lucca", "chunk_index": 0})
    records, project = RecordBuilder(area_chooser=None).build("Lucca", None, [p], set())
    return {(f.value, f.unit) for r in [*records, project] for f in r.figures}


def test_a_pronoun_opening_a_sentence_stands_for_the_count_of_the_sentence_before():
    text = ("Allo sportello sono passati 140 nuclei familiari per colloqui e domande di contributo. "
            "Di questi, 38 sono stati presi in carico con un progetto personalizzato.")  # fmt: skip
    assert (38, "families") in _figures(text)  # households, not persons
    assert (38, "people") not in _figures(text)


def test_the_count_named_again_gives_its_unit():
    text = ("Between 2023 and 2025, 120 people were enrolled in the job pathway. "
            "Of the 120 enrolled, 75 completed it.")  # fmt: skip
    assert (75, "people") in _figures(text)
    assert not any(unit == "enrolled" for _, unit in _figures(text))


def test_a_count_with_its_own_noun_or_after_a_gap_keeps_its_unit():
    text = "Allo sportello sono passati 140 nuclei familiari. Di questi, 12 volontari hanno seguito le pratiche."
    assert (12, "families") not in _figures(text)


def test_in_and_a_number_as_subject_counts_persons():
    assert [(f.value, f.unit) for f in figures("In 43 sono riusciti a firmare un contratto regolare.")] == [
        (43, "people")]  # fmt: skip
    assert [(f.value, f.unit) for f in figures("Il servizio è attivo in 12 sedi.")] == [(12, "sedi")]
