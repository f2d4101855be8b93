"""The municipality's share and the project's dates in shapes the rules had not read: a list of shares whose verb is
said once, the sum before whose it is ("... e i restanti 30.000 il Comune di X, che ..."); the municipality's share
covered with its own fund ("la quota del Comune, 40.000 euro, è coperta con il fondo comunale per ..."); the start of
the activities in the plural ("con avvio delle attività il 1° marzo 2025"); a date in a clause naming the Provincia
autonoma di Trento, a province and no comune. Texts invented here."""

from knowledge.mentions import Mention, periods
from knowledge.money import amounts
from knowledge.records import Passage, RecordBuilder


def _kinds(sentence: str) -> dict[float, str]:
    return {a.value: a.kind for a in amounts(sentence)}


def test_the_municipality_named_after_its_sum_in_a_list_of_shares():
    sentence = ("Il laboratorio costa 150.000 euro: 100.000 li mette la Regione, 20.000 un gruppo di imprese e i "
                "restanti 30.000 il Comune di Pontelungo, che li ha presi dal bilancio del sociale.")  # fmt: skip
    assert _kinds(sentence)[30_000] == "cofinancing"
    # another body named after its sum is no municipality
    assert _kinds("Il laboratorio costa 150.000 euro: 120.000 li mette la Regione, i restanti 30.000 la Fondazione "
                  "Alfa.").get(30_000) != "cofinancing"  # fmt: skip


def test_the_municipality_s_share_covered_with_its_own_fund():
    sentence = ("Il costo complessivo è di 200.000 euro: la Regione ne finanzia 160.000 e la quota del Comune, 40.000 "
                "euro, è coperta con il fondo comunale per l'affitto.")  # fmt: skip
    assert _kinds(sentence) == {200_000: "total", 160_000: "funded", 40_000: "cofinancing"}


def test_the_start_and_end_of_the_activities():
    assert periods("Il progetto, approvato con delibera del 3 febbraio 2025, prevede l'avvio delle attività il 1° "
                   "marzo 2025 e la conclusione il 28 febbraio 2026.") == [
        Mention("start", "2025-03-01"), Mention("end", "2026-02-28")]  # fmt: skip


def test_a_date_in_a_clause_about_the_autonomous_province_is_the_project_s():
    text = ("Il progetto del Comune di Pergine Valsugana è partito a marzo 2025 e la convenzione con la Provincia "
            "autonoma di Trento copre le attività fino a febbraio 2027.")  # fmt: skip
    meta = {"doc_id": "d", "city": "Pergine Valsugana"}
    _, project = RecordBuilder().build("Pergine Valsugana", None, [Passage("d:000", text, meta)], set())
    assert (project.period.start, project.period.end) == ("2025-03", "2027-02")
