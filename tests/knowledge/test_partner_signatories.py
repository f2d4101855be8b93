"""Partners in shapes new documents write them: a partnership sheet whose role cell opens with "Partner:" and whose
column says who signed the agreement ("Sottoscrittore dell'accordo: no"), "con" before a kind in lower case that
says what it does ("con il centro di formazione X"), an English "without being a formal partner", the city's own
office named after it in a list ("Comune di X, Servizio Y"), a body whose courses people enrolled in. Texts invented
here."""

from knowledge.partner_denials import denied, denied_clauses
from knowledge.partner_lists import partnership
from knowledge.partner_tables import denied_rows
from knowledge.partners import partners

_SHEET = "\n".join([
    "Partenariato",
    "",
    "Soggetto: Comune di Rieti – Settore Sociale; Tipologia: Ente locale; Ruolo: Capofila; Firmatario dell'accordo: sì",
    "Soggetto: Cooperativa sociale Sabina Aperta; Tipologia: Cooperativa sociale; Ruolo: Partner: gestione degli "
    "alloggi; Firmatario dell'accordo: sì",
    "Soggetto: Associazione Ponte Velino APS; Tipologia: Associazione; Ruolo: Partner: volontari e doposcuola; "
    "Firmatario dell'accordo: sì",
    "Soggetto: Questura di Rieti; Tipologia: Amministrazione statale; Ruolo: Tavolo tecnico; Firmatario "
    "dell'accordo: no",
    "Soggetto: Istituto Tecnico Agrario di Rieti; Tipologia: Scuola; Ruolo: Ospita i tirocini; Firmatario "
    "dell'accordo: no",
])  # fmt: skip


def test_a_sheet_s_role_opening_with_partner_and_who_did_not_sign():
    names = [p.name for p in partnership(_SHEET)]
    assert "Cooperativa sociale Sabina Aperta" in names and "Associazione Ponte Velino APS" in names
    assert not any("Questura" in n or "Istituto" in n for n in names)
    assert set(denied_rows(_SHEET)) == {"Questura di Rieti", "Istituto Tecnico Agrario di Rieti"}


def test_a_table_s_signatory_column_and_a_role_that_says_it():
    table = ("| Ente | Ruolo | Firmatario |\n|---|---|---|\n| Cooperativa Valle Aperta | gestione sportello | sì |\n"
             "| Caritas di Rieti | segnalazioni | no |\n\n| Soggetto | Ruolo |\n|---|---|\n"
             "| Associazione Terra Mia | Tavolo di regia (non firmatario) |")  # fmt: skip
    assert {p.name for p in partnership(table)} == {"Cooperativa Valle Aperta"}


def test_con_before_a_kind_that_says_what_it_does():
    text = ("Il corso è gestito dal Comune con il centro di formazione Sabina Lavoro, con la cooperativa sociale "
            "Velino, che cura l'alloggio, e con l'associazione Amici del Terminillo, che segue i ragazzi.")  # fmt: skip
    names = [p.name for p in partners(text, "Rieti")]
    assert names[0] == "Centro di formazione Sabina Lavoro"
    assert len(names) == 3


def test_without_being_a_formal_partner():
    text = ("The Prefecture was kept informed; the local health authority (ASL Rieti 1) ran health checks at the desk "
            "without being a formal partner.")  # fmt: skip
    assert denied("ASL Rieti 1", denied_clauses(text))
    assert denied("Croce Verde", denied_clauses("La Croce Verde ha messo a disposizione i mezzi senza essere "
                                                "formalmente partner."))  # fmt: skip


def test_the_city_s_own_office_after_it_in_a_list_and_where_people_enrol():
    text = ("Il progetto è promosso dal Comune di Rieti, Settore Politiche sociali, e realizzato con la cooperativa "
            "sociale Velino, che gestisce gli alloggi.")  # fmt: skip
    assert [p.name for p in partners(text, "Rieti")] == ["Cooperativa sociale Velino"]
    enrolled = "Lo sportello riferisce che 31 persone sono state iscritte ai corsi serali del CPIA di Rieti."
    assert [p.name for p in partners(enrolled, "Rieti")] == []


def test_who_did_not_sign_the_agreement_said_in_a_sentence():
    def denied_of(text: str) -> list[str]:
        clauses = denied_clauses(text)
        return [p.name for p in partners(text, "Rieti") if denied(p.name, clauses)]

    assert denied_of("Lo sportello è gestito con la cooperativa Velino. The Caritas of Rieti referred families to the "
                     "desk but did not sign the partnership agreement.") == ["Caritas of Rieti"]  # fmt: skip
    assert denied_of("La cooperativa Sabina Aperta gestisce gli alloggi; la Caritas di Rieti segnala le famiglie, "
                     "senza sottoscrivere l'accordo.") == ["Caritas di Rieti"]  # fmt: skip
    # a contrast with a subject of its own denies only that subject
    assert denied_of("La cooperativa Il Sole ha firmato la convenzione con il Comune, mentre l'associazione Luna "
                     "Nuova non l'ha firmata.") == ["Associazione Luna Nuova"]  # fmt: skip


def test_a_role_column_worded_as_what_each_body_does_and_a_signature_column_as_a_question():
    from knowledge.partner_lists import partnership

    table = (
        "Ente | Forma dell'impegno | Quota (euro)\nComune di Lucca | Capofila, personale e locali | 9.000\n"
        "Cooperativa sociale Il Faro | Partner: sportello casa | –\nCentro studi Alfa | Lettera di sostegno | –"
    )
    assert [(p.name, p.how) for p in partnership(table)] == [("Cooperativa sociale Il Faro", "formal")]
    sheet = ("Ente: Cooperativa sociale Il Faro; Natura: cooperativa; Che cosa fa nel progetto: gestione dello "
             "sportello; Ha firmato l'accordo: sì\nEnte: Unione dei Comuni Beta; Natura: ente pubblico; Che cosa "
             "fa nel progetto: invio delle famiglie; Ha firmato l'accordo: no")  # fmt: skip
    assert [p.name for p in partnership(sheet)] == ["Cooperativa sociale Il Faro"]


def test_membership_denied_in_any_cell_of_a_row():
    # a sheet's column asking, in other words than signing, whether the body joins the agreement
    sheet = "\n".join([
        "Ente: Cooperativa sociale Sabina Aperta; Tipo: cooperativa; Ruolo: gestione degli alloggi; Aderisce "
        "all'accordo: sì",
        "Ente: Agenzia territoriale per la casa di Rieti; Tipo: ente pubblico; Ruolo: segnala le case sfitte; Aderisce "
        "all'accordo: no",
        "Ente: Oratorio San Giuseppe; Tipo: ente religioso; Ruolo: presta il cortile; Fa parte del partenariato: no",
    ])  # fmt: skip
    assert set(denied_rows(sheet)) == {"Agenzia territoriale per la casa di Rieti", "Oratorio San Giuseppe"}
    assert {p.name for p in partnership(sheet)} == {"Cooperativa sociale Sabina Aperta"}
    # a table's other cell that says it ("lettera di interesse, non partner"), its header in the passage or not
    table = ("Ente | Che cosa fa | Forma della collaborazione\nCooperativa Valle Aperta | sportello | accordo firmato\n"
             "Consorzio Bonifica Velino | terreni per l'orto | lettera di interesse, non partner")  # fmt: skip
    assert denied_rows(table) == ["Consorzio Bonifica Velino"]
    rows_only = "Consorzio Bonifica Velino | terreni per l'orto | comodato senza convenzione\n\n3. Durata"
    assert denied_rows(rows_only) == ["Consorzio Bonifica Velino"]
