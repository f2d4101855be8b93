"""HTML-safe snippets: the passage's best whole sentence(s) for the query, with the real matches marked.

A sentence is scored by the query's concepts it carries (the user's words, their corrections, and their
thesaurus alternatives at a lower weight); the network's boilerplate counts little, and a figure question
prefers a sentence with a number.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache

from lgnet.text import fold, strip_headings
from retrieval.analysis import get_analyzer
from retrieval.sentence_stems import NUMBER as _NUMBER
from retrieval.sentence_stems import passage_sentences
from retrieval.terms import QueryTerms, stem_terms

_WORD = re.compile(r"\w+")
BOILERPLATE_FACTOR = 0.2
SHORT_SENTENCE = 20  # words: a shorter best sentence brings its neighbour along
PHRASES_KEPT = 8192  # compiled phrase patterns (the thesaurus has ~600 multi-word alternatives)


@lru_cache(maxsize=4096)
def _word_spans(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each word of a text with its stems: the same passages are shown again and again, so this is cached."""
    analyzer = get_analyzer()
    return tuple((m.start(), m.end(), analyzer.word_stems(m.group(0))) for m in _WORD.finditer(text))


Words = tuple[tuple[int, ...], tuple[int, ...], tuple[frozenset[str], ...]]  # (starts, ends, stems), one per word


@lru_cache(maxsize=4096)
def _words_within(text: str, lo: int, hi: int) -> Words:
    """The words lying whole inside text[lo:hi] with their stems: `_word_spans(text)` cut to the window,
    without splitting and stemming the whole passage. Remembered: a passage's best sentence is the snippet's
    window for many queries. As three columns, not a (start, end, stems) tuple per word: the collector leaves
    tuples of numbers out of its passes, and the per-word tuples kept here were 47,000 of the 90,000 objects its
    passes scanned after 200 never-seen queries (1k bench index)."""
    start = lo
    while start > 0 and _WORD.match(text, start - 1, start):  # lo cuts a word: scan from its beginning
        start -= 1
    analyzer = get_analyzer()
    starts: list[int] = []
    ends: list[int] = []
    stems: list[frozenset[str]] = []
    for m in _WORD.finditer(text, start):
        end = m.end()
        if end > hi:
            break
        if m.start() >= lo:
            starts.append(m.start())
            ends.append(end)
            stems.append(analyzer.word_stems(m.group(0)))
    return tuple(starts), tuple(ends), tuple(stems)


