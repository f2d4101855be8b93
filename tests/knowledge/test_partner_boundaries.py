"""What a partner is: an organisation named in a partnership role, its name bounded by syntax. A funder's label in a
table, a committee numbered in Roman numerals, a news agency, an acronym and the name it abbreviates joined by a dash,
a legal form closing a name past its small words, a verb and its object after a name, a partnership sheet read as
"key: value" fields, a row whose role is none and a date after a name ("la cooperativa il 12 maggio"). Texts
invented here."""

from knowledge.organisations import named, spells
from knowledge.partner_denials import denied, denied_clauses
from knowledge.partner_lists import partnership
from knowledge.partner_tables import partner_tables
from knowledge.partners import partners, split_items, tidy


def _names(text: str, city: str = "Ovada") -> list[str]:
    return [p.name for p in partners(text, city)]


def test_a_funder_s_label_in_a_table_or_form_makes_it_a_funder():
    row = "Ente proponente | Comune di Ovada Ente finanziatore | Fondazione Compagnia di San Paolo Durata | 24 mesi"
    assert _names(row) == []
    assert _names("Finanziatore: Fondazione Cassa di Risparmio di Alessandria") == []
    assert _names("Ente gestore | Cooperativa sociale Il Faro") == ["Cooperativa sociale Il Faro"]


def test_a_committee_numbered_in_roman_numerals_is_no_acronym():
    assert named("Comune di Ovada – VII Commissione consiliare permanente (Servizi sociali)") == []
    assert [n for n, *_ in named("lo sportello dell'ASL Alessandria")] == ["ASL Alessandria"]


def test_a_news_agency_is_who_reports_not_a_partner():
    assert _names("Agenzia Piemonte Notizie – Dai territori") == []
    agency = "Agenzia per la Casa di Ovada"
    assert _names(f"Lo sportello è gestito insieme all'{agency}.") == [agency]


def test_an_acronym_and_the_name_it_abbreviates_are_one_organisation():
    assert spells("ASL Alessandria", "Azienda Sanitaria Locale") and not spells("ASL Alessandria", "Caritas Diocesana")
    found = named("screening sanitari ASL Alessandria – Azienda Sanitaria Locale | visite")
    assert [n for n, *_ in found] == ["ASL Alessandria – Azienda Sanitaria Locale"]
    assert split_items("ASL Alessandria – Azienda Sanitaria Locale, Caritas diocesana") == [
        "ASL Alessandria – Azienda Sanitaria Locale", "Caritas diocesana"]  # fmt: skip
    # two organisations a dash separates stay two
    assert split_items("Cooperativa Il Faro – Associazione Casa Aperta") == ["Cooperativa Il Faro",
                                                                           "Associazione Casa Aperta"]  # fmt: skip


def test_a_legal_form_closes_the_name_past_its_small_words():
    assert [n for n, *_ in named("con l'Associazione Donne nel Mondo APS e altri")] == [
        "Associazione Donne nel Mondo APS"]  # fmt: skip
    assert _names("Il corso è tenuto in collaborazione con l'Associazione Donne nel Mondo APS.") == [
        "Associazione Donne nel Mondo APS"]  # fmt: skip
    assert "Associazione Donne nel Mondo APS" in _names("Partecipa al progetto l'Associazione Donne nel Mondo APS.")


def test_a_verb_and_its_object_after_a_name_are_no_part_of_it():
    assert tidy("la Caritas diocesana cura la mensa della foresteria") == "Caritas diocesana"
    assert tidy("l'associazione Casa Aperta coordina i volontari") == "Associazione Casa Aperta"
    found = _names("Lo sportello è gestito dalla cooperativa Il Faro, la Caritas diocesana segue la mensa e "
                   "l'associazione Casa Aperta coordina i volontari.")  # fmt: skip
    assert found == ["Cooperativa Il Faro", "Caritas diocesana", "Associazione Casa Aperta"]
    # a name's own small words and adjectives stay
    assert tidy("Centro servizi per il volontariato") == "Centro servizi per il volontariato"


_SHEET = ("Partner\n\nSoggetto: Cooperativa sociale Il Faro; Tipo: cooperativa sociale; Ruolo: gestione dello "
          "sportello; Accordo: convenzione di partenariato Soggetto: Associazione Casa Aperta ODV; Tipo: volontariato; "
          "Ruolo: feste di quartiere; Accordo: convenzione di partenariato Soggetto: ASL Alessandria – consultorio; "
          "Tipo: azienda sanitaria; Ruolo: invio di utenti, nessun ruolo nel progetto; Accordo: nessuno")  # fmt: skip


def test_a_partnership_sheet_of_key_value_fields_gives_its_names_with_their_roles():
    found = [(p.name, p.role) for p in partnership(_SHEET)]
    assert found == [("Cooperativa sociale Il Faro", "gestione dello sportello"),
                     ("Associazione Casa Aperta ODV", "feste di quartiere")]  # fmt: skip
    assert [n for n, *_ in partner_tables("Ente: Comune di Ovada; Settore: servizi sociali")] == []


def test_a_row_whose_role_is_none_denies_it_the_partnership_wherever_it_is_named():
    clauses = denied_clauses(_SHEET)
    assert denied("ASL Alessandria", clauses)
    assert not denied("Cooperativa sociale Il Faro", clauses)


def test_a_day_of_a_month_after_a_name_is_a_date_not_the_name_s_number():
    # "il 12 maggio" after a body's kind or name says when, never which body
    assert _names("Vista la relazione trasmessa dalla cooperativa il 12 maggio 2026, dalla quale risulta che:") == []
    assert _names("Letta la relazione trasmessa dall'Associazione Il Melograno il 3 febbraio.") == [
        "Associazione Il Melograno"]  # fmt: skip
    # a name that holds a date has no article before it
    assert _names("Hanno collaborato il Circolo 25 Aprile e la Cooperativa 8 Marzo.") == [
        "Circolo 25 Aprile", "Cooperativa 8 Marzo"]  # fmt: skip
