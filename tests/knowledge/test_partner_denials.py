"""Organisations a document says are no partners, English kinds in lower case before a name, and sums that come
from a funder (knowledge/partner_denials.py, knowledge/partners.py). Texts invented for the mechanisms."""

from knowledge.partner_denials import denied, denied_clauses
from knowledge.partners import partners
from knowledge.records import Passage, RecordBuilder


def _names(text: str, city: str = "Lucca") -> list[str]:
    return [p.name for p in partners(text, city)]


def test_a_denied_organisation_is_no_partner_of_its_document_wherever_else_it_is_named():
    first = ("Verbale del tavolo. Presenti: Anna Rossi (ASL 2 Lucchese), Marco Bianchi (Cooperativa sociale Il Faro), "
             "Lucia Neri (Associazione Ponti).\n\n"
             "Lo sportello è gestito in partenariato con la Cooperativa sociale Il Faro e l'Associazione Ponti; "
             "la ASL partecipa al tavolo ma non è partner del progetto.")  # fmt: skip
    second = "Nel 2025 lo sportello ha seguito 140 persone con la Cooperativa sociale Il Faro e la ASL 2 Lucchese."
    passages = [Passage(f"v:{i}", t, {"doc_id": "v", "doc_type": "minutes", "city": "Lucca", "chunk_index": i})
                for i, t in enumerate([first, second])]  # fmt: skip
    records, project = RecordBuilder().build("Lucca", None, passages, set())
    found = {p.name for r in records for p in r.partners} | {p.name for p in project.partners}
    assert any("Il Faro" in n for n in found) and any("Ponti" in n for n in found)
    assert not any("ASL" in n for n in found)  # denied in the first passage, named again in the second


def test_an_english_denial_names_its_whole_subject_and_only_it():
    text = ("The Regional Health Agency and the Prefecture of Lucca sat on the steering board but were not partners. "
            "The desk was run with the association Porto Sicuro.")  # fmt: skip
    clauses = denied_clauses(text)
    assert denied("Prefecture of Lucca", clauses) and denied("Regional Health Agency", clauses)
    assert not denied("Association Porto Sicuro", clauses)
    assert not denied_clauses("Il progetto non è partito a gennaio ma a marzo, con la Caritas.")


def test_an_english_kind_in_lower_case_before_the_name():
    found = _names("The service was run by the Municipality with two partners: the social cooperative Stella "
                   "Maris and the foundation Casa Aperta.")  # fmt: skip
    assert any(n.endswith("Stella Maris") for n in found) and any(n.endswith("Casa Aperta") for n in found)
    # an Italian plural is no English kind: "cooperative del Consorzio" are cooperatives, not one named so
    assert _names("Sono stati attivati 12 tirocini in aziende agricole e cooperative del CAF; 5 sono assunzioni.") == []


def test_a_sum_that_comes_from_a_foundation_makes_it_a_funder():
    assert _names("Il progetto costa 60.000 euro: 40.000 arrivano dalla Fondazione Cassa di Risparmio di Lucca e "
                  "il resto dal bilancio comunale.") == []  # fmt: skip
    assert _names("La quota restante viene dalla Fondazione del Monte; lo sportello è gestito con la Cooperativa "
                  "sociale Il Faro.") == ["Cooperativa sociale Il Faro"]  # fmt: skip


def test_a_relative_denial_in_the_singular_denies_only_the_name_before_it():
    # a partner table run into the sentence without its rules: the denial is of the evaluator alone
    text = ("Partner Role in the project Cooperativa Sociale Alfa outreach team Caritas Diocesana di Beta legal desk "
            "volunteers The evaluation was commissioned to the Department of Law of the University of Gamma, which "
            "was not a partner and had no role in delivery.")  # fmt: skip
    clauses = denied_clauses(text)
    assert denied("University of Gamma", clauses)
    assert not denied("Caritas Diocesana di Beta", clauses) and not denied("Cooperativa Sociale Alfa", clauses)
    italian = "Lavorano con la Cooperativa Delta, la Questura di Lucca, che non è partner, ha dato i permessi."
    assert denied("Questura di Lucca", denied_clauses(italian))
    assert not denied("Cooperativa Delta", denied_clauses(italian))
    plural = "Il Tribunale e la Caritas di Lucca, che non sono partner, hanno partecipato al tavolo."
    assert denied("Caritas di Lucca", denied_clauses(plural)) and denied("Tribunale", denied_clauses(plural))


def test_a_label_denying_partnership_denies_whom_it_lists_to_its_line_s_end():
    text = (
        "Verbale del tavolo\n\n**Ospiti, che non sono partner del progetto:** dott. Carlo Verdi (ASL Lucca, "
        "Distretto 3), dott.ssa Anna Neri (Caritas diocesana).\n\nPresenti: Marco Bianchi (Cooperativa Alfa)."
    )
    clauses = denied_clauses(text)
    assert denied("ASL Lucca", clauses) and not denied("Cooperativa Alfa", clauses)
    # a denial whose subject names an organisation denies nothing after its colon
    other = "La ASL partecipa al gruppo ma non è partner di progetto: lo sportello è della Cooperativa Alfa."
    assert not denied("Cooperativa Alfa", denied_clauses(other))


def test_a_body_said_to_be_no_member_of_the_agreement_or_the_project_however_worded_is_denied():
    for text, name in [
        ("L'Arciconfraternita di San Rocco, che ospita le lezioni, non è parte della convenzione.",
         "Arciconfraternita di San Rocco"),
        ("Le famiglie arrivano anche dall'ARCI Lucca, che non partecipa al progetto.", "ARCI Lucca"),
        ("La Fondazione Il Ponte ha aderito all'iniziativa, mentre l'Associazione Terra Viva non ha aderito alla rete.",
         "Associazione Terra Viva"),
        ("Il sindacato CISL Lucca e la Misericordia di Lucca hanno segnalato alcune persone allo sportello, senza però "
         "entrare nel partenariato.", "Misericordia di Lucca"),
    ]:  # fmt: skip
        assert denied(name, denied_clauses(text)), text
    # a denial about something else denies no one
    assert not denied("Cooperativa Il Faro", denied_clauses("La Cooperativa Il Faro non partecipa alle feste di "
                                                             "quartiere del sabato."))  # fmt: skip


def test_a_denial_in_one_row_of_an_attendance_table_denies_that_row_s_body_only():
    # the table is one sentence (no full stop between its rows): the denial's subject starts at its own row
    table = (
        "## Presenti\n\n"
        "| Ente | Nome | Ruolo |\n"
        "|---|---|---|\n"
        "| Comune di Voghera | Anna Ferri | capofila |\n"
        "| Cooperativa sociale Il Tralcio | Luca Sala | partner, alloggi |\n"
        "| Associazione Porte Aperte | Rita Moro | partner, sportello |\n"
        "| Agenzia per la casa dell'Oltrepò | Ugo Testa | osservatore, non ha firmato l'accordo |\n"
    )
    clauses = denied_clauses(table)
    assert denied("Agenzia per la casa dell'Oltrepò", clauses)
    assert not denied("Cooperativa sociale Il Tralcio", clauses)
    assert not denied("Associazione Porte Aperte", clauses)


def test_an_outlet_heading_its_article_with_its_date_is_no_partner():
    heading = "La Gazzetta Unione Langhe, 3 marzo 2026 – Fossano, il vecchio convitto diventa casa"
    assert not any("Unione" in p.name for p in partners(heading, "Fossano"))
    # the same kind of name doing something in the project is one
    assert any("Unione" in p.name for p in partners("Il servizio è gestito con l'Unione Langhe e Roero.", "Fossano"))
