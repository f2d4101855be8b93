"""Data functions for the pages that are not a search: documents, cities, intervention areas, the map.

Each returns a plain dict; the API renders it as JSON, the site as an HTML page or an htmx fragment.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from knowledge.partners import comparable_name, same_org
from knowledge.records import Passage, read_once
from lgnet.errors import NotFound
from lgnet.network import Network
from lgnet.practice import PracticeRecord, ProjectFacts
from retrieval.bounds import check_k, check_page
from retrieval.lexical import LexicalIndex
from retrieval.practices import card, get_catalogue
from retrieval.service import SearchService

_FORMAT_KEYS = ("format", "signed", "signers", "signed_at", "sender", "parent_doc_id", "attachment", "attachments")


def _documents(index: LexicalIndex) -> dict[str, dict]:
    """Document summaries from their passages' metadata, in corpus order (cached on the index)."""
    cached = getattr(index, "_documents", None)
    if cached is not None:
        return cached
    docs: dict[str, dict] = {}
    for cid, meta in zip(index.corpus.ids, index.corpus.metas, strict=True):
        doc_id = meta.get("doc_id", cid)
        if doc_id not in docs:
            docs[doc_id] = {
                "doc_id": doc_id,
                "title": meta.get("title", ""),
                "doc_type": meta.get("doc_type"),
                "phase": meta.get("phase"),
                "city": meta.get("city"),
                "date": meta.get("date"),
                "year": meta.get("year"),
                "outlet": meta.get("outlet"),
                "url": meta.get("url"),
                "source": meta.get("source"),
                "language": meta.get("language"),
                "category": meta.get("category"),
                "cities_mentioned": meta.get("cities_mentioned", []),
                "dup_group": meta.get("doc_dup_group"),
                "interventions": [],
                "passages": 0,
                # the file's format and provenance (ingest/readers): signed files, e-mails, OCR'd scans
                **{k: meta[k] for k in _FORMAT_KEYS if meta.get(k) is not None},
            }
        d = docs[doc_id]
        d["passages"] += 1
        if meta.get("ocr_confidence") is not None:  # the document's lowest passage confidence
            d["ocr_confidence"] = min(d.get("ocr_confidence", 100.0), meta["ocr_confidence"])
        d["interventions"] = sorted(set(d["interventions"]) | set(meta.get("interventions", [])))
    index._documents = docs  # type: ignore[attr-defined]  # (issue 12: the read model replaces this cache)
    return docs


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
    docs = [d for d in _documents(service.lexical.current()).values() if filters.matches(d)]
    docs.sort(key=lambda d: (d["date"] or "", d["doc_id"]), reverse=True)
    start = (page - 1) * k
    return {"total": len(docs), "page": page, "k": k, "documents": docs[start : start + k]}


def get_document(service: SearchService, doc_id: str, similar: int = 5) -> dict:
    index = service.lexical.current()
    docs = _documents(index)
    if doc_id not in docs:
        raise NotFound(f"no document with id {doc_id!r}", {"id": doc_id})
    summary = docs[doc_id]
    stored = service.store.get_doc(doc_id)
    chunks = [
        {
            "id": cid,
            "text": text,
            "char_start": meta.get("char_start"),
            "char_end": meta.get("char_end"),
            "page": meta.get("page"),
            "interventions": meta.get("interventions", []),
            "dup_group": meta.get("dup_group"),
            "ocr_confidence": meta.get("ocr_confidence"),
        }
        for cid, text, meta in zip(index.corpus.ids, index.corpus.texts, index.corpus.metas, strict=True)
        if meta.get("doc_id") == doc_id
    ]
    copies = [
        {k: d[k] for k in ("doc_id", "title", "outlet", "date", "url")}
        for d in docs.values()
        if summary["dup_group"] and d["dup_group"] == summary["dup_group"] and d["doc_id"] != doc_id
    ]
    similar_hits = service.similar(chunks[0]["id"], k=similar) if chunks and similar else []
    return {
        "document": {**summary, "text": stored["text"] if stored else "\n\n".join(c["text"] for c in chunks)},
        "chunks": chunks,
        "duplicates": copies,
        "similar": [h.to_dict() for h in similar_hits],
        "figures": _document_figures(service, {doc_id, *(c["doc_id"] for c in copies)}),
    }


def _document_figures(service: SearchService, doc_ids: set[str]) -> list[dict]:
    """The figures the practice records read from this document (or one of its copies), with their record."""
    catalogue = get_catalogue(service)
    figures, _ = _facts(catalogue.models(), catalogue.projects())
    return [f for f in figures if (f.get("source") or {}).get("doc_id") in doc_ids]


def document_file(service: SearchService, doc_id: str, roots: list[Path]) -> Path:
    """The original file of a document, only if it lies inside one of the allowed folders."""
    docs = _documents(service.lexical.current())
    if doc_id not in docs:
        raise NotFound(f"no document with id {doc_id!r}", {"id": doc_id})
    source = docs[doc_id]["source"] or ""
    for root in roots:
        root = root.resolve()
        candidate = (root.parent / source).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    raise NotFound(f"the original file of {doc_id!r} is not available", {"source": source})


