"""Who is named beside a project without being its partner: the people of an attendance table (their bodies may be
partners), a guest invited for one point, a funder or an informal network in a partnership table's role column, whoever
acts "senza una convenzione" or "senza entrare nell'accordo", who only lends equipment, where an event is held; and
partners an English list names after a kind with a possessive ("the growers' consortium X"). Texts invented here."""

from knowledge.partner_denials import denied, denied_clauses
from knowledge.partner_lists import attendees, partnership
from knowledge.partner_tables import NOT_A_PARTNER_ROLE
from knowledge.partners import partners
from knowledge.records import Passage, RecordBuilder


def _found(*texts: str, doc_type: str = "minutes") -> set[str]:
    passages = [Passage(f"v:{i}", t, {"doc_id": "v", "doc_type": doc_type, "city": "Lucca", "chunk_index": i})
                for i, t in enumerate(texts)]  # fmt: skip
    records, project = RecordBuilder().build("Lucca", None, passages, set())
    return {p.name for r in records for p in r.partners} | {p.name for p in project.partners}


_TABLE = """# Verbale del tavolo «Casa Comune» del 3 marzo 2026

## Presenti

| Nominativo | Organizzazione | Ruolo |
|---|---|---|
| Paola Ferri | Comune di Lucca, Ufficio casa | referente del progetto |
| Mario Conti | cooperativa sociale La Tela | partner, gestione degli alloggi |
| Sara El Amrani | associazione Vicini di Casa APS | partner, volontariato |
| Luca Bandini | Croce Verde di Lucca | ospite per il punto 2 |

## Ordine del giorno
1. Stato degli alloggi"""


def test_an_attendance_table_gives_its_bodies_not_its_people_nor_a_guests_body():
    assert [p.name for p in attendees(_TABLE, "Lucca")] == ["Cooperativa sociale La Tela",
                                                            "Associazione Vicini di Casa APS"]  # fmt: skip
    assert partnership(_TABLE) == []  # "Organizzazione | Ruolo" after a person's column is no partnership table
    found = _found(_TABLE, "Lo sportello ha seguito 40 famiglie nel 2025.")
    assert not any(n in found for n in ("Paola Ferri", "Mario Conti", "Sara El Amrani", "Luca Bandini"))
    assert any("La Tela" in n for n in found) and not any("Croce Verde" in n for n in found)
    # the guest's body named in its row is no partner either
    assert partners("| Ida Rossi | Caritas diocesana di Lucca | invitata per il punto 3 |", "Lucca") == []
    # without a header naming the body's column, the first cell that is no person's name
    bare = _TABLE.replace("| Nominativo | Organizzazione | Ruolo |", "| | | |")
    assert "Cooperativa sociale La Tela" in [p.name for p in attendees(bare, "Lucca")]


def test_a_funder_or_an_informal_network_in_a_role_column_is_no_partner():
    for role in ("Ente finanziatore", "Cofinanziatore", "Rete informale (senza accordo)", "collaborazione senza "
                 "convenzione", "Informal network", "Funding body"):  # fmt: skip
        assert NOT_A_PARTNER_ROLE.search(role), role
    for role in ("Partner", "Capofila", "partner di progetto", "Partner e cofinanziatore"):
        assert not NOT_A_PARTNER_ROLE.search(role), role
    sheet = ("Soggetto: Cooperativa sociale Il Ponte; Tipo: cooperativa; Ruolo: Partner\n"
             "Soggetto: Comitato di quartiere San Vito; Tipo: comitato; Ruolo: Rete informale (senza accordo)\n"
             "Soggetto: Regione Toscana; Tipo: ente pubblico; Ruolo: Ente finanziatore\n")  # fmt: skip
    assert [p.name for p in partnership(sheet)] == ["Cooperativa sociale Il Ponte"]


