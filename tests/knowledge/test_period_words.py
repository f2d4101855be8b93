"""A project's start in words the period rules had not read: a service opened, a start to come, since its opening,
from a season of a year; a service opened inside a project that runs with the network's edition is no start."""

import pytest

from knowledge.mentions import Mention, periods


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lo sportello casa, aperto dal Comune di Alfa nel maggio 2024, ha seguito 40 famiglie.", "2024-05"),
        ("Il laboratorio, aperto a novembre 2025 con la Caritas, ha 15 iscritti.", "2025-11"),
        ("I corsi partiranno il 15 febbraio 2027.", "2027-02-15"),
        ("Il servizio prenderà il via a marzo 2026.", "2026-03"),
        ("Dall'apertura, nel giugno 2024, sono state accolte 50 persone.", "2024-06"),
        ("Dall'estate del 2023 i volontari sono stati 12.", "2023"),
    ],
)  # fmt: skip
def test_a_start_told_by_an_opening_a_start_to_come_or_a_season(sentence, expected):
    starts = [m.text for m in periods(sentence) if m.code == "start"]
    assert starts == ([expected] if expected else [])


def test_a_service_opened_in_a_project_that_runs_with_the_network_s_edition_is_no_start():
    sentence = ("Aperto il 3 marzo 2025, il centro è parte del progetto del Comune di Alfa, che si chiuderà il 31 "
                "dicembre 2026 come tutta la terza edizione della rete.")  # fmt: skip
    assert periods(sentence) == [Mention("end", "2026-12-31")]


def test_a_date_in_another_comune_s_clause_is_that_comune_s():
    from knowledge.records import Passage, RecordBuilder

    text = ("Il progetto del Comune di Lana durerà dal 1° marzo 2026 al 28 febbraio 2028. A Merano un progetto "
            "simile, avviato nel 2019, ha accolto 20 ragazzi.")  # fmt: skip
    _, project = RecordBuilder().build("Lana", None, [Passage("d:000", text, {"doc_id": "d", "city": "Lana"})], set())
    assert (project.period.start, project.period.end) == ("2026-03-01", "2028-02-28")


def test_a_service_inaugurated_is_opened():
    assert periods("Lo sportello, inaugurato il 3 marzo 2025 in biblioteca, ha accolto 40 persone.") == [
        Mention("start", "2025-03-03")]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il progetto si concluderà entro dicembre 2026.", [("end", "2026-12")]),
        ("La convenzione scadrà il 30 giugno 2026.", [("end", "2026-06-30")]),
        ("The project started in March 2024 and runs to December 2026.", [("start", "2024-03"), ("end", "2026-12")]),
        ("Il laboratorio, al via nel gennaio 2025, ha 12 iscritti.", [("start", "2025-01")]),
        ("Le attività sono cominciate a maggio 2025.", [("start", "2025-05")]),
        ("The desk will start on 1 March 2026.", [("start", "2026-03-01")]),
    ],
)  # fmt: skip
def test_ends_by_entro_scadrà_runs_to_and_starts_by_al_via_cominciate_will_start(sentence, expected):
    assert [(m.code, m.text) for m in periods(sentence) if m.code in ("start", "end")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the article elided before a month's vowel
        ("La casa ha 20 posti letto ed è aperta dall'aprile 2025.", [Mention("start", "2025-04")]),
        ("Il corso si è tenuto dall'ottobre 2024 all'agosto 2025.",
         [Mention("start", "2024-10"), Mention("end", "2025-08")]),
        # a start in the present, its date right after the verb; "fa parte" is no start
        ("L'Agenzia parte il 1° febbraio 2027.", [Mention("start", "2027-02-01")]),
        ("Il progetto prende il via il 1° aprile 2026.", [Mention("start", "2026-04-01")]),
        ("The desk starts on 3 March 2026.", [Mention("start", "2026-03-03")]),
        ("Il Comune fa parte il 1° marzo 2025 della rete.", []),
    ],
)  # fmt: skip
def test_a_start_told_with_an_elided_article_or_in_the_present(sentence, expected):
    assert [m for m in periods(sentence) if m.code in ("start", "end")] == expected
