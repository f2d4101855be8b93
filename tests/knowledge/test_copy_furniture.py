"""A syndicated copy's paragraph the read copy cut gives its facts once; its page furniture (a sidebar's headlines,
a masthead) gives none: it is not the article. Texts made up for the test."""

from knowledge.records import Passage, RecordBuilder

AGENCY = (
    "Ornica, la ciclofficina del quartiere ripara le biciclette abbandonate e le consegna alle famiglie della "
    "valle. Il laboratorio ha formato 18 giovani rifugiati come meccanici, con la Cooperativa Sociale Valle "
    "Aperta e il Comune, e ne ha riparate 320 in un anno e mezzo di lavoro nel vecchio magazzino."
)
COPY = (
    "Il laboratorio ha formato 18 giovani rifugiati come meccanici, con la Cooperativa Sociale Valle Aperta e il "
    "Comune, e ne ha riparate 320 in un anno e mezzo di lavoro nel vecchio magazzino della valle.\n\n"
    "Intorno all'officina sono cresciuti i volontari: sono 24 quelli che affiancano i ragazzi ogni settimana, "
    "molti dei quali pensionati del quartiere che hanno lavorato per anni in fabbrica.\n\n"
    "Le altre notizie\n\n"
    "Cusio, la sagra della castagna chiude con 9.000 visitatori\n\n"
    "Manovra, il taglio delle tasse vale 40 euro al mese per 1.500 dipendenti"
)


def _meta(doc: str, start: int = 0) -> dict:
    return {"doc_id": doc, "doc_type": "press_article", "city": "Ornica", "char_start": start,
            "doc_dup_group": "agency", "dup_group": f"{doc}:000"}  # fmt: skip


def test_a_copy_s_cut_paragraph_counts_and_its_sidebar_does_not():
    passages = [Passage("agency:000", AGENCY, _meta("agency")), Passage("copy:000", COPY, _meta("copy"))]
    records, project = RecordBuilder().build("Ornica", None, passages, set())
    values = {float(f.value) for r in records for f in r.figures} | {float(f.value) for f in project.figures}
    assert {18.0, 320.0, 24.0} <= values  # the volunteers: only the copy kept their paragraph
    assert not values & {9000.0, 1500.0, 40.0}  # the sidebar's headlines are no facts of the article


def test_a_clipping_s_news_in_brief_run_into_its_text_give_no_facts():
    # a PDF clipping's lines joined into one paragraph: "IN BREVE" in capitals opens the other stories
    clipping = COPY.split("\n\n")[1] + (
        " IN BREVE Cusio. La sagra della castagna chiude con 9.000 visitatori e "
        "vince 3 delle ultime 5 edizioni del premio."
    )
    passages = [Passage("agency:000", AGENCY, _meta("agency")), Passage("copy:000", clipping, _meta("copy"))]
    records, project = RecordBuilder().build("Ornica", None, passages, set())
    values = {float(f.value) for r in records for f in r.figures} | {float(f.value) for f in project.figures}
    assert 24.0 in values
    assert not values & {9000.0, 5.0}


def test_an_address_only_a_copy_kept_is_a_contact_and_a_newsletter_s_is_none():
    copy = COPY.split("\n\n")[0] + ("\n\nLo sportello della ciclofficina è aperto il martedì e il giovedì pomeriggio "
                                    "nel vecchio magazzino della valle; per informazioni e per prenotare una "
                                    "riparazione si può scrivere a ciclofficina@comune.ornica.bg.it. Chi vuole "
                                    "ricevere le notizie della valle ogni mese può iscriversi scrivendo a "
                                    "newsletter@valle.example.it.")  # fmt: skip
    passages = [Passage("agency:000", AGENCY, _meta("agency")), Passage("copy:000", copy, _meta("copy"))]
    _, project = RecordBuilder().build("Ornica", None, passages, set())
    assert [c.email for c in project.contacts] == ["ciclofficina@comune.ornica.bg.it"]
