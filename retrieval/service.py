"""The one search service used by the CLI, the API and the site: a request checked, its query read, and the
search assembled from its stages (retrieval/stages.py).

query -> analysis -> lexical (BM25) + dense candidates -> weighted fusion, by rank or score (+ city and area
boosts) -> filters -> duplicate collapse -> per-document diversity -> facets -> page -> snippets + answer.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from lgnet.config import Settings
from lgnet.embedders import Embedder, get_embedder, limit_blas_threads
from lgnet.errors import InvalidRequest, NotFound
from lgnet.gazetteer import Gazetteer
from lgnet.store import Store
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold
from retrieval.analysis import STOP, Concept, ParsedQuery, QueryAnalyzer, get_analyzer
from retrieval.answer import best_answer
from retrieval.bounds import check_k, check_page, check_query
from retrieval.candidates import Candidates, date_ranks, document_codes, facet_table, places_first
from retrieval.dictionary import language_words
from retrieval.filters import FilterVocabulary, SearchFilters
from retrieval.lexical import LexicalIndex
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.memo import Lru, PerObject
from retrieval.models import FACET_FIELDS, Hit, SearchRequest, SearchResult
from retrieval.places import in_places, warm_up_documents
from retrieval.rerank import Reranker, Signals, warm_up_titles
from retrieval.sentence_stems import PASSAGES, passage_sentences
from retrieval.sentences import boilerplate_of
from retrieval.snippets import warm_up_phrases
from retrieval.spelling import Vocabulary, vocabulary_of
from retrieval.stages import RECENT_VECTORS, SearchStages, _Ranked, group_codes, reordered
from retrieval.terms import QueryTerms, query_terms, warm_up_terms
from retrieval.within_document import document_words, documents, order_within_documents
from retrieval.word_translation import (
    WordTable,
    WordVectors,
    english_index_words,
    index_words,
    translatable,
    weighed,
)

# Searched at warm-up: Italian with a figure asked, a typo and a city; English (translated into the Italian
# passages). Their results are thrown away: they only make what every first search would make.
WARM_UP_QUERIES = ("quante famiglie hanno trovato un alogio a Torino", "how many migrants found work in Bari")


class SearchService(SearchStages):
    def __init__(self, settings: Settings, embedder: Embedder | None = None, store: Store | None = None) -> None:
        self.settings = settings
        # The search's own BLAS work (the dense products) gets the settings' thread budget even with an embedder
        # given (the bench's stand-in): OpenBLAS's default threads spin-wait for each other on a loaded machine,
        # 0.4 -> 20 ms a search's product at 1k passages, load 9 (get_embedder caps them for its model only).
        limit_blas_threads(settings.threads)
        self.embedder = embedder or get_embedder(settings.embedding_model, settings.threads)
        self.store = store or Store(settings, self.embedder.name, self.embedder.dim)
        self.lexical = LexicalIndexManager(self.store, settings.lexical_dir)
        self.analyzer = QueryAnalyzer()
        self.gazetteer = Gazetteer.default()
        self.taxonomy = Taxonomy.default()
        self.filter_vocabulary = FilterVocabulary(self.gazetteer, tuple(self.taxonomy.codes))
        self.reranker = Reranker.default()
        self._warm = False
        self._frozen_for: weakref.ref[LexicalIndex] | None = None  # the index gc.freeze kept warm-up's objects for
        # the serial of the last index `_derive` made everything for (a number, not the index: the old index is
        # gone by the time the next one is prepared, and a dead reference made `prepare` derive 16,384 passages)
        self._prepared: int | None = None
        self._prepare_lock = threading.Lock()
        self._vectors: Lru[str, np.ndarray] = Lru(max(RECENT_VECTORS, settings.query_memo_size))
        self._ahead = {}
        self._ahead_lock = threading.Lock()
        # each query's parse and terms, per index (they read its vocabulary, IDF and cities)
        self._readings: PerObject[str, tuple[ParsedQuery, QueryTerms]] = PerObject(settings.query_memo_size)
        # English query words and the index's Italian words; a query's words embedded beside the query's own call
        # when two of the settings' BLAS threads fit the machine's cores
        self.words = WordVectors(self.embedder.embed, parallel=2 * settings.threads <= (os.cpu_count() or 1))
        self.store.follow(self.prepare)  # a change written in this process prepares the next index at once

    def warm_up(self) -> None:
        """Load what the first search needs: the model (and one query through it), the lexical index."""
        self.embedder.warm_up()
        self.embedder.embed(["avvio"])
        self.gazetteer.warm_up()
        self.analyzer.places.warm_up()
        index = self.lexical.current()
        if index.corpus.ids:
            self._derive(index, range(min(PASSAGES, len(index.corpus.ids))))
            if len(index.corpus.ids) <= PASSAGES:  # every term's postings, as the passages' sentences: read now
                index.bm25.warm_up()
            warm_up_documents(index, self.gazetteer)  # the cities of documents filed without one
            # What a first search still made on its own (the per-value positions of the passages' languages, the
            # spelling's trigram index, library code run once): 56 ms of the first query's 64 ms at 10k passages.
            for q in WARM_UP_QUERIES:
                self.search(SearchRequest(q=q))
        language_words()
        alternatives = self.analyzer.thesaurus.alternatives.values()
        warm_up_phrases(fold(a) for alts in alternatives for a in alts if " " in a)  # the snippets' patterns
        warm_up_terms(a for alts in alternatives for a in alts)  # the alternatives' stems, as the terms read them
        # The warm-up made most of the process's long-lived objects: collected now, the collector's full pass
        # (0.1-0.2 s at 1k passages, more above) does not fall on one of the first searches.
        gc.collect()
        # ... and left out of the collector's later full passes (gc.freeze): those scanned all of it, 150-180 ms
        # of CPU falling on whichever search triggered one (2 of 560 never-seen queries, 1k bench index). Thawed
        # when the index changes (`_thaw`): a cycle among the old index's objects is then freed as before.
        gc.freeze()
        self._frozen_for = weakref.ref(index)
        self._prepared = index.serial
        self._warm = True

    def prepare(self) -> None:
        """Bring the lexical index up to the store's revision and make what the first search on it would make
        (the structures `_derive` lists, for the passages that changed): called by the store after a change
        written in this process (`Store.follow`, in the writer's thread) and by a served process's refresher
        for a change made elsewhere (retrieval/freshness.py), so the first search after a change is a normal
        search. Nothing before `warm_up`: a service never warmed makes everything on its first search anyway."""
        if not self._warm:
            return
        index = self.lexical.current()
        self._thaw(index)
        with self._prepare_lock:
            if self._prepared == index.serial:
                return
            moved = index.moved
            if self._prepared is not None and moved is not None and moved[0] == self._prepared:
                positions: Iterable[int] = moved[2].tolist()  # the passages added or changed by this change
            else:
                positions = range(min(PASSAGES, len(index.corpus.ids)))
            if index.corpus.ids:
                self._derive(index, positions)
            self._prepared = index.serial

    def _derive(self, index: LexicalIndex, positions: Iterable[int]) -> None:
        """What a search reads of an index besides its postings, made now (each is kept per index, and derived
        from the previous index's by the change alone): the place and phase masks, the spelling vocabulary,
        the boilerplate, the collapse's and diversity's codes, the date order, the facets' table, the dense
        sketch, and the sentences, their stems and boilerplate flags of the passages at `positions`."""
        for fieldname in ("city", "phase"):  # the masks a place or phase question reads
            index.values(fieldname)
        self.vocabulary(index)
        boilerplate = boilerplate_of(index)
        group_codes(index)  # the collapse's groups
        document_codes(index)  # the documents diversity counts, the date order, the facets' table
        date_ranks(index)
        # (not the cities of the documents filed without one, `warm_up_documents`: read afresh for every index,
        # 1.4 s at 10k passages, which a change would pay for what only a region question reads, as it did before)
        documents(index)  # each passage's document
        document_words(index)
        facet_table(index, FACET_FIELDS)
        self.word_table(index)  # the Italian words an English query's words are translated into
        self.words.vectors(english_index_words(self.vocabulary(index).freq, STOP))  # and its English words' vectors
        if index.vectors is not None:  # the dense search's sketch, above its exact size
            index.vectors.warm_up(self.settings.dense_exact_up_to)
        # each passage's sentences, their stems (and all of them as one set, which the reranker and the
        # within-document order test the query against) and which are boilerplate: a cold query's reranker and
        # snippets then split, stem, make sets and look for city names in nothing
        ids, texts, metas = index.corpus.ids, index.corpus.texts, index.corpus.metas
        titles = []
        for p in positions:
            passage_sentences(texts[p]).all_stems  # noqa: B018 - made now, frozen with the rest at warm-up
            boilerplate.sentence_flags(ids[p], texts[p])
            titles.append(metas[p].get("title", ""))
        warm_up_titles(dict.fromkeys(titles))  # and the stems of their titles (one of the reranker's features)

    def _thaw(self, index: LexicalIndex) -> None:
        """Give the objects frozen at warm-up back to the collector once the index they were made for is gone."""
        if self._frozen_for is not None and self._frozen_for() is not index:
            self._frozen_for = None
            gc.unfreeze()

    def is_warm(self) -> bool:
        """True once `warm_up` has run: the first search will not load anything."""
        return self._warm and self.lexical.loaded()

    def vocabulary(self, index: LexicalIndex) -> Vocabulary:
        """The index's words (plus the thesaurus') for spelling corrections, built once per index."""
        return vocabulary_of(index, self.analyzer.thesaurus.words)

    def parse(self, q: str, index: LexicalIndex | None = None, embed_ahead: bool = False) -> ParsedQuery:
        """`embed_ahead`: what the dense leg embeds (the suggestion, else the query) is embedded as soon as it is
        known, while the rest is read (`SearchStages.embed_ahead`)."""
        index = index or self.lexical.current()
        parsed = self.analyzer.parse(
            q,
            vocabulary=lambda: self.vocabulary(index),
            known_stems=index.idf,
            known_cities=index.values("city"),
            searched=(lambda text: self.embed_ahead(text, lambda: True)) if embed_ahead else None,
        )
        if parsed.region_cities:  # of a region's comuni, those the index has passages about
            present = index.values("city")
            parsed.region_cities = [c for c in parsed.region_cities if c in present]
        if parsed.language == "en":
            self._translate_words(parsed, index)
        elif parsed.language == "it":
            self._related_words(parsed, index)
        return parsed

    def word_table(self, index: LexicalIndex) -> WordTable:
        """The index's Italian words and their vectors (retrieval/word_translation.py), made once per index."""
        return self.words.table(index, lambda: index_words(self.vocabulary(index).freq, STOP))

    def _related_words(self, parsed: ParsedQuery, index: LexicalIndex) -> None:
        """An Italian word the thesaurus has no alternative for gets the index's words nearest to it in the model's
        space, its own inflections left out, as synonyms (retrieval/word_translation.py)."""
        todo = [c for c in parsed.concepts if " " not in c.text and not c.alternatives and not c.literal]
        if not todo:
            return
        table = self.word_table(index)
        for concept in todo:
            concept.alternatives.extend(table.related(concept.text, _same_family))

    def _translate_words(self, parsed: ParsedQuery, index: LexicalIndex) -> None:
        """An English word the thesaurus has no alternative for gets its nearest Italian index word as one, counted
        as the glossary's translations are, at the weight of what it says of the question."""
        todo = [
            c
            for c in parsed.concepts
            if " " not in c.text
            and not c.alternatives
            and c.text not in parsed.names  # a city's or a region's name is the same in the index
            and translatable(c.text, STOP)
        ]
        if not todo:
            return
        words = [c.text for c in todo]
        table = self.word_table(index)
        query, nearest = self.words.beside(words, table, lambda: self.embed_query(parsed.suggestion or parsed.text))
        found = weighed(words, nearest, query)
        for concept in todo:
            if concept.text in found:
                italian, weight = found[concept.text]
                concept.alternatives.append(italian)
                parsed.translated[italian] = max(weight, parsed.translated.get(italian, 0.0))

    def read_query(self, q: str, index: LexicalIndex, embed_ahead: bool = False) -> tuple[ParsedQuery, QueryTerms]:
        """The query's parse and the terms ranking, snippets and the answer weigh, remembered per index for the
        same text asked again (shared: never edited)."""
        memo = self._readings.of(index)
        found = memo.get(q)
        if found is None:
            parsed = self.parse(q, index, embed_ahead)
            found = (parsed, query_terms(parsed, index.idf))
            memo.put(q, found)
        return found

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
        self._thaw(index)
        dense = request.mode != "lexical"
        if dense:  # what the dense leg embeds, unless the reading corrects it, while it is read
            self.embed_ahead(request.q, lambda: self.analyzer.spelt_right(request.q, self.vocabulary(index)))
        if request.understand:
            parsed, terms = self.read_query(request.q, index, embed_ahead=dense)
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
                ranked = Candidates.of(np.flatnonzero(mask) if mask is not None else [])
            t = time.perf_counter()
            collapsed = self._collapse(index, ranked)
            if request.sort == "date" or not parsed.text:
                collapsed = self._by_date(index, collapsed)
            else:
                if request.understand and request.rerank and not self.reranker.identity:
                    found = _Ranked(index, collapsed, signals, terms, boilerplate_of(index))
                    collapsed = self._rerank(found, self.reranker)
                collapsed = self.arrange(index, collapsed, terms, parsed, request.understand)
            facets = self._facets(index, collapsed)
        start = (request.page - 1) * request.k
        boilerplate = boilerplate_of(index)
        hits = [self._hit_at(index, p, sc, terms, boilerplate) for p, sc in collapsed.pairs(start, start + request.k)]
        timings["collapse_facets"] = time.perf_counter() - t
        t = time.perf_counter()
        places = parsed.cities or parsed.region_cities
        answer = best_answer(terms, hits[:3], boilerplate, places) if parsed.text and request.page == 1 else None
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

    def arrange(
        self, index: LexicalIndex, ranked: Candidates, terms: QueryTerms, parsed: ParsedQuery, understand: bool = True
    ) -> Candidates:
        """What follows the reranker: a document's passages in the order they say the query, per-document
        diversity, the places and phases the question names first. Tuning (`retrieval/tuning.py`) orders its
        candidates through it too, so the weights are chosen for the order the user sees."""
        if understand:  # a document's passage that says the query leads it
            ranked = order_within_documents(index, ranked, terms)
        ranked = self._diversify(index, ranked)
        phases = phases_first(index, parsed) if understand else []
        if phases:  # "la terza edizione" restricts as a place does
            ranked = places_first(ranked, index.mask("phase", phases))
        if understand and (parsed.regions or parsed.provinces):  # "in Sardegna": its passages first
            head = ranked.positions[:50].tolist()
            inside = in_places(index, head, parsed.regions, parsed.provinces, parsed.region_cities)
            ranked = places_first(ranked, inside)
        return ranked

    # --- the reranker (retrieval/rerank.py) ----------------------------------------------------------------
    def rerank_features(self, request: SearchRequest) -> RerankCase:
        """The fused candidates the reranker reweighs and their features, with what `arrange` needs to order
        them as a search would: what tuning (`retrieval/tuning.py`) reads."""
        filters = self.validate(request)
        index = self.lexical.current()
        parsed, terms = self.read_query(request.q, index)
        signals = Signals()
        if parsed.text:
            ranked = self._rank(index, parsed, request, filters, filters.mask(index), {}, signals)
        else:
            ranked = Candidates.of([])
        collapsed = self._collapse(index, ranked)
        found = _Ranked(index, collapsed, signals, terms, boilerplate_of(index))
        top = found.collapsed.take(slice(0, self.reranker.candidates))
        return RerankCase(index, collapsed, self._features(found, top), terms, parsed)

    def order_with(self, case: RerankCase, weights: np.ndarray, n: int = 10) -> list[int]:
        """The first `n` positions a search would show with the reranker at `weights` (as `search` orders)."""
        ranked = case.collapsed if len(case.rows) < 2 else reordered(case.collapsed, case.rows @ weights)
        return self.arrange(case.index, ranked, case.terms, case.parsed).positions[:n].tolist()

    # --- more like this ----------------------------------------------------------------------------------
    def similar(self, chunk_id: str, k: int = 5) -> list[Hit]:
        """Passages like this one from other documents (and not syndicated copies of it)."""
        check_k(k)
        index = self.lexical.current()
        at = index.corpus.position.get(chunk_id)
        if index.vectors is not None and at is not None:  # in memory (retrieval/vectors.py), exact
            meta = index.corpus.metas[at]
            found = [
                (index.corpus.ids[p], sim)
                for p, sim in index.vectors.nearest(
                    index.vectors.matrix[at],
                    k * 6 + 10,
                    exact_up_to=self.settings.dense_exact_up_to,
                    rescore=self.settings.dense_rescore,
                )
            ]
        else:
            rows = self.store.get_chunks([chunk_id], embeddings=True)
            if not rows:
                raise NotFound(f"no passage with id {chunk_id!r}", {"id": chunk_id})
            meta = rows[0]["meta"]
            found = self.store.query(rows[0]["embedding"], k * 6 + 10)
        exclude_docs = {meta.get("doc_id"), meta.get("doc_dup_group")}
        seen_groups = {meta.get("dup_group")}
        hits = []
        for cid, sim in found:
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


def phases_first(index: LexicalIndex, parsed: ParsedQuery) -> list[str]:
    """The phases whose passages a search shows first: those the query names (by name, edition or years), unless
    it names a city none of whose passages is of them. Then the years are the city's own project's ("Casa e
    mestiere Umbertide 2025-2027": a comune outside the network), not the network's phase, and putting the
    phase's passages first pushed the city's own document off the page."""
    phases = parsed.named_phases
    if phases and parsed.cities and not (index.mask("city", parsed.cities) & index.mask("phase", phases)).any():
        return []
    return phases


def _same_family(word: str, other: str) -> bool:
    """Whether two words share a stem (Italian or English): inflections of one word."""
    analyzer = get_analyzer()
    return not analyzer.word_stems(word).isdisjoint(analyzer.word_stems(other))


_services: dict[int, SearchService] = {}
_services_lock = threading.Lock()


@dataclass(frozen=True)
class RerankCase:
    """One query's candidates as the reranker meets them (`SearchService.rerank_features`)."""

    index: LexicalIndex
    collapsed: Candidates  # fused and collapsed, best first
    rows: np.ndarray  # the features of its first `Reranker.candidates`
    terms: QueryTerms
    parsed: ParsedQuery

    @property
    def positions(self) -> list[int]:
        return self.collapsed.positions[: len(self.rows)].tolist()


def get_search_service(settings: Settings) -> SearchService:
    """One service per settings in a process (models and indexes are loaded once)."""
    key = hash(settings.model_dump_json())
    with _services_lock:
        if key not in _services:
            _services[key] = SearchService(settings)
        return _services[key]
