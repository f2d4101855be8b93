"""The mechanisms that make figures hold on documents the rules have not read: list items as sentences,
averages versus allowances, what is taught and who is trained deciding a count's area. Sentences invented here."""

from knowledge import areas, money
from knowledge.records import Passage, RecordBuilder
from knowledge.sentences import sentences


def test_a_bulleted_item_is_a_sentence_of_its_own():
    text = ("Il centro apre tre giorni a settimana. • Nel primo anno ha accolto 52 persone. • L'obiettivo era "
            "raggiungerne 80.")  # fmt: skip
    found = [s.text for s in sentences(text)]
    assert found == ["Il centro apre tre giorni a settimana.", "• Nel primo anno ha accolto 52 persone.",
                     "• L'obiettivo era raggiungerne 80."]  # fmt: skip


def test_an_average_sum_is_a_figure_an_allowance_is_not():
    avg = "Le famiglie hanno ricevuto un contributo medio di 820 euro per il deposito."
    allowance = "Ogni volontario riceve un rimborso di 300 euro al mese per otto mesi."
    assert [money.average(avg, a) for a in money.amounts(avg)] == [True]
    assert [a.kind for a in money.amounts(allowance)] == ["unit"]
    assert [money.average(allowance, a) for a in money.amounts(allowance)] == [False]


def _areas_of(sentence: str) -> dict[float, str | None]:
    p = Passage("d:0", sentence, {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    found = {float(f.value): r.area for r in records for f in r.figures}
    found.update({float(f.value): None for f in project.figures})
    return found


def test_a_language_workshop_is_taking_charge_and_trained_teachers_capacity_building():
    assert _areas_of("Verranno aperti 6 laboratori di italiano L2 nelle scuole medie.") == {6.0: "taking_charge"}
    assert areas.trained_staff("Si formeranno 18 insegnanti sulla didattica inclusiva.", "insegnanti")
    assert _areas_of("Si formeranno 18 insegnanti sulla didattica inclusiva.") == {18.0: "capacity_building"}


def test_families_accompanied_to_enrolment_are_taken_charge_of():
    assert _areas_of("Sono state accompagnate 27 famiglie all'iscrizione scolastica dei figli.") == {
        27.0: "taking_charge"
    }
