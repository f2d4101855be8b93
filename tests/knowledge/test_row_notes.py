"""An indicator table's row is its whole line: the counts of its later cells of words (a "Note" column's comment, a
"Fonte di verifica" cell) are the row's remarks, no figures of their own (knowledge/table_counts.py,
`indicator_rows`). Tables invented for the mechanism."""

from tests.knowledge.figure_text import built


def test_a_count_in_a_workbook_row_s_note_is_no_figure():
    text = ("Indicatori\n"
            "Indicatore: Famiglie seguite dallo sportello; Obiettivo: 90; Totale dall'avvio: 74; "
            "Note: nuclei diversi: 12 seguite per due anni\n"
            "Indicatore: Operatori formati; Obiettivo: 20; Totale dall'avvio: 16; Note: due corsi\n")  # fmt: skip
    values = {v for v, _ in built(text, doc_type="report")}
    assert {90, 74, 16} <= values
    assert 12 not in values


def test_a_count_in_a_row_s_cell_of_verification_is_no_figure():
    text = ("Indicatore | Obiettivo | Fonte di verifica\n"
            "Ragazzi seguiti nei compiti | 45 | registro, almeno 25 presenze al mese\n"
            "Volontari attivi | 12 | elenco dei volontari\n")  # fmt: skip
    values = {v for v, _ in built(text, doc_type="project_sheet")}
    assert {45, 12} <= values
    assert 25 not in values
