"""The stages of a search after its request is read (retrieval/service.py): the query's vector, the lexical (BM25)
and dense candidates, their weighted fusion (by rank or score, + city, region, area and phase boosts), the
reranker, duplicate collapse, per-document diversity, facets, and the hits of the page.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from lgnet.config import Settings
from lgnet.embedders import Embedder
from lgnet.store import Store
from retrieval.analysis import ParsedQuery, QueryAnalyzer
from retrieval.beside import PARALLEL_ABOVE, beside
from retrieval.candidates import (
    Candidates,
    Codes,
    by_date,
    collapse,
    date_ranks,
    diversify,
    document_codes,
    facet_counts,
    facet_table,
)
from retrieval.filters import SearchFilters
from retrieval.fusion import fuse_into
from retrieval.lexical import LexicalIndex
from retrieval.lexical_leg import lexical_scores
from retrieval.memo import Lru
from retrieval.models import FACET_FIELDS, FACET_NAMES, Duplicate, Hit, SearchRequest
from retrieval.places import in_places
from retrieval.rerank import Reranker, Signals
from retrieval.rerank import features as rerank_features
from retrieval.sentences import Boilerplate
from retrieval.snippets import snippet
from retrieval.terms import QueryTerms
from retrieval.top_k import largest

# Boosts relative to the recognised city's (Settings.city_boost): a city of the region named (as much as a city
# named: "in Sicilia" asks for its cities as "a Palermo" does; 0.6 let other regions' cities lead), the phase named.
REGION_SHARE = 1.0
PHASE_SHARE = 0.5
# The unfiltered browse of each index (home page, /api/facets), kept while the index is in use.
_BROWSE: weakref.WeakKeyDictionary[LexicalIndex, tuple[Candidates, dict[str, list[dict]]]] = weakref.WeakKeyDictionary()
_browse_lock = threading.Lock()
LEXICAL_CANDIDATES = 1000  # BM25 keeps the best this many: collapse, facets and fusion stay bounded
DENSE_OVERFETCH = 4  # the dense search asks for this many times the candidates it keeps
# Query vectors remembered at least: a search's practice cards ask for the same text right after it (the model
# ran twice per request). Settings.query_memo_size remembers more: a question asked again skips the model.
RECENT_VECTORS = 8
MAX_DUPLICATES = 20  # copies listed under a hit (`Hit.duplicates_total` counts them all)


# Each near-duplicate group's first passages as shown under a hit (`Duplicate`) and its size, per index: a group
# syndicated widely was rebuilt and validated for every hit showing it, on every search.
_COPIES: weakref.WeakKeyDictionary[LexicalIndex, dict[str, tuple[int, list[tuple[int, Duplicate]]]]] = (
    weakref.WeakKeyDictionary()
)
_copies_lock = threading.Lock()


def _copies(index: LexicalIndex, group: str) -> tuple[int, list[tuple[int, Duplicate]]]:
    """The size of `group` and (position, Duplicate) of its first MAX_DUPLICATES + 1 passages (one of them may
    be the hit itself), built once per index (shared: never edited)."""
    with _copies_lock:
        per_group = _COPIES.setdefault(index, {})
        found = per_group.get(group)
    if found is None:
        members = index.corpus.groups.get(group, [])
        found = (
            len(members),
            [
                (
                    p,
                    Duplicate(
                        id=index.corpus.ids[p],
                        doc_id=m.get("doc_id", ""),
                        title=m.get("title", ""),
                        outlet=m.get("outlet"),
                        date=m.get("date"),
                        url=m.get("url"),
                    ),
                )
                for p in members[: MAX_DUPLICATES + 1]
                for m in [index.corpus.metas[p]]
            ],
        )
        with _copies_lock:
            per_group[group] = found
    return found


# Each passage's near-duplicate group (`dup_group`, or its own id) as a number, per index: what the collapse reads.
group_codes = Codes(lambda m, cid: m.get("dup_group") or cid)


def reordered(collapsed: Candidates, scores: np.ndarray) -> Candidates:
    """The first len(scores) candidates ordered by `scores` (ties keep their order), above the rest as they were;
    shown scores stay decreasing: the reranked ones sit above the first one left as fused."""
    n = len(scores)
    top, rest = collapsed.take(slice(0, n)), collapsed.take(slice(n, None))
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    floor = float(rest.scores[0]) if len(rest) else 0.0
    low = min(scores)
    lifted = [floor + 1.0 + float(scores[i] - low) for i in order]
    return Candidates(top.positions[order], np.array(lifted, dtype=np.float64)).concat(rest)


@dataclass
class _Ranked:
    """A text query's fused, collapsed candidates with what the reranker needs about them."""

    index: LexicalIndex
    collapsed: Candidates
    signals: Signals
    terms: QueryTerms
    boilerplate: Boilerplate


