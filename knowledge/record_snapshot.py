"""What every process that reads the index loads of the practice records (`knowledge.repository`): the records in
their order with their embedded summaries, the projects and the phases, a record's period completed from its phase's
programme documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from knowledge.programme import agreed_phases, with_phase
from lgnet.practice import PhaseFacts, PracticeRecord, ProjectFacts


@dataclass
class Snapshot:
    """Every record, project and phase as stored, with the records' embedded summaries (row i = records[i])."""

    records: list[PracticeRecord] = field(default_factory=list)
    projects: dict[str, ProjectFacts] = field(default_factory=dict)
    phases: dict[str, PhaseFacts] = field(default_factory=dict)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))
    groups: int = 0


def read_snapshot(rows: Iterable[dict]) -> Snapshot:
    """The snapshot of the records collection's rows (with their embeddings)."""
    snap = Snapshot()
    vectors = []
    for row in rows:
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
