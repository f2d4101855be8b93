"""Typo tolerance over the index's own vocabulary: a query word the index has never seen is corrected to a
close, frequent word it has ("alogio" -> "alloggio", "accoglenza" -> "accoglienza").

Candidates come from three places: a character-trigram index of the vocabulary (built lazily from the lexical
index the first time a query has an unknown word, and kept with that index), every word one edit away (looked
up, so none is lost when the trigrams of a short or early-typo'd word are shared by thousands: "rgeione"), and
the words that differ only in doubled letters ("alogio" -> "alloggio", the commonest Italian typo). The closest
by edit distance (with transpositions; a doubled letter missed or added costs half) wins, the more frequent
on a tie.
"""

from __future__ import annotations

import re
import string
import threading
import weakref
from collections import Counter
from collections.abc import Container
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from lgnet.text import fold

_WORD = re.compile(r"[^\W\d_]{3,}")
MIN_LENGTH = 4  # shorter words are too often right and too easily confused
MAX_CANDIDATES = 40
_LETTERS = string.ascii_lowercase  # vocabulary keys are folded: no accents
_DOUBLING = "="  # prefix of the trigram-index keys that group words by their letters undoubled ("=alogio")


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def undoubled(word: str) -> str:
    """The word with each run of one letter written once: "accoglienza" -> "acoglienza"."""
    return re.sub(r"(.)\1+", r"\1", word)


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    )


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def letter_gap(a: str, b: str, limit: int) -> int:
    """How many letters the two words' letter counts differ by (L1), counted up to the first value above `limit`.
    A lower bound of `typo_distance` in half units: each step of an edit path changes the counts by at most
    its cost in halves (a substitution, 2 halves, by 2; an insertion or deletion, 1 or 2 halves, by 1; a
    transposition by none). Most candidates a misspelling shares trigrams with are ruled out here, for a few
    str.count calls instead of the alignment's table."""
    gap = 0
    for c in set(a).union(b):
        gap += abs(a.count(c) - b.count(c))
        if gap > limit:
            break
    return gap


def typo_distance(a: str, b: str, limit: float) -> float:
    """Edit distance (optimal string alignment) where a letter doubled or undoubled costs 0.5: "alogio" is 1.0
    from "alloggio" but 2 from "alogico". Above `limit` it gives up and returns more than `limit`."""
    half = int(limit * 2)  # the costs in half units, to stay in integers
    if abs(len(a) - len(b)) > half or letter_gap(a, b, half) > half:
        return limit + 1

    def indel(word: str, k: int) -> int:  # deleting or inserting word[k]: half when it repeats the letter before
        return 1 if k > 0 and word[k - 1] == word[k] else 2

    ins = [indel(b, j) for j in range(len(b))]
    prev2: list[int] = []
    prev = [0]
    for j in range(len(b)):
        prev.append(prev[-1] + ins[j])
    for i, ca in enumerate(a, 1):
        dele = indel(a, i - 1)
        cur = [prev[0] + dele] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 2
            cur[j] = min(prev[j] + dele, cur[j - 1] + ins[j - 1], prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 2)
        if min(cur) > half:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1] / 2


@dataclass(frozen=True)
class Correction:
    word: str  # folded, as typed
    correct: str  # folded, as the index has it
    display: str  # the commonest written form in the documents (accents kept)
    distance: float  # typo_distance


CORRECTIONS_KEPT = 50_000  # words remembered by `Vocabulary.correct`


class _Source:
    """The passages a vocabulary was counted from (id -> text, title), kept by reference, never copied: a change
    reads the old texts of its passages here (copying two 100k-entry dicts per change cost 25-57 ms of the first
    search after it at 100k passages). A lexical corpus is never changed in place (`Corpus.updated` copies)."""

    __slots__ = ("ids", "texts", "_titles", "_metas", "_position")

    def __init__(self, ids: list[str], texts: list[str], titles: list[str] | None = None,
                 metas: list[dict] | None = None, position: dict[str, int] | None = None) -> None:  # fmt: skip
        self.ids, self.texts, self._titles, self._metas, self._position = ids, texts, titles, metas, position

    @classmethod
    def of_corpus(cls, corpus) -> _Source:
        return cls(corpus.ids, corpus.texts, metas=corpus.metas, position=corpus.position)

    def title(self, i: int) -> str:
        return self._titles[i] if self._titles is not None else (self._metas or [{}])[i].get("title", "")

    def get(self, cid: str) -> tuple[str, str] | None:
        """The passage's text and title, None when it is not among these passages."""
        if self._position is None:
            self._position = {c: i for i, c in enumerate(self.ids)}
        i = self._position.get(cid)
        return None if i is None else (self.texts[i], self.title(i))


