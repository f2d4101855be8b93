"""The parts of a document about other comuni than its own (ingest/sections.py). Texts made up for the test."""

from ingest.sections import document_sections, section_metadata, stored_sections

REVIEW = [
    "Rassegna stampa - Accoglienza nei comuni abruzzesi\n\n"
    "A cura dell'ufficio stampa dell'associazione dei comuni. Settimana dal 3 al 9 marzo 2025.\n\n"
    "Sulmona, la casa di accoglienza apre altri dodici posti\n\n"
    "Il Centro, edizione di Sulmona, 4 marzo 2025\n\n"
    "SULMONA. Sono 12 i nuovi posti letto aperti dal Comune di Sulmona con la Cooperativa Sociale Il Faro, "
    "per famiglie con bambini. Il servizio dispone di 90.000 euro per il biennio 2025-2026.",
    "Teramo, allo sportello per stranieri 230 persone seguite\n\n"
    "La Città, 6 marzo 2025\n\n"
    "TERAMO. Sono 230 le persone seguite dallo sportello del Comune di Teramo, gestito con l'Associazione Ponti. "
    "Lo sportello è aperto il lunedì e il giovedì.\n\n"
    "In breve\n\n"
    "Pescara - Il Comune ha firmato il protocollo con la ASL per 40 visite mediche al mese. "
    "Chieti - Riapre il dormitorio invernale di via Arniense.",
]


def _by_comune(spans: list[list[tuple[int, int, str, bool]]]) -> dict[str, list[tuple[int, str, bool]]]:
    out: dict[str, list[tuple[int, str, bool]]] = {}
    for i, passage in enumerate(spans):
        for a, b, comune, gives in passage:
            out.setdefault(comune, []).append((i, REVIEW[i][a:b], gives))
    return out


def test_each_article_and_short_news_is_its_comune_s_part_and_no_other_s():
    found = _by_comune(document_sections(REVIEW, None))
    assert set(found) == {"Sulmona", "Teramo", "Pescara", "Chieti"}
    (i, sulmona, gives), = found["Sulmona"]  # fmt: skip
    assert i == 0 and gives and sulmona.startswith("Sulmona, la casa") and "90.000 euro" in sulmona
    assert "Rassegna stampa" not in sulmona and "Teramo" not in sulmona
    (_, teramo, _), = found["Teramo"]  # fmt: skip
    assert teramo.startswith("Teramo, allo sportello") and "giovedì." in teramo
    assert "In breve" not in teramo and "Pescara" not in teramo  # the heading after its body closes the article
    (_, pescara, gives), = found["Pescara"]  # fmt: skip
    assert gives and "40 visite" in pescara and "Chieti" not in pescara  # a short news run into the paragraph
    assert "dormitorio" in found["Chieti"][0][1]


def test_the_document_s_own_city_opening_dateline_and_place_date_lines_are_no_other_comune_s():
    article = ["Latina, dodici posti letto per le famiglie\n\n"
               "ROMA, 4 marzo 2025 (Agenzia) - A Latina il Comune ha aperto 12 posti letto con la Caritas.\n\n"
               "Latina, il progetto continua\n\n"
               "Il progetto continua fino al 2026 con altri 20 posti per famiglie."]  # fmt: skip
    assert document_sections(article, "Latina") == [[]]  # the agency's office in the dateline is not its subject
    letter = [
        "Oggetto: relazione.\n\nLa relazione descrive il servizio di accoglienza svolto nel corso dell'anno.\n\n"
        "Latina, 4 marzo 2025\n\nIl servizio ha accolto 12 famiglie nel corso dell'anno con la Caritas."
    ]
    assert document_sections(letter, None) == [[]]  # a place and a date head a letter
    listing = ["Il progetto LGNet.\n\nBologna, Caserta, Firenze, Latina e Torino\n\nSono le città della rete."]
    assert document_sections(listing, None) == [[]]  # a list of comuni is nobody's section


