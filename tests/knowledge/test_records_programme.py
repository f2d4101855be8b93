"""A phase's group of passages about no city (the programme's documents: most of a large index) is refreshed by
what changed: its members' dated sentences are kept in the state file (`knowledge.programme`), so an added,
removed or changed programme document, or a dated sentence that becomes the programme's boilerplate, reads
only the changed passages, never the group's, and the records end as a build from the texts alone. A real
Chroma store and the real embedding model, on a folder of its own."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.repository import RecordRepository
from lgnet.state import connect, read_changes, state_path
from tests.conftest import make_settings
from tests.knowledge.test_records_readings import from_texts, record_passages
from tests.knowledge.test_records_refresh import sheet, snapshot

PERIOD = "Il programma LGNet2 si svolge dal 1 gennaio 2023 al 31 dicembre 2025 in tutta la rete."
NOTE = (
    "Nota del programma LGNet2 numero {n}\n\n"
    "La rete LGNet2 riunisce i servizi di inclusione dei comuni aderenti. "
    "La nota {n} descrive il lavoro del coordinamento nazionale con le prefetture e gli enti del terzo settore. "
    "{extra}\n"
)


def note(n: int, extra: str = "") -> str:
    return NOTE.format(n=n, extra=extra)


def log_end(store) -> int:
    """Where the change log ends."""
    conn = connect(state_path(store.settings.data_dir, store.generation))
    try:
        return read_changes(conn, 1 << 62)[1]
    finally:
        conn.close()


def changed_since(store, position: int) -> set[str]:
    """The passages the change log names after `position` that are still in the index (what a refresh reads)."""
    conn = connect(state_path(store.settings.data_dir, store.generation))
    try:
        ids = read_changes(conn, position)[2]
    finally:
        conn.close()
    return {r["id"] for r in store.get_chunks(ids)}


def phase_period(store) -> tuple[str | None, str | None]:
    period = RecordRepository(store).load().phases["LGNet2"].period
    return period.start, period.end


def test_the_programme_group_reads_only_what_changed_and_ends_as_a_build_from_the_texts(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(6):  # the programme's own documents, about no city: one states the phase's years
        (folder / f"nota-{n}.txt").write_text(note(n, PERIOD if n == 0 else ""), "utf-8")
    (folder / "scheda-sulmona.txt").write_text(sheet("Sulmona", 12, "Cooperativa sociale Il Faro", False), "utf-8")
    (folder / "scheda-teramo.txt").write_text(sheet("Teramo", 20, "Associazione Ponti", False), "utf-8")
    settings = make_settings(tmp_path / "data")
    runs: list[RecordRepository] = []

    def hook(store, embedder):
        repository = RecordRepository(store)
        repository.refresh(embedder)
        runs.append(repository)

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    programme = {r["id"] for r in store.iter_chunks(where={"phase": "LGNet2"}) if not r["meta"].get("city")}
    assert len(programme) >= 6
    assert phase_period(store) == ("2023-01-01", "2025-12-31")

    # A new programme document with later years: only its passages are read, and the phase's end moves.
    later = "Le attività del programma LGNet2 proseguono fino al 30 giugno 2026."
    (folder / "nota-6.txt").write_text(note(6, later), "utf-8")
    position = log_end(store)
    assert pipeline.run([folder]).ok
    added = record_passages(store, {"source": "corpus/nota-6.txt"})
    assert added <= changed_since(store, position)
    assert runs[-1].passages_read == len(changed_since(store, position)) < len(programme)  # not the group's
    assert phase_period(store) == ("2023-01-01", "2026-06-30")
    incremental = snapshot(store)
    assert from_texts(store, pipeline.embedder).passages_read > len(programme)
    assert snapshot(store) == incremental

    # The document stating the years removed: nothing is read, the phase keeps the years still stated.
    (folder / "nota-0.txt").unlink()
    position = log_end(store)
    assert pipeline.run([folder]).ok
    assert runs[-1].passages_read == len(changed_since(store, position)) < len(programme)
    assert phase_period(store) == (None, "2026-06-30")
    incremental = snapshot(store)
    from_texts(store, pipeline.embedder)
    assert snapshot(store) == incremental

    # The later years said by the sheets of three cities: the programme's boilerplate, which states no phase's
    # years. The programme's group is combined again without reading any of its passages.
    for city, beds, partner in (("Sulmona", 12, "Cooperativa sociale Il Faro"), ("Teramo", 20, "Associazione Ponti"),
                                ("Chieti", 9, "Associazione Incontro")):  # fmt: skip
        (folder / f"scheda-{city.lower()}.txt").write_text(sheet(city, beds, partner, False) + later + "\n", "utf-8")
    assert pipeline.run([folder]).ok
    cities = record_passages(store, {"city": {"$in": ["Sulmona", "Teramo", "Chieti"]}})
    assert runs[-1].passages_read <= 2 * len(cities)  # the changed passages, then their cities'
    assert phase_period(store) == (None, None)
    incremental = snapshot(store)
    from_texts(store, pipeline.embedder)
    assert snapshot(store) == incremental

    # A programme document rewritten with other years: read alone, and again a build from the texts.
    (folder / "nota-3.txt").write_text(note(3, "Il programma LGNet2 è iniziato il 1 aprile 2024."), "utf-8")
    position = log_end(store)
    assert pipeline.run([folder]).ok
    assert runs[-1].passages_read == len(changed_since(store, position)) < len(programme)
    assert phase_period(store)[0] == "2024-04-01"
    incremental = snapshot(store)
    from_texts(store, pipeline.embedder)
    assert snapshot(store) == incremental
