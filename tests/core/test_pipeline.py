"""The ingestion pipeline end to end, with the real model and a real embedded Chroma store."""

from __future__ import annotations

import json
import shutil

import pytest

from ingest.dedup import DuplicateIndex
from ingest.pipeline import IngestPipeline
from lgnet.errors import EmbedderMismatch
from lgnet.store import Store
from tests.conftest import make_settings


def ids_in_store(settings) -> set[str]:
    pipeline = IngestPipeline(settings, progress=False)
    return {row["id"] for row in pipeline.store.iter_chunks()}


def test_corpus_report_lists_articles_cities_and_duplicates(corpus_index):
    report = json.loads(corpus_index.report_path.read_text())
    assert report["errors"] == []
    assert report["articles"] == 60
    assert report["tables"] >= 6
    assert report["documents"] == 60 + report["tables"] + 4
    assert report["chunks"] > 100
    assert report["duplicate_groups"] >= 10  # syndicated copies of the same press text
    for city in ("Torino", "Milano", "Roma", "Taranto", "Latina", "Genova", "Trieste", "Bolzano", "Firenze"):
        assert report["cities"].get(city, 0) >= 1, city
    articles = [d for d in report["doc_list"] if d["doc_type"] == "press_article"]
    assert all(d["city"] for d in articles), [d["title"] for d in articles if not d["city"]]


def test_every_passage_has_its_metadata(corpus_index):
    store = IngestPipeline(corpus_index, progress=False).store
    rows = list(store.iter_chunks())
    for row in rows:
        meta = row["meta"]
        assert meta["doc_type"] in (
            "project_sheet",
            "press_article",
            "press_summary",
            "practice_report",
            "other",
        )
        assert meta["phase"] in ("LGNetEA", "LGNet2", "LGNet3")
        assert meta["language"] in ("it", "en")
        assert 0 <= meta["char_start"] < meta["char_end"]
        assert meta["dup_group"]
        words = len(row["text"].split())
        assert words <= 320, (row["id"], words)
    # Offsets point back into the source file: the passage's words are at that place.
    doc = store.get_doc(rows[5]["meta"]["doc_id"])
    meta = rows[5]["meta"]
    original = doc["text"][meta["char_start"] : meta["char_end"]]
    assert rows[5]["text"].split()[0].strip("*") in original


