"""Target groups stated in wordings the rules had not read: a heading with an aside before its colon ("Destinatari
del progetto, come da scheda approvata: ..."), "è aperto a", an English "The project is for A, for B, and for C", and a
table row whose label asks whom it is for ("Persone a cui si rivolge l'azione | A; B; C"). Texts invented here."""

from knowledge.target_groups import stated_groups


def _texts(sentence: str) -> list[str]:
    return [m.text for m in stated_groups(sentence)]


def _record_groups(text: str, doc_type: str) -> list[str]:
    """The target groups of the records one passage of Lucca's builds: the same on every record, or the test fails."""
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("t:0", text, {"doc_id": "t", "doc_type": doc_type, "city": "Lucca", "chunk_index": 0})
    records, _ = RecordBuilder().build("Lucca", None, [passage], set())
    assert records
    groups = [[t.text for t in record.target_groups] for record in records]
    assert all(g == groups[0] for g in groups)
    return groups[0]


def test_a_heading_with_an_aside_before_its_colon():
    assert _texts("Destinatari del progetto, come previsto dal bando: donne sole con figli piccoli.") == [
        "donne sole con figli piccoli"]  # fmt: skip


def test_open_to_and_an_english_list_of_for():
    assert _texts("Il laboratorio è aperto a giovani rifugiati tra i 18 e i 25 anni e alle donne straniere "
                  "disoccupate del quartiere.") == [
        "giovani rifugiati tra i 18 e i 25 anni", "donne straniere disoccupate del quartiere"]  # fmt: skip
    assert _texts("The service is for families leaving reception centres, for single mothers with young children, "
                  "and for seasonal workers without a home.") == [
        "families leaving reception centres", "single mothers with young children",
        "seasonal workers without a home"]  # fmt: skip
    # a door open to the public names no group
    assert _texts("Lo sportello è aperto al pubblico il martedì.") == []


def test_a_table_row_asking_whom_it_is_for():
    assert _texts("Persone a cui si rivolge il servizio | famiglie straniere in affitto; giovani titolari di "
                  "protezione internazionale") == [
        "famiglie straniere in affitto", "giovani titolari di protezione internazionale"]  # fmt: skip


def test_a_heading_closing_the_line_it_was_run_into_opens_its_bullets():
    # a PDF's text layer runs a table's last row into the heading after it: the bullets below are its groups
    text = ("Results\nIndicator Target Achieved Families housed 20 22 Volunteers 15 17 Who the service was for\n"
            "• families evicted from private rentals in the valley\n• young refugees who turned eighteen in care\n"
            "Lessons learned The desk needs a second room.\n\nThe desk of the Municipality housed 22 families and "
            "opened a service for migrants in the town.")  # fmt: skip
    assert _record_groups(text, "report") == [
        "families evicted from private rentals in the valley",
        "young refugees who turned eighteen in care",
    ]


def test_the_verb_of_whom_it_is_for_in_any_tense():
    assert _texts("Il servizio continuerà a rivolgersi a madri sole con figli piccoli e a giovani usciti dalle "
                  "comunità per minori.") == [
        "madri sole con figli piccoli", "giovani usciti dalle comunità per minori"]  # fmt: skip
    assert _texts("Dal prossimo anno lo sportello si rivolgerà anche ai lavoratori stagionali.") == []
    assert _texts("Dal prossimo anno lo sportello si rivolgerà soprattutto ai lavoratori stagionali delle serre.") == [
        "lavoratori stagionali delle serre"]  # fmt: skip
    # who turns to a desk is no group
    assert _texts("Chi ha bisogno di una casa si rivolge allo sportello del Comune.") == []


def test_a_group_with_a_long_qualifier_of_its_own_ends_at_the_next_people():
    assert _texts("Destinatari: nuclei familiari stranieri colpiti da sfratto nel centro storico e giovani "
                  "lavoratori della cantieristica senza un contratto d'affitto.") == [
        "nuclei familiari stranieri colpiti da sfratto nel centro storico",
        "giovani lavoratori della cantieristica senza un contratto d'affitto"]  # fmt: skip
    # a pair named together stays one group, and so do two qualifiers of one group
    assert _texts("Destinatari: richiedenti asilo e titolari di protezione internazionale della provincia.") == [
        "richiedenti asilo e titolari di protezione internazionale della provincia"]  # fmt: skip
    assert _texts("Destinatari: giovani stranieri tra i 18 e i 29 anni, disoccupati o inattivi, residenti a Lucca") == [
        "giovani stranieri tra i 18 e i 29 anni, disoccupati o inattivi, residenti a Lucca"]  # fmt: skip


def test_recipients_qualified_by_who_chose_them_or_said_to_stay():
    # an act's item choosing its recipients, qualified: "come destinatari prioritari i ..."
    assert _texts("3. di indicare come destinatari prioritari le madri sole con figli piccoli e i giovani usciti "
                  "dalle comunità per minori;") == [
        "madri sole con figli piccoli", "giovani usciti dalle comunità per minori"]  # fmt: skip
    # minutes recalling them: "I destinatari restano ..."
    assert _texts("Il tavolo conferma che i destinatari restano gli anziani stranieri soli del quartiere.") == [
        "anziani stranieri soli del quartiere"]  # fmt: skip


def test_a_heading_of_recipients_qualified_by_who_named_them_opens_its_items():
    text = ("## Destinatari indicati dalla cooperativa\n\n- badanti straniere senza una stanza propria\n"
            "- giovani neomaggiorenni usciti dalle comunità\n\n## Decisioni\n\nIl gruppo apre lo sportello casa, "
            "che ha già seguito 14 famiglie.")  # fmt: skip
    assert _record_groups(text, "minutes") == [
        "badanti straniere senza una stanza propria", "giovani neomaggiorenni usciti dalle comunità"]  # fmt: skip
