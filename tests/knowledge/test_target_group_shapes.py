"""Target groups in the shapes new documents write them: a spreadsheet's key-value row ("Voce: Destinatari; Dato: ...",
its label ending one sentence and its value the next), a key-facts label a PDF's text layer ran into its line, the next
heading run into a group's line, an English list ", and at ...", "con particolare attenzione a", and "in maggioranza"
before whom a count counts (nationalities alone are none). Texts invented here."""

from knowledge.records import Passage, RecordBuilder
from knowledge.target_groups import groups_in, inline_groups, items_follow, stated_groups


def _groups(text: str) -> list[str]:
    return [m.text for m in stated_groups(text)]


def _record_groups(text: str) -> set[str]:
    passage = Passage("w:0", text, {"doc_id": "w", "doc_type": "report", "city": "Lucca", "chunk_index": 0})
    records, _ = RecordBuilder().build("Lucca", None, [passage], set())
    return {t.text for r in records for t in r.target_groups}


_SHEET = """Campo: Amministrazione; Dato: Comune di Lucca
Campo: Referente; Dato: Ufficio casa – casa@comune.lucca.it
Campo: Destinatari; Dato: famiglie straniere in emergenza abitativa, giovani neomaggiorenni usciti dall'accoglienza

Area: Abitare; Indicatore: Famiglie accolte negli alloggi; Target di progetto: 20; Totale: 24

Note
Il dormitorio comunale ha accolto anche 60 persone senza dimora nel piano freddo: dato del dormitorio."""


def test_a_key_value_row_of_a_sheet_names_the_groups_and_wins_over_the_notes():
    assert _groups("Voce: Destinatari; Dato: famiglie straniere in emergenza abitativa") == [
        "famiglie straniere in emergenza abitativa"]  # fmt: skip
    assert items_follow("Dato: Comune di Lucca Voce: Destinatari;", "", False)  # its value is the next sentence's
    assert [m.text for m in stated_groups("Dato: famiglie straniere, giovani neomaggiorenni", after_heading=True)] == [
        "famiglie straniere", "giovani neomaggiorenni"]  # fmt: skip
    assert _record_groups(_SHEET) == {"famiglie straniere in emergenza abitativa",
                                      "giovani neomaggiorenni usciti dall'accoglienza"}  # fmt: skip


def test_a_label_run_into_its_line_and_the_next_heading_run_into_a_group():
    text = ("Costo complessivo 40.000 euro (cofinanziamento 8.000 euro) Destinatari adulti stranieri in cerca di "
            "lavoro Il contesto Il paese conta 4.000 abitanti.")  # fmt: skip
    assert _groups(text) == ["adulti stranieri in cerca di lavoro"]
    assert groups_in("famiglie straniere in emergenza abitativa Attività realizzate Il Comune ha destinato 6 alloggi") \
        == ["famiglie straniere in emergenza abitativa"]  # fmt: skip
    assert _groups("Beneficiari raggiunti: 40") == []  # a label of a count, no group


def test_an_english_list_and_at_and_a_group_singled_out():
    text = ("The desk is aimed at young refugees who have left reception centres, and at foreign seasonal workers who "
            "have no stable home.")  # fmt: skip
    assert _groups(text) == ["young refugees who have left reception centres",
                             "foreign seasonal workers who have no stable home"]  # fmt: skip
    found = groups_in("Cittadini stranieri residenti, con particolare attenzione alle madri sole e ai giovani dai 16 "
                      "ai 20 anni")  # fmt: skip
    assert found == ["Cittadini stranieri residenti", "madri sole", "giovani dai 16 ai 20 anni"]


def test_in_maggioranza_before_whom_a_count_counts():
    found = [m.text for m in inline_groups("Lo sportello ha seguito 120 persone, in maggioranza braccianti della piana "
                                           "del Fucino, e 30 famiglie.")]  # fmt: skip
    assert found == ["braccianti della piana del Fucino"]
    assert inline_groups("Nelle serre lavorano migliaia di braccianti, in maggioranza rumeni e tunisini.") == []


def test_a_table_row_of_groups_a_sentence_joined_to_the_rows_around_it():
    # a word processor's table reaches the sentence reader as one line: the label in capitals after the row before,
    # its value up to the next row's label
    joined = ("Campo | Contenuto Titolo | Casa aperta Durata | 18 mesi, da maggio 2026 Destinatari | donne straniere "
              "sole con figli piccoli, nuclei familiari sotto sfratto Referente | Ufficio casa del Comune")  # fmt: skip
    assert _groups(joined) == ["donne straniere sole con figli piccoli", "nuclei familiari sotto sfratto"]
    assert _groups("Costo | 40.000 euro Destinatari | giovani rifugiati in uscita dai centri") == [
        "giovani rifugiati in uscita dai centri"
    ]
    # ... a word "destinatari" in lower case in a sentence is no cell
    assert _groups("Il costo comprende i destinatari | 40.000 euro") == []


