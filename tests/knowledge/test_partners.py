"""Partners without a cue phrase: organisations named by a keyword or an acronym with its place, lists after
"insieme a", "grazie a", "una rete composta da"; never funders, places, people or the city itself. Sentences
invented for the mechanism."""

import pytest

from knowledge.partners import partners


def names(sentence: str, city: str | None = "Sulmona") -> list[str]:
    return [p.name for p in partners(sentence, city)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il servizio è gestito insieme alla Cooperativa sociale Il Faro e all'Associazione Mondo Unito.",
         ["Cooperativa sociale Il Faro", "Associazione Mondo Unito"]),
        ("Hanno aderito la Caritas diocesana di Sulmona e l'Azienda sanitaria provinciale di Teramo.",
         ["Caritas diocesana di Sulmona", "Azienda sanitaria provinciale di Teramo"]),
        ("Grazie al Centro servizi per il volontariato Abruzzo e all'Istituto comprensivo Dante Alighieri "
         "gli alunni hanno partecipato.", ["Centro servizi per il volontariato Abruzzo",
                                           "Istituto comprensivo Dante Alighieri"]),
        ("Lo IACP Teramo e il CPIA 2 Pescara gestiscono gli spazi.", ["IACP Teramo", "CPIA 2 Pescara"]),
        ("È stato rinnovato il protocollo con l'ATER dell'Aquila.", ["ATER dell'Aquila"]),
        ("La rete composta da Alfa Servizi, Beta Lavoro e Gamma Onlus si riunisce ogni mese.",
         ["Alfa Servizi", "Beta Lavoro", "Gamma Onlus"]),
        ("Il tavolo, in collaborazione con il Comune di Pratola Peligna, ha definito le regole.",
         ["Comune di Pratola Peligna"]),
    ],
)  # fmt: skip
def test_organisations_named_without_a_cue_phrase(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Grazie a questo progetto, Pescara è diventata una città più accogliente.",
        "Il laboratorio è stato realizzato insieme a Giulia e Marco, due volontari.",
        "Le attività sono possibili con il contributo della Fondazione Cassa di Risparmio di Teramo.",
        "Il progetto, finanziato dal FAMI 2021-2027, è coordinato dal Comune.",
        "In collaborazione con il Comune di Sulmona sono stati aperti due sportelli.",
        "COMUNE DI SULMONA Settore Politiche Sociali",
    ],
)
def test_funders_places_people_and_the_city_itself_are_not_partners(sentence):
    assert names(sentence) == []


def _names(found) -> list[str]:
    return [p.name for p in found]


def test_a_list_joined_by_and_keeps_an_organisation_written_in_lowercase():
    found = partners(
        "Partner del progetto sono la Cooperativa Sociale Alfa, Caritas Beta e l'associazione Porta Aperta."
    )
    assert "Associazione Porta Aperta" in _names(found)
    assert "Cooperativa Sociale Alfa" in _names(found)


def test_who_gives_the_money_and_who_wrote_the_article_are_not_partners():
    assert _names(partners("Dei 90.000 euro, 60.000 euro arrivano dalla Fondazione Gamma.")) == []
    assert _names(partners("PADOVA, 3 aprile 2025 (Agenzia Nord Notizie) – Il Comune ha aperto lo sportello.")) == []


def test_the_partnership_section_in_its_written_forms():
    from knowledge.partner_lists import partnership

    markdown = "### Partner\n\n- Cooperativa Delta - Associazione Epsilon - CPIA di Rovigo\n\n### Costi\n"
    assert _names(partnership(markdown)) == ["Cooperativa Delta", "Associazione Epsilon", "CPIA di Rovigo"]
    paragraphs = (
        "Partner\n\nAzienda ULSS 6 Euganea\n\nCooperativa Sociale Zeta\n\nRisultati attesi e indicatori\n\nTesto."
    )
    assert _names(partnership(paragraphs)) == ["Azienda ULSS 6 Euganea", "Cooperativa Sociale Zeta"]
    inline = "Attività finite. Partenariato • Cooperativa Eta • UIL Rovigo • Caritas Diocesana di Adria Costi e tempi"
    assert _names(partnership(inline))[:2] == ["Cooperativa Eta", "UIL Rovigo"]


