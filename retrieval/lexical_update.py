"""How the lexical index follows a change to the store at the cost of the change: its passages (`Corpus`), its
segments of BM25 term weights, and the new index a change makes (`applied`) or a merge of its segments (`merged`).

A change adds one segment for the passages it added or changed (their old rows masked, -1) and drops the rows of
the ones it removed (positions compacted); the per-value positions of the filters and facets are moved, not
recounted; the new index remembers how its positions follow the old one's (`moved`) and which ids changed since
its last few ancestors (`lineage`), what derived indexes follow a change with. Segments are merged when there
are too many or too many dead rows. Scoring them is `retrieval/bm25.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from retrieval.analysis import get_analyzer
from retrieval.layered import Layered
from retrieval.value_positions import moved as _moved
from retrieval.value_positions import remapped as _remapped

if TYPE_CHECKING:
    from retrieval.lexical import LexicalIndex

K1, B = 1.5, 0.75
MAX_SEGMENTS = 8
LINEAGE = 8  # ancestors an index remembers the changes since


class Corpus:
    """Every passage's id, text and metadata, in index order (also used for filters and facets)."""

    def __init__(
        self,
        ids: list[str],
        texts: list[str],
        metas: list[dict],
        position: MutableMapping[str, int] | None = None,
        groups: MutableMapping[str, list[int]] | None = None,
    ) -> None:
        self.ids, self.texts, self.metas = ids, texts, metas
        self.position = position if position is not None else {cid: i for i, cid in enumerate(ids)}
        if groups is None:
            found: dict[str, list[int]] = {}  # near-duplicate group -> positions of its passages
            for i, meta in enumerate(metas):
                if meta.get("dup_group"):
                    found.setdefault(meta["dup_group"], []).append(i)
            groups = found
        self.groups = groups

    def updated(self, rows: list[dict]) -> tuple[Corpus, list[int]]:
        """A copy with `rows` ({id, text, meta}) replacing the passages of the same id in place and the others
        appended; also their positions. Costs a shallow copy of the lists plus the rows: the id -> position and
        group -> positions maps are written over the old ones (`retrieval/layered.py`; copying them cost ~17 ms at
        100k passages)."""
        ids, texts, metas = list(self.ids), list(self.texts), list(self.metas)
        position: MutableMapping[str, int] = Layered(self.position)
        groups: MutableMapping[str, list[int]] = Layered(self.groups)
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


def applied(index: LexicalIndex, added: list[dict], removed: set[str]) -> LexicalIndex:
    """A new index with `removed` ids gone and `added` rows ({id, text, meta}) replacing or appended. The old
    index stays valid for the searches still using it. Without deletions no pass over the corpus is made in
    Python: changed passages keep their position, their old rows are masked."""
    corpus = index.corpus
    deleted = (removed - {r["id"] for r in added}) & corpus.position.keys()
    if deleted:  # compact the corpus (positions shift)
        keep = np.ones(len(corpus.ids), dtype=bool)
        keep[[corpus.position[i] for i in deleted]] = False
        remap = np.cumsum(keep) - 1
        remap[~keep] = -1
        segments = [Segment(s.weights, np.where(s.rows >= 0, remap[np.maximum(s.rows, 0)], -1)) for s in index.segments]
        corpus = Corpus(
            [c for c, k in zip(corpus.ids, keep, strict=True) if k],
            [t for t, k in zip(corpus.texts, keep, strict=True) if k],
            [m for m, k in zip(corpus.metas, keep, strict=True) if k],
        )
        masks = {f: _remapped(per_value, remap) for f, per_value in index._masks.items()}
        vectors = index.vectors.compacted(keep) if index.vectors is not None else None
    else:
        keep = None
        segments = list(index.segments)
        masks = dict(index._masks)
        vectors = index.vectors
    vocab, df, lengths_sum = dict(index.vocab), index.df, index.lengths_sum
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
        segment, df = weighed(tokens, vocab, df, avgdl, np.array(positions, dtype=np.int64))
        segments.append(segment)
        if vectors is not None and all(r.get("embedding") is not None for r in added):
            vectors = vectors.placed(positions, (r["embedding"] for r in added))
        else:  # rows read without their embeddings: the dense search goes to Chroma
            vectors = None
    new = type(index)(corpus, segments, vocab, df, lengths_sum, vectors=vectors)
    new._masks = masks  # the per-value positions (filters, facets) moved for the change, not recounted
    changed = frozenset(deleted | {r["id"] for r in added})
    lineage = {index.serial: changed, **{serial: ids | changed for serial, ids in index.lineage.items()}}
    new.lineage = dict(list(lineage.items())[:LINEAGE])
    new.changes_since_save = index.changes_since_save + len(deleted) + len(added)
    dead = sum(int((s.rows < 0).sum()) for s in segments)
    if len(segments) > MAX_SEGMENTS or dead > len(corpus.ids) // 4 + 100:
        new = merged(new)
    new.moved = (index.serial, keep, np.asarray(positions, dtype=np.int64))
    return new


def merged(index: LexicalIndex) -> LexicalIndex:
    """One segment of the live rows, in corpus order (document frequencies recounted)."""
    width = len(index.vocab)
    parts, positions = [], []
    for s in index.segments:
        live = np.flatnonzero(s.rows >= 0)
        w = s.weights.tocsr()[live]
        w.resize((w.shape[0], width))
        parts.append(w)
        positions.append(s.rows[live])
    if not parts:
        return index
    order = np.argsort(np.concatenate(positions))
    weights = sparse.vstack(parts, format="csr")[order].tocsc()
    df = np.diff(weights.indptr).astype(np.int64)
    rows = np.arange(weights.shape[0], dtype=np.int64)
    new = type(index)(index.corpus, [Segment(weights, rows)], index.vocab, df, index.lengths_sum, vectors=index.vectors)
    new._masks = index._masks  # the same corpus: the same positions
    new.lineage = {index.serial: frozenset(), **index.lineage}
    new.changes_since_save = index.changes_since_save
    return new


def weighed(
    tokens: list[list[str]], vocab: dict[str, int], df: np.ndarray, avgdl: float, positions: np.ndarray
) -> tuple[Segment, np.ndarray]:
    """The segment of passages (`tokens`, at corpus `positions`): each term's BM25 term weight tf / (tf + norm),
    new terms added to `vocab`; and the document frequencies grown by them."""
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
