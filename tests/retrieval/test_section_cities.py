"""A document's part about another comune (ingest/sections.py: a press review's article, filed under no city) is
that comune's passage for search: the city filter finds it, the city facet counts it, a query naming the comune
boosts it. Through the real pipeline (real Chroma store, real embedding model); texts made up for the test."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from retrieval.filters import SearchFilters
from retrieval.models import SearchRequest
from retrieval.service import SearchService
from tests.conftest import make_settings

REVIEW = (
    "Rassegna stampa - Accoglienza e inclusione nei comuni abruzzesi\n\n"
    "A cura dell'ufficio comunicazione dell'associazione regionale dei comuni. Settimana dal 3 al 9 marzo 2025.\n\n"
    "Sulmona, la casa di accoglienza apre nuovi posti letto\n\n"
    "Il Centro, edizione della Valle Peligna, 4 marzo 2025\n\n"
    "SULMONA. Sono 12 i nuovi posti letto aperti in alloggi di accoglienza dal Comune di Sulmona insieme "
    "alla Cooperativa Sociale Il Faro, per famiglie migranti con bambini. Il servizio di accoglienza abitativa "
    "dispone di 90.000 euro per il biennio 2025-2026.\n\n"
    "Teramo, allo sportello per stranieri centinaia di persone seguite\n\n"
    "La Città, 6 marzo 2025\n\n"
    "TERAMO. Sono 230 le persone prese in carico dallo sportello per stranieri del Comune di Teramo, gestito "
    "con l'Associazione Ponti Aperti. Lo sportello è aperto il lunedì e il giovedì in piazza Martiri.\n"
)
OTHER = (
    "Scheda pratica del Comune di Chieti\n\n"
    "Lo sportello per stranieri del Comune di Chieti ha preso in carico 95 persone nel 2024, con la "
    "Cooperativa Sociale Aurora, aperto il martedì in piazza Vico.\n"
)


def test_a_review_s_article_is_its_comune_s_passage_for_search(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rassegna-abruzzo.txt").write_text(REVIEW, "utf-8")
    (folder / "scheda-chieti.txt").write_text(OTHER, "utf-8")
    settings = make_settings(tmp_path / "data")
    assert IngestPipeline(settings, progress=False).run([folder]).ok
    service = SearchService(settings)
    service.warm_up()

    teramo = [h for h in service.search(SearchRequest(q="sportello stranieri", k=10)).hits if "TERAMO" in h.text]
    assert teramo and teramo[0].city != "Teramo"  # filed under the review's city, not Teramo's

    filtered = service.search(SearchRequest(q="sportello stranieri", city=["Teramo"], k=10))
    assert filtered.hits and all("TERAMO" in h.text for h in filtered.hits)  # found, and Chieti's sheet is not
    where = SearchFilters(city=("Teramo",)).where()  # the Chroma fallback's filter (an index without vectors)
    found = service.store.query(service.embed_query("sportello stranieri"), 10, where=where)
    assert found and all("TERAMO" in service.store.get_chunks([cid])[0]["text"] for cid, _ in found)
    browse = service.search(SearchRequest(q="", city=["Teramo"], k=10))
    assert any("TERAMO" in h.text for h in browse.hits)
    counts = {f["value"]: f["count"] for f in service.search(SearchRequest(q="sportello stranieri")).facets["city"]}
    assert counts.get("Teramo", 0) >= 1 and counts.get("Chieti", 0) >= 1

    named = service.search(SearchRequest(q="sportello stranieri Teramo", k=10))
    assert "Teramo" in named.parsed.cities and "TERAMO" in named.hits[0].text  # the boost of the comune named
