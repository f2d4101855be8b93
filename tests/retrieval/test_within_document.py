"""Which passage of a document comes first: the document's title, headline and city are credited to each of its
passages, so the passage whose own sentence says the rest of the query leads the document."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer
from retrieval.candidates import Candidates
from retrieval.lexical import LexicalIndex
from retrieval.terms import query_terms
from retrieval.within_document import order_within_documents

OPENING = (
    "Catanzaro, l'unità di strada ha incontrato i migranti più fragili.\n\n"
    "Presentati a Palazzo De Nobili i risultati del progetto, con ventotto posti letto."
)
FACT = (
    "Il cuore dell'intervento è la presa in carico. L'unità di strada, attiva nel quartiere Lido, ha incontrato "
    "nel primo anno 215 persone senza dimora."
)
PARTNERS = "Lo sportello è gestito con la Caritas diocesana e con la cooperativa Progetto Sud."
OTHER = "A Cosenza l'unità di strada ha distribuito coperte e pasti caldi a 40 persone nelle notti d'inverno."


def _index() -> LexicalIndex:
    rows = [
        ("art:000", "art", "Catanzaro", "articolo-2025-0412", 0, OPENING),
        ("art:001", "art", "Catanzaro", "articolo-2025-0412", 1, FACT),
        ("art:002", "art", "Catanzaro", "articolo-2025-0412", 2, PARTNERS),
        ("cos:000", "cos", "Cosenza", "Cosenza, coperte e pasti", 0, OTHER),
    ]
    return LexicalIndex.empty().apply(
        [
            {"id": i, "text": t, "meta": {"doc_id": d, "city": c, "title": title, "chunk_index": n}}
            for i, d, c, title, n, t in rows
        ],
        set(),
    )


def _order(index: LexicalIndex, query: str, ids: list[str]) -> list[str]:
    terms = query_terms(QueryAnalyzer().parse(query, known_stems=index.idf), index.idf)
    positions = [index.corpus.position[i] for i in ids]
    ranked = Candidates.of(positions, [float(len(ids) - n) for n in range(len(ids))])
    out = order_within_documents(index, ranked, terms)
    assert out.scores.tolist() == ranked.scores.tolist()  # the places keep their scores
    return [index.corpus.ids[p] for p in out.positions.tolist()]


def test_the_passage_saying_the_fact_leads_its_document_in_the_document_s_place():
    """The headline names the city and the street unit; the second passage says whom the unit met. With
    the document's own words credited to it, it says more of the question and takes the document's first place;
    the other document keeps its place between them."""
    index = _index()
    query = "quante persone ha incontrato l'unità di strada di Catanzaro"
    ranked = ["art:000", "cos:000", "art:001", "art:002"]
    assert _order(index, query, ranked) == ["art:001", "cos:000", "art:000", "art:002"]


def test_a_passage_saying_nothing_the_document_does_not_already_say_stays_where_it_was():
    """The partners' passage says nothing of the question but what the headline says: the ranking's order stays."""
    index = _index()
    query = "progetto per i migranti di Catanzaro"
    ranked = ["art:000", "art:002", "cos:000"]
    assert _order(index, query, ranked) == ranked


def test_without_the_credit_the_headline_would_lead(monkeypatch):
    """What the credit changes: the question's city is said by the headline only, so without it the
    fact's passage says less of the question than the headline and stays below it (the figure's share, which
    would lift it too, set aside)."""
    import retrieval.within_document as within

    index = _index()
    query = "quante persone ha incontrato l'unità di strada di Catanzaro"
    monkeypatch.setattr(within, "document_words", lambda index: lambda doc: frozenset())
    monkeypatch.setattr(within, "FIGURE_SHARE", 0.0)
    assert _order(index, query, ["art:000", "cos:000", "art:001"]) == ["art:000", "cos:000", "art:001"]


def test_a_file_name_is_no_title():
    """The title credited is a title: "articolo-2025-0412", a file name standing in for one, adds nothing."""
    from retrieval.within_document import document_words

    index = _index()
    assert not {"articol", "articolo"} & document_words(index)("art")
    assert "pasti" in document_words(index)("cos")  # a real title is read ("coperte e pasti")


@pytest.mark.parametrize("share, first", [(None, "nap:002"), (0.0, "nap:000")])
def test_a_figure_question_s_passage_with_a_number_of_what_was_asked_leads_its_document(monkeypatch, share, first):
    """ "quante famiglie": the opening passage says every word of the question in one sentence, with a number
    of persons; another passage says it too, with a number of families. With the figure's share the passage
    with a number of families leads the document; without it the tie keeps the opening passage first."""
    headline = (
        "Rione Sanità, un anno di Porta Aperta. Lo sportello di quartiere fa il bilancio. Famiglie uscite dal "
        "sovraffollamento e 530 persone seguite: i numeri del rione."
    )
    families = "Nel primo anno 46 famiglie sono uscite da case sovraffollate."
    table = "Indicatore | Valore\nFamiglie sostenute | 60"
    index = LexicalIndex.empty().apply(
        [
            {
                "id": f"nap:00{n}",
                "text": t,
                "meta": {"doc_id": "nap", "city": "Napoli", "title": "Porta Aperta", "chunk_index": n},
            }
            for n, t in enumerate([headline, table, families])
        ],
        set(),
    )
    query = "quante famiglie sono uscite dal sovraffollamento nel rione con lo sportello?"
    ranked = ["nap:000", "nap:001", "nap:002"]
    if share is not None:
        import retrieval.within_document as within

        monkeypatch.setattr(within, "FIGURE_SHARE", share)
    assert _order(index, query, ranked)[0] == first


def test_the_asked_unit_of_a_figure_question():
    from retrieval.figures import asked_unit, gives_figure

    families = asked_unit("quante famiglie sono uscite dal sovraffollamento?")
    assert gives_figure("ha aiutato 46 famiglie a lasciare un alloggio", families)
    assert gives_figure("Ben 29 nuclei hanno avuto supporto", families)  # the thesaurus' other word for it
    assert not gives_figure("530 persone seguite dallo sportello", families)
    people = asked_unit("quante persone ha seguito lo sportello?")
    assert gives_figure("Sono 180 le persone seguite", people)
    assert gives_figure("I laboratori hanno coinvolto complessivamente 41 beneficiari", people)
    assert gives_figure("Diciotto ragazzi formati come meccanici", people)  # a number in words
    assert not gives_figure("Lo sportello è aperto dal 2024 in via Roma", people)
    money = asked_unit("quanto costa il progetto e quanto mette il Comune?")
    assert gives_figure("Il progetto costa 240.000 euro per tre anni", money)
    assert gives_figure("Contributo della Fondazione: € 40.000,00", money)
    assert not gives_figure("Il progetto dura 3 anni", money)
    assert asked_unit("come si organizza una portineria di comunità?") == frozenset()


def test_an_index_searched_once_is_not_kept_alive_by_its_document_words():
    """The documents' own words are kept per index under a weak key; the value held its index strongly, so every
    index a served process had searched (one per change) stayed in memory with all that was kept for it."""
    import gc
    import weakref

    index = _index()
    _order(index, "quante persone ha incontrato l'unità di strada di Catanzaro", ["art:000", "art:001"])
    gone = weakref.ref(index)
    del index
    gc.collect()
    assert gone() is None


def test_the_ranking_s_first_passage_leads_unless_another_says_clearly_more(monkeypatch):
    """The share is a coarse count of the query's words in one sentence: another passage of the document takes the
    first place only when it says at least MARGIN more than the passage the ranking put first (which BM25, the
    dense similarity and the reranker had read whole)."""
    from retrieval import within_document
    from retrieval.within_document import _said, document_words

    index = _index()
    query = "persone senza dimora incontrate dall'unità di strada di Catanzaro"  # no figure asked: no FIGURE_SHARE
    terms = query_terms(QueryAnalyzer().parse(query, known_stems=index.idf), index.idf)
    credited = terms.stem_set.intersection(document_words(index)("art"))
    gap = _said(index, index.corpus.position["art:001"], terms, credited) - _said(
        index, index.corpus.position["art:000"], terms, credited
    )
    assert 0 < within_document.MARGIN < gap  # the fact says clearly more: it leads
    ranked = ["art:000", "cos:000", "art:001"]
    monkeypatch.setattr(within_document, "MARGIN", gap + 0.01)  # a passage saying a little more than the first
    assert _order(index, query, ranked) == ranked
    monkeypatch.setattr(within_document, "MARGIN", gap - 0.01)
    assert _order(index, query, ranked) == ["art:001", "cos:000", "art:000"]
