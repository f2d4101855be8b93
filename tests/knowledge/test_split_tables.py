"""A table cut by a passage boundary (knowledge/split_tables.py): its header in one passage, more rows in the next.
Tables invented for the mechanism."""

from knowledge.records import Passage, RecordBuilder
from knowledge.split_tables import carried_header

_HEADER = "Indicatore | Situazione iniziale | Valore atteso al termine | Come si verifica"
_FIRST = (f"Scheda del progetto\n\n5. Risultati che ci aspettiamo\n\n{_HEADER}\n\n"
          "Ragazzi iscritti al doposcuola | 0 | 45 | registro\n")  # fmt: skip
_NEXT = ("Famiglie che trovano un alloggio in affitto | 2 | 14 | contratti\n\n"
         "Volontari del quartiere attivi | – | 25 | registro dei volontari\n\n"
         "Ci piacerebbe anche aprire una biblioteca di strada.\n")  # fmt: skip


def _values(*texts: str) -> dict[float, str]:
    passages = [Passage(f"s:{i}", t, {"doc_id": "s", "doc_type": "project_sheet", "city": "Lecco", "chunk_index": i})
                for i, t in enumerate(texts)]  # fmt: skip
    records, project = RecordBuilder().build("Lecco", None, passages, set())
    return {float(f.value): f.label for r in records for f in r.figures} | {
        float(f.value): f.label for f in project.figures}  # fmt: skip


def test_the_rows_a_passage_opens_with_go_on_the_table_its_previous_passage_ends_with():
    assert carried_header(_FIRST, _NEXT) == _HEADER


def test_rows_with_a_header_of_their_own_or_another_width_carry_nothing():
    assert carried_header(_FIRST, "Voce | Quanti | Note\n\nCene | 4 | in cortile\n") == ""
    assert carried_header(_FIRST, "Famiglie in affitto | 14\n") == ""
    assert carried_header("Un paragrafo senza tabelle.\n", _NEXT) == ""


def test_the_targets_of_the_rows_after_the_cut_are_read_under_the_carried_header_and_the_baseline_is_not():
    found = _values(_FIRST, _NEXT)
    assert {45, 14, 25} <= set(found)
    assert all("obiettivo" in found[v] for v in (14, 25))
    assert 2 not in found  # the starting situation is never a figure


def test_a_passage_of_another_document_or_not_the_next_one_carries_no_header():
    passages = [
        Passage("a:0", _FIRST, {"doc_id": "a", "doc_type": "project_sheet", "city": "Lecco", "chunk_index": 0}),
        Passage("b:1", _NEXT, {"doc_id": "b", "doc_type": "project_sheet", "city": "Lecco", "chunk_index": 1}),
    ]
    records, project = RecordBuilder().build("Lecco", None, passages, set())
    values = {float(f.value) for r in records for f in r.figures} | {float(f.value) for f in project.figures}
    assert 14 not in values and 25 not in values
