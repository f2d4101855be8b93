"""Sentences with offsets, as the fact rules read them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lgnet.text import fold

# Abbreviations after which a full stop does not end a sentence ("Anteo Soc. Coop. Sociale", "A.M.M.I.").
_ABBREVIATION = re.compile(r"(?:\b(?:Soc|Coop|Dott|Prof|Sig|ecc|es|ss|n|nr|Geom|Avv|Ing|S\.p\.A|S\.r\.l)|\b[A-Z])\.$")
# A list item opened by a bullet after a full stop is a sentence of its own ("... Carbonia. • Nei due anni ...").
_END = re.compile(r"[.!?»”\"]+\s+(?=[«“\"*A-ZÀ-Ý0-9(•▪●])|;\s+(?=[A-Z])|\n\s*\n|\s+(?=[•▪●]\s)")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets in the passage
    end: int


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """Sentences with their offsets; full stops after abbreviations and initials do not cut. Reading starts at
    `start` (after an article's header), offsets stay those of `text`."""
    out: list[Sentence] = []
    for m in _END.finditer(text, start):
        head = text[start : m.start() + 1].rstrip()
        blank_line = "\n\n" in m.group(0) or "\n \n" in m.group(0)
        if m.group(0).startswith(".") and _ABBREVIATION.search(head) and not blank_line:
            continue
        if m.group(0).startswith("\n") and not re.search(r"[.!?:;»”\"]$", head) and len(head) > 60:
            nxt = text[m.end() : m.end() + 1]
            if nxt.islower() or not nxt:
                continue  # a paragraph break inside a sentence (PDF line wrapping)
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if body:
        out.append(Sentence(body, start + lead, start + lead + len(body)))


def clean(text: str) -> str:
    """A sentence as people read it: no markdown emphasis, no line breaks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


# A list item's marker opening a sentence or a line after a closed item ("- 7 di loro sono già state assunte;", "•
# 12 alloggi."): the facts rules read the item as the clause it is, its marker dropped ("...; 7 di loro" for "...;\n- 7
# di loro"), so what reads a sentence's or a clause's opening words reads an item's ("- di questi, 44 sono stati aiutati
# ..."). The markers of a list whose items are not closed ("- CPIA di X\n- Cooperativa Y") stay: they part its names.
_ITEM_MARKER = re.compile(r"(^|[;.:!?][ \t]*\n)[ \t]*[-–•▪●*][ \t]+")


def as_read(text: str) -> str:
    """A sentence as the facts rules read it: `clean`, without the list markers of its items (`_ITEM_MARKER`)."""
    return clean(_ITEM_MARKER.sub(r"\1", text.lstrip()))


def key(sentence: str) -> str:
    """A key that is the same for a sentence and its copies (case, accents, punctuation ignored)."""
    return re.sub(r"\W+", " ", fold(clean(sentence))).strip()


# --- is a sentence fit to be read out as a summary? ---------------------------------------------------------
_OPENERS = re.compile(r"^(?:e|ed|ma|o|oppure|anche|inoltre|infine|poi|quindi|ancora|mentre|però)\b[ ,]", re.I)
_GLUE = re.compile(r"\b[a-zà-ù]{2,}[A-Z][a-zà-ù]{2,}")  # "diRedazione": words run together by the conversion
_FIELD_LABEL = re.compile(r"(?:^|\s)[A-ZÀ-Ý][\w’']+(?:\s+[\w’']+){0,5}\s*:\s")
_BYLINE = re.compile(r"\b(?:By|Di|di)\s+Redazione\b|\bRedazione\b\s*$|https?://|www\.", re.I)


def readable(text: str) -> bool:
    """A whole sentence a person can read out: it starts with a capital, not with "E, ancora," or another
    connective, ends like a sentence, has no words glued together, no form labels ("Importo: ... Partenariato:")
    and no byline or link."""
    body = clean(text)
    if len(body) < 50 or len(body) > 500 or not (body[0].isupper() or body[0] in '«“"'):
        return False
    if _OPENERS.match(body) or _GLUE.search(body) or _BYLINE.search(body):
        return False
    if not body.rstrip('»”")').endswith((".", "!", "?")):
        return False
    return len(_FIELD_LABEL.findall(body)) == 0 and not re.match(r"^(?:\d+[.)]|[•\-–])\s", body)
