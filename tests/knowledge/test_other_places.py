"""A paragraph opened by another comune and a dash (a newsletter's short news) gives no facts to the document's
city. Texts made up for the test."""

from knowledge.records import Passage, RecordBuilder
from lgnet.gazetteer import Gazetteer

NEWSLETTER = (
    "Ornica, il paese che ha riaperto la scuola. Con il progetto il Comune ha accolto 12 persone in 4 alloggi, "
    "insieme alla Cooperativa Sociale Valle Aperta.\n\n"
    "Cusio – Il Comune ha ottenuto 8 nuovi posti di accoglienza con la Cooperativa Sociale Monte Verde.\n\n"
    "Averara – Firmato il protocollo con l'Associazione Strade Nuove per 30 ore di trasporto."
)


def _facts(text: str, start: int = 120) -> tuple[set[float], set[str]]:
    p = Passage("d:001", text, {"doc_id": "d", "doc_type": "press_article", "city": "Ornica", "char_start": start})
    records, project = RecordBuilder().build("Ornica", None, [p], set())
    values = {float(f.value) for r in records for f in r.figures} | {float(f.value) for f in project.figures}
    names = {x.name for r in records for x in r.partners} | {x.name for x in project.partners}
    return values, names


def test_other_comuni_s_short_news_give_no_facts():
    values, names = _facts(NEWSLETTER)
    assert 12.0 in values and 8.0 not in values and 30.0 not in values
    assert "Cooperativa Sociale Valle Aperta" in names
    assert not names & {"Cooperativa Sociale Monte Verde", "Associazione Strade Nuove"}


def test_the_city_s_own_dash_and_a_document_s_opening_dateline_are_its_own():
    from knowledge.reading import other_places

    g = Gazetteer.default()
    own = Passage("d:001", "Testo.\n\nOrnica – Il Comune ha accolto 12 persone.", {"char_start": 50})
    assert other_places(own, "Ornica", g) == []
    opening = Passage("d:000", "Bergamo – Il Comune di Ornica ha accolto 12 persone.", {"char_start": 0})
    assert other_places(opening, "Ornica", g) == []


def test_a_neighbour_named_by_a_comune_that_is_also_a_word_is_another_comune():
    from tests.knowledge.figure_text import built

    for text in (
        "Nella vicina Lavagna, dove la biblioteca ha avviato un'esperienza simile, gli iscritti sono 35.",
        "Nella vicina Bra, dove il Comune ha aperto uno sportello, sono state seguite 40 persone.",
    ):
        assert built(text, city="Chiavari") == set(), text
    assert {v for v, _ in built("Il progetto ha accolto 30 persone, alcune arrivate dalla vicina Lavagna.",
                                city="Chiavari")} == {30.0}  # fmt: skip
