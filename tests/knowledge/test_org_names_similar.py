"""Two partner names compared (`knowledge.org_names`): the letters in common are counted from each name's letters
kept once, before difflib builds a matcher (half the cost of a group's first ~5k comparisons at 100k); the answer
is difflib's own bounds and ratio, on random names."""

from __future__ import annotations

import difflib
import random

from knowledge import org_names


def difflib_similar(a: str, b: str, threshold: float) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and (
        matcher.ratio() >= threshold)  # fmt: skip


def test_similar_is_difflibs_answer():
    rng = random.Random(3)
    words = ["caritas", "diocesana", "stimate", "stimmate", "cooperativa", "il", "faro", "arci", "bari", "onlus", "a",
             "", "croce", "rossa", "italiana", "comitato", "di"]  # fmt: skip
    for _ in range(4000):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
        b = a if rng.random() < 0.1 else " ".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.3:  # a letter or two changed
            b = "".join(c if rng.random() > 0.05 else rng.choice("aeiost") for c in a)
        for threshold in (0.9, 0.8):
            assert org_names._similar(a, b, threshold) == difflib_similar(a, b, threshold), (a, b)


def test_names_of_few_letters_in_common_build_no_matcher(monkeypatch):
    built: list[tuple[str, str]] = []
    real = difflib.SequenceMatcher

    def counted(junk, a, b):
        built.append((a, b))
        return real(junk, a, b)

    monkeypatch.setattr(org_names.difflib, "SequenceMatcher", counted)
    assert not org_names._similar("associazione ponti", "cooperativa il faro", 0.9)  # lengths close, letters not
    assert org_names._similar("stimate", "stimmate", 0.9)
    assert built == [("stimate", "stimmate")]
