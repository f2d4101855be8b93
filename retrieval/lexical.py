"""BM25 over the passages stored in Chroma: derived, incremental, persisted, loaded at start.

Chroma stays the single source of truth. The index is a list of *segments* (sparse BM25 term weights of some
passages, scipy CSC: one column per term) over one shared vocabulary. A change to the store makes a new index
at the cost of the change (`retrieval/lexical_update.py`): the ids come from the change log of the index's state
file (`ingest.manifest`), the texts from Chroma. A query touches only the postings of its terms
(`retrieval/bm25.py`). The filters and facets read per-value positions kept here. The index is saved (with the
change-log position it is at) after an ingest and when many changes have piled up; a process starting loads it
and replays the changes made since. A new epoch (`--rebuild`) or a count that does not match the store means a
full build; one process builds (a file lock), the others wait and load what it saved.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from scipy import sparse

from lgnet.store import Store
from retrieval import derived, lexical_update
from retrieval.bm25 import Bm25, Idf
from retrieval.lexical_update import Corpus, Segment
from retrieval.value_positions import values as _values
from retrieval.vectors import VectorIndex


def _dumps(obj) -> bytes:
    return orjson.dumps(obj)


def _loads(data: bytes):
    return orjson.loads(data)


log = logging.getLogger(__name__)
INDEX_VERSION = 4
_serials = itertools.count(1)


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
    _value_masks: dict = field(default_factory=dict, repr=False)  # (field, value) -> bool per passage
    serial: int = field(default_factory=lambda: next(_serials), repr=False)
    # serial of each of the last indexes this one was made from by `apply` -> ids added, changed or removed
    # since: what a derived index (the boilerplate) needs to follow a change at its cost
    lineage: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)
    # how this index's positions follow the one it was made from by `apply`: (its serial, the rows kept or None
    # when none left, the positions added or changed); what per-passage codes follow a change with
    moved: tuple[int, np.ndarray | None, np.ndarray] | None = field(default=None, repr=False)
    # the passages' embeddings, row = corpus position (retrieval/vectors.py); None when rows came without them
    vectors: VectorIndex | None = field(default=None, repr=False)

    # the BM25 scoring of these segments, with the postings it has read (made with the index)
    bm25: Bm25 = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.bm25 = Bm25(self.segments, self.vocab, self.df, len(self.corpus.ids))

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
        """A new index with `removed` ids gone and `added` rows ({id, text, meta}) replacing or appended; the old
        one stays valid for the searches still using it (`lexical_update.applied`)."""
        return lexical_update.applied(self, added, removed)

    def merged(self) -> LexicalIndex:
        """One segment of the live rows, in corpus order (document frequencies recounted)."""
        return lexical_update.merged(self)

    # --- querying (retrieval/bm25.py) --------------------------------------------------------------------
    @property
    def idf(self) -> Idf:
        """stem -> inverse document frequency, to weigh query terms (answers, snippets)."""
        return Idf(self.bm25)

    def top(self, query_tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `k` best (position, BM25 score) with a score above zero, best first (`Bm25.top`)."""
        return self.bm25.top(query_tokens, k, mask)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every passage, zeros where no term matches (`Bm25.scores`)."""
        return self.bm25.scores(query_tokens)

    def scores_within(
        self, token_lists: Sequence[list[str]], sparse: bool = False
    ) -> tuple[np.ndarray, Iterator[np.ndarray | tuple[np.ndarray, np.ndarray]]]:
        """Each token list's scores over the query's candidate set and that set (`Bm25.scores_within`)."""
        return self.bm25.scores_within(token_lists, sparse)

    # --- filters and facets: per-value positions ---------------------------------------------------------
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
