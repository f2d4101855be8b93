"""English words of an English query that neither the thesaurus nor a cognate translates, read as the Italian word
of the index nearest to them in the embedding model's space: the model is multilingual, and one word's vector lies
beside its translation's ("furniture" 0.89 "mobili", "repairs" 0.88 "riparazioni", "night" 0.88 "notte",
"dormitories" 0.99 "dormitori" on the development index). The corpus is Italian: an English query whose words the
thesaurus lacks found its Italian passages through the dense list alone.

The Italian side is the index's own vocabulary (`italian_words`: words of the Italian word list used at least twice,
their vectors embedded once per process and kept by word, so a changed index embeds only its new words); the
English side is the query's words, embedded in one call and remembered. No word list is written here. That call is
the model's second for a cold English query (beside the query's own, whose vector the translations' weights need):
`WordVectors.beside` makes it, and finds each word's nearest Italian word, in a second thread while the query is
embedded in the search's, each a call of its own as before (the vectors are the same), so a cold English query waits
for the longer of the two, not their sum, where a core is free for it (BLAS at the settings' threads per call).
The index's own English words (`english_index_words`: words of the English list its English passages use) are
embedded ahead, with the table, as the table's words are (in batches, once per process): an English question is
mostly asked in the words of the English documents it looks for, and those then cost its search no call.

A translation counts as the glossary's do (an Italian alternative of an English word, in the Italian passages only:
retrieval/terms.py), weighed by how much its English word says of the question: the word's similarity to the whole
query over CENTRALITY, at most 1 ("How long does the third phase last": "long", "last" are the question's
asking, 0.18 and 0.12, and their nearest words, "lunga", "ultimo", another sense).

An Italian query's word of the table the thesaurus has no alternative for gets the table's words nearest to it that
are no inflection of it (`WordTable.related`: "maestra" -> "insegnanti", "libero" -> "gratuito") as synonyms: a
paraphrase says the practice in other words than the documents. They count as the thesaurus' synonyms do, less than
the user's word; read from the table's rows, no call of the model.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from retrieval.dictionary import english_words, italian_words

MIN_SIMILARITY = 0.85  # a word and its nearest Italian word at least this similar (the model's cosine)
CENTRALITY = 0.15  # an English word this similar to the whole query (or more) weighs its translation fully
MIN_LENGTH = 4  # shorter words are too often function words or codes
MIN_COUNT = 2  # an index word used once may be a typo or a name
# The table's size bound: a large real corpus may use most of the Italian list's 117k words; its most used 20k
# keep warm-up (~0.33 ms a word embedded in batches) and memory (~4 KB a word) bounded whatever the index's size.
MAX_WORDS = 20_000
# The index's English words embedded ahead (`english_index_words`): the English documents of an Italian corpus are
# a minority, and the most used 5,000 of their words bound the warm-up (~1.7 s at most; ~900 words, 0.3 s, at 1k).
ENGLISH_WORDS = 5_000
BATCH = 256  # words embedded per call of the model
# An Italian query's word: its nearest index words of another family, as synonyms ("maestra" -> "insegnanti")
RELATED_SIMILARITY = 0.75
RELATED = 2
RELATED_POOL = 20  # the nearest words looked at (most near ones are the word's own inflections)

T = TypeVar("T")
Nearest = tuple[np.ndarray, tuple[str, float] | None]  # a word's vector, its nearest word of a table and their cosine


@dataclass(frozen=True)
class WordTable:
    """The index's Italian words and their unit vectors (one row each)."""

    words: tuple[str, ...]
    matrix: np.ndarray
    _rows: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _related: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._rows.update((w, i) for i, w in enumerate(self.words))

    def nearest(self, vector: np.ndarray) -> tuple[str, float] | None:
        if not self.words:
            return None
        sims = self.matrix @ vector
        best = int(np.argmax(sims))
        return self.words[best], float(sims[best])

    def related(self, word: str, same_family: Callable[[str, str], bool]) -> list[str]:
        """The RELATED words of the table nearest to `word` (one of the table's) at least RELATED_SIMILARITY near,
        its own family left out (`same_family`: its inflections, which its stem matches already); remembered."""
        found = self._related.get(word)
        if found is None:
            row = self._rows.get(word)
            found = []
            if row is not None:
                sims = self.matrix @ self.matrix[row]
                pool = min(RELATED_POOL, len(sims))
                top = np.argpartition(-sims, pool - 1)[:pool]
                for i in top[np.argsort(-sims[top], kind="stable")].tolist():
                    if sims[i] < RELATED_SIMILARITY or len(found) == RELATED:
                        break
                    if not same_family(word, self.words[i]):
                        found.append(self.words[i])
            self._related[word] = found
        return found


def translatable(word: str, stop: Iterable[str] = ()) -> bool:
    return len(word) >= MIN_LENGTH and word.isalpha() and word not in stop


