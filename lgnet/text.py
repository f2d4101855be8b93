"""Small text helpers shared by ingestion and retrieval."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lgnet.errors import ConfigError

_WS = re.compile(r"\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1", re.S)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case and strip accents: 'Città' -> 'citta', so spelling variants meet."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


def normalize_space(text: str) -> str:
    return _WS.sub(" ", text).strip()


def strip_markdown(text: str) -> str:
    """Remove bold/italic markers and [label](#) links left by PDF-to-text conversion."""
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "")


_HEADING_MARK = re.compile(r"(?<!\S)#{1,6}[ \t]+(?=\S|\Z)")  # \Z: a piece cut just before a marked word


def strip_headings(text: str) -> str:
    """Drop markdown heading markers ("### 3.2 Alloggi" -> "3.2 Alloggi") for display: the stored passages keep
    them, because section detection reads them (knowledge/sections.py). A hashtag ("#LGNet") is kept."""
    return _HEADING_MARK.sub("", text)


def comparable(text: str) -> str:
    """Fold, drop punctuation and collapse spaces: a key for comparing titles."""
    text = fold(strip_markdown(text))
    text = re.sub(r"[^\w\s]", " ", text)
    return normalize_space(text)


_SENTENCE_END = re.compile(r"(?<=[.!?»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9(])")


def split_sentences(text: str) -> list[str]:
    """Split on sentence ends followed by a capital; good enough for press Italian and English."""
    parts = _SENTENCE_END.split(text.strip())
    return [p.strip() for p in parts if p.strip()]


# The commonest words of the corpus languages: enough to tell Italian from English.
_STOP_IT = frozenset(
    re.findall(r"\S+", "il lo la gli le di che per con una del della dei delle nel nella sono è e non al alla da dal")
) | {"anche", "questo", "ha"}
_STOP_EN = frozenset(
    re.findall(r"\S+", "the of and to in is that for with are on by this which from have has their as be an at its or")
) | {"were", "was"}


def detect_language(text: str) -> str:
    """'it' or 'en' by stop-word counts (the corpus languages); Italian when in doubt."""
    words = re.findall(r"[a-zà-ù]+", text.lower()[:20000])
    it = sum(w in _STOP_IT for w in words)
    en = sum(w in _STOP_EN for w in words)
    return "en" if en > it else "it"


def replace_between(path: Path, start: str, end: str, body: str) -> None:
    """Rewrite what lies between two marker lines of a file, keeping the rest (the README's figures come from
    commands: `make eval`, `make bench`). A file without both markers is a ConfigError naming them."""
    text = path.read_text("utf-8")
    head, found_start, rest = text.partition(start)
    _, found_end, tail = rest.partition(end)
    if not (found_start and found_end):
        raise ConfigError(f"markers {start!r} and {end!r} not found in {path}")
    path.write_text(f"{head}{start}\n{body}\n{end}{tail}", "utf-8")
