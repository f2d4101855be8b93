"""The practice catalogue: records of the current index, searchable and facetable like passages.

Search fuses a lexical match on the record's text (the same stemming analyzer as passage search) with the
cosine similarity of the query to the record's embedded summary (the service's own embedder), by reciprocal
rank. Filters: city (any of its names), area, phase. Records and their vectors are rebuilt when the store
revision moves.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections import Counter

import numpy as np

from lgnet.errors import InvalidRequest, NotFound
from practices.records import RecordCache
from retrieval.analysis import get_analyzer
from retrieval.bounds import MAX_K, MAX_QUERY_CHARS
from retrieval.service import SearchService

RRF_K = 20
FACETS = ("city", "area", "phase")
TABLE_COLUMNS = ("id", "title", "city", "area", "phase", "summary", "activities", "target_groups", "figures",
                 "partners", "period_start", "period_end", "sources")  # fmt: skip


class PracticeCatalogue:
    def __init__(self, service: SearchService) -> None:
        self.service = service
        self.cache = RecordCache()
        self._vectors: np.ndarray | None = None
        self._tokens: list[set[str]] = []
        self._idf: dict[str, float] = {}
        self._lock = threading.Lock()

    # --- records -----------------------------------------------------------------------------------------
    def records(self) -> list[dict]:
        records, rebuilt = self.cache.get(self.service.lexical.current())
        if rebuilt or self._vectors is None or len(self._tokens) != len(records):
            self._index(records)
        return records

    def _index(self, records: list[dict]) -> None:
        with self._lock:
            analyzer = get_analyzer()
            tokens = [set(analyzer.tokens(r["text"])) | set(analyzer.tokens(r["text"], "en")) for r in records]
            df = Counter(t for ts in tokens for t in ts)
            n = max(len(records), 1)
            self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
            texts = [f"{r['title']}. {r['city']}. " + " ".join(s["text"] for s in r["summary"]) for r in records]
            vectors = self.service.embedder.embed(texts) if texts else np.zeros((0, self.service.embedder.dim))
            self._tokens, self._vectors = tokens, np.asarray(vectors, dtype=np.float32)

    def get(self, practice_id: str) -> dict:
        for r in self.records():
            if r["id"] == practice_id:
                return r
        raise NotFound(f"no practice with id {practice_id!r}", {"id": practice_id})

    # --- search ------------------------------------------------------------------------------------------
    def _validate(self, q: str, city: list[str], area: list[str], phase: list[str], page: int, k: int) -> list[str]:
        if len(q) > MAX_QUERY_CHARS:
            raise InvalidRequest(f"query longer than {MAX_QUERY_CHARS} characters", {"max": MAX_QUERY_CHARS})
        if not 1 <= k <= MAX_K or not 1 <= page <= 1000:
            raise InvalidRequest(f"k must be 1-{MAX_K} and page 1-1000", {"k": k, "page": page})
        allowed = self.service.allowed_values()
        cities = []
        for name in city:
            found = self.service.gazetteer.get(name)
            if found is None:
                raise InvalidRequest(f"unknown city {name!r}", {"field": "city", "allowed": allowed["city"]})
            cities.append(found.name)
        for field, values, ok in (("area", area, allowed["intervention"]), ("phase", phase, allowed["phase"])):
            for v in values:
                if v not in ok:
                    raise InvalidRequest(f"unknown {field} {v!r}", {"field": field, "allowed": ok})
        return cities

    def search(
        self,
        q: str = "",
        city: list[str] | None = None,
        area: list[str] | None = None,
        phase: list[str] | None = None,
        page: int = 1,
        k: int = 20,
    ) -> dict:
        city, area, phase = city or [], area or [], phase or []
        city = self._validate(q, city, area, phase, page, k)
        records = self.records()
        q = q.strip()
        scores = self._scores(q, records) if q else None
        positions = [
            i
            for i, r in enumerate(records)
            if (not city or r["city"] in city)
            and (not area or r["area"] in area)
            and (not phase or r["phase"] in phase)
            and (scores is None or scores[i] > 0)
        ]
        if scores is not None:
            positions.sort(key=lambda i: -scores[i])
        facets = {
            name: [{"value": v, "count": c} for v, c in Counter(records[i][name] for i in positions).most_common()]
            for name in FACETS
        }
        start = (page - 1) * k
        results = [
            {**_card(records[i]), "score": round(float(scores[i]), 6) if scores is not None else 0.0}
            for i in positions[start : start + k]
        ]
        return {"query": q, "total": len(positions), "page": page, "k": k, "results": results, "facets": facets}

    def _scores(self, q: str, records: list[dict]) -> np.ndarray:
        """Reciprocal-rank fusion of the lexical and the dense ranking; a record matching neither scores 0."""
        stems = set(get_analyzer().query_tokens(q))
        lexical = np.array([sum(self._idf.get(t, 0.0) for t in stems & ts) for ts in self._tokens], dtype=np.float32)
        query_vec = self.service.embedder.embed([q])[0]
        dense = self._vectors @ query_vec if len(records) else np.zeros(0)
        fused = np.zeros(len(records), dtype=np.float32)
        for ranking, mask in ((lexical, lexical > 0), (dense, dense >= self.service.settings.dense_min_similarity)):
            order = np.argsort(-ranking, kind="stable")
            for rank, i in enumerate(order):
                if mask[i]:
                    fused[i] += 1.0 / (RRF_K + rank + 1)
        return fused

    def similar(self, practice_id: str, k: int = 5) -> list[dict]:
        """The nearest practices of other cities (embedded summaries; the same area first on ties)."""
        if not 1 <= k <= MAX_K:
            raise InvalidRequest(f"k must be between 1 and {MAX_K}", {"k": k})
        record = self.get(practice_id)
        records = self.records()
        i = next(j for j, r in enumerate(records) if r["id"] == practice_id)
        sims = self._vectors @ self._vectors[i]
        others = [j for j in range(len(records)) if records[j]["city"] != record["city"]]
        others.sort(key=lambda j: (-(float(sims[j]) + 0.05 * (records[j]["area"] == record["area"])), j))
        return [{**_card(records[j]), "score": round(float(sims[j]), 6)} for j in others[:k]]

    def compare(self, area: str, phase: str | None = None) -> dict:
        """One area across cities: each city's activities, figures and partners, with sources."""
        if area not in self.service.taxonomy.codes:
            raise NotFound(f"unknown intervention area {area!r}", {"allowed": self.service.taxonomy.codes})
        label = self.service.taxonomy.by_code[area]
        rows = [r for r in self.records() if r["area"] == area and (not phase or r["phase"] == phase)]
        rows.sort(key=lambda r: (r["city"], r["phase"] or ""))
        return {
            "area": {"code": area, "label_it": label.label_it, "label_en": label.label_en},
            "practices": [
                {k: r[k] for k in ("id", "title", "city", "phase", "activities", "figures", "partners", "summary")}
                for r in rows
            ],
        }

    def table(
        self, q: str = "", city: list[str] | None = None, area: list[str] | None = None, phase: list[str] | None = None
    ) -> list[dict]:
        """The practice table (open data): one flat row per matching record, facts joined, sources cited."""
        first = self.search(q, city, area, phase, page=1, k=MAX_K)
        ids = [r["id"] for r in first["results"]]
        for page in range(2, math.ceil(first["total"] / MAX_K) + 1):
            ids += [r["id"] for r in self.search(q, city, area, phase, page=page, k=MAX_K)["results"]]
        by_id = {r["id"]: r for r in self.records()}
        return [table_row(by_id[i]) for i in ids]


