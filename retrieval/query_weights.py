"""How much a query's own words weigh in BM25 beside what the index's IDF says (retrieval/stages.py scores them).

A passage is stemmed in its own language only, and the corpus is mostly Italian: an English stem is rare because
English passages are few, not because the word is. So a query word's stem that only the few passages of the
other language have (an Italian word an English report quotes), an English word beside its Italian translation,
and an English stem only English passages have keep a share of their BM25 (`capped_stems`): the user's words
weigh as they would in the corpus's own language.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from functools import lru_cache

import numpy as np

from lgnet.text import fold
from retrieval.analysis import ParsedQuery, get_analyzer
from retrieval.fusion import idf as idf_of
from retrieval.language import FUNCTION_WORDS
from retrieval.lexical import LexicalIndex
from retrieval.terms import translated_into


@lru_cache(maxsize=8192)
def query_tokens(alternative: str) -> tuple[str, ...]:
    """A thesaurus alternative's query tokens: the thesaurus' phrases come back query after query (a long
    question brings 40-70 of them)."""
    return tuple(get_analyzer().query_tokens(alternative))


def rarity(idf: Mapping[str, float], texts: tuple[str, ...]) -> float:
    """The IDF of the rarest word of these texts the index has (0: none)."""
    return max((idf[t] for text in texts for t in query_tokens(text) if t in idf), default=0.0)


@lru_cache(maxsize=8192)
def folded(alternative: str) -> str:
    return fold(alternative)


def english_share(index: LexicalIndex, stem: str) -> float:
    """The share of its BM25 an English stem keeps: its IDF among the English passages over its IDF among all,
    when only English passages have it (1 otherwise: a loanword of Italian passages, "housing", is the corpus's)."""
    english = index.positions("language").get("en")
    bm25 = index.bm25
    whole = index.idf.get(stem, 0.0)
    if english is None or stem not in bm25.vocab or whole <= 0.0:
        return 1.0
    at = bm25.posting(bm25.vocab[stem])[0]
    if at.size > len(english):  # more passages than the English ones: not all English (no language read: at
        return 1.0  # 100k passages a common stem's postings were ~80k, gathered for each English query word)
    in_english = int(np.count_nonzero(index.in_value("language", "en")[at]))
    if not at.size or in_english < at.size:
        return 1.0
    return min(1.0, idf_of(len(english), in_english) / whole)


def capped_stems(
    index: LexicalIndex, parsed: ParsedQuery, text: str, taken: Container[str], language: Mapping[str, str]
) -> dict[str, float]:
    """The query's stems (of `text`, its words as the lexical query has them; `taken`: its tokens) that keep a
    share of their BM25 below 1, with that share. `language`: the thesaurus' language of each term."""
    analyzer = get_analyzer()
    idf = index.idf
    # A word's stem in the other language (an Italian word as an English report quotes it) weighs no more than
    # its stem in the query's language: rare in the few passages of that language, it outweighed the word
    # ("accoglienza" 6.2 against "accoglient" 1.3 on the development index).
    pairs = analyzer.stem_pairs(text, parsed.language, FUNCTION_WORDS)
    owns = {own for own, _ in pairs}
    capped: dict[str, float] = {}  # a stem -> the share of its BM25 it keeps
    for own_stem, other_stem in pairs:
        if other_stem in owns or other_stem not in taken or idf.get(own_stem, 0.0) <= 0.0:
            continue
        share = min(1.0, idf[own_stem] / idf[other_stem]) if idf.get(other_stem, 0.0) > 0.0 else 1.0
        if share < 1.0:
            capped[other_stem] = min(share, capped.get(other_stem, 1.0))
    if parsed.language == "en":
        # An English word weighs no more than its Italian translation does: English is the corpus's minority
        # language, where every word is rare ("recept" 3.4 against "accoglient" 1.3), and an English query put
        # the few English passages above the Italian ones saying the same (as terms.translation_share keeps an
        # Italian query's English translations from outweighing the user's word)
        for concept in parsed.concepts:
            if " " in concept.text:
                continue
            italian = [
                rarity(idf, (a,))
                for a in concept.alternatives
                if translated_into("en", language.get(folded(a))) == "it"
            ]
            italian = [r for r in italian if r > 0.0]
            if not italian:
                continue
            for own_stem, _ in analyzer.stem_pairs(concept.text, "en"):
                if own_stem in taken and idf.get(own_stem, 0.0) > max(italian):
                    capped[own_stem] = min(max(italian) / idf[own_stem], capped.get(own_stem, 1.0))
    if parsed.language == "en":
        # An English stem only English passages have weighs its IDF among them, not among all passages: in a
        # corpus mostly Italian every English word is rare, "city" and "project" as much as "tractor"
        for own_stem, _ in pairs:
            share = english_share(index, own_stem)
            if own_stem in taken and share < 1.0:
                capped[own_stem] = min(share, capped.get(own_stem, 1.0))
    return capped
