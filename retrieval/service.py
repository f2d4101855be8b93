"""The one search service used by the CLI, the API and the site.

query -> analysis -> lexical (BM25) + dense (Chroma) candidates -> weighted fusion, by rank or score (+ city and area
boosts) -> filters -> duplicate collapse -> per-document diversity -> facets -> page -> snippets + answer.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from lgnet.config import Settings
from lgnet.embedders import Embedder, get_embedder
from lgnet.errors import InvalidRequest, NotFound
from lgnet.gazetteer import Gazetteer
from lgnet.store import Store
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold
from retrieval.analysis import Concept, ParsedQuery, QueryAnalyzer, get_analyzer
from retrieval.answer import best_answer
from retrieval.bounds import check_k, check_page, check_query
from retrieval.dictionary import language_words
from retrieval.diversity import diversify
from retrieval.filters import FilterVocabulary, SearchFilters
from retrieval.fusion import fuse
from retrieval.lexical import LexicalIndex
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.models import FACET_FIELDS, FACET_NAMES, Duplicate, Hit, SearchRequest, SearchResult
from retrieval.places import places_first
from retrieval.rerank import Reranker, Signals
from retrieval.rerank import features as rerank_features
from retrieval.sentence_stems import PASSAGES, passage_sentences
from retrieval.sentences import Boilerplate, boilerplate_of
from retrieval.snippets import snippet
from retrieval.spelling import Vocabulary, vocabulary_of
from retrieval.terms import QueryTerms, query_terms, translation_weight

# Boosts relative to the recognised city's (Settings.city_boost): a city of the region named (as much as a city
# named: "in Sicilia" asks for its cities as "a Palermo" does; 0.6 let other regions' cities lead), the phase named.
REGION_SHARE = 1.0
PHASE_SHARE = 0.5
# The unfiltered browse of each index (home page, /api/facets), kept while the index is in use.
_BROWSE: weakref.WeakKeyDictionary[LexicalIndex, tuple[list[Candidate], dict[str, list[dict]]]] = (
    weakref.WeakKeyDictionary()
)
_browse_lock = threading.Lock()
LEXICAL_CANDIDATES = 1000  # BM25 keeps the best this many: collapse, facets and fusion stay bounded
DENSE_OVERFETCH = 4  # the dense search asks for this many times the candidates it keeps
# The vectors of the last few queries: a search's practice cards ask for the same text right after it (the
# model ran twice per request). Small on purpose: it shares one request's vector, it is not a result cache.
RECENT_VECTORS = 8


@dataclass
class Candidate:
    position: int  # index in the lexical corpus (all passages)
    score: float


@dataclass
class _Ranked:
    """A text query's fused, collapsed candidates with what the reranker needs about them."""

    index: LexicalIndex
    collapsed: list[Candidate]
    signals: Signals
    terms: QueryTerms
    boilerplate: Boilerplate


