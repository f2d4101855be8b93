"""Near-duplicate groups with MinHash LSH (datasketch): syndicated copies of one text share a group.

The canonical member is the most complete copy (the longest); the group id is the canonical's id, so it is
stable while that copy stays in the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from lgnet.text import fold, strip_markdown

NUM_PERM = 128


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = re.findall(r"\w+", fold(strip_markdown(text)))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    grams = shingles(text)
    if grams:
        m.update_batch(list(grams))
    return m


def jaccard(a: str, b: str) -> float:
    """Exact shingle Jaccard similarity (used to verify LSH candidates and by the evaluation)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def containment(a: str, b: str) -> float:
    """Share of the shorter text's shingles found in the longer one: a truncated copy scores high."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


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
    lsh = MinHashLSH(threshold=threshold * 0.8, num_perm=NUM_PERM)
    texts = dict(items)
    parent = {i: i for i, _ in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item_id, text in items:
        m = minhash(text)
        for other in lsh.query(m):
            a, b = texts[item_id], texts[other]
            if jaccard(a, b) >= threshold or (min_containment and containment(a, b) >= min_containment):
                parent[find(item_id)] = find(other)
        lsh.insert(item_id, m)

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
