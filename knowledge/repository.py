"""Practice records kept with the index: built at ingest for the (city, phase) groups that changed, stored in a
Chroma collection beside the passages of the same generation (`<generation>_records`: a rebuild fills its own,
published and dropped with its passages), loaded by every process that reads the index.

A group's fingerprint covers its passages (ids, content hashes, near-duplicate groups, city, phase, type) and
the programme boilerplate found in them; only groups whose fingerprint moved are rebuilt, groups that lost
all their passages are dropped. Because the records live in the store, several processes sharing a
`chroma run` server see the same records, and a killed run is repaired by the next refresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from knowledge.records import BOILERPLATE_CITIES, RECORD_TYPES, Passage, RecordBuilder, stated_period
from knowledge.sentences import clean, key, sentences
from lgnet.practice import PhaseFacts, PracticeRecord, ProjectFacts
from lgnet.store import Store

log = logging.getLogger(__name__)
SUFFIX = "records"
BUILDER_VERSION = "facts-11"  # bump when the rules change: every group is rebuilt once


@dataclass
class RefreshReport:
    groups: int = 0
    rebuilt: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    records: int = 0
    seconds: float = 0.0


@dataclass
class Snapshot:
    """Every record, project and phase as stored, with the records' embedded summaries (row i = records[i])."""

    records: list[PracticeRecord] = field(default_factory=list)
    projects: dict[str, ProjectFacts] = field(default_factory=dict)
    phases: dict[str, PhaseFacts] = field(default_factory=dict)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))
    groups: int = 0


def group_key(city: str | None, phase: str | None) -> str:
    return f"{city or ''}|{phase or ''}"


def summary_text(record: PracticeRecord) -> str:
    """What is embedded for a record: its title, city and summary."""
    return f"{record.title}. {record.city}. " + " ".join(s.text for s in record.summary)


