"""Results, targets and baselines: when a count stands in time. Sentences invented for the mechanism."""

import pytest

from knowledge.timeframe import before_project, planned, results_only


@pytest.mark.parametrize(
    "sentence",
    [
        "Saranno accolte 25 famiglie negli alloggi del centro storico.",
        "Si prevede di orientare almeno 150 persone nei tre anni.",
        "Per il secondo anno sono previsti 40 partecipanti ai laboratori.",
        "Il gruppo decide di attivare un nuovo appartamento con 5 posti entro marzo.",
        "Obiettivo: 60 minori seguiti dalla rete dei tutori.",
        "The desk will train 20 volunteers by the end of the year.",
    ],
)
def test_plans_and_targets(sentence):
    assert planned(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sono state accolte 25 famiglie negli alloggi del centro storico.",
        "Lo sportello ha orientato 150 persone, come previsto dalla convenzione.",
        "In the first year the desk trained 20 volunteers.",
        "Nel 2024 la città ha ospitato 40 partecipanti.",
    ],
)
def test_results_are_not_plans(sentence):
    assert not planned(sentence)


def test_a_sentence_dated_before_the_project_is_a_baseline():
    assert before_project("Nel 2022 l'ambulatorio ha visitato 310 donne straniere.", "2024-03-01")
    assert before_project("Prima del progetto lo sportello riceveva 20 persone al mese.", None)
    assert not before_project("Nel 2024 l'ambulatorio ha visitato 310 donne straniere.", "2024-03-01")
    assert not before_project("L'ambulatorio ha visitato 310 donne straniere.", "2024-03-01")
    assert not before_project("Nel 2022 l'ambulatorio ha visitato 310 donne straniere.", None)


def test_stated_targets_stay_and_decisions_of_a_meeting_do_not():
    sheet = [("a", "Saranno formati 30 mediatori."), ("a", "Si prevede di accogliere 12 nuclei.")]
    minutes = [("b", "Sono stati accolti 9 ragazzi."), ("b", "Il tavolo decide di aprire un alloggio con 3 posti.")]
    report = [("c", "Il centro ha ospitato 44 persone."), ("c", "L'obiettivo di fine progetto è di 70 persone.")]
    kept = results_only(sheet + minutes + report, text=lambda i: i[1], doc=lambda i: i[0], start=None)
    assert kept == [*sheet, minutes[0], *report]


def test_a_result_and_a_target_of_one_sentence_are_told_apart():
    sentence = "Lo sportello ha seguito 120 persone, contro un obiettivo di 200 a fine progetto."
    assert not planned(sentence, (sentence.index("120"), sentence.index("120") + 11))
    assert planned(sentence, (sentence.index("200"), sentence.index("200") + 3))
    # A plan stated with a past verb of planning stays a plan; a target sentence without a done verb too.
    decided = "Il gruppo ha deciso di aprire 2 alloggi, con 8 posti."
    assert planned(decided, (decided.index("2 "), decided.index("2 ") + 10))
    stimated = "Si prevede di organizzare 24 eventi, con una partecipazione stimata in 1.500 persone."
    assert planned(stimated, (stimated.index("1.500"), stimated.index("1.500") + 13))


def test_a_baseline_in_another_clause_dates_only_its_own_counts():
    body = ("In dodici mesi lo sportello ha accolto 180 persone, oltre l'obiettivo di 120; nel 2023, quando esisteva "
            "solo un banco informazioni, gli accessi erano stati 30.")  # fmt: skip
    span = lambda words: (body.index(words), body.index(words) + len(words))  # noqa: E731
    assert not before_project(body, "2024-01-01", span("180 persone"))
    assert not before_project(body, "2024-01-01", span("120"))
    assert before_project(body, "2024-01-01", span("30"))
    assert before_project(body, "2024-01-01")  # the whole sentence, read without a count's place, as before
    kept = results_only([(body, span("180 persone")), (body, span("30"))], lambda i: i[0], lambda i: "d",
                        "2024-01-01", lambda i: i[1])  # fmt: skip
    assert kept == [(body, span("180 persone"))]
    body = "Nell'anno scolastico 2022/23 gli alunni stranieri erano 418; 73 di loro erano arrivati da poco."
    assert before_project(body, "2024-01-01", span("73"))  # a date opening the sentence reaches its later clauses
