"""The batch hooks beside an ingest walk (`ingest.batch_hooks.BesideWalk`): while their thread runs, a thread waiting
for the GIL (the walk's embedding, between the model's numpy calls) waits SWITCH_INTERVAL at most, not Python's 5 ms;
the interval is the process's own again once the hooks are done, and a walk without hooks leaves it alone."""

from __future__ import annotations

import sys

import pytest

from ingest.batch_hooks import SWITCH_INTERVAL, BesideWalk


def test_the_switch_interval_is_short_while_the_hooks_run_and_restored_after(tmp_path):
    seen: list[float] = []

    def hook(store, ids, texts, metas):
        seen.append(sys.getswitchinterval())

    before = sys.getswitchinterval()
    assert before > SWITCH_INTERVAL  # Python's default, 5 ms
    with BesideWalk(tmp_path, [hook]) as outer:
        outer.submit(["a"], ["uno"], [{}])
        with BesideWalk(tmp_path, [hook]) as inner:  # two walks of one process at once (two data folders)
            inner.submit(["b"], ["due"], [{}])
        assert sys.getswitchinterval() == SWITCH_INTERVAL  # the outer walk still runs
    assert seen == [SWITCH_INTERVAL, SWITCH_INTERVAL]
    assert sys.getswitchinterval() == before


def test_a_walk_without_hooks_or_whose_walk_failed_leaves_the_interval_as_it_was(tmp_path):
    before = sys.getswitchinterval()
    with BesideWalk(tmp_path, []) as beside:
        assert sys.getswitchinterval() == before
        beside.submit(["a"], ["uno"], [{}])
    with pytest.raises(KeyError), BesideWalk(tmp_path, [lambda *_: None]):
        raise KeyError("the walk failed")
    assert sys.getswitchinterval() == before