def test_who_acts_without_an_agreement_is_no_partner():
    text = ("La Caritas diocesana di Lucca segnala le persone in uscita dai centri, senza una convenzione con il "
            "progetto. 3. di confermare la coprogettazione con la cooperativa sociale Alfa, l'associazione Beta APS e "
            "la Fondazione Gamma, e di prendere atto che l'Istituto comprensivo «Verdi» ha chiesto di collaborare "
            "alle feste senza entrare nell'accordo;")  # fmt: skip
    clauses = denied_clauses(text)
    assert denied("Caritas diocesana di Lucca", clauses) and denied("Istituto comprensivo «Verdi»", clauses)
    assert not any(denied(n, clauses) for n in ("Cooperativa sociale Alfa", "Associazione Beta APS",
                                                "Fondazione Gamma"))  # fmt: skip


def test_who_only_lends_equipment_or_hosts_an_event_is_no_partner():
    assert partners("L'ARCI di Lucca ha messo a disposizione le attrezzature per le serate estive.", "Lucca") == []
    assert partners("La parrocchia di San Rocco presta il furgone per i traslochi.", "Lucca") == []
    # (who only lends the rooms: before, a test of test_partners.py expected these two as partners; the gold of batches
    # 10 and 16 and `org_phrases._SUBJECT` say who houses a service is no partner)
    assert partners("Lo IACP Teramo e il CPIA 2 Pescara hanno messo a disposizione gli spazi.", "Lucca") == []
    assert partners("La festa si è tenuta nel cortile della Società Operaia di Mutuo Soccorso.", "Lucca") == []
    # ... but who also does part of the service is one
    found = partners("La Banca di Lucca ha offerto conti a canone zero e ha messo a disposizione la propria filiale.",
                     "Lucca")  # fmt: skip
    assert [p.name for p in found] == ["Banca di Lucca"]


def test_an_english_list_of_partners_after_kinds_with_a_possessive():
    text = ("The City of Lecco runs the desk together with three partners: the social cooperative Alba, which runs the "
            "canteen; the farmers' consortium Consorzio Ortofrutta Lario, which finds the host farms; and the "
            "volunteer association Amici del Lago ODV, which coordinates the tutors.")  # fmt: skip
    found = [(p.name, p.how) for p in partners(text, "Lecco")]
    assert [how for _, how in found] == ["formal"] * 3
    assert any("Consorzio Ortofrutta Lario" in n for n, _ in found) and any("Amici del Lago ODV" in n for n, _ in found)


def test_who_only_teaches_a_course_or_trains_people_is_no_partner():
    # a provider of teaching, by itself or by its teachers, named in no partnership role
    for text in ("Le lezioni di cucina, tenute dai formatori dell'Istituto Alberghiero Marconi, sono finite a maggio.",
                 "I moduli di lingua (tre per anno, tenuti dal Centro EDA di Pontedera) hanno avuto 40 iscritti.",
                 "Allo sportello lavorano 12 volontari, formati dall'associazione Parole Nuove APS.",
                 "The workshop for nurses was taught by lecturers of the University of Ferrara."):  # fmt: skip
        assert partners(text, "Lucca") == [], text
    # ... a cue still names it a partner, and a name in a partnership role elsewhere stays
    cue = partners("Il corso è realizzato in collaborazione con l'Istituto Alberghiero Marconi.", "Lucca")
    assert [p.name for p in cue] == ["Istituto Alberghiero Marconi"]


def test_who_only_holds_courses_or_lends_its_teachers_is_no_partner():
    for text in ("Le attività sono partite a marzo; il Liceo Galilei ha curato i corsi di inglese per le madri.",
                 "Il CPIA di Massa collabora con i suoi docenti ai laboratori di lingua.",
                 "La Scuola media Pascoli e il circolo didattico collaborano mettendo a disposizione aule e docenti.",
                 "The Adult School of Carrara taught the evening classes."):  # fmt: skip
        assert partners(text, "Lucca") == [], text
    # ... who also runs something in the same clause keeps its role
    runs = partners("Il CPIA di Massa tiene i corsi e gestisce lo sportello per le famiglie.", "Lucca")
    assert [p.name for p in runs] == ["CPIA di Massa"]