def test_the_organisations_of_an_attendance_list():
    from knowledge.partner_lists import attendees

    bullets = ("Presenti: - dott.ssa Anna Neri, dirigente (coordina) - Luca Bianchi, Associazione Theta - Sara Verdi, "
               "operatrice, Centro per l'Impiego di Rovigo - Marco Blu, Comune di Rovigo\n\nOdG")  # fmt: skip
    assert _names(attendees(bullets, "Rovigo")) == ["Associazione Theta", "Centro per l'Impiego di Rovigo"]
    table = ("### Presenti | Ente | Nominativo | |---|---| | Comune di Adria | Anna Neri | "
             "| Cooperativa Iota | Luca Bianchi |\n\n### Ordine del giorno")  # fmt: skip
    assert _names(attendees(table, "Rovigo")) == ["Comune di Adria", "Cooperativa Iota"]


def test_one_organisation_named_in_two_word_orders():
    from knowledge.partners import comparable_name, same_org

    assert same_org(
        comparable_name("Distretto Sud dell'Azienda ULSS 5"), comparable_name("Azienda ULSS 5 – Distretto Sud")
    )
    assert not same_org(comparable_name("Cooperativa Alfa"), comparable_name("Cooperativa Beta"))


def test_one_organisation_named_with_a_word_more():
    from knowledge.partners import comparable_name, same_org

    assert same_org(comparable_name("Azienda Sanitaria di Adria"), comparable_name("Azienda Sanitaria Locale di Adria"))
    assert not same_org(comparable_name("Comune di Rovigo"), comparable_name("Azienda Sanitaria Locale di Rovigo"))
    assert not same_org(comparable_name("Caritas di Adria"), comparable_name("Caritas diocesana di Rovigo"))


def test_a_list_of_names_a_paragraph_ends_at_a_heading_in_sentence_case():
    from knowledge.partner_lists import partnership

    text = "Partner\n\nCooperativa Sociale Kappa\n\nFondazione Lambda di Adria\n\nDurata e risorse\n\nData di inizio"
    assert _names(partnership(text)) == ["Cooperativa Sociale Kappa", "Fondazione Lambda di Adria"]


def test_a_dash_inside_a_quoted_name_does_not_split_it():
    from knowledge.partners import split_items

    items = split_items("l'Istituto Comprensivo «Manzoni – Pascoli», la Cooperativa Sociale Aurora")
    assert items == ["l'Istituto Comprensivo «Manzoni – Pascoli»", "la Cooperativa Sociale Aurora"]


def test_a_time_after_a_cue_and_the_rest_of_a_funder_s_name_are_no_partners():
    from knowledge.partners import partners

    sentence = ("Il progetto, che si è svolto da marzo 2023 a febbraio 2025, è costato 180.000 euro: 150.000 euro dal "
                "Fondo Asilo, Migrazione e Integrazione e 30.000 euro di cofinanziamento comunale.")  # fmt: skip
    assert [p.name for p in partners(sentence, "Lucca")] == []


def test_an_agency_tag_closing_the_article_is_who_wrote_it():
    text = "Il Comune ha aperto lo sportello con la Cooperativa Sociale Nuvola.\n(Agenzia Sudest) 12-APR-25 10:15"
    assert _names(partners(text, "Lecce")) == ["Cooperativa Sociale Nuvola"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # said actively, and "con la collaborazione di"
        (
            "Lo gestiscono la Cooperativa Sociale Il Faro e la Rete dei Cortili Aperti, con la collaborazione di "
            "Acque Chiare Servizi.",
            ["Cooperativa Sociale Il Faro", "Rete dei Cortili Aperti", "Acque Chiare Servizi"],
        ),
        (
            "I partner sono l'ASL Teramo, la Cooperativa Sociale Orsa e il Centro Studi Valle Peligna.",
            ["ASL Teramo", "Cooperativa Sociale Orsa", "Centro Studi Valle Peligna"],
        ),
        # in English, a relative clause's list is not a list of partners
        (
            "We work with the Cooperativa Sociale Aurora, which runs the shelter, and with the University of Bergamo, "
            "whose Department of Law, Economics and Social Sciences evaluates the project.",
            ["Cooperativa Sociale Aurora", "University of Bergamo"],
        ),
        (
            "The desk is run with Cooperativa Sociale Arca and the local health authority ASL Teramo.",
            ["Cooperativa Sociale Arca", "ASL Teramo"],
        ),
        # a local branch after a dash is the same organisation
        (
            "Il Comune ha formato una squadra con la Croce Rossa Italiana – Comitato di Lanciano.",
            ["Croce Rossa Italiana – Comitato di Lanciano"],
        ),
    ],
)
def test_who_does_the_work_said_actively_and_in_english(sentence, expected):
    assert sorted(names(sentence)) == sorted(expected)


