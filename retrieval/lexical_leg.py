"""The lexical leg of a search: BM25 of the query's words and, at a lower weight, of their thesaurus alternatives
and translations (each concept counted once, by its best alternative), over the passages holding one of those
words (`LexicalIndex.scores_within`). `SearchStages._rank` (retrieval/stages.py) keeps its best and fuses them.
"""

from __future__ import annotations

import numpy as np

from retrieval.analysis import ParsedQuery, get_analyzer
from retrieval.language import FUNCTION_WORDS
from retrieval.lexical import LexicalIndex
from retrieval.query_weights import capped_stems, folded, query_tokens, rarity
from retrieval.terms import translated_into, translation_share, translation_weight


def _dense(found: np.ndarray | tuple[np.ndarray, np.ndarray], size: int) -> np.ndarray:
    """A list's scores over the whole candidate set (`found` as `LexicalIndex.scores_within` gives it), an array
    the caller may write into."""
    if not isinstance(found, tuple):
        return found if found.flags.writeable else found.copy()  # a common word's: the index's own
    at, values = found
    whole = np.zeros(size, dtype=np.float32)
    whole[at] = values
    return whole


def _only_in(scores: np.ndarray, positions: np.ndarray, index: LexicalIndex, language: str) -> np.ndarray:
    """`scores` (a fresh array, one per position of `positions`) kept for the passages in `language` only. Over
    the whole corpus the smaller side is written, so an Italian query's English translations copy the few
    English passages and an English query's Italian ones zero them, never a pass over the corpus in Python."""
    if positions.size != len(index.corpus.ids):  # a candidate set: its passages' languages read
        return np.where(index.in_value("language", language)[positions], scores, np.float32(0.0))
    per_language = index.positions("language")
    inside = per_language.get(language)
    if inside is None:
        return np.zeros_like(scores)
    if 2 * len(inside) <= len(scores):
        kept = np.zeros_like(scores)
        kept[inside] = scores[inside]
        return kept
    for value, at in per_language.items():  # a passage without a language is under None
        if value != language:
            scores[at] = 0.0
    return scores


def lexical_scores(
    index: LexicalIndex, parsed: ParsedQuery, understand: bool, thesaurus_language: dict[str, str]
) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of the user's words (question frame out, typos corrected) plus, at a lower weight, BM25 of
    their thesaurus alternatives (a translation at full weight, in the passages of its language): the
    passages holding one of those words (sorted positions) and their scores, every other passage scoring
    0. Each list is scored over that candidate set only (`LexicalIndex.scores_within`), never over the
    whole corpus."""
    analyzer = get_analyzer()
    if not understand:
        positions, lists = index.scores_within([analyzer.query_tokens(parsed.text)])
        return positions, _dense(next(lists), positions.size)
    language = parsed.term_languages(thesaurus_language)
    city_fixes = [e for e in parsed.expansions if e in parsed.cities]
    main = analyzer.query_tokens(" ".join([parsed.main_text, *city_fixes]), drop=FUNCTION_WORDS)
    if not main:  # nothing but function words ("what is it"): the words as written
        main = analyzer.query_tokens(" ".join([parsed.main_text, *city_fixes]))
    taken = set(main)
    idf = index.idf
    capped = capped_stems(index, parsed, " ".join([parsed.main_text, *city_fixes]), taken, language)
    if capped:
        main = [t for t in main if t not in capped]
    # each alternative scored: (its concept, its tokens, its weight, the passages' language it counts in)
    alternatives: list[tuple[int, list[str], float, str | None]] = []
    for number, concept in enumerate(parsed.concepts):
        own = rarity(idf, (concept.text, *concept.corrections))
        for alternative in concept.alternatives:
            alternative_language = language.get(folded(alternative))
            weight = translation_weight(parsed.language, alternative_language)
            only = translated_into(parsed.language, alternative_language)  # counts in these passages only
            if only is not None:
                weight = 1.0 if only in index.positions("language") else 0.0
                if only == "en":  # into the corpus's minority language: no rarer than the user's word
                    weight *= translation_share(own, rarity(idf, (alternative,)))
            weight *= parsed.translated.get(folded(alternative), 1.0)  # the model's, by what its word says
            tokens = [t for t in query_tokens(alternative) if t not in taken] if weight else []
            if tokens:  # a phrase's words count as a share of the phrase
                alternatives.append((number, tokens, weight / max(1, len(alternative.split())), only))
    positions, lists = index.scores_within(
        [main, *([t] for t in capped), *(tokens for _, tokens, _, _ in alternatives)], sparse=True
    )
    scores = _dense(next(lists), positions.size)
    for weight in capped.values():  # a capped stem's list, summed as BM25 sums a passage's terms
        scores += weight * _dense(next(lists), positions.size)
    # each concept counts once, by its best alternative: "casa" does not add up "alloggio", "abitazione"
    # and "housing" (one list's scores at a time: they are made as they are read)
    best: dict[int, np.ndarray] = {}
    for (number, _, weight, only), found in zip(alternatives, lists, strict=True):
        if isinstance(found, tuple):  # one word's postings (over the whole corpus): only they are written
            at, values = found
            if not at.size:  # no word of it in the index: it adds nothing (a concept's best is >= 0)
                continue
            values = values * weight
            if only is not None:
                values = np.where(index.in_value("language", only)[at], values, np.float32(0.0))
            into = best.get(number)
            if into is None:  # the concept's first list: the maximum with 0 is the list (scores are >= 0)
                best[number] = into = np.zeros(positions.size, dtype=np.float32)
                into[at] = values
            else:
                into[at] = np.maximum(into[at], values)  # as the maximum of whole arrays
            continue
        # in place: each list's array is its own (at 100k passages a long question's 20-40 lists each made
        # two or three more arrays of the whole corpus)
        # a common word's array is the index's own (read-only): multiplied into a new one
        found = np.multiply(found, weight, out=found) if found.flags.writeable else found * weight
        if only is not None:
            found = _only_in(found, positions, index, only)
        if number in best:
            np.maximum(best[number], found, out=best[number])
        else:
            best[number] = found
    for found in best.values():  # in the concepts' order
        scores += found
    return positions, scores
