"""Mechanisms of figures on new documents (session of 2026-12-06): a budget's table gives no counts, English noun
phrases counted by their head, what a count counts deciding its area. Sentences and tables invented here."""

from knowledge import figures as fig
from knowledge.records import Passage, RecordBuilder
from knowledge.table_counts import table_counts
from lgnet.taxonomy import Taxonomy


def _table_values(text: str) -> list[float]:
    taxonomy = Taxonomy.default()
    return [f.value for _, _, f, _, _ in table_counts(text, fig.figures, taxonomy, taxonomy.classify)]


def test_a_budget_sheet_s_planned_and_total_columns_are_sums_not_counts():
    # a spreadsheet's sheet as the reader writes it: "header: value" pairs, the rows glued into one line
    budget = ("Voce di spesa: Alloggi temporanei (affitti, utenze); Previsto: 52000; Speso al 30/06/2024: 50110 "
              "Voce di spesa: Mediatori; Previsto: 18500; Speso al 30/06/2024: 18000 "
              "Voce di spesa: Totale; Previsto: 70500; Speso al 30/06/2024: 68110")  # fmt: skip
    assert _table_values(budget) == []
    markdown = "| Voce | Importo previsto | Totale |\n|---|---|---|\n| Operatori del centro | 41000 | 41000 |\n"
    assert _table_values(markdown) == []
    # an indicator sheet beside it still gives its results and targets
    indicators = ("Indicatore: Famiglie accolte negli alloggi; Obiettivo: 40; Cumulato al 30/06/2024: 46 "
                  "Indicatore: Operatori formati; Obiettivo: 20; Cumulato al 30/06/2024: 23")  # fmt: skip
    assert sorted(_table_values(indicators)) == [20, 23, 40, 46]


def _counts(sentence: str) -> dict[float, str]:
    return {f.value: f.unit for f in fig.figures(sentence)}


def test_an_english_noun_phrase_is_counted_by_its_head():
    # the head after a coordination, a plural of persons after its modifiers, a compound modifier, an enrolment
    assert _counts("Last year 36 youth workers and library staff attended the two-day seminar.") == {36.0: "operatori"}
    assert _counts("By June the scheme had 27 trained befriender volunteers.") == {27.0: "volontari"}
    assert _counts("The scheme had 19 regular host neighbours at the end of the year.") == {19.0: "neighbours"}
    assert _counts("8 short-stay flats in use") == {8.0: "housing_units"}
    assert _counts("140 enrolments in evening classes were recorded by the school.") == {140.0: "iscritti"}
    # a table row's few English words: a plural of persons, or a coordination
    assert _counts("33 active host neighbours") == {33.0: "neighbours"}
    assert _counts("21 librarians and support staff trained") == {21.0: "operatori"}


def _records(text: str, doc_type: str = "report") -> dict[tuple[float, str], str | None]:
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": doc_type, "city": "Lucca"})
    records, project = RecordBuilder(area_chooser=None).build("Lucca", None, [p], set())  # the rules alone
    found: dict[tuple[float, str], str | None] = {(f.value, f.unit): r.area for r in records for f in r.figures}
    found.update({(f.value, f.unit): None for f in project.figures})
    return found


def test_two_rows_of_a_table_with_the_same_value_are_two_facts():
    text = ("Results\n\n| Indicator | Target | Result | |---|---|---| | Host volunteers active | 25 | 30 | "
            "| Social workers trained | 25 | 30 |\n")  # fmt: skip
    found = _records(text)
    assert found[(30.0, "volontari")] == "civic_engagement"
    assert found[(30.0, "operatori")] == "capacity_building"


