"""Practice records, one per (city, intervention area, phase), built from the passages in the store.

Every field carries its source: the passage (`chunk_id`), its document (`doc_id`) and the offsets of the
sentence it was read from inside the passage. Built from the lexical index's copy of the collection (the
store's own texts and metadata) and rebuilt when the store revision moves.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold
from practices import extract
from retrieval.lexical import LexicalIndex

SUMMARY_SENTENCES = 3
MAX_ACTIVITIES = 8
BOILERPLATE_CITIES = 3  # a sentence found in the passages of this many cities describes the programme
_PRESS_TYPES = ("press_article", "project_sheet", "practice_report", "other")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def practice_id(city: str, area: str, phase: str | None) -> str:
    return f"{slug(city)}-{slug(area)}-{slug(phase or 'nd')}"


@dataclass
class Chunk:
    id: str
    text: str
    meta: dict
    sentences: list[extract.Sentence] = field(default_factory=list)


def _source(chunk: Chunk, start: int, end: int, quote: str) -> dict:
    return {"chunk_id": chunk.id, "doc_id": chunk.meta.get("doc_id"), "start": start, "end": end, "quote": quote}


def _key(sentence: str) -> str:
    return re.sub(r"\W+", " ", fold(extract.clean(sentence))).strip()


class RecordBuilder:
    """Turns the passages of a lexical index into practice records (plain dicts, JSON-ready)."""

    def __init__(self, taxonomy: Taxonomy | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        self.gazetteer = gazetteer or Gazetteer.default()

    def build(self, index: LexicalIndex) -> list[dict]:
        groups: dict[tuple[str, str | None], list[Chunk]] = defaultdict(list)
        seen: set[str] = set()
        documents: dict[str, dict] = {}
        sentence_cities: dict[str, set[str]] = defaultdict(set)
        order = sorted(
            range(len(index.corpus.ids)), key=lambda i: (not index.corpus.metas[i].get("dup_canonical", True), i)
        )
        for i in order:
            cid, text, meta = index.corpus.ids[i], index.corpus.texts[i], index.corpus.metas[i]
            city = meta.get("city")
            # Every copy is read: near-duplicate groups can join passages of different cities that share the
            # programme's boilerplate; the facts are deduplicated per record instead.
            if not city or cid in seen or meta.get("doc_type") not in _PRESS_TYPES:
                continue
            seen.add(cid)
            chunk = Chunk(cid, text, meta, extract.sentences(text))
            groups[(city, meta.get("phase"))].append(chunk)
            documents.setdefault(meta.get("doc_id"), _document(meta))
            for s in chunk.sentences:
                sentence_cities[_key(s.text)].add(city)
        boilerplate = {k for k, cities in sentence_cities.items() if len(cities) >= BOILERPLATE_CITIES}
        records = []
        for (city, phase), chunks in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            chunks.sort(key=lambda c: (c.meta.get("date") or "", c.meta.get("doc_id"), c.meta.get("chunk_index", 0)))
            records += self._city_records(city, phase, chunks, boilerplate, documents)
        return records

    # --- one city and phase ------------------------------------------------------------------------------
    def _city_records(
        self, city: str, phase: str | None, chunks: list[Chunk], boilerplate: set[str], documents: dict
    ) -> list[dict]:
        city_areas = [a for a in self.taxonomy.codes if any(a in c.meta.get("interventions", []) for c in chunks)]
        if not city_areas:
            city_areas = [self.taxonomy.codes[0]]
        facts: dict[str, dict[str, list]] = {a: defaultdict(list) for a in city_areas}
        for chunk in chunks:
            chunk_areas = [a for a in chunk.meta.get("interventions", []) if a in facts] or city_areas

            def areas_of(sentence: str, chunk_areas: list[str] = chunk_areas) -> list[str]:
                own = [a for a in self.taxonomy.classify(sentence) if a in facts]
                return own if 0 < len(own) < 3 else chunk_areas

            for s in chunk.sentences:
                if _key(s.text) in boilerplate:
                    continue
                body = extract.clean(s.text)
                for area in areas_of(body):
                    facts[area]["sentences"].append((chunk, s, body))
            for kind, items in (
                ("figures", extract.figures(chunk.text)),
                ("partners", extract.partners(chunk.text)),
                ("activities", extract.activities(chunk.text)),
                ("targets", extract.target_groups(chunk.text)),
                ("periods", extract.periods(chunk.text)),
            ):
                for item in items:
                    if _key(item.sentence) in boilerplate and kind != "partners":
                        continue
                    if kind == "partners":  # who worked "on the project in the city": every area of the city
                        targets = city_areas
                    else:
                        targets = chunk_areas if kind in ("figures", "periods") else areas_of(item.sentence)
                    for area in targets:
                        facts[area][kind].append((chunk, item))
        out = []
        for area in city_areas:
            f = facts[area]
            if not f["sentences"] and not f["figures"] and not f["partners"]:
                continue
            out.append(self._record(city, area, phase, f, documents))
        return out

    def _record(self, city: str, area: str, phase: str | None, f: dict, documents: dict) -> dict:
        label = self.taxonomy.by_code[area]
        figures = _unique_figures(f["figures"])
        partners = _unique_partners(f["partners"])
        activities = []
        for chunk, m in f["activities"]:
            if len(activities) < MAX_ACTIVITIES and all(_key(m.text) != _key(a["text"]) for a in activities):
                activities.append({"text": m.text, "source": _source(chunk, m.start, m.end, m.sentence)})
        targets: dict[str, dict] = {}
        for chunk, m in f["targets"]:
            if m.code not in targets:
                it, en = extract.TARGET_LABELS[m.code]
                targets[m.code] = {
                    "code": m.code, "label_it": it, "label_en": en, "text": m.text,
                    "source": _source(chunk, m.start, m.end, m.sentence),
                }  # fmt: skip
        summary = self._summary(city, area, f["sentences"])
        chunk_ids = list(dict.fromkeys(c.id for c, *_ in f["sentences"]))
        chunk_ids += [c.id for c, _ in f["figures"] + f["partners"] if c.id not in chunk_ids]
        doc_ids = list(dict.fromkeys(cid.rsplit(":", 1)[0] for cid in chunk_ids))
        doc_ids = [d for d in dict.fromkeys(documents_of(f)) if d in documents] or doc_ids
        sources = [documents[d] for d in doc_ids if d in documents]
        dates = sorted(s["date"] for s in sources if s.get("date"))
        period = {
            "start": dates[0] if dates else None,
            "end": dates[-1] if dates else None,
            "mentions": [
                {"code": m.code, "value": m.text, "source": _source(c, m.start, m.end, m.sentence)}
                for c, m in f["periods"]
            ][:5],
        }
        title_it = f"{label.label_it} a {city}" + (f" ({phase})" if phase else "")
        title_en = (
            f"{label.label_en} in {self.gazetteer.by_name[city].name_en if city in self.gazetteer.by_name else city}"
        )
        record = {
            "id": practice_id(city, area, phase),
            "title": title_it,
            "title_en": title_en + (f" ({phase})" if phase else ""),
            "city": city,
            "area": area,
            "area_label_it": label.label_it,
            "area_label_en": label.label_en,
            "areas": sorted({a for c, *_ in f["sentences"] for a in c.meta.get("interventions", [])}),
            "phase": phase,
            "summary": summary,
            "activities": activities,
            "target_groups": list(targets.values()),
            "figures": figures,
            "partners": partners,
            "period": period,
            "sources": sources,
            "passages": chunk_ids,
        }
        record["text"] = record_text(record)
        return record

    def _summary(self, city: str, area: str, sentences: list[tuple]) -> list[dict]:
        """The sentences that say most about this area in this city: area terms, figures, the city named;
        quotes and very long or very short sentences count less."""
        scored = []
        city_forms = [fold(f) for f in self.gazetteer.by_name[city].forms] if city in self.gazetteer.by_name else []
        seen: set[str] = set()
        for position, (chunk, s, body) in enumerate(sentences):
            key = _key(body)
            if key in seen or len(body) < 40:
                continue
            seen.add(key)
            counts = self.taxonomy.counts(body)
            score = 2.0 * counts.get(area, 0) + 0.5 * sum(counts.values())
            score += 1.5 * bool(extract.figures(body)) + 1.0 * bool(extract._ACTIVITY.search(body))
            score += 0.5 * any(f in fold(body) for f in city_forms)
            score -= 1.5 * body.startswith(("«", '"', "“")) + 1.0 * (len(body) > 600)
            scored.append((score, position, chunk, s, body))
        best = sorted(scored, key=lambda t: (-t[0], t[1]))[:SUMMARY_SENTENCES]
        best.sort(key=lambda t: t[1])
        return [{"text": body, "source": _source(chunk, s.start, s.end, body)} for _, _, chunk, s, body in best]


def documents_of(f: dict) -> list[str]:
    ids = [c.meta.get("doc_id") for c, *_ in f["sentences"]]
    ids += [c.meta.get("doc_id") for kind in ("figures", "partners") for c, _ in f[kind]]
    return ids


def _document(meta: dict) -> dict:
    return {k: meta.get(k) for k in ("doc_id", "title", "doc_type", "outlet", "date", "url", "source", "page")}


def _unique_figures(items: list[tuple]) -> list[dict]:
    out: dict[tuple[float, str], dict] = {}
    for chunk, fig in items:
        key = (fig.value, fig.unit)
        if key in out:
            out[key]["also_in"] = out[key].get("also_in", 0) + (chunk.id != out[key]["source"]["chunk_id"])
            continue
        it, en = extract.UNIT_LABELS[fig.unit]
        value = int(fig.value) if fig.value == int(fig.value) else fig.value
        out[key] = {
            "value": value, "unit": fig.unit, "unit_label_it": it, "unit_label_en": en, "text": fig.text,
            "source": _source(chunk, fig.start, fig.end, fig.sentence), "also_in": 0,
        }  # fmt: skip
    return list(out.values())


def _unique_partners(items: list[tuple]) -> list[dict]:
    """One entry per organisation; spelling variants of syndicated copies ('Stimate'/'Stimmate') merge."""
    out: list[dict] = []
    keys: list[str] = []
    for chunk, p in items:
        key = extract.comparable_name(p.name)
        same = next((i for i, k in enumerate(keys) if _same_org(k, key)), None)
        if same is not None:
            if len(key) > len(keys[same]):  # "FILEF" then "FILEF Federazione ...": keep the full name
                keys[same] = key
                out[same] = {"name": p.name, "source": _source(chunk, p.start, p.end, p.sentence)}
            continue
        keys.append(key)
        out.append({"name": p.name, "source": _source(chunk, p.start, p.end, p.sentence)})
    return out


def _same_org(a: str, b: str) -> bool:
    return (
        a == b or a.startswith(b + " ") or b.startswith(a + " ") or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9
    )


def record_text(record: dict) -> str:
    """What lexical search reads of a record."""
    parts = [record["title"], record["title_en"], record["city"], record["area_label_it"], record["area_label_en"]]
    parts += [s["text"] for s in record["summary"]] + [a["text"] for a in record["activities"]]
    parts += [p["name"] for p in record["partners"]] + [t["label_it"] for t in record["target_groups"]]
    parts += [f"{f['value']} {f['unit_label_it']}" for f in record["figures"]]
    return "\n".join(parts)


class RecordCache:
    """Records of the current index, rebuilt when the store revision (the lexical index) changes."""

    def __init__(self, builder: RecordBuilder | None = None) -> None:
        self.builder = builder or RecordBuilder()
        self._revision: object = None
        self._records: list[dict] = []
        self._lock = threading.Lock()

    def get(self, index: LexicalIndex) -> tuple[list[dict], bool]:
        """(records, rebuilt?)."""
        key = (index.revision, id(index))
        if self._revision == key:
            return self._records, False
        with self._lock:
            if self._revision != key:
                self._records = self.builder.build(index)
                self._revision = key
                return self._records, True
        return self._records, False


def stats(records: list[dict]) -> dict:
    return {
        "records": len(records),
        "cities": len({r["city"] for r in records}),
        "figures": sum(len(r["figures"]) for r in records),
        "partners": sum(len(r["partners"]) for r in records),
        "areas": dict(Counter(r["area"] for r in records)),
    }
