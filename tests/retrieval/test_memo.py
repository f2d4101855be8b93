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


def test_warm_ups_objects_go_back_to_the_collector_when_the_index_changes():
    """gc.freeze keeps warm-up's objects out of the collector's full passes only while their index serves."""
    import gc
    import weakref

    from retrieval.service import SearchService

    class Index:
        pass

    service = SearchService.__new__(SearchService)  # only the freezing part
    made_for, next_one = Index(), Index()
    service._frozen_for = weakref.ref(made_for)
    gc.freeze()
    try:
        service._thaw(made_for)  # type: ignore[arg-type]
        assert gc.get_freeze_count() > 0
        service._thaw(next_one)  # type: ignore[arg-type]
        assert gc.get_freeze_count() == 0 and service._frozen_for is None
    finally:
        gc.unfreeze()
