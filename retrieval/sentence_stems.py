"""A passage's sentences with their stems, computed once per passage text: the reranker, the snippet and the
answer read the same sentences of the same passages query after query, and splitting and stemming them again
each time was most of a search's own work."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from retrieval.analysis import get_analyzer
from retrieval.sentences import sentence_spans

_WORD = re.compile(r"\w+")
NUMBER = re.compile(r"\d|\b(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|cento|mille|mila)\b", re.I)
# Passages remembered (and computed at warm-up): tuples of stems, a few KB each (frozensets would be ten times
# that). 16,384: a corpus of up to that many passages is read whole at warm-up (8,192 left 2,233 of the 10k
# bench's 10,425 passages to cold queries: 214 of them split and stemmed in 46 never-seen queries).
PASSAGES = 16384


@dataclass(frozen=True)
class PassageSentences:
    spans: tuple[tuple[int, int], ...]  # each sentence's (start, end) in the passage
    stems: tuple[tuple[str, ...], ...]  # each sentence's distinct stems (a word's Italian and English ones)
    numbers: tuple[bool, ...]  # whether each sentence holds a number

    @cached_property
    def all_stems(self) -> frozenset[str]:
        return frozenset(s for stems in self.stems for s in stems)


@lru_cache(maxsize=PASSAGES)
def passage_sentences(text: str) -> PassageSentences:
    """The passage's sentences (`sentence_spans`), the stems of the words inside each (the same as stemming
    the sentence alone: sentences are cut at whitespace) and which hold a number."""
    spans = sentence_spans(text)
    analyzer = get_analyzer()
    stems: list[set[str]] = [set() for _ in spans]
    i = 0
    for m in _WORD.finditer(text):
        while i < len(spans) and m.start() >= spans[i][1]:
            i += 1
        if i == len(spans):
            break
        if m.start() >= spans[i][0]:
            stems[i].update(analyzer.word_stems(m.group(0)))
    return PassageSentences(
        spans=spans,
        stems=tuple(tuple(s) for s in stems),
        numbers=tuple(bool(NUMBER.search(text, s, e)) for s, e in spans),
    )
