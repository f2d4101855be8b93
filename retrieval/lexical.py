"""BM25 over the passages stored in Chroma: derived, incremental, persisted, loaded at start.

Chroma stays the single source of truth. The index is a list of *segments* (sparse BM25 term weights of some
passages, scipy CSC: one column per term) over one shared vocabulary. A change to the store adds one segment
for the passages it added or changed and drops the rows of the ones it removed, so its cost is the size of the
change: the ids come from the change log of the index's state file (`ingest.manifest`), the texts from
Chroma. Segments are merged when there are too many. A query touches only the postings of its terms and keeps
the best `k` (`top`). The index is saved (with the change-log position it is at) after an ingest and when
many changes have piled up; a process starting loads it and replays the changes made since. A new epoch
(`--rebuild`) or a count that does not match the store means a full build; one process builds (a file lock),
the others wait and load what it saved.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from scipy import sparse

from lgnet.store import Store
from retrieval import derived
from retrieval.analysis import get_analyzer
from retrieval.fusion import idf as bm25_idf
from retrieval.value_positions import moved as _moved
from retrieval.value_positions import remapped as _remapped
from retrieval.value_positions import values as _values
from retrieval.vectors import VectorIndex


def _dumps(obj) -> bytes:
    return orjson.dumps(obj)


def _loads(data: bytes):
    return orjson.loads(data)


log = logging.getLogger(__name__)
INDEX_VERSION = 4
K1, B = 1.5, 0.75
MAX_SEGMENTS = 8
# A query's candidate set past this share of the corpus is scored as the whole corpus (its positions as they are:
# no slot lookup per posting), as when a thesaurus alternative is a word most passages use.
WHOLE_ABOVE = 0.5
LINEAGE = 8  # ancestors an index remembers the changes since
_serials = itertools.count(1)


class Corpus:
    """Every passage's id, text and metadata, in index order (also used for filters and facets)."""

    def __init__(
        self,
        ids: list[str],
        texts: list[str],
        metas: list[dict],
        position: dict[str, int] | None = None,
        groups: dict[str, list[int]] | None = None,
    ) -> None:
        self.ids, self.texts, self.metas = ids, texts, metas
        self.position = position if position is not None else {cid: i for i, cid in enumerate(ids)}
        if groups is None:
            groups = {}  # near-duplicate group -> positions of its passages
            for i, meta in enumerate(metas):
                if meta.get("dup_group"):
                    groups.setdefault(meta["dup_group"], []).append(i)
        self.groups = groups

    def updated(self, rows: list[dict]) -> tuple[Corpus, list[int]]:
        """A copy with `rows` ({id, text, meta}) replacing the passages of the same id in place and the others
        appended; also their positions. Costs a shallow copy plus the rows (no pass in Python over all)."""
        ids, texts, metas = list(self.ids), list(self.texts), list(self.metas)
        position = dict(self.position)
        groups = dict(self.groups)
        positions = []
        for row in rows:
            pos = position.get(row["id"])
            if pos is None:
                pos = position[row["id"]] = len(ids)
                ids.append(row["id"])
                texts.append(row["text"])
                metas.append(row["meta"])
            else:
                old_group = metas[pos].get("dup_group")
                if old_group and pos in groups.get(old_group, ()):
                    remaining = [p for p in groups[old_group] if p != pos]
                    if remaining:
                        groups[old_group] = remaining
                    else:
                        del groups[old_group]
                texts[pos], metas[pos] = row["text"], row["meta"]
            group = row["meta"].get("dup_group")
            if group:
                groups[group] = [*groups.get(group, []), pos]
            positions.append(pos)
        return Corpus(ids, texts, metas, position, groups), positions


@dataclass(eq=False)
class Segment:
    weights: sparse.csc_matrix  # rows: passages of this segment; columns: terms; values: BM25 term weight
    rows: np.ndarray  # corpus position of each row, -1 once the passage left


