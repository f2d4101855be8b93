"""main_city: the one city a passage is about, never the partner list every LGNet2 article repeats."""

from __future__ import annotations

import pytest

from ingest.city import cities_mentioned, city_scores, main_city
from ingest.splitters import split_press_review
from tests.conftest import CORPUS

PARTNERS = (
    "Gli interventi vengono portati avanti sui territori da una rete di 16 città italiane caratterizzate "
    "da una significativa presenza di migranti in condizione di particolare vulnerabilità ed emarginazione "
    "sociale: "
    "**Bologna, Caserta, Firenze, Genova, Latina, Milano, Napoli, Palermo, Perugia, Potenza, Roma, Sassari, "
    "Taranto, Torino, Trieste e Bolzano rappresentata dall'Azienda Servizi Sociali Bolzano**."
)

# The city of each of the 60 articles of the LGNet2 press review, in order, read by hand.
EXPECTED_CITIES = [
    # Agenzie
    "Torino",
    "Torino",
    "Bolzano",
    "Milano",
    "Latina",
    "Taranto",
    "Roma",
    "Roma",
    "Roma",  # Redattore Sociale: no city in the title; "L'adesione al progetto del Comune di Roma Capitale"
    "Caserta",  # ANSA dateline "(ANSA) - NAPOLI" is the agency's office; title and text are about Caserta
    # Quotidiani e quotidiani online
    "Torino",
    "Bolzano",
    "Perugia",
    "Perugia",
    "Perugia",
    "Milano",
    "Milano",
    "Latina",
    "Latina",
    "Latina",
    "Palermo",
    "Potenza",
    "Taranto",
    "Taranto",
    "Sassari",
    "Sassari",
    "Caserta",
    "Genova",
    "Trieste",
    "Trieste",
    # Periodici e periodici online
    "Milano",
    # Tv, Radio e canali online
    "Potenza",  # TGR Basilicata: only "Assessore Politiche sociali Comune di Potenza" names a city
    # Social Network
    "Bolzano",
    "Perugia",
    "Perugia",
    "Latina",
    "Latina",
    "Potenza",
    "Potenza",
    "Potenza",
    "Taranto",
    "Sassari",
    "Caserta",
    "Caserta",
    "Trieste",
    # Portali ed E-zine
    "Torino",
    "Latina",
    "Potenza",
    "Sassari",
    "Sassari",
    "Roma",
    "Caserta",
    "Caserta",
    "Caserta",
    "Genova",
    "Genova",
    "Genova",
    "Genova",
    "Trieste",
    "Potenza",  # Rainews "Dall'orto alla cucina": "Potenza è tra le 16 città"
]


def test_every_article_of_the_press_review_has_its_city():
    text = (CORPUS / "press-reviews/lgnet2-rassegna-stampa-2023-12-14.txt").read_text(encoding="utf-8")
    articles = [p for p in split_press_review(text) if p.kind == "article"]
    assert len(articles) == len(EXPECTED_CITIES) == 60
    got = [main_city(a.title, a.text) for a in articles]
    assert got == EXPECTED_CITIES


def test_partner_list_alone_names_no_city():
    assert main_city("", PARTNERS) is None
    assert main_city("Il progetto LgNet2", PARTNERS) is None


def test_partner_list_does_not_outweigh_the_story():
    text = PARTNERS + "\n\nL'adesione al progetto del Comune di Latina ha reso possibile sviluppare attività."
    assert main_city("Fra i Comuni della rete LgNet2", text) == "Latina"


def test_dateline():
    assert main_city("", "(ANSA) - TORINO, 18 OTT - Ha fatto tappa il tour degli operatori.") == "Torino"
    assert main_city("", "(askanews) - Milano, 25 ott 2023 - Intercettare i migranti.") == "Milano"
    assert main_city("", "Roma - Intercettare i migranti in condizione di vulnerabilità.") == "Roma"


def test_aliases_and_english_names():
    assert main_city("", "Nel capoluogo ionico l'assessorato ha reso possibile varie attività.") == "Taranto"
    assert main_city("Florence joins the network", "The municipality set up a one-stop-shop.") == "Firenze"
    assert main_city("", "L'adesione al progetto di Roma Capitale ha permesso tre unità mobili.") == "Roma"
    assert main_city("", "L'Azienda Servizi Sociali Bolzano ha attivato alloggi ponte.") == "Bolzano"


