"""BM25 (bm25s) over the passages stored in Chroma: derived, persisted, rebuilt when the index changes.

Chroma stays the single source of truth: the lexical index is built from the collection's own texts and
metadata, saved with the store revision it was built from, and rebuilt when that revision moves.
"""

from __future__ import annotations

import json
import logging
import math
import shutil
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from lgnet.similarity import near_duplicate_neighbours, shingles
from lgnet.store import Store
from retrieval.analysis import get_analyzer

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets its own logger to DEBUG
INDEX_VERSION = 3
NEAR_DUPLICATE = 0.6  # shingle Jaccard at which two passages say the same thing


@dataclass
class Corpus:
    """Every passage's id, text and metadata, in index order (also used for filters and facets)."""

    ids: list[str]
    texts: list[str]
    metas: list[dict]

    def __post_init__(self) -> None:
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._near: list[set[int]] | None = None
        self.groups: dict[str, list[int]] = {}  # near-duplicate group -> positions of its passages
        for i, meta in enumerate(self.metas):
            if meta.get("dup_group"):
                self.groups.setdefault(meta["dup_group"], []).append(i)

    def near_duplicates(self, position: int) -> set[int]:
        """The passages that say the same as this one (exact shingle Jaccard >= NEAR_DUPLICATE), whatever
        their ingestion group; computed for the whole corpus on first use (LSH, then exact check)."""
        if self._near is None:
            self._near = near_duplicate_neighbours([shingles(t) for t in self.texts], NEAR_DUPLICATE)
        return self._near[position]


class LexicalIndex:
    def __init__(
        self, corpus: Corpus, bm25: bm25s.BM25 | None, revision: str, idf: dict[str, float] | None = None
    ) -> None:
        self.corpus = corpus
        self.bm25 = bm25
        self.revision = revision
        self.idf = idf or {}  # stem -> inverse document frequency, to weigh query terms

    @classmethod
    def build(cls, store: Store, revision: str) -> LexicalIndex:
        ids, texts, metas, tokens = [], [], [], []
        analyzer = get_analyzer()
        for row in store.iter_chunks():
            meta = row["meta"]
            ids.append(row["id"])
            texts.append(row["text"])
            metas.append(meta)
            # The title takes part in matching, as it does in the dense embedding.
            tokens.append(analyzer.tokens(f"{meta.get('title', '')}\n{row['text']}", meta.get("language", "it")))
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(tokens, show_progress=False)
        return cls(Corpus(ids, texts, metas), bm25, revision, _idf(tokens))

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        if self.bm25 is None or not query_tokens:
            return np.zeros(len(self.corpus.ids), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(query_tokens), dtype=np.float32)

    # --- persistence -------------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.bm25 is not None:
            self.bm25.save(str(tmp / "bm25"))
        meta = {
            "version": INDEX_VERSION,
            "revision": self.revision,
            "idf": self.idf,
            "ids": self.corpus.ids,
            "texts": self.corpus.texts,
            "metas": self.corpus.metas,
        }
        (tmp / "corpus.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        try:
            meta = json.loads((folder / "corpus.json").read_text("utf-8"))
            if meta.get("version") != INDEX_VERSION:
                return None
            bm25 = bm25s.BM25.load(str(folder / "bm25")) if meta["ids"] else None
            return cls(Corpus(meta["ids"], meta["texts"], meta["metas"]), bm25, meta["revision"], meta["idf"])
        except Exception as exc:  # noqa: BLE001 - a damaged derived index is simply rebuilt
            log.info("lexical index in %s not usable (%s): rebuilding", folder, exc)
            return None


def _idf(tokens: list[list[str]]) -> dict[str, float]:
    df = Counter(t for doc in tokens for t in set(doc))
    n = len(tokens)
    return {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}


class LexicalIndexManager:
    """Hands out the current lexical index, loading or rebuilding it when the store's revision changes."""

    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self._index: LexicalIndex | None = None
        self._lock = threading.Lock()

    def current(self) -> LexicalIndex:
        revision = self.store.revision()
        index = self._index
        if index is not None and index.revision == revision:
            return index
        with self._lock:
            if self._index is not None and self._index.revision == revision:
                return self._index
            index = LexicalIndex.load(self.folder)
            if index is None or index.revision != revision or len(index.corpus.ids) != self.store.count():
                index = LexicalIndex.build(self.store, revision)
                try:
                    index.save(self.folder)
                except OSError as exc:  # read-only data dir: serve from memory
                    log.warning("cannot save lexical index to %s: %s", self.folder, exc)
            self._index = index
            return index