def list_cities(service: SearchService) -> dict:
    """The network's cities (any phase, even before they have documents) and every other city with documents."""
    docs = _documents(service.lexical.current()).values()
    per_city: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for d in docs:
        if d["city"]:
            counts[d["city"]] += 1
            per_city[d["city"]].update(d["interventions"])
    network = Network.default()
    names = list(dict.fromkeys([*network.cities(), *sorted(counts)]))
    cities = []
    for name in names:
        c = service.gazetteer.get(name)
        if c is None:
            continue
        cities.append(
            {
                "name": c.name,
                "name_en": c.name_en,
                "region": c.region,
                "province": c.province_code,
                "lat": c.lat,
                "lon": c.lon,
                "phases": network.phases_of(c.name),
                "documents": counts.get(c.name, 0),
                "interventions": dict(per_city.get(c.name, {})),
            }
        )
    return {"cities": sorted(cities, key=lambda c: c["name"])}


def _read_once(index: LexicalIndex, keep) -> list[Passage]:
    """The passages `keep` accepts, one document per group of syndicated copies and one passage per group of
    near-identical passages: the same rule the practice records are read with."""
    corpus = index.corpus
    rows = zip(corpus.ids, corpus.texts, corpus.metas, strict=True)
    return read_once([Passage(cid, text, meta) for cid, text, meta in rows if keep(meta)])


def _facts(records: list[PracticeRecord], projects: list[ProjectFacts]) -> tuple[list[dict], list[dict]]:
    """The figures and partners of some records and project facts, each once, with the area and record it
    belongs to (area None: stated for the whole project in the city)."""
    figures: list[dict] = []
    partners: list[dict] = []
    names: list[str] = []
    seen: set[tuple] = set()
    items: list[PracticeRecord | ProjectFacts] = [*records, *projects]
    for item in items:
        area = getattr(item, "area", None)
        extra = {"area": area, "phase": item.phase, "practice": item.id if area else None}
        for f in item.figures:
            # A count stated for the whole project and again for one area is one fact: the area's.
            if (f.value, f.unit, item.phase) not in seen:
                seen.add((f.value, f.unit, item.phase))
                figures.append({**f.model_dump(mode="json"), **extra, "area": f.area or area})
        for p in item.partners:
            key = comparable_name(p.name)
            if not any(same_org(key, k) for k in names):
                names.append(key)
                partners.append({**p.model_dump(mode="json"), **extra})
    return figures, partners


def city_profile(service: SearchService, name: str) -> dict:
    """What a city did: its documents, passages by area, and its practice records with their figures,
    partners and periods (the catalogue's records: the same the API and the compare view show)."""
    city = service.gazetteer.get(name)
    if city is None:
        raise NotFound(f"unknown city {name!r}", {"allowed": service.allowed_values()["city"]})
    index = service.lexical.current()
    docs = [d for d in _documents(index).values() if d["city"] == city.name]
    docs.sort(key=lambda d: d["date"] or "")
    by_area: dict[str, list[dict]] = defaultdict(list)
    for p in _read_once(index, lambda m: m.get("city") == city.name):
        for area in p.meta.get("interventions", []):
            by_area[area].append(_passage(p.id, p.text, p.meta))
    catalogue = get_catalogue(service)
    records = [r for r in catalogue.models() if r.city == city.name]
    projects = catalogue.projects(city.name)
    figures, partners = _facts(records, projects)
    return {
        "city": {
            "name": city.name,
            "name_en": city.name_en,
            "region": city.region,
            "province": city.province_code,
            "phases": Network.default().phases_of(city.name),
            "lat": city.lat,
            "lon": city.lon,
        },
        "documents": docs,
        "interventions": {a: by_area[a] for a in service.taxonomy.codes if a in by_area},
        "practices": [{**card(r), "period": r.period.model_dump(mode="json")} for r in records],
        "projects": [
            p.model_dump(mode="json", include={"id", "phase", "period", "budget", "contacts"}) for p in projects
        ],  # fmt: skip
        "figures": figures,
        "partners": partners,
        "press": [d for d in docs if d["doc_type"] == "press_article"],
    }


def _passage(cid: str, text: str, meta: dict) -> dict:
    """A passage as the city and area pages list it, with what its citation needs."""
    return {
        "id": cid,
        "doc_id": meta.get("doc_id"),
        "title": meta.get("title"),
        "text": text[meta.get("header_end", 0) :].strip() or text,  # without the article's header
        "outlet": meta.get("outlet"),
        "date": meta.get("date"),
    }


def intervention_comparison(service: SearchService, code: str, per_city: int = 3) -> dict:
    """One intervention area across cities, side by side: each city's practice record (figures, partners,
    period) with a few of its passages. The rows are the compare view's records."""
    area = service.taxonomy.by_code.get(code)
    if area is None:
        raise NotFound(f"unknown intervention area {code!r}", {"allowed": service.taxonomy.codes})
    index = service.lexical.current()
    passages: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    for p in _read_once(index, lambda m: bool(m.get("city")) and code in m.get("interventions", [])):
        passages[(p.meta["city"], p.meta.get("phase"))].append(_passage(p.id, p.text, p.meta))
    catalogue = get_catalogue(service)
    rows = []
    for r in sorted((r for r in catalogue.models() if r.area == code), key=lambda r: (r.city, r.phase or "")):
        project = catalogue.project(r.city, r.phase)
        rows.append({
            "city": r.city,
            "phase": r.phase,
            "practice": r.id,
            "passages": passages.get((r.city, r.phase), [])[:per_city],
            "figures": [f.model_dump(mode="json") for f in r.figures],
            "partners": [p.model_dump(mode="json") for p in r.partners],
            "project_figures": [f.model_dump(mode="json") for f in project.figures] if project else [],
            "project_partners": [p.model_dump(mode="json") for p in project.partners] if project else [],
            "period": r.period.model_dump(mode="json"),
        })  # fmt: skip
    return {"area": {"code": area.code, "label_it": area.label_it, "label_en": area.label_en}, "cities": rows}
