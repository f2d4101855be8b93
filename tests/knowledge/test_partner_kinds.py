"""Partners whose names or tables the rules read too narrowly: a partnership table with a column between the
organisation's and its role's ("Soggetto | Natura giuridica | Ruolo nel progetto"), and a name whose kind is followed
by what the body gathers or does before its proper name ("Associazione commercianti di X", "Consorzio di tutela Y",
"centro di formazione professionale Z"). Texts invented here."""

from knowledge.organisations import named
from knowledge.partner_lists import partnership
from knowledge.partners import partners

_TABLE = """5. Partenariato

Soggetto | Natura giuridica | Ruolo nel progetto
Comune di Pontelungo | Ente locale | Capofila: coordinamento
Cooperativa sociale Il Faggio | Impresa sociale | Partner: sportello e alloggi
Associazione Amici Lontani APS | Associazione di promozione sociale | Partner: laboratori
Comunità montana delle Valli | Ente pubblico | Aderente senza oneri (lettera di sostegno)
Regione Lazio | Ente pubblico | Ente finanziatore
"""


def test_a_partnership_table_with_a_column_between_the_name_and_its_role():
    found = {p.name: p.role for p in partnership(_TABLE)}
    assert found == {"Cooperativa sociale Il Faggio": "Partner: sportello e alloggi",
                     "Associazione Amici Lontani APS": "Partner: laboratori"}  # fmt: skip


def test_a_markdown_table_of_that_shape_and_an_attendance_table_which_is_none():
    table = ("| Ente | Natura | Ruolo |\n|---|---|---|\n| Cooperativa Il Faggio | cooperativa sociale | partner: "
             "sportello |\n| Fondazione Pietra Viva | fondazione | co-finanziatore |\n")  # fmt: skip
    assert [p.name for p in partnership(table)] == ["Cooperativa Il Faggio"]
    # whom a person is there for, the roles being people's: the minutes' attendance list reads it, not this
    attendance = "| Ente | Nominativo | Ruolo |\n|---|---|---|\n| Comune di Pontelungo | dott. Rossi | presidente |\n"
    assert partnership(attendance) == []


def test_a_kind_then_whom_it_gathers_then_its_name():
    assert [n for n, *_ in named("L'Associazione commercianti di Borgo Alto ha raccolto le offerte.")] == [
        "Associazione commercianti di Borgo Alto"]  # fmt: skip
    assert [n for n, *_ in named("Le cantine le trova il Consorzio di tutela formaggi Valle Verde DOP.")] == [
        "Consorzio di tutela formaggi Valle Verde DOP"]  # fmt: skip
    # no name after the plural: no organisation; a participle or a time is no such noun
    assert named("L'Associazione volontari ha detto di sì.") == []
    assert named("La Cooperativa ieri Pontelungo ha aperto.") == []


def test_a_kind_in_lower_case_with_what_it_does_before_its_name():
    names = [p.name for p in partners("Il corso è gestito dal Comune insieme al centro di formazione professionale "
                                      "San Marco, alla cooperativa sociale Il Faggio e all'associazione allevatori "
                                      "della Valle Alta.", "Pontelungo")]  # fmt: skip
    assert names == ["Centro di formazione professionale San Marco", "Cooperativa sociale Il Faggio",
                     "Associazione allevatori della Valle Alta"]  # fmt: skip


def test_a_partnership_table_with_columns_after_the_role_or_the_role_first():
    wide = ("Partenariato\n\nEnte | Tipologia | Ruolo | Contributo (euro)\nComune di Pontelungo | ente locale | "
            "capofila | 20.000\nCooperativa sociale Il Faggio | cooperativa | partner: alloggi | 0\n"
            "Fondazione Monte Verde | fondazione | cofinanziatore | 50.000\n")  # fmt: skip
    assert [p.name for p in partnership(wide)] == ["Cooperativa sociale Il Faggio"]
    # a funder in such a table is no partner where the text names it either
    assert "Fondazione Monte Verde" not in _found(wide)
    first = "Partenariato\n\nRuolo | Ente\nCapofila | Comune di Pontelungo\nPartner | Cooperativa sociale Il Faggio\n" \
            "Partner | Associazione Amici Lontani APS\n"  # fmt: skip
    assert _found(first) == {"Cooperativa sociale Il Faggio", "Associazione Amici Lontani APS"}


def _found(text: str) -> set[str]:
    from knowledge.records import Passage, RecordBuilder

    passages = [Passage("v:0", text, {"doc_id": "v", "doc_type": "project_sheet", "city": "Pontelungo",
                                      "chunk_index": 0})]  # fmt: skip
    records, project = RecordBuilder().build("Pontelungo", None, passages, set())
    return {p.name for r in records for p in r.partners} | {p.name for p in project.partners}
