"""A document about several comuni (a regional press review: one short article per comune, news in brief) gives
each comune its own records, with its own figures and partners, citing the document; no fact reaches a sibling
article's comune or the document's city. Through the real pipeline (a real Chroma store and the real embedding
model, on a folder of its own), incrementally as after a full rebuild. Texts made up for the test."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.documents import document_summaries
from knowledge.repository import RecordRepository
from lgnet.gazetteer import same_comune
from retrieval.browse import city_profile, list_cities
from retrieval.service import SearchService
from tests.conftest import make_settings
from tests.knowledge.test_records_refresh import full_rebuild, snapshot

REVIEW = (
    "Rassegna stampa - Accoglienza e inclusione nei comuni abruzzesi\n\n"
    "A cura dell'ufficio comunicazione dell'associazione regionale dei comuni. Settimana dal 3 al 9 marzo 2025.\n\n"
    "Sulmona, la casa di accoglienza apre nuovi posti letto\n\n"
    "Il Centro, edizione della Valle Peligna, 4 marzo 2025\n\n"
    "SULMONA. Sono {beds} i nuovi posti letto aperti in alloggi di accoglienza dal Comune di Sulmona insieme "
    "alla Cooperativa Sociale Il Faro, per famiglie migranti con bambini. Il servizio di accoglienza abitativa "
    "dispone di 90.000 euro per il biennio 2025-2026.\n\n"
    "Teramo, allo sportello per stranieri centinaia di persone seguite\n\n"
    "La Città, 6 marzo 2025\n\n"
    "TERAMO. Sono 230 le persone prese in carico dallo sportello per stranieri del Comune di Teramo, gestito "
    "con l'Associazione Ponti Aperti. Lo sportello è aperto il lunedì e il giovedì in piazza Martiri.\n\n"
    "In breve\n\n"
    "Pescara - Il Comune ha firmato il protocollo con l'Associazione Medici in Strada per 40 visite mediche "
    "al mese ai migranti senza dimora.\n"
)
SHEET = (
    "Scheda pratica del Comune di Teramo\n\n"
    "Accoglienza abitativa\n\n"
    "Nel 2024 il Comune di Teramo ha attivato 8 posti letto in alloggi ponte per famiglie migranti, "
    "con la Cooperativa Sociale Aurora.\n"
)


def _facts(snap, city: str) -> tuple[set[float], set[str], set[str]]:
    """The figures, partners and cited documents of a city's records and project facts."""
    records = [r for r in snap.records if same_comune(city, r.city)]
    projects = [p for p in snap.projects.values() if same_comune(city, p.city)]
    values = {float(f.value) for x in [*records, *projects] for f in x.figures}
    partners = {p.name for x in [*records, *projects] for p in x.partners}
    cited = {s.doc_id for r in records for s in r.sources}
    return values, partners, cited


def test_a_review_s_articles_give_each_comune_its_own_records(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rassegna-abruzzo.txt").write_text(REVIEW.format(beds=12), "utf-8")
    (folder / "scheda-teramo.txt").write_text(SHEET, "utf-8")
    settings = make_settings(tmp_path / "data")

    def hook(store, embedder):
        RecordRepository(store).refresh(embedder)

    pipeline = IngestPipeline(settings, progress=False, hooks=[hook])
    assert pipeline.run([folder]).ok
    store = pipeline.store
    review = next(r["meta"]["doc_id"] for r in store.iter_chunks() if "rassegna" in r["meta"]["source"])
    snap = RecordRepository(store).load()

    values, partners, cited = _facts(snap, "Sulmona")
    assert 12.0 in values and "Cooperativa Sociale Il Faro" in partners
    assert not values & {230.0, 40.0, 8.0} and "Associazione Ponti Aperti" not in partners
    assert review in cited  # the record cites the review, where its article is
    values, partners, _ = _facts(snap, "Teramo")
    assert {230.0, 8.0} <= values and {"Associazione Ponti Aperti", "Cooperativa Sociale Aurora"} <= partners
    assert not values & {12.0, 40.0} and "Cooperativa Sociale Il Faro" not in partners
    values, partners, _ = _facts(snap, "Pescara")
    assert 40.0 in values and not values & {12.0, 230.0}
    sulmona = next(p for p in snap.projects.values() if p.city == "Sulmona")
    assert sulmona.budget.total is not None and sulmona.budget.total.value == 90000
    rows = list(store.iter_chunks())
    summary = document_summaries([r["id"] for r in rows], [r["meta"] for r in rows])[review]
    assert {"Sulmona", "Teramo", "Pescara"} <= {summary.city, *summary.section_cities}  # their city pages list it
    # One read model: a comune met in the review only has its city page, listing the review and its figures.
    service = SearchService(settings)
    assert "Pescara" in {c["name"] for c in list_cities(service)["cities"]}
    profile = city_profile(service, "Pescara")
    assert review in {d["doc_id"] for d in profile["documents"]}
    assert 40.0 in {float(f["value"]) for f in profile["figures"]} and 12.0 not in {
        float(f["value"]) for f in profile["figures"]}  # fmt: skip

    # The review changes: the refresh rebuilds what it touches and ends as a full rebuild would.
    (folder / "rassegna-abruzzo.txt").write_text(REVIEW.format(beds=15), "utf-8")
    assert pipeline.run([folder]).ok
    values, _, _ = _facts(RecordRepository(store).load(), "Sulmona")
    assert 15.0 in values and 12.0 not in values
    incremental = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental

    # The review removed: the comuni it alone spoke of have nothing left; Teramo keeps its own sheet's.
    (folder / "rassegna-abruzzo.txt").unlink()
    assert pipeline.run([folder]).ok
    snap = RecordRepository(store).load()
    assert not any(x.city in ("Pescara", "Sulmona") for x in [*snap.records, *snap.projects.values()])
    values, _, _ = _facts(snap, "Teramo")
    assert 8.0 in values and 230.0 not in values
    incremental = snapshot(store)
    full_rebuild(store, pipeline.embedder)
    assert snapshot(store) == incremental
