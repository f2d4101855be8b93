"""After a change the records refresh reads the passages of the groups the change touches, not the index, and
ends where a full rebuild would. A real Chroma store and the real embedding model, on a folder of its own."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.records import RECORD_TYPES
from knowledge.repository import RecordRepository
from lgnet.store import Store
from tests.conftest import make_settings

SHEET = (
    "Scheda pratica del Comune di {city}\n\n"
    "Accoglienza abitativa\n\n"
    "Nel 2024 il Comune di {city} ha attivato {beds} posti letto in alloggi ponte per famiglie migranti. "
    "Il servizio a {city} è gestito insieme alla {partner}.\n"
    "{extra}\n"
)
PROGRAMME = "Il progetto LGNet è finanziato dal Fondo Asilo Migrazione e Integrazione del Ministero dell'Interno."


def sheet(city: str, beds: int, partner: str, programme: bool) -> str:
    return SHEET.format(city=city, beds=beds, partner=partner, extra=PROGRAMME if programme else "")


def snapshot(store: Store) -> tuple:
    snap = RecordRepository(store).load()
    return (
        [r.model_dump() for r in snap.records],
        {k: v.model_dump() for k, v in snap.projects.items()},
        {k: v.model_dump() for k, v in snap.phases.items()},
        snap.vectors.round(5).tolist(),
    )


def full_rebuild(store: Store, embedder) -> RecordRepository:
    """Records and their refresh state dropped: the next refresh reads everything."""
    repository = RecordRepository(store)
    repository.forget()
    repository.refresh(embedder)
    return repository


def record_passages(store: Store, city: str) -> int:
    return sum(1 for r in store.iter_chunks(where={"city": city}) if r["meta"].get("doc_type") in RECORD_TYPES)


def test_a_refresh_reads_the_touched_cities_only_and_ends_as_a_full_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "scheda-sulmona.txt").write_text(sheet("Sulmona", 12, "Cooperativa sociale Il Faro", True), "utf-8")
    (folder / "scheda-avezzano.txt").write_text(sheet("Avezzano", 8, "Caritas diocesana", True), "utf-8")
    (folder / "scheda-teramo.txt").write_text(sheet("Teramo", 20, "Associazione Ponti", False), "utf-8")
    settings = make_settings(tmp_path / "data")
    reads: list[tuple[RecordRepository, list[str]]] = []

    def hook(store, embedder):
        repository = RecordRepository(store)
        report = repository.refresh(embedder)
        reads.append((repository, report.rebuilt))

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    total = store.count()
    assert reads[-1][0].passages_read == total  # the first refresh reads everything

    # A new city with nothing in common with the others: only its passages are read, only its group is built.
    (folder / "scheda-pescara.txt").write_text(sheet("Pescara", 30, "Comunità di Sant'Egidio", False), "utf-8")
    assert pipeline.run([folder]).ok
    repository, rebuilt = reads[-1]
    pescara = record_passages(store, "Pescara")
    assert pescara > 0
    assert repository.passages_read == pescara  # the changed passages, once
    assert repository.passages_read < store.count()
    assert rebuilt and all(g.startswith("Pescara|") for g in rebuilt)
    incremental = snapshot(store)
    assert full_rebuild(store, pipeline.embedder).passages_read == store.count()
    assert snapshot(store) == incremental

    # A second sheet of the same city: its group is rebuilt with the first sheet's passages, which the refresh
    # kept when it last read them (only the new passages are read from the store).
    (folder / "scheda-pescara-2.txt").write_text(sheet("Pescara", 45, "Caritas diocesana", False), "utf-8")
    assert pipeline.run([folder]).ok
    repository, rebuilt = reads[-1]
    assert record_passages(store, "Pescara") == 2 * pescara
    assert repository.passages_read == pescara
    assert rebuilt and all(g.startswith("Pescara|") for g in rebuilt)
    incremental = snapshot(store)
    assert any(f.value == 45 for r in RecordRepository(store).load().records if r.city == "Pescara" for f in r.figures)
    assert any(f.value == 30 for r in RecordRepository(store).load().records if r.city == "Pescara" for f in r.figures)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental
    (folder / "scheda-pescara-2.txt").unlink()
    assert pipeline.run([folder]).ok

    # The programme's sentence reaches a third city: it becomes boilerplate, so the two cities that had it are
    # read and rebuilt too (their fingerprints moved), and the result is again a full rebuild's.
    (folder / "scheda-teramo.txt").write_text(sheet("Teramo", 20, "Associazione Ponti", True), "utf-8")
    assert pipeline.run([folder]).ok
    repository, rebuilt = reads[-1]
    assert {g.split("|")[0] for g in rebuilt} == {"Teramo", "Sulmona", "Avezzano"}
    assert repository.passages_read < store.count() + record_passages(store, "Teramo")
    incremental = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental

    # A file removed: its city's records go, the others stay as a full rebuild leaves them.
    (folder / "scheda-pescara.txt").unlink()
    assert pipeline.run([folder]).ok
    repository, _ = reads[-1]
    assert not any(r.city == "Pescara" for r in RecordRepository(store).load().records)
    incremental = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental


def test_an_index_refreshed_by_older_code_has_its_bookkeeping_imported_not_rebuilt(tmp_path):
    """Older code kept each group's members and keys, and the refresh's state, as rows of the Chroma collection
    `<generation>_recordkeys`: the next refresh imports them (no whole refresh), drops them from Chroma, and
    still ends where a full rebuild does."""
    import json

    import numpy as np

    from knowledge.groupkeys import GroupKeys
    from knowledge.repository import KEYS
    from lgnet.state import connect, state_path

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "scheda-sulmona.txt").write_text(sheet("Sulmona", 12, "Cooperativa sociale Il Faro", True), "utf-8")
    (folder / "scheda-avezzano.txt").write_text(sheet("Avezzano", 8, "Caritas diocesana", True), "utf-8")
    (folder / "scheda-teramo.txt").write_text(sheet("Teramo", 20, "Associazione Ponti", False), "utf-8")
    settings = make_settings(tmp_path / "data")
    reads: list[RecordRepository] = []

    def hook(store, embedder):
        repository = RecordRepository(store)
        repository.refresh(embedder)
        reads.append(repository)

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    # Written back as older code kept it, and gone from the state file.
    conn = connect(state_path(settings.data_dir, store.generation))
    keys = GroupKeys(conn)
    state, groups = keys.state(), keys.keys()
    assert state and groups
    rows = {g: {"ids": sorted(keys.members(g)), "keys": sorted(k)} for g, k in groups.items()}
    keys.clear()
    conn.close()
    suffix = store.generation_suffix(KEYS)
    ids = ["state", *(f"keys:{g}" for g in rows)]
    texts = [json.dumps(state), *(json.dumps(r) for r in rows.values())]
    metas = [{"kind": "state"}, *({"kind": "keys", "group": g} for g in rows)]
    blank = np.zeros((len(ids), store.dim), dtype=np.float32)
    blank[:, 0] = 1.0
    store.aux_upsert(suffix, ids, texts, blank, metas)

    (folder / "scheda-pescara.txt").write_text(sheet("Pescara", 30, "Comunità di Sant'Egidio", False), "utf-8")
    assert pipeline.run([folder]).ok
    assert reads[-1].passages_read == record_passages(store, "Pescara")  # imported: no whole refresh
    assert not list(store.aux_rows(suffix))
    incremental = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental


def test_a_rebuilt_group_writes_only_its_items_that_changed(tmp_path):
    """A second sheet about the city's housing changes its housing record and the group's fingerprint: its
    work record and its project stay as stored, neither embedded nor written again (each upsert costs by its
    items), and the records end as a full rebuild leaves them."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Scheda pratica del Comune di Sulmona\n\nAccoglienza abitativa\n\n"
        "Nel 2024 il Comune di Sulmona ha attivato 12 posti letto in alloggi ponte per famiglie migranti. "
        "Il servizio è gestito insieme alla Cooperativa sociale Il Faro.\n\nLavoro\n\n"
        "Nel 2024 lo sportello lavoro di Sulmona ha accompagnato 40 persone in tirocini formativi presso aziende "
        "del territorio.\n",
        "utf-8",
    )
    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False,
                              hooks=[lambda store, embedder: RecordRepository(store).refresh(embedder)])  # fmt: skip
    written: list[str] = []
    upsert = pipeline.store.aux_upsert

    def recording(suffix, ids, *args):
        written.extend(ids)
        return upsert(suffix, ids, *args)

    pipeline.store.aux_upsert = recording  # type: ignore[method-assign]
    assert pipeline.run([folder]).ok
    first = set(written)
    assert {"record:sulmona-housing-nd", "record:sulmona-taking-charge-nd", "project:sulmona-nd"} <= first
    written.clear()
    (folder / "b.txt").write_text(
        "Scheda pratica del Comune di Sulmona\n\nAccoglienza abitativa\n\n"
        "Nel 2025 il Comune di Sulmona ha attivato altri 9 posti letto in alloggi ponte per famiglie migranti.\n",
        "utf-8",
    )
    assert pipeline.run([folder]).ok
    assert sorted(written) == ["group:Sulmona|", "record:sulmona-housing-nd"]
    records = {r.id: r for r in RecordRepository(pipeline.store).load().records}
    assert sorted(f.value for f in records["sulmona-housing-nd"].figures) == [9, 12]
    incremental = snapshot(pipeline.store)
    full_rebuild(pipeline.store, pipeline.embedder)
    assert snapshot(pipeline.store) == incremental
