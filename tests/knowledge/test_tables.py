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


# --- a table's columns and the record's figures (tables built here) -------------------------------------------
def test_a_table_a_line_per_row_keeps_its_column_headers_and_cells_of_words():
    from pathlib import Path

    from ingest.readers.html_reader import read_html

    html = ("<h2>Indicatori</h2><table><tr><th>Indicatore</th><th>Area</th><th>Obiettivo</th><th>Risultato</th></tr>"
            "<tr><td>Persone accolte</td><td>abitare</td><td>60</td><td>67</td></tr>"
            "<tr><td>Operatori formati</td><td>formazione</td><td>20</td><td>26</td></tr></table>")  # fmt: skip
    text = read_html(Path("t.html"), html.encode()).text  # an HTML table as its reader writes it: a line per row
    rows = table_sentences(text)
    assert [(r.label, r.value, r.column, r.words) for r in rows] == [
        ("Persone accolte", "60", "Obiettivo", ("abitare",)),
        ("Persone accolte", "67", "Risultato", ("abitare",)),
        ("Operatori formati", "20", "Obiettivo", ("formazione",)),
        ("Operatori formati", "26", "Risultato", ("formazione",)),
    ]
    assert text[rows[1].start : rows[1].end].endswith("67")
    # a spreadsheet's or a ruled PDF table's rows, "header: value" pairs (ingest.tables.format_row)
    pairs = table_sentences("Indicatore: Famiglie accolte; Obiettivo: 12; Risultato: 14\n"
                            "Indicatore: Eventi; Risultato: 8")  # fmt: skip
    assert [(r.label, r.value, r.column) for r in pairs] == [
        ("Famiglie accolte", "12", "Obiettivo"), ("Famiglie accolte", "14", "Risultato"), ("Eventi", "8", "Risultato")
    ]  # fmt: skip
    md = table_sentences("| Indicatore | Valore di partenza | Obiettivo 2026 | |---|---|---| "
                         "| Minori accompagnati | 0 | 80 |")  # fmt: skip
    assert [(r.value, r.column) for r in md] == [("0", "Valore di partenza"), ("80", "Obiettivo 2026")]


def _figures(text: str, city: str = "Lecco", doc_type: str = "report") -> dict[tuple[float, str | None], str]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": doc_type, "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    found = {(f.value, r.area): f.label for r in records for f in r.figures}
    return found | {(f.value, None): f.label for f in project.figures}


def test_a_report_s_indicator_table_gives_results_and_labelled_targets_never_baselines():
    text = ("Relazione finale del progetto Radici\n\n"
            "Il progetto si è svolto dal 01/01/2024 al 31/12/2025 nel centro storico.\n\n"
            "Indicatore | Valore di partenza | Obiettivo | Risultato Cittadini di paesi terzi presi in carico dallo "
            "sportello | 12 | 60 | 67 Famiglie accompagnate nella ricerca di una casa in affitto | 3 | 12 | 14 "
            "Operatori comunali formati | 0 | 20 | 26\n")  # fmt: skip
    found = _figures(text)
    assert (67, "taking_charge") in found and (14, "housing") in found
    assert "obiettivo" in found[(60, "taking_charge")] and "obiettivo" in found[(12, "housing")]
    assert "obiettivo" not in found[(67, "taking_charge")]
    assert not any(v in (3, 0) for v, _ in found)  # the baseline column
    assert {v for v, _ in found} >= {26, 20}


def test_a_count_the_text_states_is_not_restated_from_its_table():
    text = ("Rapporto di monitoraggio\n\n"
            "Nel semestre sono stati formati 28 operatori dei servizi sociali.\n\n"
            "Indicatore | Obiettivo | Risultato al 30/06/2025 Operatori formati | 40 | 28 Nuove prese in carico "
            "allo sportello | 500 | 398\n")  # fmt: skip
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "report", "city": "Lecco"})
    records, project = RecordBuilder().build("Lecco", None, [passage], set())
    values = [f.value for r in records for f in r.figures] + [f.value for f in project.figures]
    assert values.count(28) == 1 and 40 in values  # the text's 28 once; the table's target it never states
    # "Nuove prese in carico" count persons taken in charge, in that area; the row is not read again as a sentence
    assert [(r.area, f.unit) for r in records for f in r.figures if f.value == 398] == [("taking_charge", "people")]
    assert not any(f.unit.startswith("prese") for r in records for f in r.figures)