def test_unchanged_corpus_does_no_embedding_work(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data")
    first = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert first.chunks_embedded == first.chunks > 0
    second = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert second.chunks_embedded == 0
    assert second.files_unchanged == first.files_seen
    assert second.chunks == first.chunks


def test_changed_and_removed_files(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data")
    IngestPipeline(settings, progress=False).run([corpus_copy])
    before = ids_in_store(settings)
    sheet = corpus_copy / "project-sheets" / "lgnet3-scheda-progetto.txt"
    sheet.write_text(sheet.read_text() + "\n\nNuovo paragrafo: il Comune di Aosta ha aperto uno sportello unico.\n")
    (corpus_copy / "project-sheets" / "lgnetea-presentation-en.txt").unlink()
    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert report.files_ingested == 1 and report.files_removed == 1
    assert report.chunks_embedded >= 1
    after = ids_in_store(settings)
    assert not any(i.startswith("lgnetea-presentation-en") for i in after)
    assert any(i.startswith("lgnetea-presentation-en") for i in before)
    store = IngestPipeline(settings, progress=False).store
    texts = [r["text"] for r in store.iter_chunks(where={"source": "corpus/project-sheets/lgnet3-scheda-progetto.txt"})]
    assert any("Aosta ha aperto uno sportello unico" in t for t in texts)


def test_interrupted_run_is_repaired_without_duplicates(tmp_path, corpus_copy, monkeypatch):
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)
    calls = {"n": 0}
    original = pipeline.store.upsert_docs

    def crash_on_second_file(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # a kill half-way: passages written, manifest not
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline.store, "upsert_docs", crash_on_second_file)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([corpus_copy])
    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert report.errors == []
    ids = [row["id"] for row in IngestPipeline(settings, progress=False).store.iter_chunks()]
    assert len(ids) == len(set(ids))
    clean = make_settings(tmp_path / "clean")
    assert len(ids) == IngestPipeline(clean, progress=False).run([corpus_copy]).chunks


def test_rebuild_starts_clean(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data")
    IngestPipeline(settings, progress=False).run([corpus_copy])
    report = IngestPipeline(settings, progress=False).run([corpus_copy], rebuild=True)
    assert report.chunks_embedded == report.chunks


def test_bad_files_are_reported_and_the_index_survives(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data", max_file_mb=1)
    IngestPipeline(settings, progress=False).run([corpus_copy])
    before = ids_in_store(settings)
    bad = corpus_copy / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    (bad / "huge.txt").write_text("parola " * 400_000)
    (bad / "tabella.xlsx").write_bytes(b"PK\x03\x04 not really")
    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    names = {e.file.rsplit("/", 1)[-1]: e for e in report.errors}
    assert set(names) == {"empty.txt", "junk.txt", "corrupt.pdf", "huge.txt", "tabella.xlsx"}
    assert names["huge.txt"].code == "file_too_large"
    assert names["empty.txt"].code == "empty_file"
    assert names["tabella.xlsx"].code == "corrupt_file"  # XLSX is read since issue 14: this one is a broken zip
    assert ids_in_store(settings) == before
    saved = json.loads(settings.report_path.read_text())
    assert len(saved["errors"]) == 5


def test_a_changed_file_that_turns_bad_keeps_its_old_passages(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data")
    IngestPipeline(settings, progress=False).run([corpus_copy])
    before = ids_in_store(settings)
    (corpus_copy / "project-sheets" / "lgnet3-scheda-progetto.txt").write_bytes(b"\x00\x01\x02" * 1000)
    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert [e.code for e in report.errors] == ["corrupt_file"]
    assert ids_in_store(settings) == before


def test_opening_an_index_with_another_embedder_is_an_error(tmp_path, corpus_copy):
    settings = make_settings(tmp_path / "data")
    shutil.rmtree(corpus_copy / "press-reviews")
    IngestPipeline(settings, progress=False).run([corpus_copy])
    store = Store(settings, "st:other-model", 384)
    with pytest.raises(EmbedderMismatch, match="use-m3"):
        store.count()


def _groups(settings) -> tuple[dict, dict]:
    store = IngestPipeline(settings, progress=False).store
    chunks = {r["id"]: (r["meta"].get("dup_group"), r["meta"].get("doc_dup_group")) for r in store.iter_chunks()}
    return chunks, {r["id"]: r["meta"].get("dup_group") for r in store.iter_docs()}


@pytest.mark.parametrize("where", ["refresh", "push"])
def test_a_run_killed_before_the_duplicate_refresh_is_repaired_by_the_next(
    tmp_path, corpus_copy, corpus_index, monkeypatch, where
):
    """Issue 16 item 4: killed after the last file is stored and before (or while) the groups reach the store."""
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    if where == "refresh":
        monkeypatch.setattr(DuplicateIndex, "refresh", killed)
    else:
        monkeypatch.setattr(pipeline.store, "update_chunk_metadata", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([corpus_copy])
    monkeypatch.undo()
    chunks, docs = _groups(settings)
    assert chunks and docs
    if where == "refresh":  # every passage still its own group: syndicated copies would not collapse
        assert all(group == (cid, None) or group[0] == cid for cid, group in chunks.items())

    report = IngestPipeline(settings, progress=False).run([corpus_copy])
    assert report.files_ingested == 0 and report.chunks_embedded == 0  # nothing re-ingested, only repaired
    assert report.duplicate_groups >= 10
    assert _groups(settings) == _groups(corpus_index)  # the same groups as an uninterrupted run
