"""The scorer's contacts: the e-mail addresses of a city's records and project against the gold's
(knowledge/evaluation.py). Addresses invented."""

from knowledge.evaluation import evaluate
from lgnet.practice import Contact, ProjectFacts


def test_the_e_mail_addresses_written_are_scored_per_city_and_phase():
    gold = [
        {
            "city": "Ovada",
            "area": "housing",
            "phase": None,
            "contacts": [{"office": "Servizi sociali", "email": "Sociale@comune.ovada.al.it", "phone": None}],
        }
    ]
    project = ProjectFacts(id="ovada-nd", city="Ovada", phase=None,
                           contacts=[Contact(office="Ufficio casa", email="sociale@comune.ovada.al.it"),
                                     Contact(email="newsletter@rete.example.it")])  # fmt: skip
    s = evaluate("t", gold, [], [project]).contacts
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
