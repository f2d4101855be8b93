"""Practice records kept with the index: built at ingest for the (city, phase) groups that changed, stored in a
Chroma collection beside the passages of the same generation (`<generation>_records`: a rebuild fills its own,
published and dropped with its passages), loaded by every process that reads the index.

A group's fingerprint covers its passages (ids, content hashes, near-duplicate groups, city, phase, type) and
the programme boilerplate found in them; only groups whose fingerprint moved are rebuilt, groups that lost
all their passages are dropped. What the rules read in each passage (sentence keys, areas, counts, partners,
periods...) is kept per passage in the state file (`knowledge.readings`), and what each document gives each of its
groups (its part, `knowledge.doc_parts`) per document: a rebuilt group reads its unchanged documents' parts, reads
the changed ones' passages, and merges them (a city's group at 100k passages holds ~2-4k of them). A
phase's group about no city keeps its members' dated sentences in the state file (`knowledge.programme`): a
refresh combines them with those of its changed members, never reading the group again.
Because the records live in the store, several processes sharing a `chroma run` server see the same records,
and a killed run is repaired by the next refresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge.doc_parts import DocParts
from knowledge.group_reading import (
    GroupReader,
    city_keys_of,
    city_of,
    fingerprint,
    passage_groups,
    programme_boilerplate,
)
from knowledge.groupkeys import GroupKeys
from knowledge.programme import Programme, agreed_phases, dated, dated_keys, phase_facts, with_phase
from knowledge.readings import Readings
from knowledge.records import Passage, RecordBuilder
from knowledge.version import builder_version
from lgnet.practice import PhaseFacts, PracticeRecord, ProjectFacts
from lgnet.state import connect, read_changes, state_path
from lgnet.store import Store

log = logging.getLogger(__name__)
SUFFIX = "records"
KEYS = "recordkeys"  # where older code kept the refresh's bookkeeping (`knowledge.groupkeys`): imported once
WRITE_ITEMS = 2000  # rebuilt groups' items stored together (a whole refresh at 100k holds a few thousand)
LAYOUT = 3  # how the refresh keeps its state (2: city-less groups' members in the state file; 3: a passage in several
# groups, `knowledge.groupkeys`); moved: a whole refresh


@dataclass
class _Writes:
    """The items of the groups rebuilt and not yet stored."""

    groups: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    metas: list[dict] = field(default_factory=list)
    vectors: list[np.ndarray | None] = field(default_factory=list)  # None: a record's summary, embedded on writing
    summaries: list[str] = field(default_factory=list)  # what a record's vector embeds ("" for the other items)
    ids_set: set[str] = field(default_factory=set)
    embedder: Any = None  # what embeds the records' summaries

    def clear(self) -> None:
        for items in (self.groups, self.ids, self.texts, self.metas, self.vectors, self.summaries):
            items.clear()
        self.ids_set.clear()


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


def summary_text(record: PracticeRecord) -> str:
    """What is embedded for a record: its title, city and summary."""
    return f"{record.title}. {record.city}. " + " ".join(s.text for s in record.summary)


class RecordRepository:
    def __init__(self, store: Store, builder: RecordBuilder | None = None) -> None:
        self.store = store
        self.builder = builder or RecordBuilder()
        self.passages_read = 0  # read from the store by the last refresh (a group's unchanged members are kept rows)
        self.passages_parsed = 0  # by the last refresh: passages whose readings were not stored (new or changed)
        self.readings: Readings | None = None  # during a refresh: what the rules read of each passage
        self.programme: Programme | None = None  # during a refresh: the city-less groups' dated sentences
        self.group_keys: GroupKeys | None = None  # during a refresh: each group's members and keys, its state
        self.reader: GroupReader | None = None  # during a refresh: what it reads of the groups
        self.parts: DocParts | None = None  # during a refresh: each document's part of its groups, kept
        self.written: list[str] = []  # the items the last store of rebuilt groups wrote (those that changed)

    def _suffix(self) -> str:
        """The records follow the store's generation like the passages: a rebuild writes its own collection,
        unseen until published (asked each time: a store follows the pointer when a rebuild is published)."""
        return self.store.generation_suffix(SUFFIX)

    # --- write side (ingest) -------------------------------------------------------------------------------
    def refresh(self, embedder) -> RefreshReport:
        """Rebuild the records of the groups whose passages changed since the last refresh: only the groups the
        change log's passages were or are in (and those a programme sentence that changed status touches) are
        read; everything when there is no position in the log to start from (first refresh, a rebuild's new
        epoch, new rules)."""
        started = time.perf_counter()
        self.passages_read = self.passages_parsed = 0
        self.written = []
        conn = connect(state_path(self.store.settings.data_dir, self.store.generation))
        try:
            self.group_keys = GroupKeys(conn)
            state = self._state()
            epoch, last, changed = read_changes(conn, state["seq"] if state else 1 << 62)
            self.readings = self.builder.readings = Readings(conn, builder_version())
            self.programme = Programme(conn)
            self.reader = GroupReader(self.store, self.group_keys, self.readings, self.builder)
            self.parts = self.builder.parts = DocParts(conn, builder_version())
            if state and (state["epoch"], state["version"], state.get("layout")) == (epoch, builder_version(), LAYOUT) \
                    and state["seq"] <= last:  # fmt: skip
                report = self._refresh_changed(embedder, changed)
            else:
                report = self._refresh_all(embedder)
            self.readings.save()
            self.passages_parsed = self.readings.computed
            self._group_keys().save_state({"epoch": epoch, "seq": last, "version": builder_version(), "layout": LAYOUT})
        finally:
            self.builder.readings = None
            self.builder.parts = self.parts = None
            self.programme = None
            if self.reader is not None:
                self.passages_read = self.reader.passages_read
            self.reader = None
            self.group_keys = None
            conn.close()
        report.seconds = time.perf_counter() - started
        if report.rebuilt or report.removed:
            log.info("practice records: %d groups rebuilt, %d removed in %.1fs (%d passages read, %d parsed)",
                     len(report.rebuilt), len(report.removed), report.seconds, self.passages_read,
                     self.passages_parsed)  # fmt: skip
        return report

    def _refresh_all(self, embedder) -> RefreshReport:
        passages = self._reader().read(None)
        self._group_keys().put_rows(((p.id, p.text, p.meta) for p in passages), replace_all=True)
        groups: dict[str, list[Passage]] = defaultdict(list)
        for p in passages:
            for g in passage_groups(p):
                groups[g].append(p)
        keys_of = self._reader().stored_keys(passages)
        self._readings().keep_only(set(keys_of))
        self._parts().clear()
        keys_of, own = self._reader().member_keys({g: m for g, m in groups.items() if city_of(g)}, self._parts(),
                                                 keys_of)  # fmt: skip
        boilerplate = programme_boilerplate(city_keys_of(own))
        cityless = {g: groups.pop(g) for g in [g for g in groups if not city_of(g)]}
        self._programme().store([(g, p, self._dated(p)) for g, ms in cityless.items() for p in ms], replace_all=True)
        phases = self._phases(set(cityless), boilerplate)
        report = self._apply(groups, keys_of, own, boilerplate, embedder, removed=None, phases=phases)
        report.groups = len(groups) + len(cityless)
        return report

    def _refresh_changed(self, embedder, changed: list[str]) -> RefreshReport:
        """Only the groups the changed passages touch, with the programme boilerplate kept up to date from each
        group's stored sentence keys (a sentence becomes boilerplate in one city, and stops being it in another).
        A group about no city combines its stored members' dated sentences with its changed members'."""
        known = self._group_keys().keys()
        group_of = self._group_keys().groups_of(changed)  # a passage of a multi-comune document is in several
        for pid, gkey in self._programme().groups_of(changed).items():  # a city-less group's members are kept there
            group_of.setdefault(pid, set()).add(gkey)
        todo = {g for c in changed for g in group_of.get(c, ())}
        now_in: dict[str, list[str]] = {}  # changed passage -> its groups now
        fresh: dict[str, list[Passage]] = defaultdict(list)  # a city-less group's changed members, as they are now
        read: dict[str, Passage] = {}  # the changed passages, as they are now
        for p in self._reader().get(changed):
            read[p.id] = p
            now_in[p.id] = passage_groups(p)
            for gkey in now_in[p.id]:
                if not city_of(gkey):
                    fresh[gkey].append(p)
        # The kept rows follow the change (a passage in no group any more, or gone, is not kept).
        self._group_keys().put_rows((p.id, p.text, p.meta) for p in read.values() if now_in[p.id])
        self._group_keys().drop_rows([c for c in changed if not now_in.get(c)])
        todo |= {g for gs in now_in.values() for g in gs}
        self._readings().drop([c for c in changed if c not in now_in])  # passages gone
        before = programme_boilerplate(city_keys_of({g: k for g, k in known.items() if city_of(g)}))
        cityless = {g for g in todo if not city_of(g)}
        todo -= cityless
        groups: dict[str, list[Passage]] = {}
        keys_of: dict[str, list[str]] = {}
        while todo:
            found = self._reader().read_groups(todo, read, now_in)
            found_keys, own = self._reader().member_keys(found, self._parts())
            keys_of.update(found_keys)
            for gkey, members in found.items():
                groups[gkey] = members
                if members:
                    known[gkey] = own[gkey]
                else:
                    known.pop(gkey, None)
            moved = before ^ programme_boilerplate(city_keys_of({g: k for g, k in known.items() if city_of(g)}))
            todo = {g for g, keys in known.items() if city_of(g) and g not in groups and keys & moved}
        boilerplate = programme_boilerplate(city_keys_of({g: k for g, k in known.items() if city_of(g)}))
        # A city-less group: its changed members' rows rewritten; combined again when they changed or when one of
        # its dated sentences became or stopped being boilerplate.
        cityless |= {g for g, keys in known.items() if not city_of(g) and keys & (before ^ boilerplate)}
        members = [p for ps in fresh.values() for p in ps]
        self._reader().stored_keys(members)
        self._programme().store([(g, p, self._dated(p)) for g, ps in fresh.items() for p in ps], drop=changed)
        self._readings().save([p.id for p in members], release=True)
        phases = self._phases(cityless, boilerplate)
        for gkey in cityless:
            if gkey in phases:
                known[gkey] = phases[gkey][1]
            else:
                known.pop(gkey, None)
        report = self._apply({g: m for g, m in groups.items() if m}, keys_of, known, boilerplate, embedder,
                             removed=[g for g, m in groups.items() if not m] + [g for g in cityless if g not in phases],
                             phases=phases)  # fmt: skip
        report.groups = len(known)
        return report

    def _phases(self, gkeys: set[str], boilerplate: set[str]) -> dict[str, tuple[PhaseFacts, set[str]]]:
        """The facts of these city-less groups from their members' stored dated sentences, with those sentences'
        keys (a group with no member left is not among them)."""
        out = {}
        for gkey in sorted(gkeys):
            if self._programme().has_members(gkey):
                members = self._programme().members(gkey)
                out[gkey] = (phase_facts(gkey.split("|")[1], members, boilerplate), dated_keys(members))
        return out

    def _apply(
        self,
        groups: dict[str, list[Passage]],
        keys_of: dict[str, list[str]],
        own: dict[str, set[str]],
        boilerplate: set[str],
        embedder,
        removed: list[str] | None,
        phases: dict[str, tuple[PhaseFacts, set[str]]],
    ) -> RefreshReport:
        """Rebuild the city groups among `groups` whose fingerprint moved, store the city-less groups' `phases`
        that moved and drop `removed` (None: every stored group not among them); store each group's sentence
        keys for the next refresh (a city-less group's: its dated sentences' keys, its members are in the state
        file)."""
        report = RefreshReport()
        stored = {
            row["meta"]["group"]: row["meta"].get("fingerprint")
            for row in self.store.aux_rows(self._suffix(), where={"kind": "group"})
        }
        writes = _Writes(embedder=embedder)
        for gkey, members in groups.items():
            fp = fingerprint(members, boilerplate, keys_of, builder_version(), self._parts().stamps.get(gkey))
            if stored.get(gkey) != fp:
                report.records += self._rebuild(gkey, members, boilerplate, fp, writes)
                report.rebuilt.append(gkey)
                if len(writes.ids) >= WRITE_ITEMS:
                    self._write(writes)
            self._readings().save([p.id for p in members], release=True)  # a whole refresh holds one group
        for gkey, (facts, _) in phases.items():
            text = facts.model_dump_json()
            fp = hashlib.sha1(f"{builder_version()}|{text}".encode()).hexdigest()
            if stored.get(gkey) != fp:
                meta = {"kind": "phase", "group": gkey, "phase": facts.phase}
                self._add_group(writes, gkey, [f"phase:{facts.phase}"], [text], [meta], [self._blank()], fp)
            if stored.get(gkey) != fp or removed is not None:  # combined again: changed, or a change touched it
                report.rebuilt.append(gkey)
        self._write(writes)
        gone = set(stored) - set(groups) - set(phases) if removed is None else set(removed)
        for gkey in sorted(gone):
            if gkey in stored:
                self.store.aux_delete(self._suffix(), where={"group": gkey})
                report.removed.append(gkey)
        keys = {g: ([p.id for p in ms], own[g]) for g, ms in groups.items()}
        for gkey, members in groups.items():
            self._parts().keep_only(gkey, {p.doc_id for p in members})
        self._parts().drop(gone)
        keys.update({g: ([], found) for g, (_, found) in phases.items()})
        self._group_keys().put(keys, drop=gone, replace_all=removed is None)
        return report

    def _parts(self) -> DocParts:
        if self.parts is None:
            raise RuntimeError("the documents' parts are open during a refresh only")
        return self.parts

    def _readings(self) -> Readings:
        if self.readings is None:
            raise RuntimeError("readings are open during a refresh only")
        return self.readings

    def _dated(self, p: Passage) -> list:
        """A city-less member's dated sentences (from its readings, loaded)."""
        return dated(p, self.builder.memo(p), self.builder.sentence_of)

    def _programme(self) -> Programme:
        if self.programme is None:
            raise RuntimeError("the programme's members are open during a refresh only")
        return self.programme

    def _reader(self) -> GroupReader:
        if self.reader is None:
            raise RuntimeError("the groups are read during a refresh only")
        return self.reader

    def _group_keys(self) -> GroupKeys:
        if self.group_keys is None:
            raise RuntimeError("the groups' keys are open during a refresh only")
        return self.group_keys

    def _blanks(self, n: int) -> np.ndarray:
        blank = np.zeros((n, self.store.dim), dtype=np.float32)
        blank[:, 0] = 1.0
        return blank

    def _blank(self) -> np.ndarray:
        """A unit vector: items that are not searched by meaning still need one."""
        return self._blanks(1)[0]

    def _state(self) -> dict | None:
        """Where in the change log the last refresh stopped (None: no refresh, or one from before this log).
        An index refreshed by older code kept it, with each group's members and keys, in the Chroma collection
        `<generation>_recordkeys`: imported into the state file once and dropped from there."""
        state = self._group_keys().state()
        if state is not None:
            return state
        suffix = self.store.generation_suffix(KEYS)
        rows = list(self.store.aux_rows(suffix))
        groups: dict[str, tuple[list[str], set[str]]] = {}
        for row in rows:
            if row["meta"].get("kind") == "keys":
                data = json.loads(row["text"])
                groups[row["meta"]["group"]] = (data["ids"], set(data["keys"]))
            elif row["meta"].get("kind") == "state":
                state = json.loads(row["text"])
        if state is not None:
            if state.get("layout") == 2:  # one group per passage then: the same rows in layout 3's tables
                state = {**state, "layout": LAYOUT}
            self._group_keys().put(groups, replace_all=True)
            self._group_keys().save_state(state)
        if rows:
            self.store.aux_delete(suffix, ids=[row["id"] for row in rows])
        return state

    def forget(self) -> None:
        """Drop the records and the refresh's bookkeeping: the next refresh reads the whole index."""
        name = self._suffix()
        self.store.aux_delete(name, ids=[row["id"] for row in self.store.aux_rows(name)] or None)
        conn = connect(state_path(self.store.settings.data_dir, self.store.generation))
        try:
            GroupKeys(conn).clear()
            DocParts(conn, builder_version()).clear()
        finally:
            conn.close()

    def _rebuild(self, gkey: str, members: list[Passage], boilerplate: set[str], fp: str, writes: _Writes) -> int:
        """The group's items, added to `writes` (stored by `_write`); returns its number of records."""
        city, phase = gkey.split("|")
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict] = []
        vectors: list[np.ndarray | None] = []
        summaries: list[str] = []
        records, project = self.builder.build(city, phase or None, members, boilerplate)
        for r in records:  # embedded when written, and only if the record changed (`_write`)
            ids.append(f"record:{r.id}")
            texts.append(r.model_dump_json())
            metas.append({"kind": "record", "group": gkey, "city": city, "area": r.area, "phase": phase})
            vectors.append(None)
            summaries.append(summary_text(r))
        # A comune met only in other documents' sections (a review's short news of it) with nothing to say has no
        # project of its own to show; one with documents of its own keeps it as before.
        said = any([records, project.figures, project.partners, project.activities, project.results,
                    project.budget.total, project.period.start, project.contacts])
        if said or any(p.meta.get("city") == city for p in members):
            ids.append(f"project:{project.id}")
            texts.append(project.model_dump_json())
            metas.append({"kind": "project", "group": gkey, "city": city, "phase": phase})
            vectors.append(self._blank())
            summaries.append("")
        self._add_group(writes, gkey, ids, texts, metas, vectors, fp, summaries)
        return len(records)

    def _add_group(self, writes: _Writes, gkey: str, ids: list[str], texts: list[str], metas: list[dict],
                   vectors: list[np.ndarray | None], fp: str, summaries: list[str] | None = None) -> None:  # fmt: skip
        """A group's items and its fingerprint, added to `writes` (stored by `_write` in place of what it had)."""
        ids, texts = [*ids, f"group:{gkey}"], [*texts, gkey]
        metas = [*metas, {"kind": "group", "group": gkey, "fingerprint": fp}]
        vectors = [*vectors, self._blank()]
        summaries = [*(summaries or [""] * (len(ids) - 1)), ""]
        if not writes.ids_set.isdisjoint(ids):
            self._write(writes)  # an id twice in one upsert is refused: the later group's wins, as one by one
        writes.ids_set.update(ids)
        writes.groups.append(gkey)
        writes.ids += ids
        writes.texts += texts
        writes.metas += [{k: v for k, v in m.items() if v} for m in metas]
        writes.vectors += vectors
        writes.summaries += summaries

    def _write(self, writes: _Writes) -> None:
        """Store the rebuilt groups' items that changed in one upsert and drop their stale ones in one delete (a
        call per group was ~40 ms of Chroma's fixed cost, 27 groups at 1k). An item stored with the same text and
        metadata is not written again, and a record is embedded only when written: one new file changes a few of
        its city's records, not all of them (each upsert costs by its items at 100k; the real model ~20 ms a
        summary). The new items first, then the stale ones out: a reader never sees a group empty."""
        if not writes.ids:
            return
        suffix = self._suffix()
        old: dict[str, tuple[str, dict]] = {}
        for i in range(0, len(writes.groups), 100):
            part = writes.groups[i : i + 100]
            where = {"group": part[0]} if len(part) == 1 else {"group": {"$in": part}}
            old.update({row["id"]: (row["text"], row["meta"]) for row in self.store.aux_rows(suffix, where=where)})
        todo = [i for i, item in enumerate(writes.ids) if old.get(item) != (writes.texts[i], writes.metas[i])]
        ids = [writes.ids[i] for i in todo]
        self.written += ids
        for i in todo:  # one summary a call: its vector never depends on which other records changed with it
            if writes.vectors[i] is None:
                writes.vectors[i] = np.asarray(writes.embedder.embed([writes.summaries[i]]), dtype=np.float32)[0]
        if todo:
            vectors = np.stack([v for v in (writes.vectors[i] for i in todo) if v is not None])
            texts, metas = [writes.texts[i] for i in todo], [writes.metas[i] for i in todo]
            self.store.aux_upsert(suffix, ids, texts, vectors, metas)
        self.store.aux_delete(suffix, ids=sorted(set(old) - set(writes.ids)) or None)
        writes.clear()

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
        phases = agreed_phases(dated, snap.phases)  # a phase whose own documents state no years: its cities'
        for item in dated:
            with_phase(item, phases.get(item.phase or ""))
        return snap

