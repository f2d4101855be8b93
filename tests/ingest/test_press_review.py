"""The LGNet2 press review seed split into its summary tables and its 60 articles."""

from __future__ import annotations

import re
from functools import cache

import pytest

from ingest.splitters import looks_like_press_review, parse_index, split_press_review
from lgnet.text import comparable
from tests.conftest import CORPUS

REVIEW = CORPUS / "press-reviews/lgnet2-rassegna-stampa-2023-12-14.txt"
DATE_LINE = re.compile(r"^\d{1,2} (?:ottobre|novembre|dicembre) 2023$", re.M)

RETE = "fra i Comuni della rete LgNet2"
TAIL = ", il progetto che promuove le politiche di inclusione delle città"
PERUGIA = f"Perugia {RETE}{TAIL}"
LATINA = f"Latina {RETE}{TAIL}"
LATINA_MR = "LATINA, inclusione e integrazione dei cittadini stranieri: Latina tra i comuni della rete LgNet2"
MILANO = f"Milano {RETE}{TAIL}"
TORINO = "Torino fra i Comuni della rete LgNet2, il progetto che promuove le politiche di inclusione"
POTENZA = "Potenza tra i Comuni della rete LgNet2" + TAIL
POTENZA_MT = "Inclusione sociale: c'è Potenza tra i 16 Comuni coinvolti nella rete di LgNet2"
TARANTO = f"Taranto {RETE}{TAIL}"
TARANTO_BS = 'Il Comune di Taranto: "Così ci prendiamo cura dei migranti"'
SASSARI = f"Sassari {RETE}{TAIL}"
CASERTA = f"Caserta {RETE}{TAIL}"
CASERTA_VIA = (
    "Caserta fra i Comuni della rete LgNet2: al via il progetto per promuovere le politiche di inclusione delle città"
)
CASERTA_MIG = "Migranti, a Caserta il progetto LgNet2 con fondi europei"
GENOVA = f"Genova {RETE}{TAIL}"
GENOVA_LBJ = "Genova fra i Comuni della rete LgNet2 che promuove le politiche di inclusione delle città"
TRIESTE = f"Trieste {RETE}{TAIL}"
BOLZANO_AA = "Inclusione dei migranti, tappa a Bolzano per il tour Anci"
ROMA_ANSA = "Roma fra Comuni rete LgNet2, per inclusione delle città."
TORINO_ANSA = "Torino nel progetto inclusivo LgNet2, in 160 trovano un tetto."