def test_a_sidebar_headline_is_not_the_article_s_city_s_and_gives_its_comune_nothing():
    copy = ["Il laboratorio ha riparato 320 biciclette nel quartiere con i volontari della città di Cuneo.\n\n"
            "Le altre notizie\n\n"
            "Saluzzo, la fiera chiude con 200.000 visitatori\n\n"
            "La Provincia - Registrazione del Tribunale n. 12/2019"]  # fmt: skip
    (spans,) = document_sections(copy, "Cuneo")
    assert [(c, g) for _, _, c, g in spans] == [("Saluzzo", False)]
    meta = section_metadata(spans)
    assert "section_cities" not in meta and stored_sections(meta) == spans  # no comune's group reads it


def _given_parts(review: str) -> dict[str, str]:
    """The text of each part a review of no comune gives to a comune."""
    spans = document_sections([review], None)[0]
    return {comune: review[a:b] for a, b, comune, gives in spans if gives}


def test_a_review_of_no_comune_gives_its_first_dateline_s_article_to_that_comune():
    # the outlet and date head each extract, the article's dateline in capitals names its comune; the review has no
    # city, so its first dateline is no office of its own
    review = ("Rassegna stampa settimanale dell'Unione dei comuni\n\n"
              "Il Tirreno, 3 febbraio 2025 – Portoferraio, corsi di italiano per le madri\n\n"
              "PORTOFERRAIO. Il Comune ha portato in classe 64 donne con il CPIA e l'associazione Approdi.\n\n"
              "La Nazione, 5 febbraio 2025 – Follonica, riapre il dormitorio\n\n"
              "FOLLONICA. Il dormitorio ha 25 posti e ha accolto l'inverno scorso 140 persone diverse.")  # fmt: skip
    found = _given_parts(review)
    assert set(found) == {"Portoferraio", "Follonica"}
    assert "64 donne" in found["Portoferraio"] and "140 persone" in found["Follonica"]
    assert "64 donne" not in found["Follonica"]
    # an article about a comune keeps its first dateline as its own (an agency's office)
    article = (
        "Lavoro ai rifugiati\n\nUn laboratorio di biciclette assume sei ragazzi.\n\n"
        "LIVORNO. L'agenzia regionale riferisce che la ciclofficina di Portoferraio ha formato 18 ragazzi."
    )
    assert document_sections([article], "Portoferraio")[0] == []


def test_a_review_whose_lines_were_joined_gives_each_inline_dateline_s_article_to_its_comune():
    # a PDF's text layer joined the review into one paragraph: the source lines and capitalised datelines run in
    review = ("Rassegna stampa dell'Ambito – settimana 3-9 febbraio 2025 Uso interno. Il Tirreno, 3 febbraio 2025 – "
              "Portoferraio, corsi di italiano per le madri PORTOFERRAIO. Il Comune ha portato in classe 64 donne "
              "con il CPIA. La Nazione, 5 febbraio 2025 – Follonica riapre il dormitorio: 25 posti FOLLONICA. Il "
              "dormitorio ha accolto l'inverno scorso 140 persone diverse. In breve • Grosseto. Nuovo bando per "
              "gli affitti, 30 contributi.")  # fmt: skip
    found = _given_parts(review)
    assert set(found) == {"Portoferraio", "Follonica"}
    assert "64 donne" in found["Portoferraio"] and "25 posti" not in found["Portoferraio"]
    assert "140 persone" in found["Follonica"] and "30 contributi" not in found["Follonica"]
    # a document about a comune is not cut by capitals inside it
    assert document_sections([review], "Portoferraio")[0] == []


