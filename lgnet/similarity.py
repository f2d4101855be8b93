"""Text similarity on word shingles: the measures behind near-duplicate groups (ingest) and the
near-duplicate neighbours hidden from one page of results (retrieval)."""

from __future__ import annotations

import math
import re
from collections import Counter

from lgnet.text import fold, strip_markdown


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = re.findall(r"\w+", fold(strip_markdown(text)))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def jaccard(a: str, b: str) -> float:
    """Exact shingle Jaccard similarity (used to verify LSH candidates and by the evaluation)."""
    return shingle_jaccard(shingles(a), shingles(b))


def shingle_jaccard(sa: set[bytes], sb: set[bytes]) -> float:
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def containment(sa: set[bytes], sb: set[bytes]) -> float:
    """Share of the shorter text's shingles found in the longer one: a truncated copy scores high."""
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def near_duplicate_neighbours(shingle_sets: list[set[bytes]], threshold: float = 0.6) -> list[set[int]]:
    """For each text (by position), the positions of the others with shingle Jaccard >= `threshold`: exact,
    every pair found (used at query time, so no two hits shown together say the same thing).

    Prefix filtering (the AllPairs method): with shingles ordered rarest first, two sets can only reach the
    threshold if they share one of the first |s| - ceil(threshold * |s|) + 1 shingles of either set, so only
    those candidates are compared, not every pair."""
    frequency = Counter(g for grams in shingle_sets for g in grams)
    postings: dict[bytes, list[int]] = {}
    neighbours: list[set[int]] = [set() for _ in shingle_sets]
    for i, grams in enumerate(shingle_sets):
        ordered = sorted(grams, key=lambda g: (frequency[g], g))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1] if ordered else []
        candidates = {j for g in prefix for j in postings.get(g, ())}
        for j in candidates:
            if shingle_jaccard(grams, shingle_sets[j]) >= threshold:
                neighbours[i].add(j)
                neighbours[j].add(i)
        for g in prefix:
            postings.setdefault(g, []).append(i)
    return neighbours