def test_a_cumulative_column_is_read_and_a_quarter_s_is_not_and_the_area_column_decides():
    text = ("Rapporto trimestrale\n\n"
            "| Indicatore | Area | Obiettivo 2024-2026 | III trim. 2025 | Cumulato al 30/09/2025 | "
            "|---|---|---|---|---| | Persone accolte nella casa | abitare | 180 | 29 | 141 | "
            "| Incontri di condominio | comunità | 24 | 3 | 17 |\n")  # fmt: skip
    found = _figures(text)
    assert (141, "housing") in found and (17, "community_building") in found
    assert (180, "housing") in found and "obiettivo" in found[(180, "housing")]
    assert not any(v in (29, 3) for v, _ in found)


TABLE = [["Indicatore", "Area", "Obiettivo", "Risultato"], ["Persone accolte", "abitare", 60, 67],
         ["Operatori formati", "formazione", 20, 26]]  # fmt: skip


def _xlsx(path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Indicatori"
    for row in TABLE:
        sheet.append(row)
    book.save(path)


def _docx(path):
    import docx

    document = docx.Document()
    document.add_paragraph("Relazione finale del progetto: gli indicatori.")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for i, row in enumerate(TABLE):
        for j, value in enumerate(row):
            table.cell(i, j).text = str(value)
    document.save(path)


def _odt(path):
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Relazione finale del progetto: gli indicatori."))
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=len(TABLE[0])))
    for row in TABLE:
        line = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=str(value)))
            line.addElement(cell)
        table.addElement(line)
    document.text.addElement(table)
    document.save(str(path))


def _html(path):
    cells = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in TABLE)
    path.write_text(f"<html><body><p>Relazione finale del progetto: gli indicatori.</p><table>{cells}</table>"
                    "</body></html>", encoding="utf-8")  # fmt: skip


def test_a_table_as_each_reader_writes_it_into_a_passage_gives_the_same_figures(tmp_path):
    from ingest.documents import display_text
    from ingest.readers import read_file

    for suffix, write in ((".xlsx", _xlsx), (".docx", _docx), (".odt", _odt), (".html", _html)):
        path = tmp_path / f"indicatori{suffix}"
        write(path)
        text = display_text(read_file(path, 10**7).text)  # what a passage of it holds
        found = _figures(text)
        assert {(v, a) for v, a in found} == {(67, "housing"), (60, "housing"), (26, "capacity_building"),
                                              (20, "capacity_building")}, (suffix, text)  # fmt: skip
        assert "obiettivo" in found[(60, "housing")] and "obiettivo" not in found[(67, "housing")], suffix


def test_a_pdf_table_without_rules_read_by_its_named_columns_before_and_after():
    text = ("Rapporto di valutazione\n\n"
            "La tabella confronta la situazione prima e dopo il progetto. Indicatore Prima (2022) Dopo (marzo 2025) "
            "Persone che dormono all'aperto 180 65 Tempo medio per un primo colloquio 9 giorni 2 giorni Posti letto "
            "nell'accoglienza notturna 0 24 Nei due anni lo sportello ha preso in carico 1.270 persone.\n")  # fmt: skip
    rows = table_sentences(text)
    assert [(r.label, r.value, r.column) for r in rows][-2:] == [
        ("Posti letto nell'accoglienza notturna", "0", "Prima (2022)"),
        ("Posti letto nell'accoglienza notturna", "24", "Dopo (marzo 2025)"),
    ]
    found = {v for v, _ in _figures(text)}
    assert {24, 65, 1270} <= found  # the after values, and the text's own count after the table
    assert not found & {180, 9, 0}  # the before values, never read again as a sentence's counts


def test_columns_are_told_by_their_headers_in_both_languages_and_budget_columns_are_never_counts():
    from knowledge.table_counts import column_kind

    assert [column_kind(h) for h in ("Valore di partenza al 01/01/2024", "Obiettivo al 31/12/2026",
                                     "Valore al 30/06/2025", "III trim. 2025", "Spesa al 31/12/2024",
                                     "Importo previsto", "Planned", "Achieved", "Area")] == [
        "baseline", "target", "result", None, None, None, "target", "result", None]  # fmt: skip
    text = ("Progress report\n\n"
            "| Indicator | Baseline | Target | Achieved as of June 2025 | |---|---|---|---| "
            "| People welcomed at the desk | 40 | 400 | 412 | | Staff trained | 3 | 60 | 61 |\n\n"
            "| Voce | Preventivo | Spesa al 31/12/2024 | |---|---|---| | Personale | 120.000 | 87.340 |\n")  # fmt: skip
    found = _figures(text)
    values = {v for v, _ in found}
    assert {412, 400, 61, 60} <= values and not values & {40, 3, 120000, 87340}
    label = next(label for (v, _), label in found.items() if v == 412)
    assert "june 2025" in label.lower()  # a result at a date says when it was counted


