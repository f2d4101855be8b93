"""One organisation named two ways: the key partner names are compared by, and when two keys name one organisation
(the records' merging and the scorer read names alike)."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter

from lgnet.text import fold


def comparable_name(name: str) -> str:
    """A key to compare organisation names: folded, no punctuation or articles."""
    name = re.sub(r"[^\w\s]", " ", fold(name))
    return re.sub(r"\s+", " ", name).strip()


_FUNCTION_WORDS = {"di", "del", "della", "dello", "dell", "dei", "degli", "delle", "e", "ed", "per", "il", "la", "lo",
                   "l", "i", "gli", "le", "d", "of", "the", "and"}  # fmt: skip


@functools.lru_cache(maxsize=1 << 14)
def _content_words(name: str) -> frozenset[str]:
    """Its words but function words, when three or more (kept per name: a refresh compares each name with every
    other of its group once)."""
    words = frozenset(name.split()) - _FUNCTION_WORDS
    return words if len(words) >= 3 else frozenset()


# Words that qualify an organisation's legal kind, not which one it is: "Cooperativa (sociale) X", "X (Onlus)"
_QUALIFIERS = re.compile(r"\s(?:sociale|onlus|aps|odv|ets|scs|arl|srl|impresa sociale)(?=\s|$)")


@functools.lru_cache(maxsize=1 << 14)
def _unqualified(name: str) -> str:
    return _QUALIFIERS.sub("", f" {name}")


@functools.lru_cache(maxsize=1 << 14)
def _letters(name: str) -> Counter[str]:
    return Counter(name)


@functools.lru_cache(maxsize=1 << 16)
def same_org(a: str, b: str) -> bool:
    """Two comparable names of one organisation ("FILEF" and "FILEF Federazione ...", "Stimate"/"Stimmate",
    "Cooperativa sociale X" and "Cooperativa X"). Kept per pair (a refresh of a city's group compares the same
    names in every area it merges, and again at the next refresh)."""
    short, long = sorted((a, b), key=len)
    return (
        a == b
        or _unqualified(a) == _unqualified(b)
        or _content_words(a) == _content_words(b) != set()  # "Distretto X dell'Azienda Y" = "Azienda Y – Distretto X"
        or set() != _content_words(short) <= set(long.split())  # "Azienda Sanitaria di X", "... Locale di X"
        or long.startswith(short + " ")
        or (len(short.split()) >= 2 and f" {short} " in f" {long} ")  # "FILEF Federazione X" holds "Federazione X"
        or _similar(a, b, 0.9)
    )


def _similar(a: str, b: str, threshold: float) -> bool:
    """difflib's ratio at least `threshold`, its cheap upper bounds asked first (the same answer: a city's group
    at 100k compared 15k pairs of partner names, 2.3 s of adding one file, most of them far apart): the lengths'
    (`real_quick_ratio`), then the letters in common (`quick_ratio`, from each name's letters counted once: building
    a matcher for it was half the cost of comparing a group's ~5k pairs of names the first time)."""
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < threshold:  # real_quick_ratio(), before building a matcher
        return False
    if total:
        ours, theirs = _letters(a), _letters(b)
        common = sum(min(n, theirs[c]) for c, n in ours.items() if c in theirs)
        if 2.0 * common / total < threshold:  # quick_ratio(), difflib's arithmetic
            return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= threshold
