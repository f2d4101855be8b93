"""A search's candidates as two arrays (positions in the lexical corpus, best first, and their scores) through
the stages after fusion: duplicate collapse, date order, per-document diversity, places first, facets. Only the
page's hits become objects. A thousand small objects per search, made and walked by every stage, cost more
than the numpy calls that replace them, and the per-index codes below are built once per index.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from retrieval.diversity import HEAD, diversify_order
from retrieval.lexical import LexicalIndex
from retrieval.value_positions import values

# A facet table: the columns' (field, value) and a passages x columns matrix of ones.
FacetTable = tuple[list[tuple[str, object]], sparse.csr_matrix]


@dataclass(frozen=True, slots=True)
class Candidates:
    positions: np.ndarray  # int64 positions in the lexical corpus, best first, all distinct
    scores: np.ndarray  # float64, one per position

    @classmethod
    def of(cls, positions: np.ndarray | list[int], scores: np.ndarray | list[float] | None = None) -> Candidates:
        p = np.asarray(positions, dtype=np.int64)
        s = np.zeros(p.size) if scores is None else np.asarray(scores, dtype=np.float64)
        return cls(p, s)

    def __len__(self) -> int:
        return int(self.positions.size)

    def take(self, order: np.ndarray | slice) -> Candidates:
        return Candidates(self.positions[order], self.scores[order])

    def pairs(self, start: int = 0, stop: int | None = None) -> list[tuple[int, float]]:
        """(position, score) of the candidates start:stop, as Python numbers (the page's hits)."""
        return list(zip(self.positions[start:stop].tolist(), self.scores[start:stop].tolist(), strict=True))

    def concat(self, other: Candidates) -> Candidates:
        positions = np.concatenate([self.positions, other.positions])
        return Candidates(positions, np.concatenate([self.scores, other.scores]))


def collapse(codes: np.ndarray, ranked: Candidates) -> Candidates:
    """The best ranked candidate of each group (`codes`: one number per corpus position, equal within a group),
    in the ranked order."""
    if len(ranked) < 2:
        return ranked
    _, first = np.unique(codes[ranked.positions], return_index=True)  # first occurrence of each group
    return ranked.take(np.sort(first))


def by_date(ranks: np.ndarray, found: Candidates) -> Candidates:
    """Newest first (`ranks`: each position's date rank, higher is newer), then by position."""
    return found.take(np.lexsort((found.positions, -ranks[found.positions])))


def diversify(codes: np.ndarray, ranked: Candidates, limit: int) -> Candidates:
    """At most `limit` passages of one document in each block of results (retrieval/diversity.py) among the
    first HEAD; `codes`: each position's document (or its syndicated group) as a number."""
    n = len(ranked)
    if limit <= 0 or n <= limit:
        return ranked
    head = diversify_order(codes[ranked.positions[:HEAD]].tolist(), limit)
    return ranked.take(np.concatenate([np.asarray(head, dtype=np.int64), np.arange(len(head), n)]))


def places_first(ranked: Candidates, inside: np.ndarray) -> Candidates:
    """The candidates in the places the query names (`inside`: a mask over positions) before the others, each
    group in its order: "in Sardegna" is a restriction the user wrote, so a passage of Sassari comes before a
    better-worded one of Bari, which still follows (nothing is filtered out). Scores are raised so they stay
    decreasing."""
    selected = inside[ranked.positions]
    n = int(np.count_nonzero(selected))
    if not n or n == len(ranked):
        return ranked
    first, rest = ranked.take(selected), ranked.take(~selected)
    lift = max(0.0, float(rest.scores[0]) - float(first.scores[-1]) + 1e-6)
    return Candidates(first.positions, first.scores + lift).concat(rest)


def facet_counts(table: FacetTable, matching: Candidates) -> dict[str, list[tuple[object, int]]]:
    """Each field's (value, count) over the matching candidates (positions distinct), in the order of the table's
    columns: one gather of the candidates' rows of the passages x (field, value) matrix of ones and one count,
    so the cost is the candidates', not the index's."""
    columns, matrix = table
    counts = [0] * len(columns)
    if len(matching) and columns:
        counts = np.bincount(_row_columns(matrix, matching.positions), minlength=len(columns)).tolist()
    out: dict[str, list[tuple[object, int]]] = {}
    for (fieldname, value), n in zip(columns, counts, strict=True):
        out.setdefault(fieldname, []).append((value, int(n)))
    return out


def _row_columns(matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """The column indices stored in these rows of a CSR matrix, as `matrix[rows].indices` has them, gathered
    with numpy: scipy's row indexing cost ~0.2 ms of Python per search for a few hundred candidates."""
    indptr = matrix.indptr
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    # each row's entries: its start, then +1 per entry (a row's offset minus the entries before it, repeated)
    at = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
    return matrix.indices[at]


class PerIndex:
    """Something computed once per lexical index from its corpus (kept while the index is in use)."""

    def __init__(self, build: Callable[[LexicalIndex], object]) -> None:
        self._build = build
        self._kept: weakref.WeakKeyDictionary[LexicalIndex, object] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __call__(self, index: LexicalIndex):
        with self._lock:
            found = self._kept.get(index)
        if found is None:
            found = self._build(index)
            with self._lock:
                self._kept[index] = found
        return found


class Codes:
    """Each passage's key (its near-duplicate group, its document) as a number, once per index: equal numbers for
    equal keys. An index made by a change from the last one coded (`LexicalIndex.moved`) takes that one's numbers
    with its rows and codes only its added or changed rows, so the first search after a change costs the change:
    coding every passage was ~0.3 s of it at 100k passages."""

    def __init__(self, key: Callable[[dict, str], object]) -> None:
        self._key = key
        self._kept: weakref.WeakKeyDictionary[LexicalIndex, tuple[np.ndarray, dict]] = weakref.WeakKeyDictionary()
        self._last: tuple[int, dict, np.ndarray] | None = None  # serial, key -> number, codes of the last coded
        self._lock = threading.Lock()

    def __call__(self, index: LexicalIndex) -> np.ndarray:
        return self._coded(index)[0]

    def number(self, index: LexicalIndex, key: object) -> int | None:
        """The number of `key` in this index's codes (None: a key it never had)."""
        return self._coded(index)[1].get(key)

    def _coded(self, index: LexicalIndex) -> tuple[np.ndarray, dict]:
        with self._lock:
            found = self._kept.get(index)
            if found is not None:  # asked again: the next index made by a change may come from this one
                self._last = (index.serial, found[1], found[0])
                return found
            last = self._last
        metas, ids, moved = index.corpus.metas, index.corpus.ids, index.moved
        if last is not None and moved is not None and moved[0] == last[0]:
            _, numbers, before = last
            _, keep, changed = moved
            kept = before if keep is None else before[keep]
            codes = np.empty(len(ids), dtype=np.int64)
            codes[: len(kept)] = kept  # the rows past them are all added ones
            with self._lock:  # the numbers are shared with the index it was made from (only ever added to)
                for p in changed.tolist():
                    codes[p] = numbers.setdefault(self._key(metas[p], ids[p]), len(numbers))
        else:
            numbers = {}
            keys = (self._key(m, cid) for m, cid in zip(metas, ids, strict=True))
            codes = np.fromiter((numbers.setdefault(k, len(numbers)) for k in keys), np.int64, len(ids))
        with self._lock:
            self._kept[index] = (codes, numbers)
            self._last = (index.serial, numbers, codes)
        return codes, numbers


def _date_ranks(index: LexicalIndex) -> tuple[np.ndarray, dict[str, int]]:
    """Each passage's date as its rank among the index's dates, and the rank of each date."""
    dates = [m.get("date") or "" for m in index.corpus.metas]
    rank = {d: i for i, d in enumerate(sorted(set(dates)))}
    return np.fromiter((rank[d] for d in dates), np.int64, len(dates)), rank


class DateRanks:
    """Each passage's date as a number, higher is newer, once per index (`by_date` reads only their order). An index
    made by a change from the last one ranked takes that one's numbers with its rows and ranks only its added or
    changed rows, while their dates are among the dates ranked then (the ranks of dates no passage has any more
    stay, and keep the order); a date never ranked ranks every passage again. Ranking every passage's date was
    ~0.16 s of CPU of each file added at 100k passages (the writer's thread makes it for the first search)."""

    def __init__(self) -> None:
        self._kept: weakref.WeakKeyDictionary[LexicalIndex, tuple[np.ndarray, dict[str, int]]] = (
            weakref.WeakKeyDictionary()
        )
        self._last: tuple[int, dict[str, int], np.ndarray] | None = None  # serial, date -> rank, ranks of the last
        self._lock = threading.Lock()

    def __call__(self, index: LexicalIndex) -> np.ndarray:
        with self._lock:
            found = self._kept.get(index)
            if found is not None:  # asked again: the next index made by a change may come from this one
                self._last = (index.serial, found[1], found[0])
                return found[0]
            last = self._last
        metas, moved = index.corpus.metas, index.moved
        ranks: np.ndarray | None = None
        if last is not None and moved is not None and moved[0] == last[0]:
            _, rank, before = last
            _, keep, changed = moved
            dates = [metas[p].get("date") or "" for p in changed.tolist()]
            if all(d in rank for d in dates):
                kept = before if keep is None else before[keep]
                ranks = np.empty(len(metas), dtype=np.int64)
                ranks[: len(kept)] = kept  # the rows past them are all added ones
                ranks[changed] = np.fromiter((rank[d] for d in dates), np.int64, len(dates))
        if ranks is None:
            ranks, rank = _date_ranks(index)
        with self._lock:
            self._kept[index] = (ranks, rank)
            self._last = (index.serial, rank, ranks)
        return ranks


def _facet_table(fieldnames: tuple[str, ...]) -> Callable[[LexicalIndex], FacetTable]:
    last: list[tuple[int, list[tuple[str, object]], dict[tuple[str, object], int], sparse.csr_matrix]] = []
    lock = threading.Lock()

    def build(index: LexicalIndex) -> FacetTable:
        with lock:
            prev = last[0] if last else None
        moved = index.moved
        if prev is not None and moved is not None and moved[0] == prev[0]:
            columns, column_of, matrix = _moved_table(index, fieldnames, prev[1:], moved)
        else:
            per_value = [((f, v), p) for f in fieldnames for v, p in index.positions(f).items() if v is not None]
            rows = np.concatenate([p for _, p in per_value]) if per_value else np.zeros(0, dtype=np.int64)
            cols = np.repeat(np.arange(len(per_value)), [len(p) for _, p in per_value])
            shape = (len(index.corpus.ids), len(per_value))
            matrix = sparse.csr_matrix((np.ones(rows.size, dtype=np.int8), (rows, cols)), shape=shape)
            columns = [c for c, _ in per_value]
            column_of = {c: i for i, c in enumerate(columns)}
        with lock:
            last[:] = [(index.serial, columns, column_of, matrix)]
        return columns, matrix

    return build


def _moved_table(
    index: LexicalIndex,
    fieldnames: tuple[str, ...],
    prev: tuple[list[tuple[str, object]], dict[tuple[str, object], int], sparse.csr_matrix],
    moved: tuple[int, np.ndarray | None, np.ndarray],
) -> tuple[list[tuple[str, object]], dict[tuple[str, object], int], sparse.csr_matrix]:
    """The facet table of an index made by a change, from the table of the index it came from: its kept rows, then
    the added or changed rows written anew (a new value gets a new column; a value no passage has any more keeps
    its column, counted 0, which the facets leave out). Building it whole was ~25 ms of the first search after a
    change at 100k passages."""
    columns, column_of, matrix = list(prev[0]), dict(prev[1]), prev[2]
    _, keep, changed = moved
    matrix = matrix.copy() if keep is None else matrix[keep]
    n = len(index.corpus.ids)
    for p in changed.tolist():  # the changed rows emptied (the rows past the kept ones are new: empty already)
        if p < matrix.shape[0]:
            matrix.data[matrix.indptr[p] : matrix.indptr[p + 1]] = 0
    matrix.eliminate_zeros()
    rows: list[int] = []
    cols: list[int] = []
    metas = index.corpus.metas
    for p in changed.tolist():
        for f in fieldnames:
            for v in values(metas[p], f):
                if v is not None:
                    rows.append(p)
                    cols.append(column_of.setdefault((f, v), len(column_of)))
                    if cols[-1] == len(columns):
                        columns.append((f, v))
    matrix.resize((n, len(columns)))
    delta = sparse.csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, len(columns)))
    return columns, column_of, (matrix + delta).tocsr()


document_codes = Codes(lambda m, _: str(m.get("doc_dup_group") or m.get("doc_id")))  # what diversity counts
date_ranks = DateRanks()  # the date order of a browse or of `sort=date`
_FACET_TABLES: dict[tuple[str, ...], PerIndex] = {}


def facet_table(index: LexicalIndex, fieldnames: tuple[str, ...]) -> FacetTable:
    """The facet fields' values (field, value) and a passages x values matrix of ones, once per index."""
    table = _FACET_TABLES.get(fieldnames)
    if table is None:
        table = _FACET_TABLES.setdefault(fieldnames, PerIndex(_facet_table(fieldnames)))
    return table(index)
