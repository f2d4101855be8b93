"""Near-duplicate groups with MinHash LSH (datasketch): syndicated copies of one text share a group.

The canonical member is the most complete copy (the longest); the group id is the canonical's id, so it is
stable while that copy stays in the index.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from lgnet.similarity import containment as _containment
from lgnet.similarity import jaccard, near_duplicate_neighbours, shingles  # noqa: F401 (part of this module's API)
from lgnet.similarity import shingle_jaccard as _jaccard

NUM_PERM = 128


@lru_cache(maxsize=1)
def _prototype() -> MinHash:
    """The hash permutations, drawn once: every MinHash must share them to be comparable anyway."""
    return MinHash(num_perm=NUM_PERM)


def minhash(grams: set[bytes]) -> MinHash:
    proto = _prototype()
    m = MinHash(num_perm=NUM_PERM, permutations=proto.permutations, scheme=proto.scheme)
    if grams:
        m.update_batch(list(grams))
    return m


def near_duplicate_groups(
    items: Iterable[tuple[str, str]], threshold: float = 0.6, min_containment: float | None = None
) -> dict[str, tuple[str, bool]]:
    """Map each id to (group id, is canonical). Singletons are their own group.

    LSH proposes candidate pairs at Jaccard >= `threshold`; a pair is kept when either its Jaccard reaches
    the threshold or, with `min_containment`, the shorter text is mostly contained in the longer (a shortened
    syndicated copy). Containment suits whole articles, not passages: two passages of different cities that
    both contain the same boilerplate would otherwise be chained into one group.
    """
    items = [(i, t) for i, t in items]
    texts = dict(items)
    parent = {i: i for i, _ in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    grams = {item_id: shingles(text) for item_id, text in items}
    for item_id, other in _candidate_pairs(grams, threshold):
        a, b = grams[item_id], grams[other]
        if _jaccard(a, b) >= threshold or (min_containment and _containment(a, b) >= min_containment):
            parent[find(item_id)] = find(other)

    members: dict[str, list[str]] = {}
    for item_id, _ in items:
        members.setdefault(find(item_id), []).append(item_id)
    result: dict[str, tuple[str, bool]] = {}
    for group in members.values():
        lengths = np.array([len(texts[g]) for g in group])
        canonical = group[int(np.argmax(lengths))]  # first longest: stable under ties
        for g in group:
            result[g] = (canonical, g == canonical)
    return result


def _candidate_pairs(grams: dict, threshold: float) -> Iterable[tuple]:
    """Pairs LSH proposes as similar, each once (the LSH threshold sits below `threshold` to miss fewer)."""
    lsh = MinHashLSH(threshold=threshold * 0.8, num_perm=NUM_PERM)
    for key, grams_of_key in grams.items():
        m = minhash(grams_of_key)
        for other in lsh.query(m):
            yield key, other
        lsh.insert(key, m)
