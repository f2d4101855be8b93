"""Typo tolerance for city names in queries: the closest key to a misspelt word ("Turino": Torino), difflib's
answer computed with numpy's help (lgnet/gazetteer.py asks it for the curated cities' names)."""

from __future__ import annotations

import difflib

import numpy as np


class TypoKeys:
    """Words with their letter counts as a matrix (one row per word), for `close_matches`."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.letters = {c: i for i, c in enumerate(sorted({c for k in keys for c in k}))}
        self.counts = np.zeros((len(keys), len(self.letters)), dtype=np.int64)
        for row, key in enumerate(keys):
            for c in key:
                self.counts[row, self.letters[c]] += 1
        self.lengths = np.array([len(k) for k in keys], dtype=np.int64)


def close_matches(word: str, keys: TypoKeys, cutoff: float = 0.8) -> list[str]:
    """`difflib.get_close_matches(word, keys, n=1, cutoff)`, the same answer: its two quick upper bounds
    (lengths, then letters in common) computed for every key at once, a SequenceMatcher only for the keys
    that pass them (a cold query's words paid one for every curated city)."""
    if not keys.keys:
        return []
    counts = np.zeros(len(keys.letters), dtype=np.int64)
    for c in word:
        if c in keys.letters:  # a letter no key has matches nothing
            counts[keys.letters[c]] += 1
    length = keys.lengths + len(word)
    real_quick = 2.0 * np.minimum(keys.lengths, len(word)) / length  # SequenceMatcher.real_quick_ratio
    quick = 2.0 * np.minimum(keys.counts, counts).sum(axis=1) / length  # SequenceMatcher.quick_ratio
    best: tuple[float, str] | None = None
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    for row in np.flatnonzero((real_quick >= cutoff) & (quick >= cutoff)).tolist():
        key = keys.keys[row]
        matcher.set_seq1(key)
        ratio = matcher.ratio()
        if ratio >= cutoff and (best is None or (ratio, key) > best):  # heapq.nlargest(1, ...) is max()
            best = (ratio, key)
    return [best[1]] if best else []
