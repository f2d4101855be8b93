"""Counts the writers say not to count or use ("il tavolo decide di non contarli tra i risultati", "quel dato non va
usato nella relazione") or say are another's ("those figures belong to the partner's own report") are not the
project's. Sentences invented for the mechanism."""


def _values(text: str, city: str = "Lecco") -> set[float]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "minutes", "city": city})
    records, project = RecordBuilder().build(city, None, [passage], set())
    return {f.value for r in records for f in r.figures} | {f.value for f in project.figures}


def test_a_count_the_meeting_decides_not_to_count_is_no_figure():
    text = (
        "Lo sportello casa ha accompagnato 27 famiglie nella ricerca di un alloggio. Altre 6 famiglie hanno avuto "
        "una casa popolare dall'ente regionale: il tavolo decide di non contarle tra i risultati."
    )
    assert _values(text) == {27}


def test_a_count_the_meeting_says_not_to_use_is_no_figure():
    text = (
        "La mediatrice ha seguito 48 persone. La cooperativa osserva che il registro provinciale riporta 310 utenti "
        "per tutta la zona: il tavolo chiarisce che quel dato non va usato nella relazione."
    )
    assert _values(text) == {48}


def test_a_count_said_to_belong_to_another_body_s_report_is_no_figure():
    text = (
        "The help desk met 95 people in its first year. The partner's desk across the border met 210 people; those "
        "figures belong to the partner's own report."
    )
    assert _values(text) == {95}
