"""A phase's group of passages about no city (the programme's own documents: 44.5k of the 100k bench's passages)
gives the phase one fact, its years, read from the few of its sentences that state dates. Each member's dated
sentences are kept in the index's state file (table `programme`, beside the readings), so a refresh reads the
members that changed and combines the stored dated sentences of the others: it never reads the group's texts
or readings again. A whole refresh writes every member's row, an incremental one the changed members' rows:
both combine the same rows, in the same order (document, then position), so they give the same phase.
"""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ingest.sections import stored_sections
from knowledge import mentions
from knowledge.merging import stated_period
from knowledge.reading import Passage, Read
from knowledge.readings import Memo
from knowledge.sentences import Sentence, sentences
from lgnet.practice import Period, PhaseFacts, PracticeRecord, ProjectFacts
from lgnet.state import transaction

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS programme (id TEXT PRIMARY KEY, grp TEXT NOT NULL, doc TEXT NOT NULL, "
    "pos INTEGER NOT NULL, dated BLOB)",
    "CREATE INDEX IF NOT EXISTS programme_grp ON programme (grp, dated IS NULL)",
)


@dataclass(frozen=True)
class Dated:
    """A member's sentence with dates: where it is, as read, its key and the periods it states."""

    sentence: Sentence
    body: str
    key: str
    periods: list[mentions.Mention]


def dated(p: Passage, memo: Memo, sentence_of: Callable[[str], tuple[str, str, list[str], set[str]]]) -> list[Dated]:
    """The passage's sentences that state a period (from its stored readings: the rules the records apply), but
    those of its parts about a comune (a review's article: its dates are that comune's, `ingest.sections`)."""
    out = []
    away = [(a, b) for a, b, _, _ in stored_sections(p.meta) or []]
    for s in memo("sentences", sentences, p.text, p.meta.get("header_end", 0)):
        if any(a <= s.start < b for a, b in away):
            continue
        body, k, _, _ = memo("sentence", sentence_of, s.text)
        found = memo("periods", mentions.periods, body)
        if found:
            out.append(Dated(s, body, k, list(found)))
    return out


@dataclass(frozen=True)
class Member:
    """A member with dated sentences, as stored."""

    id: str
    doc_id: str
    position: int
    dated: list[Dated]


class Programme:
    """The `programme` table: each member of a city-less group, its place and its dated sentences."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        for statement in _SCHEMA:
            self.conn.execute(statement)

    def groups_of(self, ids: list[str]) -> dict[str, str]:
        """The stored group of each of these passages (those in a city-less group)."""
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self.conn.execute(f"SELECT id, grp FROM programme WHERE id IN ({','.join('?' * len(part))})", part)
            out.update(dict(rows.fetchall()))
        return out

    def store(self, rows: Iterable[tuple[str, Passage, list[Dated]]], drop: Iterable[str] = (),
              replace_all: bool = False) -> None:  # fmt: skip
        """Write members' rows (group, passage, its dated sentences) after dropping `drop` (every row with
        `replace_all`)."""
        drop = list(drop)
        data = [
            (p.id, gkey, p.doc_id, int(p.meta.get("chunk_index", 0)),
             zlib.compress(pickle.dumps(found, protocol=5), 1) if found else None)
            for gkey, p, found in rows
        ]  # fmt: skip
        with transaction(self.conn):
            if replace_all:
                self.conn.execute("DELETE FROM programme")
            for i in range(0, len(drop), 500):
                part = drop[i : i + 500]
                self.conn.execute(f"DELETE FROM programme WHERE id IN ({','.join('?' * len(part))})", part)
            self.conn.executemany("INSERT OR REPLACE INTO programme (id, grp, doc, pos, dated) VALUES (?, ?, ?, ?, ?)",
                                  data)  # fmt: skip

    def has_members(self, gkey: str) -> bool:
        return self.conn.execute("SELECT 1 FROM programme WHERE grp = ? LIMIT 1", (gkey,)).fetchone() is not None

    def members(self, gkey: str) -> list[Member]:
        """The group's members with dated sentences, in document order."""
        rows = self.conn.execute(
            "SELECT id, doc, pos, dated FROM programme WHERE grp = ? AND dated IS NOT NULL", (gkey,)
        ).fetchall()
        found = [Member(cid, doc, pos, pickle.loads(zlib.decompress(blob))) for cid, doc, pos, blob in rows]
        return sorted(found, key=lambda m: (m.doc_id, m.position, m.id))


def phase_facts(phase: str, members: list[Member], boilerplate: set[str]) -> PhaseFacts:
    """A phase's years, as its programme documents state them outside the programme's boilerplate."""
    found = []
    for m in members:
        p = Passage(m.id, "", {"doc_id": m.doc_id})
        for d in m.dated:
            if d.key not in boilerplate:
                found += [(Read(p, d.sentence, d.body, []), period) for period in d.periods]
    return PhaseFacts(phase=phase, period=stated_period(found))


def dated_keys(members: list[Member]) -> set[str]:
    """The keys of the group's dated sentences: the only ones whose status as boilerplate moves its phase."""
    return {d.key for m in members for d in m.dated}


def with_phase(item: PracticeRecord | ProjectFacts, phase: PhaseFacts | None) -> None:
    """A record's period as served: its phase's when it states none; a stated one with one side only, within its
    phase's years, completed from the phase (the read model and `knowledge.figure_cv` alike)."""
    if phase is None or not phase.period.basis:
        return
    if item.period.basis is None:
        item.period = phase.period.model_copy(update={"basis": "phase", "mentions": item.period.mentions})
    else:
        item.period = _completed(item.period, phase.period)


def _completed(period: Period, phase: Period) -> Period:
    """A stated period with one side only, within its phase's: the other side is the phase's ("il progetto
    LGNet3 del Comune, che si concluderà il 31 dicembre 2026 come tutta la terza edizione": from the phase's
    start). A date outside the phase's years says the project is not the phase's own: left as it is."""
    start, end = period.start, period.end
    if not (phase.start and phase.end) or (start is None) == (end is None):
        return period
    date = start or end or ""
    if not phase.start[: len(date)] <= date <= phase.end[: len(date)]:
        return period
    return period.model_copy(update={"start": start or phase.start, "end": end or phase.end})


# A phase's years its cities agree on: when the programme's own documents state none, the period that this many
# cities' documents state in full for that phase (LGNetEA's "dal 1° luglio 2019 al 31 dicembre 2021" in Perugia's,
# Taranto's and Palermo's reports) is the phase's.
AGREEING_CITIES = 2


def agreed_phases(items: Iterable[PracticeRecord | ProjectFacts], phases: dict[str, PhaseFacts]
                  ) -> dict[str, PhaseFacts]:  # fmt: skip
    """`phases` with the phases whose programme documents state no years given the period their cities agree on."""
    said: dict[str, dict[tuple[str, str], set[str]]] = {}
    for item in items:
        p = item.period
        if item.phase and p.basis == "stated" and p.start and p.end and len(p.start) == len(p.end) == 10:
            said.setdefault(item.phase, {}).setdefault((p.start, p.end), set()).add(item.city)
    out = dict(phases)
    for phase, periods in said.items():
        if phase in phases and phases[phase].period.basis:
            continue
        (start, end), cities = max(periods.items(), key=lambda kv: (len(kv[1]), kv[0]))
        if len(cities) >= AGREEING_CITIES:
            out[phase] = PhaseFacts(phase=phase, period=Period(start=start, end=end, basis="stated"))
    return out
