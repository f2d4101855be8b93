"""Partners read by the structure of what names them rather than by a cue phrase (knowledge/org_phrases.py): a kind
in lower case before the name, in Italian or English order; a list after an intro naming the partnership, its items
separated by semicolons or letters, each with what it does; an organisation that opens a clause as the subject of
what it does; a unit standing for its organisation; a branch after a dash; a recommendation's names; a table row
whose relationship denies the partnership; a name in a clause set in another comune. Texts invented here."""

from knowledge.document_reading import _named_elsewhere
from knowledge.elsewhere import other_comune_clauses
from knowledge.partner_tables import denied_rows
from knowledge.partners import partners, split_items
from lgnet.gazetteer import Gazetteer


def _found(text: str, city: str = "Teramo") -> dict[str, str]:
    return {p.name: p.how for p in partners(text, city)}


def test_a_kind_in_lower_case_with_its_qualifiers_before_the_name():
    found = _found("Il laboratorio è gestito dalla cooperativa Aurora insieme all'istituto tecnico agrario «Enrico "
                   "Fermi» e all'agenzia formativa Orizzonti.")  # fmt: skip
    assert "Istituto tecnico agrario «Enrico Fermi»" in found and "Agenzia formativa Orizzonti" in found
    english = _found("The desk is run in cooperation with the local housing association Casa Verde.")
    assert "Local housing association Casa Verde" in english


def test_a_partnership_intro_then_items_separated_by_letters_and_semicolons():
    text = ("Il servizio è condotto dal Comune con i seguenti partner, che ringraziamo: a) CNA Teramo, che segue i "
            "contratti; b) cooperativa sociale Aurora, che gestisce gli alloggi; c) agenzia formativa Orizzonti, che "
            "ha curato i corsi; d) associazione Ponte Aperto ODV, che accompagna i ragazzi.")  # fmt: skip
    assert _found(text) == {"CNA Teramo": "formal", "Cooperativa sociale Aurora": "formal",
                            "Agenzia formativa Orizzonti": "formal",
                            "Associazione Ponte Aperto ODV": "formal"}  # fmt: skip
    english = ("The City led a partnership of three organisations: the social cooperative Aurora, which ran the "
               "flats; the volunteer association Amici di Strada ODV, which trained the volunteers; and the Diocesan "
               "Caritas of Teramo, which hosted the desk.")  # fmt: skip
    assert set(_found(english)) == {"Social cooperative Aurora", "Volunteer association Amici di Strada ODV",
                                    "Diocesan Caritas of Teramo"}  # fmt: skip
    # a cue's list goes on after a semicolon while each piece is an organisation and what it does
    text = ("Il progetto è presentato in partenariato con l'Istituto comprensivo di Teramo, che mette a disposizione "
            "i locali; la cooperativa sociale Aurora, che gestisce il doposcuola; l'associazione Vicini ODV, che forma "
            "i volontari.")  # fmt: skip
    assert set(_found(text).values()) == {"formal"} and len(_found(text)) == 3


def test_a_piece_after_a_semicolon_that_is_a_clause_of_its_own_ends_the_list():
    found = _found("Con noi hanno lavorato l'associazione Genitori Insieme; la parrocchia di San Rocco ha messo a "
                   "disposizione le aule, in comodato gratuito.")  # fmt: skip
    assert list(found) == ["Associazione Genitori Insieme"]


def test_an_organisation_opening_a_clause_as_the_subject_of_what_it_does():
    found = _found("Gestiscono le case la cooperativa sociale Aurora e l'associazione Vicini; la Uil di Teramo presta "
                   "i suoi legali e la Banca di Teramo ha offerto conti a canone zero.")  # fmt: skip
    assert found.get("Uil di Teramo") == "cue"
    found = _found("Il progetto è del Comune; la Banca Popolare di Teramo ha offerto conti a canone zero.")
    assert found.get("Banca Popolare di Teramo") == "cue"
    # a sum with it is a funder's; the rooms it lends are a host's
    assert "Banca Popolare di Teramo" not in _found("Il progetto è del Comune; la Banca Popolare di Teramo ha messo a "
                                                    "disposizione 20.000 euro.")  # fmt: skip
    assert (
        _found("Il doposcuola è del Comune; la Parrocchia di San Rocco ha messo a disposizione le aule.").get(
            "Parrocchia di San Rocco"
        )
        != "cue"
    )  # fmt: skip (named only: dropped where the document states its partners)


def test_a_unit_of_an_organisation_stands_for_it():
    found = _found("L'ambulatorio è gestito dall'associazione Medici Insieme ODV in convenzione con il Comune e con "
                   "il distretto sociosanitario dell'ASL Teramo, e accoglie lavoratori stranieri.")  # fmt: skip
    assert set(found) == {"Associazione Medici Insieme ODV", "ASL Teramo"}


def test_a_branch_after_a_dash_in_lower_case_is_one_organisation():
    items = split_items("1) Cooperativa sociale Il Faro (capofila) 2) Associazione Vicini – gruppo territoriale "
                        "Vomano 3) Misericordia di Teramo")  # fmt: skip
    assert items == ["Cooperativa sociale Il Faro", "Associazione Vicini – gruppo territoriale Vomano",
                     "Misericordia di Teramo"]  # fmt: skip


def test_who_a_recommendation_names_is_no_partner():
    assert _found("The evaluators recommend negotiating with the Regional Housing Agency (ATER Abruzzo) to keep "
                  "the flats.") == {}  # fmt: skip


