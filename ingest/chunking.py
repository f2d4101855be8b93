"""Structure-aware chunking: whole sentences packed into passages of roughly 120-300 words.

Paragraphs are the preferred cut, table rows (ingest/tables.py) are kept whole; a paragraph broken by the
PDF-to-text conversion (no final punctuation, next one starting in lower case) is glued back first.
Consecutive passages overlap by one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tables import is_row

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t\u00a0]*\n))*", re.M)
_SENTENCE = re.compile(r".+?(?:[.!?…]+[»”\"')\]]*(?=\s+[«“\"(\[]?[A-ZÀ-Ý0-9])|$)", re.S)
_ENDS_SENTENCE = re.compile(r"[.!?:;…»”\")\]]\s*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    words: int
    paragraph_end: bool = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            broken = not _ENDS_SENTENCE.search(text[prev_start:prev_end]) and text[start].islower()
            if broken:
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _units(text: str, max_words: int) -> list[Span]:
    """Sentences (or lines, for tables and lists) with offsets; over-long ones cut into word windows."""
    units: list[Span] = []
    for p_start, p_end in _paragraphs(text):
        para_units: list[Span] = []
        for line in re.finditer(r"[^\n]+", text[p_start:p_end]):
            base = p_start + line.start()
            if is_row(line.group(0)):  # a table row ("Comune: Bari; Beneficiari: 120") is never cut
                para_units.extend(_windows(text, base, base + len(line.group(0).rstrip()), max_words))
                continue
            for s in _SENTENCE.finditer(line.group(0)):
                if not s.group(0).strip():
                    continue
                para_units.extend(_windows(text, base + s.start(), base + s.end(), max_words))
        if para_units:
            last = para_units[-1]
            para_units[-1] = Span(last.start, last.end, last.words, paragraph_end=True)
        units.extend(para_units)
    return units


def _windows(text: str, start: int, end: int, max_words: int) -> list[Span]:
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= max_words:
        return [Span(start, end, len(words))]
    out = []
    for i in range(0, len(words), max_words):
        group = words[i : i + max_words]
        out.append(Span(start + group[0].start(), start + group[-1].end(), len(group)))
    return out


def chunk_spans(text: str, min_words: int = 120, max_words: int = 300) -> list[tuple[int, int]]:
    """(start, end) offsets of the passages of `text`."""
    units = _units(text, max_words)
    if not units:
        return []
    chunks: list[tuple[int, int]] = []
    current: list[Span] = []
    words = 0
    for unit in units:
        if current and words + unit.words > max_words:
            chunks.append((current[0].start, current[-1].end))
            # One sentence of overlap, unless it would make the next passage start over-long.
            tail = current[-1]
            current = [tail] if not tail.paragraph_end and tail.words < max_words // 4 else []
            words = sum(u.words for u in current)
        current.append(unit)
        words += unit.words
        if unit.paragraph_end and words >= min_words:
            chunks.append((current[0].start, current[-1].end))
            current, words = [], 0
    if current:
        if chunks and words < min_words // 2 and _words_between(text, *chunks[-1]) + words <= max_words:
            chunks[-1] = (chunks[-1][0], current[-1].end)  # a short tail joins the previous passage
        else:
            chunks.append((current[0].start, current[-1].end))
    return chunks


def _words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())
