"""A banking foundation (fondazione di origine bancaria, lgnet/data/banking_foundations.json, or a name of their
shape) or a Region funds a project whatever its sentence's verb; only a document's own partnership list makes one a
partner.
Texts invented here."""

import pytest

from knowledge.funders import funder_by_nature
from knowledge.partner_lists import partnership
from knowledge.partners import partners


def _names(text: str) -> set[str]:
    return {p.name for p in partners(text, "Lucca")}


def test_banking_foundations_are_known_by_the_list_and_by_their_names_shape():
    assert funder_by_nature("Fondazione Caritro") and funder_by_nature("Fondazione Cassamarca")
    assert funder_by_nature("Fondazione Cassa di Risparmio di Lucca") and funder_by_nature("Fondazione CRC")
    assert funder_by_nature("Fondazione Banca del Monte di Lucca") and funder_by_nature("Fondazione Cariplo 80")
    assert not funder_by_nature("Fondazione Città Solidale") and not funder_by_nature("Fondazione San Vito Onlus")


def test_a_banking_foundation_named_in_running_text_is_no_partner():
    assert not any(
        "Cassamarca" in n
        for n in _names(
            "Costa 18.000 euro, divisi a metà tra il Comune e la Fondazione Cassamarca (9.000 euro ciascuno)."
        )
    )
    assert not any(
        "CRC" in n
        for n in _names("La Fondazione CRC ha sostenuto la ristrutturazione del dormitorio con 100.000 euro.")
    )
    assert not any("Caritro" in n for n in _names("Bando «Scuola e comunità» 2026 – Fondazione Caritro."))
    found = _names("Lo sportello è realizzato in collaborazione con la Cooperativa sociale Il Faro e la Fondazione "
                   "Cassa di Risparmio di Lucca.")  # fmt: skip
    assert any("Il Faro" in n for n in found) and not any("Risparmio" in n for n in found)


def test_a_partnership_list_that_names_one_is_believed():
    text = "Partner\n\nCooperativa Sociale Pane e Rose\n\nFondazione Cassa di Risparmio di Lucca\n\nDurata e risorse\n"
    assert "Fondazione Cassa di Risparmio di Lucca" in {p.name for p in partnership(text)}


def test_a_region_that_grants_the_project_by_a_convention_is_no_partner():
    assert funder_by_nature("Regione Toscana") and funder_by_nature("Regione")
    assert funder_by_nature("the Tuscany Region")
    assert not funder_by_nature("Azienda Sanitaria Regionale del Molise")
    found = _names("Il servizio, avviato come da convenzione con la Regione Toscana, è gestito in collaborazione con "
                   "la cooperativa sociale Il Faro.")  # fmt: skip
    assert found == {"Cooperativa sociale Il Faro"}
    assert _names("Le attività dureranno fino a giugno, come previsto dalla convenzione con la Regione.") == set()
    # a partnership list that names one is believed
    assert "Regione Toscana" in {p.name for p in partnership("Partner\n\nRegione Toscana\n\nCooperativa Il Faro\n")}


def test_a_street_named_after_a_body_and_a_heading_in_capitals_name_no_organisation():
    from knowledge.organisations import named

    assert named("Contact: Social Services Department, via Istituto Sordomuti 2, 91025 Lucca.") == []
    assert named("Lo sportello è in piazza della Croce Rossa 3.") == []
    assert named("A CHI SERVE L'AGENZIA L'Agenzia si rivolge alle famiglie.") == []
    assert [n for n, _, _ in named("Lo gestisce l'Istituto Sordomuti di Lucca con ATER Lucca.")] == [
        "Istituto Sordomuti di Lucca",
        "ATER Lucca",
    ]


def test_an_organisation_whose_staff_run_part_of_the_service_is_a_partner():
    assert _names("Lo sportello è tenuto due volte a settimana dagli operatori della FLAI CGIL Lucca.") == {
        "FLAI CGIL Lucca"
    }
    assert _names("I 22 volontari della parrocchia di San Frediano preparano il tè.") == {"Parrocchia di San Frediano"}
    assert _names("Anche i medici di Medici per i Diritti Umani passano una domenica al mese.") == {
        "Medici per i Diritti Umani"
    }
    # a place, a public service, a programme, one person of it: no such sign
    assert _names("L'Ordine degli avvocati di Lucca ha chiesto di essere aggiornato.") == set()
    assert _names("Sono entrati nel gruppo comunale di volontari della Protezione civile.") == set()
    assert _names("La visita si è chiusa con gli operatori del SAI di Lucca.") == set()


def test_a_line_ending_with_a_partner_cue_opens_a_list_of_names_with_their_purposes():
    text = ("Chi ci lavora\n\nLa pratica è gestita dal Comune di Lucca in rete con:\n\n"
            "Consorzio Alfa Solidale (servizi socio-assistenziali)\n\ncooperativa sociale Armonia\n\n"
            "Coldiretti Lucca, per il collegamento con le aziende agricole\n\n"
            "La Prefettura di Lucca ha seguito il progetto, senza un ruolo operativo.\n")  # fmt: skip
    assert [p.name for p in partnership(text)] == ["Consorzio Alfa Solidale", "cooperativa sociale Armonia",
                                                   "Coldiretti Lucca"]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Costa 18.000 euro, divisi a metà tra il Comune e la Fondazione Alfa (9.000 euro ciascuno).",
        "La Fondazione Alfa ha sostenuto la ristrutturazione del dormitorio con 100.000 euro.",
        "La Regione ne copre 210.000 con il bando, la Fondazione Alfa 80.000 e i restanti 58.000 euro sono del Comune.",
        "Bando Scuola e comunità 2026 – Fondazione Alfa.",
    ],
)
def test_any_body_its_own_clause_says_gives_money_is_a_funder(sentence):
    assert not any("Alfa" in n for n in _names(sentence))


def test_a_number_in_a_name_is_no_sum_after_it():
    assert _names("In rete con la Cooperativa 3 Valli e la Cooperativa Delta 2000.") == {
        "Cooperativa 3 Valli",
        "Cooperativa Delta 2000",
    }


def test_who_runs_it_said_passively_in_english_is_a_partner():
    assert _names("The flats are managed by the Alfa Social Cooperative and the legal desk is run by ASGI.") == {
        "Alfa Social Cooperative",
        "ASGI",
    }
    assert _names("The evaluation was carried out by a team of the University of Lucca.") == set()


def test_a_table_s_header_row_is_no_key_value_row():
    header = "Partner | Natura | Attività\nIstituto comprensivo Lucca | scuola | spazi\nGenitori Uniti | APS | feste"
    assert "Natura" not in {p.name for p in partnership(header)}
    assert {p.name for p in partnership("Partner | Cooperativa Alfa, Associazione Beta\nDurata | 24 mesi\n")} == {
        "Cooperativa Alfa",
        "Associazione Beta",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Hanno aderito al progetto Emergency e Libera.",
        "Al progetto hanno aderito Emergency e Libera.",
        "Sono partner del progetto Emergency e Libera.",
        "Tra i partner figurano Emergency e Libera.",
        "Collaborano con il Comune Emergency e Libera.",
    ],
)
def test_names_without_a_keyword_after_a_cue_of_the_partnership(sentence):
    assert _names(sentence) == {"Emergency", "Libera"}
