"""The ingest report's index figures are kept incrementally (`ingest.summary`): a run that changes one file reads
that file's documents only, and its figures are those a listing of every stored document gives. A real Chroma
store and the real embedding model, on a folder of its own."""

from __future__ import annotations

from collections import Counter

from ingest.pipeline import IngestPipeline
from lgnet.store import Store
from tests.conftest import make_settings

ARTICLE = (
    "{city}, uno sportello per la casa\n\n"
    "{city}. Il Comune di {city} ha aperto uno sportello casa che in sei mesi ha accolto {people} persone, "
    "con colloqui di orientamento, mediazione con i proprietari e un fondo di garanzia per gli affitti. "
    "Lo sportello è gestito con la Caritas diocesana e con le associazioni del quartiere, che seguono le "
    "famiglie nella ricerca di un alloggio e nei rapporti con i servizi sociali del territorio.\n"
)


OTHER = (
    "Pescara, corsi di italiano al centro civico\n\n"
    "Pescara. Al centro civico di via Tiburtina sono ripartiti i corsi serali di lingua italiana per adulti "
    "stranieri: tre livelli, due sere a settimana, con la scuola per l'infanzia aperta per i figli dei corsisti. "
    "Le iscrizioni si raccolgono in biblioteca fino a fine mese.\n"
)


def listing(store: Store) -> dict:
    """The figures from every stored document, as the report computed them before it kept them."""
    docs = [{"doc_id": d["id"], **d["meta"]} for d in store.iter_docs(text=False)]
    return {
        "documents": len(docs),
        "articles": sum(d["doc_type"] == "press_article" for d in docs),
        "duplicate_groups": sum(n > 1 for n in Counter(d.get("dup_group") for d in docs).values()),
        "cities": dict(Counter(d["city"] for d in docs if d.get("city"))),
    }


def figures(report) -> dict:
    return {
        "documents": report.documents,
        "articles": report.articles,
        "duplicate_groups": report.duplicate_groups,
        "cities": dict(report.cities),
    }


def test_a_run_lists_its_own_documents_and_keeps_the_index_figures(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "sulmona.txt").write_text(ARTICLE.format(city="Sulmona", people=40), "utf-8")
    (folder / "sulmona-copia.txt").write_text(ARTICLE.format(city="Sulmona", people=40), "utf-8")
    (folder / "teramo.txt").write_text(ARTICLE.format(city="Teramo", people=25), "utf-8")
    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False)
    report = pipeline.run([folder])
    store = pipeline.store
    assert len(report.doc_list) == 3
    assert figures(report) == listing(store)
    assert report.duplicate_groups == 1  # the copy

    # A file unlike the others added: the report lists its documents only, the index figures match a listing.
    (folder / "pescara.txt").write_text(OTHER, "utf-8")
    report = pipeline.run([folder])
    assert {d["source"] for d in report.doc_list} == {"corpus/pescara.txt"}
    assert figures(report) == listing(store)
    assert report.cities == {"Sulmona": 2, "Pescara": 1, "Teramo": 1}

    # A document deleted outside a run, then the copy's original removed: the copy leaves its group.
    teramo = next(d["id"] for d in store.iter_docs(text=False) if d["meta"].get("city") == "Teramo")
    pipeline.delete_document(teramo)
    (folder / "teramo.txt").unlink()  # else the next run ingests it again
    (folder / "sulmona.txt").unlink()
    report = pipeline.run([folder])
    assert figures(report) == listing(store)
    assert report.duplicate_groups == 0 and report.cities == {"Sulmona": 1, "Pescara": 1}
    assert report.documents == store.count_docs() == 2


def test_the_report_counts_read_the_summary_indexes_not_its_rows(tmp_path):
    """Counts by type, syndication group and city scan small indexes, not every document's JSON row (at 100k
    passages the rows are ~10 MB, counted on every file added)."""
    import sqlite3

    from ingest.summary import IndexSummary

    conn = sqlite3.connect(str(tmp_path / "state.sqlite"), isolation_level=None)
    summary = IndexSummary(conn)
    rows = [
        {"doc_id": "d1", "doc_type": "press_article", "city": "Bari", "dup_group": "d1"},
        {"doc_id": "d2", "doc_type": "press_article", "city": "Bari", "dup_group": "d1"},
        {"doc_id": "d3", "doc_type": "report", "city": None, "dup_group": "d3"},
    ]
    summary._put(rows)
    assert summary.figures() == {"documents": 3, "articles": 2, "tables": 0, "duplicate_groups": 1,
                                 "cities": {"Bari": 2}}  # fmt: skip
    for sql in (
        "SELECT doc_type, COUNT(*) FROM doc_summary GROUP BY doc_type",
        "SELECT dup_group FROM doc_summary GROUP BY dup_group HAVING COUNT(*) > 1",
        "SELECT city, COUNT(*) FROM doc_summary WHERE city IS NOT NULL AND city != '' GROUP BY city",
    ):
        plan = " ".join(str(step[-1]) for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "COVERING INDEX" in plan, plan
    conn.close()
