"""Which intervention area a part of a document is about, when a sentence does not say it itself: the heading
of its section ("## Accoglienza abitativa", "Presa in carico" on a line of its own), else the document's one
dominant area (a practice report about housing; never a press article, which speaks of the whole project).
Used only for facts whose own sentence names no area."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from lgnet.text import fold

_MARKDOWN = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*$")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)])\s+")
MAX_HEADING_WORDS = 8
DOMINANT_SHARE = 0.8  # of the sentences naming one area, the share a document's main area must have
DOMINANT_MIN = 3
# Documents written about one practice (a press article speaks of the whole project: its figures stay there).
PRACTICE_TYPES = {"practice_report", "report", "minutes", "project_sheet"}


class _Passage(Protocol):
    id: str
    text: str
    meta: dict


P = TypeVar("P", bound=_Passage)


@dataclass
class Sections:
    """Per passage, the offsets where a section starts and its area (None: a section about no one area)."""

    starts: dict[str, list[tuple[int, str | None]]]
    dominant: dict[str, str]  # doc_id -> its dominant area, when it has one

    def area(self, passage_id: str, doc_id: str, offset: int) -> str | None:
        return self.heading(passage_id, offset) or self.dominant.get(doc_id)

    def heading(self, passage_id: str, offset: int) -> str | None:
        """The area the heading of the section at `offset` names (None: no heading of one area)."""
        current: str | None = None
        for start, area in self.starts.get(passage_id, []):
            if start > offset:
                break
            current = area
        return current


def _headings(text: str) -> list[tuple[int, str]]:
    """(offset, heading text) of the lines that are headings: markdown titles, or short lines of their own,
    starting with a capital, without final punctuation, followed by a blank line or a capitalised line."""
    out = []
    lines = list(re.finditer(r"[^\n]*", text))
    for i, m in enumerate(lines):
        line = m.group(0).strip()
        if not line:
            continue
        md = _MARKDOWN.match(line)
        if md:
            out.append((m.start(), md.group("title")))
            continue
        line = _NUMBERED.sub("", line).strip("*_ ")
        nxt = next((x.group(0).strip() for x in lines[i + 1 :] if x.group(0).strip()), "")
        words = line.split()
        bullet = re.match(r"^[-•*–]\s", m.group(0).strip())
        closed = line.endswith((".", ",", ";", ":"))
        if (
            1 <= len(words) <= MAX_HEADING_WORDS
            and line[0].isupper()
            and not closed
            and not bullet
            and (not nxt or nxt[0].isupper() or nxt[0] in "#*")
        ):
            out.append((m.start(), line))
    return out


# A numbered heading run into the text where a PDF's lines were joined: "... to go. 3. Housing Through the
# project ...": the words right after the number say what the section is about.
_INLINE = re.compile(r"(?:^|(?<=[.!?])\s)(?P<num>\d{1,2})\.\s+(?P<words>[A-Z][\w'’-]*(?:[\s:,]+[\w'’-]+){0,4})")


# The area a practice report or project sheet declares for itself: "Ambito tematico: community building e impegno
# civico", "Area di intervento | Inclusione abitativa". The first one named is its main area.
_DECLARED = re.compile(
    r"(?:^|\n)[ \t#*]*(?:ambit[oi]\s+(?:tematic[oi]|di\s+intervento)|aree?\s+(?:tematic[ah]e?|di\s+intervento)|"
    r"settor[ei]\s+di\s+intervento|thematic\s+areas?|areas?\s+of\s+intervention)[ \t*]*[:|][ \t]*(?P<areas>[^\n]+)",
    re.I,
)


# A heading run into its paragraph: "Comunità. Nei condomini ...", "Azione 4 – Comunità. Sono previste ...",
# "**Abitare.** Il tasso ..." (a monitoring report's or a project sheet's paragraphs, each opened by its area).
_RUN_IN = re.compile(r"(?m)^[ \t*_]*(?:(?:Azione|Action|Asse|Area|Misura)\s+\d{1,2}\s*[–—:-]\s*)?"
                     r"(?P<title>[A-ZÀ-Ý][\w'’]*(?:[ \t]+[\w'’]+){0,3}?)\.[*_]*[ \t]+(?=[A-ZÀ-Ý«\"])")  # fmt: skip
# The words a heading names an area by that the taxonomy, made for services, does not know as such.
_HEADING_WORDS = {
    "comunita": "community_building", "community": "community_building", "abitare": "housing", "casa": "housing",
    "formazione": "capacity_building", "rafforzamento dei servizi": "capacity_building",
    "training": "capacity_building", "partecipazione": "civic_engagement", "impegno civico": "civic_engagement",
    "rafforzamento": "capacity_building",
    # the areas' headings of the network's sheets for taking charge: work, language, health, orientation
    "lavoro": "taking_charge", "orientamento": "taking_charge", "lingua": "taking_charge", "salute": "taking_charge",
    "inserimento lavorativo": "taking_charge", "work": "taking_charge", "employment": "taking_charge",
    "language": "taking_charge", "health": "taking_charge", "volontariato": "civic_engagement",
    "volunteering": "civic_engagement", "vicinato": "community_building", "housing": "housing",
}  # fmt: skip
# A heading of several parts ("Orientamento e lavoro", "Lingua e salute") names the one area all its parts name.
_PARTS = re.compile(r"\s*(?:,|\be\b|\bed\b|\band\b|&|/)\s*", re.I)


def heading_area(title: str, classify: Callable[[str], list[str]]) -> str | None:
    """The one area a heading (or a table's cell of words, an "Area" column's "abitare") names, else None."""
    areas = classify(title)
    if len(areas) == 1:
        return areas[0]
    if areas:
        return None
    words = " ".join(fold(title).lower().split())
    if words in _HEADING_WORDS:
        return _HEADING_WORDS[words]
    parts = {_HEADING_WORDS.get(p) for p in _PARTS.split(words) if p}
    return parts.pop() if len(parts) == 1 and None not in parts else None


def _run_in_headings(text: str, classify: Callable[[str], list[str]]) -> list[tuple[int, str]]:
    """Run-in headings that name one area (one that names none is left out: most short opening sentences are
    sentences, "Il meccanismo è semplice.")."""
    out = []
    for m in _RUN_IN.finditer(text):
        area = heading_area(m.group("title"), classify)
        if area:
            out.append((m.start(), area))
    return out


def _inline_headings(text: str) -> list[tuple[int, str]]:
    return [(m.start("num"), m.group("words")) for m in _INLINE.finditer(text)]


@dataclass(frozen=True)
class Outline:
    """What one passage says of its sections, by itself: where its headings are and the area each names (None:
    not one area), how many of its lines name exactly one area, and the areas it declares for its document."""

    headings: list[tuple[int, str | None]]
    single: dict[str, int]
    declared: str | None


def outline(text: str, classify: Callable[[str], list[str]], sentence_areas: Callable[[str], list[str]]) -> Outline:
    found = _headings(text)
    if not found and "\n" not in text.strip():  # a passage whose lines were joined
        found = _inline_headings(text)
    headings: list[tuple[int, str | None]] = []
    for offset, title in found:
        areas = classify(title)
        headings.append((offset, areas[0] if len(areas) == 1 else None))
    if run_in := [h for h in _run_in_headings(text, classify) if h[0] not in {o for o, _ in headings}]:
        headings = sorted([*headings, *run_in], key=lambda h: h[0])
    single: Counter[str] = Counter()
    for line in re.split(r"(?<=[.!?])\s+|\n", text):
        areas = sentence_areas(line)
        if len(areas) == 1:
            single[areas[0]] += 1
    declared = next(iter(_DECLARED.finditer(text)), None)
    return Outline(headings, dict(single), declared.group("areas") if declared else None)


def sections(
    passages: Sequence[P],
    outline_of: Callable[[P], Outline],
    matches: Callable[[str], list[tuple[str, int, int]]] = lambda text: [],
) -> Sections:
    """The sections of every document in `passages` (read in order, a section runs on into the next passage)
    and each document's dominant area, from each passage's `outline`."""
    by_doc: dict[str, list[P]] = {}
    for p in passages:
        by_doc.setdefault(p.meta.get("doc_id") or p.id.rsplit(":", 1)[0], []).append(p)
    starts: dict[str, list[tuple[int, str | None]]] = {}
    dominant: dict[str, str] = {}
    for doc_id, parts in by_doc.items():
        carried: str | None = None
        single: Counter[str] = Counter()
        outlines = {p.id: outline_of(p) for p in parts}
        for p in sorted(parts, key=lambda p: p.meta.get("chunk_index", 0)):
            marks: list[tuple[int, str | None]] = [(0, carried)]
            for offset, area in outlines[p.id].headings:
                carried = area
                marks.append((offset, carried))
            starts[p.id] = marks
            single.update(outlines[p.id].single)
        if single and parts[0].meta.get("doc_type") in PRACTICE_TYPES:
            area, n = single.most_common(1)[0]
            if n >= DOMINANT_MIN and n / sum(single.values()) >= DOMINANT_SHARE:
                dominant[doc_id] = area
        if doc_id not in dominant and parts[0].meta.get("doc_type") in PRACTICE_TYPES:
            declared = next((outlines[p.id].declared for p in parts if outlines[p.id].declared is not None), None)
            named = sorted(matches(declared), key=lambda m: m[1]) if declared is not None else []
            if named:
                dominant[doc_id] = named[0][0]  # the first area the document declares is its main one
    return Sections(starts, dominant)