def test_a_table_row_whose_relationship_denies_the_partnership():
    text = ("Ente: Cooperativa sociale Aurora; Ruolo nel progetto: sportello; Tipo di rapporto: partner\n"
            "Ente: Centro per l'impiego di Teramo; Ruolo nel progetto: ospita i colloqui; Tipo di rapporto: "
            "collaborazione senza partenariato\n")  # fmt: skip
    assert denied_rows(text) == ["Centro per l'impiego di Teramo"]


def test_an_organisation_in_a_clause_another_comune_opens_is_that_comunes():
    gazetteer = Gazetteer.default()
    body = "A Pescara un progetto parallelo del Consorzio So&Co segue già 18 ragazzi: verrà all'incontro."
    away = other_comune_clauses(body, "Teramo", gazetteer)
    assert [p.name for p in partners(body, "Teramo")] == ["Consorzio So&Co"]  # the name whole, past its ampersand
    assert _named_elsewhere(body, "Consorzio So&Co", away)
    # a comune inside a name before the partner places nothing
    body = "Partner del progetto sono la Caritas diocesana di Pescara, l'ASP di Teramo e l'associazione Amici ODV."
    away = other_comune_clauses(body, "Teramo", gazetteer)
    assert not _named_elsewhere(body, "Associazione Amici ODV", away)


def test_more_ways_to_say_who_is_in_the_network_or_runs_the_service():
    assert set(_found("Fanno parte della rete la cooperativa sociale Aurora e l'associazione Vicini ODV.")) == {
        "Cooperativa sociale Aurora", "Associazione Vicini ODV"}  # fmt: skip
    found = _found("La rete del progetto comprende tre enti: la cooperativa sociale Aurora; l'associazione Vicini; "
                   "la Caritas diocesana di Teramo.")  # fmt: skip
    assert set(found.values()) == {"cue"} and len(found) == 3
    found = _found("La rete è composta, oltre che dal Comune, da: 1) Caritas diocesana di Teramo; 2) cooperativa "
                   "sociale Aurora, che gestisce lo sportello; 3) SUNIA Teramo.")  # fmt: skip
    assert set(found) == {"Caritas diocesana di Teramo", "Cooperativa sociale Aurora", "SUNIA Teramo"}
    assert _found("A gestire la struttura è la cooperativa sociale Aurora.") == {"Cooperativa sociale Aurora": "cue"}
    assert _found("Soggetto gestore: cooperativa sociale Aurora.") == {"Cooperativa sociale Aurora": "cue"}


def test_english_partners_with_an_adverb_a_numbered_list_staff_from_and_roles_in_brackets():
    assert set(_found("We worked closely with two NGOs, Oxfam Italia and Medici per i Diritti Umani.")) == {
        "Oxfam Italia", "Medici per i Diritti Umani"}  # fmt: skip
    assert set(_found("The partners were: 1. the social cooperative Aurora; 2. the association Vicini; 3. the "
                      "Teramo Red Cross.")) >= {"Social cooperative Aurora", "Association Vicini"}  # fmt: skip
    assert "ASGI" in _found("The desk is staffed by lawyers from ASGI.")
    assert set(_found("Partners: the social cooperative Aurora (housing), the association Vicini (legal advice).")) == {
        "Social cooperative Aurora", "Association Vicini"}  # fmt: skip
    # the city itself is no partner in English either
    assert "City" not in _found("The project was delivered by the City together with the Diocesan Caritas of Teramo.")


def test_english_and_italian_wordings_of_working_with_and_a_kinds_name_ends_where_its_words_do():
    assert set(_found("Three organisations worked with the City: the social cooperative Aurora, the association "
                      "Vicini and the Diocesan Caritas.")) == {"Social cooperative Aurora", "Association Vicini",
                                                               "Diocesan Caritas"}  # fmt: skip
    assert _found("The Municipality relied on the social cooperative Aurora for the management of the flats.") == {
        "Social cooperative Aurora": "cue"}  # fmt: skip
    assert set(_found("The service was co-designed with the association Vicini and the social cooperative "
                      "Aurora.")) == {"Association Vicini", "Social cooperative Aurora"}  # fmt: skip
    assert "Red Cross" in _found("Legal advice was provided by lawyers of ASGI, while the Red Cross ran the shelter.")
    assert set(_found("Il progetto è nato da un accordo tra il Comune, l'ASL Teramo e la cooperativa sociale "
                      "Aurora.").values()) == {"cue"}  # fmt: skip
    assert set(_found("Partecipano al tavolo di coordinamento la cooperativa Aurora e l'associazione "
                      "Vicini.").values()) == {"cue"}  # fmt: skip
    assert _found("Lo sportello è gestito con la cooperativa sociale Aurora e durerà fino a dicembre 2026.") == {
        "Cooperativa sociale Aurora": "cue"}  # fmt: skip


def test_an_english_social_cooperative_and_a_caritas_of_a_place_named_in_passing():
    from knowledge.organisations import named

    assert [n for n, *_ in named("Mediators from the social cooperative Progetto Casa met 300 people.")] == [
        "Cooperative Progetto Casa"]  # fmt: skip
    assert [n for n, *_ in named("The Diocesan Caritas of Teramo opened a second desk.")] == ["Caritas of Teramo"]
    # an Italian plural is no name's kind: "aziende agricole e cooperative del MOF"
    assert named("sono stati attivati 41 tirocini in aziende agricole e cooperative del MOF") == []