class SearchStages:
    """The search pipeline's stages; `SearchService` (retrieval/service.py) assembles a request from them."""

    settings: Settings
    embedder: Embedder
    store: Store
    analyzer: QueryAnalyzer
    _vectors: Lru[str, np.ndarray]
    # texts being embedded ahead (`embed_ahead`) -> waits for the vector (None: its worker not handed it yet)
    _ahead: dict[str, Callable[[], np.ndarray] | None]
    _ahead_lock: threading.Lock

    def embed_query(self, text: str) -> np.ndarray:
        """The query's vector (whitespace normalised), embedded once for the search and its practice cards (both
        ask for the corrected query when there were typos), and remembered for the same text asked again (the
        model's output depends on the text only); waited for when `embed_ahead` is embedding it."""
        key = " ".join(text.split())
        vector = self._vectors.get(key)
        if vector is None:
            with self._ahead_lock:
                pending = self._ahead.get(key)
            if pending is not None:
                return pending()
            vector = self._embed_now(key)
        return vector

    def _embed_now(self, key: str) -> np.ndarray:
        vector = self.embedder.embed([key])[0]
        vector.flags.writeable = False  # shared by every request that asks the same text
        self._vectors.put(key, vector)
        return vector

    def embed_ahead(self, text: str, likely: Callable[[], bool]) -> None:
        """Start embedding `text` in an idle worker thread (retrieval/beside.py; in this thread when none is idle)
        unless its vector is known or on its way or `likely()` says it will not be asked for: a never-seen query
        is embedded while it is read (the parse, the spelling, the terms: pure Python; the model is mostly numpy,
        which releases the GIL), and `embed_query` waits for it. The vector is the same either way."""
        key = " ".join(text.split())
        if not key or self._vectors.get(key) is not None or not likely():
            return
        with self._ahead_lock:
            if key in self._ahead:
                return
            self._ahead[key] = None

        def embed() -> np.ndarray:
            try:
                return self._embed_now(key)
            finally:
                with self._ahead_lock:
                    self._ahead.pop(key, None)

        wait = beside(embed)
        with self._ahead_lock:
            if key in self._ahead:  # still on its way (else done, and remembered)
                self._ahead[key] = wait

    def _rank(
        self,
        index: LexicalIndex,
        parsed: ParsedQuery,
        request: SearchRequest,
        filters: SearchFilters,
        mask: np.ndarray | None,
        timings: dict[str, float],
        signals: Signals,
    ) -> Candidates:
        s = self.settings
        # The fused score of every position of the corpus (and which were candidates of either list): arrays,
        # not a dict filled in a Python loop over the thousand BM25 candidates.
        size = len(index.corpus.ids)
        fused = np.zeros(size, dtype=np.float64)
        present = np.zeros(size, dtype=bool)
        dense_leg = None
        if request.mode in ("hybrid", "dense"):
            leg = partial(self._dense_leg, index, parsed, filters, mask)
            # beside the lexical leg on an index where it is worth a thread (retrieval/beside.py)
            dense_leg = beside(leg) if request.mode == "hybrid" and size > PARALLEL_ABOVE else leg
        if request.mode in ("hybrid", "lexical"):
            t = time.perf_counter()
            within, scores = self._lexical_scores(index, parsed, request.understand)
            if mask is not None:
                scores = scores * mask[within]
            # The best LEXICAL_CANDIDATES with a score above 0 only (retrieval/top_k.py): sorting every matching
            # passage grew with the corpus. Unfiltered, nearly every candidate scores: the best are chosen among
            # all of them and the zeros among those dropped (the same passages), no pass to find the ones held.
            if mask is None and scores.size > LEXICAL_CANDIDATES:
                best = largest(scores, LEXICAL_CANDIDATES)
                best = best[scores[best] > 0]
                matching, matching_scores = within[best], scores[best]
            else:
                held = scores > 0
                # the whole corpus (most queries at 100k passages): the positions held are the mask's own
                matching = np.flatnonzero(held) if within.size == size else within[held]
                matching_scores = scores[held]
                if matching.size > LEXICAL_CANDIDATES:
                    best = largest(matching_scores, LEXICAL_CANDIDATES)
                    matching, matching_scores = matching[best], matching_scores[best]
            order = np.lexsort((matching, -matching_scores))  # best first, then by position
            lexical = matching[order]
            lexical_scores = matching_scores[order].astype(np.float64)
            signals.lexical = dict(zip(lexical.tolist(), lexical_scores.tolist(), strict=True))
            fuse_into(fused, present, lexical, lexical_scores, s.weight_lexical, s.fusion, s.rrf_k)
            timings["lexical"] = time.perf_counter() - t
        if dense_leg is not None:
            dense, leg_timings = dense_leg()
            t = time.perf_counter()
            signals.dense = {i: sim for i, sim in dense if mask is None or mask[i]}
            dense_positions = np.fromiter(signals.dense, dtype=np.int64, count=len(signals.dense))
            dense_scores = np.fromiter(signals.dense.values(), dtype=np.float64, count=len(signals.dense))
            fuse_into(fused, present, dense_positions, dense_scores, s.weight_dense, s.fusion, s.rrf_k)
            timings["embed"] = leg_timings["embed"]
            timings["dense"] = leg_timings["dense"] + time.perf_counter() - t
        if request.understand and not parsed.concepts and (parsed.phases or parsed.region_cities):
            # only a place or a phase was asked for ("in Puglia", "la terza edizione"): all its passages
            wanted = index.mask("city", parsed.region_cities) | index.mask("phase", parsed.phases)
            present |= wanted if mask is None else wanted & mask
        places = parsed.region_cities or parsed.regions or parsed.provinces
        if request.understand and (parsed.cities or parsed.interventions or places or parsed.phases):
            top = 1.0 / (s.rrf_k + 1) if s.fusion == "rrf" else 1.0
            region_cities = [c for c in parsed.region_cities if c not in parsed.cities]
            # from the index's per-value positions, not a metadata lookup per candidate
            boosts = [
                ("city", parsed.cities, s.city_boost),
                ("city", region_cities, s.city_boost * REGION_SHARE),
                ("interventions", parsed.interventions, s.intervention_boost),
                ("phase", parsed.phases, s.city_boost * PHASE_SHARE),
            ]
            candidates = np.flatnonzero(present)
            for fieldname, values, weight in boosts:  # over the candidates only, a value's mask kept per index
                if values:
                    boosted = np.zeros(candidates.size, dtype=bool)
                    for value in values:
                        boosted |= index.in_value(fieldname, value)[candidates]
                    fused[candidates[boosted]] += weight * top
            if parsed.regions or parsed.provinces:
                # a document filed without a city that names the places' comuni (a provincial press review's
                # article), as `arrange` puts it among the places' passages; their own documents are boosted above
                unfiled = in_places(index, candidates.tolist(), parsed.regions, parsed.provinces, [])[candidates]
                unfiled &= ~index.mask("city", region_cities)[candidates]
                fused[candidates[unfiled]] += s.city_boost * REGION_SHARE * top
        positions = np.flatnonzero(present)
        scores = fused[positions]
        order = np.lexsort((positions, -scores))  # best first, then by position
        return Candidates(positions[order], scores[order])

    def _dense_leg(
        self, index: LexicalIndex, parsed: ParsedQuery, filters: SearchFilters, mask: np.ndarray | None
    ) -> tuple[list[tuple[int, float]], dict[str, float]]:
        """The dense candidates (position, similarity), best first, and the timings of the query's vector and of
        their search (in the thread that ran them)."""
        s = self.settings
        t = time.perf_counter()
        # the corrected query when there were typos: the model reads a misspelt word as another word
        query_vec = self.embed_query(parsed.suggestion or parsed.text)
        timings = {"embed": time.perf_counter() - t}
        t = time.perf_counter()
        if index.vectors is not None:  # exact, in memory (retrieval/vectors.py), the filters as a mask
            found = index.vectors.nearest(query_vec, s.candidates, mask, s.dense_exact_up_to, s.dense_rescore)
            dense = [(i, sim) for i, sim in found if sim >= s.dense_min_similarity]
        else:  # an index made without the embeddings: Chroma's HNSW
            dense = self._dense_from_store(index, query_vec, filters)
        timings["dense"] = time.perf_counter() - t
        return dense, timings

    def _dense_from_store(
        self, index: LexicalIndex, query_vec: np.ndarray, filters: SearchFilters
    ) -> list[tuple[int, float]]:
        s = self.settings
        # HNSW is approximate: the last of exactly `candidates` neighbours changed from one process to the
        # next, and with them the dense list's floor and every fused score; the best `candidates` of a
        # wider search are stable.
        found = self.store.query(query_vec, s.candidates * DENSE_OVERFETCH, where=filters.where())[: s.candidates]
        return [
            (index.corpus.position[cid], sim)
            for cid, sim in found
            if sim >= s.dense_min_similarity and cid in index.corpus.position
        ]

    @staticmethod
    def _features(found: _Ranked, top: Candidates) -> np.ndarray:
        corpus = found.index.corpus
        positions = top.positions.tolist()
        texts = [corpus.texts[p] for p in positions]
        return rerank_features(
            positions,
            top.scores.tolist(),
            found.signals,
            texts,
            [corpus.metas[p].get("title", "") for p in positions],
            found.terms,
            found.boilerplate,
            [found.boilerplate.sentence_flags(corpus.ids[p], t) for p, t in zip(positions, texts, strict=True)],
        )

    def _rerank(self, found: _Ranked, reranker: Reranker) -> Candidates:
        """The best `reranker.candidates` reordered by the reranker, above the rest as fused."""
        top = found.collapsed.take(slice(0, reranker.candidates))
        if len(top) < 2:
            return found.collapsed
        return reordered(found.collapsed, reranker.scores(self._features(found, top)))

    def _lexical_scores(
        self, index: LexicalIndex, parsed: ParsedQuery, understand: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """The passages holding a word of the query or of its alternatives (sorted positions) and their BM25 scores
        (retrieval/lexical_leg.py), every other passage scoring 0."""
        return lexical_scores(index, parsed, understand, self.analyzer.thesaurus.language)

    # --- the stages after ranking ------------------------------------------------------------------------
    @staticmethod
    def _collapse(index: LexicalIndex, ranked: Candidates) -> Candidates:
        """One hit per group of near-identical passages: the best ranked stands for the others. The groups are
        the one notion of near-duplicate, `dup_group`, computed at ingest (ingest/dedup.py: MinHash LSH candidates,
        exact Jaccard, chained through syndicated copies) and stored on the passages."""
        return collapse(group_codes(index), ranked)

    @staticmethod
    def _by_date(index: LexicalIndex, candidates: Candidates) -> Candidates:
        return by_date(date_ranks(index), candidates)

    def _browse_all(self, index: LexicalIndex) -> tuple[Candidates, dict[str, list[dict]]]:
        """Every passage (copies collapsed) newest first, and its facets: computed on the first browse of an
        index and kept with it (an index is replaced, never changed, when the store changes)."""
        with _browse_lock:
            cached = _BROWSE.get(index)
            if cached is None:
                collapsed = self._collapse(index, Candidates.of(np.arange(len(index.corpus.ids))))
                collapsed = self._by_date(index, collapsed)
                cached = _BROWSE[index] = (collapsed, self._facets(index, collapsed))
        collapsed, facets = cached
        return collapsed, {name: [dict(v) for v in values] for name, values in facets.items()}  # callers may edit

    def _diversify(self, index: LexicalIndex, ranked: Candidates) -> Candidates:
        """At most `max_per_document` passages of one article (or its syndicated copies) in each block of results
        (retrieval/diversity.py)."""
        return diversify(document_codes(index), ranked, self.settings.max_per_document)

    @staticmethod
    def _facets(index: LexicalIndex, matching: Candidates) -> dict[str, list[dict]]:
        """Counts over the whole matching set (after collapse), not just the page shown: the matching
        candidates' rows of the facet fields' passages x values table (kept with the index) counted, so the
        cost is the candidates', not the index's."""
        facets = {}
        counted = facet_counts(facet_table(index, FACET_FIELDS), matching)
        for fieldname in FACET_FIELDS:
            counts = counted.get(fieldname, [])
            facets[FACET_NAMES.get(fieldname, fieldname)] = [
                {"value": v, "count": n} for v, n in sorted(counts, key=lambda kv: (-kv[1], str(kv[0]))) if n
            ]
        return facets

    def _hit_at(
        self,
        index: LexicalIndex,
        position: int,
        score: float,
        terms: QueryTerms | None = None,
        boilerplate: Boilerplate | None = None,
    ) -> Hit:
        meta = index.corpus.metas[position]
        cid = index.corpus.ids[position]
        text = index.corpus.texts[position]
        group = meta.get("dup_group")
        # the first MAX_DUPLICATES copies only: a group grows with the corpus (the synthetic corpus's boilerplate
        # paragraph: 1,402 passages at 10k), and each copy listed went through the response's validation and JSON
        size, copies = _copies(index, group) if group else (0, [])
        duplicates = [d for p, d in copies if p != position][:MAX_DUPLICATES]
        return Hit(
            id=cid,
            doc_id=meta.get("doc_id", ""),
            title=meta.get("title", ""),
            text=text,
            snippet=snippet(
                text,
                terms or QueryTerms(),
                boilerplate if boilerplate is not None else (),
                flags=boilerplate.sentence_flags(cid, text) if boilerplate is not None else None,
            ),
            score=round(float(score), 6),
            city=meta.get("city"),
            interventions=list(meta.get("interventions", [])),
            doc_type=meta.get("doc_type", "other"),
            phase=meta.get("phase"),
            date=meta.get("date"),
            source=meta.get("source", ""),
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            page=meta.get("page"),
            char_start=meta.get("char_start"),
            char_end=meta.get("char_end"),
            dup_group=group,
            duplicates=duplicates,
            duplicates_total=max(size - 1, len(duplicates)),  # the passage is one of its group's
            ocr_confidence=meta.get("ocr_confidence"),
        )
