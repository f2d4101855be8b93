"""Target groups stated in wordings the rules had not read: a heading with an aside before its colon ("Destinatari
del progetto, come da scheda approvata: ..."), "è aperto a", an English "The project is for A, for B, and for C", and a
table row whose label asks whom it is for ("Persone a cui si rivolge l'azione | A; B; C"). Texts invented here."""

from knowledge.target_groups import stated_groups


def _texts(sentence: str) -> list[str]:
    return [m.text for m in stated_groups(sentence)]


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
