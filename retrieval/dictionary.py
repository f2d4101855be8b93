"""Words of the Italian and English languages (Debian's `witalian` and `wamerican` word lists), so that a real
word the index happens not to contain ("sotto", "residents") is never "corrected" into another one.

Loaded on first use; without the lists (another system) every word counts as unknown, and spelling falls back
to the index's vocabulary alone."""

from __future__ import annotations

import threading
from pathlib import Path

from lgnet.text import fold

WORD_LISTS = (Path("/usr/share/dict/italian"), Path("/usr/share/dict/american-english"))
_words: frozenset[str] | None = None
_by_list: dict[Path, frozenset[str]] = {}
_lock = threading.Lock()


def language_words() -> frozenset[str]:
    """The words of either language: both lists, each read once (`_list`)."""
    global _words
    if _words is None:
        found = frozenset().union(*(_list(path) for path in WORD_LISTS))
        with _lock:
            if _words is None:
                _words = found
    return _words


def _list(path: Path) -> frozenset[str]:
    """One word list, folded ({} when absent)."""
    with _lock:
        found = _by_list.get(path)
        if found is None:
            try:
                text = path.read_text("utf-8", errors="replace")
            except OSError:
                text = ""
            found = _by_list[path] = frozenset(fold(line.strip()) for line in text.splitlines() if line.strip())
        return found


def italian_words() -> frozenset[str]:
    """The Italian list alone ({} without it)."""
    return _list(WORD_LISTS[0])


def english_words() -> frozenset[str]:
    """The English list alone ({} without it)."""
    return _list(WORD_LISTS[1])


# Italian forms the list often lacks, from one it has: gerunds from infinitives, plurals and genders from the
# masculine singular ("accogliendo": "accogliere", "psichiatrici": "psichiatrico").
_FORMS = (
    ("ando", ("are",)),
    ("endo", ("ere", "ire")),
    ("ici", ("ico",)),
    ("iche", ("ica", "ico")),
    ("chi", ("co",)),
    ("che", ("ca", "co")),
    ("ghi", ("go",)),
    ("ghe", ("ga", "go")),
    ("i", ("o", "e", "a")),
    ("e", ("a", "o")),
    ("a", ("o",)),
)


def is_word(word: str) -> bool:
    """Whether a (folded) word is a word of Italian or English (possessives and plurals as listed), or an
    Italian gerund, plural or feminine of a listed word."""
    word = fold(word)
    words = language_words()
    if word in words:
        return True
    for ending, sources in _FORMS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stem = word[: -len(ending)]
            if any(stem + source in words for source in sources):
                return True
    return False
