"""Each document's part of its group's records is kept (`knowledge.doc_parts`): a build from kept parts gives the
records a build from the passages alone gives, on every city group of the corpus index, and a kept part is read
again only while what it was read with holds (its passages, the boilerplate it tested, which passages are read)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import pytest

from knowledge.decoded import DECODED
from knowledge.doc_parts import DocParts
from knowledge.group_reading import city_keys, city_of, passage_groups, programme_boilerplate, text_keys
from knowledge.records import RECORD_TYPES, Passage, RecordBuilder, read_once
from lgnet.embedders import get_embedder
from lgnet.store import Store

Groups = dict[str, list[Passage]]


@pytest.fixture(scope="module")
def corpus_groups(corpus_index) -> tuple[Groups, set[str]]:
    embedder = get_embedder(corpus_index.embedding_model, corpus_index.threads)
    store = Store(corpus_index, embedder.name, embedder.dim)
    passages = [Passage(r["id"], r["text"], r["meta"]) for r in store.iter_chunks()
                if r["meta"].get("doc_type") in RECORD_TYPES]  # fmt: skip
    groups: Groups = defaultdict(list)
    for p in passages:
        for gkey in passage_groups(p):
            if city_of(gkey):
                groups[gkey].append(p)
    return dict(groups), programme_boilerplate(city_keys(groups, text_keys(passages)))


def build(groups: Groups, boilerplate: set[str], parts: DocParts | None = None) -> dict[str, tuple]:
    builder = RecordBuilder()
    builder.parts = parts
    out = {}
    for gkey, members in sorted(groups.items()):
        if parts is not None:
            parts.stamp(gkey, members)
        city, phase = gkey.split("|")
        records, project = builder.build(city, phase or None, members, boilerplate)
        out[gkey] = ([r.model_dump() for r in records], project.model_dump())
    return out


@pytest.fixture(autouse=True)
def nothing_remembered():
    """Each test starts as a process that remembers no part: what an earlier test of the session read or computed
    (kept by stamp in `DECODED` since 0bf1951) would be recalled, neither computed nor reused, and the counts below
    would say nothing."""
    DECODED.clear()


@pytest.fixture
def conn(tmp_path):
    connection = sqlite3.connect(str(tmp_path / "state.sqlite"), isolation_level=None)
    yield connection
    connection.close()


def test_records_from_kept_parts_are_those_from_the_passages(corpus_groups, conn):
    groups, boilerplate = corpus_groups
    whole = build(groups, boilerplate)
    assert sum(len(records) for records, _ in whole.values()) > 20
    cold = DocParts(conn, "v")
    assert build(groups, boilerplate, cold) == whole
    assert cold.computed > 10 and cold.reused == 0
    warm = DocParts(conn, "v")
    assert build(groups, boilerplate, warm) == whole
    assert warm.reused == cold.computed and warm.computed == 0
    other_rules = DocParts(conn, "v2")  # another rules' version: nothing kept is read
    build(groups, boilerplate, other_rules)
    assert other_rules.reused == 0


def test_a_kept_part_is_read_again_only_while_the_boilerplate_it_tested_holds(corpus_groups, conn):
    groups, boilerplate = corpus_groups
    build(groups, boilerplate, DocParts(conn, "v"))
    # Fewer sentences of the programme: the documents that say one of them read it as their own now.
    fewer = set(sorted(boilerplate)[::2])
    parts = DocParts(conn, "v")
    assert build(groups, fewer, parts) == build(groups, fewer)
    assert parts.computed > 0 and parts.reused > 0


def test_a_changed_passage_reads_its_document_and_its_copies_again_and_no_other(corpus_groups, conn):
    groups, boilerplate = corpus_groups
    build(groups, boilerplate, DocParts(conn, "v"))
    gkey = max(groups, key=lambda g: len({p.doc_id for p in groups[g]}))
    members = list(groups[gkey])
    city = city_of(gkey)
    read = {p.id for p in read_once(members)}
    i = next(i for i, p in enumerate(members) if p.meta.get("city") == city and p.id in read)
    p = members[i]
    members[i] = Passage(p.id, p.text + f"\nA {city} lo sportello casa ha accolto 4321 persone nel 2024.\n", p.meta)
    changed = {**groups, gkey: members}
    parts = DocParts(conn, "v")
    fresh = build(changed, boilerplate, parts)
    assert fresh == build(changed, boilerplate)
    # that document, and its syndicated copies that are not read (each reads what the read copy did not say)
    group = p.meta.get("doc_dup_group")
    copies = {q.doc_id for q in members if group and q.meta.get("doc_dup_group") == group and q.doc_id != p.doc_id}
    assert parts.computed == 1 + len(copies)
    assert parts.reused > 10
    assert any(f["value"] == 4321 for r in fresh[gkey][0] for f in r["figures"]) or any(
        f["value"] == 4321 for f in fresh[gkey][1]["figures"]
    )


def test_a_kept_part_names_its_passages_and_is_read_back_with_the_groups_own(corpus_groups, conn):
    """A part is kept without its passages' texts and metadata (the group has them): read back, its sentences'
    passages are the group's passage objects themselves; a part naming a passage the group does not have is
    computed again."""
    groups, boilerplate = corpus_groups
    build(groups, boilerplate, DocParts(conn, "v"))
    gkey = max(groups, key=lambda g: len({p.doc_id for p in groups[g]}))
    members = groups[gkey]
    for (blob,) in conn.execute("SELECT data FROM record_doc_parts WHERE grp = ?", (gkey,)):
        assert blob[:1] == b"\x80"  # a pickle, not compressed
        assert not any(p.meta["content_hash"].encode() in blob for p in members)  # no passage's metadata
    DECODED.clear()  # a row decoded already (another test's) is kept with the passages it was read with
    parts = DocParts(conn, "v")
    parts.stamp(gkey, members)
    kept = parts.parts(gkey, members)
    by_id = {p.id: p for p in members}
    reads = [r for _, _, part in kept.values() for b in part.buckets.values() for r in b.sentences]
    assert reads and all(r.passage is by_id[r.passage.id] for r in reads)
    name, (_, _, part) = next((n, k) for n, k in kept.items() if any(b.sentences for b in k[2].buckets.values()))
    named = {r.passage.id for b in part.buckets.values() for r in b.sentences}
    fewer = [p for p in members if p.id not in named]
    DECODED.clear()  # (a row decoded already is kept with its bytes)
    again = DocParts(conn, "v")
    again.stamp(gkey, members)  # stamped with every member: only the passages it names miss
    assert name not in again.parts(gkey, fewer)
    assert name in again.parts(gkey, members)  # a failed reading is not kept
