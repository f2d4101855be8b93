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
and a killed run is repaired by the next refresh. This module decides what a refresh rebuilds; storing the rebuilt
groups' items is `knowledge.record_writes`'s, reading them back `knowledge.record_snapshot`'s.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

from knowledge.doc_parts import DocParts
from knowledge.group_reading import (
    CityKeyCounts,
    GroupReader,
    city_keys_of,
    city_of,
    fingerprint,
    passage_groups,
    programme_boilerplate,
)
from knowledge.groupkeys import GroupKeys
from knowledge.programme import Programme, dated, dated_keys, phase_facts
from knowledge.readings import Readings
from knowledge.record_snapshot import Snapshot, read_snapshot
from knowledge.record_writes import SUFFIX, WRITE_ITEMS, GroupWrites
from knowledge.records import Passage, RecordBuilder
from knowledge.version import builder_version
from lgnet.practice import PhaseFacts
from lgnet.state import connect, read_changes, state_path
from lgnet.store import Store

log = logging.getLogger(__name__)
KEYS = "recordkeys"  # where older code kept the refresh's bookkeeping (`knowledge.groupkeys`): imported once
LAYOUT = 3  # how the refresh keeps its state (2: city-less groups' members in the state file; 3: a passage in several
# groups, `knowledge.groupkeys`); moved: a whole refresh


@dataclass
class RefreshReport:
    groups: int = 0
    rebuilt: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    records: int = 0
    seconds: float = 0.0


class RecordRepository:
    def __init__(self, store: Store, builder: RecordBuilder | None = None) -> None:
        self.store = store
        self.builder = builder or RecordBuilder()
        self.passages_read = 0  # read from the store by the last refresh (a group's unchanged members are kept rows)
        self.passages_parsed = 0  # by the last refresh: passages whose readings were not stored (new or changed)
        # by the last refresh: documents' parts and keys read from the state file (not remembered by this process
        # with their stamps, `knowledge.doc_parts`): a group touched by one new file reads that file's only
        self.part_rows_read = 0
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
        self.passages_read = self.passages_parsed = self.part_rows_read = 0
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
            self.part_rows_read = self.parts.rows_read if self.parts is not None else 0
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
        counts = CityKeyCounts(known)  # the boilerplate, kept as the groups read below change their keys
        before = set(counts.boilerplate)
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
                counts.update(gkey, known.get(gkey))
            moved = before ^ counts.boilerplate
            todo = {g for g, keys in known.items() if city_of(g) and g not in groups and keys & moved}
        boilerplate = set(counts.boilerplate)
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
        writes = GroupWrites(self.store, embedder, self.written)
        for gkey, members in groups.items():
            fp = fingerprint(members, boilerplate, keys_of, builder_version(), self._parts().stamps.get(gkey))
            if stored.get(gkey) != fp:
                report.records += writes.rebuild(self.builder, gkey, members, boilerplate, fp)
                report.rebuilt.append(gkey)
                if len(writes.ids) >= WRITE_ITEMS:
                    writes.write()
            self._readings().save([p.id for p in members], release=True)  # a whole refresh holds one group
        for gkey, (facts, _) in phases.items():
            text = facts.model_dump_json()
            fp = hashlib.sha1(f"{builder_version()}|{text}".encode()).hexdigest()
            if stored.get(gkey) != fp:
                meta = {"kind": "phase", "group": gkey, "phase": facts.phase}
                writes.add_group(gkey, [f"phase:{facts.phase}"], [text], [meta], [writes.blank()], fp)
            if stored.get(gkey) != fp or removed is not None:  # combined again: changed, or a change touched it
                report.rebuilt.append(gkey)
        writes.write()
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

    # --- read side -----------------------------------------------------------------------------------------
    def has_records(self) -> bool:
        return any(True for _ in self.store.aux_rows(self._suffix(), where={"kind": "group"}))

    def load(self) -> Snapshot:
        return read_snapshot(self.store.aux_rows(self._suffix(), embeddings=True))