def test_what_a_count_counts_decides_its_area():
    # a building's conflicts mediated and its meetings: living together (community building)
    assert _records("Le mediatrici hanno gestito 31 conflitti condominiali e tenuto 12 incontri di condominio.") == {
        (31.0, "conflitti condominiali"): "community_building", (12.0, "incontri"): "community_building"}  # fmt: skip
    # work, by the network's convention: internships, a professional title
    assert _records("Il progetto accompagnerà 18 braccianti al conseguimento del titolo professionale di trattorista."
                    ) == {(18.0, "braccianti"): "taking_charge"}  # fmt: skip
    assert _records("Sono stati avviati 26 tirocini nelle aziende della zona.") == {(26.0, "tirocini"): "taking_charge"}
    # English: taken in charge, a tenancy
    assert _records("The desk expects 400 people taken in charge by the end of the project.") == {
        (400.0, "people"): "taking_charge"}  # fmt: skip
    assert _records("By the end, 17 families had signed a tenancy in their own name.") == {
        (17.0, "families"): "housing"}  # fmt: skip
    # sport played together; coaches on a course of some hours are trained
    assert _records("Si vogliono coinvolgere 45 ragazzi in allenamenti gratuiti due volte alla settimana.") == {
        (45.0, "ragazzi"): "community_building"}  # fmt: skip
    assert _records("Un percorso di 10 ore sull'inclusione nello sport per 9 allenatori della società.") == {
        (9.0, "allenatori"): "capacity_building"}  # fmt: skip


def test_counts_of_persons_left_out_or_invariant_are_read():
    # an invariant loanword, a list item's subject after ";", a small number in words opening its sentence
    assert _counts("Con l'associazione è nata una rete di 14 tutor volontari, quasi tutti pensionati.") == {
        14.0: "tutor volontari"}  # fmt: skip
    assert _counts("Ognuno ha avuto un colloquio di orientamento; 37 hanno concluso il corso serale.") == {
        37.0: "people"}  # fmt: skip
    assert _counts("Quattro di loro hanno già firmato un contratto a proprio nome.") == {4.0: "people"}
    assert _counts("Alla fine quattro di loro sono rimasti.") == {}
    # living in the housing provided is being housed; living in a place is its population
    assert _counts("Negli appartamenti trovati dallo sportello vivono oggi 31 persone, quasi tutte famiglie.") == {
        31.0: "people"}  # fmt: skip
    assert _counts("Nelle case popolari del quartiere vivono circa 2.300 persone.") == {}
    assert _counts("Nelle case popolari vivono circa 2.300 persone.") == {}


def test_a_count_of_ne_goes_on_with_the_area_its_sentence_before_named():
    text = ("Il Comune ha messo a disposizione due appartamenti in semi-autonomia. Da marzo ne sono passate 11, "
            "quasi tutte giovani donne.")  # fmt: skip
    # (the two flats the Comune made available are a count of their own: dwellings are few, tests/knowledge/
    # test_dwellings_in_words.py)
    assert _records(text, "press_article") == {(11.0, "people"): "housing", (2.0, "housing_units"): "housing"}


def test_a_count_of_another_comune_s_relative_clause_or_of_the_next_phase_is_not_this_record_s():
    from knowledge.elsewhere import other_comune_clauses, other_phase_clauses
    from lgnet.gazetteer import Gazetteer

    body = "Il modello è stato adottato da Chioggia, che ha aperto un centro analogo con 45 prese in carico."
    assert _counts(body) == {45.0: "people"}  # persons taken in charge, not a participle
    start = body.index("45")
    assert any(a <= start < b for a, b in other_comune_clauses(body, "Rovigo", Gazetteer.default()))
    seat = "Il servizio è gestito dalla Cooperativa Aurora di Padova, che ha seguito 40 famiglie."
    assert other_comune_clauses(seat, "Rovigo", Gazetteer.default()) == []  # an organisation's seat, not a place
    nxt = "Il servizio prosegue nella terza edizione della rete (LGNet3) con l'obiettivo di 180 nuove prese in carico."
    assert any(a <= nxt.index("180") < b for a, b in other_phase_clauses(nxt, "LGNet2"))
    # this phase in continuity with an earlier one stays
    same = "In continuità con il precedente progetto LGNetEA, sono state coinvolte 100 persone."
    assert other_phase_clauses(same, "LGNet2") == []


