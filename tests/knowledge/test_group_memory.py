"""A (city, phase) group touched by one new or deleted document takes its other documents' parts and keys as this
process last had them (remembered with their stamps, `knowledge.decoded`), reading the state file only for what
changed, and ends where a rebuild from scratch would. A real Chroma store, the real pipeline and embedding model,
invented sheets."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.decoded import DECODED
from knowledge.doc_parts import doc_stamps, kept_stamps
from knowledge.reading import Passage
from knowledge.repository import RecordRepository
from tests.conftest import make_settings
from tests.knowledge.test_records_refresh import full_rebuild, snapshot

OPENINGS = (
    "Nel 2024 il Comune di {city} ha aperto {beds} posti letto in alloggi ponte per famiglie con minori.",
    "Durante l'inverno gli operatori di strada di {city} hanno incontrato {beds} senza dimora nelle stazioni.",
    "La scuola serale di {city} ha tenuto corsi di lingua per {beds} donne arrivate con il ricongiungimento.",
    "A {city} il mercato contadino del sabato ha dato lavoro stagionale a {beds} braccianti della piana.",
    "Il consultorio di {city} ha organizzato visite pediatriche gratuite per {beds} bambini appena arrivati.",
    "La biblioteca civica di {city} presta libri in arabo, urdu e tigrino a {beds} lettori ogni mese.",
)
CLOSINGS = (
    "Lo sportello casa ha seguito {people} persone insieme alla {partner}, che cura i contratti d'affitto.",
    "Le mediatrici hanno accompagnato {people} nuclei agli uffici anagrafe con la {partner}.",
    "Un tavolo con la {partner} ha discusso le graduatorie delle case popolari, aperte a {people} richiedenti.",
    "Con la {partner} sono state raccolte {people} domande di bonus affitto tra ottobre e dicembre.",
    "Il furgone della {partner} ha consegnato pacchi alimentari a {people} famiglie del quartiere.",
    "La {partner} ha formato {people} volontari per le ripetizioni pomeridiane nelle parrocchie.",
)
PARTNERS = ("Cooperativa Il Mosaico", "Associazione Terra Nuova", "Caritas cittadina", "Fondazione Aurora")


def sheet(city: str, n: int) -> str:
    """A report of its own (no two are near-duplicates: a change to one moves no other's duplicate group)."""
    words = {"city": city, "beds": 10 + n, "people": 40 + 7 * n, "partner": PARTNERS[n % len(PARTNERS)]}
    return (f"Relazione {n} del Comune di {city}\n\n" + OPENINGS[n % len(OPENINGS)].format(**words) + " "
            + CLOSINGS[(n * 5 + 1) % len(CLOSINGS)].format(**words) + "\n")  # fmt: skip


def test_one_document_added_or_deleted_reads_its_own_rows_only_and_ends_as_a_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(4):
        (folder / f"lanciano-{n}.txt").write_text(sheet("Lanciano", n), "utf-8")
    (folder / "vasto-0.txt").write_text(sheet("Vasto", 9), "utf-8")
    refreshed: list[RecordRepository] = []

    def hook(store, embedder):
        repository = RecordRepository(store)
        repository.refresh(embedder)
        refreshed.append(repository)

    DECODED.clear()
    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store

    # A fifth sheet of the same city: its group is rebuilt with the four others' parts and keys as this process
    # computed them, no row of theirs read again.
    (folder / "lanciano-4.txt").write_text(sheet("Lanciano", 4), "utf-8")
    assert pipeline.run([folder]).ok
    assert refreshed[-1].part_rows_read == 0
    assert DECODED.recalled > 0
    added = snapshot(store)
    assert any(f.value == 68 for r in RecordRepository(store).load().records for f in r.figures)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == added

    # One of them deleted: the same.
    doc = next(r["meta"]["doc_id"] for r in store.iter_chunks(where={"source": "corpus/lanciano-1.txt"}))
    pipeline.delete_document(doc)
    assert refreshed[-1].part_rows_read == 0
    deleted = snapshot(store)
    assert deleted != added
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == deleted

    # A process that remembers nothing (another worker, a restart) reads them from the state file: the same records.
    DECODED.clear()
    (folder / "lanciano-1.txt").unlink()
    (folder / "lanciano-5.txt").write_text(sheet("Lanciano", 5), "utf-8")
    assert pipeline.run([folder]).ok
    assert refreshed[-1].part_rows_read > 0
    again = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == again


def test_a_documents_stamp_is_hashed_again_only_when_its_passages_are_other_objects():
    """The stamp of a document whose passages are the very text and metadata objects it was computed from is
    remembered; an equal copy, or a changed passage, is hashed again (and gives the stamp `doc_stamps` gives)."""
    DECODED.clear()
    meta = {"doc_id": "d1", "city": "Ortona", "content_hash": "a"}
    passages = [Passage("d1:0", "Primo testo.", meta), Passage("d1:1", "Secondo testo.", meta),
                Passage("d2:0", "Altro documento.", {"doc_id": "d2"})]  # fmt: skip
    first = kept_stamps("Ortona|LGNet2", "v", passages)
    assert first == doc_stamps("Ortona|LGNet2", "v", passages)
    recalled = DECODED.recalled
    assert kept_stamps("Ortona|LGNet2", "v", passages) == first
    assert DECODED.recalled == recalled + 2  # both documents remembered
    changed = [passages[0], Passage("d1:1", "Secondo testo, cambiato.", meta), passages[2]]
    stamps = kept_stamps("Ortona|LGNet2", "v", changed)
    assert stamps == doc_stamps("Ortona|LGNet2", "v", changed)
    assert stamps["d1"] != first["d1"] and stamps["d2"] == first["d2"]
    assert kept_stamps("Ortona|LGNet2", "w", passages) == doc_stamps("Ortona|LGNet2", "w", passages)  # other rules