def test_a_heading_asking_whom_it_is_for_whatever_it_names_opens_its_list():
    text = ("3. Results\n\nThe drop-in centre in Lucca's station met 210 people and gave 80 of them a bed for the "
            "night.\n\n4. Who the drop-in centre is for\n\n- women travelling alone with small children\n\n"
            "- young men sleeping in the station\n\n5. Next steps\n\nThe centre will open on Sundays.")  # fmt: skip
    assert _record_groups(text) == {"women travelling alone with small children", "young men sleeping in the station"}
    # ... asked as a question of its own, its answer the next sentence
    text = ("The night shelter of Lucca gave a bed to 45 people this winter. Who are the people? Mostly older men with "
            "no home, and young asylum seekers waiting for a place in reception.")  # fmt: skip
    assert _record_groups(text) == {"older men with no home", "young asylum seekers waiting for a place in reception"}
    assert items_follow("A chi si rivolge lo sportello casa", "", False)


def test_the_recipients_of_a_project_named_or_described_then_a_colon_or_essere_in_any_tense():
    assert _groups("Destinatari del progetto erano i giovani rifugiati ospiti dei centri della valle e le madri sole "
                   "con figli piccoli.") == ["giovani rifugiati ospiti dei centri della valle",
                                             "madri sole con figli piccoli"]  # fmt: skip
    assert _groups("Ricordo che i destinatari di «Porte aperte»: famiglie straniere sotto sfratto, giovani "
                   "neomaggiorenni.") == ["famiglie straniere sotto sfratto", "giovani neomaggiorenni"]  # fmt: skip
    assert _groups("I destinatari dello sportello saranno gli anziani soli del quartiere.") == [
        "anziani soli del quartiere"]  # fmt: skip
    # the people of what may come are no recipients of the project
    assert _groups("Il tavolo indica quali destinatari di una eventuale prosecuzione i braccianti della piana.") == []


def test_a_document_s_list_of_recipients_is_its_groups_over_those_a_clause_names():
    text = ("Il Comune di Lucca ha avviato lo sportello «Casa aperta», rivolto ai lavoratori stranieri delle cartiere "
            "della piana. In un anno ha seguito 120 persone.\n\nDestinatari\n\n- operai stranieri con un contratto a "
            "termine\n\n- famiglie ricongiunte in cerca di casa")  # fmt: skip
    assert _record_groups(text) == {"operai stranieri con un contratto a termine",
                                    "famiglie ricongiunte in cerca di casa"}  # fmt: skip
    # with no such list, the clause's groups are the document's
    assert _record_groups(text.split("\n\nDestinatari")[0]) == {"lavoratori stranieri delle cartiere della piana"}


def test_a_list_of_groups_without_bullets_runs_on_while_its_lines_name_people():
    # a word processor's list: the heading, then a paragraph per group, then the next heading
    text = ("2. Risultati\n\nLo sportello di Lucca ha preso in carico 64 persone nel primo anno.\n\n3. Destinatari\n\n"
            "famiglie straniere sotto sfratto nel centro storico\n\n"
            "giovani neomaggiorenni usciti dalle comunità per minori\n\n"
            "donne sole con figli seguite dai servizi sociali\n\n4. Partenariato\n\n"
            "Il progetto è gestito dalla cooperativa sociale Il Faro.")  # fmt: skip
    assert _record_groups(text) == {"famiglie straniere sotto sfratto nel centro storico",
                                    "giovani neomaggiorenni usciti dalle comunità per minori",
                                    "donne sole con figli seguite dai servizi sociali"}  # fmt: skip
    # a line closed as a sentence is prose, not an item: the list ends before it
    assert items_follow("famiglie straniere sotto sfratto", "famiglie straniere sotto sfratto", True)
    assert not items_follow("Famiglie straniere sono state accolte.", "Famiglie straniere sono state accolte.", True)
    assert not items_follow("4. Partenariato", "Partenariato", True)


def test_the_people_a_service_lets_homes_to_at_a_stated_rent():
    # the rent stands between the verb and its people: they are still whom the homes are let to
    assert [m.text for m in inline_groups(
        "La fondazione ha sistemato sei alloggi del borgo e li ha affittati a canone concordato a famiglie e giovani "
        "titolari di protezione sussidiaria.")] == [
        "famiglie e giovani titolari di protezione sussidiaria"]  # fmt: skip
    assert [m.text for m in inline_groups(
        "L'agenzia li assegna con contratti a canone calmierato a nuclei stranieri in uscita dai progetti SAI.")] == [
        "nuclei stranieri in uscita dai progetti SAI"]  # fmt: skip
    # as in a document that states no group of its own, whose records name them
    assert _record_groups("Con lo sportello casa 14 famiglie hanno trovato un alloggio. Nel quartiere alcuni "
                          "proprietari affittano a canone concordato a famiglie di operai stranieri della vetreria. "
                          "Il Comune garantisce il pagamento.") == {
        "famiglie di operai stranieri della vetreria"}  # fmt: skip
    # the rent's people must still say what kind of people they are
    assert inline_groups("Le case sono affittate a canone concordato a giovani coppie del paese.") == []


def test_per_lo_piu_is_no_per_before_whom_a_service_is_for():
    # "per lo più" says what most of the people counted are: the group is named without it
    assert [m.text for m in inline_groups("Nel primo anno 18 persone, per lo più giovani titolari di protezione "
                                          "sussidiaria, hanno trovato casa.")] == [
        "giovani titolari di protezione sussidiaria"]  # fmt: skip