def test_places_are_places_to_stay_and_gardens_are_cultivated_together():
    assert _records("Il progetto dispone di 18 posti per nuclei familiari nel centro storico.", "minutes") == {
        (18.0, "posti"): "housing"}  # fmt: skip
    assert _records("Il seminario di marzo avrà 120 posti in sala.", "press_article") == {(120.0, "posti"): None}
    assert _records("La sala ha 200 posti a sedere.", "press_article")[(200.0, "posti")] != "housing"
    assert _records("Oggi 16 orti sono coltivati da famiglie del quartiere.", "press_article") == {
        (16.0, "orti"): "community_building"}  # fmt: skip


def test_a_part_of_a_population_and_the_start_of_a_change_are_no_figures():
    assert _counts("Il paese conta circa 9.000 abitanti, 700 dei quali con cittadinanza straniera.") == {}
    assert _counts("Lo sportello ha seguito 120 persone, 40 delle quali donne.") == {120.0: "people", 40.0: "women"}
    # the value reached, in the unit of the value the change started from
    found = fig.figures("The average wait for a flat went from the expected 20 days to 35 in the second year.")
    assert [(f.value, f.unit) for f in found] == [(35.0, "giorni")]


def test_counts_in_a_context_section_describe_the_place():
    from knowledge.context import context_spans

    report = ("## Background\n\nThe valley has some 60 family-run workshops and 3 schools.\n\n## What was done\n\n"
              "The desk took 85 people in charge and placed 12 trainees in the workshops.\n")  # fmt: skip
    found = _records(report, "practice_report")
    assert {v for v, _ in found} == {85.0, 12.0}
    # a heading run into its paragraph (a PDF's joined lines) covers its first sentences only
    joined = ("Destinatari giovani stranieri Il contesto Il paese conta una trentina di cantine artigiane. Molti "
              "giovani lavorano stagionalmente. Le cantine cercano apprendisti. Che cosa è stato fatto Lo sportello "
              "ha preso in carico 42 persone.")  # fmt: skip
    spans = context_spans(joined)
    assert any(a <= joined.index("trentina") < b for a, b in spans)
    assert not any(a <= joined.index("42") < b for a, b in spans)
    # an act's recital of the situation; a recital citing acts is not one
    act = ("Premesso che nel porto lavorano circa 180 marittimi stranieri;\nPremesso che il Comune ha aderito alla "
           "rete;\nConsiderato che il progetto prevede l'accoglienza di 20 persone;")  # fmt: skip
    spans = context_spans(act)
    assert any(a <= act.index("180") < b for a, b in spans)
    assert not any(a <= act.index("aderito") < b for a, b in spans) and not any(a <= act.index("20 p") < b
                                                                               for a, b in spans)  # fmt: skip


def test_service_words_of_new_documents_name_their_area():
    # English service words, guests a place hosts, a job found, meals shared, nights stayed
    assert _records("Last year the drop-in centre held 930 individual consultations.") == {
        (930.0, "consulenze"): "taking_charge"}  # fmt: skip
    assert _records("The office processed 640 requests for residence permits.") == {
        (640.0, "richieste"): "taking_charge"}  # fmt: skip
    found = _records("The shared house hosts 14 residents in 5 apartments, and 4 of them have found a new job.")
    assert found[(14.0, "residenti")] == "housing" and found[(4.0, "people")] == "taking_charge"
    assert _records("Nel 2025 si sono tenuti 11 pranzi condivisi nel cortile.", "press_article") == {
        (11.0, "pranzi"): "community_building"}  # fmt: skip
    assert _records("Il dormitorio ha garantito 3.100 pernottamenti.", "press_article") == {
        (3100.0, "pernottamenti"): "housing"}  # fmt: skip


