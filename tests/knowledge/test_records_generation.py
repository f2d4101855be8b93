"""Records follow the store's generation like the passages: what a rebuild writes is unseen until the new
generation is published, then the old generation's records go with it. A real Chroma store and the real
embedding model, on a two-document folder of its own."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.hooks import refresh_records
from knowledge.repository import RecordRepository
from lgnet.store import Store
from tests.conftest import make_settings

SHEET = (
    "Scheda pratica del Comune di Sulmona\n\n"
    "Accoglienza abitativa\n\n"
    "Nel 2024 il Comune di Sulmona ha attivato {beds} posti letto in alloggi ponte per famiglie migranti. "
    "Il servizio è gestito insieme alla Cooperativa sociale Il Faro.\n"
)


def figures(store: Store) -> set[float]:
    return {f.value for r in RecordRepository(store).load().records for f in r.figures}


def test_records_written_by_a_rebuild_are_unseen_until_it_is_published(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "scheda-sulmona.txt").write_text(SHEET.format(beds=12), "utf-8")
    settings = make_settings(tmp_path / "data")
    seen_during_rebuild: list[set[float]] = []

    def reader_view(store, embedder):
        refresh_records(store, embedder)
        if store.generation != settings.collection:  # the rebuild's own generation, not yet published
            reader = Store(settings, embedder.name, embedder.dim)  # another process: follows the pointer
            seen_during_rebuild.append(figures(reader))
            seen_during_rebuild.append(figures(store))

    pipeline = IngestPipeline(settings, progress=False, hooks=[reader_view])
    assert pipeline.run([folder]).ok
    reader = Store(settings, pipeline.embedder.name, pipeline.embedder.dim)
    assert figures(reader) == {12}

    (folder / "scheda-sulmona.txt").write_text(SHEET.format(beds=30), "utf-8")
    assert pipeline.run([folder], rebuild=True).ok
    assert seen_during_rebuild == [{12}, {30}]  # readers kept the published records while the rebuild wrote its own
    fresh = Store(settings, pipeline.embedder.name, pipeline.embedder.dim)
    assert figures(fresh) == {30}
    client = fresh._client_or_new()
    names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    assert f"{settings.collection}_records" not in names  # the old generation's records went with it
    assert f"{fresh.generation}_records" in names
