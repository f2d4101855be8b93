"""The practice catalogue: the one read model of practice records, as every view shows them.

Records are built at ingest (knowledge.repository) and loaded here when the store revision moves; editors'
edits are applied on read. Search fuses a lexical match on the record's text (the passage analyzer) with the
cosine of the query to the record's embedded summary, by reciprocal rank. City pages, area pages, the compare
view, the catalogue, search cards and the API all read `PracticeCatalogue`, so no two views disagree.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge.edits import EditStore, apply_edits, validate_edit
from knowledge.repository import RecordRepository, Snapshot
from lgnet.domain import AreaRef, CompareRow, Comparison, FigureBrief, PracticeCard, ScoredCard, dump
from lgnet.errors import NotFound
from lgnet.practice import FieldEdit, PracticeRecord, ProjectFacts
from retrieval.analysis import get_analyzer
from retrieval.bounds import check_k, check_page, check_query
from retrieval.filters import NO_PHASE, SearchFilters
from retrieval.fusion import fuse_into, idf
from retrieval.service import SearchService

log = logging.getLogger(__name__)
RRF_K = 20
FACETS = ("city", "area", "phase")
TABLE_COLUMNS = ("id", "title", "city", "area", "phase", "summary", "activities", "target_groups", "figures",
                 "partners", "period_start", "period_end", "budget_total", "sources")  # fmt: skip


@dataclass
class _State:
    key: object = None
    records: list[PracticeRecord] = field(default_factory=list)
    by_id: dict[str, int] = field(default_factory=dict)
    projects: dict[str, ProjectFacts] = field(default_factory=dict)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))
    tokens: list[set[str]] = field(default_factory=list)
    idf: dict[str, float] = field(default_factory=dict)
    postings: dict[str, np.ndarray] = field(default_factory=dict)  # stem -> the records holding it
    cited_by: dict[str, list[str]] = field(default_factory=dict)  # passage id -> ids of the records citing it


class PracticeCatalogue:
    def __init__(self, service: SearchService) -> None:
        self.service = service
        self.repository = RecordRepository(service.store)
        self.edits = EditStore(service.store)
        self._state = _State()
        self._snapshot: tuple[str, Snapshot] | None = None
        self._lock = threading.Lock()

    # --- loading -------------------------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Load the records (and build them once if this index predates them)."""
        self._current()

    def follow_change(self) -> None:
        """The records of the store's new revision loaded now, if they were ever loaded (`Store.follow`)."""
        if self.loaded():
            self._current()

    def version(self) -> object:
        """The store revision and edits the records in memory are of: what a card shows changes with it."""
        return self._current().key

    def loaded(self) -> bool:
        """True once records are in memory: a catalogue call will not load them (until the store moves)."""
        return self._state.key is not None

    def _current(self) -> _State:
        revision = self.service.store.revision()
        key = (revision, self.edits.version())
        if self._state.key == key:
            return self._state
        with self._lock:
            if self._state.key != key:
                snapshot = self._load(revision)
                self._state = self._index(snapshot, key)
        return self._state

    def _load(self, revision: str) -> Snapshot:
        if self._snapshot and self._snapshot[0] == revision:
            return self._snapshot[1]
        snapshot = self.repository.load()
        if snapshot.groups == 0 and self.service.store.count():
            # An index ingested before records existed (or by a pipeline without the knowledge hook).
            log.info("practice records missing: building them once")
            self.repository.refresh(self.service.embedder)
            snapshot = self.repository.load()
        self._snapshot = (revision, snapshot)
        return snapshot

    def _index(self, snapshot: Snapshot, key: object) -> _State:
        edits: dict[str, list[FieldEdit]] = {}
        for e in self.edits.all():
            edits.setdefault(e.practice_id, []).append(e)
        records = [apply_edits(r, edits.get(r.id, [])) for r in snapshot.records]
        analyzer = get_analyzer()
        tokens = [set(analyzer.tokens(r.text)) | set(analyzer.tokens(r.text, "en")) for r in records]
        df = Counter(t for ts in tokens for t in ts)
        n = max(len(records), 1)
        weights = {t: idf(n, f) for t, f in df.items()}
        postings: dict[str, list[int]] = {}
        for i, ts in enumerate(tokens):
            for t in ts:
                postings.setdefault(t, []).append(i)
        return _State(key, records, {r.id: i for i, r in enumerate(records)}, snapshot.projects, snapshot.vectors,
                      tokens, weights, {t: np.array(at, dtype=np.int64) for t, at in postings.items()},
                      _cited_by(records))  # fmt: skip

    # --- records -------------------------------------------------------------------------------------------
    def models(self) -> list[PracticeRecord]:
        return self._current().records

    def cited_by(self) -> dict[str, list[str]]:
        """Passage id -> ids of the records whose fields cite it (computed once per store revision and edits)."""
        return self._current().cited_by

    def model(self, practice_id: str) -> PracticeRecord:
        state = self._current()
        i = state.by_id.get(practice_id)
        if i is None:
            raise NotFound(f"no practice with id {practice_id!r}", {"id": practice_id})
        return state.records[i]

    def get(self, practice_id: str) -> dict:
        record = self.model(practice_id)
        data = record.model_dump(mode="json")
        project = self.project(record.city, record.phase)
        data["project"] = project.model_dump(mode="json") if project else None
        return data

    def project(self, city: str, phase: str | None) -> ProjectFacts | None:
        from knowledge.record_fields import project_id

        return self._current().projects.get(project_id(city, phase))

    def projects(self, city: str | None = None) -> list[ProjectFacts]:
        return [p for p in self._current().projects.values() if city is None or p.city == city]

    # --- editorial review ------------------------------------------------------------------------------------
    def edit(self, practice_id: str, field: str, action: str, value: object, reason: str | None,
             editor: str | None = None) -> dict:  # fmt: skip
        self.model(practice_id)  # 404 before 422: the record must exist
        edit = self.edits.add(validate_edit(practice_id, field, action, value, reason, editor))
        return {"edit": edit.model_dump(mode="json"), "practice": self.get(practice_id)}

    def edits_of(self, practice_id: str) -> list[dict]:
        self.model(practice_id)
        return [e.model_dump(mode="json") for e in self.edits.of(practice_id)]

    # --- search ----------------------------------------------------------------------------------------------
    def matching(self, q: str = "", filters: SearchFilters | None = None) -> list[tuple[PracticeRecord, float]]:
        """Records matching a query and filters (parsed with `no_phase`), best first (all of them, by city,
        when there is no query): the one function search cards, the catalogue and the exports use."""
        check_query(q)
        filters = filters or SearchFilters()
        state = self._current()
        q = q.strip()
        scores = self._scores(q, state) if q else None
        if scores is None:
            return [(r, 0.0) for r in state.records if not filters or record_matches(filters, r)]
        scored = np.flatnonzero(scores > 0)
        if filters:  # the scored ones only (without filters every record passes)
            scored = scored[[record_matches(filters, state.records[i]) for i in scored.tolist()]]
        positions = scored[np.argsort(-scores[scored], kind="stable")]  # best first, ties in the records' order
        return [(state.records[i], s) for i, s in zip(positions.tolist(), scores[positions].tolist(), strict=True)]

    def search(self, q: str = "", filters: SearchFilters | None = None, page: int = 1, k: int = 20) -> dict:
        check_k(k)
        check_page(page)
        found = self.matching(q, filters)
        facets = {
            name: [{"value": v, "count": c} for v, c in Counter(_facet(r, name) for r, _ in found).most_common()]
            for name in FACETS
        }
        start = (page - 1) * k
        results = [dump(ScoredCard(**vars(card(r)), score=round(s, 6))) for r, s in found[start : start + k]]
        return {"query": q.strip(), "total": len(found), "page": page, "k": k, "results": results, "facets": facets}

    def _scores(self, q: str, state: _State) -> np.ndarray:
        """Reciprocal-rank fusion of the lexical and the dense ranking; a record matching neither scores 0."""
        n = len(state.records)
        lexical = _lexical(q, state)
        if n and state.vectors.shape[0] == n:
            dense = state.vectors @ np.asarray(self.service.embed_query(q), dtype=np.float32)
        else:
            dense = np.zeros(n, dtype=np.float32)
        fused = np.zeros(n, dtype=np.float64)  # `fuse` over arrays: no Python loop over every record
        present = np.zeros(n, dtype=bool)
        for ranking, keep in ((lexical, lexical > 0), (dense, dense >= self.service.settings.dense_min_similarity)):
            order = np.argsort(-ranking, kind="stable")
            order = order[keep[order]]
            fuse_into(fused, present, order, ranking[order].astype(np.float64), 1.0, "rrf", RRF_K)
        return fused.astype(np.float32)

    def similar(self, practice_id: str, k: int = 5) -> list[dict]:
        """The nearest practices of other cities (embedded summaries; the same area first on ties)."""
        check_k(k)
        record = self.model(practice_id)
        state = self._current()
        i = state.by_id[practice_id]
        if state.vectors.shape[0] != len(state.records):
            return []
        sims = state.vectors @ state.vectors[i]
        others = [j for j, r in enumerate(state.records) if r.city != record.city]
        others.sort(key=lambda j: (-(float(sims[j]) + 0.05 * (state.records[j].area == record.area)), j))
        return [dump(ScoredCard(**vars(card(state.records[j])), score=round(float(sims[j]), 6))) for j in others[:k]]

    def compare(self, area: str, phase: str | None = None) -> dict:
        return dump(self.comparison(area, phase))

    def comparison(self, area: str, phase: str | None = None) -> Comparison:
        """One area across cities: each city's record (activities, figures, partners, period, budget) beside the
        facts its documents state for the whole project there. The API's compare view and the site's area
        page both read it."""
        if area not in self.service.taxonomy.codes:
            raise NotFound(f"unknown intervention area {area!r}", {"allowed": self.service.taxonomy.codes})
        label = self.service.taxonomy.by_code[area]
        rows = [r for r in self.models() if r.area == area and (not phase or r.phase == phase)]
        rows.sort(key=lambda r: (r.city, r.phase or ""))
        out = []
        for r in rows:
            project = self.project(r.city, r.phase)
            out.append(CompareRow(
                id=r.id, title=r.title, city=r.city, phase=r.phase, activities=r.activities, figures=r.figures,
                partners=r.partners, summary=r.summary, period=r.period, budget=r.budget, review=r.review,
                project_figures=project.figures if project else [],
                project_partners=project.partners if project else [],
            ))  # fmt: skip
        return Comparison(area=AreaRef(code=area, label_it=label.label_it, label_en=label.label_en), practices=out)

    def table(self, q: str = "", filters: SearchFilters | None = None) -> list[dict]:
        """The practice table (open data): one flat row per matching record, facts joined, sources cited."""
        return [table_row(r) for r, _ in self.matching(q, filters)]