def _marked_spans(text: str, terms: QueryTerms, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The words to mark in text[lo:hi] (the whole text by default)."""
    stems = terms.stem_set  # the set built once per query, not once per snippet
    hi = len(text) if hi is None else hi
    starts, ends, words = _words_within(text, lo, hi)  # only the words inside: a passage has many more
    spans = set()
    for start, end, word_stems in zip(starts, ends, words, strict=True):
        if not word_stems.isdisjoint(stems) and terms.marks(text[start:end], word_stems):
            spans.add((start, end))
    if terms.phrases:  # a multi-word alternative ("senza fissa dimora") is marked where it occurs whole
        folded = _folded(text)
        if len(folded) == len(text):
            around = _run_around(folded, lo, hi)
            for first_word, pattern, separate in _phrase_patterns(tuple(terms.phrases)):
                begin, stop = around if separate else (0, len(folded))
                if folded.find(first_word, begin, stop) < 0:  # most passages have no phrase: no regex scan then
                    continue
                for m in pattern.finditer(folded, begin, stop):
                    a, b = max(m.start(), lo), min(m.end(), hi)  # its words inside text[lo:hi]
                    for i in range(bisect_left(starts, a), len(starts)):
                        if ends[i] > b:
                            break
                        spans.add((starts[i], ends[i]))
    return sorted(spans)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=256)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """Each phrase's first word, the pattern of its whole words and whether two of its matches can never
    overlap: then the matches near the snippet are all its matches there."""
    return tuple(found for p in phrases if (found := _phrase_pattern(p)) is not None)


@lru_cache(maxsize=PHRASES_KEPT)
def _phrase_pattern(phrase: str) -> tuple[str, re.Pattern[str], bool] | None:
    """Compiled once per phrase (~0.1 ms each: a cold query with 25 thesaurus phrases spent 2.5 ms here); the
    thesaurus' phrases at warm-up (`warm_up_phrases`)."""
    words = phrase.split()
    if not words:
        return None
    return words[0], re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"), _separate(words)


def warm_up_phrases(phrases: Iterable[str]) -> None:
    """Compile the patterns of the (folded) multi-word alternatives a query may bring."""
    for phrase in phrases:
        _phrase_pattern(phrase)


def _separate(words: list[str]) -> bool:
    """Whether matches of the phrase never overlap: its words are word characters only, and no end of it is
    also its start ("porta a porta" is not). Then scanning from any point between matches finds the same ones."""
    if not all(_WHOLE_WORD.fullmatch(w) for w in words):
        return False
    return not any(words[i:] == words[: len(words) - i] for i in range(1, len(words)))


_WHOLE_WORD = re.compile(r"\w+")
_WORD_OR_SPACE = re.compile(r"[\w\s]")
RUN_LIMIT = 300  # characters walked from the snippet to the nearest punctuation before scanning it all


def _run_around(folded: str, lo: int, hi: int) -> tuple[int, int]:
    """The part of `folded` around [lo, hi) whose bounds touch a character that is neither a word character nor
    a space (or are the text's ends): a phrase's match, words and spaces only, that reaches into [lo, hi) lies
    inside it, and its lookarounds see the same there as in the whole text. The whole text when no such bound
    is near."""
    begin = lo
    while begin > 0 and _WORD_OR_SPACE.match(folded, begin - 1) and _WORD_OR_SPACE.match(folded, begin):
        begin -= 1
        if lo - begin > RUN_LIMIT:
            return 0, len(folded)
    stop = hi
    while stop < len(folded) and _WORD_OR_SPACE.match(folded, stop) and _WORD_OR_SPACE.match(folded, stop - 1):
        stop += 1
        if stop - hi > RUN_LIMIT:
            return 0, len(folded)
    return begin, stop


def highlight(text: str, terms: QueryTerms | set[str] | frozenset[str]) -> str:
    """The whole text, HTML-escaped, with matching words in <mark>. Escaping comes first, so hostile text
    ("<script>") can only ever show as text. `terms`: a query's terms, or bare stems."""
    if not isinstance(terms, QueryTerms):
        terms = stem_terms(terms)
    return _render(text, 0, len(text), _marked_spans(text, terms))


def _render(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """text[lo:hi] escaped, with the spans inside it marked."""
    out, last = [], lo
    for start, end in spans:
        if lo <= start and end <= hi:
            out.append(html.escape(strip_headings(text[last:start])))
            out.append(f"<mark>{html.escape(text[start:end])}</mark>")
            last = end
    out.append(html.escape(strip_headings(text[last:hi])))
    return "".join(out)


def sentence_score(
    sentence: str, terms: QueryTerms, boilerplate: Container[str] = (), said: frozenset[str] = frozenset()
) -> float:
    """`said`: stems the sentence's passage says for it (the city it is filed under: retrieval/answer.py)."""
    stems = {s for _, _, st in _word_spans(sentence) for s in st} | said
    return _score(terms, stems, bool(_NUMBER.search(sentence)), sentence in boilerplate)


def _score(terms: QueryTerms, stems: Iterable[str], number: bool, boilerplate: bool) -> float:
    score = terms.coverage(stems)
    if terms.intent == "figure":
        score *= 1.3 if number else 0.8
    if boilerplate:
        score *= BOILERPLATE_FACTOR
    return score


def snippet(
    text: str, terms: QueryTerms, boilerplate: Container[str] = (), words: int = 45, flags: Sequence[bool] | None = None
) -> str:
    """The best sentence (and a neighbour when it is short), escaped and marked; about `words` words at most.
    `flags`: which sentences are boilerplate, when known (`Boilerplate.sentence_flags`), else asked of
    `boilerplate`."""
    found = passage_sentences(text)  # its sentences' stems, computed once per passage
    spans = found.spans
    if not spans:
        return ""
    said = flags if flags is not None else [text[s:e] in boilerplate for s, e in spans]
    scores = [
        _score(terms, stems, number, repeated)
        for stems, number, repeated in zip(found.stems, found.numbers, said, strict=True)
    ]
    best = max(range(len(spans)), key=lambda i: (scores[i], -i))
    if scores[best] <= 0:  # nothing matched (a dense hit): the first sentence that is not boilerplate
        best = next((i for i, repeated in enumerate(said) if not repeated), 0)
    lo, hi = spans[best]
    n = len(text[lo:hi].split())
    if n < SHORT_SENTENCE:
        neighbour = best + 1 if best + 1 < len(spans) else best - 1
        if 0 <= neighbour < len(spans) and n + len(text[slice(*spans[neighbour])].split()) <= words:
            lo, hi = min(lo, spans[neighbour][0]), max(hi, spans[neighbour][1])
    marked = _marked_spans(text, terms, lo, hi)  # only where the snippet is: a passage has many more words
    if len(text[lo:hi].split()) > words * 1.5:  # one very long sentence: the window with most matches in it
        lo, hi = _window(text, lo, hi, marked, words)
    body = _render(text, lo, hi, marked)
    return ("… " if lo > 0 else "") + body + (" …" if hi < len(text.rstrip()) else "")


def _window(text: str, lo: int, hi: int, marked: list[tuple[int, int]], words: int) -> tuple[int, int]:
    tokens = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"\S+", text[lo:hi])]
    starts = [s for s, _ in marked]
    best, best_count = 0, -1
    for i in range(0, max(1, len(tokens) - words + 1), 3):
        a, b = tokens[i][0], tokens[min(i + words, len(tokens)) - 1][1]
        count = sum(a <= s < b for s in starts)
        if count > best_count:
            best, best_count = i, count
    return tokens[best][0], tokens[min(best + words, len(tokens)) - 1][1]
