"""Data functions for the pages that are not a search: documents, cities, intervention areas, the map.

Each builds the typed records of lgnet/domain.py and returns them dumped to a plain dict: the API validates it
against its response models (the same records), the site renders it as an HTML page, an htmx fragment or JSON.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter, defaultdict
from pathlib import Path

from knowledge.documents import document_summaries
from knowledge.partners import comparable_name, same_org
from knowledge.records import Passage, read_once
from lgnet.domain import (
    City,
    CityInfo,
    CityPractice,
    CityProfile,
    DocumentCopy,
    DocumentPassage,
    DocumentSummary,
    DocumentText,
    FigureFact,
    PartnerFact,
    PassageExcerpt,
    ProjectBrief,
    dump,
)
from lgnet.errors import NotFound
from lgnet.network import Network
from lgnet.practice import PracticeRecord, ProjectFacts
from retrieval.bounds import check_k, check_page
from retrieval.lexical import LexicalIndex
from retrieval.practices import card, get_catalogue
from retrieval.service import SearchService
from retrieval.value_positions import values

_DOCUMENTS: weakref.WeakKeyDictionary[LexicalIndex, dict[str, DocumentSummary]] = weakref.WeakKeyDictionary()
_documents_lock = threading.Lock()


def documents(index: LexicalIndex) -> dict[str, DocumentSummary]:
    """The documents of an index (knowledge/documents.py), computed once per index: an index is replaced,
    never changed, when the store changes."""
    with _documents_lock:
        found = _DOCUMENTS.get(index)
        if found is None:
            found = _DOCUMENTS[index] = document_summaries(index.corpus.ids, index.corpus.metas)
        return found


def list_documents(
    service: SearchService,
    city: str | None = None,
    intervention: str | None = None,
    doc_type: str | None = None,
    phase: str | None = None,
    year: int | None = None,
    page: int = 1,
    k: int = 20,
) -> dict:
    check_k(k)
    check_page(page)
    filters = service.filters(
        {"city": city, "intervention": intervention, "doc_type": doc_type, "phase": phase, "year": year}
    )
    docs = [d for d in documents(service.lexical.current()).values() if filters.matches(vars(d))]
    docs.sort(key=lambda d: (d.date or "", d.doc_id), reverse=True)
    start = (page - 1) * k
    return {"total": len(docs), "page": page, "k": k, "documents": [dump(d) for d in docs[start : start + k]]}


def get_document(service: SearchService, doc_id: str, similar: int = 5) -> dict:
    index = service.lexical.current()
    docs = documents(index)
    if doc_id not in docs:
        raise NotFound(f"no document with id {doc_id!r}", {"id": doc_id})
    summary = docs[doc_id]
    stored = service.store.get_doc(doc_id)
    chunks = [
        DocumentPassage(
            id=cid,
            text=text,
            char_start=meta.get("char_start"),
            char_end=meta.get("char_end"),
            page=meta.get("page"),
            interventions=meta.get("interventions", []),
            dup_group=meta.get("dup_group"),
            ocr_confidence=meta.get("ocr_confidence"),
        )
        for cid, text, meta in zip(index.corpus.ids, index.corpus.texts, index.corpus.metas, strict=True)
        if meta.get("doc_id") == doc_id
    ]
    copies = [
        DocumentCopy(doc_id=d.doc_id, title=d.title, outlet=d.outlet, date=d.date, url=d.url)
        for d in docs.values()
        if summary.dup_group and d.dup_group == summary.dup_group and d.doc_id != doc_id
    ]
    text = stored["text"] if stored else "\n\n".join(c.text for c in chunks)
    similar_hits = service.similar(chunks[0].id, k=similar) if chunks and similar else []
    return {
        "document": dump(DocumentText(**vars(summary), text=text)),
        "chunks": [dump(c) for c in chunks],
        "duplicates": [dump(c) for c in copies],
        "similar": [h.to_dict() for h in similar_hits],
        "figures": [dump(f) for f in _document_figures(service, {doc_id, *(c.doc_id for c in copies)})],
    }


def _document_figures(service: SearchService, doc_ids: set[str]) -> list[FigureFact]:
    """The figures the practice records read from this document (or one of its copies), with their record."""
    catalogue = get_catalogue(service)
    figures, _ = _facts(catalogue.models(), catalogue.projects())
    return [f for f in figures if f.source is not None and f.source.doc_id in doc_ids]


def document_file(service: SearchService, doc_id: str, roots: list[Path]) -> Path:
    """The original file of a document, only if it lies inside one of the allowed folders."""
    docs = documents(service.lexical.current())
    if doc_id not in docs:
        raise NotFound(f"no document with id {doc_id!r}", {"id": doc_id})
    source = docs[doc_id].source or ""
    for root in roots:
        root = root.resolve()
        candidate = (root.parent / source).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    raise NotFound(f"the original file of {doc_id!r} is not available", {"source": source})


def list_cities(service: SearchService) -> dict:
    """The network's cities (any phase, even before they have documents) and every other city with documents,
    its own or one a part of which is about it (a review's article about it)."""
    per_city: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for d in documents(service.lexical.current()).values():
        for name in dict.fromkeys([*([d.city] if d.city else []), *d.section_cities]):
            counts[name] += 1
            if name == d.city:
                per_city[name].update(d.interventions)
    network = Network.default()
    names = list(dict.fromkeys([*network.cities(), *sorted(counts)]))
    cities = []
    for name in names:
        city = _city(service, name, network)
        if city is not None:
            info = CityInfo(**vars(city), documents=counts.get(city.name, 0), interventions=per_city.get(city.name, {}))
            cities.append(info)
    return {"cities": [dump(c) for c in sorted(cities, key=lambda c: c.name)]}


def _city(service: SearchService, name: str, network: Network) -> City | None:
    c = service.gazetteer.get(name)
    if c is None:
        return None
    return City(name=c.name, name_en=c.name_en, region=c.region, province=c.province_code,
                phases=network.phases_of(c.name), lat=c.lat, lon=c.lon)  # fmt: skip


def _read_once(index: LexicalIndex, keep) -> list[Passage]:
    """The passages `keep` accepts, one document per group of syndicated copies and one passage per group of
    near-identical passages: the same rule the practice records are read with."""
    corpus = index.corpus
    rows = zip(corpus.ids, corpus.texts, corpus.metas, strict=True)
    return read_once([Passage(cid, text, meta) for cid, text, meta in rows if keep(meta)])


def _facts(records: list[PracticeRecord], projects: list[ProjectFacts]) -> tuple[list[FigureFact], list[PartnerFact]]:
    """The figures and partners of some records and project facts, each once, with the area and record it
    belongs to (area None: stated for the whole project in the city)."""
    figures: list[FigureFact] = []
    partners: list[PartnerFact] = []
    names: list[str] = []
    seen: set[tuple] = set()
    items: list[PracticeRecord | ProjectFacts] = [*records, *projects]
    for item in items:
        area = getattr(item, "area", None)
        practice = item.id if area else None
        for f in item.figures:
            # A count stated for the whole project and again for one area is one fact: the area's.
            if (f.value, f.unit, item.phase) not in seen:
                seen.add((f.value, f.unit, item.phase))
                figures.append(FigureFact(**{**vars(f), "area": f.area or area}, phase=item.phase, practice=practice))
        for p in item.partners:
            key = comparable_name(p.name)
            if not any(same_org(key, k) for k in names):
                names.append(key)
                partners.append(PartnerFact(**vars(p), area=area, phase=item.phase, practice=practice))
    return figures, partners


def city_profile(service: SearchService, name: str) -> dict:
    """What a city did: its documents, passages by area, and its practice records with their figures,
    partners and periods (the catalogue's records: the same the API and the compare view show)."""
    city = _city(service, name, Network.default())
    if city is None:
        raise NotFound(f"unknown city {name!r}", {"allowed": service.allowed_values()["city"]})
    index = service.lexical.current()
    docs = sorted((d for d in documents(index).values() if d.city == city.name or city.name in d.section_cities),
                  key=lambda d: d.date or "")  # fmt: skip
    by_area: dict[str, list[PassageExcerpt]] = defaultdict(list)
    for p in _read_once(index, lambda m: city.name in values(m, "city")):
        for area in p.meta.get("interventions", []):
            by_area[area].append(_passage(p.id, p.text, p.meta))
    catalogue = get_catalogue(service)
    records = [r for r in catalogue.models() if r.city == city.name]
    projects = catalogue.projects(city.name)
    figures, partners = _facts(records, projects)
    profile = CityProfile(
        city=city,
        documents=docs,
        interventions={a: by_area[a] for a in service.taxonomy.codes if a in by_area},
        practices=[CityPractice(**vars(card(r)), period=r.period) for r in records],
        projects=[
            ProjectBrief(id=p.id, phase=p.phase, period=p.period, budget=p.budget, contacts=p.contacts)
            for p in projects
        ],
        figures=figures,
        partners=partners,
        press=[d for d in docs if d.doc_type == "press_article"],
    )
    return dump(profile)


def _passage(cid: str, text: str, meta: dict) -> PassageExcerpt:
    """A passage as the city and area pages list it, with what its citation needs."""
    return PassageExcerpt(
        id=cid,
        doc_id=meta.get("doc_id"),
        title=meta.get("title"),
        text=text[meta.get("header_end", 0) :].strip() or text,  # without the article's header
        outlet=meta.get("outlet"),
        date=meta.get("date"),
    )


def intervention_comparison(service: SearchService, code: str, per_city: int = 3) -> dict:
    """One intervention area across cities, side by side: the catalogue's comparison (each city's record
    with the facts its documents state for the whole project), with a few of each city's passages."""
    comparison = get_catalogue(service).comparison(code)
    index = service.lexical.current()
    passages: dict[tuple[str, str | None], list[PassageExcerpt]] = defaultdict(list)
    for p in _read_once(index, lambda m: bool(m.get("city")) and code in m.get("interventions", [])):
        passages[(p.meta["city"], p.meta.get("phase"))].append(_passage(p.id, p.text, p.meta))
    rows = []
    for r in comparison.practices:
        row = dump(r)
        rows.append({
            "city": r.city,
            "phase": r.phase,
            "practice": r.id,
            "passages": [dump(p) for p in passages.get((r.city, r.phase), [])[:per_city]],
            **{k: row[k] for k in ("figures", "partners", "project_figures", "project_partners", "period")},
        })  # fmt: skip
    return {"area": dump(comparison.area), "cities": rows}
