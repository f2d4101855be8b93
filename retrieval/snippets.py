"""HTML-safe snippets with the query's terms marked, and the answer sentence."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from functools import lru_cache

from retrieval.analysis import get_analyzer

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _word_spans(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """Each word of a text with its stems: the same passages are shown again and again, so this is cached."""
    analyzer = get_analyzer()
    return tuple((m.start(), m.end(), analyzer.word_stems(m.group(0))) for m in _WORD.finditer(text))


def _marked_spans(text: str, query_stems: set[str]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, stems in _word_spans(text) if not stems.isdisjoint(query_stems)]


def highlight(text: str, query_stems: set[str]) -> str:
    """The whole text, HTML-escaped, with matching words in <mark>. Escaping comes first, so hostile text
    ("<script>") can only ever show as text."""
    return _render(text, 0, len(text), _marked_spans(text, query_stems))


def _render(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """text[lo:hi] escaped, with the spans inside it marked."""
    out, last = [], lo
    for start, end in spans:
        if lo <= start and end <= hi:
            out.append(html.escape(text[last:start]))
            out.append(f"<mark>{html.escape(text[start:end])}</mark>")
            last = end
    out.append(html.escape(text[last:hi]))
    return "".join(out)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"\S+", text))


def snippet(text: str, query_stems: set[str], words: int = 45) -> str:
    """The window of about `words` words with the most query terms, escaped and marked."""
    tokens = _tokens(text)
    if not tokens:
        return ""
    spans = _marked_spans(text, query_stems)
    starts = [s for s, _ in spans]
    best, best_count = 0, -1
    for i in range(0, max(1, len(tokens) - words + 1), 5):
        lo = tokens[i][0]
        hi = tokens[min(i + words, len(tokens)) - 1][1]
        count = bisect_left(starts, hi) - bisect_left(starts, lo)
        if count > best_count:
            best, best_count = i, count
    end_index = min(best + words, len(tokens)) - 1
    body = _render(text, tokens[best][0], tokens[end_index][1], spans)
    return ("… " if best > 0 else "") + body + (" …" if end_index < len(tokens) - 1 else "")
