"""The per-value positions a change moves are those a count from scratch gives (retrieval/value_positions.py)."""

from __future__ import annotations

import random

import numpy as np

from retrieval.value_positions import moved, values

VALUES = ["Bari", "Lecce", None, 1, True, "LGNet2"]


def _meta(rng: random.Random) -> dict:
    if rng.random() < 0.5:
        return {"f": rng.choice(VALUES)}
    return {"f": [rng.choice(VALUES) for _ in range(rng.randint(0, 3))]}


def _count(metas: list[dict]) -> dict:
    out: dict = {}
    for position, meta in enumerate(metas):
        for v in values(meta, "f"):
            out.setdefault(v, []).append(position)
    return {v: np.array(p, dtype=np.int64) for v, p in out.items()}


def test_moved_positions_equal_a_count_from_scratch():
    rng = random.Random(7)
    for _ in range(2000):
        metas = [_meta(rng) for _ in range(rng.randint(0, 40))]
        before = _count(metas)
        moves = []
        for position in rng.sample(range(len(metas)), rng.randint(0, len(metas))):
            new = _meta(rng)  # changed (or not: the same value again)
            moves.append((position, metas[position], new))
            metas[position] = new
        for _ in range(rng.randint(0, 3)):  # appended passages
            metas.append(_meta(rng))
            moves.append((len(metas) - 1, None, metas[-1]))
        after = moved(before, "f", moves)
        expected = _count(metas)
        assert after.keys() == expected.keys()
        for v, positions in expected.items():
            assert np.array_equal(after[v], positions), (v, after[v], positions)


def test_a_value_no_passage_gained_or_lost_is_the_same_array():
    big = {"Bari": np.arange(0, 1000, dtype=np.int64), "Lecce": np.arange(1000, 1010, dtype=np.int64)}
    out = moved(big, "f", [(5, {"f": "Bari"}, {"f": "Bari"}), (1003, {"f": "Lecce"}, {"f": "Bari"})])
    assert out["Bari"].size == 1001 and 1003 in out["Bari"]
    assert 1003 not in out["Lecce"]
    untouched = moved(big, "f", [(5, {"f": "Bari"}, {"f": "Bari"})])
    assert untouched["Bari"] is big["Bari"]
