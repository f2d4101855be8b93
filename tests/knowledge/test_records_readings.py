"""What the record rules read of each passage is kept per passage (`knowledge.readings`): a change to one document
parses that document's passages only, the rest of its group is re-combined from the stored readings, and the
records are those of a build from the texts alone. A real Chroma store and the real embedding model, on a folder
of its own."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.records import RECORD_TYPES
from knowledge.repository import RecordRepository
from lgnet.state import connect, state_path
from lgnet.store import Store
from tests.conftest import make_settings
from tests.knowledge.test_records_refresh import full_rebuild, sheet, snapshot

ARTICLE = (
    "Sulmona, nuovi alloggi per le famiglie\n\n"
    "Sulmona. Il Comune di Sulmona ha aperto uno sportello casa che in sei mesi ha accolto {people} persone. "
    "Lo sportello è gestito con la Caritas diocesana di Sulmona.\n"
)


def readings(store: Store) -> set[str]:
    conn = connect(state_path(store.settings.data_dir, store.generation))
    try:
        return {row[0] for row in conn.execute("SELECT id FROM readings")}
    finally:
        conn.close()


def from_texts(store: Store, embedder) -> RecordRepository:
    """The records built with no stored readings: every passage parsed again from its text."""
    conn = connect(state_path(store.settings.data_dir, store.generation))
    try:
        conn.execute("DELETE FROM readings")
    finally:
        conn.close()
    return full_rebuild(store, embedder)


def record_passages(store: Store, where: dict | None = None) -> set[str]:
    return {r["id"] for r in store.iter_chunks(where=where) if r["meta"].get("doc_type") in RECORD_TYPES}


def test_a_change_parses_its_own_passages_and_ends_as_a_build_from_the_texts(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "scheda-sulmona.txt").write_text(sheet("Sulmona", 12, "Cooperativa sociale Il Faro", True), "utf-8")
    (folder / "articolo-sulmona.txt").write_text(ARTICLE.format(people=40), "utf-8")
    (folder / "scheda-teramo.txt").write_text(sheet("Teramo", 20, "Associazione Ponti", False), "utf-8")
    settings = make_settings(tmp_path / "data")
    runs: list[tuple[RecordRepository, list[str]]] = []

    def hook(store, embedder):
        repository = RecordRepository(store)
        runs.append((repository, repository.refresh(embedder).rebuilt))

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    everything = record_passages(store)
    assert runs[-1][0].passages_parsed == len(everything)  # the first refresh parses every passage, once
    assert readings(store) == everything

    # The article changes (same passage ids, new text): only its passages are parsed again; the sheet of the same
    # city is read with its group but re-combined from its stored readings.
    article = record_passages(store, {"source": "corpus/articolo-sulmona.txt"})
    sulmona = record_passages(store, {"city": "Sulmona"})
    assert article and article < sulmona
    (folder / "articolo-sulmona.txt").write_text(ARTICLE.format(people=75), "utf-8")
    assert pipeline.run([folder]).ok
    repository, rebuilt = runs[-1]
    assert record_passages(store, {"source": "corpus/articolo-sulmona.txt"}) == article
    assert repository.passages_parsed == len(article)
    assert rebuilt and all(g.startswith("Sulmona|") for g in rebuilt)
    figures = {f.value for r in RecordRepository(store).load().records if r.city == "Sulmona" for f in r.figures}
    project = [p for p in RecordRepository(store).load().projects.values() if p.city == "Sulmona"]
    figures |= {f.value for p in project for f in p.figures}
    assert 75 in figures and 40 not in figures  # the new text's count, never the old one's stored reading
    incremental = snapshot(store)
    assert full_rebuild(store, pipeline.embedder).passages_parsed == 0  # a whole refresh re-combines them too
    assert snapshot(store) == incremental
    assert from_texts(store, pipeline.embedder).passages_parsed == len(record_passages(store))
    assert snapshot(store) == incremental

    # The article removed: its readings go with its passages, and the records are again a build from the texts.
    (folder / "articolo-sulmona.txt").unlink()
    assert pipeline.run([folder]).ok
    assert runs[-1][0].passages_parsed == 0
    assert readings(store) == record_passages(store)
    assert not readings(store) & article
    incremental = snapshot(store)
    from_texts(store, pipeline.embedder)
    assert snapshot(store) == incremental


PROGRAMME_DOC = (
    "Il programma LGNet2\n\n"
    "Il programma LGNet2 si svolge dal {start} al 31 dicembre 2025 e coinvolge una rete di comuni italiani. "
    "LGNet2 sostiene servizi di inclusione per le persone migranti vulnerabili.\n"
)


def test_a_change_to_a_phase_programme_reads_the_group_it_left_and_ends_as_a_build_from_the_texts(tmp_path):
    """A phase's group of passages about no city is read by its stored members (the phase's ids listed, only
    theirs read): a changed programme document, then one more, give the phase's period a build from the texts
    gives."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "programma.txt").write_text(PROGRAMME_DOC.format(start="1 gennaio 2023"), "utf-8")
    (folder / "scheda-sulmona.txt").write_text(sheet("Sulmona", 12, "Cooperativa sociale Il Faro", True), "utf-8")
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False, hooks=[lambda s, e: RecordRepository(s).refresh(e)])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    assert "LGNet2" in RecordRepository(store).load().phases
    (folder / "programma.txt").write_text(PROGRAMME_DOC.format(start="1 marzo 2024"), "utf-8")
    (folder / "programma-bis.txt").write_text(PROGRAMME_DOC.format(start="1 marzo 2024") + "Seconda nota.\n", "utf-8")
    assert pipeline.run([folder]).ok
    period = RecordRepository(store).load().phases["LGNet2"].period
    assert period.start and period.start.startswith("2024")
    incremental = snapshot(store)
    from_texts(store, pipeline.embedder)
    assert snapshot(store) == incremental
