"""Counts that are no results: what could be done, a verb in the conditional before the count in its clause
("potrebbe metterne a disposizione 4"), and a share of a sum said by where the money comes from ("Di questi,
90.000 arrivano dalla Fondazione X"). Sentences invented for the mechanism."""

from knowledge.figures import figures


def _records(text: str, city: str = "Lecco") -> set[tuple[float, str]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "minutes", "city": city})
    records, project = RecordBuilder(area_chooser=None).build(city, None, [passage], set())
    return {(f.value, f.unit) for r in records for f in r.figures} | {(f.value, f.unit) for f in project.figures}


def test_a_count_after_a_verb_in_the_conditional_is_what_could_be_done():
    said = ("Il consorzio ha in gestione 9 alloggi in via Po, e il consorzio potrebbe metterne a disposizione 3 "
            "se il Comune pagasse le riparazioni.")  # fmt: skip
    assert _records(said) == {(9.0, "housing_units")}
    done = "Il consorzio ha in gestione 9 alloggi in via Po, e il consorzio ne ha messi a disposizione 3."
    assert _records(done) == {(9.0, "housing_units"), (3.0, "housing_units")}
    # a conditional after the count, in a clause about the people counted, does not make it a hypothesis
    assert (14.0, "people") in _records("Il dormitorio ha accolto 14 persone che potrebbero dormire in auto.")


def test_a_share_of_a_sum_said_by_where_the_money_comes_from_is_no_count_of_persons():
    assert figures("Di questi, 90.000 arrivano dalla Fondazione Cariplo e il resto dal bilancio comunale.") == []
    assert figures("Di questi, 60.000 sono coperti dal fondo regionale per l'inclusione.") == []
    assert [(f.value, f.unit) for f in figures("Di questi, 35 arrivano dal Pakistan.")] == [(35.0, "people")]
