"""Text helpers for the templates: a document cut into its passages, excerpts, query terms marked."""

from __future__ import annotations

import re

from markupsafe import Markup

from lgnet.text import strip_headings, strip_markdown
from retrieval.analysis import get_analyzer
from retrieval.snippets import highlight

SNAP = 3  # how far a passage boundary may move to fall on whitespace


def _snap(text: str, pos: int, low: int) -> int:
    """A passage boundary moved onto whitespace if it falls a character or two inside a word."""
    pos = max(low, min(pos, len(text)))
    for delta in range(SNAP + 1):
        for candidate in (pos - delta, pos + delta):
            if low <= candidate <= len(text) and (
                candidate in (0, len(text)) or text[candidate - 1].isspace() or text[candidate].isspace()
            ):
                return candidate
    return pos


def passages(text: str, chunks: list[dict]) -> list[dict]:
    """The document's text in order, as segments: each passage (with its id) and any text between them.
    Overlapping passages are cut where the previous one ends, so no text is shown twice."""
    segments: list[dict] = []
    pos = 0
    located = [c for c in chunks if c.get("char_start") is not None and c.get("char_end") is not None]
    if not located:
        return [{"id": c["id"], "text": c["text"], "ocr_confidence": c.get("ocr_confidence")} for c in chunks] or [
            {"id": None, "text": text}
        ]
    for chunk in sorted(located, key=lambda c: c["char_start"]):
        start = _snap(text, chunk["char_start"], pos)
        end = _snap(text, chunk["char_end"], start)
        if start > pos and text[pos:start].strip():
            segments.append({"id": None, "text": text[pos:start].strip("\n")})
        if end > start:
            segments.append(
                {"id": chunk["id"], "text": text[start:end].strip("\n"), "ocr_confidence": chunk.get("ocr_confidence")}
            )
            pos = end
    if text[pos:].strip():
        segments.append({"id": None, "text": text[pos:].strip("\n")})
    return segments


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (single line breaks are kept inside a paragraph), without the
    markdown emphasis (`**housing**`) that PDF-to-text conversion leaves in the sources."""
    return [strip_headings(strip_markdown(p)).strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def excerpt(text: str | None, limit: int = 280) -> str:
    """The start of a text cut at a word, with an ellipsis if it was cut (an article's header is cut off by the
    read model, from the span the press-review splitter stored)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + " …"


def marked(text: str, query: str) -> Markup:
    """The text escaped, with the words of the query marked (safe to insert as HTML)."""
    stems = set(get_analyzer().query_tokens(query)) if query else set()
    return Markup(highlight(text, stems))