def _card(r: dict) -> dict:
    return {
        "id": r["id"],
        "title": r["title"],
        "title_en": r["title_en"],
        "city": r["city"],
        "area": r["area"],
        "phase": r["phase"],
        "summary": " ".join(s["text"] for s in r["summary"][:1]),
        "figures": [{"value": f["value"], "unit": f["unit"]} for f in r["figures"][:4]],
        "partners": [p["name"] for p in r["partners"][:4]],
        "sources": len(r["sources"]),
    }


def table_row(r: dict) -> dict:
    return {
        "id": r["id"],
        "title": r["title"],
        "city": r["city"],
        "area": r["area"],
        "phase": r["phase"] or "",
        "summary": " ".join(s["text"] for s in r["summary"]),
        "activities": " | ".join(a["text"] for a in r["activities"]),
        "target_groups": " | ".join(t["label_it"] for t in r["target_groups"]),
        "figures": " | ".join(f"{f['value']} {f['unit']}" for f in r["figures"]),
        "partners": " | ".join(p["name"] for p in r["partners"]),
        "period_start": r["period"]["start"] or "",
        "period_end": r["period"]["end"] or "",
        "sources": " | ".join(
            ", ".join(str(x) for x in (s.get("title"), s.get("outlet"), s.get("date"), s.get("url")) if x)
            for s in r["sources"]
        ),
    }


_CATALOGUES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CATALOGUES_LOCK = threading.Lock()


def get_catalogue(service: SearchService) -> PracticeCatalogue:
    """One catalogue per search service (records and vectors are built once per store revision)."""
    with _CATALOGUES_LOCK:
        catalogue = _CATALOGUES.get(service)
        if catalogue is None:
            catalogue = _CATALOGUES[service] = PracticeCatalogue(service)
        return catalogue
