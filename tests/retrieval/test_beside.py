"""A large index's dense leg runs in a worker thread beside the lexical leg (retrieval/beside.py): the same
results as run one after the other; a dense-only search keeps its leg in the caller. No timings checked."""

from __future__ import annotations

import threading

import pytest

from retrieval import beside as beside_module
from retrieval import stages
from retrieval.beside import beside
from retrieval.models import SearchRequest

QUERIES = [
    "alloggi per famiglie migranti in uscita dall'accoglienza",
    "Torino: housing first per persone senza dimora",
    "mediazione linguistica negli ospedali",
]


def test_work_runs_in_another_thread_and_gives_its_result():
    caller = threading.get_ident()
    result = beside(lambda: (threading.get_ident(), 42))()
    assert result[1] == 42
    assert result[0] != caller


def test_work_raises_in_the_caller_what_it_raised():
    def fails() -> None:
        raise ValueError("the leg failed")

    wait = beside(fails)
    with pytest.raises(ValueError, match="the leg failed"):
        wait()


def test_with_no_idle_worker_the_work_runs_in_the_caller(monkeypatch):
    monkeypatch.setattr(beside_module, "_idle", threading.BoundedSemaphore(1))
    beside_module._idle.acquire()  # every worker busy
    caller = threading.get_ident()
    assert beside(threading.get_ident)() == caller


def _hits(service, q: str) -> list[tuple[str, float]]:
    return [(h.id, h.score) for h in service.search(SearchRequest(q=q)).hits]


def test_a_dense_leg_run_beside_the_lexical_leg_gives_the_same_results(service, monkeypatch):
    threads: list[int] = []
    nearest = service._dense_leg

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return nearest(*args, **kwargs)

    monkeypatch.setattr(service, "_dense_leg", recording)
    monkeypatch.setattr(stages, "PARALLEL_ABOVE", 10**9)  # one leg after the other
    alone = [_hits(service, q) for q in QUERIES]
    assert set(threads) == {threading.get_ident()}
    threads.clear()
    monkeypatch.setattr(stages, "PARALLEL_ABOVE", 0)  # the corpus counts as large
    together = [_hits(service, q) for q in QUERIES]
    assert threading.get_ident() not in threads and len(threads) == len(QUERIES)
    assert together == alone
    assert all(alone)


def test_a_dense_only_search_runs_its_leg_in_the_caller(service, monkeypatch):
    threads: list[int] = []
    nearest = service._dense_leg

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return nearest(*args, **kwargs)

    monkeypatch.setattr(service, "_dense_leg", recording)
    monkeypatch.setattr(stages, "PARALLEL_ABOVE", 0)
    result = service.search(SearchRequest(q=QUERIES[0], mode="dense"))
    assert threads == [threading.get_ident()]
    assert "dense" in result.timings and "lexical" not in result.timings


def test_a_forked_child_runs_the_work_in_a_new_pool_of_its_own():
    """A parse worker forked from a server that searched: the parent's threads are not in the child."""
    import os
    import signal

    assert beside(lambda: 1)() == 1  # the parent's pool has a thread now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the work done (not queued for a thread that does not exist)
        signal.alarm(30)  # killed rather than waiting for ever
        try:
            os.write(write, str(beside(lambda: 41 + 1)()).encode())
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 16) == b"42"
    assert os.waitstatus_to_exitcode(status) == 0
