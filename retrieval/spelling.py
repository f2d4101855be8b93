"""Typo tolerance over the index's own vocabulary: a query word the index has never seen is corrected to a
close, frequent word it has ("alogio" -> "alloggio", "accoglenza" -> "accoglienza").

Candidates come from a character-trigram index of the vocabulary (built lazily from the lexical index the
first time a query has an unknown word, and kept with that index); the closest by edit distance (with
transpositions) wins, the more frequent on a tie.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from lgnet.text import fold

_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_LENGTH = 4  # shorter words are too often right and too easily confused
MAX_CANDIDATES = 40


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@dataclass(frozen=True)
class Correction:
    word: str  # folded, as typed
    correct: str  # folded, as the index has it
    display: str  # the commonest written form in the documents (accents kept)
    distance: int


class Vocabulary:
    """Words of the indexed texts with their frequency, and a trigram index to find close ones."""

    def __init__(self, texts: list[str], extra: AbstractSet[str] = frozenset()) -> None:
        self.freq: Counter[str] = Counter()
        written: dict[str, Counter[str]] = {}
        for text in texts:
            for m in _WORD.finditer(text):
                surface = m.group(0).lower()
                key = fold(surface)
                self.freq[key] += 1
                written.setdefault(key, Counter())[surface] += 1
        for word in extra:
            self.freq.setdefault(word, 1)
        self.display = {k: c.most_common(1)[0][0] for k, c in written.items()}
        self._grams: dict[str, list[str]] = {}
        for word in self.freq:
            if len(word) >= MIN_LENGTH - 1:
                for g in _trigrams(word):
                    self._grams.setdefault(g, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.freq

    def correct(self, word: str) -> Correction | None:
        """The closest known word within the distance allowed for the word's length, or None."""
        if len(word) < MIN_LENGTH or word in self.freq:
            return None
        limit = max_distance(word)
        shared: Counter[str] = Counter()
        for g in _trigrams(word):
            shared.update(self._grams.get(g, ()))
        best: tuple[int, int, str] | None = None
        for candidate, _ in shared.most_common(MAX_CANDIDATES):
            d = edit_distance(word, candidate, limit)
            if d <= limit:
                key = (d, -self.freq[candidate], candidate)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        d, _, correct = best
        return Correction(word, correct, self.display.get(correct, correct), d)


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def vocabulary_of(index, extra: AbstractSet[str] = frozenset()) -> Vocabulary:
    """The vocabulary of a lexical index (texts and titles), built on first use and kept while the index lives."""
    with _lock:
        vocab = _cache.get(index)
        if vocab is None:
            titles = {m.get("title", "") for m in index.corpus.metas}
            vocab = Vocabulary([*index.corpus.texts, *titles], extra)
            _cache[index] = vocab
        return vocab