def test_a_review_s_article_opened_by_its_comune_in_capitals_and_a_dash_runs_on_into_its_next_paragraphs():
    # "PORTOFERRAIO – ..." under a title and an outlet line is an article's dateline: its text goes on in the next
    # paragraph (and passage), unlike a newsletter's one-paragraph news "Capoliveri – Il Comune ha ..."
    first = (
        "Rassegna stampa settimanale dell'Unione dei comuni\n\n"
        "Portoferraio, corsi di italiano per le madri\n\n"
        "Il Tirreno, 3 febbraio 2025\n\n"
        "PORTOFERRAIO – Il Comune ha portato in classe 64 donne con il CPIA, ogni martedì e giovedì."
    )
    second = ("Il corso è gestito con l'associazione Approdi e costa 12.000 euro fino a giugno 2026.\n\n"
              "Follonica, riapre il dormitorio\n\n"
              "FOLLONICA – Il dormitorio ha 25 posti e ha accolto l'inverno scorso 140 persone diverse.")  # fmt: skip
    spans = document_sections([first, second], None)
    given = {c: second[a:b] for a, b, c, g in spans[1] if g}
    assert "Approdi" in given["Portoferraio"] and "Approdi" not in given["Follonica"]
    # a review with a city of its own keeps a newsletter's short news to its paragraph
    news = (
        "Notizie dall'Unione\n\nCapoliveri – Il Comune ha aperto lo sportello per 30 famiglie.\n\nIl resto del testo."
    )
    (spans,) = document_sections([news], "Portoferraio")
    assert [news[a:b] for a, b, _, _ in spans] == ["Capoliveri – Il Comune ha aperto lo sportello per 30 famiglie."]


def test_a_review_s_numbered_article_titles_open_their_comune_s_parts():
    # a review that numbers its extracts ("1. Portoferraio, ...", "2) Follonica – ..."), each under its outlet line
    review = ("Rassegna stampa – Accoglienza nell'Arcipelago\n\n"
              "A cura dell'Ufficio di Piano – settimana 3-9 febbraio 2025\n\n"
              "1. Portoferraio, le madri tornano in classe con il progetto «Alfabeti»\n\n"
              "Il Tirreno – edizione di Livorno, 3 febbraio 2025\n\n"
              "Il Comune di Portoferraio ha portato in classe 64 donne con il CPIA, ogni martedì e giovedì.\n\n"
              "2) Follonica – riapre il dormitorio con venticinque posti\n\n"
              "La Nazione, 5 febbraio 2025\n\n"
              "Il dormitorio comunale ha accolto l'inverno scorso 140 persone diverse, gestito con la Caritas.\n\n"
              "In breve\n\n"
              "Grosseto: nuovo bando per gli affitti, 30 contributi alle famiglie.")  # fmt: skip
    found = _given_parts(review)
    assert set(found) == {"Portoferraio", "Follonica"}
    assert found["Portoferraio"].startswith("1. Portoferraio") and "64 donne" in found["Portoferraio"]
    assert "140 persone" not in found["Portoferraio"]
    assert "140 persone" in found["Follonica"] and "30 contributi" not in found["Follonica"]
    # a numbered heading of the document's own city, or of no comune, opens nobody's part
    report = [
        "Relazione finale del Comune di Follonica\n\n1. Sintesi\n\nIl dormitorio ha accolto 140 persone.\n\n"
        "2. Follonica, il contesto\n\nLa città conta 21.000 abitanti e un porto turistico."
    ]
    assert document_sections(report, "Follonica") == [[]]


def test_a_review_s_article_headed_by_a_comune_that_is_a_common_word_is_its_part_when_the_text_names_it_a_place():
    # "Bra" is a word too: its heading alone is no evidence, "il Comune di Bra" in its article is
    review = ("Rassegna stampa settimanale della Provincia\n\n"
              "Cuneo, corsi di italiano per le madri\n\n"
              "da «La Fedeltà», 3 febbraio 2025 – di Anna Rossi\n\n"
              "CUNEO. Il Comune ha portato in classe 64 donne con il CPIA e l'associazione Approdi.\n\n"
              "Bra, un orto per le famiglie arrivate da poco\n\n"
              "da «Gazzetta d'Alba», 5 febbraio 2025 – di Marco Bianchi\n\n"
              "BRA. Con l'associazione Semi sono stati dati 12 orti a famiglie arrivate da poco.\n\n"
              "Il progetto è del Comune di Bra e durerà fino a giugno 2026.")  # fmt: skip
    found = _given_parts(review)
    assert "12 orti" in found.get("Bra", "") and "12 orti" not in found.get("Cuneo", "")


