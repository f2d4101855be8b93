"""Partners in shapes of text the rules had not read: a PDF's key-value header without its rules ("Partner A, B, C
Destinatari ..."), "gestito dalla cooperativa X" with the kind in lower case, "insieme al sindacato X", a name cut
where a clause of money or scope begins, a structure that "non fa parte del progetto". Texts invented here."""

from knowledge.partner_denials import denied, denied_clauses
from knowledge.partner_tables import partner_tables
from knowledge.partners import partners


def _names(text: str, city: str = "Ovada") -> list[str]:
    return [p.name for p in partners(text, city)]


def test_a_key_value_header_that_lost_its_rules_lists_the_partners_up_to_the_next_field():
    text = ("Durata settembre 2024 - giugno 2026 Partner CPIA 2 Novi Ligure, Pro Loco Ovada, Cooperativa sociale "
            "Il Ponte Destinatari giovani stranieri del territorio Referente Ufficio Servizi Sociali")  # fmt: skip
    expected = ["CPIA 2 Novi Ligure", "Pro Loco Ovada", "Cooperativa sociale Il Ponte"]
    assert [n for n, *_ in partner_tables(text)] == expected
    # a heading over a sentence is no list of names
    assert partner_tables("Partner Il Comune ha lavorato con la Cooperativa Il Ponte, la Caritas e l'ASL Destinatari "
                          "tutti") == []  # fmt: skip


def test_a_kind_in_lower_case_after_gestito_dalla_and_insieme_al():
    assert _names("Il centro di Ovada, gestito dalla cooperativa Il Ponte, ha accolto 40 ragazzi.") == [
        "Cooperativa Il Ponte"]  # fmt: skip
    assert "Sindacato FILLEA CGIL" in _names("L'agenzia è gestita dall'associazione Casa Aperta insieme al sindacato "
                                             "FILLEA CGIL.")  # fmt: skip


def test_a_name_ends_where_a_clause_of_money_or_scope_begins():
    assert _names("Il dormitorio è gestito dalla Caritas con il contributo del progetto e ha 20 posti.") == ["Caritas"]
    assert _names("Le attività realizzate dal Comune di Ovada nell'ambito del progetto sono tre.") == []


def test_a_structure_that_is_no_part_of_the_project():
    clauses = denied_clauses("La struttura di Acqui, gestita dalla Cooperativa Il Faro, ha accolto 30 persone e non fa "
                             "parte del progetto.")  # fmt: skip
    assert denied("Cooperativa Il Faro", clauses)


def test_a_school_people_attend_and_the_authority_whose_plan_or_district_a_service_is_in_are_no_partners():
    assert _names("Quest'anno 14 ragazzi frequentano i corsi serali del CPIA di Alessandria.") == []
    assert _names("Il servizio si inserisce nel Piano di zona dell'Azienda ULSS 4 Veneto Orientale.") == []
    assert _names("Possono accedere le donne residenti nei Comuni del distretto Ovada-Acqui dell'ASL AL.") == []
    # who holds the course is a provider of teaching (test_partner_bystanders), a partner only where a cue says so
    assert _names("Il corso è tenuto dal CPIA di Alessandria.") == []
    assert _names("Il corso è organizzato con il CPIA di Alessandria.") == ["CPIA di Alessandria"]


def test_an_acronym_s_place_is_never_the_next_field_s_label():
    row = "Voce: Sedi; Dato: Centro civico, sportello allo CEP Voce: Destinatari; Dato: famiglie del quartiere"
    assert _names(row) == []
    assert _names("Lo sportello è gestito con ATER Verbania.") == ["ATER Verbania"]


def test_a_two_word_place_before_the_next_field_s_label_keeps_its_first_word():
    row = "Campo: Partner; Valore: Cooperativa sociale Il Faro, CSV Molise Campo: Note; Valore: i valori attesi"
    from knowledge.organisations import named

    assert "CSV Molise" in [n for n, _, _ in named(row)]


def test_a_sentence_opened_by_who_takes_part_and_kinds_in_lower_case_with_words_of_their_kind():
    text = "Collaborano l'Associazione Ponti Aperti e la parrocchia di San Rocco, che ha raccolto i mobili."
    assert _names(text) == ["Associazione Ponti Aperti", "Parrocchia di San Rocco"]
    found = _names("Lo sportello è aperto in collaborazione con il consultorio familiare della ASL 2 di Lucca.")
    assert found == ["Consultorio familiare della ASL 2 di Lucca"]
    assert _names("Il corso è nato insieme al consorzio di cooperative Arno Lavoro.") == [
        "Consorzio di cooperative Arno Lavoro"]  # fmt: skip
    assert _names("Collaborano spesso i vicini di casa.") == []


def test_a_flattened_table_of_three_columns_and_a_role_that_is_no_partner_s():
    from knowledge.partner_lists import partnership

    text = ("Partenariato\n\nEnte | Ruolo | Attività Comune di Ovada | capofila | regia e sedi Cooperativa agricola "
            "Terra Viva | partner | orti e corsi Istituto Tecnico Agrario Ovada | partner | tirocini Confagricoltura "
            "Alessandria | sostenitore | lettera di adesione")  # fmt: skip
    names = [p.name for p in partnership(text)]
    assert "Cooperativa agricola Terra Viva" in names and "Istituto Tecnico Agrario Ovada" in names
    assert not any("Confagricoltura" in n for n in names)  # a supporter


