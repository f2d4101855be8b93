"""Tables flattened into a passage, read a sentence per row and value. Tables invented for the mechanism."""

from knowledge.mentions import periods
from knowledge.tables import table_sentences


def test_a_word_processor_table_without_header():
    text = "Durata e risorse\n\nData di inizio | 01/03/2024 Data di fine | 28/02/2026 Costo totale | € 90.000,00\n"
    rows = table_sentences(text)
    assert [r.text for r in rows] == ["Data di inizio: 01/03/2024.", "Data di fine: 28/02/2026.",
                                      "Costo totale: € 90.000,00."]  # fmt: skip
    assert text[rows[0].start : rows[0].end] == "Data di inizio | 01/03/2024"
    found = [m for r in rows for m in periods(r.text)]
    assert [(m.code, m.text) for m in found] == [("start", "2024-03-01"), ("end", "2026-02-28")]


def test_a_word_processor_table_with_header_and_two_value_columns():
    text = "Indicatore | Atteso | Raggiunto al 30/06/2025 Famiglie accolte | 20 | 14 Operatori formati | 30 | 22"
    assert [r.text for r in table_sentences(text)] == [
        "Famiglie accolte: 20.", "Famiglie accolte: 14.", "Operatori formati: 30.", "Operatori formati: 22."
    ]  # fmt: skip


def test_a_markdown_table_and_cells_of_words():
    text = "| Voce | Valore | |---|---| | Data di avvio | 15/09/2023 | | Note | Nessuna criticità |"
    assert [r.text for r in table_sentences(text)] == ["Data di avvio: 15/09/2023."]
    assert table_sentences("Nessuna tabella qui, solo testo.") == []


def test_a_records_period_from_its_project_sheets_table():
    from knowledge.records import Passage, RecordBuilder

    text = "Scheda progetto\n\nData di inizio | 01/03/2024 Data di fine | 28/02/2026\n\nIl progetto apre uno sportello."
    passage = Passage("s:0", text, {"doc_id": "s", "doc_type": "project_sheet", "city": "Padova"})
    _, project = RecordBuilder().build("Padova", None, [passage], set())
    assert (project.period.start, project.period.end) == ("2024-03-01", "2026-02-28")
