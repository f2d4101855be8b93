"""What the records read of each passage is read while ingest walks (`knowledge.pre_read`, the pipeline's batch hooks
running beside the walk): the records hook after the walk finds every passage's readings and parses none, and its
records are those of a build from the texts alone. A real Chroma store and the real embedding model."""

from __future__ import annotations

import threading

import ingest.pipeline as pipeline_module
from knowledge.hooks import index_pipeline, refresh_records
from knowledge.pre_read import PreReader
from knowledge.repository import RecordRepository
from lgnet.state import connect, state_path
from tests.conftest import make_settings
from tests.knowledge.test_records_readings import from_texts, readings, record_passages
from tests.knowledge.test_records_refresh import sheet, snapshot

ARTICLE = (
    "Vasto, un tetto per chi arriva\n\n"
    "Vasto. Il Comune di Vasto ha aperto dal marzo 2024 un ostello comunale che in otto mesi ha ospitato 37 "
    "persone. L'ostello è gestito con l'Associazione Porto Sicuro.\n"
)


def _refreshing_into(runs: list[RecordRepository]):
    """The records hook, keeping each run's repository (its parse counts) in `runs`."""

    def hook(store, embedder):
        repository = RecordRepository(store)
        repository.refresh(embedder)
        runs.append(repository)

    return hook


def _three_files(tmp_path):
    """A corpus folder of Vasto's article and the two sheets (Lanciano's, Vasto's), written in that order."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "articolo-vasto.txt").write_text(ARTICLE, "utf-8")
    (folder / "scheda-lanciano.txt").write_text(sheet("Lanciano", 9, "Associazione Orizzonti", False), "utf-8")
    (folder / "scheda-vasto.txt").write_text(sheet("Vasto", 14, "Cooperativa sociale La Rete", True), "utf-8")
    return folder


def test_the_walk_reads_the_records_passages_so_the_hook_parses_none(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "scheda-vasto.txt").write_text(sheet("Vasto", 14, "Cooperativa sociale La Rete", True), "utf-8")
    (folder / "articolo-vasto.txt").write_text(ARTICLE, "utf-8")
    (folder / "scheda-lanciano.txt").write_text(sheet("Lanciano", 9, "Associazione Orizzonti", False), "utf-8")
    monkeypatch.setattr(pipeline_module, "WRITE_BATCH_FILES", 1)  # every file a batch stored during the walk
    runs: list[RecordRepository] = []
    hook = _refreshing_into(runs)

    pipeline = index_pipeline(make_settings(tmp_path / "data"), progress=False)
    assert any(isinstance(h, PreReader) for h in pipeline.batch_hooks)
    assert pipeline.hooks == (refresh_records,)
    pipeline.hooks = (hook,)
    assert pipeline.run([folder]).ok
    store = pipeline.store
    everything = record_passages(store)
    assert everything and readings(store) == everything
    assert runs[-1].passages_read == len(everything)
    assert runs[-1].passages_parsed == 0  # read beside the walk, before the hook
    ingested = snapshot(store)
    assert any(r.city == "Vasto" for r in RecordRepository(store).load().records)
    assert from_texts(store, pipeline.embedder).passages_parsed == len(everything)
    assert snapshot(store) == ingested  # the same records as read from the texts after the walk


def test_a_failing_batch_hook_leaves_the_work_to_the_index_hooks(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "articolo-vasto.txt").write_text(ARTICLE, "utf-8")
    (folder / "scheda-lanciano.txt").write_text(sheet("Lanciano", 9, "Associazione Orizzonti", False), "utf-8")
    monkeypatch.setattr(pipeline_module, "WRITE_BATCH_FILES", 1)

    def broken(store, ids, texts, metas):
        raise RuntimeError("no reading today")

    pipeline = index_pipeline(make_settings(tmp_path / "data"), progress=False)
    pipeline.batch_hooks = (broken,)
    assert pipeline.run([folder]).ok
    assert readings(pipeline.store) == record_passages(pipeline.store)  # the records hook read them


def test_the_walks_last_batch_is_read_beside_the_duplicate_refresh_but_a_one_file_add_is_not(tmp_path, monkeypatch):
    folder = _three_files(tmp_path)
    monkeypatch.setattr(pipeline_module, "WRITE_BATCH_FILES", 2)  # two files stored during the walk, the third after
    runs: list[RecordRepository] = []
    hook = _refreshing_into(runs)

    pipeline = index_pipeline(make_settings(tmp_path / "data"), progress=False)
    pipeline.hooks = (hook,)
    assert pipeline.run([folder]).ok
    everything = record_passages(pipeline.store)
    assert runs[-1].passages_read == len(everything)
    assert runs[-1].passages_parsed == 0  # the third file's passages too, though stored after the walk
    ingested = snapshot(pipeline.store)
    assert from_texts(pipeline.store, pipeline.embedder).passages_parsed == len(everything)
    assert snapshot(pipeline.store) == ingested

    (folder / "scheda-ortona.txt").write_text(sheet("Ortona", 5, "Associazione Il Faro", False), "utf-8")
    assert pipeline.run([folder / "scheda-ortona.txt"], prune=False).ok  # one file: nothing runs beside it
    added = record_passages(pipeline.store, {"source": "corpus/scheda-ortona.txt"})
    assert added and runs[-1].passages_parsed == len(added)


class _Watched:
    """A pre-reader that counts the batches it is done with (read, written or not); the third waits for `holding`."""

    def __init__(self, reader: PreReader) -> None:
        self.reader = reader
        self.done = threading.Semaphore(0)
        self.holding = threading.Event()
        self.batches = 0

    def __call__(self, *batch) -> None:
        self.batches += 1
        try:
            if self.batches == 3:
                assert self.holding.wait(timeout=300)
            self.reader(*batch)
        finally:
            self.done.release()

    def flush(self) -> None:
        self.reader.flush()


def test_batches_read_while_the_duplicate_refresh_holds_the_state_file_are_written_after_it(tmp_path, monkeypatch):
    folder = _three_files(tmp_path)
    monkeypatch.setattr(pipeline_module, "WRITE_BATCH_FILES", 1)  # three batches, the last read beside the refresh
    runs: list[RecordRepository] = []
    pipeline = index_pipeline(make_settings(tmp_path / "data"), progress=False)
    pipeline.hooks = (_refreshing_into(runs),)
    watched = _Watched(next(h for h in pipeline.batch_hooks if isinstance(h, PreReader)))
    pipeline.batch_hooks = (watched,)
    refresh, written_meanwhile = pipeline.refresh_duplicates, []

    def refresh_holding_the_state_file(manifest=None):
        """The refresh's transaction, held until every batch is read (the duplicate refresh of a large walk)."""
        conn = connect(state_path(pipeline.store.settings.data_dir, pipeline.store.generation))
        conn.execute("BEGIN IMMEDIATE")
        watched.holding.set()
        try:
            assert all(watched.done.acquire(timeout=300) for _ in range(3))
            written_meanwhile.append({row[0] for row in conn.execute("SELECT id FROM readings")})
        finally:
            conn.execute("COMMIT")
            conn.close()
        return refresh(manifest)

    monkeypatch.setattr(pipeline, "refresh_duplicates", refresh_holding_the_state_file)
    assert pipeline.run([folder]).ok
    everything = record_passages(pipeline.store)
    assert not everything <= written_meanwhile[0]  # the last batch was read while the state file was held
    assert readings(pipeline.store) == everything  # and written once it was free
    assert runs[-1].passages_parsed == 0
