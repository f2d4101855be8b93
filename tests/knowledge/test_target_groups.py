"""Target groups read as the document words them (knowledge.target_groups): a "Destinatari" section's items, a
clause naming whom a service is for, or, in a document that states none, the people a service is for or a count
counts named with what kind of people they are; every record the document feeds names them."""

from __future__ import annotations

from knowledge import figure_cv
from knowledge.records import Passage
from knowledge.target_groups import inline_groups, stated_groups


def _texts(found) -> list[str]:
    return [m.text for m in found]


def test_a_heading_and_its_list_on_one_line():
    sentence = ("Target groups Third-country nationals living in the station area, asylum seekers who have left the "
                "reception system, and homeless migrants.")  # fmt: skip
    assert _texts(stated_groups(sentence)) == [
        "Third-country nationals living in the station area",
        "asylum seekers who have left the reception system",
        "homeless migrants",
    ]
    # a qualifier after a comma stays with its group
    found = stated_groups("Destinatari Cittadini di Paesi terzi tra i 18 e i 45 anni, disoccupati o inattivi.")
    assert _texts(found) == ["Cittadini di Paesi terzi tra i 18 e i 45 anni, disoccupati o inattivi"]


def test_a_clause_naming_whom_the_service_is_for():
    sentence = ("Il servizio si rivolge a titolari di protezione internazionale in uscita dai CAS e dal SAI e a nuclei "
                "familiari stranieri con uno sfratto esecutivo.")  # fmt: skip
    found = stated_groups(sentence)
    assert _texts(found) == ["titolari di protezione internazionale in uscita dai CAS e dal SAI",
                             "nuclei familiari stranieri con uno sfratto esecutivo"]  # fmt: skip
    assert [m.code for m in found] == ["refugees", "families"]  # the codes, for facets
    # an umbrella and its list: the list's groups
    sentence = "Cittadini di paesi terzi: persone senza dimora, donne sole con figli, giovani adulti ex MSNA."
    assert _texts(stated_groups(sentence, after_heading=True)) == ["persone senza dimora", "donne sole con figli",
                                                                   "giovani adulti ex MSNA"]  # fmt: skip


def test_people_named_in_passing_need_what_kind_of_people_they_are():
    assert _texts(
        inline_groups("In venti mesi 47 persone titolari di protezione internazionale hanno trovato casa.")
    ) == ["persone titolari di protezione internazionale"]
    assert _texts(inline_groups("Un punto di orientamento per persone in transito.")) == ["persone in transito"]
    assert inline_groups("Il corso è durato per 18 mesi e ha coinvolto 850 partecipanti e 40 ragazzi.") == []


def _passage(pid: str, text: str) -> Passage:
    meta = {"doc_id": pid, "source": f"corpus/{pid}.txt", "city": "Lecce", "doc_type": "practice_report",
            "chunk_index": 0}  # fmt: skip
    return Passage(f"{pid}:0", text, meta)


SHEET = ("Scheda di buona pratica: Casa Ponte a Lecce\n\n"
         "Il Comune di Lecce ha messo a disposizione 9 alloggi per l'accoglienza abitativa temporanea.\n\n"
         "Lo sportello di orientamento al lavoro ha preso in carico 40 persone.\n\n"
         "Destinatari\n\n"
         "• titolari di protezione internazionale in uscita dai progetti SAI;\n"
         "• nuclei monoparentali con minori in emergenza abitativa.\n\n"
         "Trasferibilità\n\nLa pratica è replicabile in altri comuni.\n")  # fmt: skip


def test_every_record_of_a_document_names_the_groups_of_its_section():
    records, _ = figure_cv.build([_passage("lecce", SHEET)])
    assert len(records) >= 2
    for r in records:
        assert [t.text for t in r.target_groups] == [
            "titolari di protezione internazionale in uscita dai progetti SAI",
            "nuclei monoparentali con minori in emergenza abitativa",
        ]
        assert r.target_groups[0].label_it == r.target_groups[0].text  # shown as the document words it


def test_the_object_of_a_service_and_for_in_english():
    found = inline_groups("Progetto «Casa e campi» per l'accoglienza e la tutela dei braccianti stranieri")
    assert _texts(found) == ["braccianti stranieri"]
    assert _texts(inline_groups("The City opened its one-stop shop for third-country nationals.")) == [
        "third-country nationals"
    ]


def test_people_named_in_passing_count_once_per_head():
    text = ("Il tavolo segue 12 neomaggiorenni stranieri con un progetto individuale di autonomia.\n\n"
            "Nel 2025 7 neomaggiorenni stranieri nei settori della ristorazione hanno trovato lavoro.\n")  # fmt: skip
    p = _passage("perugia", "Verbale del tavolo sull'accoglienza abitativa a Perugia.\n\n" + text)
    records, _ = figure_cv.build([p])
    first = "neomaggiorenni stranieri con un progetto individuale di autonomia"
    assert records and all([t.text for t in r.target_groups] == [first] for r in records)