def test_a_group_in_lower_case_after_a_cue_is_not_cut_into_a_name():
    sentence = (
        "Con la collaborazione delle associazioni di categoria sono stati attivati 10 tirocini in aziende e "
        "cooperative del CAAB; 5 sono diventati contratti."
    )
    assert not any("CAAB" in n for n in names(sentence))


def test_a_partnership_heading_in_capitals_glued_to_its_comma_list():
    from knowledge.partner_lists import partnership

    text = "Costo: 9.000 euro.\n\nPARTNER Cooperativa Sociale Gamma, Associazione Delta, Compagnia Teatro Sud.\n\nX"
    assert _names(partnership(text)) == ["Cooperativa Sociale Gamma", "Associazione Delta", "Compagnia Teatro Sud"]


def test_a_plain_relative_clause_ends_at_its_comma_and_a_kind_in_lower_case_opens_a_name():
    sentence = (
        "I partner sono la Cooperativa Sociale Arnia, che gestisce lo sportello, la Pro Loco Scanno e il "
        "circolo Legambiente Alto Sangro."
    )
    expected = ["Circolo Legambiente Alto Sangro", "Cooperativa Sociale Arnia", "Pro Loco Scanno"]
    assert sorted(names(sentence)) == expected


def test_the_owner_of_the_flats_named_is_not_a_partner():
    assert names("Nei condomini ACER di San Donato si sono tenuti 4 incontri con l'Associazione Vicini.") == [
        "Associazione Vicini"
    ]
    assert names("Ten of the flats belong to ATER Rieti, the public housing agency.") == []
    assert names("È stato firmato un accordo con l'ATER di Rieti per 10 alloggi.") == ["ATER di Rieti"]


def test_a_document_s_masthead_names_who_issued_it():
    from knowledge.partners import masthead
    from knowledge.records import Passage, RecordBuilder

    assert masthead("# FCA – Fondazione Casa Aperta di Chieti / Open House Foundation")
    assert not masthead("La Cooperativa Sociale Il Faro apre uno sportello a Chieti")
    text = (
        "# Azienda Pubblica di Servizi alla Persona di Chieti\n\n"
        "Lo sportello ha preso in carico 40 persone insieme alla Cooperativa Sociale Arnia."
    )
    p = Passage("d:000", text, {"doc_id": "d", "doc_type": "report", "city": "Chieti", "char_start": 0})
    records, project = RecordBuilder().build("Chieti", None, [p], set())
    found = {x.name for r in records for x in r.partners} | {x.name for x in project.partners}
    assert found == {"Cooperativa Sociale Arnia"}


def test_a_list_ending_before_a_clause_and_a_present_tense_cue():
    sentence = (
        "Le attività saranno realizzate in collaborazione con la Cooperativa Sociale Orsa, la Caritas "
        "diocesana di Sulmona e l'ASL n. 2 di Sulmona, individuati con avviso pubblico."
    )
    assert "ASL n. 2 di Sulmona" in names(sentence)
    assert "Anci Abruzzo" in names("Al progetto partecipano la Cooperativa Sociale Orsa e Anci Abruzzo.")


def test_an_unnamed_association_in_lower_case_is_no_partner():
    assert names("Le giornate di cura dei giardini sono state organizzate con l'associazione di quartiere.") == []
    assert names("Le giornate sono state organizzate con l'associazione Amici del Parco.") == [
        "Associazione Amici del Parco"
    ]


def test_a_body_with_its_share_in_parentheses_is_a_funder():
    sentence = (
        "Il progetto è finanziato dalla Regione (80.000 euro) e dalla Fondazione Monte Alto (20.000 euro), "
        "con la Cooperativa Sociale Arnia."
    )
    assert names(sentence) == ["Cooperativa Sociale Arnia"]


def test_an_observer_is_no_partner_and_an_elided_word_stays_in_a_name():
    text = (
        "Presenti:\n- Anna Rossi, Cooperativa Sociale Arnia\n- Luca Bianchi, Associazione Linea d'Orizzonte "
        "(uditore)\n\nSi apre la seduta."
    )
    from knowledge.partner_lists import attendees

    assert _names(attendees(text, "Sulmona")) == ["Cooperativa Sociale Arnia"]
    assert "Associazione Linea d'Orizzonte" not in names(text.replace("\n", " "))
    assert names("Lo sportello è gestito insieme alla Fondazione Casa d'Accoglienza.") == [
        "Fondazione Casa d'Accoglienza"
    ]


