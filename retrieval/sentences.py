"""Sentences of a passage (with offsets) and the network's boilerplate: a sentence that the documents of
three or more different cities repeat says nothing about any of them. Computed from the index, lazily, and
kept with it."""

from __future__ import annotations

import re
import threading
import weakref
from functools import lru_cache

from lgnet.gazetteer import Gazetteer
from lgnet.text import comparable

BOILERPLATE_OWNERS = 3  # distinct cities (or city-less documents) repeating a sentence
_END = re.compile(r"(?<=[.!?;»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9(])|\n\s*\n+")


@lru_cache(maxsize=8192)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence. A paragraph break cuts unless the line stops mid-sentence and goes on
    in lower case (a PDF line wrap)."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if "\n" in m.group(0):
            before = text[: m.start()].rstrip()
            after = text[m.end() : m.end() + 1]
            if before and before[-1] not in '.!?:;»”")' and after.islower():
                continue
        if text[start : m.start()].strip():
            spans.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=16384)
def sentence_key(sentence: str) -> str:
    """What two copies of a sentence share even when each names its own city ("Genova fra i Comuni della
    rete", "Taranto fra i Comuni della rete")."""
    gazetteer = Gazetteer.default()
    for mention in reversed(gazetteer.mentions(sentence)):
        sentence = sentence[: mention.start] + " @ " + sentence[mention.end :]
    return comparable(sentence)[:300]


class Boilerplate:
    """Sentences repeated by the documents of several cities."""

    def __init__(self, texts: list[str], metas: list[dict]) -> None:
        owners: dict[str, set[str]] = {}
        for text, meta in zip(texts, metas, strict=True):
            owner = meta.get("city") or meta.get("doc_dup_group") or meta.get("doc_id") or text[:50]
            for start, end in sentence_spans(text):
                key = sentence_key(text[start:end])
                if len(key) > 20:
                    owners.setdefault(key, set()).add(owner)
        self.keys = frozenset(k for k, o in owners.items() if len(o) >= BOILERPLATE_OWNERS)

    def __contains__(self, sentence: object) -> bool:
        return isinstance(sentence, str) and sentence_key(sentence) in self.keys


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def boilerplate_of(index) -> Boilerplate:
    with _lock:
        found = _cache.get(index)
        if found is None:
            found = Boilerplate(index.corpus.texts, index.corpus.metas)
            _cache[index] = found
        return found