def test_no_single_winner():
    assert main_city("", "") is None
    assert main_city("", "Scambi tra Torino e Milano sulle unità di strada.") is None


@pytest.mark.parametrize(
    ("seed", "city"),
    [
        ("project-sheets/lgnetea-presentation-en.txt", None),  # 18 partner cities, no subject city
        ("project-sheets/lgnetea-presentazione-it.txt", None),
        ("project-sheets/lgnetea-scheda-comune-firenze.txt", "Firenze"),  # project sheet of the Comune di Firenze
    ],
)
def test_whole_documents(seed, city):
    assert main_city("", (CORPUS / seed).read_text(encoding="utf-8")) == city


def test_cities_mentioned_includes_lists():
    assert cities_mentioned(PARTNERS)[:3] == ["Bologna", "Caserta", "Firenze"]
    assert "Bolzano" in cities_mentioned(PARTNERS)


# --- linear-time enumerations (issue 16 item 3) ------------------------------------------------------------


def _enumerations_reference(text, mentions):
    """The former quadratic definition: every clause and every prefix of a run of list lines, checked alone."""
    import re

    from ingest.city import _CLAUSE, ENUMERATION_MIN, _list_line

    candidates = [c.span() for c in _CLAUSE.finditer(text)]
    run_start = None
    for line in re.finditer(r"[^\n]+", text):
        if not _list_line(line.group(0)):
            run_start = None
        else:
            run_start = line.start() if run_start is None else run_start
            candidates.append((run_start, line.end()))
    return [
        (s, e) for s, e in candidates if len({m.city.name for m in mentions if s <= m.start < e}) >= ENUMERATION_MIN
    ]


def _covered(spans, mentions):
    return [m.start for m in mentions if any(s <= m.start < e for s, e in spans)]


def test_linear_enumerations_find_what_the_quadratic_ones_did_on_the_corpus():
    from ingest.city import _enumerations
    from lgnet.gazetteer import Gazetteer

    g = Gazetteer.default()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    review = (CORPUS / "press-reviews" / "lgnet2-rassegna-stampa-2023-12-14.txt").read_text(encoding="utf-8")
    texts += [a.text for a in split_press_review(review)]
    checked = 0
    for text in texts:
        mentions = g.mentions(text)
        new, old = _enumerations(text, mentions), _enumerations_reference(text, mentions)
        assert _covered(new, mentions) == _covered(old, mentions)
        checked += bool(old)
    assert checked > 10  # the comparison saw real enumerations


