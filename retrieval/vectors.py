"""The passages' embeddings in memory: exact nearest passages on the request path, without Chroma.

Chroma stays the store of record; a query asking it (HNSW over a local socket or an HTTP server) cost ~2.3 ms
at 1k passages, most of it overhead, and was approximate. Here the normalised float32 embeddings are one matrix
whose row i is the passage at position i of the lexical index's corpus (retrieval/lexical.py), so the filters'
masks apply as they are; a query is one matrix-vector product and an argpartition (exact). The matrix follows
the lexical index: the same change (`LexicalIndex.apply`, fed by the change log) moves its rows, the same save
writes it beside it, the same load reads it back. Memory: passages x dimension x 4 bytes (100k x 512: 205 MB).

Above `Settings.dense_exact_up_to` passages a query first ranks the rows by a sketch (their projection on the
first 128 principal directions, `_Sketch`: 51 MB more at 100k) and scores the best `Settings.dense_rescore`
exactly: at 100k passages the exact product read 205 MB per query (6.8 ms CPU on a quiet machine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from retrieval.top_k import largest

FILE = "vectors.npy"
GROWTH = 1.25  # spare rows kept past the last, so appending a few passages does not copy the matrix
PROJECTED = 128  # principal directions of the sketch the approximate search ranks by first
SAMPLE = 8192  # rows the directions are fitted on (evenly spaced)
SKETCH_SLICE = 8192  # rows projected at a time


class _Rows:
    """A float32 matrix with spare rows, shared by successive indexes: each reads only its first `n` rows, so
    rows appended for a newer index never change what an older one (still serving a search) reads. Beside it,
    once a search above the exact size asks for it, each row's projection on the first principal directions
    (`_Sketch`), kept for every row written after that."""

    def __init__(self, data: np.ndarray, used: int, codes: _Sketch | None = None) -> None:
        self.data = data
        self.used = used  # rows written: only the index that ends there may append in place
        self.lock = threading.Lock()
        self.sketched = codes

    @classmethod
    def holding(cls, matrix: np.ndarray, dim: int, codes: _Sketch | None = None) -> _Rows:
        """A copy of `matrix` with spare rows after it: the next additions append without copying it again.
        `codes`: the sketch of `matrix`'s rows, kept (with spare rows) when given."""
        n = len(matrix)
        data = np.empty((int(n * GROWTH) + 16, dim), dtype=np.float32)
        data[:n] = matrix
        return cls(data, n, codes.holding(n, len(data)) if codes is not None else None)

    def sketch(self) -> _Sketch:
        """The sketch of the rows written, computed (once) on first use."""
        with self.lock:
            if self.sketched is None:
                self.sketched = _Sketch.of(self.data[: self.used], len(self.data))
            return self.sketched