_NONE = _Source([], [], [])


class Vocabulary:
    """Words of the indexed texts with their frequency, and a trigram index to find close ones. Built from
    texts, or derived from the vocabulary of an earlier version of the index (`updated`): only the passages
    added, changed or removed are read again, so a change costs the change, not the corpus."""

    def __init__(self, texts: list[str], extra: AbstractSet[str] = frozenset()) -> None:
        self._extra = extra
        self._text_freq: Counter[str] = Counter()  # from the texts only
        self.freq: Counter[str] = Counter()  # the texts', plus 1 for an extra word they never use
        self._written: dict[str, Counter[str]] = {}  # folded word -> its written forms and their counts
        self.display: dict[str, str] = {}
        self._grams: dict[str, list[str]] = {}
        self._own_grams: set[str] | None = None  # lists this object may change in place (None: all of them)
        self._source = _NONE  # the passages counted, when built from an index (`of_index`)
        self._titles: Counter[str] = Counter()  # title -> passages carrying it (a title counts once)
        deltas: Counter[str] = Counter()
        for text in texts:
            _collect(text, 1, deltas)
        self._commit(deltas)
        for word in extra:
            self._set(word)

    @classmethod
    def of_index(cls, ids: list[str], texts: list[str], titles: list[str], extra: AbstractSet[str]) -> Vocabulary:
        vocab = cls([], extra)
        return vocab._apply(_Source(ids, texts, titles))

    def updated(self, ids: list[str], texts: list[str], titles: list[str]) -> Vocabulary:
        """The vocabulary of another version of the index, from this one (which stays valid: the inner
        counters and trigram lists are shared until one of them changes, then copied)."""
        new = self._copy()
        return new._apply(_Source(ids, texts, titles))

    def changed(self, ids: frozenset[str], corpus) -> Vocabulary:
        """The vocabulary after the passages `ids` were added, changed or removed (`corpus`: the lexical corpus
        after the change): only their texts and titles are read, not every passage's."""
        new = self._copy()
        new._source = _Source.of_corpus(corpus)
        deltas: Counter[str] = Counter()
        titles: set[str] = set()
        for cid in ids:
            old = self._source.get(cid)
            if old is not None:
                _collect(old[0], -1, deltas)
                new._titles[old[1]] -= 1
                titles.add(old[1])
            position = corpus.position.get(cid)
            if position is not None:
                text, title = corpus.texts[position], corpus.metas[position].get("title", "")
                _collect(text, 1, deltas)
                new._titles[title] += 1
                titles.add(title)
        for title in titles:  # a title's words count once, while some passage carries it
            now = new._titles.get(title, 0) > 0
            if not now:
                new._titles.pop(title, None)
            if now != bool(self._titles.get(title)):
                _collect(title, 1 if now else -1, deltas)
        new._commit(deltas)
        return new

    def _copy(self) -> Vocabulary:
        """A copy that shares the inner counters and trigram lists until one of them changes."""
        new = Vocabulary.__new__(Vocabulary)
        new._extra = self._extra
        new._text_freq, new.freq = Counter(self._text_freq), Counter(self.freq)
        new._written, new.display, new._grams = dict(self._written), dict(self.display), dict(self._grams)
        new._own_grams = set()
        new._source, new._titles = self._source, Counter(self._titles)
        return new

    def _apply(self, source: _Source) -> Vocabulary:
        """Count `source`'s passages in place of those counted (only the texts that differ are read)."""
        deltas: Counter[str] = Counter()
        old = self._source
        now = {cid: i for i, cid in enumerate(source.ids)}
        for j, cid in enumerate(old.ids):
            if cid not in now:
                _collect(old.texts[j], -1, deltas)
        for cid, i in now.items():
            text, before = source.texts[i], old.get(cid)
            if before is not None and (before[0] is text or before[0] == text):
                continue
            if before is not None:
                _collect(before[0], -1, deltas)
            _collect(text, 1, deltas)
        titles = Counter(source.title(i) for i in range(len(source.ids)))
        source._position = now
        self._source = source
        for title in set(self._titles) | set(titles):
            if bool(self._titles.get(title)) != bool(titles.get(title)):
                _collect(title, 1 if titles.get(title) else -1, deltas)
        self._titles = Counter({t: n for t, n in titles.items() if n})
        self._commit(deltas)
        return self

    def _commit(self, deltas: Counter[str]) -> None:
        """Apply the change in count of each written form (a fresh counter per word changed: never in place)."""
        by_key: dict[str, list[tuple[str, int]]] = {}
        for surface, delta in deltas.items():
            if delta:
                by_key.setdefault(fold(surface), []).append((surface, delta))
        for key, changes in by_key.items():
            # Counters filled with dict.update: Counter(x) asks isinstance(x, Mapping), an ABC check that cost
            # ~27 us a call here (~50 ms of the first search after a change at 100k).
            counts = dict(self._written.get(key) or {})
            for surface, delta in changes:
                counts[surface] = counts.get(surface, 0) + delta
                self._text_freq[key] += delta
            written: Counter[str] = Counter()
            dict.update(written, {w: n for w, n in counts.items() if n > 0})
            if written:
                self._written[key] = written
                self.display[key] = written.most_common(1)[0][0]
            else:
                self._written.pop(key, None)
                self.display.pop(key, None)
            if self._text_freq[key] <= 0:
                del self._text_freq[key]
            self._set(key)

    def _set(self, word: str) -> None:
        """freq[word] from the texts' count (or 1 for an extra word), the trigram index following it."""
        count = self._text_freq.get(word, 0) or (1 if word in self._extra else 0)
        known = word in self.freq
        if count:
            self.freq[word] = count
        elif known:
            del self.freq[word]
        if count and not known and len(word) >= MIN_LENGTH - 1:
            for g in _keys(word):
                self._gram_list(g).append(word)
        elif known and not count and len(word) >= MIN_LENGTH - 1:
            for g in _keys(word):
                self._gram_list(g).remove(word)

    def _gram_list(self, gram: str) -> list[str]:
        """The words of a trigram, copied first when an earlier vocabulary shares the list."""
        words = self._grams.setdefault(gram, [])
        if self._own_grams is not None and gram not in self._own_grams:
            words = self._grams[gram] = list(words)
            self._own_grams.add(gram)
        return words

    def state(self) -> dict:
        """What a process starting needs to rebuild this vocabulary without reading the texts again
        (retrieval.derived saves it beside the lexical index). The trigram lists follow `freq`'s order."""
        return {"text_freq": self._text_freq, "freq": self.freq, "written": self._written, "display": self.display}

    @classmethod
    def from_state(
        cls, state: dict, ids: list[str], texts: list[str], titles: list[str], extra: AbstractSet[str]
    ) -> Vocabulary:
        """The vocabulary `state()` described, for the passages (ids, texts, titles) it was made from."""
        vocab = cls([], extra)
        vocab._text_freq = Counter(state["text_freq"])
        vocab.freq = Counter(state["freq"])
        vocab._written = {k: Counter(v) for k, v in state["written"].items()}
        vocab.display = dict(state["display"])
        vocab._grams = {}
        for word in vocab.freq:  # the order words joined their lists in: candidates tie as in a fresh build
            if len(word) >= MIN_LENGTH - 1:
                for g in _keys(word):
                    vocab._grams.setdefault(g, []).append(word)
        vocab._source = _Source(ids, texts, titles)
        vocab._titles = Counter({t: n for t, n in Counter(titles).items() if n})
        return vocab

    def __contains__(self, word: str) -> bool:
        return word in self.freq

    def correct(self, word: str, language: Container[str] = ()) -> Correction | None:
        """The closest known word within the distance allowed for the word's length, or None. `language`: the
        words of the language; when one the index lacks is closer than any the index has, the user meant it
        ("quatni": "quanti", not the index's "quali"), and there is nothing to correct to.
        Remembered per word (a vocabulary never changes once made): half of reading a query was correcting
        the same few unknown words, query after query."""
        if len(word) < MIN_LENGTH or word in self.freq:
            return None
        if not isinstance(language, frozenset | tuple):  # a word list that may change: not remembered
            return self._correct(word, language)
        memo = self.__dict__.setdefault("_corrections", {})  # objects made by __new__ (`changed`) have none yet
        key = (word, language)
        if key in memo:
            return memo[key]
        found = self._correct(word, language)
        if len(memo) >= CORRECTIONS_KEPT:
            memo.clear()
        memo[key] = found
        return found

    def _correct(self, word: str, language: Container[str]) -> Correction | None:
        limit = max_distance(word)
        shared: Counter[str] = Counter()
        for g in _trigrams(word):
            shared.update(self._grams.get(g, ()))
        # Most shared trigrams first: the likely corrections come early and bound the others' distance.
        candidates = dict.fromkeys(c for c, _ in shared.most_common(MAX_CANDIDATES))
        near = _edits1(word)
        candidates.update(dict.fromkeys(e for e in near if e in self.freq))
        candidates.update(dict.fromkeys(self._grams.get(_DOUBLING + undoubled(word), ())))
        best: tuple[float, int, str] | None = None
        for candidate in candidates:
            # A candidate farther than the best so far cannot win: its distance is computed only up to that
            # (typo_distance gives up sooner), the same answer with less work.
            bound = limit if best is None else best[0]
            d = typo_distance(word, candidate, bound)
            if d <= bound:
                key = (d, -self.freq[candidate], candidate)
                if best is None or key < best:
                    best = key
        if best is None:
            return None
        d, _, correct = best
        if any(typo_distance(word, w, d) < d for w in near if w in language and w not in self.freq):
            return None
        return Correction(word, correct, self.display.get(correct, correct), d)


