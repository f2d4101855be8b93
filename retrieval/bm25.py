"""BM25 scoring over the lexical index's segments: a query's best `k`, or its scores over its candidate set.

A query touches only the postings of its terms: each term's live rows are read from the segments' columns once
per index (`Bm25` is made with its index and keeps what it read), weighed by the term's IDF and summed in
float64 in the query's term order (two terms in float32, which rounds their sum the same: `Bm25._pair`), so every way
of scoring below gives the same float32 score for a passage.
How the segments are made and follow a change is `retrieval/lexical_update.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from retrieval.fusion import idf as bm25_idf
from retrieval.lexical_update import Segment

# A query's candidate set past this share of the corpus is scored as the whole corpus (its positions as they are:
# no slot lookup per posting), as when a thesaurus alternative is a word most passages use.
WHOLE_ABOVE = 0.5
# A term in more of the corpus than this share is added as one array of the whole corpus (its weight x IDF, 0 where
# absent, kept per index) when a list is scored over the whole corpus: a contiguous add (~0.4 ns a passage) in place
# of a scatter of its postings (~2.5 ns a posting). At 100k passages a long question's lists read one common word
# ('abit', 80 % of the bench's passages) a dozen times.
WHOLE_TERM_ABOVE = 0.25
# A list of at most this many terms is summed in float32 (`Bm25._pair`): the same scores, half the bytes.
PAIR = 2


class Bm25:
    """The scoring of one index: its segments, vocabulary (stem -> column), document frequencies and size."""

    def __init__(self, segments: list[Segment], vocab: dict[str, int], df: np.ndarray, n: int) -> None:
        self.segments, self.vocab, self.df, self.n = segments, vocab, df, n
        self._postings: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # term column -> (positions, weights)
        self._weighted_once: dict[int, np.ndarray] = {}  # term column -> its postings' weight x IDF
        self._whole: dict[int, np.ndarray] = {}  # a common term's column -> its weight x IDF at every position
        self._every = np.arange(n)  # every position, the candidate set of most queries (read-only, shared)
        self._every.flags.writeable = False

    def top(self, query_tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` best (position, BM25 score) with a score above zero, best first; only the postings of the
        query's terms are read."""
        positions, scores = self._matches(query_tokens)
        if mask is not None and positions.size:
            keep = mask[positions]
            positions, scores = positions[keep], scores[keep]
        if positions.size > k:
            best = np.argpartition(-scores, k - 1)[:k]
            positions, scores = positions[best], scores[best]
        order = np.lexsort((positions, -scores))
        return [(int(positions[i]), float(scores[i])) for i in order]

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every passage (zeros where no term matches): each term's postings weighed by its IDF
        and summed in float64 in the query's term order (as one sparse product would)."""
        summed = np.zeros(self.n, dtype=np.float64)
        for t, count in Counter(self.vocab[t] for t in query_tokens if t in self.vocab).items():
            positions, weights = self.posting(t)
            if positions.size:
                summed[positions] += weights * np.float32(bm25_idf(self.n, int(self.df[t])) * count)
        return summed.astype(np.float32)  # no sort of the matching positions: the callers read every score

    def scores_within(
        self, token_lists: Sequence[list[str]], sparse: bool = False
    ) -> tuple[np.ndarray, Iterator[np.ndarray | tuple[np.ndarray, np.ndarray]]]:
        """`scores` of each token list over the passages holding a term of any of them only (the candidate
        set: sorted positions), and those positions: a query's thesaurus alternatives each scored the whole
        corpus (an array of every passage per alternative, ~12 ms a query at 100k passages). Each score is
        computed as `scores` computes it (the same float64 sums in the same term order), so
        `scores(tokens)[positions]` equals it, and every passage outside the set scores 0 in each. The lists'
        scores come one at a time, in order, as the iterator is read. A set past WHOLE_ABOVE of the corpus is
        the whole corpus (`np.arange(n)`); then, with `sparse`, a list of one term (said once) comes as its
        postings and their scores, (positions, scores), the others scoring 0: no array of the whole corpus
        (unless most passages hold it, WHOLE_TERM_ABOVE: then the array kept for it, read-only).
        With `sparse`, a list none of whose terms the index knows comes as no positions, (empty, empty), over
        any set: a long question's alternatives are often words no passage has (a fifth of them on the bench)."""
        n = self.n
        counted = [Counter(self.vocab[t] for t in tokens if t in self.vocab) for tokens in token_lists]
        postings = [self.posting(t)[0] for t in set().union(*counted)]
        positions = self._every  # most of the corpus (common words): scored as it is, no slot per posting
        slots = None
        if all(p.size <= n * WHOLE_ABOVE / 2 for p in postings):  # else the set is surely that large: not built
            held = np.zeros(n, dtype=bool)
            for p in postings:
                held[p] = True
            within = np.flatnonzero(held)  # sorted, as a whole-corpus array's matching positions are
            if within.size <= n * WHOLE_ABOVE:
                positions = within
                slots = np.empty(n, dtype=np.int64)  # read at the positions of the set's own terms only: all set
                slots[positions] = np.arange(positions.size)
        return positions, self._scored(counted, positions.size, slots, sparse)

    def _scored(
        self, counted: list[Counter], size: int, slots: np.ndarray | None, sparse: bool
    ) -> Iterator[np.ndarray | tuple[np.ndarray, np.ndarray]]:
        """Each list's scores, made when asked for: at 100k passages a query's 70 lists held at once (28 MB)
        were given back to the system and faulted in again by the next query."""
        for terms in counted:
            if sparse and not terms:
                yield np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
                continue
            if sparse and slots is None and len(terms) == 1 and next(iter(terms.values())) == 1:
                # its weights as float32, as the float64 sum of one of them rounded back would be
                term = next(iter(terms))
                whole = self._whole_weighted(term)
                yield self._weighted(term, 1) if whole is None else whole  # read-only: the caller copies it
                continue
            if len(terms) <= PAIR:
                yield self._pair(terms, size, slots)
                continue
            summed = None
            for t, count in terms.items():
                whole = self._whole_weighted(t) if slots is None and count == 1 else None
                if whole is not None:  # 0 where absent: adding it is adding its postings, in the same order
                    if summed is None:
                        summed = whole.astype(np.float64)  # 0.0 + x is x
                    else:
                        summed += whole
                    continue
                if summed is None:
                    summed = np.zeros(size, dtype=np.float64)
                at, weighted = self._weighted(t, count)
                if at.size:
                    summed[at if slots is None else slots[at]] += weighted
            yield (np.zeros(size, dtype=np.float64) if summed is None else summed).astype(np.float32)

    def _pair(self, terms: Counter, size: int, slots: np.ndarray | None) -> np.ndarray:
        """The scores of a list of at most PAIR terms summed in float32: the float32 sum of two float32 numbers
        is their float64 sum rounded to float32, exactly (rounding twice, to 53 bits and then to 24, is harmless
        for one addition: 53 >= 2 x 24 + 2), so each score is the one the float64 sum gives, without the float64
        array and its conversion (a thesaurus alternative is one or two words: most of a long question's lists)."""
        summed = None
        for t, count in terms.items():
            whole = self._whole_weighted(t) if slots is None and count == 1 else None
            if whole is not None:  # 0 where absent: adding it is adding its postings
                if summed is None:
                    summed = whole.copy()
                else:
                    summed += whole
                continue
            if summed is None:
                summed = np.zeros(size, dtype=np.float32)
            at, weighted = self._weighted(t, count)
            if at.size:
                summed[at if slots is None else slots[at]] += weighted
        return np.zeros(size, dtype=np.float32) if summed is None else summed

    def _weighted(self, term: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        """A term's postings with its BM25 weight times IDF (and its count in the query), as `scores` computes
        them; a count of one kept per index (a query's alternatives ask for the same terms again)."""
        positions, weights = self.posting(term)
        if count == 1:
            found = self._weighted_once.get(term)
            if found is None:
                found = self._weighted_once[term] = weights * np.float32(bm25_idf(self.n, int(self.df[term])))
            return positions, found
        return positions, weights * np.float32(bm25_idf(self.n, int(self.df[term])) * count)

    def _whole_weighted(self, term: int) -> np.ndarray | None:
        """A term held by more than WHOLE_TERM_ABOVE of the corpus: its `_weighted` postings (a count of one) as
        an array of every position, 0 where absent, kept per index; None for any other term."""
        found = self._whole.get(term)
        if found is None:
            if self.df[term] <= self.n * WHOLE_TERM_ABOVE:  # removed passages count in df: checked below too
                return None
            at, weighted = self._weighted(term, 1)
            if at.size <= self.n * WHOLE_TERM_ABOVE:
                return None
            found = np.zeros(self.n, dtype=np.float32)
            found[at] = weighted
            found.flags.writeable = False  # shared by every search of the index
            self._whole[term] = found
        return found

    def _matches(self, query_tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The passages with a query term and their BM25 scores (`scores` of those only)."""
        n = self.n
        terms = Counter(self.vocab[t] for t in query_tokens if t in self.vocab)
        if not terms or not n:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        summed = np.zeros(n, dtype=np.float64)
        found = []
        for t, count in terms.items():
            positions, weights = self.posting(t)
            if positions.size:
                summed[positions] += weights * np.float32(bm25_idf(n, int(self.df[t])) * count)
                found.append(positions)
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        positions = np.unique(np.concatenate(found))
        return positions, summed[positions].astype(np.float32)

    def warm_up(self) -> None:
        """Every term's postings, their weight x IDF and a common term's whole array read now, as a never-seen
        query's terms would read them first (1k bench index: 1,387 terms, 15 ms, 1.2 MB)."""
        for term in range(len(self.df)):
            self._weighted(term, 1)
            self._whole_weighted(term)

    def posting(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """The live passages with the term (corpus positions) and its BM25 term weight in each, read from the
        segments' columns once per index: a query's thesaurus alternatives ask for the same few terms again."""
        found = self._postings.get(term)
        if found is None:
            positions, weights = [], []
            for s in self.segments:
                if term < s.weights.shape[1]:
                    lo, hi = s.weights.indptr[term], s.weights.indptr[term + 1]
                    rows = s.rows[s.weights.indices[lo:hi]]
                    live = rows >= 0
                    positions.append(rows[live])
                    weights.append(s.weights.data[lo:hi][live])
            found = (
                (np.concatenate(positions), np.concatenate(weights))
                if positions
                else (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
            )
            self._postings[term] = found
        return found


class Idf(Mapping[str, float]):
    """A read-only mapping stem -> IDF computed on demand (no per-query copy of the vocabulary)."""

    def __init__(self, scoring: Bm25) -> None:
        self._scoring = scoring

    def __getitem__(self, term: str) -> float:
        return bm25_idf(self._scoring.n, int(self._scoring.df[self._scoring.vocab[term]]))

    def __contains__(self, term: object) -> bool:
        return term in self._scoring.vocab

    def __iter__(self) -> Iterator[str]:
        return iter(self._scoring.vocab)

    def __len__(self) -> int:
        return len(self._scoring.vocab)