def test_an_english_subject_worked_with_a_list_and_a_clause_after_a_list_names_no_one():
    from knowledge.partners import partners

    text = ("The Municipality worked with Alfa Social Cooperative, which ran the shelter, Fondazione Beta, which ran "
            "the outreach unit, and the Gamma Red Cross committee.")  # fmt: skip
    names = [p.name for p in partners(text, "Trento")]
    assert names[:2] == ["Alfa Social Cooperative", "Fondazione Beta"] and names[2].startswith("Gamma Red Cross")
    act = (
        "3. di dare atto che il servizio sarà realizzato in rete con la Caritas diocesana di Delta, il CPIA 2 di "
        "Delta e l'Associazione Il Ponte Verde, come da protocollo d'intesa sottoscritto il 3 marzo 2025;"
    )
    assert "Associazione Il Ponte Verde" in [p.name for p in partners(act, "Delta")]
    # the city itself in English is no partner
    city = partners("The Municipality of Delta worked with Fondazione Beta.", "Delta")
    assert not any("Municipality" in p.name for p in city)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lo sportello ha aperto nei locali della Parrocchia di San Rocco, in piazza Duomo.",
        "In un anno 40 persone sono state accompagnate ai servizi sanitari dell'ASL Teramo 2.",
        "Gli enti gestori devono inviare gli elenchi all'Azienda USL di Teramo entro marzo.",
        "Valutazione indipendente a cura del Dipartimento di Sociologia dell'Università degli Studi di Teramo.",
        "Il progetto dispone di 50.000 euro: 40.000 euro arrivano dal bando «Comunità» della Fondazione Gran Sasso.",
    ],
)
def test_an_organisation_named_as_a_venue_a_destination_an_evaluator_or_a_call_s_funder_is_no_partner(sentence):
    assert names(sentence, "Teramo") == []
    # the same organisation said to work with the city is one
    assert names("Il servizio è gestito in collaborazione con la Fondazione Gran Sasso.", "Teramo") == [
        "Fondazione Gran Sasso"
    ]


def test_a_kind_in_lower_case_without_a_name_and_the_municipality_s_own_bodies_are_no_partners():
    text = "La convenzione con la cooperativa scade il 30 giugno 2026 e la Giunta ha deciso di rinnovarla."
    assert names(text, "Teramo") == []
    assert names("Il servizio è svolto in convenzione con la cooperativa sociale Girasole.", "Teramo") == [
        "Cooperativa sociale Girasole"]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "con" and an organisation: at the sentence's start, after a participle, a list's "e" before a kind word
        (
            "Con la Cooperativa sociale Il Faro, che gestisce la casa, e il Centro di formazione professionale Rossi "
            "sono stati attivati 12 tirocini.",
            ["Cooperativa sociale Il Faro", "Centro di formazione professionale Rossi"],
        ),
        (
            "Il progetto, avviato dal Comune nell'estate del 2023 con la Cooperativa agricola Terra Alta, coinvolge 40 "
            "famiglie.",
            ["Cooperativa agricola Terra Alta"],
        ),
        (
            "Lo sportello è nato con le Acli provinciali e il patronato Inas, partner del Comune.",
            ["Acli provinciali", "Patronato Inas"],
        ),
        # ... after another cue its list goes on; a comune, a name holding "con", a programme after a funder are none
        (
            "Il progetto è stato realizzato dal Comune con la Caritas Peligna, la Diaconia Valdese e l'ASL 1 Abruzzo.",
            ["Caritas Peligna", "Diaconia Valdese", "ASL 1 Abruzzo"],
        ),
        ("Si propone di aprire un tavolo con il Comune di Pratola Peligna e la Prefettura.", []),
        ("Il corso è finanziato dalla Regione con il PR FSE+ 2021-2027.", []),
        (
            "Al progetto partecipano Europe Consulting, A Tavola con lo Chef, Ambiente Lavoro.",
            ["Europe Consulting", "A Tavola con lo Chef", "Ambiente Lavoro"],
        ),
        # a semicolon ends the list; a local branch after a dash is the same organisation
        (
            "La casa è gestita con la cooperativa Il Ponte; la Croce Rossa garantisce una visita a chi entra.",
            ["Cooperativa Il Ponte", "Croce Rossa"],
        ),
        (
            "La squadra è nata con la Croce Rossa Italiana – Comitato di Popoli e con i volontari del paese.",
            ["Croce Rossa Italiana – Comitato di Popoli"],
        ),
    ],
)
def test_with_an_organisation(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "La Regione Abruzzo e la Fondazione Carispaq hanno finanziato il progetto.",  # who pays, said after
        "Hanno espresso una lettera di sostegno l'Ufficio di Piano e la Polisportiva di Raiano.",  # support letters
        "Presenti: un funzionario della Prefettura; una volontaria della Caritas diocesana di Sulmona.",  # a guest
        "Indicatore: Accompagnamenti ai servizi sanitari dell'ASL Avezzano; Target: 200.",  # where people are sent
        "L'Università di Teramo seguirà la valutazione a titolo gratuito.",  # who evaluates it
    ],
)
def test_no_partner_by_role(sentence: str) -> None:
    assert names(sentence) == []