class RecordRepository:
    def __init__(self, store: Store, builder: RecordBuilder | None = None) -> None:
        self.store = store
        self.builder = builder or RecordBuilder()

    def _suffix(self) -> str:
        """The records follow the store's generation like the passages: a rebuild writes its own collection,
        unseen until published (asked each time: a store follows the pointer when a rebuild is published)."""
        return self.store.generation_suffix(SUFFIX)

    # --- write side (ingest) -------------------------------------------------------------------------------
    def refresh(self, embedder) -> RefreshReport:
        """Rebuild the records of the groups whose passages changed since the last refresh."""
        started = time.perf_counter()
        report = RefreshReport()
        passages = [
            Passage(r["id"], r["text"], r["meta"])
            for r in self.store.iter_chunks()
            if r["meta"].get("doc_type") in RECORD_TYPES
        ]
        keys_of = {p.id: [key(s.text) for s in sentences(p.text, p.meta.get("header_end", 0))] for p in passages}
        cities: dict[str, set[str]] = defaultdict(set)
        for p in passages:
            if p.meta.get("city"):
                for k in keys_of[p.id]:
                    cities[k].add(p.meta["city"])
        boilerplate = {k for k, c in cities.items() if len(c) >= BOILERPLATE_CITIES}
        groups: dict[str, list[Passage]] = defaultdict(list)
        for p in passages:
            if p.meta.get("city") or p.meta.get("phase"):
                groups[group_key(p.meta.get("city"), p.meta.get("phase"))].append(p)
        stored = {
            row["meta"]["group"]: row["meta"].get("fingerprint")
            for row in self.store.aux_rows(self._suffix(), where={"kind": "group"})
        }
        report.groups = len(groups)
        for gkey, members in groups.items():
            fp = _fingerprint(members, boilerplate, keys_of)
            if stored.get(gkey) != fp:
                report.records += self._rebuild(gkey, members, boilerplate, fp, embedder)
                report.rebuilt.append(gkey)
        for gkey in set(stored) - set(groups):
            self.store.aux_delete(self._suffix(), where={"group": gkey})
            report.removed.append(gkey)
        report.seconds = time.perf_counter() - started
        if report.rebuilt or report.removed:
            log.info("practice records: %d groups rebuilt, %d removed in %.1fs", len(report.rebuilt),
                     len(report.removed), report.seconds)  # fmt: skip
        return report

    def _rebuild(self, gkey: str, members: list[Passage], boilerplate: set[str], fp: str, embedder) -> int:
        city, phase = gkey.split("|")
        phase_or_none = phase or None
        ids, texts, metas, vectors = [], [], [], []
        dim = embedder.dim
        blank = np.zeros(dim, dtype=np.float32)
        blank[0] = 1.0  # a unit vector: items that are not searched by meaning still need one
        if city:
            records, project = self.builder.build(city, phase_or_none, members, boilerplate)
            if records:
                found = np.asarray(embedder.embed([summary_text(r) for r in records]), dtype=np.float32)
                for r, v in zip(records, found, strict=True):
                    ids.append(f"record:{r.id}")
                    texts.append(r.model_dump_json())
                    metas.append({"kind": "record", "group": gkey, "city": city, "area": r.area, "phase": phase})
                    vectors.append(v)
            ids.append(f"project:{project.id}")
            texts.append(project.model_dump_json())
            metas.append({"kind": "project", "group": gkey, "city": city, "phase": phase})
            vectors.append(blank)
            n = len(records)
        else:
            ids.append(f"phase:{phase}")
            texts.append(self._phase(phase, members, boilerplate).model_dump_json())
            metas.append({"kind": "phase", "group": gkey, "phase": phase})
            vectors.append(blank)
            n = 0
        ids.append(f"group:{gkey}")
        texts.append(gkey)
        metas.append({"kind": "group", "group": gkey, "fingerprint": fp})
        vectors.append(blank)
        suffix = self._suffix()
        old = {row["id"] for row in self.store.aux_rows(suffix, where={"group": gkey})}
        # The new items first, then the stale ones out: a reader never sees the group empty.
        self.store.aux_upsert(suffix, ids, texts, np.stack(vectors), [{k: v for k, v in m.items() if v} for m in metas])
        self.store.aux_delete(suffix, ids=sorted(old - set(ids)) or None)
        return n

    def _phase(self, phase: str, members: list[Passage], boilerplate: set[str]) -> PhaseFacts:
        """A phase's years, as its programme documents (about no one city) state them."""
        from knowledge import mentions
        from knowledge.records import _Read

        found = []
        for p in members:
            for s in sentences(p.text, p.meta.get("header_end", 0)):
                body = clean(s.text)
                if key(body) not in boilerplate:
                    found += [(_Read(p, s, body, []), m) for m in mentions.periods(body)]
        return PhaseFacts(phase=phase, period=stated_period(found))

    # --- read side -----------------------------------------------------------------------------------------
    def has_records(self) -> bool:
        return any(True for _ in self.store.aux_rows(self._suffix(), where={"kind": "group"}))

    def load(self) -> Snapshot:
        snap = Snapshot()
        vectors = []
        for row in self.store.aux_rows(self._suffix(), embeddings=True):
            kind = row["meta"].get("kind")
            if kind == "record":
                snap.records.append(PracticeRecord.model_validate_json(row["text"]))
                vectors.append(row["embedding"])
            elif kind == "project":
                project = ProjectFacts.model_validate_json(row["text"])
                snap.projects[project.id] = project
            elif kind == "phase":
                facts = PhaseFacts.model_validate_json(row["text"])
                snap.phases[facts.phase] = facts
            elif kind == "group":
                snap.groups += 1
        order = sorted(range(len(snap.records)), key=lambda i: (snap.records[i].city, snap.records[i].phase or "",
                                                                snap.records[i].area))  # fmt: skip
        snap.records = [snap.records[i] for i in order]
        if vectors:
            snap.vectors = np.stack([vectors[i] for i in order]).astype(np.float32)
        dated: list[PracticeRecord | ProjectFacts] = [*snap.records, *snap.projects.values()]
        for item in dated:
            phase = snap.phases.get(item.phase or "")
            if item.period.basis is None and phase and phase.period.basis:
                item.period = phase.period.model_copy(update={"basis": "phase", "mentions": item.period.mentions})
        return snap


def _fingerprint(members: list[Passage], boilerplate: set[str], keys_of: dict[str, list[str]]) -> str:
    h = hashlib.sha1(BUILDER_VERSION.encode())
    fields = ("content_hash", "dup_group", "doc_dup_group", "dup_canonical", "city", "phase", "doc_type", "title",
              "date", "outlet", "interventions", "header_end")  # fmt: skip
    for p in sorted(members, key=lambda p: p.id):
        h.update(json.dumps([p.id, [p.meta.get(f) for f in fields]], default=str).encode())
        h.update(json.dumps(sorted({k for k in keys_of[p.id] if k in boilerplate})).encode())
    return h.hexdigest()
