"""Counts of listed nouns: an English noun after modifiers listed with commas, a count "tra" a list of nouns;
renewals in the network's Italian unit. Sentences invented for the mechanism."""

from knowledge.figures import figures
from knowledge.unit_table import reading_key as unit_key  # the rules' reading of units


def test_a_count_whose_noun_follows_modifiers_listed_with_commas():
    found = [(f.value, unit_key(f.unit)) for f in figures("Training reached 45 social, health and school staff.")]
    assert found == [(45.0, "people")]
    # a row's few words, read before its label by the table's rules
    assert [(f.value, unit_key(f.unit)) for f in figures("30 municipal, health and police staff trained")] == [
        (30.0, "people")]  # fmt: skip


def test_renewals_are_counted_in_the_network_s_unit():
    found = figures("The desk helped obtain 140 permit renewals and gave 600 legal consultations.")
    assert [(f.value, f.unit) for f in found] == [(140.0, "rinnovi"), (600.0, "consulenze")]


def test_a_count_between_a_list_of_nouns_of_persons():
    # "N tra A, B e C": one count of all the nouns listed, each of them maybe with its complement
    for sentence in ("Nel corso dell'anno 30 tra medici di famiglia, ostetriche e operatori hanno seguito il corso.",
                     "Il percorso ha formato 44 tra insegnanti, educatori e impiegati comunali."):  # fmt: skip
        assert [(f.value, unit_key(f.unit)) for f in figures(sentence)][:1] in ([(30.0, "people")], [(44.0, "people")])
    assert figures("Il progetto coinvolge 5 tra le città della rete.") == []


def test_a_row_s_few_english_words_counting_staff_after_a_modifier_are_persons():
    # invented: an indicator row's label read after its value; "staff" is a noun of persons with no plural -s
    assert {(f.value, f.unit) for f in figures("22 front-line staff trained")} == {(22.0, "operatori")}
    assert {(f.value, f.unit) for f in figures("14 registry office staff")} == {(14.0, "operatori")}