_ELISIONS = ("l", "d", "dell", "dall", "nell", "sull", "all", "un", "quest")  # "lintegrazione": "l'integrazione"


def split(vocab: Vocabulary, word: str) -> Correction | None:
    """Two words run together ("senzadimora", "sportellounico"), as the two the index has most of; a lost
    apostrophe too ("dellaccoglienza"). Each part a word of three letters or more the index has twice or more."""
    if len(word) < 2 * MIN_LENGTH - 1 or word in vocab.freq:
        return None
    best: tuple[int, str, str] | None = None
    for i in range(1, len(word) - 2):
        left, right = word[:i], word[i:]
        if vocab.freq.get(right, 0) < 2:
            continue
        if left in _ELISIONS:
            key = (vocab.freq[right], left + "'", right)
        elif len(left) >= 3 and vocab.freq.get(left, 0) >= 2:
            key = (min(vocab.freq[left], vocab.freq[right]), left + " ", right)
        else:
            continue
        if best is None or key[0] > best[0]:
            best = key
    if best is None:
        return None
    _, left, right = best
    shown = (
        left + vocab.display.get(right, right)
        if left.endswith("'")
        else (vocab.display.get(left.strip(), left.strip()) + " " + vocab.display.get(right, right))
    )
    return Correction(word, fold(shown), shown, 1.0)


