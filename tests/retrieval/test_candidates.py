"""The candidates as arrays (retrieval/candidates.py) against the plain definitions they replaced, on the corpus
index: the stages after fusion keep the same order, scores and counts. No timings (they live in the bench)."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from scipy import sparse

from retrieval import candidates as cand
from retrieval import stages
from retrieval.diversity import diversify as diversify_objects
from retrieval.models import FACET_FIELDS, SearchRequest
from retrieval.value_positions import values


def _random(index, seed: int, n: int = 300) -> cand.Candidates:
    rng = random.Random(seed)
    positions = rng.sample(range(len(index.corpus.ids)), min(n, len(index.corpus.ids)))
    return cand.Candidates.of(positions, sorted((rng.random() for _ in positions), reverse=True))


@pytest.mark.parametrize("seed, limit", [(1, 1), (2, 2), (3, 1)])
def test_diversity_over_arrays_is_the_diversity_of_the_objects(service, seed, limit):
    index = service.lexical.current()
    start = random.Random(seed).randrange(len(index.corpus.ids) // 2)
    # passages in corpus order: a document's passages follow each other, so the blocks have some to move
    positions = np.arange(start, len(index.corpus.ids))
    ranked = cand.Candidates.of(positions, np.linspace(1, 0, positions.size))
    metas = index.corpus.metas
    pairs = ranked.pairs()
    expected = diversify_objects(
        pairs, lambda c: str(metas[c[0]].get("doc_dup_group") or metas[c[0]].get("doc_id")), limit
    )
    out = cand.diversify(cand.document_codes(index), ranked, limit)
    assert out.pairs() == expected
    assert out.pairs() != pairs  # something moved


@pytest.mark.parametrize("seed", [1, 2])
def test_facets_over_the_candidates_count_what_the_metadata_says(service, seed):
    index = service.lexical.current()
    found = _random(index, seed, 150)
    facets = service._facets(index, found)
    for fieldname, name in zip(FACET_FIELDS, facets, strict=True):
        counted: dict = {}
        for p in found.positions.tolist():
            for v in values(index.corpus.metas[p], fieldname):
                if v is not None:
                    counted[v] = counted.get(v, 0) + 1
        assert {f["value"]: f["count"] for f in facets[name]} == counted, fieldname
        assert [f["count"] for f in facets[name]] == sorted(counted.values(), reverse=True)


def test_date_order_is_newest_first_then_by_position(service):
    index = service.lexical.current()
    found = _random(index, 4)
    out = service._by_date(index, found)
    expected = sorted(found.pairs(), key=lambda c: (index.corpus.metas[c[0]].get("date") or "", -c[0]), reverse=True)
    assert out.pairs() == expected


def test_a_hit_lists_the_first_copies_of_its_group_and_counts_them_all(service, monkeypatch):
    index = service.lexical.current()
    group, members = max(index.corpus.groups.items(), key=lambda kv: len(kv[1]))
    assert len(members) >= 3, "the corpus has a passage with two copies at least"
    monkeypatch.setattr(stages, "MAX_DUPLICATES", 1)
    monkeypatch.setattr(stages, "_COPIES", stages.weakref.WeakKeyDictionary())  # built with the patched cap
    hit = service._hit_at(index, members[1], 1.0)
    assert [d.id for d in hit.duplicates] == [index.corpus.ids[members[0]]]
    assert hit.duplicates_total == len(members) - 1


def test_a_search_answers_the_same_with_its_candidates_as_arrays(service):
    """The whole path (fusion, collapse, rerank, diversity, facets, page) gives decreasing scores, distinct
    groups, and pages that follow each other."""
    first = service.search(SearchRequest(q="alloggi per famiglie", k=5))
    second = service.search(SearchRequest(q="alloggi per famiglie", k=5, page=2))
    scores = [h.score for h in first.hits + second.hits]
    assert scores == sorted(scores, reverse=True)
    groups = [h.dup_group or h.id for h in first.hits + second.hits]
    assert len(groups) == len(set(groups))
    assert first.total == second.total and sum(f["count"] for f in first.facets["doc_type"]) == first.total
    assert np.all(np.diff([h.score for h in first.hits]) <= 0)


def _partition(codes: np.ndarray, keys: list) -> bool:
    """Equal codes exactly where the keys are equal."""
    first: dict = {}
    seen: dict = {}
    for code, key in zip(codes.tolist(), keys, strict=True):
        if first.setdefault(key, code) != code or seen.setdefault(code, key) != key:
            return False
    return True


def test_codes_follow_a_change_as_a_coding_of_the_whole_index(service):
    """An index made by a change takes the codes of the one it came from and codes only its changed rows (the
    first search after a change): they still tell the groups and the documents apart as a whole coding does,
    after passages moved to another group, were added and were removed."""
    index = service.lexical.current()
    rows = [{"id": cid, "text": t, "meta": dict(m)} for cid, t, m in
            zip(index.corpus.ids[:6], index.corpus.texts[:6], index.corpus.metas[:6], strict=True)]  # fmt: skip
    codings = (stages.group_codes, cand.document_codes)
    for coding in codings:
        coding(index)
    rows[0]["meta"]["dup_group"] = index.corpus.metas[1].get("dup_group") or index.corpus.ids[1]  # joins another's
    rows[2]["meta"]["doc_dup_group"] = "syndicated-elsewhere"
    new = [{"id": f"{r['id']}-copy", "text": r["text"], "meta": {**r["meta"], "doc_id": "copy-doc"}} for r in rows[3:]]
    changed = index.apply(rows[:3] + new, {index.corpus.ids[4], index.corpus.ids[10]})
    assert changed.moved is not None and changed.moved[1] is not None  # rows removed: the positions moved
    again = changed.apply([new[0]], set())
    for later in (changed, again):
        metas, ids = later.corpus.metas, later.corpus.ids
        groups = [m.get("dup_group") or cid for m, cid in zip(metas, ids, strict=True)]
        documents = [str(m.get("doc_dup_group") or m.get("doc_id")) for m in metas]
        assert _partition(stages.group_codes(later), groups)
        assert _partition(cand.document_codes(later), documents)
    assert _partition(stages.group_codes(index), [m.get("dup_group") or c for m, c in
                                                  zip(index.corpus.metas, index.corpus.ids, strict=True)])  # fmt: skip


def test_the_facet_table_of_a_changed_index_counts_as_one_built_whole(service):
    """An index made by a change takes the facet table of the one it came from, its changed rows written anew: the
    counts equal those of a table built whole, after passages changed value, took a value no passage had, were
    added and were removed."""
    index = service.lexical.current()
    cand.facet_table(index, FACET_FIELDS)  # the last one built: the next is made from it
    rows = [{"id": cid, "text": t, "meta": dict(m)} for cid, t, m in
            zip(index.corpus.ids[:6], index.corpus.texts[:6], index.corpus.metas[:6], strict=True)]  # fmt: skip
    rows[0]["meta"]["city"] = index.corpus.metas[7].get("city") or "Bari"
    rows[1]["meta"]["doc_type"] = "a-type-never-seen"
    rows[2]["meta"]["city"] = None
    new = [{"id": f"{r['id']}-copy", "text": r["text"], "meta": {**r["meta"], "city": "Matera"}} for r in rows[3:]]
    changed = index.apply(rows[:3] + new, {index.corpus.ids[4], index.corpus.ids[10]})
    assert changed.moved is not None and changed.moved[1] is not None  # rows removed: the positions moved
    again = changed.apply([{**new[0], "meta": {**new[0]["meta"], "city": "Lecce"}}], set())
    for later in (changed, again):
        made = cand.facet_table(later, FACET_FIELDS)
        whole = cand._facet_table(FACET_FIELDS)(later)  # a builder that never saw an index: built whole
        for seed in range(3):
            matching = _random(later, seed)
            assert _nonzero(made, matching) == _nonzero(whole, matching)
        everything = cand.Candidates.of(np.arange(len(later.corpus.ids)))
        assert _nonzero(made, everything) == _nonzero(whole, everything)
        assert ("doc_type", "a-type-never-seen") in made[0]


def _nonzero(table, matching) -> dict:
    counted = cand.facet_counts(table, matching).items()
    return {name: sorted((str(v), n) for v, n in counts if n) for name, counts in counted if any(n for _, n in counts)}


def test_the_facet_counts_gather_the_rows_scipy_would_give(service):
    """`facet_counts` reads the candidates' rows of the CSR table with numpy: the same column indices as scipy's
    row indexing, for rows in any order, repeated rows of no entry and an empty selection."""
    columns, matrix = cand.facet_table(service.lexical.current(), FACET_FIELDS)
    n = matrix.shape[0]
    rng = np.random.default_rng(7)
    for rows in (rng.permutation(n)[: n // 3], np.arange(n), np.array([n - 1, 0, n - 1]), np.zeros(0, dtype=np.int64)):
        assert cand._row_columns(matrix, rows).tolist() == matrix[rows].indices.tolist()
    empty = sparse.csr_matrix((4, 3), dtype=np.int8)
    assert cand._row_columns(empty, np.array([2, 0])).size == 0


class _Counted(dict):
    """A passage's metadata that counts the reads of its date."""

    reads = 0

    def get(self, key, default=None):
        if key == "date":
            _Counted.reads += 1
        return super().get(key, default)