def test_a_column_numbering_the_rows_is_not_their_label():
    html = ("<table><caption>Tabella 2</caption><thead><tr><th>N.</th><th>Indicatore</th><th>Target 2025</th>"
            "<th>Valore raggiunto</th></tr></thead><tbody><tr><td>1</td><th>Persone orientate al lavoro</th>"
            "<td>120</td><td>134</td></tr><tr><td>2</td><th>Eventi di quartiere</th><td>6</td><td>8</td></tr>"
            "</tbody></table>")  # fmt: skip
    from pathlib import Path

    from ingest.readers.html_reader import read_html

    for text in (read_html(Path("t.html"), html.encode()).text,
                 "| N. | Indicatore | Obiettivo | Risultato | |---|---|---|---| | 1 | Persone accolte | 120 | 134 | "
                 "| 2 | Eventi di quartiere | 6 | 8 |"):  # fmt: skip
        rows = table_sentences(text)
        assert [(r.value, r.column.split()[0]) for r in rows if r.label.startswith("Eventi")] == [
            ("6", rows[0].column.split()[0]), ("8", rows[1].column.split()[0])]  # fmt: skip
        assert len(rows) == 4 and not any(r.label in ("1", "2") for r in rows)


def test_a_table_whose_rows_are_labelled_by_their_indicator_column_and_a_part_of_the_row_before(tmp_path):
    # "Servizio | Indicatore | Risultato": the indicator names what is counted, the service is a cell of words; a
    # "di cui" row counts a part of the row before, in its unit
    import docx

    from ingest.documents import display_text
    from ingest.readers import read_file

    rows = [["Servizio", "Indicatore", "Risultato al 31/12/2023"],
            ["Sportello di via Verdi", "persone prese in carico", "820"],
            ["Sportello di via Verdi", "di cui accompagnate all'iscrizione anagrafica", "214"],
            ["Alloggi ponte", "famiglie accolte negli alloggi", "19"],
            ["Volontariato", "persone coinvolte in attività di volontariato", "57"]]  # fmt: skip
    document = docx.Document()
    document.add_paragraph("Rendiconto finale delle attività del progetto.")
    table = document.add_table(rows=len(rows), cols=3)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.save(tmp_path / "rendiconto.docx")
    text = display_text(read_file(tmp_path / "rendiconto.docx", 10**7).text)
    sentences = table_sentences(text)
    assert [(r.label, r.value) for r in sentences] == [
        ("persone prese in carico", "820"), ("di cui accompagnate all'iscrizione anagrafica", "214"),
        ("famiglie accolte negli alloggi", "19"), ("persone coinvolte in attività di volontariato", "57")]  # fmt: skip
    assert sentences[0].words == ("Sportello di via Verdi",)
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "report", "city": "Lecco"})
    records, project = RecordBuilder().build("Lecco", None, [passage], set())
    found = {(f.value, f.unit, r.area) for r in records for f in r.figures}
    assert {(820, "people", "taking_charge"), (214, "people", "taking_charge"), (19, "families", "housing"),
            (57, "people", "civic_engagement")} <= found, found  # fmt: skip


def test_a_word_processor_table_with_counts_in_words_in_its_cells_and_columns_named_by_years():
    # "540 persone prese in carico" in a results cell says what it counts, up to the next row's capitalised label;
    # "2024 | 2025 | Totale" name the columns, the total is the figure
    from knowledge.records import Passage, RecordBuilder

    def found(text: str) -> set[tuple[float, str, str | None]]:
        passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "report", "city": "Lecco"})
        records, project = RecordBuilder().build("Lecco", None, [passage], set())
        return {(f.value, f.unit, r.area) for r in records for f in r.figures} | {
            (f.value, f.unit, None) for f in project.figures}  # fmt: skip

    text = ("Relazione finale.\n\nAzione | Risultati raggiunti Sportello di quartiere | 385 persone prese in carico "
            "Alloggi ponte | 14 nuclei accolti\n\nIl Comune ringrazia i partner.")  # fmt: skip
    assert found(text) >= {(385, "people", "taking_charge"), (14, "families", "housing")}
    text = ("Relazione finale.\n\nIndicatore | Obiettivo | Risultato Persone orientate al lavoro | 90 persone | "
            "104 persone Corsi di italiano attivati | 3 corsi | 4 corsi\n\nFine.")  # fmt: skip
    values = found(text)
    assert (104, "people", "taking_charge") in values and (4, "corsi", "taking_charge") in values
    text = ("Relazione finale.\n\nIndicatore | 2024 | 2025 | Totale Persone prese in carico | 150 | 170 | 320 "
            "Famiglie in alloggio | 9 | 12 | 21\n\nFine.")  # fmt: skip
    values = {(v, a) for v, _, a in found(text)}
    assert {(320, "taking_charge"), (21, "housing")} <= values and not values & {(150, "taking_charge")}


