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
_lock = threading.Lock()


def language_words() -> frozenset[str]:
    global _words
    with _lock:
        if _words is None:
            found: set[str] = set()
            for path in WORD_LISTS:
                try:
                    text = path.read_text("utf-8", errors="replace")
                except OSError:
                    continue
                found.update(fold(line.strip()) for line in text.splitlines() if line.strip())
            _words = frozenset(found)
        return _words


def is_word(word: str) -> bool:
    """Whether a (folded) word is a word of Italian or English (possessives and plurals as listed)."""
    return fold(word) in language_words()
