"""An index described by older rules is described again by the current ones, without embedding it again
(ingest/redescribe.py): a real store, its files unchanged, their stored description made as older rules would have
left it. Invented texts."""

from __future__ import annotations

import pytest

from ingest.pipeline import IngestPipeline
from ingest.redescribe import describe_modules, describe_version
from lgnet.state import connect, state_path
from tests.conftest import make_settings

SHEET = """Scheda progetto
Titolo del progetto: Orti di quartiere
Ente capofila: Comune di Pergine Valsugana
Partenariato: Associazione Semi Comuni
Importo: 48.000 euro
Durata: 24 mesi
Destinatari: famiglie arrivate da poco e pensionati del quartiere
Il progetto affida dodici orti a famiglie arrivate da poco, seguite da pensionati che insegnano a coltivare.
"""
ARTICLE = """SULMONA, 4 marzo 2027 – Apre in via Ovidio la ciclofficina solidale del Comune di Sulmona.
Chi lavora nei campi ripara la bicicletta e ne riceve una in prestito per la stagione, ha spiegato l'assessora.
"Sono già quaranta le biciclette prestate", ha dichiarato il sindaco.
"""


@pytest.fixture
def ingested(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scheda-orti.txt").write_text(SHEET, "utf-8")
    (corpus / "ciclofficina.txt").write_text(ARTICLE, "utf-8")
    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False)
    assert pipeline.run([corpus]).ok
    calls: list[int] = []
    for name in ("embed", "embed_tokenized"):  # every passage embedded goes through one of them
        method = getattr(pipeline.embedder, name, None)
        if method is not None:
            setattr(pipeline.embedder, name, _counted(method, calls))
    return pipeline, corpus, calls


def _counted(method, calls):
    def call(items):
        calls.append(len(items))
        return method(items)

    return call


def _rows(pipeline, source):
    return sorted(pipeline.store.iter_chunks(where={"source": source}, embeddings=True), key=lambda r: r["id"])


def _state(pipeline):
    return connect(state_path(pipeline.settings.data_dir, pipeline.store.generation))


def _as_older_rules_left_it(pipeline, source, **changed):
    """The stored description of `source` as older rules would have written it, and its row naming those rules."""
    rows = list(pipeline.store.iter_chunks(where={"source": source}))
    pipeline.store.update_chunk_metadata([r["id"] for r in rows], [{**r["meta"], **changed} for r in rows])
    docs = list(pipeline.store.iter_docs(where={"source": source}, text=False))
    pipeline.store.update_doc_metadata([d["id"] for d in docs], [{**d["meta"], **changed} for d in docs])
    state = _state(pipeline)
    state.execute("CREATE TABLE IF NOT EXISTS described (source TEXT PRIMARY KEY, version TEXT NOT NULL)")
    state.execute("INSERT OR REPLACE INTO described VALUES (?, 'described-older')", (source,))


def test_new_rules_describe_an_unchanged_file_again_without_embedding_it(ingested):
    pipeline, corpus, calls = ingested
    sheet, article = "corpus/scheda-orti.txt", "corpus/ciclofficina.txt"
    before = {s: _rows(pipeline, s) for s in (sheet, article)}
    assert {r["meta"]["doc_type"] for r in before[sheet]} == {"project_sheet"}
    _as_older_rules_left_it(pipeline, sheet, doc_type="other")
    seq = _state(pipeline).execute("SELECT MAX(seq) FROM changes").fetchone()[0]

    report = pipeline.run([corpus])
    assert report.ok and report.files_ingested == 1 and report.files_unchanged == 1
    assert calls == []  # the type is no part of the embedded text: every vector re-used
    after = {s: _rows(pipeline, s) for s in (sheet, article)}
    assert {r["meta"]["doc_type"] for r in after[sheet]} == {"project_sheet"}
    assert pipeline.store.get_doc(after[sheet][0]["meta"]["doc_id"])["meta"]["doc_type"] == "project_sheet"
    for source in (sheet, article):  # nothing else lost: the same passages, texts, vectors and metadata
        assert [(r["id"], r["text"], r["meta"]) for r in after[source]] == [
            (r["id"], r["text"], r["meta"]) for r in before[source]
        ]
        assert all((a["embedding"] == b["embedding"]).all() for a, b in zip(after[source], before[source], strict=True))
    changed = [r[0] for r in _state(pipeline).execute("SELECT id FROM changes WHERE seq > ?", (seq,))]
    assert set(changed) == {r["id"] for r in after[sheet]}  # the derived indexes hear of the sheet's passages only

    # described by the current rules now: the next run reads nothing
    report = pipeline.run([corpus])
    assert report.files_ingested == 0 and report.files_unchanged == 2 and calls == []


def test_an_index_from_before_the_table_is_described_again_and_left_as_it_is(ingested):
    pipeline, corpus, calls = ingested
    _state(pipeline).execute("DROP TABLE described")
    seq = _state(pipeline).execute("SELECT MAX(seq) FROM changes").fetchone()[0]
    report = pipeline.run([corpus])
    assert report.ok and report.files_ingested == 0 and report.files_unchanged == 2
    assert calls == []
    assert _state(pipeline).execute("SELECT COUNT(*) FROM changes WHERE seq > ?", (seq,)).fetchone()[0] == 0
    versions = {r[0] for r in _state(pipeline).execute("SELECT version FROM described")}
    assert versions == {describe_version()}


def test_a_new_city_is_embedded_with_its_passages_and_nothing_else(ingested):
    pipeline, corpus, calls = ingested
    article = "corpus/ciclofficina.txt"
    assert {r["meta"]["city"] for r in _rows(pipeline, article)} == {"Sulmona"}
    # older rules found no city: the passages were embedded without it (their embedded text's hash says so)
    _as_older_rules_left_it(pipeline, article, city=None, content_hash="older")
    report = pipeline.run([corpus])
    assert report.ok and report.files_ingested == 1
    assert {r["meta"]["city"] for r in _rows(pipeline, article)} == {"Sulmona"}
    assert sum(calls) == len(_rows(pipeline, article))  # the city is embedded with its passages: those alone


def test_the_digest_covers_the_rules_that_describe_a_file():
    modules = describe_modules()
    for rule in ("ingest.doctype", "ingest.city", "ingest.messages", "ingest.metadata", "lgnet.gazetteer"):
        assert rule in modules
    assert "ingest.pipeline" not in modules and "lgnet.store" not in modules
    assert describe_version().startswith("described-")
