"""The query's terms as ranking, snippets and the answer weigh them: each concept the user asked about (a word
or a thesaurus phrase), the ways of saying it, its weight (rarity in the index), and which written words may
be marked as matches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from lgnet.text import fold
from retrieval.analysis import ParsedQuery, get_analyzer
from retrieval.figures import asked_unit
from retrieval.thesaurus import Thesaurus

EXPANSION_WEIGHT = 0.5  # a thesaurus / glossary alternative counts half as much as the user's own word
ALTERNATIVE_COVERAGE = 0.8  # in a sentence, an alternative stands for most of the concept
MARK_LENGTH_SLACK = 2  # a marked word is at most this many letters longer or shorter than a query word

# A phrase as stems: one set per word (a word's Italian and English stems), all words needed.
Phrase = tuple[frozenset[str], ...]


def translation_weight(query_language: str, alternative_language: str | None) -> float:
    """An Italian alternative of an English query is its translation into the corpus's language: it counts as
    the word itself. Any other alternative is a synonym, and counts less than the user's own word."""
    if alternative_language == "en":
        return 0.0
    return 1.0 if query_language == "en" and alternative_language == "it" else EXPANSION_WEIGHT


def translation_share(own: float, rarity: float) -> float:
    """The share of its BM25 an Italian query's English translation keeps: it is the user's word in the other
    language, so it weighs as much as the user's word (`own`, its IDF), never more. English is the corpus's
    minority language, where the translation is rarer ("reception" beside "accoglienza"), and it put the few
    English passages above the Italian ones that say the user's own word. 1 when either is unknown to the
    index. (An English query's Italian translation is in the corpus's language: its rarity is its own.)"""
    return own / rarity if 0 < own < rarity else 1.0


def translated_into(query_language: str, alternative_language: str | None) -> str | None:
    """The language of the passages an alternative is the query's own word in: an alternative in the other
    language is the word's translation, and counts as the word itself in the passages of that language only
    (in an Italian passage an English word is a loanword, "housing", "staff"; in an English one an Italian
    term is a quotation, '"alloggi di transizione", temporary flats')."""
    if alternative_language in ("it", "en") and query_language in ("it", "en"):
        return alternative_language if alternative_language != query_language else None
    return None


def _satisfied(phrase: Phrase, stems: set[str] | frozenset[str]) -> bool:
    return bool(phrase) and all(not word.isdisjoint(stems) for word in phrase)


@dataclass
class ConceptTerms:
    weight: float
    own: list[Phrase]  # the word as written, and its spelling correction
    alternatives: list[Phrase]  # its thesaurus / glossary alternatives
    # the score of each set of this concept's stems a text was found to say (`score`)
    _scored: dict[frozenset[str], float] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def any_stem(self) -> frozenset[str]:
        """Every stem of the concept: a text with none of them does not say it (most sentences, at once)."""
        return frozenset(s for p in (*self.own, *self.alternatives) for word in p for s in word)

    @cached_property
    def _own(self) -> tuple[frozenset[str], list[Phrase]]:
        return _by_length(self.own)

    @cached_property
    def _alternatives(self) -> tuple[frozenset[str], list[Phrase]]:
        return _by_length(self.alternatives)

    def score(self, stems: set[str] | frozenset[str]) -> float:
        """How much of the concept a text with these stems says. Only its own stems matter, so the score is
        remembered by those: a never-seen query's reranker, within-document order and answer ask it of hundreds of
        sentences' stems, which say the same few of each concept's (its alternatives' phrases tested one by one
        each time were most of such a query's reranking)."""
        if self.any_stem.isdisjoint(stems):
            return 0.0
        key = self.any_stem.intersection(stems)
        found = self._scored.get(key)
        if found is None:
            found = self._scored[key] = self._score(key)
        return found

    def _score(self, stems: frozenset[str]) -> float:
        single, longer = self._own
        if not single.isdisjoint(stems) or any(_satisfied(p, stems) for p in longer):
            return self.weight
        single, longer = self._alternatives  # a family of the thesaurus: dozens, most of one word
        if not single.isdisjoint(stems) or any(_satisfied(p, stems) for p in longer):
            return self.weight * ALTERNATIVE_COVERAGE
        return 0.0


def _by_length(phrases: list[Phrase]) -> tuple[frozenset[str], list[Phrase]]:
    """The stems of the one-word phrases together (one of them in a text satisfies that phrase: one test for
    them all), and the longer phrases."""
    return frozenset(s for p in phrases if len(p) == 1 for s in p[0]), [p for p in phrases if len(p) > 1]