class _CountingList(list):
    """A list that counts how many elements are read through iteration."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            _CountingList.reads += 1
            yield item


def _work(lines: int) -> int:
    from ingest.city import _enumerations
    from lgnet.gazetteer import Gazetteer

    cities = ["Torino", "Milano", "Roma", "Napoli", "Bari", "Genova"]
    text = "\n".join(f"- {cities[i % len(cities)]} {i}" for i in range(lines))
    mentions = _CountingList(Gazetteer.default().mentions(text))
    _CountingList.reads = 0
    spans = _enumerations(text, mentions)
    assert spans  # a run of short lines naming six cities is a list
    return _CountingList.reads


def test_enumerations_work_grows_linearly_with_short_lines():
    small, large = _work(2_000), _work(8_000)
    assert large <= 4.5 * small  # the former definition read every mention once per prefix of the run: 16x


def test_a_table_of_participants_is_a_list():
    table = "\n".join(
        f"| Comune di {c} | dott. Mario Rossi | assistente sociale, referente per l'ufficio di piano |"
        for c in ("Bari", "Celano", "Trasacco", "Pescina")
    )
    text = f"{table}\n\nLo sportello del Comune di Bari ha accolto 40 persone nel primo semestre."
    assert main_city("Verbale della riunione", text) == "Bari"


def test_the_city_of_the_title_wins_when_clearly_ahead_of_the_many_it_lists():
    from ingest.city import main_city

    text = (
        "Il Comune di Sulmona illustra i dati dello sportello. Il Comune di Pratola Peligna chiede un rinvio. "
        "Il Comune di Raiano segnala un alloggio. Il Comune di Pacentro propone una data. "
        "Il Comune di Introdacqua approva. Il Comune di Sulmona chiude la seduta."
    )
    assert main_city("Verbale del tavolo di ambito – Comune capofila Sulmona", text) == "Sulmona"
    assert main_city("Verbale del tavolo di ambito", text) is None  # no title: many cities, no one subject


def test_a_province_or_a_partner_seat_never_outranks_the_comune():
    # A small comune in the province of a chief town, whose name returns in its partners' names.
    text = (
        "Comune di Sabaudia (LT) – Servizi sociali\n\n"
        "Sabaudia conta circa 20.000 abitanti nella provincia di Latina. Lo sportello ha lavorato con il "
        "CPIA 9 di Latina, con la ASL di Latina e con la UIL Frosinone Latina per i corsi e le visite."
    )
    assert main_city("Scheda di buona pratica", text) == "Sabaudia"


def test_a_chief_town_named_as_itself_still_wins():
    text = (
        "Il Comune di Latina ha aperto uno sportello per i lavoratori stranieri. A Latina il servizio ha accolto "
        "200 persone, alcune arrivate da Sabaudia."
    )
    assert main_city("Sportello lavoro", text) == "Latina"


def test_a_name_opening_a_wrapped_line_of_running_text_is_no_dateline():
    # A PDF page wraps running text: the comune that happens to open a line is a plain mention, not a dateline.
    text = (
        "Scheda di buona pratica\n"
        "Comune di Ortona (CH) – Servizi sociali\n"
        "I centri di accoglienza della costa, tra Ortona, Francavilla al Mare, San Vito Chietino e\n"
        "Casalbordino, hanno ospitato diverse centinaia di richiedenti asilo negli ultimi anni.\n"
    )
    from ingest.city import city_scores

    scores = city_scores("Scheda di buona pratica", text)
    assert scores["Casalbordino"] == scores["San Vito Chietino"] == 1.0
    assert main_city("Scheda di buona pratica", text) == "Ortona"
    # A real dateline still counts, on its own line or after a wrapped one when a date follows.
    dated = "Un titolo di giornale abbastanza lungo da superare i sessanta caratteri della riga\nCasalbordino, 3 marzo"
    assert city_scores("", dated)["Casalbordino"] == 3.0


def test_a_common_word_comune_named_as_a_place_counts_wherever_it_is_capitalised():
    text = (
        "Il Comune di Bra ha aperto uno sportello per l'abitare. Bra conta circa 29.000 abitanti; tra Bra e "
        "Cherasco i braccianti cercano casa. Lo coordina Bra Rossi."  # a first name before a surname: a person
    )
    assert cities_mentioned(text) == ["Bra", "Cherasco"]
    from lgnet.gazetteer import Gazetteer

    assert [m.city.name for m in Gazetteer.default().mentions(text)] == ["Bra", "Bra", "Bra", "Cherasco"]
    # Without a place named, the capitalised word alone is still no place.
    assert Gazetteer.default().mentions("Bra conta molto; tra Bra e il resto.") == []


def test_a_city_qualified_by_its_province_written_out():
    # "PAOLA (Cosenza), 9 ottobre": the dateline's comune with its province; the province is no subject.
    text = (
        "PAOLA (Cosenza), 9 ottobre 2025 (Agenzia Calabria Sud) – Nel centro storico una casa su tre è vuota. "
        "I corsi di italiano si tengono con il CPIA di Cosenza, con la Caritas diocesana di Cosenza e l'ASP di "
        "Cosenza. L'esperienza sarà presentata a Lamezia Terme."
    )
    assert main_city("Le case vuote del centro storico diventano alloggi", text) == "Paola"


# A network's newsletter: its lead story about one village, then short news of others, each opened like a
# dateline, and the network's secretariat hosted by another comune (made up for the test).
NEWSLETTER = """Rete dei Piccoli Comuni Solidali – Notiziario n. 4, marzo 2025

Ornica, il paese che ha riaperto la scuola

A Ornica la scuola era chiusa da sei anni. Con il progetto «Banchi nuovi» il Comune ha accolto quattro famiglie
e oggi la pluriclasse ha undici alunni. «Abbiamo scommesso sulle case vuote», racconta la sindaca Grazia Ferri.

Brevi dalla rete

Cusio – Il Comune ha aperto uno sportello per le famiglie arrivate in paese.

