"""What a refresh of the practice records writes (`knowledge.repository`): each rebuilt group's items (its records,
its project, a phase's facts, the group's fingerprint), kept until enough of them are gathered and then stored in one
upsert, only those that changed, a record's summary embedded only when it is written."""

from __future__ import annotations

from typing import Any

import numpy as np

from knowledge.records import Passage, RecordBuilder
from lgnet.practice import PracticeRecord
from lgnet.store import Store

SUFFIX = "records"
WRITE_ITEMS = 2000  # rebuilt groups' items stored together (a whole refresh at 100k holds a few thousand)


def summary_text(record: PracticeRecord) -> str:
    """What is embedded for a record: its title, city and summary."""
    return f"{record.title}. {record.city}. " + " ".join(s.text for s in record.summary)


class GroupWrites:
    """The items of the groups rebuilt and not yet stored, and their storing in the store's records collection
    (`<generation>_records`, asked at each write). `written`: where the ids of the items written are added."""

    def __init__(self, store: Store, embedder: Any, written: list[str]) -> None:
        self.store = store
        self.embedder = embedder  # what embeds the records' summaries
        self.written = written
        self.groups: list[str] = []
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.metas: list[dict] = []
        self.vectors: list[np.ndarray | None] = []  # None: a record's summary, embedded on writing
        self.summaries: list[str] = []  # what a record's vector embeds ("" for the other items)
        self.ids_set: set[str] = set()

    def clear(self) -> None:
        for items in (self.groups, self.ids, self.texts, self.metas, self.vectors, self.summaries):
            items.clear()
        self.ids_set.clear()

    def rebuild(self, builder: RecordBuilder, gkey: str, members: list[Passage], boilerplate: set[str], fp: str) -> int:
        """The group's items, built by `builder` and added (stored by `write`); returns its number of records."""
        city, phase = gkey.split("|")
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict] = []
        vectors: list[np.ndarray | None] = []
        summaries: list[str] = []
        records, project = builder.build(city, phase or None, members, boilerplate)
        for r in records:  # embedded when written, and only if the record changed (`write`)
            ids.append(f"record:{r.id}")
            texts.append(r.model_dump_json())
            metas.append({"kind": "record", "group": gkey, "city": city, "area": r.area, "phase": phase})
            vectors.append(None)
            summaries.append(summary_text(r))
        # A comune met only in other documents' sections (a review's short news of it) with nothing to say has no
        # project of its own to show; one with documents of its own keeps it as before.
        said = any(
            [
                records,
                project.figures,
                project.partners,
                project.activities,
                project.results,
                project.budget.total,
                project.period.start,
                project.contacts,
            ]
        )
        if said or any(p.meta.get("city") == city for p in members):
            ids.append(f"project:{project.id}")
            texts.append(project.model_dump_json())
            metas.append({"kind": "project", "group": gkey, "city": city, "phase": phase})
            vectors.append(self.blank())
            summaries.append("")
        self.add_group(gkey, ids, texts, metas, vectors, fp, summaries)
        return len(records)

    def add_group(self, gkey: str, ids: list[str], texts: list[str], metas: list[dict],
                  vectors: list[np.ndarray | None], fp: str, summaries: list[str] | None = None) -> None:  # fmt: skip
        """A group's items and its fingerprint, added (stored by `write` in place of what it had)."""
        ids, texts = [*ids, f"group:{gkey}"], [*texts, gkey]
        metas = [*metas, {"kind": "group", "group": gkey, "fingerprint": fp}]
        vectors = [*vectors, self.blank()]
        summaries = [*(summaries or [""] * (len(ids) - 1)), ""]
        if not self.ids_set.isdisjoint(ids):
            self.write()  # an id twice in one upsert is refused: the later group's wins, as one by one
        self.ids_set.update(ids)
        self.groups.append(gkey)
        self.ids += ids
        self.texts += texts
        self.metas += [{k: v for k, v in m.items() if v} for m in metas]
        self.vectors += vectors
        self.summaries += summaries

    def write(self) -> None:
        """Store the rebuilt groups' items that changed in one upsert and drop their stale ones in one delete (a
        call per group was ~40 ms of Chroma's fixed cost, 27 groups at 1k). An item stored with the same text and
        metadata is not written again, and a record is embedded only when written: one new file changes a few of
        its city's records, not all of them (each upsert costs by its items at 100k; the real model ~20 ms a
        summary). The new items first, then the stale ones out: a reader never sees a group empty."""
        if not self.ids:
            return
        suffix = self.store.generation_suffix(SUFFIX)
        old: dict[str, tuple[str, dict]] = {}
        for i in range(0, len(self.groups), 100):
            part = self.groups[i : i + 100]
            where = {"group": part[0]} if len(part) == 1 else {"group": {"$in": part}}
            old.update({row["id"]: (row["text"], row["meta"]) for row in self.store.aux_rows(suffix, where=where)})
        todo = [i for i, item in enumerate(self.ids) if old.get(item) != (self.texts[i], self.metas[i])]
        ids = [self.ids[i] for i in todo]
        self.written += ids
        for i in todo:  # one summary a call: its vector never depends on which other records changed with it
            if self.vectors[i] is None:
                self.vectors[i] = np.asarray(self.embedder.embed([self.summaries[i]]), dtype=np.float32)[0]
        if todo:
            vectors = np.stack([v for v in (self.vectors[i] for i in todo) if v is not None])
            texts, metas = [self.texts[i] for i in todo], [self.metas[i] for i in todo]
            self.store.aux_upsert(suffix, ids, texts, vectors, metas)
        self.store.aux_delete(suffix, ids=sorted(set(old) - set(self.ids)) or None)
        self.clear()

    def blanks(self, n: int) -> np.ndarray:
        blank = np.zeros((n, self.store.dim), dtype=np.float32)
        blank[:, 0] = 1.0
        return blank

    def blank(self) -> np.ndarray:
        """A unit vector: items that are not searched by meaning still need one."""
        return self.blanks(1)[0]
