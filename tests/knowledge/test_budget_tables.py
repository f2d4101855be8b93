"""A budget's table read by its rows and columns: its total row and the Comune's column or row."""

from knowledge.budget_tables import budget_rows
from knowledge.records import Passage, RecordBuilder


def budget(text: str) -> tuple[float | None, float | None]:
    _, project = RecordBuilder().build("Lucca", None, [Passage("d:000", text, {"doc_id": "d", "city": "Lucca"})], set())
    b = project.budget
    return (b.total.value if b.total else None, b.cofinancing.value if b.cofinancing else None)


def test_a_flattened_table_s_total_row_gives_the_total_and_the_comune_s_column_its_share():
    # a word processor's table flattened into one paragraph: the header's last cell runs into the first line
    text = ("5. Piano finanziario\n\nVoce di spesa | Contributo della Fondazione | Quota Comune | Totale "
            "Operatori | 40.000,00 | 4.000,00 | 44.000,00 Affitto della sede | 10.000,00 | 2.000,00 | 12.000,00 "
            "Totale | 50.000,00 | 6.000,00 | 56.000,00\n\nLa quota del Comune viene dal bilancio 2026.")  # fmt: skip
    assert budget(text) == (56000, 6000)


def test_a_workbook_s_rows_of_sources_give_the_share_and_the_total_never_what_was_spent():
    text = ("Risorse\n\nVoce: Contributo del Ministero; Euro: 90000 Voce: Quota a carico del Comune "
            "(cofinanziamento); Euro: 10000 Voce: Totale del progetto; Euro: 100000 Voce: Spesa certificata al "
            "30/06/2025; Euro: 64000")  # fmt: skip
    assert budget(text) == (100000, 10000)
    kinds = {a.value: a.kind for _, a in budget_rows(text)}
    assert kinds == {90000: "funded", 10000: "cofinancing", 100000: "total", 64000: "spent"}