def _keys(word: str) -> set[str]:
    """The keys a vocabulary word is listed under: its trigrams and its undoubled form."""
    return _trigrams(word) | {_DOUBLING + undoubled(word)}


def _collect(text: str, sign: int, deltas: Counter[str]) -> None:
    for m in _WORD.finditer(text):
        deltas[m.group(0).lower()] += sign


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_lock = threading.Lock()


_latest: list[Vocabulary] = []  # the one built last: the next index's is derived from it
_latest_of: list[int] = []  # the serial of its lexical index


def remember(index, vocab: Vocabulary) -> None:
    """Use `vocab` (loaded from disk) as the vocabulary of `index`, and derive the next ones from it."""
    with _lock:
        _cache[index] = vocab
        _latest[:] = [vocab]
        _latest_of[:] = [getattr(index, "serial", 0)]


def vocabulary_of(index, extra: AbstractSet[str] = frozenset()) -> Vocabulary:
    """The vocabulary of a lexical index (texts and titles), made on first use and kept while the index lives:
    derived from the last one made (with the same extra words), or built when there is none."""
    with _lock:
        vocab = _cache.get(index)
        if vocab is None:
            corpus = index.corpus
            lineage = getattr(index, "lineage", {})
            same = bool(_latest) and _latest[0]._extra == extra
            if same and _latest_of and _latest_of[0] in lineage:  # made from the last index seen: the change only
                vocab = _latest[0].changed(lineage[_latest_of[0]], corpus)
            elif same:
                vocab = _latest[0].updated(corpus.ids, corpus.texts, [m.get("title", "") for m in corpus.metas])
            else:
                titles = [m.get("title", "") for m in corpus.metas]
                vocab = Vocabulary.of_index(corpus.ids, corpus.texts, titles, extra)
            _cache[index] = vocab
            _latest[:] = [vocab]
            _latest_of[:] = [getattr(index, "serial", 0)]
        return vocab