# (category, outlet, title, date): read off the document by hand. Outlets are the index's names; dates are the
# index's where the article's date line disagrees (Mondoreale, Il Mattino x2, Facebook Mediterranews).
EXPECTED = [
    ("Agenzie", "ANSA - Politics News Service", TORINO_ANSA, "2023-10-18"),
    ("Agenzie", "ANSA - Regional Service", TORINO_ANSA, "2023-10-18"),
    (
        "Agenzie",
        "ANSA - Regional Service",
        "Migranti: promuovere l'inclusione, a Bolzano il progetto LgNet2.",
        "2023-10-19",
    ),
    ("Agenzie", "AskaneWS", "Migranti, Milano fra i Comuni della rete LgNet2", "2023-10-25"),
    ("Agenzie", "Agir", LATINA, "2023-10-27"),
    ("Agenzie", "ANSA - Regional Service", "Anche Taranto fra Comuni rete LgNet2 per includere migranti", "2023-11-21"),
    ("Agenzie", "ANSA - Regional Service", ROMA_ANSA, "2023-11-23"),
    ("Agenzie", "ANSA - General News", ROMA_ANSA, "2023-11-23"),
    (
        "Agenzie",
        "Redattore sociale",
        '"LgNet2": 16 comuni in rete per accogliere i migranti a rischio emarginazione sociale',
        "2023-11-23",
    ),
    ("Agenzie", "ANSA - Regional Service", CASERTA_MIG + ".", "2023-11-24"),
    ("Quotidiani e quotidiani online", "Torinoggi.it", TORINO, "2023-10-17"),
    ("Quotidiani e quotidiani online", "Altoadige.it", BOLZANO_AA, "2023-10-19"),
    ("Quotidiani e quotidiani online", "Vivereperugia.it", PERUGIA, "2023-10-23"),
    ("Quotidiani e quotidiani online", "Vivereterni.it", PERUGIA, "2023-10-23"),
    ("Quotidiani e quotidiani online", "Vivereumbria.biz", PERUGIA, "2023-10-23"),
    ("Quotidiani e quotidiani online", "Varese7press.it", MILANO, "2023-10-25"),
    ("Quotidiani e quotidiani online", "Dietrolanotizia.eu", f"Milano {RETE}", "2023-10-26"),
    ("Quotidiani e quotidiani online", "Mondoreale.it", LATINA_MR, "2023-10-27"),
    ("Quotidiani e quotidiani online", "Latinanews.eu", LATINA, "2023-10-28"),
    (
        "Quotidiani e quotidiani online",
        "Ilmessaggero.it",
        "LATINA; Accoglienza, Latina nella rete LgNet2",
        "2023-10-29",
    ),
    ("Quotidiani e quotidiani online", "Siciliaoggi notizie.it", f"Palermo {RETE}{TAIL}", "2023-11-03"),
    ("Quotidiani e quotidiani online", "Ilmattinoquotidiano.it", POTENZA_MT, "2023-11-16"),
    ("Quotidiani e quotidiani online", "Puglialive.net", TARANTO, "2023-11-21"),
    ("Quotidiani e quotidiani online", "Tarantobuonasera.it", TARANTO_BS, "2023-11-21"),
    ("Quotidiani e quotidiani online", "Sardegna-reporter.it", SASSARI, "2023-11-22"),
    (
        "Quotidiani e quotidiani online",
        "La Nuova Sardegna",
        "Unità di strada per integrare i migranti; Sassari nel progetto nazionale LgNet2 per ridurre il "
        "rischio di conflitto sociale",
        "2023-11-23",
    ),
    ("Quotidiani e quotidiani online", "Casertaweb.com", CASERTA, "2023-11-24"),
    ("Quotidiani e quotidiani online", "Genova24.it", GENOVA, "2023-11-29"),
    ("Quotidiani e quotidiani online", "Triestecafe.it", TRIESTE, "2023-12-01"),
    ("Quotidiani e quotidiani online", "Ildiscorso.it", TRIESTE, "2023-12-01"),
    ("Periodici e periodici online", "Quindicinews.it", f"Milano {RETE}", "2023-10-25"),
    ("Tv, Radio e canali online", "TGR Basilicata", "Edizione delle ore 19.30", "2023-12-04"),
    ("Social Network", "Facebook - Alto Adige", BOLZANO_AA, "2023-10-19"),
    ("Social Network", "Facebook – Vivere Perugia", PERUGIA, "2023-10-23"),
    ("Social Network", "Twitter – Vivere Perugia", PERUGIA, "2023-10-23"),
    ("Social Network", "Facebook – Mondoreale Quotidiano", LATINA_MR, "2023-10-27"),
    ("Social Network", "Facebook – LatinaNews", LATINA, "2023-10-28"),
    ("Social Network", "Facebook – Il Mattino di Basilicata", POTENZA_MT, "2023-11-16"),
    ("Social Network", "Facebook – SassiLive", POTENZA, "2023-11-16"),
    ("Social Network", "Twitter – SassiLive", POTENZA, "2023-11-16"),
    ("Social Network", "Facebook – Taranto BuonaSera", TARANTO_BS, "2023-11-21"),
    ("Social Network", "Facebook – Mediterraneanews.org", SASSARI, "2023-11-22"),
    ("Social Network", "Facebook – Terzo settore ed i volontari della provincia di Caserta", CASERTA, "2023-11-24"),
    ("Social Network", "Facebook – Pubblica Now", CASERTA_VIA, "2023-11-26"),
    ("Social Network", "Facebook – Trieste Cafè", TRIESTE, "2023-12-01"),
    ("Portali ed E-zine", "Virgilio.it - Torinoggi.it", TORINO, "2023-10-17"),
    ("Portali ed E-zine", "Controluce.it", LATINA, "2023-10-27"),
    ("Portali ed E-zine", "Sassilive.it", POTENZA, "2023-11-16"),
    ("Portali ed E-zine", "Informazione.it – Sardegna Reporter", SASSARI, "2023-11-22"),
    ("Portali ed E-zine", "Mediterranews.org", SASSARI, "2023-11-22"),
    ("Portali ed E-zine", "Controluce.it", f"Roma {RETE}{TAIL}", "2023-11-23"),
    ("Portali ed E-zine", "Casertanotizie.com", CASERTA_MIG, "2023-11-24"),
    ("Portali ed E-zine", "Zazoom.it – Caserta Notizie", CASERTA_MIG, "2023-11-24"),
    ("Portali ed E-zine", "Pubblicanow.it", CASERTA_VIA, "2023-11-26"),
    ("Portali ed E-zine", "Liguria24.it – Genova 24", GENOVA, "2023-11-29"),
    ("Portali ed E-zine", "Liguria.bizjournal.it", GENOVA_LBJ, "2023-11-29"),
    ("Portali ed E-zine", "Virgilio.it – Liguria Business Journal", GENOVA_LBJ, "2023-11-29"),
    ("Portali ed E-zine", "Virgilio.it – Genova 24", GENOVA, "2023-11-29"),
    ("Portali ed E-zine", "Fvgcafe.it – Trieste Cafè", TRIESTE, "2023-12-01"),
    ("Portali ed E-zine", "Rainews.it", "Dall'orto alla cucina, un progetto per l'inclusione", "2023-12-03"),
]


@cache
def review_text() -> str:
    return REVIEW.read_text(encoding="utf-8")


@cache
def parts():
    return split_press_review(review_text())


def articles():
    return [p for p in parts() if p.kind == "article"]


