"""What the practice records read of a batch of passages, computed while ingest goes on (`IngestPipeline`'s
`batch_hooks`: a thread beside the embedding and storing of the batch and the next), so the records hook after the
walk finds every passage's readings stored (`knowledge.readings`) and only combines them.

The readings are pure functions of a passage's text and city, keyed by their rule and arguments, so any reading
of them fills the same entries the refresh would: here each (city, phase) group's passages of the batch are read
by the builder as the refresh reads a group (its records thrown away), with their sentence keys and dated
sentences. What depends on the whole group (the programme's boilerplate, which copies are read) is left to the
refresh: a sentence later found to be boilerplate was read for nothing, a copy's own reading is made then. A
passage whose stamp moves before the refresh (its city changed by the duplicate refresh) is read again there.
Without it the hook parsed every passage after the walk, serial with nothing: at 1k passages, the real model, the
largest serial block of a full ingest."""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from knowledge.group_reading import city_of, passage_groups
from knowledge.programme import dated
from knowledge.reading import Passage
from knowledge.readings import Readings
from knowledge.records import RecordBuilder
from knowledge.sentences import key, sentences
from knowledge.version import builder_version
from lgnet.state import connect, state_path
from lgnet.store import Store

log = logging.getLogger(__name__)
# Seconds a batch's readings wait for the state file's write lock before they are left for the next batch: the walk's
# duplicate refresh holds it in one transaction (~19-28 min at 100k passages) while the last batches are still read.
SAVE_WAIT = 0.1


class PreReader:
    """One per pipeline: its builder (rules loaded once) reads each batch handed to it, one batch at a time."""

    def __init__(self) -> None:
        self._builder: RecordBuilder | None = None
        self._unsaved: list[Readings] = []  # batches read, their readings not written yet (each with its connection)

    def __call__(self, store: Store, ids: Sequence[str], texts: Sequence[str], metas: Sequence[dict]) -> None:
        passages = [Passage(i, t, dict(m)) for i, t, m in zip(ids, texts, metas, strict=True)]
        passages = [p for p in passages if passage_groups(p)]
        if not passages:
            return
        builder = self._builder = self._builder or RecordBuilder()
        conn = connect(state_path(store.settings.data_dir, store.generation))
        try:
            readings = builder.readings = Readings(conn, builder_version())
            readings.load(passages)
            groups: dict[str, list[Passage]] = defaultdict(list)
            for p in passages:
                memo, header_end = builder.memo(p), p.meta.get("header_end", 0)
                found = memo("sentences", sentences, p.text, header_end)
                memo("keys", lambda *_: [key(s.text) for s in found], p.text, header_end)  # noqa: B023
                dated(p, memo, builder.sentence_of)
                for gkey in passage_groups(p):
                    groups[gkey].append(p)
            for gkey, members in groups.items():
                if city_of(gkey):
                    city, phase = gkey.split("|")
                    builder.build(city, phase or None, members, set())
        except BaseException:
            conn.close()
            raise
        finally:
            builder.readings = None
        self._unsaved.append(readings)
        self._save(wait=False)

    def flush(self) -> None:
        """Write what the batches read that is not written yet (`BesideWalk.finish` calls it once every batch is
        read, after the duplicate refresh)."""
        self._save(wait=True)

    def _save(self, wait: bool) -> None:
        """Write the batches' readings in the order read; without `wait`, only while the state file's write lock is
        free within SAVE_WAIT (the rest waits for the next batch or `flush`)."""
        while self._unsaved:
            readings = self._unsaved[0]
            readings.conn.execute(f"PRAGMA busy_timeout = {int((60 if wait else SAVE_WAIT) * 1000)}")
            try:
                readings.save()
            except sqlite3.OperationalError as exc:
                if wait or "locked" not in str(exc):
                    self._unsaved.pop(0).conn.close()
                    raise
                return
            self._unsaved.pop(0).conn.close()
