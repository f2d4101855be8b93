"""Per-document diversity: a block of results holds at most `limit` passages of one document, and a passage
over the limit moves to the next block, not to the end of the list."""

from __future__ import annotations

from retrieval.diversity import diversify


def _doc(passage: str) -> str:
    return passage[0]  # "a1" is passage 1 of document "a"


def test_a_passage_over_the_limit_moves_to_the_next_block_not_to_the_end():
    ranked = ["a1", "a2", "a3", "b1", "c1", "d1", "e1", "f1", "g1", "h1", "i1"]
    out = diversify(ranked, _doc, limit=2, window=5)
    assert out[:5] == ["a1", "a2", "b1", "c1", "d1"]
    assert out[5] == "a3"  # first of the second block, before every weaker document
    assert sorted(out) == sorted(ranked)


def test_every_block_holds_at_most_the_limit_when_there_are_others():
    ranked = [f"a{i}" for i in range(8)] + [f"{d}1" for d in "bcdefgh"]
    out = diversify(ranked, _doc, limit=2, window=5)
    for start in range(0, 10, 5):
        assert sum(p.startswith("a") for p in out[start : start + 5]) <= 2
    assert [p for p in out if p.startswith("a")] == [f"a{i}" for i in range(8)]  # each document keeps its order


def test_one_document_alone_keeps_its_order():
    ranked = [f"a{i}" for i in range(7)]
    assert diversify(ranked, _doc, limit=2, window=5) == ranked
