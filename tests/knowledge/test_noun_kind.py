"""What a counted noun counts, learned from its meaning (knowledge/noun_kind.py with the shipped encoder and
weights): nouns of persons no list names are persons, nouns whose ending only looks like an agent's are not."""

from knowledge.noun_kind import persons_probability, thresholds
from knowledge.persons import counts_persons, known_persons


def test_nouns_of_persons_no_list_names_are_persons():
    for noun in ("navigators", "assessori", "maestri artigiani"):
        assert counts_persons(noun), noun


def test_an_agent_s_ending_the_model_finds_unlikely_is_no_person():
    for noun in ("laboratori", "davanti", "seguenti", "pomeriggi"):
        assert not counts_persons(noun), noun
    assert known_persons("laboratori") == (False, True)  # the ending alone said persons
    veto, _ = thresholds()
    p = persons_probability("laboratori")
    assert p is not None and p < veto


def test_the_lists_stay_first():
    assert known_persons("volontari") == (True, False) and counts_persons("volontari")
    assert not counts_persons("famiglie") and not counts_persons("alloggi")
