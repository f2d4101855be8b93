"""The scorer reads units from a frozen table (knowledge/unit_table.py, lgnet/data/unit_keys.json), never through
the rules' reading of persons: a rule change cannot change how the gold is scored."""

import pytest

from knowledge.evaluation import unit_key
from knowledge.figure_cv import dev_gold
from knowledge.unit_table import table
from lgnet.text import fold


def test_the_reviewed_nouns_are_read_by_meaning():
    for noun in ("bibliotecari", "cuochi", "interpreti", "marinai", "tutor"):
        assert unit_key(noun) == unit_key("persone") == "people", noun
    assert unit_key("dormitori") != "people"


@pytest.mark.parametrize("says", [True, False])
def test_the_scorer_does_not_move_with_the_rules_reading_of_persons(monkeypatch, says):
    import knowledge.noun_kind
    import knowledge.persons

    monkeypatch.setattr(knowledge.noun_kind, "persons_probability", lambda noun: 1.0 if says else 0.0)
    monkeypatch.setattr(knowledge.persons, "counts_persons", lambda noun: says)
    assert unit_key("dormitori") == "dormitori" and unit_key("laboratori") == "laboratori"
    assert unit_key("bibliotecari") == unit_key("operatori") == unit_key("navigators") == "people"
    assert unit_key("nuclei familiari") == "families" and unit_key("case sfitte") == "housing_units"


def test_a_noun_the_table_does_not_know_is_its_own_word():
    assert "zampognari" not in table()
    assert unit_key("zampognari") == "zampognari"  # whatever the rules would say of it
    assert unit_key("zampognari volontari") == "people"  # a word of it the table knows: its last
    assert unit_key("farm workers") == "people" and unit_key("case sfitte") == "housing_units"


def test_every_unit_the_development_gold_writes_is_in_the_table():
    known = table()
    for name, records in dev_gold().items():
        for r in records:
            for f in r.get("figures", []):
                u = fold(str(f["unit"])).strip()
                assert u in known or u.split()[0] in known, (name, u)


def test_events_are_one_unit():
    # the gold writes a feast 'eventi' or 'feste', the records keep the text's noun (convention of 2026-12-07)
    for noun in ("serate", "feste", "feste di quartiere", "incontri pubblici", "pomeriggi", "evenings", "feasts"):
        assert unit_key(noun) == unit_key("eventi"), noun
    assert unit_key("laboratori") != unit_key("eventi") and unit_key("persone") != unit_key("eventi")


def test_a_feminine_plural_of_persons_is_persons():
    # the table knows "volontari", "iscritti", "tutori" as persons; a text about women writes the feminine
    for noun in ("volontarie", "iscritte", "tutrici"):
        assert noun not in table()
        assert unit_key(noun) == "people", noun
    assert unit_key("volontarie formate") == "people"
    # only where the masculine is persons: "case" is dwellings, not "casi"; "sedi" stays its own word
    assert unit_key("case") == "housing_units" and unit_key("sedi") == "sedi"
    assert unit_key("zampognare") == "zampognare"


def test_the_nouns_batches_19_and_20_count_in_their_own_words_are_read_by_meaning():
    # afternoons of snacks and open Sundays are events, mini-flats dwellings, fathers and seafarers persons
    assert unit_key("merende") == unit_key("domeniche") == unit_key("eventi")
    assert unit_key("minialloggi") == unit_key("alloggi") == "housing_units"
    assert unit_key("padri") == unit_key("marittimi") == "people"