@dataclass(eq=False)  # compared and hashed by identity (caches are keyed by the index object)
class LexicalIndex:
    corpus: Corpus
    segments: list[Segment]
    vocab: dict[str, int]
    df: np.ndarray  # passages containing each term (removed passages count until a merge)
    lengths_sum: float
    revision: str = ""
    epoch: str = ""
    seq: int = 0  # position in the change log this index reflects
    changes_since_save: int = 0
    _masks: dict = field(default_factory=dict, repr=False)
    _postings: dict = field(default_factory=dict, repr=False)  # term column -> (positions, weights), as read
    _value_masks: dict = field(default_factory=dict, repr=False)  # (field, value) -> bool per passage
    _weighted_once: dict = field(default_factory=dict, repr=False)  # term column -> its postings' weight x IDF
    serial: int = field(default_factory=lambda: next(_serials), repr=False)
    # serial of each of the last indexes this one was made from by `apply` -> ids added, changed or removed
    # since: what a derived index (the boilerplate) needs to follow a change at its cost
    lineage: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    # how this index's positions follow the one it was made from by `apply`: (its serial, the rows kept or None
    # when none left, the positions added or changed); what per-passage codes follow a change with
    moved: tuple[int, np.ndarray | None, np.ndarray] | None = field(default=None, repr=False)
    # the passages' embeddings, row = corpus position (retrieval/vectors.py); None when rows came without them
    vectors: VectorIndex | None = field(default=None, repr=False)

    # --- building --------------------------------------------------------------------------------------
    @classmethod
    def empty(cls) -> LexicalIndex:
        return cls(Corpus([], [], []), [], {}, np.zeros(0, dtype=np.int64), 0.0, vectors=VectorIndex.empty())

    @classmethod
    def build(cls, store: Store, revision: str = "", epoch: str = "", seq: int = 0) -> LexicalIndex:
        rows = list(store.iter_chunks(embeddings=True))
        index = cls.empty()
        index = index.apply(rows, set())
        index.revision, index.epoch, index.seq = revision, epoch, seq
        return index

    def apply(self, added: list[dict], removed: set[str]) -> LexicalIndex:
        """A new index with `removed` ids gone and `added` rows ({id, text, meta}) replacing or appended. The
        old index stays valid for the searches still using it. Without deletions no pass over the corpus is
        made in Python: changed passages keep their position, their old rows are masked."""
        corpus = self.corpus
        deleted = (removed - {r["id"] for r in added}) & corpus.position.keys()
        if deleted:  # compact the corpus (positions shift)
            keep = np.ones(len(corpus.ids), dtype=bool)
            keep[[corpus.position[i] for i in deleted]] = False
            remap = np.cumsum(keep) - 1
            remap[~keep] = -1
            segments = [
                Segment(s.weights, np.where(s.rows >= 0, remap[np.maximum(s.rows, 0)], -1)) for s in self.segments
            ]
            corpus = Corpus(
                [c for c, k in zip(corpus.ids, keep, strict=True) if k],
                [t for t, k in zip(corpus.texts, keep, strict=True) if k],
                [m for m, k in zip(corpus.metas, keep, strict=True) if k],
            )
            masks = {f: _remapped(per_value, remap) for f, per_value in self._masks.items()}
            vectors = self.vectors.compacted(keep) if self.vectors is not None else None
        else:
            keep = None
            segments = list(self.segments)
            masks = dict(self._masks)
            vectors = self.vectors
        vocab, df, lengths_sum = dict(self.vocab), self.df, self.lengths_sum
        positions: list[int] = []
        if added:
            replaced = np.array(sorted(corpus.position[r["id"]] for r in added if r["id"] in corpus.position))
            if replaced.size:  # their old rows no longer count
                segments = [Segment(s.weights, np.where(np.isin(s.rows, replaced), -1, s.rows)) for s in segments]
            before = [corpus.metas[corpus.position[r["id"]]] if r["id"] in corpus.position else None for r in added]
            corpus, positions = corpus.updated(added)
            moves = list(zip(positions, before, (r["meta"] for r in added), strict=True))
            masks = {f: _moved(per_value, f, moves) for f, per_value in masks.items()}
            analyzer = get_analyzer()
            tokens = [
                analyzer.tokens(f"{r['meta'].get('title', '')}\n{r['text']}", r["meta"].get("language", "it"))
                for r in added
            ]
            lengths_sum += sum(len(t) for t in tokens)
            avgdl = max(lengths_sum / max(len(corpus.ids), 1), 1.0)
            segment, df = _segment(tokens, vocab, df, avgdl, np.array(positions, dtype=np.int64))
            segments.append(segment)
            if vectors is not None and all(r.get("embedding") is not None for r in added):
                vectors = vectors.placed(positions, (r["embedding"] for r in added))
            else:  # rows read without their embeddings: the dense search goes to Chroma
                vectors = None
        index = LexicalIndex(corpus, segments, vocab, df, lengths_sum, vectors=vectors)
        index._masks = masks  # the per-value positions (filters, facets) moved for the change, not recounted
        changed = frozenset(deleted | {r["id"] for r in added})
        lineage = {self.serial: changed, **{serial: ids | changed for serial, ids in self.lineage.items()}}
        index.lineage = dict(list(lineage.items())[:LINEAGE])
        index.changes_since_save = self.changes_since_save + len(deleted) + len(added)
        dead = sum(int((s.rows < 0).sum()) for s in segments)
        if len(segments) > MAX_SEGMENTS or dead > len(corpus.ids) // 4 + 100:
            index = index.merged()
        index.moved = (self.serial, keep, np.asarray(positions, dtype=np.int64))
        return index

    def merged(self) -> LexicalIndex:
        """One segment of the live rows, in corpus order (document frequencies recounted)."""
        width = len(self.vocab)
        parts, positions = [], []
        for s in self.segments:
            live = np.flatnonzero(s.rows >= 0)
            w = s.weights.tocsr()[live]
            w.resize((w.shape[0], width))
            parts.append(w)
            positions.append(s.rows[live])
        if not parts:
            return self
        order = np.argsort(np.concatenate(positions))
        weights = sparse.vstack(parts, format="csr")[order].tocsc()
        df = np.diff(weights.indptr).astype(np.int64)
        rows = np.arange(weights.shape[0], dtype=np.int64)
        index = LexicalIndex(
            self.corpus, [Segment(weights, rows)], self.vocab, df, self.lengths_sum, vectors=self.vectors
        )
        index._masks = self._masks  # the same corpus: the same positions
        index.lineage = {self.serial: frozenset(), **self.lineage}
        index.changes_since_save = self.changes_since_save
        return index

    # --- querying ----------------------------------------------------------------------------------------
    @property
    def idf(self) -> Idf:
        """stem -> inverse document frequency, to weigh query terms (answers, snippets)."""
        return Idf(self)

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
        n = len(self.corpus.ids)
        summed = np.zeros(n, dtype=np.float64)
        for t, count in Counter(self.vocab[t] for t in query_tokens if t in self.vocab).items():
            positions, weights = self._posting(t)
            if positions.size:
                summed[positions] += weights * np.float32(bm25_idf(n, int(self.df[t])) * count)
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
        postings and their scores, (positions, scores), the others scoring 0: no array of the whole corpus."""
        n = len(self.corpus.ids)
        counted = [Counter(self.vocab[t] for t in tokens if t in self.vocab) for tokens in token_lists]
        postings = [self._posting(t)[0] for t in set().union(*counted)]
        positions = np.arange(n)  # most of the corpus (common words): scored as it is, no slot per posting
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
        return positions, self._scored(counted, positions.size, slots, sparse and slots is None)

    def _scored(
        self, counted: list[Counter], size: int, slots: np.ndarray | None, sparse: bool
    ) -> Iterator[np.ndarray | tuple[np.ndarray, np.ndarray]]:
        """Each list's scores, made when asked for: at 100k passages a query's 70 lists held at once (28 MB)
        were given back to the system and faulted in again by the next query."""
        for terms in counted:
            if sparse and len(terms) == 1 and next(iter(terms.values())) == 1:
                # its weights as float32, as the float64 sum of one of them rounded back would be
                yield self._weighted(next(iter(terms)), 1)
                continue
            summed = np.zeros(size, dtype=np.float64)
            for t, count in terms.items():
                at, weighted = self._weighted(t, count)
                if at.size:
                    summed[at if slots is None else slots[at]] += weighted
            yield summed.astype(np.float32)

    def _weighted(self, term: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        """A term's postings with its BM25 weight times IDF (and its count in the query), as `scores` computes
        them; a count of one kept per index (a query's alternatives ask for the same terms again)."""
        positions, weights = self._posting(term)
        if count == 1:
            found = self._weighted_once.get(term)
            if found is None:
                found = self._weighted_once[term] = weights * np.float32(
                    bm25_idf(len(self.corpus.ids), int(self.df[term])) * count
                )
            return positions, found
        return positions, weights * np.float32(bm25_idf(len(self.corpus.ids), int(self.df[term])) * count)

    def in_value(self, fieldname: str, value: object) -> np.ndarray:
        """One bool per passage: whether its `fieldname` is `value` (kept per index, like the positions)."""
        key = (fieldname, value)
        found = self._value_masks.get(key)
        if found is None:
            found = np.zeros(len(self.corpus.ids), dtype=bool)
            at = self._per_value(fieldname).get(value)
            if at is not None:
                found[at] = True
            self._value_masks[key] = found
        return found

    def _matches(self, query_tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The passages with a query term and their BM25 scores (`scores` of those only)."""
        n = len(self.corpus.ids)
        terms = Counter(self.vocab[t] for t in query_tokens if t in self.vocab)
        if not terms or not n:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        summed = np.zeros(n, dtype=np.float64)
        found = []
        for t, count in terms.items():
            positions, weights = self._posting(t)
            if positions.size:
                summed[positions] += weights * np.float32(bm25_idf(n, int(self.df[t])) * count)
                found.append(positions)
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        positions = np.unique(np.concatenate(found))
        return positions, summed[positions].astype(np.float32)

    def _posting(self, term: int) -> tuple[np.ndarray, np.ndarray]:
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

    def values(self, fieldname: str) -> set:
        """The values `fieldname` takes in this index (from the per-value masks, computed once)."""
        return set(self._per_value(fieldname))

    def positions(self, fieldname: str) -> dict[Any, np.ndarray]:
        """Each value of `fieldname` -> the positions of the passages with it (computed once per index)."""
        return self._per_value(fieldname)

    def mask(self, fieldname: str, values: list) -> np.ndarray:
        """Passages whose `fieldname` (a value or a list) is one of `values`: per-value masks, computed once
        per index and combined."""
        per_value = self._per_value(fieldname)
        out = np.zeros(len(self.corpus.ids), dtype=bool)
        for v in values:
            if v in per_value:
                out[per_value[v]] = True
        return out

    def _per_value(self, fieldname: str) -> dict:
        per_value = self._masks.get(fieldname)
        if per_value is None:
            positions: dict = {}
            for i, meta in enumerate(self.corpus.metas):
                for v in _values(meta, fieldname):
                    positions.setdefault(v, []).append(i)
            per_value = {v: np.array(p, dtype=np.int64) for v, p in positions.items()}
            self._masks[fieldname] = per_value
        return per_value

    # --- persistence -------------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        index = self.merged() if len(self.segments) > 1 else self
        tmp = folder.with_name(f"{folder.name}.tmp-{threading.get_ident()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if index.segments:
            w = index.segments[0].weights
            np.savez(tmp / "weights.npz", data=w.data, indices=w.indices, indptr=w.indptr, shape=np.array(w.shape))
        head = {
            "version": INDEX_VERSION,
            "revision": self.revision,
            "epoch": self.epoch,
            "seq": self.seq,
            "lengths_sum": self.lengths_sum,
            "vocab": sorted(self.vocab, key=self.vocab.__getitem__),
            "df": index.df.tolist(),
        }
        (tmp / "head.json").write_bytes(_dumps(head))
        corpus = {"ids": self.corpus.ids, "texts": self.corpus.texts, "metas": self.corpus.metas}
        (tmp / "corpus.json").write_bytes(_dumps(corpus))
        if self.vectors is not None:
            self.vectors.save(tmp)
        try:  # beside it, what a starting process would otherwise rebuild from every text
            derived.save(self, tmp)
        except Exception:  # noqa: BLE001 - without them a start rebuilds them, as before
            log.exception("cannot save the derived indexes")
        old = folder.with_name(f"{folder.name}.old-{threading.get_ident()}")
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
        self.changes_since_save = 0

    @staticmethod
    def load_head(folder: Path) -> dict | None:
        try:
            return _loads((folder / "head.json").read_bytes())
        except (OSError, ValueError):
            return None

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        try:
            head = _loads((folder / "head.json").read_bytes())
            if head.get("version") != INDEX_VERSION:
                return None
            corpus = _loads((folder / "corpus.json").read_bytes())
            segments = []
            if corpus["ids"]:
                z = np.load(folder / "weights.npz")
                w = sparse.csc_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
                segments.append(Segment(w, np.arange(w.shape[0], dtype=np.int64)))
            vocab = {t: i for i, t in enumerate(head["vocab"])}
            index = cls(
                Corpus(corpus["ids"], corpus["texts"], corpus["metas"]),
                segments,
                vocab,
                np.array(head["df"], dtype=np.int64),
                head["lengths_sum"],
                head["revision"],
                head["epoch"],
                head["seq"],
                vectors=VectorIndex.load(folder, len(corpus["ids"])),
            )
            derived.load(index, folder)  # the spelling vocabulary and boilerplate, when saved for this index
            return index
        except Exception as exc:  # noqa: BLE001 - a damaged derived index is simply rebuilt
            log.info("lexical index in %s not usable (%s): rebuilding", folder, exc)
            return None


class Idf(Mapping[str, float]):
    """A read-only mapping stem -> IDF computed on demand (no per-query copy of the vocabulary)."""

    def __init__(self, index: LexicalIndex) -> None:
        self._index = index

    def __getitem__(self, term: str) -> float:
        return bm25_idf(len(self._index.corpus.ids), int(self._index.df[self._index.vocab[term]]))

    def __contains__(self, term: object) -> bool:
        return term in self._index.vocab

    def __iter__(self) -> Iterator[str]:
        return iter(self._index.vocab)

    def __len__(self) -> int:
        return len(self._index.vocab)


def _segment(
    tokens: list[list[str]], vocab: dict[str, int], df: np.ndarray, avgdl: float, positions: np.ndarray
) -> tuple[Segment, np.ndarray]:
    rows, cols, values = [], [], []
    for r, doc in enumerate(tokens):
        norm = K1 * (1 - B + B * len(doc) / avgdl)
        for term, tf in Counter(doc).items():
            col = vocab.setdefault(term, len(vocab))
            rows.append(r)
            cols.append(col)
            values.append(tf / (tf + norm))
    weights = sparse.csc_matrix(
        (np.array(values, dtype=np.float32), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
        shape=(len(tokens), len(vocab)),
    )
    grown = np.zeros(len(vocab), dtype=np.int64)
    grown[: df.size] = df
    grown += np.diff(weights.indptr)
    return Segment(weights, positions), grown