Averara – Firmato l'accordo con la cooperativa per il trasporto scolastico.

Segreteria della rete c/o Comune di Cusio (BG) – notiziario@piccolicomuni.example.
"""


def test_short_news_of_other_comuni_and_a_secretariat_do_not_outweigh_the_lead_story():
    assert main_city("Notiziario n. 4 – Rete dei Piccoli Comuni Solidali", NEWSLETTER) == "Ornica"


def test_one_dateline_per_text():
    # the first dateline is the text's; a later line opened by another city is the news of that city
    text = "TORINO, 3 marzo - Nuovi alloggi per le famiglie.\nMilano - Altre due famiglie in lista.\n"
    scores = city_scores("", text)
    assert scores["Torino"] == 3.0 and scores["Milano"] == 1.0


def test_a_lesser_known_comune_written_as_a_first_name_before_a_surname_is_a_person():
    # "Rosa" is Rosà (VI) without its accent, "Grazia" no comune: the mayor's name says no place
    assert "Rosà" not in cities_mentioned("Lo ha detto la sindaca Rosa Tedesco alla festa del paese.")
    assert "Rosà" in cities_mentioned("Il Comune di Rosà ha aperto uno sportello.")


def test_a_neighbour_named_as_such_is_not_the_subject():
    text = (
        "Il corso di Ornica è stato frequentato anche da 6 giovani del vicino comune di Cusio, che ha "
        "contribuito alle spese. A Ornica il corso riprende in autunno."
    )
    scores = city_scores("", text)
    assert scores["Cusio"] < 1.0 and main_city("", text) == "Ornica"


def test_a_title_is_read_with_its_body_s_evidence():
    # a common-word comune and a homonym in a title count when the body places them
    body = "Il progetto è nato a Fondi nel 2022. Il mercato di Fondi è tra i più grandi del Lazio."
    assert city_scores("Fondi, braccianti al lavoro nelle serre", body)["Fondi"] == city_scores("", body)["Fondi"] + 4
    body = "Il Comune di Castro ha aperto un centro. Famiglie da Gallipoli e da Nardò, in Puglia."
    assert city_scores("Castro, il porto che accoglie", body)["Castro (LE)"] == 7.0
    # ... and never when the body does not
    assert city_scores("Fondi europei per le serre", "Il progetto usa fondi europei per le serre.") == {}


def test_the_comune_s_own_domain_in_a_contact_is_its_name():
    text = "Lo sportello è aperto il martedì. Per informazioni: sociale@comune.ornica.bg.it"
    assert city_scores("", text)["Ornica"] == 4.0  # as much as a title
    # a chief town's domain may skip the province; an abbreviation is no comune's name
    assert city_scores("", "Scrivere a info@comune.bergamo.it")["Bergamo"] == 4.0
    assert city_scores("", "Scrivere a casa@comune.re.it") == {}


PAGE = """Gazzetta di Rieti - Notizie dalla provincia di Rieti

Tre botteghe riaprono nel borgo grazie ai nuovi residenti

di Anna Conti - 3 febbraio 2026

Nel centro storico di Cittaducale hanno riaperto tre botteghe artigiane chiuse da anni. Le gestiscono
famiglie arrivate con i corridoi umanitari, accompagnate dal Comune di Cittaducale e da una cooperativa.

Il sindaco parla di un paese che torna a vivere: a Cittaducale i bambini della scuola sono passati da 20 a 31.

Leggi anche

Rieti, la stagione del teatro Flavio Vespasiano apre con un tutto esaurito.

Rieti, chiude per lavori il ponte romano: i percorsi alternativi.

Antrodoco, riapre la strada per Terminillo dopo la frana.

