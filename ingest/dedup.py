"""Near-duplicates, one notion for the whole platform, kept incrementally in the index's SQLite state file.

- **Passages**: two passages are near-duplicates when the Jaccard similarity of their word 3-gram sets reaches
  `PASSAGE_JACCARD`. Candidates come from MinHash LSH (persisted bands, queried with the new passages only);
  the exact Jaccard is computed on the candidates only. A group is a connected component of that relation.
- **Documents** (syndicated copies of one article): a shingle is *boilerplate* when it occurs in documents of
  `BOILERPLATE_CITIES` or more different cities (the network's standard paragraph); two documents are copies
  when they share at least `DOC_SHARE` of the smaller one's own (non-boilerplate) shingles, its page furniture
  left out when the other lacks it (`furniture`: shingles only of short blocks, a masthead, byline, sidebar
  headlines, footer). A new title, a byline, a reworded opening, a cut paragraph or a sidebar keep two copies
  together; a boilerplate paragraph shared by
  articles about different cities never makes them copies. Documents keep a sample of their shingles
  (1 in `DOC_SAMPLE`, by hash) for this.
  The comparison itself is `ingest.copies`; this module keeps the shingles, links and groups.
- The canonical member of a group is its longest (ties: the smallest id); the group id is the canonical's id.

`DuplicateIndex.refresh` updates the tables for what changed and marks "dirty" the ids whose group changed;
the pipeline writes those to Chroma and clears them (a run killed in between finishes it next time).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ingest.copies import BOILERPLATE_CITIES, copies, doc_shingles, forgiven, without_boilerplate
from ingest.dedup_tables import REPRESENTATIVES_SQL, SCHEMA
from ingest.minhash import (  # noqa: F401 (gram_hashes, gram_jaccard: part of this module's API)
    band_keys,
    blob,
    gram_hashes,
    gram_jaccard,
    likely_pairs,
    passage_shingles,
    set_jaccard,
    signature,
    unblob,
)
from lgnet.similarity import NEAR_DUPLICATE, jaccard, shingles  # noqa: F401 (part of this module's API)

PASSAGE_JACCARD = NEAR_DUPLICATE
OVERFULL_BUCKET = 64  # the corpus's largest bucket holds 40 passages; a 10k bench corpus's 977
REPRESENTATIVES = 8
# An over-full bucket's representatives are the largest groups among its first this many stored members (the
# oldest, in the index's order): a bucket of the network's paragraph holds tens of thousands of passages at 100k,
# and grouping it whole cost ~0.27 s of adding one file there; its largest groups fill any sample of it.
REPRESENTATIVE_SCAN = 1000
# A candidate pair's exact Jaccard is computed only when its MinHash signatures agree on this share of their
# 126 positions (the estimate's standard error is 0.044 at the 0.6 threshold: a pair at 0.6 falls below 0.42
# with probability 2e-5, about the LSH's own miss of 4e-5). Most candidates of the bench corpora share a
# sentence or two with a passage and stop here, at ~1 us a pair against ~15 us for the exact Jaccard.
MIN_AGREEMENT = 0.42
# New passages are added in slices (each queried against everything stored, earlier slices included, then
# merged): the candidate pairs and their shingle sets held in memory are those of one slice, not of 100k.
ADD_SLICE = 2000


@dataclass
class Passage:
    id: str
    doc_id: str
    text: str
    shingles: tuple[np.ndarray, np.ndarray] | None = None  # `passage_shingles(text)`, when computed already


@dataclass
class Doc:
    id: str
    text: str
    city: str | None
    shingles: tuple[np.ndarray, np.ndarray] | None = None  # `doc_shingles(text)`, when computed already


class DuplicateIndex:
    """The near-duplicate tables in the index's state file (the caller holds the transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(SCHEMA)

    # --- the refresh -------------------------------------------------------------------------------------
    def refresh(
        self, removed_passages: Iterable[str], removed_docs: Iterable[str], passages: list[Passage], docs: list[Doc]
    ) -> tuple[int, int]:
        """Update groups for what changed: removed ids leave, new ones (ids re-added replace their old row)
        are compared with the index through LSH / shingle postings. Returns the number of dirty
        (passages, documents)."""
        touched_docs = self._remove_docs(set(removed_docs) | {d.id for d in docs})
        touched_docs |= self._add_docs(docs)
        changed_docs = self._regroup("doc", touched_docs)
        # Removals can split a group: walked again. Additions only join groups: merged by group, so a passage
        # joining a group of thousands does not walk its members (the network's paragraph at 100k).
        self._regroup("chunk", self._remove_passages(set(removed_passages) | {p.id for p in passages}))
        for i in range(0, len(passages), ADD_SLICE):
            self._merge_passages(self._add_passages(passages[i : i + ADD_SLICE]))
        for doc_id in changed_docs:  # their passages carry the document's group too
            self.conn.execute(
                "INSERT OR IGNORE INTO dup_dirty SELECT 'chunk', id FROM dup_passage WHERE doc_id=?", (doc_id,)
            )
        counts = dict(self.conn.execute("SELECT kind, COUNT(*) FROM dup_dirty GROUP BY kind").fetchall())
        return counts.get("chunk", 0), counts.get("doc", 0)

    def _remove_passages(self, ids: set[str]) -> set[str]:
        touched: set[str] = set()
        for pid in ids:
            row = self.conn.execute("SELECT grp FROM dup_passage WHERE id=?", (pid,)).fetchone()
            if row is None:
                continue
            touched |= {r[0] for r in self.conn.execute("SELECT b FROM dup_near WHERE a=?", (pid,))}
            touched |= {r[0] for r in self.conn.execute("SELECT id FROM dup_passage WHERE grp=?", (row[0],))}
            self.conn.execute("DELETE FROM dup_near WHERE a=? OR b=?", (pid, pid))
            self.conn.execute("DELETE FROM dup_lsh WHERE id=?", (pid,))
            self.conn.execute("DELETE FROM dup_sig WHERE id=?", (pid,))
            self.conn.execute("DELETE FROM dup_passage WHERE id=?", (pid,))
        return touched - ids

    def _add_passages(self, passages: list[Passage]) -> list[tuple[str, str]]:
        """Insert the new passages (singleton groups) and their near-duplicate edges; returns the edges."""
        if not passages:
            return []
        found = {p.id: p.shingles or passage_shingles(p.text) for p in passages}
        grams = {i: g for i, (g, _) in found.items()}
        self.conn.executemany(
            "INSERT INTO dup_passage VALUES (?, ?, ?, ?, ?, 1)",
            [(p.id, p.doc_id, len(p.text), blob(grams[p.id]), p.id) for p in passages],
        )
        sigs = {i: sig for i, (_, sig) in found.items()}
        keys = [(band, key, p.id) for p in passages for band, key in enumerate(band_keys(grams[p.id], sigs[p.id]))]
        # 32 bits of each minimum are enough to tell agreement (a false match has probability 2**-32).
        short = {i: sig.astype(np.uint32) for i, sig in sigs.items()}
        rows = [(i, v.tobytes()) for i, v in short.items()]
        self.conn.executemany("INSERT OR REPLACE INTO dup_sig VALUES (?, ?)", rows)
        self.conn.executemany("INSERT INTO dup_lsh VALUES (?, ?, ?)", keys)
        # Candidates: passages sharing a bucket with a new one (new ones included, so pairs inside the batch too).
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS dup_query (band INTEGER, key INTEGER, id TEXT)")
        self.conn.execute("DELETE FROM dup_query")
        self.conn.executemany("INSERT INTO dup_query VALUES (?, ?, ?)", keys)
        # A paragraph repeated across the corpus (the network's standard text) fills one bucket per band with
        # thousands of passages: pairing all of them grows with the square of the corpus (16 GB at 100k).
        # Over-full buckets pair their new members with a few representatives only (below).
        # A bucket is counted up to OVERFULL_BUCKET + 1 members only (counting the network paragraph's buckets
        # whole grew with the corpus: 21 -> 12 ms for 30 passages' keys at 10k, the same buckets found).
        full = self.conn.execute(
            "SELECT q.band, q.key FROM (SELECT DISTINCT band, key FROM dup_query) q WHERE (SELECT COUNT(*) FROM "
            "(SELECT 1 FROM dup_lsh l WHERE l.band = q.band AND l.key = q.key LIMIT ? + 1)) > ?",
            (OVERFULL_BUCKET, OVERFULL_BUCKET),
        ).fetchall()
        # One pass over the query rows for all the over-full buckets (one DELETE per bucket scanned them all each
        # time: at 100k, 4.4M rows times thousands of buckets, where the bench run of 3ee415e stalled).
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS dup_full (band INTEGER, key INTEGER, PRIMARY KEY (band, key)) "
            "WITHOUT ROWID"
        )
        self.conn.execute("DELETE FROM dup_full")
        self.conn.executemany("INSERT OR IGNORE INTO dup_full VALUES (?, ?)", full)
        self.conn.execute("DELETE FROM dup_query WHERE (band, key) IN (SELECT band, key FROM dup_full)")
        pairs = {
            (min(q, c), max(q, c))
            for q, c in self.conn.execute(
                "SELECT DISTINCT q.id, l.id FROM dup_query q JOIN dup_lsh l ON l.band = q.band AND l.key = q.key "
                "WHERE l.id != q.id"
            )
        }
        self.conn.execute("DELETE FROM dup_query")
        if full:
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS dup_new (id TEXT PRIMARY KEY) WITHOUT ROWID")
            self.conn.execute("DELETE FROM dup_new")
            self.conn.executemany("INSERT OR IGNORE INTO dup_new VALUES (?)", [(i,) for i in grams])
            bucket_members: dict[tuple[int, int], list[str]] = {}
            for band, key, pid in keys:
                bucket_members.setdefault((band, key), []).append(pid)
            for band, key in full:
                pairs |= self._representative_pairs(band, key, sorted(bucket_members.get((band, key), [])))
        others = {i for pair in pairs for i in pair} - grams.keys()
        likely = likely_pairs(pairs, {**self._signatures(others), **short}, MIN_AGREEMENT)
        # The stored passages' grams are read for the likely pairs only (at 100k a slice's candidates reach most
        # of the index, their signatures are a third of their grams' size).
        grams.update(self._grams("dup_passage", {i for pair in likely for i in pair} - grams.keys()))
        # Python sets: a candidate pair costs a set intersection (about 4x faster than numpy's on 200 grams).
        sets = {i: set(grams[i].tolist()) for i in {i for pair in likely for i in pair}}
        edges = [(a, b) for a, b in likely if set_jaccard(sets[a], sets[b]) >= PASSAGE_JACCARD]
        self.conn.executemany("INSERT OR IGNORE INTO dup_near VALUES (?, ?)", edges + [(b, a) for a, b in edges])
        return edges

    def _merge_passages(self, edges: list[tuple[str, str]]) -> None:
        """The groups new edges join become one, named after the longest of their canonicals (each group's
        canonical is its longest member, so the merged group's is one of them); only the members of the other
        groups move and become dirty. The same groups as walking the components, at the cost of what moves."""
        nodes = {i for e in edges for i in e}
        group = {rid: grp for rid, _length, grp, _flag in self._rows("dup_passage", nodes)}
        parent: dict[str, str] = {}

        def root(g: str) -> str:
            top = g
            while parent.get(top, top) != top:
                top = parent[top]
            while g != top:  # path compression: the next lookup is one step
                parent[g], g = top, parent[g]
            return top

        for a, b in edges:
            ra, rb = root(group[a]), root(group[b])
            if ra != rb:
                parent[ra] = rb
        merged: dict[str, set[str]] = {}
        for g in {group[i] for i in nodes}:
            merged.setdefault(root(g), set()).add(g)
        for groups in (gs for gs in merged.values() if len(gs) > 1):
            lengths = {rid: length for rid, length, _grp, _flag in self._rows("dup_passage", groups)}
            canonical = min(groups, key=lambda g: (-lengths[g], g))
            for g in groups - {canonical}:
                self.conn.execute(
                    "INSERT OR IGNORE INTO dup_dirty SELECT 'chunk', id FROM dup_passage WHERE grp=?", (g,)
                )
                self.conn.execute("UPDATE dup_passage SET grp=?, canonical=0 WHERE grp=?", (canonical, g))

    def _representative_pairs(self, band: int, key: int, members: list[str]) -> set[tuple[str, str]]:
        """The pairs an over-full bucket gives: each of its new `members` (the slice's, in table `dup_new`) with
        one stored member (the smallest id) of each of the bucket's `REPRESENTATIVES` largest groups (or, when
        the bucket holds only new passages, its first new members). A near-copy of the repeated paragraph joins
        its group through a representative; a pair of two other members is still found through any bucket they
        share that is not over-full. Counted in SQL over the bucket's first REPRESENTATIVE_SCAN stored members: at
        100k a bucket of the network's paragraph holds tens of thousands of passages, asked once a slice."""
        rows = self.conn.execute(REPRESENTATIVES_SQL, (band, key, REPRESENTATIVE_SCAN, REPRESENTATIVES)).fetchall()
        reps = [r[0] for r in rows] or members[:REPRESENTATIVES]
        return {(min(m, r), max(m, r)) for m in members for r in reps if m != r}

    def _remove_docs(self, ids: set[str]) -> set[str]:
        touched: set[str] = set()
        for did in ids:
            row = self.conn.execute("SELECT grp, city, grams FROM dup_doc WHERE id=?", (did,)).fetchone()
            if row is None:
                continue
            touched |= {r[0] for r in self.conn.execute("SELECT b FROM dup_doc_near WHERE a=?", (did,))}
            touched |= {r[0] for r in self.conn.execute("SELECT id FROM dup_doc WHERE grp=?", (row[0],))}
            city = row[1] or ""
            self.conn.executemany(
                "UPDATE dup_gram_city SET n = n - 1 WHERE h=? AND city=?",
                [(int(h), city) for h in unblob(row[2]).view(np.int64)],
            )
            self.conn.execute("DELETE FROM dup_doc_near WHERE a=? OR b=?", (did, did))
            self.conn.execute("DELETE FROM dup_doc_gram WHERE id=?", (did,))
            self.conn.execute("DELETE FROM dup_doc_furniture WHERE id=?", (did,))
            self.conn.execute("DELETE FROM dup_doc WHERE id=?", (did,))
        self.conn.execute("DELETE FROM dup_gram_city WHERE n <= 0")
        return touched - ids

    def _add_docs(self, docs: list[Doc]) -> set[str]:
        if not docs:
            return set()
        grams = {}
        furn = {}
        for d in docs:
            grams[d.id], furn[d.id] = d.shingles or doc_shingles(d.text)
        self.conn.executemany(
            "INSERT INTO dup_doc VALUES (?, ?, ?, ?, ?, 1)",
            [(d.id, d.city, len(d.text), blob(grams[d.id]), d.id) for d in docs],
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO dup_doc_furniture VALUES (?, ?)",
            [(d.id, blob(furn[d.id])) for d in docs if furn[d.id].size],
        )
        self.conn.executemany(
            "INSERT INTO dup_doc_gram VALUES (?, ?)", [(int(h), d.id) for d in docs for h in grams[d.id].view(np.int64)]
        )
        new_grams = np.unique(np.concatenate(list(grams.values()))).view(np.int64)
        was_boiler = self._boilerplate(new_grams)
        self.conn.executemany(
            "INSERT INTO dup_gram_city VALUES (?, ?, 1) ON CONFLICT (h, city) DO UPDATE SET n = n + 1",
            [(int(h), d.city or "") for d in docs for h in grams[d.id].view(np.int64)],
        )
        boiler = self._boilerplate(new_grams)
        touched = {d.id for d in docs}
        # Shingles that have just become boilerplate: copies joined through them are checked again. Only those: a
        # link was checked with the statuses of its time, and a shingle becomes boilerplate only when a document
        # holding it arrives, so the links resting on one are checked when it does (the network's paragraph,
        # boilerplate long before, re-checked the 820 documents linked through it on every article quoting it at
        # 100k passages: ~1.6 s of adding one file).
        for did in self._docs_with(boiler - was_boiler, linked_only=True) - touched:
            touched |= self._check_doc_edges(did)
        pairs = set()
        for d in docs:
            own = [int(h) for h in grams[d.id].view(np.int64) if int(h) not in boiler]
            for other in self._docs_with(set(own)) - {d.id}:
                pairs.add((min(d.id, other), max(d.id, other)))
        others = {i for p in pairs for i in p} - grams.keys()
        grams.update(self._grams("dup_doc", others))
        boiler |= self._boilerplate(
            np.unique(np.concatenate([grams[i] for i in others])).view(np.int64) if others else []
        )
        kept = without_boilerplate(grams, {i for p in pairs for i in p}, boiler)  # once per document, not once per pair
        furn.update(self._furniture(others))
        cities = {**self._cities(others), **{d.id: d.city or "" for d in docs}}
        edges = [(a, b) for a, b in pairs if copies(kept[a], kept[b], *forgiven(furn, cities, a, b))]
        self.conn.executemany("INSERT OR IGNORE INTO dup_doc_near VALUES (?, ?)", edges + [(b, a) for a, b in edges])
        return touched | {i for e in edges for i in e}

    def _check_doc_edges(self, did: str) -> set[str]:
        """Re-check one document's copy links (after some of its shingles became boilerplate)."""
        others = {r[0] for r in self.conn.execute("SELECT b FROM dup_doc_near WHERE a=?", (did,))}
        grams = self._grams("dup_doc", others | {did})
        boiler = self._boilerplate(np.unique(np.concatenate(list(grams.values()))).view(np.int64))
        own = without_boilerplate(grams, grams.keys(), boiler)
        furn = self._furniture(others | {did})
        cities = self._cities(others | {did})
        for other in others:
            if not copies(own[did], own[other], *forgiven(furn, cities, did, other)):
                self.conn.execute(
                    "DELETE FROM dup_doc_near WHERE (a=? AND b=?) OR (a=? AND b=?)", (did, other, other, did)
                )
        return others | {did}

    def _boilerplate(self, hashes) -> set[int]:
        found: set[int] = set()
        hashes = [int(h) for h in hashes]
        for i in range(0, len(hashes), 500):
            part = hashes[i : i + 500]
            found |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT h FROM dup_gram_city WHERE h IN ({','.join('?' * len(part))}) AND n > 0 "  # noqa: S608
                    "AND city != '' GROUP BY h HAVING COUNT(*) >= ?",  # documents without a city are no city
                    (*part, BOILERPLATE_CITIES),
                )
            }
        return found

    def _docs_with(self, hashes: set[int], linked_only: bool = False) -> set[str]:
        found: set[str] = set()
        hashes_list = list(hashes)
        extra = " AND id IN (SELECT a FROM dup_doc_near)" if linked_only else ""
        for i in range(0, len(hashes_list), 500):
            part = hashes_list[i : i + 500]
            sql = f"SELECT DISTINCT id FROM dup_doc_gram WHERE h IN ({','.join('?' * len(part))}){extra}"  # noqa: S608
            found |= {r[0] for r in self.conn.execute(sql, part)}
        return found

    def _signatures(self, ids: set[str]) -> dict[str, np.ndarray]:
        """The stored (32-bit) signatures of these passages; computed from their grams where the index has
        none (built before signatures were kept)."""
        ids_list = list(ids)
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(ids_list), 500):
            part = ids_list[i : i + 500]
            sql = f"SELECT id, sig FROM dup_sig WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            out.update({r[0]: np.frombuffer(r[1], dtype=np.uint32) for r in self.conn.execute(sql, part)})
        for pid, grams in self._grams("dup_passage", ids - out.keys()).items():
            out[pid] = signature(grams).astype(np.uint32)
        return out

    def _cities(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            sql = f"SELECT id, city FROM dup_doc WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            out.update({r[0]: r[1] or "" for r in self.conn.execute(sql, part)})
        return out

    def _furniture(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored furniture shingles of these documents (none for most, or an index from before them)."""
        return self._grams("dup_doc_furniture", ids)

    def _grams(self, table: str, ids: Iterable[str]) -> dict[str, np.ndarray]:
        ids = list(ids)
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            sql = f"SELECT id, grams FROM {table} WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            out.update({r[0]: unblob(r[1]) for r in self.conn.execute(sql, part)})
        return out

    def _regroup(self, kind: str, touched: set[str]) -> set[str]:
        """Connected components through the touched ids; members whose group changed become dirty."""
        table, near = ("dup_doc", "dup_doc_near") if kind == "doc" else ("dup_passage", "dup_near")
        done: set[str] = set()
        changed: set[str] = set()
        for start in touched:
            if start in done:
                continue
            # Breadth first, a query per level and 500 ids: a component is read in a few queries, not one per
            # member (the network's paragraph's: ~1.4k passages at 10k, ~14k at 100k; 23 ms at 10k one by one).
            component, frontier = {start}, [start]
            while frontier:
                found: list[str] = []
                for i in range(0, len(frontier), 500):
                    part = frontier[i : i + 500]
                    sql = f"SELECT b FROM {near} WHERE a IN ({','.join('?' * len(part))})"  # noqa: S608
                    for (other,) in self.conn.execute(sql, part):
                        if other not in component:
                            component.add(other)
                            found.append(other)
                frontier = found
            done |= component
            rows = self._rows(table, component)
            if not rows:
                continue
            canonical = min(rows, key=lambda r: (-r[1], r[0]))[0]
            moved = {rid for rid, _length, grp, flag in rows if grp != canonical or bool(flag) != (rid == canonical)}
            for rid in moved:
                self.conn.execute(
                    f"UPDATE {table} SET grp=?, canonical=? WHERE id=?",  # noqa: S608
                    (canonical, int(rid == canonical), rid),
                )
            if kind == "doc" and moved:  # a copy without a city of its own inherits from its group's new members
                sql = "SELECT id FROM dup_doc WHERE grp=? AND (city IS NULL OR city = '')"
                moved |= {r[0] for r in self.conn.execute(sql, (canonical,))}
            for rid in moved:
                self.conn.execute("INSERT OR IGNORE INTO dup_dirty VALUES (?, ?)", (kind, rid))
                changed.add(rid)
        return changed

    def _rows(self, table: str, ids: set[str]) -> list[tuple]:
        ids_list = list(ids)
        rows = []
        for i in range(0, len(ids_list), 500):
            part = ids_list[i : i + 500]
            sql = f"SELECT id, length, grp, canonical FROM {table} WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            rows += self.conn.execute(sql, part).fetchall()
        return rows

    # --- what the store needs to know --------------------------------------------------------------------
    def dirty(self, kind: str, limit: int = 500) -> dict[str, dict]:
        """Up to `limit` ids whose group metadata the store has not received yet, with that metadata."""
        out: dict[str, dict] = {}
        if kind == "doc":
            sql = (
                "SELECT d.id, g.grp, g.canonical, g.city FROM dup_dirty d JOIN dup_doc g ON g.id = d.id "
                "WHERE d.kind='doc' LIMIT ?"
            )
            for did, grp, canonical, city in self.conn.execute(sql, (limit,)):
                out[did] = {"dup_group": grp, "dup_canonical": bool(canonical), **self._inherited(city, grp)}
        else:
            sql = (
                "SELECT d.id, p.grp, p.canonical, p.doc_id, g.grp, g.city FROM dup_dirty d JOIN dup_passage p "
                "ON p.id = d.id LEFT JOIN dup_doc g ON g.id = p.doc_id WHERE d.kind='chunk' LIMIT ?"
            )
            for cid, grp, canonical, doc_id, doc_grp, city in self.conn.execute(sql, (limit,)):
                out[cid] = {"dup_group": grp, "dup_canonical": bool(canonical), "doc_dup_group": doc_grp or doc_id,
                            **self._inherited(city, doc_grp)}  # fmt: skip
        return out

    def _inherited(self, city: str | None, grp: str | None) -> dict[str, str]:
        """A copy whose own text names no city takes the one city of its syndication group: an outlet's copy
        with a new title and the dateline cut is about the city of the agency's copy."""
        if city or not grp:
            return {}
        sql = "SELECT DISTINCT city FROM dup_doc WHERE grp=? AND city IS NOT NULL AND city != ''"
        cities = [r[0] for r in self.conn.execute(sql, (grp,))]
        return {"city": cities[0]} if len(cities) == 1 else {}

    def clear_dirty(self, kind: str, ids: Iterable[str]) -> None:
        self.conn.executemany("DELETE FROM dup_dirty WHERE kind=? AND id=?", [(kind, i) for i in ids])

    def clear_missing_dirty(self) -> None:
        """Dirty marks of ids no longer in the tables (removed meanwhile) have nothing to push."""
        self.conn.execute("DELETE FROM dup_dirty WHERE kind='chunk' AND id NOT IN (SELECT id FROM dup_passage)")
        self.conn.execute("DELETE FROM dup_dirty WHERE kind='doc' AND id NOT IN (SELECT id FROM dup_doc)")

    def neighbours(self, passage_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT b FROM dup_near WHERE a=?", (passage_id,))}

    def passage_group_sizes(self) -> dict[str, int]:
        """Passages per near-duplicate group (groups of two or more)."""
        sql = "SELECT grp, COUNT(*) FROM dup_passage GROUP BY grp HAVING COUNT(*) > 1"
        return dict(self.conn.execute(sql).fetchall())

    def group_sizes(self) -> dict[str, int]:
        """Documents per syndication group (groups of two or more)."""
        sql = "SELECT grp, COUNT(*) FROM dup_doc GROUP BY grp HAVING COUNT(*) > 1"
        return dict(self.conn.execute(sql).fetchall())
