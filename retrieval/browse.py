"""Data functions for the pages that are not a search: documents, cities, intervention areas, the map.

Each returns a plain dict; the API renders it as JSON, the site as an HTML page or an htmx fragment.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from lgnet.errors import InvalidRequest, NotFound
from lgnet.network import Network
from retrieval.facts import figures, partners
from retrieval.lexical import LexicalIndex
from retrieval.service import SearchService

NETWORK_ORGS = ("Associazione dei Comuni", "Fondazione Cittalia", "Fondazione Anci", "Cittalia")


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
    if not 1 <= k <= 100 or page < 1:
        raise InvalidRequest("k must be 1-100 and page at least 1", {"k": k, "page": page})
    if city:
        found = service.gazetteer.get(city)
        if not found:
            raise InvalidRequest(
                f"unknown city {city!r}", {"field": "city", "allowed": service.allowed_values()["city"]}
            )
        city = found.name
    allowed = service.allowed_values()
    for name, value in (("intervention", intervention), ("doc_type", doc_type), ("phase", phase)):
        if value and value not in allowed[name]:
            raise InvalidRequest(f"unknown {name} {value!r}", {"field": name, "allowed": allowed[name]})
    docs = [
        d
        for d in _documents(service.lexical.current()).values()
        if (not city or d["city"] == city)
        and (not intervention or intervention in d["interventions"])
        and (not doc_type or d["doc_type"] == doc_type)
        and (not phase or d["phase"] == phase)
        and (not year or d["year"] == year)
    ]
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
        "figures": [f.to_dict() for f in figures(stored["text"] if stored else "")],
    }


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


def city_profile(service: SearchService, name: str) -> dict:
    city = service.gazetteer.get(name)
    if city is None:
        raise NotFound(f"unknown city {name!r}", {"allowed": service.allowed_values()["city"]})
    index = service.lexical.current()
    docs = [d for d in _documents(index).values() if d["city"] == city.name]
    docs.sort(key=lambda d: d["date"] or "")
    by_area: dict[str, list[dict]] = defaultdict(list)
    seen_groups: set[str] = set()
    facts, partner_list = [], {}
    for cid, text, meta in zip(index.corpus.ids, index.corpus.texts, index.corpus.metas, strict=True):
        if meta.get("city") != city.name:
            continue
        group = meta.get("dup_group") or cid
        if group in seen_groups:
            continue  # syndicated copies say the same thing once
        seen_groups.add(group)
        passage = _passage(cid, text, meta)
        for area in meta.get("interventions", []):
            by_area[area].append(passage)
        for f in figures(text):
            if f.unit != "municipalities":
                facts.append({**f.to_dict(), "chunk_id": cid, "doc_id": meta.get("doc_id")})
        for org, sentence in partners(text):
            if not org.startswith(NETWORK_ORGS) and org not in partner_list:
                partner_list[org] = {
                    "name": org,
                    "sentence": sentence,
                    "chunk_id": cid,
                    "doc_id": meta.get("doc_id"),
                }
    unique_facts = list({(f["value"], f["unit"], f["sentence"]): f for f in facts}.values())
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
        "figures": unique_facts,
        "partners": list(partner_list.values()),
        "press": [d for d in docs if d["doc_type"] == "press_article"],
    }


def _passage(cid: str, text: str, meta: dict) -> dict:
    """A passage as the city and area pages list it, with what its citation needs."""
    return {
        "id": cid,
        "doc_id": meta.get("doc_id"),
        "title": meta.get("title"),
        "text": text,
        "outlet": meta.get("outlet"),
        "date": meta.get("date"),
    }


def intervention_comparison(service: SearchService, code: str, per_city: int = 3) -> dict:
    """One intervention area across cities, side by side: passages, figures and partners of each city."""
    area = service.taxonomy.by_code.get(code)
    if area is None:
        raise NotFound(f"unknown intervention area {code!r}", {"allowed": service.taxonomy.codes})
    index = service.lexical.current()
    rows: dict[str, dict] = {}
    seen: set[str] = set()
    for cid, text, meta in zip(index.corpus.ids, index.corpus.texts, index.corpus.metas, strict=True):
        city = meta.get("city")
        group = meta.get("dup_group") or cid
        if not city or code not in meta.get("interventions", []) or group in seen:
            continue
        seen.add(group)
        row = rows.setdefault(city, {"city": city, "passages": [], "figures": [], "partners": []})
        if len(row["passages"]) < per_city:
            row["passages"].append(_passage(cid, text, meta))
        row["figures"] += [{**f.to_dict(), "chunk_id": cid} for f in figures(text) if f.unit != "municipalities"]
        row["partners"] += [{"name": o, "chunk_id": cid} for o, _ in partners(text) if not o.startswith(NETWORK_ORGS)]
    for row in rows.values():
        row["figures"] = list({(f["value"], f["unit"]): f for f in row["figures"]}.values())
        row["partners"] = list({p["name"]: p for p in row["partners"]}.values())
    return {
        "area": {"code": area.code, "label_it": area.label_it, "label_en": area.label_en},
        "cities": sorted(rows.values(), key=lambda r: r["city"]),
    }