def test_index_has_the_60_items_with_wrapped_titles_joined():
    rows = parse_index(review_text())
    assert len(rows) == 60
    assert [r.outlet for r in rows] == [e[1] for e in EXPECTED]
    assert [r.category for r in rows] == [e[0] for e in EXPECTED]
    # Titles wrapped onto a continuation row (empty outlet cell) are joined; "Audience" rows are no items.
    assert rows[10].title == TORINO
    assert rows[43].title == CASERTA_VIA
    assert not any(r.outlet.lower() == "audience" for r in rows)
    assert rows[19].audience == "1.464.811"
    assert rows[16].journalist == "A. Gipponi"


def test_exactly_60_articles_with_outlet_title_date_in_order():
    got = [(a.category, a.outlet, a.title, a.date) for a in articles()]
    assert len(got) == 60
    assert got == EXPECTED


def test_summary_tables_are_documents():
    tables = [p for p in parts() if p.kind == "table"]
    categories = {t.category for t in tables if t.category}
    assert categories == {e[0] for e in EXPECTED}
    overall = [t for t in tables if t.category is None]
    assert len(overall) == 1 and "Social Network | 13 | 401.735" in overall[0].text
    quotidiani = next(t for t in tables if t.category == "Quotidiani e quotidiani online")
    assert quotidiani.extra["audience"] == "1.641.811"
    assert "Ilmessaggero.it | 1.464.811 | LATINA; Accoglienza, Latina nella rete LgNet2" in quotidiani.text
    assert all(t.date == "2023-12-14" for t in tables)  # "Ultimo aggiornamento: 14 dicembre 2023"
    for t in tables:
        assert 0 <= t.start < t.end <= review_text().index("\nAGENZIE\n")


def test_offsets_point_into_the_original_text():
    text = review_text()
    for a in articles():
        assert a.text and a.text.strip()
        assert text[a.start : a.end] == a.text
        assert comparable(a.title)[:30] in comparable(text[a.start : a.end])


def test_articles_do_not_overlap_and_hold_one_date_line_at_most():
    arts = articles()
    for before, after in zip(arts, arts[1:], strict=False):
        assert before.end <= after.start
    for a in arts:
        starts = [m.start() for m in DATE_LINE.finditer(a.text)]
        assert starts in ([], [0]), (a.outlet, a.title)


def test_undated_articles_start_at_their_title_or_url():
    by_outlet = {a.outlet: a for a in articles()}
    assert by_outlet["Redattore sociale"].text.startswith("“LgNet2”: 16 comuni in rete")
    assert by_outlet["La Nuova Sardegna"].text.startswith("Unità di strada per integrare i migranti")
    assert by_outlet["Casertaweb.com"].text.startswith("<https://casertaweb.com/notizie/")
    # The article before each one ends with its own body text.
    before = by_outlet["Sardegna-reporter.it"].text
    assert before.endswith("migliorare la qualità della vita di tutti i cittadini.")


def test_urls_audience_and_date_disagreements():
    arts = articles()
    assert arts[0].url is None  # Factiva copies carry no link
    assert arts[10].url.startswith("https://www.torinoggi.it/2023/10/17/")
    assert arts[17].url.startswith("https://www.mondoreale.it/")  # a bare URL, no angle brackets
    assert arts[19].extra["audience"] == "1.464.811"
    assert arts[17].extra["date_line"] == "2023-10-26"  # date line 26 ottobre, index and byline 27
    assert arts[21].extra["date_line"] == "2023-11-03"  # date line 3 novembre, article "16.11.2023"


def test_detection():
    assert looks_like_press_review(review_text())
    for other in (
        "project-sheets/lgnetea-presentation-en.txt",
        "project-sheets/lgnetea-scheda-comune-firenze.txt",
        "project-sheets/lgnet3-scheda-progetto.txt",
    ):
        assert not looks_like_press_review((CORPUS / other).read_text(encoding="utf-8"))


def test_generic_review_without_index_match_still_splits():
    text = (
        "Rassegna Stampa\n\nAgenzie\n\n| | | | | |\n|--|--|--|--|--|\n"
        "| ANSA | | Primo titolo | 1 marzo | |\n| ANSA | | Secondo titolo | 2 marzo | |\n"
        "| Agir | | Terzo titolo | 3 marzo | |\n\nAGENZIE\n\n1 marzo 2024\n\nPrimo titolo\n\n"
        + "Testo del primo articolo con abbastanza parole per essere corpo del testo e non una riga di "
        "intestazione breve come il nome di una testata o una data.\n\n2 marzo 2024\n\nSecondo titolo\n\n"
        "Altro testo.\n\n3 marzo 2024\n\nTerzo titolo\n\nAncora testo.\n"
    )
    assert looks_like_press_review(text)
    arts = [p for p in split_press_review(text) if p.kind == "article"]
    assert [(a.outlet, a.title, a.date) for a in arts] == [
        ("ANSA", "Primo titolo", "2024-03-01"),
        ("ANSA", "Secondo titolo", "2024-03-02"),
        ("Agir", "Terzo titolo", "2024-03-03"),
    ]


@pytest.mark.parametrize("year_hint", [2023, None])
def test_year_hint_or_inferred(year_hint):
    rows = parse_index(review_text(), year_hint=year_hint)
    assert rows[0].date == "2023-10-18"
