"""Tables a passage keeps a row a line (ingest.display): a word processor's target grid, a markdown table, a
long-format export (a row per indicator, period and kind of value), a partnership table of three columns. Tables
invented for the mechanism."""

from knowledge.partner_lists import partnership
from knowledge.tables import table_sentences


def _figures(text: str, city: str = "Lecco", doc_type: str = "project_sheet") -> dict[float, tuple[str, str | None]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": doc_type, "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    return {f.value: (f.label, f.unit) for r in records for f in r.figures} | {
        f.value: (f.label, f.unit) for f in project.figures}  # fmt: skip


def test_a_target_grid_whose_indicator_is_its_second_column_and_whose_last_column_is_words():
    text = ("Scheda progetto\n\n4. Risultati attesi\n\n"
            "Risultato atteso | Indicatore | Valore obiettivo | Verifica\n"
            "I ragazzi studiano | ragazzi iscritti al doposcuola | 45 | registri\n"
            "I ragazzi studiano | ragazzi promossi | 38 | pagelle\n"
            "Le famiglie partecipano | genitori agli incontri | 60 | fogli firma\n")  # fmt: skip
    from ingest.documents import display_text

    text = display_text(text)  # what a passage of it holds
    rows = table_sentences(text)
    assert [(r.label, r.value, r.column) for r in rows] == [
        ("ragazzi iscritti al doposcuola", "45", "Valore obiettivo"), ("ragazzi promossi", "38", "Valore obiettivo"),
        ("genitori agli incontri", "60", "Valore obiettivo")]  # fmt: skip
    found = _figures(text)
    assert {45, 38, 60} <= set(found) and all("obiettivo" in found[v][0] for v in (45, 38, 60))


def test_a_markdown_table_a_line_per_row():
    text = ("| Indicatore | Obiettivo 2026 | Risultato al 30/06/2025 |\n| --- | --- | --- |\n"
            "| Persone accolte | 40 | 31 |\n| Operatori formati | 20 | 22 |\n")  # fmt: skip
    assert [(r.label, r.value, r.column) for r in table_sentences(text)] == [
        ("Persone accolte", "40", "Obiettivo 2026"),
        ("Persone accolte", "31", "Risultato al 30/06/2025"),
        ("Operatori formati", "20", "Obiettivo 2026"),
        ("Operatori formati", "22", "Risultato al 30/06/2025"),
    ]


def test_a_long_format_export_reads_each_value_by_the_kind_its_row_names_and_leaves_out_a_period_s_parts():
    rows = [("Accoglienza", "Persone accolte nel dormitorio", "intero progetto", "Target", "120"),
            ("Accoglienza", "Persone accolte nel dormitorio", "2023", "Risultato", "70"),
            ("Accoglienza", "Persone accolte nel dormitorio", "2024", "Risultato", "81"),
            ("Accoglienza", "Persone accolte nel dormitorio", "intero progetto", "Risultato", "132"),
            ("Lavoro", "Tirocini avviati", "2024", "Risultato", "9")]  # fmt: skip
    text = "Indicatori\n\n" + "\n".join(
        f"Area: {a}; Indicatore: {i}; Periodo: {p}; Tipo di valore: {k}; Valore: {v}" for a, i, p, k, v in rows
    )
    read = [(r.label, r.value, r.column, r.words) for r in table_sentences(text)]
    assert read == [
        ("Persone accolte nel dormitorio", "120", "Target", ("Accoglienza",)),
        ("Persone accolte nel dormitorio", "132", "Risultato", ("Accoglienza",)),
        ("Tirocini avviati", "9", "Risultato (2024)", ("Lavoro",)),  # counted only by parts: the part, named
    ]
    found = _figures(text, doc_type="report")
    assert found[132][1] == "people" and "obiettivo" in found[120][0] and "obiettivo" not in found[132][0]
    assert not {70, 81} & set(found)


def test_a_partnership_table_of_three_columns_a_row_a_line():
    text = ("3. Partenariato\n\nSoggetto | Ruolo | Impegno\n"
            "Cooperativa sociale La Quercia | partner | gestione del centro\n"
            "Associazione Il Ponte APS | partner | volontari\n\nIl progetto dura due anni.")  # fmt: skip
    assert sorted(p.name for p in partnership(text)) == ["Associazione Il Ponte APS", "Cooperativa sociale La Quercia"]
    # an ODT's table: a paragraph a row, a blank line between rows
    odt = text.replace(" | volontari\n", " | volontari\n\n").replace("Impegno\n", "Impegno\n\n")
    odt = odt.replace("gestione del centro\n", "gestione del centro\n\n")
    assert sorted(p.name for p in partnership(odt)) == ["Associazione Il Ponte APS", "Cooperativa sociale La Quercia"]


def test_a_column_that_only_says_it_holds_the_values_holds_what_was_counted():
    from knowledge.unit_table import reading_key as unit_key  # the rules' reading of units

    for text in ("Risultati\n\nIndicatore | Valore\nPersone accolte nel dormitorio | 120\nAlloggi attivati | 12\n",
                 "Risultati\n\nIndicatore: Persone accolte nel dormitorio; Valore: 120\n"
                 "Indicatore: Alloggi attivati; Valore: 12\n",
                 "Attività svolte\n\nAttività | N.\nPersone accolte nel dormitorio | 120\n"
                 "Alloggi attivati | 12\n"):  # fmt: skip
        found = _figures(text, doc_type="report")
        assert {(v, unit_key(u)) for v, (_, u) in found.items()} == {(120, "people"), (12, "housing_units")}, text


def test_a_long_format_table_a_line_per_row_and_one_with_a_period_column_and_no_kind():
    grid = ("Monitoraggio\n\nIndicatore | Periodo | Tipo | Valore\n"
            "Persone accolte | intero progetto | Target | 100\nPersone accolte | 2024 | Risultato | 40\n"
            "Persone accolte | intero progetto | Risultato | 112\n")  # fmt: skip
    assert [(r.label, r.value, r.column) for r in table_sentences(grid)] == [
        ("Persone accolte", "100", "Target"), ("Persone accolte", "112", "Risultato")]  # fmt: skip
    yearly = ("Indicatori\n\nIndicatore: Persone accolte nel dormitorio; Anno: 2023; Valore: 61\n"
              "Indicatore: Persone accolte nel dormitorio; Anno: 2024; Valore: 70\n")  # fmt: skip
    found = _figures(yearly, doc_type="report")
    assert found[61][1] == found[70][1] == "people" and "2024" in found[70][0]


def test_a_total_row_under_columns_that_name_what_they_count_gives_the_whole_s_counts():
    from knowledge.unit_table import reading_key as unit_key  # the rules' reading of units

    text = ("Riepilogo per quartiere\n\nQuartiere | Persone prese in carico | Alloggi attivati\n"
            "Centro storico | 40 | 3\nSan Paolo | 55 | 4\nTotale | 95 | 7\n\n"
            "Piano dei costi\n\nVoce | Importo\nPersonale | 10.000\nTotale | 12.000\n")  # fmt: skip
    found = _figures(text, doc_type="report")
    assert {(v, unit_key(u)) for v, (_, u) in found.items()} == {(95, "people"), (7, "housing_units")}


def test_a_target_table_s_objective_column_names_the_area_of_its_rows():
    from knowledge.sections import heading_area
    from lgnet.taxonomy import Taxonomy
    from tests.knowledge.figure_text import built

    classify = Taxonomy.default().classify
    assert heading_area("Orientamento e lavoro", classify) == "taking_charge"
    assert heading_area("Lingua", classify) == heading_area("Lingua e salute", classify) == "taking_charge"
    assert heading_area("Lavoro e comunità", classify) is None  # two areas: none
    text = ("Obiettivo | Indicatore | Valore atteso a fine progetto\n"
            "Orientamento e lavoro | Persone con un contratto di almeno un anno | 12\n"
            "Lingua | Iscritti ai corsi serali | 40\n")  # fmt: skip
    assert built(text, doc_type="project_sheet") == {(12.0, "taking_charge"), (40.0, "taking_charge")}