def test_a_table_s_total_column_its_hosted_persons_and_a_budget_under_its_heading():
    results = ("Results\n\n| Indicator | Target | 2024 | 2025 | Total | |---|---|---|---|---| "
               "| Families helped to sign a lease | 20 | 9 | 14 | 23 |\n")  # fmt: skip
    assert sorted(_table_values(results)) == [20, 23]  # the target and the total, not the years
    hosted = "Indicatore: Persone accolte; Valore atteso: 50; Valore raggiunto: 58"
    assert _records(hosted) == {(50.0, "people"): "housing", (58.0, "people"): "housing"}
    budget = ("Piano finanziario\n\n| Voce | 2025 | 2026 | Totale | |---|---|---|---| "
              "| Affitti alloggi | 9000 | 9000 | 18000 |\n")  # fmt: skip
    assert _table_values(budget) == []


def test_english_sentences_count_english_plurals_and_say_who_took_part():
    # an Italian plural's shape is no noun in English ("came"); a part of a sum is money
    assert _counts("The scheme cost EUR 150,000, of which 30,000 came from the region.") == {}
    assert _counts("The 12 staff and 30 children were there.") == {12.0: "operatori", 30.0: "minors"}
    # a part of a group named with its words after it ("Of the 40 people housed, 22 found a job")
    # (the whole is a count of its own where the document states it nowhere else)
    found = _records("Of the 40 people housed, 22 found a job within a year.")
    assert found == {(22.0, "people"): "taking_charge", (40.0, "people"): "housing"}
    assert _records("Eighty people took part in the two open evenings.", "press_article") == {
        (80.0, "people"): "community_building"}  # fmt: skip
    assert _records("The helpline answered 2,700 calls.") == {(2700.0, "chiamate"): "taking_charge"}


def test_a_change_in_a_gerund_or_without_an_article_counts_the_value_reached():
    assert _counts("Rispetto al 2023 gli accessi sono aumentati del 25%, passando da 640 a 800.") == {800.0: "accessi"}
    assert _counts("Visits rose from 300 to 420 in two years.") == {420.0: "accessi"}
    assert _records("Sono stati dipinti 3 murales con 45 studenti.", "press_article") == {
        (3.0, "murales"): "community_building", (45.0, "studenti"): "community_building"}  # fmt: skip


def test_officers_on_a_course_are_trained_and_permanent_contracts_are_work():
    assert _records("Fifteen municipal officers completed the course on intercultural communication.") == {
        (15.0, "agenti"): "capacity_building"}  # fmt: skip
    assert _records("Alla fine del progetto sono stati firmati 21 contratti a tempo indeterminato.") == {
        (21.0, "contratti"): "taking_charge"}  # fmt: skip


def test_a_stated_count_before_its_part_in_brackets_and_home_visits():
    assert _counts("I beneficiari raggiunti sono 380 (di cui 150 minori).") == {380.0: "beneficiaries", 150.0: "minors"}
    assert _records("Sono state effettuate 70 visite domiciliari e 25 accompagnamenti in Questura.") == {
        (70.0, "visite domiciliari"): "taking_charge", (25.0, "accompagnamenti"): "taking_charge"}  # fmt: skip


def test_facts_of_a_wider_place_ratios_statistics_and_the_evaluation_s_own_work_are_no_figures():
    assert _counts("The province hosts around 3,200 asylum seekers in 40 reception centres.") == {}
    assert _counts("Rents rose by 12%, and 1 in 4 families spends half its income on rent.") == {}
    assert _counts("In 2024, 1,800 people slept rough in the city, according to the national statistics office.") == {}
    assert _counts("The desk took 1,800 people in charge, according to the project's monitoring data.") == {
        1800.0: "people"}  # fmt: skip
    assert _counts("The evaluation team carried out 38 interviews with staff and participants.") == {}
    assert _counts("The municipality allocated 9 social housing units to the project.") == {9.0: "housing_units"}


def test_damage_a_disaster_did_is_the_setting_not_a_figure():
    assert _counts("Rents rose after the storm, which destroyed more than 800 homes along the river.") == {}
    assert _counts("Il sisma ha danneggiato oltre 300 case nel centro storico.") == {}
    assert _counts("Il Comune ha ristrutturato 6 case danneggiate dal sisma.") == {6.0: "housing_units"}
