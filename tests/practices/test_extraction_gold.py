"""The corpus attribution gold (tests/practices/gold.json) and its scoring (knowledge.evaluation).

The figures themselves are reported by `lgnet eval` (README, docs/search-quality.md), never asserted against
a timed budget; here: the gold is sound, and the scoring counts what it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.evaluation import evaluate, load_gold, unit_key
from lgnet.practice import Figure, Partner, PracticeRecord, ProjectFacts
from lgnet.taxonomy import Taxonomy
from retrieval.practices import get_catalogue

GOLD = Path(__file__).with_name("gold.json")


def test_gold_covers_ten_cities_per_area_with_areas_from_the_taxonomy():
    gold = load_gold(GOLD)
    assert len({g["city"] for g in gold}) >= 10
    assert sum(len(g["figures"]) for g in gold) >= 25
    assert sum(len(g["partners"]) for g in gold) >= 50
    areas = set(Taxonomy.default().codes) | {None}
    assert all(g["area"] in areas and all(f["area"] == g["area"] for f in g["figures"]) for g in gold)


def test_scoring_counts_a_figure_in_the_wrong_area_as_wrong_and_missed():
    gold = [{"city": "X", "area": "housing", "phase": None, "figures": [{"value": 3, "unit": "alloggi",
             "area": "housing"}], "partners": ["Cooperativa Alfa"], "period": None, "budget": None}]  # fmt: skip
    right = PracticeRecord(id="x-housing-nd", title="", title_en="", city="X", area="housing", area_label_it="",
                           area_label_en="", figures=[Figure(value=3, unit="housing_units")])  # fmt: skip
    wrong = right.model_copy(update={"area": "taking_charge", "id": "x-taking-charge-nd"})
    project = ProjectFacts(id="x-nd", city="X", partners=[Partner(name="Cooperativa Sociale Alfa")])
    good = evaluate("t", gold, [right], [project])
    assert (good.figures.tp, good.figures.fp, good.partners.tp) == (1, 0, 1)
    bad = evaluate("t", gold, [wrong], [])
    assert (bad.figures.tp, bad.figures.fp, bad.figures.fn, bad.figures_city.tp) == (0, 1, 1, 1)
    assert unit_key("posti letto") == unit_key("beds") == "beds"


def test_a_period_date_is_right_at_the_coarser_of_the_two_precisions_down_to_the_month():
    from knowledge.evaluation import same_date

    assert same_date("2024-04", "2024-04-01") and same_date("2024-02-01", "2024-02")  # less said, nothing false
    assert not same_date("2024-02-01", "2024-03") and not same_date("2024-02-01", "2024-02-02")
    assert not same_date("2024-02", "2024") and not same_date("2024-02-01", None)  # a year alone says too little


def test_a_phase_period_is_not_held_against_a_gold_that_says_the_city_states_none():
    from lgnet.practice import Period

    gold = [{"city": "X", "area": "housing", "phase": "LGNet2", "figures": [], "partners": [], "period": None,
             "budget": None}]  # fmt: skip
    record = PracticeRecord(id="x-housing-lgnet2", title="", title_en="", city="X", area="housing", area_label_it="",
                            area_label_en="", phase="LGNet2", period=Period(start="2022-03-01", end="2023-12-31",
                            basis="phase"))  # fmt: skip
    assert (evaluate("t", gold, [record], []).period.fp, evaluate("t", gold, [record], []).period.tp) == (0, 0)
    stated = record.model_copy(update={"period": record.period.model_copy(update={"basis": "stated"})})
    assert evaluate("t", gold, [stated], []).period.fp == 2  # the city's own statement where the gold has none
    dated = [dict(gold[0], period={"start": "2022-03-01", "end": "2023-12-31"})]
    assert evaluate("t", dated, [record], []).period.tp == 2  # where the gold gives the phase's years, they count


def test_units_are_equal_by_meaning():
    # an English document's noun is the gold's Italian one; any noun of persons is "persone"
    assert unit_key("visits") == unit_key("accessi") and unit_key("staff") == unit_key("operatori")
    assert unit_key("lavoratori") == unit_key("partecipanti") == unit_key("persone") == unit_key("beneficiaries")
    # women and minors are persons (the label says which); families are households, a unit of their own
    for noun in ("donne", "minori", "bambini", "minori stranieri non accompagnati", "women", "minors", "children"):
        assert unit_key(noun) == unit_key("persone"), noun
    assert unit_key("famiglie") == unit_key("nuclei familiari") == "families" != unit_key("persone")
    assert unit_key("eventi") != unit_key("persone") and unit_key("alloggi") != unit_key("persone")


@pytest.mark.parametrize("field", ["figures", "partners"])
def test_corpus_attribution_is_scored(service, field):
    catalogue = get_catalogue(service)
    ev = evaluate("corpus", load_gold(GOLD), catalogue.models(), catalogue.projects())
    print("\n" + ev.render())
    score = getattr(ev, field)
    assert score.tp > 0 and score.precision is not None and score.recall is not None