def test_an_english_pdf_table_without_rules_read_by_its_target_and_achieved_columns():
    # an English report's table in a PDF's text layer: "Indicator Target Achieved", a numbered heading after it
    text = ("Final report\n\n"
            "3. Results The desk took in 412 people. 4. Indicators Indicator Target Achieved People welcomed at the "
            "night shelter 300 341 Volunteer mentors trained 25 31 Young people hosted in training flats 12 14 "
            "5. Lessons learned\n")  # fmt: skip
    rows = table_sentences(text)
    assert [(r.label, r.value, r.column) for r in rows][-2:] == [
        ("Young people hosted in training flats", "12", "Target"),
        ("Young people hosted in training flats", "14", "Achieved"),
    ]
    found = _figures(text)
    assert {300, 341, 25, 31, 12, 14, 412} <= {v for v, _ in found}
    assert any(v == 25 and "obiettivo" in label for (v, _), label in found.items())  # a target labelled so


def test_a_flattened_table_whose_last_column_is_words_runs_each_row_s_last_cell_into_the_next_label():
    text = ("Indicatore | Valore atteso | Fonte Persone iscritte al corso di cucina | 30 persone | registri "
            "Assunzioni a tempo determinato | 8 | contratti firmati Feste di quartiere | 3 eventi | foto")  # fmt: skip
    rows = [(r.label, r.value, r.column, r.words) for r in table_sentences(text)]
    assert rows == [("Persone iscritte al corso di cucina", "30 persone", "Valore atteso", ("registri",)),
                    ("Assunzioni a tempo determinato", "8", "Valore atteso", ("contratti firmati",)),
                    ("Feste di quartiere", "3 eventi", "Valore atteso", ("foto",))]  # fmt: skip


def test_a_row_s_count_takes_the_area_its_own_words_name_before_another_cell_s():
    # the objective a row serves names one area, what the row counts another: the count's own words decide
    text = ("Scheda progetto\n\n"
            "| Obiettivo specifico | Indicatore | Valore atteso a dicembre 2027 | "
            "|---|---|---| | Coinvolgere la comunità locale | Volontari attivi nella biblioteca | 15 | "
            "| Coinvolgere la comunità locale | Feste di quartiere organizzate | 3 |\n")  # fmt: skip
    found = _figures(text)
    assert (15, "civic_engagement") in found and (15, "community_building") not in found


def test_a_pdf_table_without_rules_with_a_column_per_period_beside_its_target_and_cumulative():
    # a column per year or semester beside the target and the cumulative: the cumulative is the result, the
    # periods are its parts (no figure), the target a target
    for text in ("Monitoring Indicator Target Year 1 (Jan–Dec 2024) Year 2 (Jan–Dec 2025) Cumulative at 31 Dec 2025 "
                 "Tenants supported by the agency 120 58 77 135 Landlords who signed a lease 40 12 19 31\n",
                 "Monitoraggio Indicatore Obiettivo I semestre II semestre Cumulato al 31/12/2025 Persone accolte "
                 "nella casa 120 58 77 135 Proprietari che hanno firmato un contratto 40 12 19 31\n"):  # fmt: skip
        rows = table_sentences(text)
        assert [(r.value, r.column.split()[0]) for r in rows][:4] == [
            ("120", text.split()[2]), ("58", rows[1].column.split()[0]), ("77", rows[2].column.split()[0]),
            ("135", rows[3].column.split()[0])]  # fmt: skip
        values = {v for v, _ in _figures(text)}
        assert {120, 135, 40, 31} <= values and not values & {58, 77, 12, 19}, text
