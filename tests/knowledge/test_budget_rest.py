"""The co-financing a budget states without naming it: of two sums adding up to the total, the one beside the
funder's grant (knowledge/budget_rest.py, knowledge/merging.py budget_of). Texts invented here."""

from __future__ import annotations

from knowledge.merging import budget_of
from knowledge.money import amounts
from knowledge.records import Passage, Read, RecordBuilder
from knowledge.sentences import sentences
from lgnet.practice import Budget


def _budget(text: str) -> Budget:
    p = Passage("p:0", text, {"doc_id": "p"})
    return budget_of([(Read(p, s, s.text, []), a) for s in sentences(text) for a in amounts(s.text)])


def _cofinancing(text: str) -> float | None:
    budget = _budget(text)
    return budget.cofinancing.value if budget.cofinancing else None


def test_the_rest_beside_a_funder_s_grant_is_the_co_financing():
    # the rest of the total after the foundation's part, "restano in capo al Comune" (read as a part of the total)
    assert _cofinancing("Il progetto costa in tutto 150.000 euro. La Fondazione Alfa copre 120.000 euro, mentre i "
                        "restanti 30.000 euro restano in capo al Comune.") == 30000  # fmt: skip
    # a grant read as funded, the rest in words no rule names co-financing
    assert _cofinancing("The total cost is EUR 90,000, of which the Trust contributes EUR 70,000; the Town provides "
                        "co-funding of EUR 20,000, mostly in staff time.") == 20000  # fmt: skip
    # neither read as funded: the rest is the one whose words name the municipality's side
    assert _cofinancing("Il progetto vale in tutto 200.000 euro. La Regione vi concorre con 170.000 euro del programma "
                        "regionale; al Comune spetta una quota di 30.000 euro.") == 30000  # fmt: skip
    assert _cofinancing("Costa in tutto 80.000 euro: 65.000 arrivano dal fondo regionale. La quota locale di 15.000 "
                        "euro la coprono insieme il Comune e una parrocchia.") == 15000  # fmt: skip


def test_no_co_financing_is_guessed_without_a_pair_adding_up_to_the_total():
    # the grant alone, the rest not written
    assert _cofinancing("Il progetto costa 100.000 euro; la Regione ne finanzia 70.000.") is None
    # two sums adding up to the total, neither beside a funder's: no telling which is the share
    assert _cofinancing("Il progetto costa 100.000 euro: 60.000 per il personale e 40.000 per gli affitti.") is None
    # two pairs that disagree
    assert _cofinancing("Costa in tutto 100.000 euro. La Fondazione Beta copre 70.000 euro, i restanti 30.000 euro "
                        "restano in capo al Comune. La Regione copre 80.000 euro, i restanti 20.000 euro restano in "
                        "capo alla parrocchia.") is None  # fmt: skip


def test_a_named_co_financing_is_kept_and_the_record_takes_the_rest():
    named = ("Il progetto costa in tutto 150.000 euro. La Fondazione Alfa copre 120.000 euro e il Comune mette 10.000 "
             "euro di cofinanziamento; i restanti 20.000 euro restano in capo alla cooperativa.")  # fmt: skip
    assert _cofinancing(named) == 10000
    text = ("Il progetto costa in tutto 150.000 euro. La Fondazione Alfa copre 120.000 euro, mentre i restanti 30.000 "
            "euro restano in capo al Comune di Rieti.")  # fmt: skip
    passage = Passage("c:0", text, {"doc_id": "c", "doc_type": "report", "city": "Rieti", "chunk_index": 0})
    _, project = RecordBuilder().build("Rieti", None, [passage], set())
    assert project.budget is not None and project.budget.total is not None and project.budget.cofinancing is not None
    assert (project.budget.total.value, project.budget.cofinancing.value) == (150000, 30000)
