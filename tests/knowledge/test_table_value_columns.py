"""A table's column of values read whatever its header says: a column that names no kind of value, no period, no
measure and nothing counted ("Quanti", "Dato", "Value at 31 March 2026") holds the rows' results when it is the
table's only such column and none is a result; an unruled header's columns named in words after their kind
("Previsto dal bando", "Raggiunto al 31 marzo 2026"). Tables invented for the mechanism."""

from knowledge.tables import table_sentences

Found = dict[float, list[tuple[str, str, str | None]]]


def _figures(text: str, city: str = "Lecco", doc_type: str = "report") -> Found:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": doc_type, "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    found: Found = {}
    for r in records:
        for f in r.figures:
            found.setdefault(f.value, []).append((f.unit, f.label, r.area))
    for f in project.figures:
        found.setdefault(f.value, []).append((f.unit, f.label, None))
    return found


def test_a_column_of_values_worded_as_a_question_holds_the_rows_results():
    text = (
        "Il doposcuola di quartiere in cifre\n\n"
        "Che cosa | Quanti\n"
        "Famiglie accompagnate nella ricerca di una casa | 17\n"
        "Volontari attivi nel doposcuola | 23\n"
    )
    found = _figures(text)
    assert found[17][0][0] == "families"
    assert found[23][0][0].startswith("volontari") and found[23][0][2] == "civic_engagement"


def test_a_value_column_named_by_its_date_beside_a_target_column_is_the_result():
    text = (
        "Results of the first year\n\n"
        "Indicator | Target for the two years | Value at 31 March 2026\n"
        "People welcomed in the shelter | 90 | 71\n"
        "Volunteers of the welcome desk | 20 | 26\n"
    )
    rows = table_sentences(text)
    assert {r.columns for r in rows} == {("Target for the two years", "Value at 31 March 2026")}
    found = _figures(text)
    assert 71 in found and "obiettivo" not in found[71][0][1]
    assert 26 in found and "obiettivo" not in found[26][0][1]
    assert "obiettivo" in found[90][0][1] and "obiettivo" in found[20][0][1]


def test_an_unruled_header_names_its_columns_in_words_after_their_kind():
    text = (
        "Monitoraggio Indicatore Previsto dal bando Raggiunto al 31 marzo 2026 Persone ospitate nella casa di via "
        "Roma 30 27 Volontari attivi nella mensa 12 15 Note finali Il servizio prosegue."
    )
    rows = table_sentences(text)
    assert [(r.value, r.column) for r in rows] == [
        ("30", "Previsto dal bando"), ("27", "Raggiunto al 31 marzo 2026"),
        ("12", "Previsto dal bando"), ("15", "Raggiunto al 31 marzo 2026"),
    ]  # fmt: skip
    found = _figures(text)
    assert 27 in found and "obiettivo" not in found[27][0][1] and "obiettivo" in found[30][0][1]
    assert 15 in found and "obiettivo" in found[12][0][1]


def test_a_column_naming_what_it_counts_has_parts_in_its_rows_and_a_cell_of_several_counts_is_prose():
    parts = "Accoglienza per quartiere\n\nQuartiere | Persone accolte\nCentro storico | 12\nBorgo nuovo | 9\n"
    found = _figures(parts)
    assert 12 not in found and 9 not in found
    prose = (
        "Servizi attivi\n\n"
        "Servizio | Numeri di fine anno\n"
        "Dormitorio di via Po | 18 posti letto; 64 persone ospitate in inverno\n"
        "Sportello casa | 41 famiglie seguite\n"
    )
    found = _figures(prose)
    assert 18 in found and 64 in found and 41 in found


def test_a_row_restating_a_headline_count_by_a_word_of_its_label_is_one_figure():
    text = (
        "Sartoria di quartiere: 11 assunte dopo il corso\n\n"
        "Il corso di sartoria si è chiuso a giugno.\n\n"
        "Voce | Dato\n"
        "Donne iscritte al corso di sartoria | 19\n"
        "Donne assunte nei laboratori tessili | 11\n"
    )
    found = _figures(text, doc_type="press_article")
    assert len(found[11]) == 1
    assert 19 in found
