"""Comparing partner names costs what is new: a pair is compared once, a pair far apart in length builds no
matcher, and the answers are difflib's."""

from __future__ import annotations

import difflib
import random

from knowledge import org_names as partners  # the name comparisons (knowledge.partners re-exports them)
from knowledge.merging import merge_partners
from lgnet.practice import Partner


def _difflib(a: str, b: str, threshold: float) -> bool:
    m = difflib.SequenceMatcher(None, a, b)
    return m.real_quick_ratio() >= threshold and m.quick_ratio() >= threshold and m.ratio() >= threshold


def test_similar_answers_as_difflib_without_a_matcher_for_lengths_far_apart(monkeypatch):
    rng = random.Random(5)
    words = [
        "cooperativa",
        "sociale",
        "il",
        "faro",
        "caritas",
        "diocesana",
        "stimate",
        "stimmate",
        "federazione",
        "filef",
        "comune",
        "di",
    ]
    for _ in range(3000):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        b = (
            a[: rng.randint(0, len(a))] + "x" * rng.randint(0, 3)
            if rng.random() < 0.4
            else " ".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        )
        for t in (0.5, 0.9):
            assert partners._similar(a, b, t) == _difflib(a, b, t)
    built = []
    monkeypatch.setattr(partners.difflib, "SequenceMatcher", lambda *a: built.append(a) or difflib.SequenceMatcher(*a))
    assert not partners._similar("caritas", "caritas diocesana di sulmona", 0.9)
    assert built == []


def test_a_pair_of_names_is_compared_once():
    partners.same_org.cache_clear()
    names = ["Cooperativa sociale Il Faro", "Caritas diocesana", "Cooperativa sociale Il Faro onlus", "Caritas"]
    items = [(None, Partner(name=n)) for n in names * 5]
    first = merge_partners(items)
    computed = partners.same_org.cache_info().misses
    assert merge_partners(items) == first
    assert partners.same_org.cache_info().misses == computed  # the second merge compares nothing again