@dataclass
class QueryTerms:
    concepts: list[ConceptTerms] = field(default_factory=list)
    intent: str | None = None
    written: dict[str, set[int]] = field(default_factory=dict)  # stem -> lengths of query words with it
    phrases: list[str] = field(default_factory=list)  # folded multi-word alternatives, marked only whole
    unit: frozenset[str] = frozenset()  # a figure question's asked unit, as stems (retrieval/figures.py)

    _covered: dict[frozenset[str], float] = field(default_factory=dict, repr=False, compare=False)

    @property
    def stems(self) -> set[str]:
        return {s for c in self.concepts for p in (*c.own, *c.alternatives) for word in p for s in word}

    @cached_property
    def _stem_set(self) -> frozenset[str]:
        return frozenset(self.stems)

    @property
    def stem_set(self) -> frozenset[str]:
        """`stems`, computed once (the terms are complete once made: `query_terms`)."""
        return self._stem_set

    def coverage(self, stems: Iterable[str]) -> float:
        """The share of the query's weight a text with these stems carries (an alternative counts less).
        Only the query's own stems matter, so the answer is remembered by those: most sentences of a
        passage carry none or the same few."""
        if self._stem_set.isdisjoint(stems):  # most sentences: none of the query's stems (covers nothing)
            return 0.0
        found = self._stem_set.intersection(stems)
        covered = self._covered.get(found)
        if covered is None:
            total = self._total
            covered = sum(c.score(found) for c in self.concepts) / total if total > 0 else 0.0
            self._covered[found] = covered
        return covered

    @cached_property
    def _total(self) -> float:
        return sum(c.weight for c in self.concepts)

    def marks(self, word: str, stems: frozenset[str]) -> bool:
        """Whether a written word is a real match: same stem as a query word and about as long, so
        "rifugi" (shelters) is not marked for "rifugiati" (refugees). Terms made of bare stems mark every
        word with one of them."""
        if not self.written:
            return True
        length = len(word)
        return any(abs(length - n) <= MARK_LENGTH_SLACK for s in stems if s in self.written for n in self.written[s])


def stem_terms(stems: set[str] | frozenset[str]) -> QueryTerms:
    """Terms from bare stems (no written forms known): every word with one of the stems matches."""
    return QueryTerms([ConceptTerms(1.0, [(frozenset(stems),)], [])] if stems else [])


# Thesaurus alternatives come back query after query: their words' stems and folded lengths (what `query_terms`
# reads of a phrase) and their folded forms are remembered, not split, stemmed and folded by every new query.
PHRASES_KEPT = 16384


@lru_cache(maxsize=PHRASES_KEPT)
def _phrase_words(text: str) -> tuple[tuple[frozenset[str], int], ...]:
    """Each word of `text` that has stems: its stems and the length of the word folded."""
    analyzer = get_analyzer()
    found = ((analyzer.word_stems(w), w) for w in re.findall(r"\w+", text))
    return tuple((stems, len(fold(w))) for stems, w in found if stems)


@lru_cache(maxsize=PHRASES_KEPT)
def _folded(text: str) -> str:
    return fold(text)


def warm_up_terms(alternatives: Iterable[str]) -> None:
    """What `query_terms` reads of these (the thesaurus') alternatives, made now (~25 ms for its ~2,500)."""
    for alternative in alternatives:
        _phrase_words(alternative)
        _folded(alternative)


def query_terms(parsed: ParsedQuery, idf: Mapping[str, float]) -> QueryTerms:
    terms = QueryTerms(intent=parsed.intent)
    if parsed.intent == "figure":
        terms.unit = asked_unit(parsed.text)

    def phrase(text: str, markable: bool) -> Phrase:
        words = _phrase_words(text)
        if markable:
            for stems, length in words:
                for s in stems:
                    terms.written.setdefault(s, set()).add(length)
        return tuple(stems for stems, _ in words)

    def weight_of(phrases: list[Phrase]) -> float:
        return max((idf.get(s, 0.0) for p in phrases for word in p for s in word), default=0.0)

    def whole(phrases: list[Phrase]) -> list[Phrase]:
        """The phrases the index can say whole: a word of each of their words in it."""
        return [p for p in phrases if all(any(s in idf for s in word) for word in p)]

    language = parsed.term_languages(Thesaurus.default().language)
    for concept in parsed.concepts:
        own = [p for p in (phrase(t, True) for t in [concept.text, *concept.corrections]) if p]
        # An English query's Italian alternatives are its words in the corpus's language: they say the concept
        # as fully as the word itself (as in BM25: translation_weight), not as a synonym does
        translated = [
            a for a in concept.alternatives if translation_weight(parsed.language, language.get(_folded(a))) == 1
        ]
        others = [a for a in concept.alternatives if a not in translated]
        # words of a multi-word alternative are marked only as part of it, which a mark cannot check: unmarked
        alternatives = [p for p in (phrase(a, " " not in a) for a in others) if p]
        terms.phrases.extend(_folded(a) for a in concept.alternatives if " " in a)
        said = own + [p for p in (phrase(a, " " not in a) for a in translated) if p]
        # the user's word, else its translation, is what it weighs: one the index says whole before one it knows
        # only in part ("social supermarket", of which the index has "social" only, is its "emporio solidale")
        weight = weight_of(whole(own)) or weight_of(whole(said)) or weight_of(own) or weight_of(said)
        # a translation of the embedding model's weighs by what its word says of the question (word_translation.py)
        weight *= max((parsed.translated.get(fold(a), 1.0) for a in translated), default=1.0)
        if weight <= 0:  # neither is in the index: its alternatives carry it
            weight = EXPANSION_WEIGHT * weight_of(alternatives)
        if weight > 0:
            terms.concepts.append(ConceptTerms(weight, said, alternatives))
    return terms
