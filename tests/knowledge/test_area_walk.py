"""The walk-forward training of the learned figure area (knowledge.area_walk): the rules' reason every version can
say, the table counts it leaves to the rules, the labels of the counts old rules read."""

from knowledge.area_choice import coarse
from knowledge.area_choice import model_chooser as chooser
from knowledge.area_model import AreaContext, AreaModel, classes_of
from knowledge.area_walk import FIRST_RUN, ORDER, WALK, labelled
from knowledge.figures import FigureFact


def _ctx(rules: str | None, why: str) -> AreaContext:
    body = "Lo sportello ha trovato un alloggio a 30 famiglie."
    start = body.index("30")
    return AreaContext(body, FigureFact(30, "families", "famiglie", "30 famiglie", start, start + 11), rules, why,
                       None, {}, ("doc:0", 0, start))  # fmt: skip


def test_the_rules_reason_is_reduced_to_area_total_or_none():
    assert coarse(_ctx(None, "section")).why == "none"
    assert coarse(_ctx("taking_charge", "own")).why == "area"
    assert coarse(_ctx("housing", "previous")).rules == "housing"


def test_the_model_chooses_for_text_counts_and_leaves_table_counts_to_the_rules():
    classes = classes_of()
    sure = AreaModel(classes, {"near:allogg": [9.0 if c == "housing" else 0.0 for c in classes]}, [0.0] * 6, 0.0)
    choose = chooser(sure)
    assert choose(_ctx(None, "none")) == "housing"
    assert choose(_ctx("taking_charge", "own")) == "housing"
    assert choose(_ctx("taking_charge", "table")) == "taking_charge"  # it never learnt a table's rows


def test_labels_come_from_the_folds_gold_by_value_and_unit():
    gold = [{"city": "Lucca", "phase": None, "area": "housing",
             "figures": [{"value": 30, "unit": "famiglie", "area": "housing"},
                         {"value": 12, "unit": "persone", "area": "housing", "optional": True},
                         {"value": 5, "unit": "persone", "area": "housing"}]},
            {"city": "Lucca", "phase": None, "area": "taking_charge",
             "figures": [{"value": 5, "unit": "persone", "area": "taking_charge"}]}]  # fmt: skip
    read = [("b5", "Lucca", "LGNet2", 30.0, "families", "none", "none", {"f": 1.0}),
            ("b5", "Lucca", None, 12.0, "people", "housing", "area", {}),
            ("b5", "Lucca", None, 5.0, "people", "housing", "area", {}),  # two areas in the gold: no label
            ("b6", "Lucca", None, 30.0, "families", "housing", "area", {}),  # another fold's
            ("b5", "Pisa", None, 30.0, "families", "housing", "area", {})]  # another city's  # fmt: skip
    rows = labelled(read, "b5", gold)
    assert [(r.label, r.rules, r.why, r.optional) for r in rows] == [
        ("housing", "none", "none", False),
        ("housing", "housing", "area", True),
    ]
    assert rows[0].features == {"f": 1.0}


def test_each_walked_batch_has_rules_that_had_not_read_it_and_folds_before_it():
    assert all(b in FIRST_RUN for b in WALK)
    assert ORDER.index("corpus") < ORDER.index("b1") < min(ORDER.index(b) for b in WALK)
    assert ["corpus", *sorted((f for f in ORDER if f != "corpus"), key=lambda f: int(f[1:]))] == ORDER
