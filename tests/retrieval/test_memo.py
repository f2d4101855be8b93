"""The bounded memories of retrieval/memo.py (no timings: what is kept, what is forgotten)."""

from __future__ import annotations

import gc

from retrieval.memo import Lru, PerObject


def test_the_least_recently_used_is_forgotten_first():
    memo: Lru[str, int] = Lru(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recent
    memo.put("c", 3)
    assert memo.get("b") is None
    assert (memo.get("a"), memo.get("c"), len(memo)) == (1, 3, 2)


def test_size_zero_remembers_nothing():
    memo: Lru[str, int] = Lru(0)
    memo.put("a", 1)
    assert memo.get("a") is None and len(memo) == 0


def test_one_memory_per_live_owner_gone_with_it():
    class Owner:
        pass

    memos: PerObject[str, int] = PerObject(4)
    first, second = Owner(), Owner()
    memos.of(first).put("q", 1)
    assert memos.of(first).get("q") == 1
    assert memos.of(second).get("q") is None
    del first
    gc.collect()
    assert len(memos._memos) == 1
