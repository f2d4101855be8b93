"""Sentences of a passage (with offsets) and the network's boilerplate: a sentence that the documents of
three or more different cities repeat says nothing about any of them. Computed from the index, lazily, and
kept with it."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import MutableMapping
from functools import lru_cache

from lgnet.gazetteer import Gazetteer
from lgnet.text import comparable
from retrieval.layered import Layered

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


def _owner(text: str, meta: dict) -> str:
    return meta.get("city") or meta.get("doc_dup_group") or meta.get("doc_id") or text[:50]


def _keys(text: str) -> tuple[str, ...]:
    keys = (sentence_key(text[start:end]) for start, end in sentence_spans(text))
    return tuple(dict.fromkeys(k for k in keys if len(k) > 20))


class Boilerplate:
    """Sentences repeated by the documents of several cities. Built for an index's passages, or derived from
    the one of an earlier index (`updated`): only the passages added, changed or removed are split again,
    so the first search after a change costs the change, not the corpus."""

    def __init__(self, ids: list[str], texts: list[str], metas: list[dict]) -> None:
        self._entries: MutableMapping[str, tuple[str, str, tuple[str, ...]]] = {}  # id -> (text, owner, keys)
        self._owners: MutableMapping[str, dict[str, int]] = {}  # key -> owner -> passages of that owner saying it
        for cid, text, meta in zip(ids, texts, metas, strict=True):
            self._add(cid, text, _owner(text, meta))
        self._freeze()

    def _add(self, cid: str, text: str, owner: str) -> None:
        entry = (text, owner, _keys(text))
        self._entries[cid] = entry
        for key in entry[2]:
            per_owner = dict(self._owners.get(key, ()))  # copied, never changed in place: an earlier
            per_owner[owner] = per_owner.get(owner, 0) + 1  # Boilerplate may share it
            self._owners[key] = per_owner

    def _remove(self, cid: str) -> None:
        _, owner, keys = self._entries.pop(cid)
        for key in keys:
            per_owner = dict(self._owners[key])
            per_owner[owner] -= 1
            if not per_owner[owner]:
                del per_owner[owner]
            if per_owner:
                self._owners[key] = per_owner
            else:
                del self._owners[key]

    def _freeze(self) -> None:
        self.keys = frozenset(k for k, o in self._owners.items() if len(o) >= BOILERPLATE_OWNERS)

    def updated(self, ids: list[str], texts: list[str], metas: list[dict]) -> Boilerplate:
        """The boilerplate of another version of the corpus, from this one (which stays valid)."""
        new = Boilerplate.__new__(Boilerplate)
        new._entries = dict(self._entries)
        new._owners = dict(self._owners)  # the per-key dicts are shared until changed (copy on write)
        for gone in new._entries.keys() - set(ids):
            new._remove(gone)
        for cid, text, meta in zip(ids, texts, metas, strict=True):
            owner = _owner(text, meta)
            entry = new._entries.get(cid)
            if entry is not None and entry[1] == owner and (entry[0] is text or entry[0] == text):
                continue
            if entry is not None:
                new._remove(cid)
            new._add(cid, text, owner)
        new._freeze()
        return new

    def changed(self, ids: frozenset[str], corpus) -> Boilerplate:
        """The boilerplate after the passages `ids` were added, changed or removed (`corpus`: the lexical
        corpus after the change): only they are split again and only the sentences they say are recounted. The
        entries and counts are written over this one's, not copied (two dicts of 100k+ entries at 100k
        passages: ~35 ms of the first search after a change); the sentence flags found so far are kept when
        the boilerplate sentences did not change (a flag depends on the passage's text and those only)."""
        new = Boilerplate.__new__(Boilerplate)
        new._entries = Layered(self._entries)
        new._owners = Layered(self._owners)  # the per-key dicts are shared until changed, as in `updated`
        touched: set[str] = set()
        for cid in ids:
            if cid in new._entries:
                touched.update(new._entries[cid][2])
                new._remove(cid)
            position = corpus.position.get(cid)
            if position is not None:
                text = corpus.texts[position]
                new._add(cid, text, _owner(text, corpus.metas[position]))
                touched.update(new._entries[cid][2])
        keys = set(self.keys)
        for key in touched:
            if len(new._owners.get(key, ())) >= BOILERPLATE_OWNERS:
                keys.add(key)
            else:
                keys.discard(key)
        new.keys = frozenset(keys)
        if new.keys == self.keys:
            new.__dict__["_flag_cache"] = self._flags  # shared: its entries hold for both
        return new

    def state(self, ids: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        """(owner, sentence keys) of each passage of `ids`, in that order: what a process starting needs to
        rebuild this without splitting the texts again (retrieval.derived saves it beside the lexical index)."""
        return [self._entries[cid][1:] for cid in ids]

    @classmethod
    def from_state(cls, state: list, ids: list[str], texts: list[str]) -> Boilerplate:
        found = cls([], [], [])
        for cid, text, (owner, keys) in zip(ids, texts, state, strict=True):
            found._entries[cid] = (text, owner, tuple(keys))
            for key in keys:
                per_owner = found._owners.setdefault(key, {})
                per_owner[owner] = per_owner.get(owner, 0) + 1
        found._freeze()
        return found

    def __contains__(self, sentence: object) -> bool:
        return isinstance(sentence, str) and sentence_key(sentence) in self.keys

    def sentence_flags(self, cid: str, text: str) -> tuple[bool, ...]:
        """Whether each sentence of the passage `cid` (its `sentence_spans`) is boilerplate, kept per passage
        (the warm-up asks it of every passage, so a cold query reads no city names in its candidates'
        sentences: `sentence_key` was most of a cold query's reranker). The sentence keys kept for the passage
        answer at once for most, none of whose keys is boilerplate."""
        flags = self._flags.get(cid)
        if flags is not None and flags[0] is text:
            return flags[1]
        spans = sentence_spans(text)
        entry = self._entries.get(cid)
        if entry is not None and (entry[0] is text or entry[0] == text) and self.keys.isdisjoint(entry[2]):
            found = (False,) * len(spans)  # every key longer than 20 is kept, and only those can be boilerplate
        else:
            found = tuple(text[start:end] in self for start, end in spans)
        self._flags[cid] = (text, found)
        return found

    @property
    def _flags(self) -> dict[str, tuple[str, tuple[bool, ...]]]:
        try:
            return self.__dict__["_flag_cache"]
        except KeyError:  # made by __init__, `updated`, `changed` or `from_state`: one per Boilerplate
            return self.__dict__.setdefault("_flag_cache", {})


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_latest: list[Boilerplate] = []  # the one built last: the next index's is derived from it
_latest_of: list[int] = []  # the serial of its lexical index


def remember(index, found: Boilerplate) -> None:
    """Use `found` (loaded from disk) as the boilerplate of `index`, and derive the next ones from it."""
    with _lock:
        _cache[index] = found
        _latest[:] = [found]
        _latest_of[:] = [getattr(index, "serial", 0)]


def boilerplate_of(index) -> Boilerplate:
    with _lock:
        found = _cache.get(index)
        if found is None:
            corpus = index.corpus
            lineage = getattr(index, "lineage", {})
            if _latest and _latest_of and _latest_of[0] in lineage:  # made from the last index seen: the change only
                found = _latest[0].changed(lineage[_latest_of[0]], corpus)
            elif _latest:
                found = _latest[0].updated(corpus.ids, corpus.texts, corpus.metas)
            else:
                found = Boilerplate(corpus.ids, corpus.texts, corpus.metas)
            _cache[index] = found
            _latest[:] = [found]
            _latest_of[:] = [getattr(index, "serial", 0)]
        return found
