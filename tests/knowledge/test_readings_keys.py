"""A passage's stored readings are keyed without digesting its own text: the stamp covers the text already."""

from __future__ import annotations

import hashlib

import knowledge.readings as readings
from knowledge.readings import Memo


def test_the_passages_own_text_is_keyed_by_a_mark_not_digested(monkeypatch):
    text = "Nel 2024 il Comune ha attivato 12 posti letto. " * 200  # ~9 KB
    digested: list[int] = []
    real = hashlib.blake2b

    def counting(data: bytes, **kw):
        digested.append(len(data))
        return real(data, **kw)

    monkeypatch.setattr(readings.hashlib, "blake2b", counting)
    calls: list[int] = []
    memo = Memo(text=text)
    for _ in range(3):
        assert memo("n", lambda t, h: calls.append(1) or len(t) + h, text, 4) == len(text) + 4
    assert calls == [1]  # computed once
    assert max(digested) < 100  # the 9 KB text itself never digested
    other = "".join(text)  # equal, but not the passage's own object: keyed by its digest (still right)
    assert other is not text
    assert memo("n", lambda t, h: calls.append(1) or len(t) + h, other, 4) == len(text) + 4
    assert max(digested) > len(text)


def test_a_memo_without_its_text_keys_every_argument():
    memo = Memo()
    assert memo("n", lambda t: t.upper(), "abc") == "ABC"
    assert memo("n", lambda t: t.lower(), "abc") == "ABC"  # the stored answer