def test_a_list_runs_on_into_the_next_passage():
    first = ("Scheda di buona pratica: Casa Ponte a Lecce\n\n"
             "Il Comune di Lecce ha messo a disposizione 9 alloggi per l'accoglienza abitativa temporanea.\n\n"
             "Destinatari\n\n"
             "• titolari di protezione internazionale in uscita dai progetti SAI;\n"
             "• neomaggiorenni già minori stranieri non accompagnati;")  # fmt: skip
    second = ("• neomaggiorenni già minori stranieri non accompagnati;\n"
              "• nuclei monoparentali con minori in emergenza abitativa.\n\n"
              "Trasferibilità\n\nLa pratica è replicabile in altri comuni.\n")  # fmt: skip
    meta = {"doc_id": "lecce", "source": "corpus/lecce.txt", "city": "Lecce", "doc_type": "practice_report"}
    passages = [Passage("lecce:0", first, {**meta, "chunk_index": 0}),
                Passage("lecce:1", second, {**meta, "chunk_index": 1})]  # fmt: skip
    records, _ = figure_cv.build(passages)
    assert records
    for r in records:
        assert [t.text for t in r.target_groups][-1] == "nuclei monoparentali con minori in emergenza abitativa"


def test_a_piece_saying_where_the_groups_people_live_or_what_they_are_qualifies_it():
    # "residenti nella zona X" after a group is where its people live, not other people
    found = [m.text for m in stated_groups("Destinatari: giovani richiedenti asilo tra i 18 e i 30 anni, residenti "
                                           "nella zona di Empoli; famiglie della frazione di Sovigliana.")]  # fmt: skip
    assert found == ["giovani richiedenti asilo tra i 18 e i 30 anni, residenti nella zona di Empoli",
                     "famiglie della frazione di Sovigliana"]  # fmt: skip
    found = [m.text for m in stated_groups("Il servizio è rivolto a cittadini di paesi terzi, maggiorenni, presenti "
                                           "nel territorio dell'Ambito.")]  # fmt: skip
    assert found == ["cittadini di paesi terzi, maggiorenni, presenti nel territorio dell'Ambito"]


def test_a_heading_asked_as_a_question_and_its_items():
    from knowledge.target_groups import bare_heading

    assert bare_heading("A chi si rivolge") and bare_heading("Who is it for?")
    assert [m.text for m in stated_groups("A chi è rivolto il servizio: famiglie straniere con figli piccoli")] == [
        "famiglie straniere con figli piccoli"]  # fmt: skip


def test_people_all_of_whom_are_named_in_passing_after_their_count():
    text = "In tre mesi ha orientato 52 persone, tutte titolari di protezione internazionale o richiedenti asilo, e 20 "
    found = [m.text for m in inline_groups(text + "sono già state assunte.")]
    assert found == ["titolari di protezione internazionale o richiedenti asilo"]


def test_more_cues_and_headings_naming_whom_a_service_is_for():
    def said(text: str) -> list[str]:
        return [m.text for m in stated_groups(text)]

    assert said("The service is open to third-country nationals living in the district.") == [
        "third-country nationals living in the district"]  # fmt: skip
    assert said("The project targets young refugees leaving reception centres.") == [
        "young refugees leaving reception centres"]  # fmt: skip
    assert said("The main users are women from Nigeria and Ghana.") == ["women from Nigeria and Ghana"]
    assert said("Beneficiaries: families with children and single women.") == [
        "families with children and single women"]  # fmt: skip
    assert said("Chi può accedere: titolari di protezione internazionale e richiedenti asilo.") == [
        "titolari di protezione internazionale e richiedenti asilo"]  # fmt: skip
    assert said("Il progetto si rivolge in particolare ai giovani neomaggiorenni.") == ["giovani neomaggiorenni"]


def test_people_a_service_s_verb_serves_named_in_passing():
    assert _texts(inline_groups("Il Comune ristruttura le case vuote e le assegna a famiglie richiedenti asilo "
                                "seguite dal servizio sociale.")) == [
        "famiglie richiedenti asilo seguite dal servizio sociale"
    ]  # fmt: skip
    assert _texts(inline_groups("Lo sportello nasce per dare una risposta ai lavoratori stranieri delle serre, che "
                                "dormono nei casolari.")) == ["lavoratori stranieri delle serre"]  # fmt: skip
    assert _texts(inline_groups("The hostel houses young refugees who have left reception.")) == ["young refugees"]
    # the verb's object must say what kind of people they are
    assert inline_groups("La biblioteca ospita i ragazzi del quartiere ogni pomeriggio.") == []