Gazzetta di Rieti - testata registrata presso il Tribunale di Rieti.
"""


def test_an_outlet_named_after_a_city_and_its_sidebar_are_no_evidence_of_the_article_s_city():
    # the outlet's name ends the title and opens the masthead and the footer; the sidebar lists other stories
    title = "Tre botteghe riaprono nel borgo grazie ai nuovi residenti - Gazzetta di Rieti"
    assert main_city(title, PAGE) == "Cittaducale"
    assert city_scores(title, PAGE)["Rieti"] < 1
    # a title whose last part is not the page's masthead keeps its words
    assert main_city("Rieti - il teatro riapre", "Il teatro di Rieti riapre. A Rieti si festeggia.") == "Rieti"


CLIPPING = """Ora hanno una casa e un lavoro
IL CORRIERE DELLA VALLE – Cronaca di Montevarchi – martedì 4 marzo 2025, pagina 7
Il Comune ha aperto due appartamenti per i ragazzi usciti dall'accoglienza. Montevarchi conta ormai
tre progetti di questo tipo; due ragazzi lavorano in un'azienda di Figline Valdarno.
La tutela dei minori resta in capo al Tribunale per i minorenni di Firenze.
IN BREVE
Figline Valdarno. Sagra del fungo rinviata a ottobre per il maltempo.
Arezzo. Chiusa la piazza per lavori fino al 30 marzo.
Cortona. Riapre il museo con visite ogni domenica.
"""


def test_a_clipping_s_local_page_header_and_news_in_brief():
    # "Cronaca di X" heads the local paper's page about X; the news in brief are other stories; a court's seat
    # named after words of its own ("Tribunale per i minorenni di X") is where the court sits
    assert main_city("Ora hanno una casa e un lavoro", CLIPPING) == "Montevarchi"
    scores = city_scores("Ora hanno una casa e un lavoro", CLIPPING)
    assert scores["Firenze"] < 1 and scores["Arezzo"] == 0 and scores["Cortona"] == 0
    # "In breve" opening a sentence is no sidebar
    text = (
        "A Cortona il progetto è partito. In breve tempo a Cortona sono arrivati i volontari.\n"
        "In breve tempo ad Arezzo no."
    )
    assert city_scores("", text)["Cortona"] == 2


def test_a_press_review_is_about_a_city_only_when_its_title_names_it():
    text = "Montevarchi. Sono 40 i volontari.\nMontevarchi. Il Comune ha aperto lo sportello.\nCortona. Nuovo corso."
    assert main_city("Rassegna stampa", text) == "Montevarchi"
    assert main_city("Rassegna stampa", text, titled_only=True) is None
    assert main_city("Rassegna stampa del Comune di Montevarchi", text, titled_only=True) == "Montevarchi"


def test_a_letterhead_names_the_issuing_comune_over_a_comune_it_cites():
    # a resolution whose title is its file name: the letterhead says whose it is, a homonym-like comune cited as a
    # model ("Comune di Ascoli Satriano (FG)") does not tie with it
    text = (
        "COMUNE DI ASCOLI PICENO\nDeliberazione della Giunta Comunale n. 87 del 19 marzo 2026\n"
        "LA GIUNTA COMUNALE\nPREMESSO che la cooperativa sociale Il Picchio e la Caritas diocesana di "
        "Ascoli Piceno hanno sottoscritto la proposta;\nCONSIDERATO che il modello si ispira all'esperienza "
        "del Comune di Ascoli Satriano (FG), dove un'agenzia per la casa ha reperito 8 alloggi;\n"
        "DELIBERA di approvare il progetto."
    )
    assert main_city("delibera-giunta-abitare-2026", text) == "Ascoli Piceno"
    # the same line deep in the text is a plain "Comune di X", no letterhead
    late = "Il progetto.\nDelibera.\nPremesso.\nConsiderato.\nCOMUNE DI ASCOLI PICENO\n" + text.split("\n", 1)[1]
    assert main_city("delibera-giunta-abitare-2026", late) is None


def test_the_issuer_ahead_wins_and_a_signature_names_it_too():
    # a letterhead's comune ahead of a model the text cites twice: the issuer, not a tie
    text = (
        "COMUNE DI CASTRO (LE)\nDeliberazione della Giunta n. 4\nIl progetto si ispira al modello del Comune di "
        "Lecce, dove un servizio analogo ha accolto 30 persone. Il Comune di Lecce ha fornito supporto."
    )
    assert main_city("delibera-2026", text) == "Castro (LE)"
    # an e-mail signed by the comune's office, another comune's project named in it
    mail = (
        "Oggetto: aggiornamento del progetto\n\nCari tutti,\nil laboratorio ha accolto 20 ragazzi. A Pistoia un "
        "progetto simile del Comune di Pistoia ne segue 18.\n\nUn saluto,\nMaria Rossi\n"
        "Ufficio Politiche sociali – Comune di Montale"
    )
    assert main_city("email", mail) == "Montale"
