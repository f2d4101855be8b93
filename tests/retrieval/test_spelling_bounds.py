"""Spelling correction's shortcuts change how fast, never what: the letter-count bound never exceeds the
distance, and corrections equal those of the full alignment for every candidate (the function as it was)."""

from __future__ import annotations

import random
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import spelling
from retrieval.dictionary import language_words
from retrieval.spelling import Vocabulary, letter_gap, typo_distance
from retrieval.thesaurus import Thesaurus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def reference_distance(a: str, b: str, limit: float) -> float:
    """typo_distance without its letter-count bound: the full alignment, as the function was before the bound."""
    with patch.object(spelling, "letter_gap", lambda *_: 0):
        return typo_distance(a, b, limit)


_WORDS = st.text(alphabet="alogicnez", min_size=0, max_size=9)


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS)
def test_the_letter_gap_is_a_lower_bound(a, b):
    exact = reference_distance(a, b, 20)
    assert letter_gap(a, b, 100) <= 2 * exact


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS, st.sampled_from([0.5, 1, 1.5, 2]))
def test_typo_distance_equals_the_full_alignment_within_its_limit(a, b, limit):
    old, new = reference_distance(a, b, limit), typo_distance(a, b, limit)
    assert new == old if old <= limit else new > limit


def _misspellings(words: list[str], n: int) -> list[str]:
    """Each word with one or two of a typist's slips: a letter dropped, doubled, swapped or replaced."""
    rng = random.Random(11)
    out = ["alogio", "accoglenza", "sportelo", "orientamneto", "stranieir", "rgeione", "integrazoine", "sardiia"]
    for word in rng.sample(words, min(n, len(words))):
        for _ in range(rng.choice((1, 2))):
            i = rng.randrange(len(word))
            kind = rng.randrange(4)
            if kind == 0:
                word = word[:i] + word[i + 1 :]
            elif kind == 1:
                word = word[:i] + word[i] + word[i:]
            elif kind == 2 and i + 1 < len(word):
                word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            else:
                word = word[:i] + rng.choice("aeiouclnrst") + word[i + 1 :]
        out.append(word)
    return out


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    return Vocabulary(texts, Thesaurus.default().words)


def test_corrections_equal_those_of_the_full_alignment(vocabulary, monkeypatch):
    words = sorted(w for w in vocabulary.freq if len(w) >= spelling.MIN_LENGTH)
    typos = _misspellings(words, 600)
    now = [vocabulary._correct(w, language_words()) for w in typos]
    monkeypatch.setattr(spelling, "typo_distance", reference_distance)
    before = [vocabulary._correct(w, language_words()) for w in typos]
    assert now == before
    assert sum(fix is not None for fix in now) > len(typos) // 3  # the list holds corrections to compare