class _Sketch:
    """Each row projected on the matrix's first principal directions (PROJECTED of them, around the mean row,
    both fitted once from an even sample of the rows when first asked for and kept as rows change): the
    product of the query with these short rows ranks the rows almost as the full cosine does, reading 100k x
    128 floats (51 MB) instead of 100k x 512 (205 MB). Kept by direction (one array of every row's projection on
    each direction, `columns`): the query's product then streams along the rows (BLAS's gemv over a long
    dimension: ~2.3 ms at 100k passages where the same floats kept row by row, 128 per row, took ~3.3 ms)."""

    def __init__(self, center: np.ndarray, basis: np.ndarray, columns: np.ndarray) -> None:
        self.center = center  # (dimension,) float32
        self.basis = basis  # (dimension, PROJECTED) float32, orthonormal columns
        self.columns = columns  # (PROJECTED, rows with spare ones) float32: column i is row i's projection

    @classmethod
    def of(cls, matrix: np.ndarray, capacity: int) -> _Sketch:
        dim = matrix.shape[1]
        center = matrix.mean(axis=0, dtype=np.float64).astype(np.float32) if len(matrix) else np.zeros(dim, np.float32)
        sample = (matrix[:: max(1, len(matrix) // SAMPLE)] - center).astype(np.float64)
        _, vectors = np.linalg.eigh(sample.T @ sample)  # ascending eigenvalues: the last columns lead
        basis = np.ascontiguousarray(vectors[:, ::-1][:, : min(PROJECTED, dim)], dtype=np.float32)
        sketch = cls(center, basis, np.zeros((basis.shape[1], capacity), dtype=np.float32))
        sketch.put(np.arange(len(matrix)), matrix)
        return sketch

    def holding(self, n: int, capacity: int) -> _Sketch:
        columns = np.zeros((self.columns.shape[0], capacity), dtype=np.float32)
        columns[:, :n] = self.columns[:, :n]
        return _Sketch(self.center, self.basis, columns)

    def of_rows(self, n: int) -> np.ndarray:
        """The projections of the first `n` rows, one row each (n, PROJECTED): a copy."""
        return np.ascontiguousarray(self.columns[:, :n].T)

    def put(self, positions: np.ndarray, vectors: np.ndarray) -> None:
        for start in range(0, len(positions), SKETCH_SLICE):  # bounded temporaries
            part = slice(start, start + SKETCH_SLICE)
            self.columns[:, positions[part]] = ((vectors[part] - self.center) @ self.basis).T


class VectorIndex:
    """Normalised embeddings, row i = corpus position i; immutable once made (changes make a new one)."""

    def __init__(self, rows: _Rows | None, n: int) -> None:
        self._rows = rows
        self.n = n

    @classmethod
    def empty(cls) -> VectorIndex:
        return cls(None, 0)

    @classmethod
    def of(cls, vectors: np.ndarray) -> VectorIndex:
        """An index of `vectors` (one row per passage, in corpus order), normalised here."""
        matrix = _normalised(np.asarray(vectors, dtype=np.float32))
        if matrix.ndim != 2:
            raise ValueError(f"vectors must be a matrix, got shape {matrix.shape}")
        return cls(_Rows.holding(matrix, matrix.shape[1]), len(matrix))

    @property
    def matrix(self) -> np.ndarray:
        """This index's rows (a view: never written to)."""
        if self._rows is None:
            return np.zeros((0, 0), dtype=np.float32)
        return self._rows.data[: self.n]

    @property
    def dim(self) -> int:
        return 0 if self._rows is None else int(self._rows.data.shape[1])

    # --- changes -----------------------------------------------------------------------------------------
    def compacted(self, keep: np.ndarray) -> VectorIndex:
        """Without the rows where `keep` (one bool per row) is False: the lexical corpus's compaction."""
        if self._rows is None:
            return self
        kept = self.matrix[keep]
        codes = self._rows.sketched
        if codes is not None:  # the kept rows' sketch, kept (the same directions)
            codes = _Sketch(codes.center, codes.basis, codes.columns[:, : self.n][:, keep])
        return VectorIndex(_Rows.holding(kept, self.dim, codes), len(kept))

    def placed(self, positions: Sequence[int], vectors: Iterable[np.ndarray]) -> VectorIndex:
        """A new index with row `positions[i]` set to `vectors[i]`: positions below `n` replace a passage's
        vector, the others (n, n+1, ...) append. Appends go into the spare rows when this index is the newest
        made from them and no kept row changes; otherwise the matrix is copied (a deletion, a changed text)."""
        pos = np.asarray(positions, dtype=np.int64)
        new = _normalised(np.asarray([np.asarray(v, dtype=np.float32) for v in vectors], dtype=np.float32))
        if not pos.size:
            return self
        if new.ndim != 2 or len(new) != len(pos):
            raise ValueError("one vector per position")
        if self._rows is not None and new.shape[1] != self.dim:
            raise ValueError(f"vectors of dimension {new.shape[1]}, the index has {self.dim}")
        n = max(self.n, int(pos.max()) + 1)
        if (np.setdiff1d(np.arange(self.n, n), pos)).size:
            raise ValueError("appended positions must follow the last row without a gap")
        old = pos < self.n
        # a passage whose metadata alone changed (duplicate groups, records) comes back with the same vector
        changed = bool(old.any()) and not np.array_equal(self.matrix[pos[old]], new[old])
        rows = self._rows
        if rows is not None and not changed:
            with rows.lock:
                if rows.used == self.n and n <= len(rows.data):  # the newest index, with room: append in place
                    rows.data[pos[~old]] = new[~old]
                    if rows.sketched is not None:
                        rows.sketched.put(pos[~old], new[~old])
                    rows.used = n
                    return VectorIndex(rows, n)
        data = np.empty((int(n * GROWTH) + 16, new.shape[1]), dtype=np.float32)
        if self.n:
            data[: self.n] = self.matrix
        data[pos] = new  # every row from self.n to n is one of pos (no gap)
        codes = rows.sketched if rows is not None else None
        if codes is not None:  # the sketch of the rows kept copied, the new ones' computed (the same directions)
            codes = codes.holding(self.n, len(data))
            codes.put(pos, new)
        return VectorIndex(_Rows(data, n, codes), n)

    # --- queries -----------------------------------------------------------------------------------------
    def nearest(
        self, query: np.ndarray, k: int, mask: np.ndarray | None = None, exact_up_to: int | None = None,
        rescore: int = 2000,
    ) -> list[tuple[int, float]]:  # fmt: skip
        """The `k` rows most similar to `query` (cosine; among `mask`'s when given) as (position, similarity),
        best first, ties by position. The similarity goes through a float32 cosine distance, as Chroma's did.
        Exact up to `exact_up_to` rows (None: always); above, the `rescore` rows nearest the query in the
        sketch (`_Sketch`) are scored exactly and the best `k` of them kept: approximate (recall@100 0.997-1.0
        measured with 1,000-2,000 rescored, docs/architecture.md).
        """
        if self._rows is None or not self.n or k < 1:
            return []
        q = _normalised(np.asarray(query, dtype=np.float32).reshape(1, -1))[0]
        if exact_up_to is not None and self.n > exact_up_to and self.n > rescore:
            candidates = self._near_in_sketch(q, rescore, mask)
            sims = self.matrix[candidates] @ q
        elif mask is None:
            candidates = None
            sims = self.matrix @ q
        else:
            candidates = np.flatnonzero(mask[: self.n])
            sims = self.matrix[candidates] @ q  # a narrow filter reads only its rows
        best = np.argpartition(-sims, k - 1)[:k] if sims.size > k else np.arange(sims.size)
        positions = best if candidates is None else candidates[best]
        order = np.lexsort((positions, -sims[best]))
        distances = np.float32(1.0) - sims[best][order]
        return list(zip(positions[order].tolist(), (1.0 - distances.astype(np.float64)).tolist(), strict=True))

    def _near_in_sketch(self, q: np.ndarray, m: int, mask: np.ndarray | None) -> np.ndarray:
        """The `m` rows (of `mask`'s) nearest the query in the sketch, in position order."""
        assert self._rows is not None
        sketch = self._rows.sketch()
        # q . x = q . center + q . (x - center), the second read in the principal directions only
        scores = (sketch.basis.T @ q) @ sketch.columns[:, : self.n]
        if mask is not None:
            scores[~mask[: self.n]] = -np.inf
        found = largest(scores, m)  # a sample's threshold first, not a selection over every row (retrieval/top_k.py)
        if mask is not None:
            found = found[mask[found]]
        return found

    def warm_up(self, exact_up_to: int | None) -> None:
        """The sketch computed now when searches will read it (not on the first search)."""
        if self._rows is not None and exact_up_to is not None and self.n > exact_up_to:
            self._rows.sketch()

    # --- persistence -------------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write the rows into `folder` (a file replaced in one rename)."""
        tmp = folder / f".{FILE}.tmp-{os.getpid()}-{threading.get_ident()}"
        with tmp.open("wb") as f:
            np.save(f, self.matrix)
        tmp.replace(folder / FILE)

    @classmethod
    def load(cls, folder: Path, rows: int) -> VectorIndex | None:
        """The rows saved in `folder` when there are exactly `rows` of them; None otherwise (older code, a
        damaged file)."""
        try:
            matrix = np.load(folder / FILE)
        except (OSError, ValueError):
            return None
        if matrix.ndim != 2 or len(matrix) != rows or matrix.dtype != np.float32:
            return None
        return cls(_Rows.holding(matrix, matrix.shape[1]), rows) if rows else cls.empty()

    @classmethod
    def from_rows(cls, ids: Sequence[str], rows: Iterable[dict]) -> VectorIndex | None:
        """The index of the passages `ids` from store rows ({id, embedding}); a passage the rows lack gets a
        zero vector (never similar enough to be found). None without any embedding."""
        position = {cid: i for i, cid in enumerate(ids)}
        found: dict[int, np.ndarray] = {}
        for row in rows:
            i = position.get(row["id"])
            if i is not None and row.get("embedding") is not None:
                found[i] = np.asarray(row["embedding"], dtype=np.float32)
        if not ids:
            return cls.empty()
        if not found:
            return None
        dim = len(next(iter(found.values())))
        matrix = np.zeros((len(ids), dim), dtype=np.float32)
        for i, v in found.items():
            matrix[i] = v
        return cls.of(matrix)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    if vectors.ndim != 2 or not vectors.size:
        return vectors
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, np.float32(1e-12))
