"""A partner is an organisation named in a partnership role. A document that states its partnership (a list, a table,
"in partenariato con") names its partners there: an organisation it only names with no role, or lists as present, is
no partner of it. Who runs the service ("Ente gestore", "affidata alla ...") has a partnership role; "con la
cooperativa X" after a name opens another organisation; a semicolon ends a name. Texts invented here."""

from knowledge.partner_tables import partner_tables
from knowledge.partners import partners
from knowledge.records import Passage, RecordBuilder


def _found(*texts: str, doc_type: str = "minutes") -> set[str]:
    passages = [Passage(f"v:{i}", t, {"doc_id": "v", "doc_type": doc_type, "city": "Lucca", "chunk_index": i})
                for i, t in enumerate(texts)]  # fmt: skip
    records, project = RecordBuilder().build("Lucca", None, passages, set())
    return {p.name for r in records for p in r.partners} | {p.name for p in project.partners}


_PRESENT = ("Presenti: Anna Rossi (Cooperativa sociale Il Faro), Marco Bianchi (Associazione Ponti), Lucia Neri "
            "(Caritas diocesana di Lucca).")  # fmt: skip


def test_a_document_stating_its_partnership_names_its_partners_there():
    stated = "Lo sportello è realizzato in partenariato con la Cooperativa sociale Il Faro e l'Associazione Ponti."
    found = _found(_PRESENT, stated)
    assert any("Il Faro" in n for n in found) and any("Ponti" in n for n in found)
    assert not any("Caritas" in n for n in found)  # present at the table, no role in the partnership
    named = _found("Lo sportello ha seguito 40 famiglie; il consultorio e la Casa della Salute di Lucca ricevono i "
                   "mediatori.", stated, doc_type="report")  # fmt: skip
    assert not any("Casa della Salute" in n for n in named)


def test_without_a_stated_partnership_those_present_and_those_named_stay():
    found = _found(_PRESENT, "Lo sportello ha seguito 40 famiglie nel 2025.")
    assert any("Caritas" in n for n in found) and any("Il Faro" in n for n in found)


def test_who_runs_the_service_has_a_partnership_role():
    row = "Voce: Ente gestore; Dato: Cooperativa sociale Il Faro\nVoce: Destinatari; Dato: famiglie"
    assert [(n, r) for n, _, _, r in partner_tables(row)] == [("Cooperativa sociale Il Faro", "partner di progetto")]
    assert [n for n, *_ in partner_tables("Ente gestore | Cooperativa Il Faro\nDurata | 2 anni")] == [
        "Cooperativa Il Faro"]  # fmt: skip
    text = "La gestione è affidata in partenariato all'Associazione Ponti."
    found = [(p.name, p.how) for p in partners(text, "Lucca")]
    assert found == [("Associazione Ponti", "formal")]


def test_con_la_cooperativa_after_a_name_opens_another_organisation_and_a_semicolon_ends_a_name():
    found = [
        (p.name, p.how)
        for p in partners(
            "La gestione è affidata alla Caritas diocesana di Lucca con la "
            "cooperativa Il Faro; la Croce Rossa garantisce una visita.",
            "Lucca",
        )
    ]
    assert found[:2] == [("Caritas diocesana di Lucca", "cue"), ("Cooperativa Il Faro", "cue")]
    found = [p.name for p in partners("Il progetto sarà realizzato in rete con la Caritas di Lucca, il CPIA 3 Lucca "
                                      "e l'Associazione Ponti, come da protocollo; 7. di nominare Responsabile del "
                                      "Progetto la dott.ssa Rossi", "Lucca")]  # fmt: skip
    assert found == ["Caritas di Lucca", "CPIA 3 Lucca", "Associazione Ponti"]


def test_a_cost_someone_covers_makes_it_a_funder():
    assert [p.name for p in partners("La spesa, 7.000 euro per le divise, è stata coperta dalla Fondazione Cassa di "
                                     "Risparmio di Lucca.", "Lucca")] == []  # fmt: skip


def test_an_apposition_giving_the_partnership_states_it_and_list_items_of_their_own_stay():
    found = _found("I lavori li ha seguiti ATER Lucca; le famiglie le accompagna la cooperativa sociale Il Faro, "
                   "partner del Comune nella gestione.", doc_type="press_article")  # fmt: skip
    assert any("Il Faro" in n for n in found) and not any("ATER" in n for n in found)
    listed = _found("Il Comune, capofila, ha realizzato le azioni in collaborazione con i seguenti enti:",
                    "Cooperativa sociale Il Faro, capofila del raggruppamento;",
                    "Associazione Ponti, per la mediazione;", "Caritas diocesana di Lucca, per l'accoglienza.",
                    doc_type="report")  # fmt: skip
    assert {"Cooperativa sociale Il Faro", "Associazione Ponti", "Caritas diocesana di Lucca"} <= listed