def test_a_pdf_review_whose_numbered_articles_run_title_source_and_body_into_one_line():
    # a PDF's text layer: title, source line and body of each article wrapped over lines, joined for display; the
    # numbered titles keep their lines (a list's items), the datelines in capitals take a dash
    from ingest.documents import display_text

    pdf = ("Rassegna stampa settimanale – Osservatorio provinciale\nA cura dell'ufficio stampa. Gli articoli sono "
           "riportati per estratto.\n"
           "1. Vignola, lo sportello salute compie un anno: 180 donne accompagnate\nalle visite\n"
           "(da «Il Resto di Vignola», 9 marzo 2026)\nVIGNOLA – Un anno fa apriva lo sportello salute. In dodici mesi "
           "le mediatrici hanno accompagnato\n180 donne alle visite. Costa 40.000 euro.\n"
           "2. Pavullo nel Frignano, sei alloggi nell'ex scuola\n(da «Appennino Oggi», 10 marzo 2026)\nPAVULLO NEL "
           "FRIGNANO – L'ex scuola di via Giardini è diventata una piccola residenza: 6\nalloggi per famiglie. Oggi "
           "ci vivono 21 persone.\nIn breve\n• Modena: il dormitorio ha 150 posti.\n")  # fmt: skip
    text = display_text(pdf)
    (spans,) = document_sections([text], None)
    found = {comune: (text[a:b], gives) for a, b, comune, gives in spans}
    assert set(found) == {"Vignola", "Pavullo nel Frignano"}
    vignola, gives = found["Vignola"]
    assert gives and vignola.startswith("1. Vignola") and "40.000 euro" in vignola and "alloggi" not in vignola
    pavullo, gives = found["Pavullo nel Frignano"]
    assert gives and pavullo.startswith("2. Pavullo") and "21 persone" in pavullo and "150 posti" not in pavullo


def test_names_in_capitals_with_a_dash_inside_a_list_open_no_article():
    sheet = ("Progetto della rete. PARTNER DEL PROGETTO Comune di Perugia, ROMA CAPITALE - Dipartimento Politiche "
             "Sociali, ASSB - Azienda Servizi Sociali Bolzano, Comune di Milano DURATA dal 16/01/2024 al 31/12/2026 "
             "IMPORTO € 1.076.353,03 il progetto è finanziato dal FAMI.")  # fmt: skip
    assert document_sections([sheet], None) == [[]]


def test_a_review_s_headline_naming_its_comune_anywhere_opens_that_comune_s_article():
    review = ("# Rassegna stampa – Inclusione nella Marca\n\n"
              "A cura dell'ufficio stampa dell'ambito, settimana dal 1 al 7 aprile 2026.\n\n"
              "## Dieci alloggi a Oderzo per le famiglie nell'ex caserma\n\n"
              "*Il Gazzettino – edizione di Treviso, 2 aprile 2026*\n\n"
              "Il Comune ha aperto dieci alloggi per famiglie straniere nell'ex caserma. Oggi ci vivono 34 persone.\n\n"
              "## Lo sportello di Vittorio Veneto ha seguito 210 persone\n\n"
              "Lo sportello per stranieri del Comune ha seguito nel 2025 in tutto 210 persone. Costa 50.000 euro.\n\n"
              "## La Prefettura di Treviso apre un nuovo bando per l'accoglienza\n\n"
              "Il bando della Prefettura mette a disposizione 120 posti per i richiedenti asilo.")  # fmt: skip
    (spans,) = document_sections([review], None)
    found = {comune: review[a:b] for a, b, comune, gives in spans if gives}
    assert set(found) == {"Oderzo", "Vittorio Veneto"}  # a seat ("Prefettura di Treviso") or an outlet's edition: none
    assert "34 persone" in found["Oderzo"] and "210 persone" not in found["Oderzo"]
    assert "210 persone" in found["Vittorio Veneto"] and "120 posti" not in found["Vittorio Veneto"]
