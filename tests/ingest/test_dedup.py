"""Near-duplicate detection: syndicated groups at ingestion, exact neighbours at query time."""

from __future__ import annotations

import itertools
import random

from ingest.dedup import _jaccard, near_duplicate_groups, near_duplicate_neighbours, shingles

WORDS = [
    "comune",
    "alloggi",
    "famiglie",
    "migranti",
    "progetto",
    "rete",
    "inclusione",
    "sportello",
    "unità",
    "strada",
    "minori",
    "donne",
]


def _texts(n: int, seed: int = 7) -> list[str]:
    """Random texts, some of them edited copies of others (a few words changed, cut or added)."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        if texts and rng.random() < 0.5:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 12)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            words = words[: rng.randint(len(words) * 3 // 4, len(words))] + rng.choices(WORDS, k=rng.randint(0, 8))
        else:
            words = rng.choices(WORDS, k=rng.randint(40, 120))
        texts.append(" ".join(words))
    return texts


def test_neighbours_are_exactly_the_pairs_over_the_threshold():
    grams = [shingles(t) for t in _texts(150)]
    brute = {(a, b) for a, b in itertools.combinations(range(len(grams)), 2) if _jaccard(grams[a], grams[b]) >= 0.6}
    found = near_duplicate_neighbours(grams, 0.6)
    assert brute  # the fixture does contain near-copies
    assert {(a, b) for a in range(len(found)) for b in found[a] if a < b} == brute
    assert all(a not in found[a] for a in range(len(found)))


def test_syndicated_copies_share_a_group_with_the_longest_as_canonical():
    article = " ".join(f"parola{i}" for i in range(200))
    items = [("short", article[: len(article) * 9 // 10]), ("full", article), ("other", _texts(1)[0])]
    groups = near_duplicate_groups(items, threshold=0.6, min_containment=0.85)
    assert groups["short"] == ("full", False) and groups["full"] == ("full", True)
    assert groups["other"] == ("other", True)
