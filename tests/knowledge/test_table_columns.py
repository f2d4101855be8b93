"""A table's columns by their roles: the one that groups the rows (an "Ambito", an "Asse"), the one that says what
each row counts (an "Indicatore", its "Descrizione"), the one that gives the values' unit ("Unità di misura"), and
the columns of values. Tables invented for the mechanism."""

from knowledge.tables import table_sentences


def _figures(text: str, city: str = "Lecco", doc_type: str = "report") -> dict[float, tuple[str, str, str | None]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": doc_type, "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    found = {f.value: (f.unit, f.label, r.area) for r in records for f in r.figures}
    return found | {f.value: (f.unit, f.label, None) for f in project.figures}


# a workbook's sheet as a passage holds it: a row a line of "header: value" pairs
WORKBOOK = (
    "Monitoraggio finale\n\n"
    "Asse: Lavoro; Descrizione dell'indicatore: Tirocini avviati presso le aziende agricole; Unità di misura: persone; "
    "Valore atteso: 25; Risultato finale: 31\n"
    "Asse: Accoglienza abitativa; Descrizione dell'indicatore: Posti attivati nella casa di via Verdi; "
    "Unità di misura: posti letto; Valore atteso: 16; Risultato finale: 14\n"
    "Asse: Partecipazione; Descrizione dell'indicatore: Volontari del doposcuola; Unità di misura: persone; "
    "Valore atteso: 20; Risultato finale: 23\n"
)


def test_a_workbook_row_is_labelled_by_its_indicator_description_never_by_the_column_that_groups_it():
    rows = table_sentences(WORKBOOK)
    labels = {"Tirocini avviati presso le aziende agricole", "Posti attivati nella casa di via Verdi",
              "Volontari del doposcuola"}  # fmt: skip
    assert {r.label for r in rows} == labels
    assert all(len(r.words) == 1 and r.words[0] in ("Lavoro", "Accoglienza abitativa", "Partecipazione")
               for r in rows)  # fmt: skip
    assert {r.unit for r in rows} == {"persone", "posti letto"}


def test_a_workbook_row_s_values_count_what_its_unit_column_says_in_the_area_its_group_names():
    found = _figures(WORKBOOK)
    assert found[31][0] == "people" and found[25][0] == "people" and "obiettivo" in found[25][1]
    assert found[14][0] == "beds" and found[14][2] == "housing" and found[16][0] == "beds"
    assert found[23][2] == "civic_engagement"
    assert not any(unit in ("lavoro", "asse", "partecipazione") for unit, _, _ in found.values())


def test_a_table_grouped_by_its_first_column_is_labelled_by_the_next_cell_of_words_and_a_share_is_no_count():
    text = (
        "Relazione di monitoraggio\n\n"
        "Ambito | Attività | U.M. | Obiettivo | Realizzato\n"
        "Comunità | Cene di quartiere nel cortile della scuola | eventi | 10 | 12\n"
        "Abitare | Appartamenti in coabitazione attivati | alloggi | 4 | 5\n"
        "Formazione | Corsisti che hanno superato l'esame | % | 80 | 75\n"
    )
    rows = table_sentences(text)
    assert rows[0].label == "Cene di quartiere nel cortile della scuola" and rows[0].words == ("Comunità",)
    found = _figures(text)
    assert found[12][0] == "eventi" and found[12][2] == "community_building"
    assert found[5][0] == "housing_units" and found[5][2] == "housing"
    assert 75 not in found and 80 not in found  # a share, said by its unit column
