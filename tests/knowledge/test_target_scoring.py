"""The scorer's target groups (knowledge.evaluation, knowledge.group_match): per record, a gold group is found when
one of the record's groups names the same people; the rest of the record's groups are wrong."""

from __future__ import annotations

from knowledge.evaluation import evaluate
from knowledge.group_match import key_words, match_groups, same_people
from lgnet.practice import Period, PracticeRecord, Target


def _record(area: str, groups: list[tuple[str, str, str]]) -> PracticeRecord:
    return PracticeRecord(id=f"lecce-{area}", title="t", title_en="t", city="Lecce", area=area, area_label_it=area,
                          area_label_en=area, period=Period(),
                          target_groups=[Target(code=c, label_it=c, label_en=c, text=t)
                                         for c, t, _ in groups])  # fmt: skip


def _gold(area: str, groups: list[str]) -> dict:
    return {"city": "Lecce", "area": area, "phase": None, "figures": [], "partners": [], "target_groups": groups}


def test_key_words_fold_stem_and_keep_the_head():
    assert key_words("Minori stranieri non accompagnati") == key_words("minore straniero accompagnato")
    assert key_words("persone senza dimora") == {"senz", "dimor"}
    assert len(key_words("titolari di protezione internazionale e speciale in uscita dai progetti SAI")) == 4


def test_same_people_by_overlap():
    assert same_people("donne", "donne sole con figli")
    assert same_people("titolari di protezione", "titolari di protezione internazionale e speciale in uscita dai SAI")
    assert not same_people("minori", "nuclei monoparentali con minori in condizione di emergenza abitativa")
    assert not same_people("anziani", "giovani")


def test_one_to_one_matching():
    # one found group cannot be two gold groups; the order of the found groups does not matter
    assert match_groups([["donne"]], ["donne sole con figli", "donne straniere"]) == [(0, 0)]
    found = [["donne straniere", "donne"], ["donne sole"]]
    assert len(match_groups(found, ["donne sole con figli", "donne straniere"])) == 2


def test_a_record_scores_a_match_a_miss_and_a_wrong():
    records = [_record("housing", [("refugees", "titolari di protezione", ""), ("elderly", "anziani", "")])]
    gold = [_gold("housing", ["titolari di protezione internazionale", "donne sole con figli"])]
    s = evaluate("t", gold, records, []).target_groups
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.wrong == [("Lecce", "housing", "anziani")]
    assert s.misses == [("Lecce", "housing", "donne sole con figli")]


def test_a_gold_record_without_groups_makes_groups_wrong_and_a_missing_record_misses():
    records = [_record("housing", [("families", "famiglie", "")])]
    gold = [_gold("housing", []), _gold("taking_charge", ["famiglie"])]
    s = evaluate("t", gold, records, []).target_groups
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