def _same_order(ranks: np.ndarray, dates: list[str]) -> bool:
    """The ranks order the passages as their dates do, equal dates equal ranks."""
    pairs = sorted(zip(dates, ranks.tolist(), strict=True))
    return all((a[0] < b[0]) == (a[1] < b[1]) and (a[0] == b[0]) == (a[1] == b[1])
               for a, b in itertools.pairwise(pairs))  # fmt: skip


def test_date_ranks_follow_a_change_without_reading_the_other_passages(service):
    """An index made by a change takes the date ranks of the one it came from and ranks only its changed rows (the
    writer's thread makes them for the first search after each file added): the same order as ranking every
    passage, after passages were added, changed date and were removed, and after another index was ranked in between;
    a date never ranked ranks them all again."""
    index = service.lexical.current()
    cand.date_ranks(index)
    cand.date_ranks(index.apply([], {index.corpus.ids[0]}))  # another index ranked since (another search's)
    cand.date_ranks(index)  # asked again, ranked already: the last one asked, the next is made from it
    dates = sorted({m.get("date") or "" for m in index.corpus.metas})
    assert len(dates) >= 3, "the corpus has documents of several dates"
    rows = [{"id": cid, "text": t, "meta": dict(m)} for cid, t, m in
            zip(index.corpus.ids[:4], index.corpus.texts[:4], index.corpus.metas[:4], strict=True)]  # fmt: skip
    rows[0]["meta"]["date"] = dates[-1]
    rows[1]["meta"]["date"] = dates[0]
    new = [{"id": f"{r['id']}-copy", "text": r["text"], "meta": {**r["meta"], "date": dates[1]}} for r in rows[2:]]
    changed = index.apply(rows[:2] + new, {index.corpus.ids[5], index.corpus.ids[9]})
    assert changed.moved is not None and changed.moved[1] is not None  # rows removed: the positions moved
    touched = set(changed.moved[2].tolist())
    for p, meta in enumerate(changed.corpus.metas):
        if p not in touched:
            changed.corpus.metas[p] = _Counted(meta)
    _Counted.reads = 0
    ranks = cand.date_ranks(changed)
    assert _Counted.reads == 0  # the other passages' dates were not read
    assert _same_order(ranks, [m.get("date") or "" for m in changed.corpus.metas])
    never = changed.apply([{**new[0], "meta": {**new[0]["meta"], "date": "2999-12-31"}}], set())
    ranks = cand.date_ranks(never)
    assert _same_order(ranks, [m.get("date") or "" for m in never.corpus.metas])
    assert ranks[never.corpus.ids.index(new[0]["id"])] == ranks.max()
