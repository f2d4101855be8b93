"""The in-memory vector index (retrieval/vectors.py): exact top-k, filters as masks, kept in step with the store
by the change log (an add and a delete equal a rebuild), saved and loaded with the lexical index."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from ingest.pipeline import IngestPipeline
from retrieval.lexical import LexicalIndex
from retrieval.lexical_manager import LexicalIndexManager
from retrieval.models import SearchRequest
from retrieval.service import SearchService
from retrieval.vectors import FILE, VectorIndex
from tests.conftest import CORPUS, make_settings

NEW_TEXT = (
    "Il Comune di Aosta ha aperto lo sportello zanzibarite per l'orientamento abitativo delle famiglie migranti "
    "in uscita dall'accoglienza, con consulenza legale e mediazione con i proprietari di casa. "
) * 3


def _random(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)


def _brute_force(matrix: np.ndarray, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    m = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    sims = m @ (query / np.linalg.norm(query))
    order = sorted(range(len(m)), key=lambda i: (-sims[i], i))
    return [i for i in order if allowed is None or allowed[i]][:k]


def test_top_k_equals_brute_force_best_first():
    matrix, query = _random(500), _random(1, seed=1)[0]
    index = VectorIndex.of(matrix)
    found = index.nearest(query, 20)
    assert [p for p, _ in found] == _brute_force(matrix, query, 20)
    sims = [s for _, s in found]
    assert sims == sorted(sims, reverse=True) and -1.0 <= sims[-1] <= sims[0] <= 1.0
    assert len(index.nearest(query, 10_000)) == 500  # more asked than there are: all, in order


def test_a_filter_mask_keeps_only_its_passages_and_their_best():
    matrix, query = _random(400, seed=2), _random(1, seed=3)[0]
    mask = np.zeros(400, dtype=bool)
    mask[::7] = True
    found = VectorIndex.of(matrix).nearest(query, 15, mask)
    assert [p for p, _ in found] == _brute_force(matrix, query, 15, mask)
    assert VectorIndex.of(matrix).nearest(query, 15, np.zeros(400, dtype=bool)) == []


def test_appends_and_replacements_equal_a_rebuild_and_leave_the_older_index_as_it_was():
    matrix = _random(50, seed=4)
    first = VectorIndex.of(matrix[:30])
    second = first.placed(range(30, 40), matrix[30:40])  # appended
    assert np.array_equal(second.matrix, VectorIndex.of(matrix[:40]).matrix)
    assert second._rows is first._rows  # into the spare rows: the matrix was not copied
    assert first.n == 30 and np.array_equal(first.matrix, VectorIndex.of(matrix[:30]).matrix)
    changed = matrix.copy()
    changed[5] = _random(1, seed=5)[0]
    third = second.placed([5, 40, 41], [changed[5], matrix[40], matrix[41]])  # one replaced, two appended
    assert np.array_equal(third.matrix, VectorIndex.of(changed[:42]).matrix)
    assert np.array_equal(second.matrix, VectorIndex.of(matrix[:40]).matrix)  # copied, not written over
    # a branch from an older index never writes into rows a newer one reads
    branch = first.placed(range(30, 32), changed[40:42])
    assert np.array_equal(second.matrix, VectorIndex.of(matrix[:40]).matrix)
    assert np.array_equal(branch.matrix[30:], VectorIndex.of(changed[40:42]).matrix)
    keep = np.ones(42, dtype=bool)
    keep[[3, 17]] = False
    compacted = third.compacted(keep)
    assert np.array_equal(compacted.matrix, VectorIndex.of(changed[:42][keep]).matrix)
    assert compacted.placed([40], [matrix[45]])._rows is compacted._rows
    with pytest.raises(ValueError):
        first.placed([31], [matrix[31]])  # a gap after the last row


def _clustered(n: int, dim: int = 64, seed: int = 7) -> np.ndarray:
    """Rows with structure, as embeddings have: a few latent directions and a little noise."""
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 8)) @ rng.normal(size=(8, dim))
    return (latent + 0.1 * rng.normal(size=(n, dim))).astype(np.float32)


def test_above_its_exact_size_the_search_ranks_by_the_sketch_then_scores_exactly():
    matrix = _clustered(3000)
    queries = _clustered(20, seed=8)
    index = VectorIndex.of(matrix)
    mask = np.zeros(3000, dtype=bool)
    mask[::3] = True
    exact_sims = dict(index.nearest(queries[0], 3000))
    hits = total = 0
    for q in queries:
        found = index.nearest(q, 20, exact_up_to=1000, rescore=300)
        truth = _brute_force(matrix, q, 20)
        hits += len({p for p, _ in found} & set(truth))
        total += len(truth)
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
        filtered = index.nearest(q, 20, mask, exact_up_to=1000, rescore=300)
        assert filtered and all(mask[p] for p, _ in filtered)
    assert hits / total >= 0.95  # approximate, nearly all of the true neighbours
    for p, sim in index.nearest(queries[0], 20, exact_up_to=1000, rescore=300):
        assert sim == exact_sims[p]  # the kept ones scored exactly
    # at or below the exact size, or rescoring every row: the exact search
    assert index.nearest(queries[1], 20, exact_up_to=3000) == index.nearest(queries[1], 20)
    assert index.nearest(queries[1], 20, exact_up_to=0, rescore=3000) == index.nearest(queries[1], 20)


def test_rows_tied_in_the_sketch_are_rescored_by_lowest_position():
    # identical passages (a copied paragraph) tie in the sketch: the rows rescored among them are the first ones,
    # whatever the order a selection visits them in, so the same index always answers the same
    matrix = _random(20_000, seed=3)
    copies = np.arange(7, 20_000, 9)  # 2,222 copies of one passage, more than the rows rescored
    matrix[copies] = matrix[0]
    index = VectorIndex.of(matrix)
    rescored = {0, *copies[:999].tolist()}
    found = index.nearest(matrix[0], 20, exact_up_to=0, rescore=1_000)
    assert len(found) == 20 and {p for p, _ in found} <= rescored
    mask = np.ones(20_000, dtype=bool)
    mask[copies[:500]] = False
    filtered = index.nearest(matrix[0], 20, mask, exact_up_to=0, rescore=1_000)
    assert len(filtered) == 20 and {p for p, _ in filtered} <= {0, *copies[500:1_499].tolist()}


def test_the_sketch_follows_appends_replacements_and_compactions():
    matrix = _clustered(1200)
    first = VectorIndex.of(matrix[:1000])
    first.warm_up(0)  # the sketch computed now
    sketch = first._rows.sketched
    assert sketch is not None
    # kept by direction: a query's product reads each direction's projections of every row in one stretch
    assert sketch.columns.shape == (sketch.basis.shape[1], len(first._rows.data)) and sketch.columns.flags.c_contiguous

    def projected(index: VectorIndex) -> np.ndarray:
        s = index._rows.sketched
        return (index.matrix - s.center) @ s.basis

    def first_found(index: VectorIndex, row: np.ndarray) -> int:
        return index.nearest(row, 5, exact_up_to=0, rescore=50)[0][0]

    appended = first.placed(range(1000, 1100), matrix[1000:1100])  # in place: the sketch rows appended
    assert np.allclose(appended._rows.sketched.of_rows(1100), projected(appended), atol=1e-4)
    assert first_found(appended, matrix[1050]) == 1050
    changed = appended.placed([7, 1100], [matrix[1150], matrix[1100]])  # a copy: the same directions
    assert changed._rows.sketched.basis is sketch.basis
    assert np.allclose(changed._rows.sketched.of_rows(1101), projected(changed), atol=1e-4)
    assert first_found(changed, matrix[1150]) in (7, 1150) and first_found(changed, matrix[1100]) == 1100
    keep = np.ones(1101, dtype=bool)
    keep[:10] = False
    compacted = changed.compacted(keep)
    assert np.allclose(compacted._rows.sketched.of_rows(1091), projected(compacted), atol=1e-4)
    assert first_found(compacted, matrix[1100]) == 1090


def test_saved_and_loaded_only_when_the_rows_match(tmp_path):
    index = VectorIndex.of(_random(20, seed=6))
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, 20)
    assert loaded is not None and np.array_equal(loaded.matrix, index.matrix)
    assert loaded.placed([20], [_random(1, seed=7)[0]])._rows is loaded._rows  # loaded with room to grow
    assert VectorIndex.load(tmp_path, 21) is None  # another corpus
    (tmp_path / FILE).write_bytes(b"not a numpy file")
    assert VectorIndex.load(tmp_path, 20) is None


@pytest.fixture
def small(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "project-sheets", corpus / "project-sheets")
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)
    assert pipeline.run([corpus]).ok
    return settings, pipeline


def _from_store(index: LexicalIndex, pipeline: IngestPipeline) -> VectorIndex:
    built = VectorIndex.from_rows(index.corpus.ids, pipeline.store.iter_chunks(embeddings=True, text=False))
    assert built is not None
    return built


def test_an_added_and_a_deleted_file_reach_the_vectors_and_equal_a_rebuild(small, monkeypatch, tmp_path):
    settings, pipeline = small
    manager = LexicalIndexManager(pipeline.store, settings.lexical_dir)
    before = manager.current()
    assert before.vectors is not None and before.vectors.n == len(before.corpus.ids)
    assert before.vectors.dim == pipeline.embedder.dim
    monkeypatch.setattr(LexicalIndex, "build", classmethod(lambda *a, **k: pytest.fail("rebuilt")))
    new = tmp_path / "uploads" / "aosta.txt"
    new.parent.mkdir()
    new.write_text(NEW_TEXT, "utf-8")
    pipeline.run([new], prune=False)
    added = manager.current()
    assert added.vectors is not None and added.vectors.n == len(added.corpus.ids) > before.vectors.n
    assert np.array_equal(added.vectors.matrix, _from_store(added, pipeline).matrix)
    doc_id = added.corpus.metas[-1]["doc_id"]
    pipeline.delete_document(doc_id)
    removed = manager.current()
    assert removed.vectors is not None and removed.vectors.n == len(removed.corpus.ids) == before.vectors.n
    assert np.array_equal(removed.vectors.matrix, _from_store(removed, pipeline).matrix)
    assert np.array_equal(before.vectors.matrix, _from_store(before, pipeline).matrix)  # the old one intact


def test_the_dense_candidates_are_chroma_s_nearest_passages(small):
    """The exact search in memory finds what Chroma's HNSW finds on a small store (where HNSW is exact), with
    the same similarities, filters included."""
    settings, pipeline = small
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    index = service.lexical.current()
    assert index.vectors is not None
    for q in ("alloggi per famiglie migranti", "corsi di lingua italiana", "inserimento lavorativo"):
        vector = service.embed_query(q)
        exact = index.vectors.nearest(vector, 20)
        chroma = pipeline.store.query(vector, 20)
        assert [index.corpus.ids[p] for p, _ in exact] == [cid for cid, _ in chroma]
        assert max(abs(s - c) for (_, s), (_, c) in zip(exact, chroma, strict=True)) < 1e-5
        city = next(index.corpus.metas[p]["city"] for p, _ in reversed(exact) if index.corpus.metas[p].get("city"))
        mine = index.vectors.nearest(vector, 5, index.mask("city", [city]))
        theirs = pipeline.store.query(vector, 5, where={"city": {"$in": [city]}})
        assert [index.corpus.ids[p] for p, _ in mine] == [cid for cid, _ in theirs]


def test_a_start_loads_the_saved_vectors_and_an_older_save_gets_them_from_the_store(small, monkeypatch):
    settings, pipeline = small
    LexicalIndexManager(pipeline.store, settings.lexical_dir).current()  # built and saved
    assert (settings.lexical_dir / FILE).is_file()
    real_iter = type(pipeline.store).iter_chunks
    monkeypatch.setattr(type(pipeline.store), "iter_chunks", lambda *a, **k: pytest.fail("read the store"))
    loaded = LexicalIndexManager(pipeline.store, settings.lexical_dir).current()
    assert loaded.vectors is not None
    assert np.array_equal(loaded.vectors.matrix, _from_store_raw(real_iter, loaded, pipeline))
    monkeypatch.undo()
    (settings.lexical_dir / FILE).unlink()  # as saved by the code before the vectors
    older = LexicalIndexManager(pipeline.store, settings.lexical_dir).current()
    assert older.vectors is not None and np.array_equal(older.vectors.matrix, _from_store(older, pipeline).matrix)
    assert (settings.lexical_dir / FILE).is_file()  # written, so the next start loads it
    assert service_hits(settings, pipeline)


def _from_store_raw(real_iter, index: LexicalIndex, pipeline: IngestPipeline) -> np.ndarray:
    built = VectorIndex.from_rows(index.corpus.ids, real_iter(pipeline.store, embeddings=True, text=False))
    assert built is not None
    return built.matrix


def service_hits(settings, pipeline) -> list:
    service = SearchService(settings, embedder=pipeline.embedder, store=pipeline.store)
    return service.search(SearchRequest(q="corsi di italiano per donne")).hits
