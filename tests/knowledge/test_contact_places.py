"""A record never carries another comune's address: an e-mail at another comune's own domain (a newsletter's footer
read in a part about this city, another city's office) is no contact of this city's; an address at this city's domain,
at no comune's, or at a domain the gazetteer cannot place is kept. Texts invented here."""

from knowledge.reading import other_comune_address
from knowledge.records import Passage, RecordBuilder
from lgnet.gazetteer import Gazetteer


def test_an_address_at_another_comunes_domain():
    g = Gazetteer.default()
    assert other_comune_address("info@comune.pisa.it", "Lucca", g)
    assert not other_comune_address("casa@comune.lucca.it", "Lucca", g)
    assert not other_comune_address("sportello@cooperativailfaro.it", "Lucca", g)
    # a hyphen in the comune's name is none in its domain's label
    assert not other_comune_address("maison@comune.saint-vincent.ao.it", "Saint-Vincent", g)
    assert other_comune_address("maison@comune.saint-vincent.ao.it", "Aosta", g)


def test_a_record_keeps_its_own_citys_address_only():
    text = ("Lo sportello casa di Lucca ha seguito 40 famiglie nel 2025. Per informazioni: casa@comune.lucca.it. "
            "La newsletter è curata dal Comune di Pisa: per iscriversi, notizie@comune.pisa.it.")  # fmt: skip
    passage = Passage("c:0", text, {"doc_id": "c", "doc_type": "press_article", "city": "Lucca", "chunk_index": 0})
    records, project = RecordBuilder().build("Lucca", None, [passage], set())
    emails = {c.email for r in records for c in r.contacts} | {c.email for c in project.contacts}
    assert emails == {"casa@comune.lucca.it"}


_MAIL = """Buongiorno a tutti, la casa comunale ha ospitato 20 lavoratori stagionali stranieri delle aziende agricole.
Per informazioni: casa@comune.lucca.it

---------- Messaggio inoltrato ----------
Da: Cooperativa Il Monte <info@ilmonte-coop.it>

Ciao, a Pisa lo sportello regionale per gli stranieri ha visto 900 persone. Scriveteci a info@ilmonte-coop.it."""


def test_a_forwarded_messages_addresses_and_groups_are_its_senders():
    passage = Passage("m:0", _MAIL, {"doc_id": "m", "doc_type": "other", "city": "Lucca", "chunk_index": 0})
    records, project = RecordBuilder().build("Lucca", None, [passage], set())
    emails = {c.email for r in records for c in r.contacts} | {c.email for c in project.contacts}
    assert emails == {"casa@comune.lucca.it"}
    assert not any(t.text == "stranieri" for r in records for t in r.target_groups)
