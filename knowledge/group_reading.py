"""What a records refresh reads of the (city, phase) groups it rebuilds, and the pure functions on groups.

A touched group's passages are read by their ids in the store's order (never by a filter over the index, but for
a group past MAX_IDS members), its unchanged members' text and metadata from the state file's copy of them
(`knowledge.groupkeys` `record_rows`), each passage's sentence keys from its stored readings
(`knowledge.readings`). The functions below say which groups a passage is in, which sentence keys a group reads
in it, which sentences are the programme's boilerplate and when a group must be rebuilt (its fingerprint).
`knowledge.repository` decides what to read and keeps the refresh's state.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from knowledge.doc_parts import DocParts
from knowledge.groupkeys import GroupKeys
from knowledge.reading import foreign_spans, groups_of
from knowledge.readings import Readings
from knowledge.records import BOILERPLATE_CITIES, RECORD_TYPES, Passage, RecordBuilder
from knowledge.sentences import key, sentences
from lgnet.store import MAX_IDS, Store


def group_key(city: str | None, phase: str | None) -> str:
    return f"{city or ''}|{phase or ''}"


class GroupReader:
    """The passages one refresh reads (counted in `passages_read`: a refresh reads only what it must)."""

    def __init__(self, store: Store, group_keys: GroupKeys, readings: Readings, builder: RecordBuilder) -> None:
        self.store = store
        self.group_keys = group_keys
        self.readings = readings
        self.builder = builder
        self.passages_read = 0

    def read(self, where: dict | None) -> list[Passage]:
        """The record-type passages (matching `where`)."""
        types = {"doc_type": {"$in": list(RECORD_TYPES)}}
        rows = list(self.store.iter_chunks(where={"$and": [where, types]} if where else types))
        self.passages_read += len(rows)
        return [Passage(r["id"], r["text"], r["meta"]) for r in rows]

    def get(self, ids: list[str]) -> list[Passage]:
        """These passages as the store has them now (those it has)."""
        out: list[Passage] = []
        for i in range(0, len(ids), 500):
            rows = self.store.get_chunks(ids[i : i + 500])
            self.passages_read += len(rows)
            out += [Passage(r["id"], r["text"], r["meta"]) for r in rows]
        return out

    def read_groups(self, gkeys: set[str], changed: dict[str, Passage], now_in: dict[str, list[str]]
                    ) -> dict[str, list[Passage]]:  # fmt: skip
        """The passages of these city groups: each group's stored members but the `changed` passages (read
        already), plus the changed passages now in it, in the store's order (the order a whole refresh reads
        them in). The other members' text and metadata are those the refresh kept when it last read them (a
        passage that changed since is in the change log, so among `changed`); one it does not have is read from
        the store. A group past MAX_IDS members is read by its city (a filter over the whole index: ~0.5 s at
        100k)."""
        found: dict[str, list[Passage]] = {}
        for gkey in sorted(gkeys):
            ids = {c for c in self.group_keys.members(gkey) if c not in changed}
            ids |= {c for c, gs in now_in.items() if gkey in gs}
            if len(ids) > MAX_IDS:  # its documents' passages and those whose sections are its
                city = city_of(gkey)
                passages = self.read({"city": city}) + self.read({"section_cities": {"$contains": city}})
            else:
                order = self.store.chunk_ids(among=sorted(ids))
                by_id = {c: changed[c] for c in order if c in changed}
                others = [c for c in order if c not in by_id]
                by_id.update({c: Passage(c, text, meta) for c, (text, meta) in self.group_keys.rows(others).items()})
                fetched = self.get([c for c in others if c not in by_id])
                by_id.update({p.id: p for p in fetched})
                self.group_keys.put_rows((p.id, p.text, p.meta) for p in fetched)
                passages = [by_id[c] for c in order if c in by_id]
            found[gkey] = list({p.id: p for p in passages if gkey in passage_groups(p)}.values())
        return found

    def stored_keys(self, passages: list[Passage]) -> dict[str, list[str]]:
        """Each passage's sentence keys (loading the passages' readings, which keep them)."""
        self.readings.load(passages)
        out = {}
        for p in passages:
            memo, header_end = self.builder.memo(p), p.meta.get("header_end", 0)
            found = memo("sentences", sentences, p.text, header_end)
            out[p.id] = memo("keys", lambda *_: [key(s.text) for s in found], p.text, header_end)  # noqa: B023
        return out

    def member_keys(self, groups: dict[str, list[Passage]], parts: DocParts, keys_of: dict[str, list[str]] | None = None
                    ) -> tuple[dict[str, list[str]], dict[str, set[str]]]:  # fmt: skip
        """Each member's sentence keys and the keys each city group reads in its members (`own_keys`): a
        document's kept with its part when its passages are unchanged (`knowledge.doc_parts`), else from its
        passages' readings (or `keys_of`, when given) and kept. Every group's documents are stamped for its build."""
        found: dict[str, list[str]] = {}
        own: dict[str, set[str]] = {}
        for gkey, members in groups.items():
            kept = parts.keys(gkey, parts.stamp(gkey, members))
            missing = [p for p in members if p.doc_id not in kept]
            fresh = {p.id: keys_of[p.id] for p in missing} if keys_of is not None else self.stored_keys(missing)
            by_doc: dict[str, list[Passage]] = defaultdict(list)
            for p in missing:
                by_doc[p.doc_id].append(p)
            city = city_of(gkey)
            new = {d: ({p.id: fresh[p.id] for p in ps}, {k for p in ps for k in own_keys(p, city, fresh[p.id])})
                   for d, ps in by_doc.items()}  # fmt: skip
            parts.put_keys(gkey, new)
            kept.update(new)
            own[gkey] = set()
            for keys, reads in kept.values():
                found.update(keys)
                own[gkey] |= reads
        return found, own


def city_of(gkey: str) -> str:
    """A group's city ("" for a phase's group about no city)."""
    return gkey.split("|")[0]


def passage_groups(p: Passage) -> list[str]:
    """The (city, phase) groups a record-type passage belongs to: its document's (none without city and phase),
    and those of the comuni its sections give facts to (`knowledge.reading.groups_of`)."""
    if p.meta.get("doc_type") not in RECORD_TYPES:
        return []
    return list(dict.fromkeys(group_key(c, ph) for c, ph in groups_of(p.meta) if c or ph))


def own_keys(p: Passage, city: str, keys: list[str]) -> list[str]:
    """The keys of the sentences the group of `city` reads in the passage: of a passage with sections, those of
    its parts about that city (a sentence of one article of a review is no sentence of its sibling's comune: the
    programme's boilerplate counts the cities that say a sentence)."""
    if not p.meta.get("sections") or not city:
        return keys
    away = foreign_spans(p, city, None)
    found = sentences(p.text, p.meta.get("header_end", 0))
    return [k for s, k in zip(found, keys, strict=True) if not any(a <= s.start < b for a, b in away)]


def text_keys(passages: list[Passage]) -> dict[str, list[str]]:
    """Each passage's sentence keys, from its text (what the stored readings keep)."""
    return {p.id: [key(s.text) for s in sentences(p.text, p.meta.get("header_end", 0))] for p in passages}


def city_keys(groups: dict[str, list[Passage]], keys_of: dict[str, list[str]]) -> dict[str, set[str]]:
    return city_keys_of({g: {k for p in members for k in own_keys(p, city_of(g), keys_of[p.id])}
                         for g, members in groups.items()})  # fmt: skip


def city_keys_of(group_keys: dict[str, set[str]]) -> dict[str, set[str]]:
    """The sentence keys of each city's passages, from its groups' keys."""
    cities: dict[str, set[str]] = defaultdict(set)
    for gkey, keys in group_keys.items():
        if city := gkey.split("|")[0]:
            cities[city] |= keys
    return cities


def programme_boilerplate(city_keys: dict[str, set[str]]) -> set[str]:
    """Sentences found in the passages of BOILERPLATE_CITIES cities or more: the programme's own text."""
    count: dict[str, int] = defaultdict(int)
    for keys in city_keys.values():
        for k in keys:
            count[k] += 1
    return {k for k, n in count.items() if n >= BOILERPLATE_CITIES}


class CityKeyCounts:
    """The programme's boilerplate kept up to date while a refresh changes groups' keys: each city's keys (its
    groups' together) and how many cities say each key. A group's new keys cost its city's keys, not a recount of
    every city's (`programme_boilerplate` over the whole index, ~20 ms at 100k passages, was made three times per
    refresh)."""

    def __init__(self, group_keys: dict[str, set[str]]) -> None:
        self.groups = {g: keys for g, keys in group_keys.items() if city_of(g)}
        self.of_city: dict[str, set[str]] = defaultdict(set)
        for gkey in self.groups:
            self.of_city[city_of(gkey)].add(gkey)
        self.cities = city_keys_of(self.groups)
        self.count: dict[str, int] = defaultdict(int)
        for keys in self.cities.values():
            for k in keys:
                self.count[k] += 1
        self.boilerplate = {k for k, n in self.count.items() if n >= BOILERPLATE_CITIES}

    def update(self, gkey: str, keys: set[str] | None) -> None:
        """The group's keys are now `keys` (None: it has no members left)."""
        city = city_of(gkey)
        if not city:
            return
        if keys is None:
            self.groups.pop(gkey, None)
            self.of_city[city].discard(gkey)
        else:
            self.groups[gkey] = keys
            self.of_city[city].add(gkey)
        now: set[str] = set().union(*(self.groups[g] for g in self.of_city[city]))
        was = self.cities.get(city, set())
        for k in now - was:
            self.count[k] += 1
            if self.count[k] == BOILERPLATE_CITIES:
                self.boilerplate.add(k)
        for k in was - now:
            self.count[k] -= 1
            if self.count[k] == BOILERPLATE_CITIES - 1:
                self.boilerplate.discard(k)
        self.cities[city] = now


def fingerprint(members: list[Passage], boilerplate: set[str], keys_of: dict[str, list[str]], version: str,
                stamps: dict[str, str] | None = None) -> str:  # fmt: skip
    """What a group's records are built from: when it moved, the group is rebuilt. With `stamps` (each document's
    passages, texts and metadata in one digest: `knowledge.doc_parts`), those instead of each member's fields (a
    JSON line per member was ~0.1 s for a city's group at 100k)."""
    h = hashlib.sha1(version.encode())
    if stamps is not None:
        h.update(b"stamps")
        for doc in sorted(stamps):
            h.update(f"{doc}\x00{stamps[doc]}\x00".encode())
        for p in sorted(members, key=lambda p: p.id):
            if hit := sorted({k for k in keys_of[p.id] if k in boilerplate}):
                h.update("\x00".join([p.id, *hit, "\x01"]).encode())
        return h.hexdigest()
    fields = ("content_hash", "dup_group", "doc_dup_group", "dup_canonical", "city", "phase", "doc_type", "title",
              "date", "outlet", "interventions", "header_end", "sections")  # fmt: skip
    for p in sorted(members, key=lambda p: p.id):
        h.update(json.dumps([p.id, [p.meta.get(f) for f in fields]], default=str).encode())
        h.update(json.dumps(sorted({k for k in keys_of[p.id] if k in boilerplate})).encode())
    return h.hexdigest()