def _lexical(q: str, state: _State) -> np.ndarray:
    """Each record's sum of the IDF of the query stems its text holds, from the stems' postings (no pass in
    Python over every record)."""
    summed = np.zeros(len(state.records), dtype=np.float64)
    for t in set(get_analyzer().query_tokens(q)):
        at = state.postings.get(t)
        if at is not None:
            summed[at] += state.idf[t]
    return summed.astype(np.float32)


def record_matches(filters: SearchFilters, r: PracticeRecord) -> bool:
    """Whether a record passes the filters (a record has a city, an area and a phase; parse with `no_phase`)."""
    return filters.matches({"city": r.city, "interventions": [r.area], "phase": r.phase})


def _cited_by(records: list[PracticeRecord]) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for r in records:
        for chunk_id in dict.fromkeys(_chunk_ids(r.model_dump())):
            links.setdefault(chunk_id, []).append(r.id)
    return links


def _chunk_ids(value: Any) -> Iterator[str]:
    """Every passage id cited anywhere in a dumped record (fields carry `source: {chunk_id, ...}`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "chunk_id" and isinstance(item, str):
                yield item
            else:
                yield from _chunk_ids(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _chunk_ids(item)


def _facet(r: PracticeRecord, name: str) -> str:
    value = getattr(r, name)
    return value if value is not None else NO_PHASE


def card(r: PracticeRecord) -> PracticeCard:
    """A record as a search result card."""
    return PracticeCard(
        id=r.id,
        title=r.title,
        title_en=r.title_en,
        city=r.city,
        area=r.area,
        phase=r.phase,
        summary=" ".join(s.text for s in r.summary[:1]),
        figures=[FigureBrief(value=f.value, unit=f.unit, label=f.label) for f in r.figures[:4]],
        partners=[p.name for p in r.partners[:4]],
        sources=len(r.sources),
    )


def table_row(r: PracticeRecord) -> dict:
    total = r.budget.total
    return {
        "id": r.id,
        "title": r.title,
        "city": r.city,
        "area": r.area,
        "phase": r.phase or "",
        "summary": " ".join(s.text for s in r.summary),
        "activities": " | ".join(a.text for a in r.activities),
        "target_groups": " | ".join(t.label_it for t in r.target_groups),
        "figures": " | ".join(f"{f.value} {f.unit}" + (f" ({f.label})" if f.label else "") for f in r.figures),
        "partners": " | ".join(p.name for p in r.partners),
        "period_start": r.period.start or "",
        "period_end": r.period.end or "",
        "budget_total": f"{total.value:.2f} {total.currency}" if total else "",
        "sources": " | ".join(", ".join(str(x) for x in (s.title, s.outlet, s.date, s.url) if x) for s in r.sources),
    }


_CATALOGUES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CATALOGUES_LOCK = threading.Lock()


def get_catalogue(service: SearchService) -> PracticeCatalogue:
    """One catalogue per search service (records loaded once per store revision)."""
    with _CATALOGUES_LOCK:
        catalogue = _CATALOGUES.get(service)
        if catalogue is None:
            catalogue = _CATALOGUES[service] = PracticeCatalogue(service)
            # a change written in this process loads the records of the new revision in the writer's path (after the
            # search service's own preparation), not on the first search's cards: ~55 ms of CPU at 1k passages
            service.store.follow(catalogue.follow_change)
        return catalogue
