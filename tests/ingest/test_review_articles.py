"""A press review's articles each their own comune's (ingest/sections.py): a heading giving the article's outlet and
date, then a dash and its headline, opens the article of the comune its headline opens with, until the next one.
Texts made up for the test."""

from ingest.sections import document_sections

# An index of its articles, then two articles headed "Outlet, date – Comune, headline" and news in brief; the first
# article ends on its contact line, without a full stop.
REVIEW = [
    "Rassegna stampa – Inclusione nelle Langhe e nel Roero, n. 12, 2-8 marzo 2026\n\n"
    "A cura della segreteria del coordinamento dei servizi sociali. Uso interno.\n\n"
    "Indice\n\n"
    "- Il Foglio di Langa: a Fossano il vecchio convitto diventa casa per i lavoratori\n\n"
    "- Gazzetta del Roero: Chieri, le sarte in pensione insegnano il mestiere\n\n"
    "- In breve: Bra, Alba\n\n"
    "Il Foglio di Langa, 3 marzo 2026 – Fossano, il vecchio convitto diventa casa\n\n"
    "Il convitto di via Garibaldi, vuoto da dieci anni, ha riaperto le porte. Il Comune di Fossano lo ha diviso "
    "in 9 alloggi con 24 posti letto, e da gennaio ci abitano 31 lavoratori con le loro famiglie. Il servizio è "
    "gestito dalla cooperativa sociale Il Tralcio. Per saperne di più: convitto@comune.fossano.cn.it",
    "Gazzetta del Roero, 5 marzo 2026 – Chieri, le sarte in pensione insegnano il mestiere\n\n"
    "Nel laboratorio della biblioteca di Chieri, il giovedì pomeriggio, 8 sarte in pensione insegnano a cucire a "
    "ragazze arrivate da poco in Italia. Finora 15 ragazze hanno finito il corso e 4 lavorano in una sartoria. "
    "Il progetto costa 22.000 euro, pagati da una fondazione.\n\n"
    "In breve\n\n"
    "- Bra: il Comune cerca volontari per la scuola di italiano; finora se ne sono offerti 12.",
]


def _by_comune(spans: list[list[tuple[int, int, str, bool]]]) -> dict[str, list[tuple[str, bool]]]:
    out: dict[str, list[tuple[str, bool]]] = {}
    for i, passage in enumerate(spans):
        for a, b, comune, gives in passage:
            out.setdefault(comune, []).append((REVIEW[i][a:b], gives))
    return out


def _fossano_articles(review: list[str]) -> list[str]:
    """The spans of a one-passage review that give their facts to Fossano."""
    (spans,) = document_sections(review, None)
    return [review[0][a:b] for a, b, comune, gives in spans if comune == "Fossano" and gives]


def test_an_outlet_and_date_heading_opens_the_article_of_the_comune_its_headline_names_first():
    found = _by_comune(document_sections(REVIEW, None))
    fossano = [text for text, gives in found["Fossano"] if gives]
    assert len(fossano) == 1 and fossano[0].startswith("Il Foglio di Langa, 3 marzo 2026 – Fossano")
    assert "31 lavoratori" in fossano[0] and "convitto@comune.fossano.cn.it" in fossano[0]
    chieri = [text for text, gives in found["Chieri"] if gives]
    assert len(chieri) == 1 and chieri[0].startswith("Gazzetta del Roero, 5 marzo 2026 – Chieri")
    assert "22.000 euro" in chieri[0] and "Fossano" not in chieri[0]
    # the index's lines give nothing: Chieri's index line runs up to Fossano's article, which it never holds
    assert all("31 lavoratori" not in text for text, _ in found["Chieri"])


def test_a_heading_with_a_date_and_no_comune_after_its_dash_closes_the_article_before_it():
    review = [
        "Rassegna stampa settimanale\n\n"
        "Il Foglio di Langa, 3 marzo 2026 – Fossano, il vecchio convitto diventa casa\n\n"
        "Il Comune di Fossano ha aperto 9 alloggi nel convitto di via Garibaldi. Ci abitano 31 lavoratori.\n\n"
        "Gazzetta del Roero, 5 marzo 2026 – Le sarte in pensione insegnano il mestiere\n\n"
        "Nel laboratorio della biblioteca, il giovedì pomeriggio, 8 sarte insegnano a cucire a 15 ragazze."
    ]
    fossano = _fossano_articles(review)
    assert len(fossano) == 1 and "31 lavoratori" in fossano[0] and "sarte" not in fossano[0]
    # an outlet's line with its date under the article's title ("da «Outlet», date – di Author") closes nothing
    under = [
        "Rassegna stampa settimanale\n\n"
        "Fossano, il vecchio convitto diventa casa per i lavoratori\n\n"
        "da «Il Foglio di Langa», 3 marzo 2026 – di Maria Rinaldi\n\n"
        "Il Comune di Fossano ha aperto 9 alloggi nel convitto di via Garibaldi. Ci abitano 31 lavoratori."
    ]
    fossano = _fossano_articles(under)
    assert len(fossano) == 1 and fossano[0].startswith("Fossano, il vecchio") and "31 lavoratori" in fossano[0]


def test_a_comune_named_in_passing_in_an_article_takes_none_of_its_facts():
    review = [
        "Rassegna stampa settimanale\n\n"
        "Il Foglio di Langa, 3 marzo 2026 – Fossano, il vecchio convitto diventa casa\n\n"
        "Il Comune di Fossano ha aperto 9 alloggi nel convitto, sul modello di quelli di Chieri. Ci abitano "
        "31 lavoratori, arrivati anche da Bra e da Alba."
    ]
    (spans,) = document_sections(review, None)
    assert {comune for _, _, comune, gives in spans if gives} == {"Fossano"}
