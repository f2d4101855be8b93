"""Which near-duplicate group each passage is in: copies of one text, never a chain of similar texts.

The passages in the order of their key (longest first, then by id) are read one by one: a passage joins the
first group leader before it that it links with (a near-duplicate pair, `dedup.linked`: of one comune or of
syndicated copies), else it leads a group of its own. Every member is then a near-copy of its group's leader, the
group's longest passage, which names it; a chain A ~ B ~ C of templated texts where A and C differ is two groups.

The groups depend only on the passages and their pairs, never on the order they came in, and a change is
followed in key order from the passages it touched (`Releader.run`): a passage that stops leading hands its members
on, one that starts leading offers itself to the neighbours after it. A new passage joining a group reads its
own pairs only, and a new leader longer than a large group's takes its members without reading their pairs when
they are near-copies of it (the network's paragraph at 100k).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

from ingest.minhash import set_jaccard

Origin = tuple[str, str | None]  # a passage's comune ("" for none) and its document's syndication group


class Releader:
    """One refresh's regrouping over the tables of `ingest.dedup.DuplicateIndex` (its connection, origins, grams)."""

    def __init__(self, dups, linked: Callable[[Origin, Origin], bool], threshold: float) -> None:
        self.dups = dups
        self.conn = dups.conn
        self.linked = linked
        self.threshold = threshold
        self._rows: dict[str, tuple[int, str] | None] = {}  # id -> (length, group) as now, None: gone
        self._before: dict[str, tuple[str, bool] | None] = {}  # id -> (group, canonical) as stored before
        self._origins: dict[str, Origin] = {}
        self._sets: dict[str, set[int]] = {}
        self.demoted_by: dict[str, str] = {}
        self.first_promoted: tuple[int, str] | None = None

    # --- what is known of a passage ------------------------------------------------------------------------
    def _load(self, ids: Iterable[str]) -> None:
        wanted = [i for i in ids if i not in self._rows]
        for k in range(0, len(wanted), 500):
            part = wanted[k : k + 500]
            sql = f"SELECT id, length, grp, canonical FROM dup_passage WHERE id IN ({','.join('?' * len(part))})"  # noqa: S608
            found = {r[0]: r for r in self.conn.execute(sql, part)}
            for i in part:
                row = found.get(i)
                self._rows[i] = (row[1], row[2]) if row else None
                self._before.setdefault(i, (row[2], bool(row[3])) if row else None)
        missing = [i for i in ids if i not in self._origins]
        self._origins.update(self.dups._origins(missing))

    def key(self, pid: str) -> tuple[int, str]:
        row = self._rows[pid]
        assert row is not None
        return (-row[0], pid)

    def is_leader(self, pid: str) -> bool:
        self._load([pid])
        row = self._rows[pid]
        return row is not None and row[1] == pid

    def _link(self, a: str, b: str) -> bool:
        self._load([a, b])
        return self.linked(self._origins.get(a, ("", None)), self._origins.get(b, ("", None)))

    def _near(self, a: str, b: str) -> bool:
        """Whether two passages are a near-duplicate pair (their grams read once per refresh); a pair found so
        is stored, so the pairs a walk reads later include it."""
        grams = self.dups._grams("dup_passage", [i for i in (a, b) if i not in self._sets])
        self._sets.update({i: set(g.tolist()) for i, g in grams.items()})
        if a not in self._sets or b not in self._sets:
            return False
        if set_jaccard(self._sets[a], self._sets[b]) < self.threshold:
            return False
        self.conn.executemany("INSERT OR IGNORE INTO dup_near VALUES (?, ?)", [(a, b), (b, a)])
        return True

    def _takes(self, pid: str, taker: str, mine: tuple[int, str]) -> bool:
        self._load([taker])
        if not self.is_leader(taker) or self.key(taker) >= mine:
            return False
        if self.first_promoted is not None and self.first_promoted < self.key(taker):
            return False
        return self._link(pid, taker) and self._near(pid, taker)

    def _stored_neighbours(self, pid: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT b FROM dup_near WHERE a=?", (pid,))}

    # --- the regrouping ------------------------------------------------------------------------------------
    def run(
        self,
        seeds: Iterable[str],
        new: dict[str, set[str]],
        exact: set[str],
    ) -> set[str]:
        """Regroup from `seeds`: the new passages (`new`: id -> its pairs found now, all of them), passages whose
        pairs' links may have changed (`exact`: their pairs are read) and members of removed leaders. Returns
        the ids whose (group, canonical) differ from what was stored."""
        seeds = set(seeds) | set(new) | exact
        self._load(seeds)
        for pid in new:
            self._before[pid] = (pid, True)  # what the store holds for a new passage: a group of its own
        heap = [self.key(s) for s in seeds if self._rows.get(s) is not None]
        heapq.heapify(heap)
        queued = {pid for _, pid in heap}
        offers: dict[str, set[str]] = {}

        def push(pid: str, offer: str | None = None) -> None:
            self._load([pid])
            if self._rows.get(pid) is None:
                return
            if offer is not None:
                offers.setdefault(pid, set()).add(offer)
            if pid not in queued:
                queued.add(pid)
                heapq.heappush(heap, self.key(pid))

        while heap:
            neg_length, pid = heapq.heappop(heap)
            queued.discard(pid)
            mine = (neg_length, pid)
            old = self._rows[pid][1] if pid not in new else None  # type: ignore[index]
            candidates = set(offers.pop(pid, ()))
            neighbours: set[str] | None = None
            if pid in new:
                neighbours = new[pid] | (self._stored_neighbours(pid) if pid in exact else set())
            elif pid in exact:
                neighbours = self._stored_neighbours(pid)
            elif old != pid:  # a member: its leader, if it still leads, else where its leader went
                assert old is not None
                if old in new:  # its leader's id came back with another text: its pairs are read
                    neighbours = self._stored_neighbours(pid)
                elif self.is_leader(old):
                    candidates.add(old)
                else:
                    # Its leader went to a taker: the first leader before it then, when it is a near-copy of the
                    # taker and no passage before the taker started leading (the leaders before its old one were
                    # never its neighbours). Else its pairs are read.
                    taker = self.demoted_by.get(old)
                    if taker is not None and self._takes(pid, taker, mine):
                        candidates.add(taker)
                    else:
                        neighbours = self._stored_neighbours(pid)
            if neighbours:
                self._load(neighbours)
                candidates |= {n for n in neighbours if self._link(pid, n)}
            leaders = [self.key(c) for c in candidates if c != pid and self.is_leader(c) and self.key(c) < mine]
            leader = min(leaders)[1] if leaders else pid
            if pid not in new and leader == old:
                continue
            self._rows[pid] = (-neg_length, leader)
            if old == pid and leader != pid:  # stops leading: its members go on
                self.demoted_by[pid] = leader
                for (member,) in self.conn.execute("SELECT id FROM dup_passage WHERE grp=? AND id != ?", (pid, pid)):
                    self._load([member])
                    if self._rows[member] is not None and self._rows[member][1] == pid:  # type: ignore[index]
                        push(member)
            if leader == pid and old != pid:  # starts leading: offered to the neighbours after it
                if self.first_promoted is None or mine < self.first_promoted:
                    self.first_promoted = mine
                after = neighbours if neighbours is not None else self._stored_neighbours(pid)
                self._load(after)
                for n in after:
                    if self._rows.get(n) is not None and self.key(n) > mine and self._link(pid, n):
                        push(n, pid)
            self.conn.execute("UPDATE dup_passage SET grp=?, canonical=? WHERE id=?", (leader, int(leader == pid), pid))
        return {
            pid
            for pid, row in self._rows.items()
            if row is not None and self._before.get(pid) != (row[1], row[1] == pid)
        }
