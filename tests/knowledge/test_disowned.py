"""Counts a sentence says are not the project's (knowledge/disowned.py): the records leave them out, the counts of
the sentences around them stay. Texts made up for the test."""

from knowledge.disowned import disowned_clauses
from knowledge.records import Passage, RecordBuilder

REPORT = (
    "Lo sportello del progetto ha preso in carico 84 persone nel 2025. "
    "La mensa parrocchiale, con 60 coperti, non rientra nel progetto e serve ogni sera 90 pasti. "
    "Il centro diurno comunale ha accolto anche 45 persone inviate dal servizio sanitario, contate dal servizio "
    "sanitario e non qui. "
    "The district hospital recorded 3,400 visits of foreign patients; none of these figures refer to Porte Aperte. "
    "Il Comune fa parte della rete regionale e ha attivato 7 alloggi di transizione."
)


def _values(text: str) -> set[float]:
    p = Passage("d:001", text, {"doc_id": "d", "doc_type": "report", "city": "Ornica", "char_start": 0})
    records, project = RecordBuilder().build("Ornica", None, [p], set())
    return {float(f.value) for r in records for f in r.figures} | {float(f.value) for f in project.figures}


def test_counts_a_sentence_disowns_are_left_out_and_the_others_stay():
    values = _values(REPORT)
    assert {84.0, 7.0} <= values
    assert not values & {60.0, 90.0, 45.0, 3400.0}


def test_the_denial_covers_its_clause_and_what_came_before_it_not_a_later_clause():
    body = "La casa famiglia non fa parte del progetto e ospita 9 ragazzi; lo sportello ha seguito 31 persone."
    (span,) = disowned_clauses(body)
    assert span[0] == 0 and body.index("9 ragazzi") < span[1] < body.index("31 persone")


def test_membership_of_a_network_or_a_body_disowns_no_count():
    for body in ("Il Comune non fa parte della rete LGNet e ha accolto 40 persone.",
                 "The town was not part of the national network and housed 12 families.",
                 "Il funzionario, che non fa parte della cabina di regia, ha presentato 3 casi.",
                 "Il progetto ha accolto 40 persone, non solo del quartiere."):  # fmt: skip
        assert disowned_clauses(body) == [], body


def test_a_figure_said_to_be_someone_else_s_not_the_project_s_is_disowned():
    for body, gone, kept in (
        ("Ricorda che le 2.300 visite del consultorio sono un dato dell'ASL, non del progetto.", 2300.0, None),
        ("Il Municipio V ha ospitato nel 2024 anche 95 persone nel piano caldo: dato del Municipio, non dell'azione.",
         95.0, None),
        ("The 1,800 calls to the helpline are a figure of the Region, not of the project; the desk met 64 people.",
         1800.0, 64.0),
        ("The shelter's 48 beds are the Red Cross's data, not the project's.", 48.0, None),
    ):  # fmt: skip
        values = _values(body)
        assert gone not in values, body
        assert kept is None or kept in values, body


def test_a_figure_compared_with_the_project_is_not_disowned():
    for body in ("Il dato del 2025, 84 persone prese in carico, non è lontano da quello del progetto pilota.",
                 "These figures, 64 people housed in 20 flats, are not far from the target."):  # fmt: skip
        assert disowned_clauses(body) == [], body
