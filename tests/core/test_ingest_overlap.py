"""A full ingest embeds while the parse worker reads: the worker also tokenizes each passage for the embedder (the
USE tokenizer is pure Python, ~17 % of a passage's embedding) and computes the near-duplicate refresh's shingles,
and the walk embeds a pending write batch's passages as its files arrive, not once the batch is full."""

from __future__ import annotations

import numpy as np

import ingest.dedup
from ingest.model import Chunk, Document
from ingest.pipeline import WRITE_BATCH_FILES, IngestPipeline
from lgnet.embedders import get_embedder, tokenize
from tests.conftest import make_settings, write_notes


def test_embedding_from_tokens_is_the_embedding_to_the_bit():
    model = get_embedder("use-m3", 1)
    texts = ["x", "Hello world", "Bari (Bari)\nLo sportello casa ha accolto 120 famiglie nel 2024."]
    texts += ["Comune di Latina\n" + "Accoglienza abitativa per famiglie senza casa. " * n for n in (5, 40, 90)]
    assert np.array_equal(model.embed_tokenized(tokenize(model.tokenizer, texts)), model.embed(texts))


def test_the_worker_tokenizes_and_the_walk_embeds_before_its_batch_is_full(tmp_path):
    folder = tmp_path / "corpus"
    files = write_notes(folder, WRITE_BATCH_FILES + 6)
    settings = make_settings(tmp_path / "data", batch_size=8)
    model = get_embedder(settings.embedding_model, settings.threads)
    texts_embedded: list[str] = []
    first_call_unread: list[bool] = []

    class Watching:
        name, dim, tokenizer = model.name, model.dim, model.tokenizer

        def warm_up(self) -> None:
            model.warm_up()

        def embed(self, texts: list[str]):
            texts_embedded.extend(texts)
            return model.embed(texts)

        def embed_tokenized(self, tokens: list[list[int]]):
            if not first_call_unread:  # the first embedding: is the batch's last file still to be taken back?
                first_call_unread.append(files[WRITE_BATCH_FILES - 1] in pipeline._looked)
            return model.embed_tokenized(tokens)

    pipeline = IngestPipeline(settings, embedder=Watching(), progress=False)  # type: ignore[arg-type]
    report = pipeline.run([folder])
    assert report.ok and report.files_ingested == len(files) and report.chunks_embedded == report.chunks
    assert texts_embedded == []  # every passage embedded from the worker's tokens
    assert first_call_unread == [True]  # embedding began before the first write batch was all read
    rows = list(pipeline.store.iter_chunks(embeddings=True))
    for row in rows:  # the vector of each passage is its text's
        doc = Document("d", "s", row["meta"]["title"], row["text"], "other", 0, city=row["meta"].get("city"))
        text = Chunk("c", doc, 0, row["text"], 0, len(row["text"])).embed_text
        assert np.allclose(row["embedding"], model.embed([text])[0], atol=1e-5)


def test_the_refresh_uses_the_shingles_the_worker_computed(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = [
        "Il Comune di Sulmona ha aperto lo sportello per la casa, che ha accolto dodici famiglie in un anno.",
        "Il Comune di Sulmona ha aperto lo sportello per la casa, che ha accolto dodici famiglie in un anno.",
        "A Pescara i corsi di italiano per adulti stranieri sono ripresi in tre scuole della città a ottobre.",
        "Il laboratorio teatrale di Chieti coinvolge quaranta ragazzi delle scuole medie ogni sabato mattina.",
    ]  # two copies of one article, two others
    for n, text in enumerate(texts):
        (folder / f"nota-{n}.txt").write_text(f"Nota\n\n{text}\n", "utf-8")
    computed_here: list[str] = []

    def counted(fn):
        def inner(text: str):
            computed_here.append(text)
            return fn(text)

        return inner

    # the worker is another process: only this one's calls are counted
    monkeypatch.setattr(ingest.dedup, "passage_shingles", counted(ingest.dedup.passage_shingles))
    monkeypatch.setattr(ingest.dedup, "doc_shingles", counted(ingest.dedup.doc_shingles))
    pipeline = IngestPipeline(make_settings(tmp_path / "data"), progress=False)
    report = pipeline.run([folder])
    assert report.ok and report.files_ingested == 4
    assert computed_here == []
    groups = {r["meta"]["source"]: r["meta"]["dup_group"] for r in pipeline.store.iter_chunks()}
    assert groups["corpus/nota-0.txt"] == groups["corpus/nota-1.txt"] != groups["corpus/nota-2.txt"]


def test_shingles_computed_ahead_make_the_same_groups(tmp_path):
    import sqlite3

    sentence = "lo sportello casa ha accolto dodici famiglie nel corso del primo anno "
    texts = [sentence * 3 + str(n % 3) for n in range(9)]
    texts += ["una frase del tutto diversa sul lavoro e la formazione dei giovani " * 3]
    tables = []
    for ahead in (False, True):
        dups = ingest.dedup.DuplicateIndex(sqlite3.connect(":memory:"))
        passages = [
            ingest.dedup.Passage(f"p{i}", f"d{i}", t, ingest.dedup.passage_shingles(t) if ahead else None)
            for i, t in enumerate(texts)
        ]
        docs = [ingest.dedup.Doc(f"d{i}", t, "Sulmona", ingest.dedup.doc_shingles(t) if ahead else None)
                for i, t in enumerate(texts)]  # fmt: skip
        dups.refresh([], [], passages, docs)
        names = ("dup_passage", "dup_near", "dup_lsh", "dup_sig", "dup_doc", "dup_doc_near")
        tables.append([dups.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in names])
    assert tables[0] == tables[1]
    assert len(tables[0][1]) > 0  # some passages are near-duplicates
