"""A query's vector started ahead of its turn (retrieval/query_vectors.py): made once, in a worker, and the same
array whoever asks for it; a failure reaches whoever waits. No timings checked."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from retrieval.query_vectors import QueryVectors


class Model:
    """Counts its calls and the threads they ran in; `gate` holds a call until it is set."""

    def __init__(self, fails: bool = False) -> None:
        self.calls: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fails = fails

    def __call__(self, text: str) -> np.ndarray:
        self.gate.wait(10)
        self.calls.append((text, threading.current_thread().name))
        if self.fails:
            raise RuntimeError("the model failed")
        return np.array([len(text), 1.0], dtype=np.float32)


def test_a_vector_started_ahead_is_made_once_in_another_thread_and_waited_for():
    model = Model()
    model.gate.clear()  # the worker's call waits until the asking thread is there
    vectors = QueryVectors(8)
    vectors.start("alloggi  per famiglie", model)
    assert vectors.known("alloggi per famiglie")  # under way: asking for it calls no model here
    model.gate.set()
    vector = vectors.get("alloggi per famiglie", model)
    assert model.calls == [("alloggi per famiglie", model.calls[0][1])]
    assert model.calls[0][1] != threading.current_thread().name
    assert vectors.get("alloggi per famiglie", model) is vector  # remembered, read-only
    assert not vector.flags.writeable
    vectors.start("alloggi per famiglie", model)  # remembered: nothing started
    assert len(model.calls) == 1


def test_a_vector_never_started_is_made_by_the_asking_thread():
    model = Model()
    vectors = QueryVectors(8)
    assert not vectors.known("mediazione linguistica")
    vectors.get("mediazione linguistica", model)
    assert model.calls == [("mediazione linguistica", threading.current_thread().name)]


def test_a_failure_of_the_model_started_ahead_reaches_the_asking_thread_and_is_not_remembered():
    model = Model(fails=True)
    vectors = QueryVectors(8)
    vectors.start("tirocini", model)
    with pytest.raises(RuntimeError, match="the model failed"):
        vectors.get("tirocini", model)
    assert not vectors.known("tirocini")