def test_a_partnership_table_flattened_or_a_row_a_line_and_a_partnership_row():
    from knowledge.partner_lists import partnership

    flat = (
        "Partner | Ruolo Comune di Sulmona | capofila ASD Peligna | allenamenti e torneo Oratorio San Rocco | "
        "spazi, doposcuola Cooperativa sociale Sottoterra | educatori Centro per le Famiglie distrettuale | "
        "incontri per i genitori"
    )
    assert [p.name for p in partnership(flat)] == ["ASD Peligna", "Oratorio San Rocco",
                                                   "Cooperativa sociale Sottoterra",
                                                   "Centro per le Famiglie distrettuale"]  # fmt: skip
    lines = "Partner | Ruolo\nACER Sulmona | alloggi\nAssociazione Vicini | volontari\n\nAltro testo."
    assert [p.name for p in partnership(lines)] == ["ACER Sulmona", "Associazione Vicini"]
    row = (
        "| City | Sulmona |\n"
        "| Partners in Italy | Municipality of Sulmona; University of Teramo; Labirinto Social Cooperative |"
    )
    assert [p.name for p in partnership(row)] == ["University of Teramo", "Labirinto Social Cooperative"]


def test_one_organisation_with_and_without_its_legal_kind():
    from knowledge.partners import same_org

    assert same_org("cooperativa sociale sottoterra", "cooperativa sottoterra")
    assert not same_org("cooperativa sottoterra", "cooperativa sopraterra")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Comune" as a word of a name is no municipality
        (
            "I volontari dell'associazione Borgo Bene Comune tengono aperto il doposcuola.",
            ["Associazione Borgo Bene Comune"],
        ),
        # a name closed by its legal form; an acronym's place before "Città Metropolitana"
        ("Arte Nuova Onlus, per la mediazione linguistico-culturale;", ["Arte Nuova Onlus"]),
        ("• ATS Sulmona Città Metropolitana", ["ATS Sulmona"]),
        # "con" and a company named by its legal form; a count after a name ends it
        ("Abbiamo ristrutturato con Alfa Casa SpA 9 appartamenti sfitti.", ["Alfa Casa SpA"]),
        # a list's "e" before an articulated preposition ("insieme all'X e alla Y")
        (
            "Il Comune, insieme all'associazione Vicini e alla Consulta giovani, propone esperienze di volontariato.",
            ["Associazione Vicini", "Consulta giovani"],
        ),
    ],
)
def test_more_names(sentence: str, expected: list[str]) -> None:
    assert sorted(names(sentence)) == sorted(expected)


def test_a_qualified_partnership_heading_and_names_run_on_with_semicolons():
    from knowledge.partner_lists import partnership

    text = (
        "Partenariato locale\n\nCooperativa Sociale Alfa; Caritas Diocesana di Sulmona; ASL 1 – Distretto n. 9; "
        "Centro Servizi per il Volontariato San Panfilo.\n\nRisultati attesi"
    )
    assert [p.name for p in partnership(text)] == ["Cooperativa Sociale Alfa", "Caritas Diocesana di Sulmona",
                                                  "ASL 1 – Distretto n. 9",
                                                  "Centro Servizi per il Volontariato San Panfilo"]  # fmt: skip


def test_an_attendance_list_whose_items_a_blank_line_separates_and_roles_before_the_organisation():
    from knowledge.partner_lists import attendees

    text = (
        "Presenti\n\n- Anna Rossi, assessora del Comune di Sulmona (presiede)\n\n"
        "- Marco Bianchi, coordinatore del progetto per la cooperativa sociale Il Ponte\n\n"
        "- Sara Verdi, assistente sociale dell'Unité des Communes Grand-Paradis\n\n"
        "- Luca Neri, mediatore interculturale\n\nVerbalizza: Sara Bionaz."
    )
    assert [p.name for p in attendees(text, "Sulmona")] == ["Cooperativa sociale Il Ponte",
                                                           "Unité des Communes Grand-Paradis"]  # fmt: skip