def test_a_body_that_funds_in_the_present_or_gives_a_sum_is_a_funder_not_a_partner():
    assert _names("La Fondazione Cassa di Risparmio di Ovada finanzia il doposcuola e ne segue i risultati.") == []
    assert _names("La Fondazione Compagnia di San Paolo ha coperto 40.000 euro del costo.") == []
    assert _names("La Fondazione Agape mette 15.000 euro; il resto lo mette il Comune.") == []
    # who works on the project, with a count after its verb, stays a partner
    assert _names("La Cooperativa Il Ponte ha seguito 40 ragazzi.") == ["Cooperativa Il Ponte"]


def test_an_acronym_after_its_kind_a_spreadsheet_s_partner_row_and_no_press_agency():
    assert _names("Lo sportello è gestito con l'associazione Casa Aperta e con il sindacato pensionati SPI.") == [
        "Associazione Casa Aperta", "SPI"]  # fmt: skip
    row = ("Voce: Ente gestore; Dato: Cooperativa Il Ponte Voce: Altri partner; Dato: ASL AL (ambulatorio), CGIL "
           "Alessandria (sportello), Pro Loco Ovada Voce: Destinatari; Dato: famiglie")  # fmt: skip
    # who runs the service ("Ente gestore") has a partnership role too (tests/knowledge/test_partner_roles.py)
    assert [n for n, *_ in partner_tables(row)] == ["Cooperativa Il Ponte", "ASL AL", "CGIL Alessandria",
                                                    "Pro Loco Ovada"]  # fmt: skip
    assert _names("ANSA – Agenzia di stampa regionale / Cronaca – 3 marzo 2026, ore 10:05") == []


def test_a_city_s_district_council_is_the_municipality_s_own():
    names = _names("La festa si è tenuta in collaborazione con la Municipalità 2 Centro Storico e la Cooperativa "
                   "Il Ponte.", "Napoli")  # fmt: skip
    assert names == ["Cooperativa Il Ponte"]


def test_a_numbered_list_run_on_one_line_its_roles_in_parentheses_and_its_last_item_run_into_the_next_sentence():
    from knowledge.partner_lists import partnership

    text = ("Sono stati ammessi al partenariato: 1) Cooperativa sociale Alfa (capofila, ente gestore) 2) Associazione "
            "Beta 3) Misericordia di Ovada La Fondazione Gamma finanzia il progetto.")  # fmt: skip
    assert _names(text) == ["Cooperativa sociale Alfa", "Associazione Beta", "Misericordia di Ovada"]
    sheet = "Partenariato\n\n1. Cooperativa La Rupe (capofila) 2. Associazione Il Ponte 3. Pro Loco Ovada\n\nAltro"
    assert [p.name for p in partnership(sheet)] == ["Cooperativa La Rupe", "Associazione Il Ponte", "Pro Loco Ovada"]


def test_who_issued_the_document_is_a_partner_only_when_it_says_it_runs_the_service_for_the_comune():
    from knowledge.records import Passage, RecordBuilder

    def partners_of(text: str) -> list[str]:
        p = Passage("d:000", text, {"doc_id": "d", "city": "Ovada", "doc_type": "report"})
        records, project = RecordBuilder().build("Ovada", None, [p], set())
        return sorted({x.name for r in [*records, project] for x in r.partners})

    body = ("\n\nIl progetto accoglie 12 famiglie in due appartamenti del centro storico. Collaborano la Caritas "
            "parrocchiale di Ovada e la Cooperativa Il Ponte.")  # fmt: skip
    runs = "\n\nDal 2024 l'associazione gestisce per il Comune di Ovada il progetto «Casa comune»."
    assert "Associazione Casa Aperta APS" not in partners_of("Associazione Casa Aperta APS – Ovada (AL)" + body)
    assert "Associazione Casa Aperta APS" in partners_of("Associazione Casa Aperta APS – Ovada (AL)" + runs + body)
    report = "Cooperativa sociale Il Faro – Bilancio sociale 2025 (estratto)"
    assert "Cooperativa sociale Il Faro" not in partners_of(report + body)
    assert "Cooperativa sociale Il Faro" in partners_of(report + runs.replace("l'associazione gestisce", "gestiamo")
                                                        + body)  # fmt: skip


def test_a_funder_in_english_is_no_partner():
    assert _names("The project is funded by the Fondazione Cariplo and run with the Cooperativa Il Ponte.") == [
        "Cooperativa Il Ponte"]  # fmt: skip
    assert _names("It received a grant of EUR 40,000 from the Fondazione Compagnia di San Paolo.") == []


def test_a_colon_ends_a_name_a_spreadsheet_s_next_label_included():
    assert _names("Voce: Ente gestore; Dato: Cooperativa sociale Il Faro Voce: Altri partner; Dato: nessuno") == [
        "Cooperativa sociale Il Faro"]  # fmt: skip
    assert _names("Hanno collaborato la Cooperativa Il Ponte: una bella esperienza.") == ["Cooperativa Il Ponte"]


def test_a_listed_funder_by_its_relative_clause_a_network_that_comprises_and_a_union_s_tail():
    assert _names("Lo sportello è nato grazie alla Fondazione Delta, che lo finanzia, e alla Cooperativa Epsilon, "
                  "che lo gestisce.") == ["Cooperativa Epsilon"]  # fmt: skip
    assert "Centro per l'impiego di Ovada" in _names("La rete comprende la Croce Rossa Italiana – Comitato di Ovada e "
                                                    "il Centro per l'impiego di Ovada.")  # fmt: skip
    assert _names("Il Comune ha firmato un accordo con l'associazione Gamma e con il sindacato CGIL per lo "
                  "sportello.") == ["Associazione Gamma", "Sindacato CGIL"]  # fmt: skip
