"""Adding one file makes no pass of the garbage collector: in a process holding a large index a full pass scans
every object it holds (~0.4-0.7 s of adding one file at 100k passages); the write's short-lived objects die by
reference counting instead (`lgnet.collector`)."""

from __future__ import annotations

import gc

from ingest.pipeline import IngestPipeline
from knowledge.repository import RecordRepository
from tests.conftest import make_settings

SHEET = (
    "Scheda pratica del Comune di {city}\n\nAccoglienza abitativa\n\n"
    "Nel 2024 il Comune di {city} ha attivato {beds} posti letto in alloggi ponte per famiglie migranti. "
    "Il servizio è gestito insieme alla Cooperativa sociale Il Faro.\n"
)


def test_adding_one_file_and_deleting_a_document_run_no_collection(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n, city in enumerate(["Sulmona", "Avezzano", "Teramo"]):
        (folder / f"{city}.txt").write_text(SHEET.format(city=city, beds=10 + n), "utf-8")
    passes: list[int] = []

    def counted(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    def hook(store, embedder):  # the write's heaviest part: a group's records rebuilt
        gc.callbacks.append(counted)
        try:
            RecordRepository(store).refresh(embedder)
        finally:
            gc.callbacks.remove(counted)

    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    thresholds = gc.get_threshold()
    gc.set_threshold(10, 1, 1)  # a pass as soon as a few objects outlive their statement (a large heap's case)
    try:
        passes.clear()
        (folder / "Pescara.txt").write_text(SHEET.format(city="Pescara", beds=30), "utf-8")
        assert pipeline.run([folder]).ok
        assert any(r.city == "Pescara" for r in RecordRepository(pipeline.store).load().records)
        assert passes == []
        doc = next(r for r in pipeline.store.iter_chunks(where={"city": "Pescara"}))["meta"]["doc_id"]
        pipeline.delete_document(doc)
        assert passes == []
        assert gc.isenabled()
    finally:
        gc.set_threshold(*thresholds)