class SearchService:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, store: Store | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.threads)
        self.store = store or Store(settings, self.embedder.name, self.embedder.dim)
        self.lexical = LexicalIndexManager(self.store, settings.lexical_dir)
        self.analyzer = QueryAnalyzer()
        self.gazetteer = Gazetteer.default()
        self.taxonomy = Taxonomy.default()
        self.filter_vocabulary = FilterVocabulary(self.gazetteer, tuple(self.taxonomy.codes))
        self.reranker = Reranker.default()
        self._warm = False
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vectors_lock = threading.Lock()

    def warm_up(self) -> None:
        """Load what the first search needs: the model (and one query through it), the lexical index."""
        self.embedder.warm_up()
        self.embedder.embed(["avvio"])
        self.gazetteer.warm_up()
        self.analyzer.places.warm_up()
        index = self.lexical.current()
        if index.corpus.ids:
            for fieldname in ("city", "phase"):  # the masks a place or phase question reads
                index.values(fieldname)
            self.vocabulary(index)
            boilerplate_of(index)
            for text in index.corpus.texts[:PASSAGES]:  # each passage's sentences and stems: a cold query's
                passage_sentences(text)  # reranker and snippets then split and stem nothing
        language_words()
        self._warm = True

    def embed_query(self, text: str, also: str | None = None) -> np.ndarray:
        """The query's vector (whitespace normalised), embedded once for the search and its practice cards.
        `also`: a text asked for right after (the corrected query the cards search), embedded in the same call."""
        key = " ".join(text.split())
        with self._vectors_lock:
            vector = self._vectors.get(key)
            if vector is not None:
                self._vectors.move_to_end(key)
                return vector
        texts = [key]
        if also and " ".join(also.split()) != key:
            texts.append(" ".join(also.split()))
        vectors = self.embedder.embed(texts)
        with self._vectors_lock:
            for t, v in zip(texts, vectors, strict=True):
                self._vectors[t] = v
            while len(self._vectors) > RECENT_VECTORS:
                self._vectors.popitem(last=False)
        return vectors[0]

    def is_warm(self) -> bool:
        """True once `warm_up` has run: the first search will not load anything."""
        return self._warm and self.lexical.loaded()

    def vocabulary(self, index: LexicalIndex) -> Vocabulary:
        """The index's words (plus the thesaurus') for spelling corrections, built once per index."""
        return vocabulary_of(index, self.analyzer.thesaurus.words)

    def parse(self, q: str, index: LexicalIndex | None = None) -> ParsedQuery:
        index = index or self.lexical.current()
        parsed = self.analyzer.parse(q, vocabulary=lambda: self.vocabulary(index), known_stems=index.idf)
        if parsed.region_cities:  # of a region's comuni, those the index has passages about
            present = index.values("city")
            parsed.region_cities = [c for c in parsed.region_cities if c in present]
        return parsed

    # --- validation --------------------------------------------------------------------------------------
    def allowed_values(self) -> dict[str, list]:
        return self.filter_vocabulary.allowed()

    def filters(self, raw: dict, *, no_phase: bool = False) -> SearchFilters:
        """Filters from a request's parameters, checked (strict: an unknown value is an InvalidRequest)."""
        return SearchFilters.parse(raw, self.filter_vocabulary, no_phase=no_phase)

    def validate(self, request: SearchRequest) -> SearchFilters:
        """The request's bounds checked, and its filters parsed once."""
        check_query(request.q)
        check_k(request.k)
        check_page(request.page)
        if request.sort not in ("relevance", "date"):
            raise InvalidRequest("sort must be 'relevance' or 'date'", {"allowed": ["relevance", "date"]})
        return self.filters(request.raw_filters)  # years against the bounds too

    # --- search ------------------------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        t0 = time.perf_counter()
        filters = self.validate(request)
        timings: dict[str, float] = {}
        index = self.lexical.current()
        if request.understand:
            parsed = self.parse(request.q, index)
        else:
            parsed = ParsedQuery(request.q, "it", concepts=[Concept(w) for w in get_analyzer().words(request.q)])
        terms = query_terms(parsed, index.idf)  # what the reranker, the snippets and the answer weigh
        timings["analysis"] = time.perf_counter() - t0
        mask = filters.mask(index)

        if not parsed.text and mask is None:  # the whole index by date (home page, /api/facets): once per index
            t = time.perf_counter()
            collapsed, facets = self._browse_all(index)
        else:
            signals = Signals()
            if parsed.text:
                ranked = self._rank(index, parsed, request, filters, mask, timings, signals)
            else:  # a filtered browse: the passages of the mask
                ranked = [Candidate(int(i), 0.0) for i in np.flatnonzero(mask if mask is not None else [])]
            t = time.perf_counter()
            collapsed = self._collapse(index, ranked)
            if request.sort == "date" or not parsed.text:
                self._by_date(index, collapsed)
            else:
                if request.understand and request.rerank and not self.reranker.identity:
                    found = _Ranked(index, collapsed, signals, terms, boilerplate_of(index))
                    collapsed = self._rerank(found, self.reranker)
                collapsed = self._diversify(index, collapsed)
                if request.understand and parsed.region_cities:  # "in Sardegna": its cities' passages first
                    collapsed = places_first(collapsed, index.mask("city", parsed.region_cities))
            facets = self._facets(index, collapsed)
        start = (request.page - 1) * request.k
        page = collapsed[start : start + request.k]
        boilerplate = boilerplate_of(index)
        hits = [self._hit(index, c, terms, boilerplate) for c in page]
        timings["collapse_facets"] = time.perf_counter() - t
        t = time.perf_counter()
        answer = best_answer(terms, hits[:3], boilerplate) if parsed.text and request.page == 1 else None
        timings["answer"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t0
        return SearchResult(
            query=request.q,
            parsed=parsed,
            total=len(collapsed),
            page=request.page,
            k=request.k,
            hits=hits,
            facets=facets,
            answer=answer,
            timings=timings,
            filters=filters,
        )

    def _rank(
        self,
        index: LexicalIndex,
        parsed: ParsedQuery,
        request: SearchRequest,
        filters: SearchFilters,
        mask: np.ndarray | None,
        timings: dict[str, float],
        signals: Signals,
    ) -> list[Candidate]:
        s = self.settings
        lists: list[tuple[list[tuple[int, float]], float]] = []
        if request.mode in ("hybrid", "lexical"):
            t = time.perf_counter()
            scores = self._lexical_scores(index, parsed, request.understand)
            if mask is not None:
                scores = scores * mask
            # The best LEXICAL_CANDIDATES only: sorting every matching passage grew with the corpus.
            matching = np.flatnonzero(scores > 0)
            if matching.size > LEXICAL_CANDIDATES:
                matching = matching[np.argpartition(-scores[matching], LEXICAL_CANDIDATES - 1)[:LEXICAL_CANDIDATES]]
            lexical = matching[np.lexsort((matching, -scores[matching]))]  # best first, then by position
            signals.lexical = dict(zip(lexical.tolist(), scores[lexical].tolist(), strict=True))
            lists.append((list(signals.lexical.items()), s.weight_lexical))
            timings["lexical"] = time.perf_counter() - t
        if request.mode in ("hybrid", "dense"):
            t = time.perf_counter()
            query_vec = self.embed_query(parsed.text, also=parsed.suggestion)
            timings["embed"] = time.perf_counter() - t
            t = time.perf_counter()
            # HNSW is approximate: the last of exactly `candidates` neighbours changed from one process to the
            # next, and with them the dense list's floor and every fused score; the best `candidates` of a
            # wider search are stable.
            found = self.store.query(query_vec, s.candidates * DENSE_OVERFETCH, where=filters.where())[: s.candidates]
            dense = [
                (index.corpus.position[cid], sim)
                for cid, sim in found
                if sim >= s.dense_min_similarity and cid in index.corpus.position
            ]
            signals.dense = {i: sim for i, sim in dense if mask is None or mask[i]}
            lists.append((list(signals.dense.items()), s.weight_dense))
            timings["dense"] = time.perf_counter() - t
        fused = fuse(lists, s.fusion, s.rrf_k)
        if request.understand and not parsed.concepts and (parsed.phases or parsed.region_cities):
            # only a place or a phase was asked for ("in Puglia", "la terza edizione"): all its passages
            wanted = index.mask("city", parsed.region_cities) | index.mask("phase", parsed.phases)
            for position in np.flatnonzero(wanted if mask is None else wanted & mask).tolist():
                fused.setdefault(position, 0.0)
        if request.understand and (parsed.cities or parsed.interventions or parsed.region_cities or parsed.phases):
            top = 1.0 / (s.rrf_k + 1) if s.fusion == "rrf" else 1.0
            region_cities = [c for c in parsed.region_cities if c not in parsed.cities]
            # from the index's per-value positions, not a metadata lookup per candidate
            positions = np.fromiter(fused, dtype=np.int64, count=len(fused))
            boosts = [
                (index.mask("city", parsed.cities), s.city_boost),
                (index.mask("city", region_cities), s.city_boost * REGION_SHARE),
                (index.mask("interventions", parsed.interventions), s.intervention_boost),
                (index.mask("phase", parsed.phases), s.city_boost * PHASE_SHARE),
            ]
            for mask_of, weight in boosts:
                for pos in positions[mask_of[positions]].tolist():
                    fused[pos] += weight * top
        positions = np.fromiter(fused, dtype=np.int64, count=len(fused))
        scores = np.fromiter(fused.values(), dtype=np.float64, count=len(fused))
        order = np.lexsort((positions, -scores))  # best first, then by position
        return [Candidate(p, sc) for p, sc in zip(positions[order].tolist(), scores[order].tolist(), strict=True)]

    # --- the reranker (retrieval/rerank.py) ----------------------------------------------------------------
    def rerank_features(self, request: SearchRequest) -> tuple[list[int], np.ndarray]:
        """The fused candidates the reranker reweighs (positions in the lexical corpus) and their features:
        what tuning (`retrieval/tuning.py`) reads."""
        filters = self.validate(request)
        index = self.lexical.current()
        parsed = self.parse(request.q, index)
        signals = Signals()
        ranked = self._rank(index, parsed, request, filters, filters.mask(index), {}, signals) if parsed.text else []
        collapsed = self._collapse(index, ranked)
        found = _Ranked(index, collapsed, signals, query_terms(parsed, index.idf), boilerplate_of(index))
        top = found.collapsed[: self.reranker.candidates]
        return [c.position for c in top], self._features(found, top)

    @staticmethod
    def _features(found: _Ranked, top: list[Candidate]) -> np.ndarray:
        corpus = found.index.corpus
        positions = [c.position for c in top]
        return rerank_features(
            positions,
            [c.score for c in top],
            found.signals,
            [corpus.texts[p] for p in positions],
            [corpus.metas[p].get("title", "") for p in positions],
            found.terms,
            found.boilerplate,
        )

    def _rerank(self, found: _Ranked, reranker: Reranker) -> list[Candidate]:
        """The best `reranker.candidates` reordered by the reranker, above the rest as fused."""
        top, rest = found.collapsed[: reranker.candidates], found.collapsed[reranker.candidates :]
        if len(top) < 2:
            return found.collapsed
        scores = reranker.scores(self._features(found, top))
        order = sorted(range(len(top)), key=lambda i: (-scores[i], i))
        # shown scores stay decreasing: the reranked ones sit above the first one left as fused
        floor = rest[0].score if rest else 0.0
        low = min(scores)
        return [Candidate(top[i].position, floor + 1.0 + float(scores[i] - low)) for i in order] + rest

    def _lexical_scores(self, index: LexicalIndex, parsed: ParsedQuery, understand: bool) -> np.ndarray:
        """BM25 of the user's words (question frame out, typos corrected) plus, at a lower weight, BM25 of
        their thesaurus alternatives."""
        analyzer = get_analyzer()
        if not understand:
            return index.scores(analyzer.query_tokens(parsed.text))
        language = self.analyzer.thesaurus.language
        city_fixes = [e for e in parsed.expansions if e in parsed.cities]
        main = analyzer.query_tokens(" ".join([parsed.main_text, *city_fixes]))
        scores = index.scores(main)
        taken = set(main)
        for concept in parsed.concepts:
            # each concept counts once, by its best alternative: "casa" does not add up "alloggio",
            # "abitazione" and "housing"; a phrase's words count as a share of the phrase
            best = None
            for alternative in concept.alternatives:
                weight = translation_weight(parsed.language, language.get(fold(alternative)))
                tokens = [t for t in analyzer.query_tokens(alternative) if t not in taken] if weight else []
                if tokens:
                    found = index.scores(tokens) * (weight / max(1, len(alternative.split())))
                    best = found if best is None else np.maximum(best, found)
            if best is not None:
                scores = scores + best
        return scores

    # --- the stages after ranking ------------------------------------------------------------------------
    @staticmethod
    def _collapse(index: LexicalIndex, ranked: list[Candidate]) -> list[Candidate]:
        """One hit per group of near-identical passages: the best ranked stands for the others. The groups are
        the one notion of near-duplicate, `dup_group`, computed at ingest (ingest/dedup.py: MinHash LSH candidates,
        exact Jaccard, chained through syndicated copies) and stored on the passages."""
        seen: set[str] = set()
        kept: list[Candidate] = []
        for c in ranked:
            group = index.corpus.metas[c.position].get("dup_group") or index.corpus.ids[c.position]
            if group not in seen:
                seen.add(group)
                kept.append(c)
        return kept

    @staticmethod
    def _by_date(index: LexicalIndex, candidates: list[Candidate]) -> None:
        candidates.sort(key=lambda c: (index.corpus.metas[c.position].get("date") or "", -c.position), reverse=True)

    def _browse_all(self, index: LexicalIndex) -> tuple[list[Candidate], dict[str, list[dict]]]:
        """Every passage (copies collapsed) newest first, and its facets: computed on the first browse of an
        index and kept with it (an index is replaced, never changed, when the store changes)."""
        with _browse_lock:
            cached = _BROWSE.get(index)
            if cached is None:
                collapsed = self._collapse(index, [Candidate(i, 0.0) for i in range(len(index.corpus.ids))])
                self._by_date(index, collapsed)
                cached = _BROWSE[index] = (collapsed, self._facets(index, collapsed))
        collapsed, facets = cached
        return collapsed, {name: [dict(v) for v in values] for name, values in facets.items()}  # callers may edit

    def _diversify(self, index: LexicalIndex, ranked: list[Candidate]) -> list[Candidate]:
        """At most `max_per_document` passages of one article (or its syndicated copies) in each block of results
        (retrieval/diversity.py)."""
        metas = index.corpus.metas
        return diversify(
            ranked,
            lambda c: str(metas[c.position].get("doc_dup_group") or metas[c.position].get("doc_id")),
            self.settings.max_per_document,
        )

    @staticmethod
    def _facets(index: LexicalIndex, matching: list[Candidate]) -> dict[str, list[dict]]:
        """Counts over the whole matching set (after collapse), not just the page shown: each value's passages
        (kept with the index) counted among those matching, so the cost is the index's values, not a Python
        loop over every match."""
        selected = np.zeros(len(index.corpus.ids), dtype=bool)
        if matching:
            selected[np.fromiter((c.position for c in matching), dtype=np.int64, count=len(matching))] = True
        facets = {}
        for fieldname in FACET_FIELDS:
            counts = [
                (v, int(np.count_nonzero(selected[p]))) for v, p in index.positions(fieldname).items() if v is not None
            ]
            facets[FACET_NAMES.get(fieldname, fieldname)] = [
                {"value": v, "count": n} for v, n in sorted(counts, key=lambda kv: (-kv[1], str(kv[0]))) if n
            ]
        return facets

    def _hit(self, index: LexicalIndex, c: Candidate, terms: QueryTerms, boilerplate: Boilerplate) -> Hit:
        return self._hit_at(index, c.position, c.score, terms, boilerplate)

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
        duplicates = (
            [
                Duplicate(
                    id=index.corpus.ids[p],
                    doc_id=m.get("doc_id", ""),
                    title=m.get("title", ""),
                    outlet=m.get("outlet"),
                    date=m.get("date"),
                    url=m.get("url"),
                )
                for p in index.corpus.groups.get(group, [])
                if p != position
                for m in [index.corpus.metas[p]]
            ]
            if group
            else []
        )
        return Hit(
            id=cid,
            doc_id=meta.get("doc_id", ""),
            title=meta.get("title", ""),
            text=text,
            snippet=snippet(text, terms or QueryTerms(), boilerplate if boilerplate is not None else ()),
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
            ocr_confidence=meta.get("ocr_confidence"),
        )

    # --- more like this ----------------------------------------------------------------------------------
    def similar(self, chunk_id: str, k: int = 5) -> list[Hit]:
        """Passages like this one from other documents (and not syndicated copies of it)."""
        check_k(k)
        rows = self.store.get_chunks([chunk_id], embeddings=True)
        if not rows:
            raise NotFound(f"no passage with id {chunk_id!r}", {"id": chunk_id})
        source = rows[0]
        meta = source["meta"]
        index = self.lexical.current()
        exclude_docs = {meta.get("doc_id"), meta.get("doc_dup_group")}
        seen_groups = {meta.get("dup_group")}
        hits = []
        for cid, sim in self.store.query(source["embedding"], k * 6 + 10):
            pos = index.corpus.position.get(cid)
            if pos is None:
                continue
            m = index.corpus.metas[pos]
            if m.get("doc_id") in exclude_docs or m.get("doc_dup_group") in exclude_docs:
                continue
            if m.get("dup_group") in seen_groups:
                continue
            seen_groups.add(m.get("dup_group"))
            exclude_docs.add(m.get("doc_dup_group"))  # one passage per other article
            hits.append(self._hit_at(index, pos, sim))
            if len(hits) == k:
                break
        return hits


_services: dict[int, SearchService] = {}
_services_lock = threading.Lock()


def get_search_service(settings: Settings) -> SearchService:
    """One service per settings in a process (models and indexes are loaded once)."""
    key = hash(settings.model_dump_json())
    with _services_lock:
        if key not in _services:
            _services[key] = SearchService(settings)
        return _services[key]