def index_words(freq: dict[str, int], stop: frozenset[str]) -> list[str]:
    """The index's words to translate into: Italian words (Debian's list, when present; else any word the English
    list lacks) the texts use at least MIN_COUNT times, the MAX_WORDS most used of them."""
    italian, english = italian_words(), english_words()
    found = [
        w
        for w, n in freq.items()
        if n >= MIN_COUNT and translatable(w, stop) and (w in italian if italian else w not in english)
    ]
    if len(found) > MAX_WORDS:
        found = sorted(found, key=lambda w: (-freq[w], w))[:MAX_WORDS]
    return sorted(found)


def english_index_words(freq: dict[str, int], stop: frozenset[str]) -> list[str]:
    """The index's words of the English list (none without it) an English query's words may be, to embed ahead: the
    ENGLISH_WORDS most used of them."""
    english = english_words()
    found = [w for w in freq if w in english and translatable(w, stop)]
    if len(found) > ENGLISH_WORDS:
        found = sorted(found, key=lambda w: (-freq[w], w))[:ENGLISH_WORDS]
    return sorted(found)


class WordVectors:
    """Each word's vector, embedded once per process (an index's table embeds only the words no earlier table had),
    and the table of each index."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], parallel: bool = False) -> None:
        self._embed = embed
        self._vectors: dict[str, np.ndarray] = {}
        self._tables: weakref.WeakKeyDictionary[object, WordTable] = weakref.WeakKeyDictionary()
        self._last: WordTable | None = None  # the table made last (the next index's, when its words are the same)
        self._lock = threading.Lock()
        # `beside`'s second thread (made on first use), one call at a time: a search finding it busy with another
        # search's words embeds its own in its thread, as before
        self._parallel = parallel
        self._worker: ThreadPoolExecutor | None = None
        self._free = threading.Semaphore(1)

    def beside(self, words: list[str], table: WordTable, work: Callable[[], T]) -> tuple[T, list[Nearest]]:
        """(`work()`, each word's vector with its nearest word of `table`): the words' vectors and their nearest
        words made in a second thread while `work` (the query's embedding) runs in this one, when the service may
        use two cores (`parallel`), some of the words are new and the second thread is free; else one after the
        other in this thread."""

        def nearest() -> list[Nearest]:
            return [(v, table.nearest(v)) for v in self.vectors(words)]

        with self._lock:
            new = any(w not in self._vectors for w in words)
        if not (self._parallel and new and self._free.acquire(blocking=False)):
            return work(), nearest()
        try:
            with self._lock:
                if self._worker is None:
                    self._worker = ThreadPoolExecutor(1, thread_name_prefix="word-vectors")
                worker = self._worker
            pending = worker.submit(nearest)
        except BaseException:
            self._free.release()
            raise
        pending.add_done_callback(lambda _: self._free.release())
        try:
            done = work()
        finally:
            found = pending.result()  # waited for even when `work` failed: its call of the model is finished
        return done, found

    def vectors(self, words: list[str]) -> list[np.ndarray]:
        with self._lock:
            missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            found = self._embed(batch)
            with self._lock:
                for w, v in zip(batch, found, strict=True):
                    self._vectors[w] = np.asarray(v, dtype=np.float32)
        with self._lock:
            return [self._vectors[w] for w in words]

    def table(self, index: object, words: Callable[[], list[str]]) -> WordTable:
        """The table of `index` (kept while the index is), made from `words()` on first use."""
        with self._lock:
            found = self._tables.get(index)
        if found is None:
            listed = tuple(words())
            last = self._last
            if last is not None and last.words == listed:  # a change that brought no new word: the same table
                found = last
            else:
                rows = self.vectors(list(listed)) if listed else []
                matrix = np.vstack(rows) if rows else np.zeros((0, 1), dtype=np.float32)
                found = WordTable(listed, matrix)
            with self._lock:
                self._tables[index] = found
                self._last = found
        return found


def translations(
    words: list[str], vectors: list[np.ndarray], query: np.ndarray, table: WordTable
) -> dict[str, tuple[str, float]]:
    """English word -> (its nearest Italian word of the table, the weight it counts with), for the words with one
    at least MIN_SIMILARITY near and a weight above 0."""
    return weighed(words, [(v, table.nearest(v)) for v in vectors], query)


def weighed(words: list[str], found: list[Nearest], query: np.ndarray) -> dict[str, tuple[str, float]]:
    """`translations` from each word's vector and nearest table word (`WordVectors.beside`)."""
    out: dict[str, tuple[str, float]] = {}
    for word, (vector, nearest) in zip(words, found, strict=True):
        if nearest is None or nearest[1] < MIN_SIMILARITY or nearest[0] == word:
            continue
        weight = min(1.0, float(vector @ query) / CENTRALITY)
        if weight > 0:
            out[word] = (nearest[0], weight)
    return out
