"""Passages as the records read them: a stored passage, one of its sentences as read, and the passages worth
reading once (one document per group of syndicated copies, one passage per group of near-identical ones)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ingest.city import sidebar_spans
from ingest.copies import FURNITURE_WORDS
from ingest.sections import stored_sections
from knowledge.sentences import Sentence
from lgnet.gazetteer import Gazetteer, same_comune
from lgnet.practice import Source


@dataclass
class Passage:
    id: str
    text: str
    meta: dict

    @property
    def doc_id(self) -> str:
        return self.meta.get("doc_id") or self.id.rsplit(":", 1)[0]


@dataclass
class Read:
    """One sentence as read: where it is, its clean text and the areas it names itself."""

    passage: Passage
    sentence: Sentence
    body: str
    areas: list[str]

    def source(self) -> Source:
        return Source(chunk_id=self.passage.id, doc_id=self.passage.doc_id, start=self.sentence.start,
                      end=self.sentence.end, quote=self.body)  # fmt: skip


def read_once(passages: list[Passage]) -> list[Passage]:
    """The passages worth reading: one document per group of syndicated copies (the canonical one when it is
    there), and one passage per group of near-identical passages."""
    by_group: dict[str, list[Passage]] = defaultdict(list)
    for p in passages:
        by_group[p.meta.get("doc_dup_group") or p.doc_id].append(p)
    kept: list[Passage] = []
    seen_chunks: set[str] = set()
    for group in by_group.values():
        docs: dict[str, list[Passage]] = defaultdict(list)
        for p in group:
            docs[p.doc_id].append(p)
        best = max(docs, key=lambda d: (docs[d][0].meta.get("doc_id") == group[0].meta.get("doc_dup_group"),
                                        sum(len(p.text) for p in docs[d]), d))  # fmt: skip
        for p in sorted(docs[best], key=lambda p: p.meta.get("chunk_index", 0)):
            dup = p.meta.get("dup_group") or p.id
            if dup not in seen_chunks:
                seen_chunks.add(dup)
                kept.append(p)
    return kept


_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in _NUMBER.findall(text)}


def copies_left(passages: list[Passage], kept: list[Passage]) -> list[Passage]:
    """The passages of the syndicated copies `read_once` did not read: a copy may keep a paragraph the read one
    cut. The records read from them only sentences whose numbers the read copy never states (each fact once)."""
    read = {p.id for p in kept}
    read_docs = {p.doc_id for p in kept}
    left = [p for p in passages if p.id not in read and p.doc_id not in read_docs and p.meta.get("doc_dup_group")]
    return sorted(left, key=lambda p: (p.doc_id, p.meta.get("chunk_index", 0)))


def running_spans(text: str) -> list[tuple[int, int]]:
    """The passage's paragraphs of running text: those of `FURNITURE_WORDS` words or more (a copy's shorter blocks
    are its page's furniture, a sidebar's headlines, a masthead, a byline: the one notion of the duplicate groups),
    without the lists under a sidebar's heading ("IN BREVE" in a clipping whose lines run on: `ingest.dedup`)."""
    spans = [m.span() for m in _PARAGRAPH.finditer(text) if len(m.group(0).split()) >= FURNITURE_WORDS]
    for a, b in sidebar_spans(text):
        spans = [part for s, e in spans for part in ((s, min(e, a)), (max(s, b), e)) if part[0] < part[1]]
    return spans


# A paragraph opened like a dateline by a comune, then a dash: "Stignano – Il Comune ha ottenuto 8 posti".
_NEWS_HEAD = re.compile(r"[ \t]*[–—-][ \t]")
_CANDIDATE = re.compile(r"[ \t]*[A-ZÀ-Ý][\w'’ ]{1,40}?[ \t]*[–—-][ \t]")  # cheap: most paragraphs never open so
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def foreign_spans(p: Passage, city: str, gazetteer: Gazetteer | None) -> list[tuple[int, int]]:
    """The spans of the passage that are not `city`'s to read. For its document's city: the sections about other
    comuni (`ingest.sections`: a review's other articles, a newsletter's other news, a sidebar's headlines); for a
    comune one of its sections is about: everything but that comune's sections. A passage stored before sections
    were kept: the short news of other comuni (`other_places`)."""
    spans = stored_sections(p.meta)
    if spans is None:
        return other_places(p, city, gazetteer or Gazetteer.default())
    if same_comune(city, p.meta.get("city")) or not any(g and same_comune(city, c) for _, _, c, g in spans):
        return [(a, b) for a, b, c, _ in spans if not same_comune(city, c)]
    out, at = [], 0
    for a, b in sorted((a, b) for a, b, c, g in spans if g and same_comune(city, c)):
        if a > at:
            out.append((at, a))
        at = max(at, b)
    return [*out, (at, len(p.text))] if at < len(p.text) else out


def groups_of(meta: dict) -> list[tuple[str | None, str | None]]:
    """The (city, phase) groups a passage's facts go to: its document's, and those of the comuni its sections
    give facts to (the passage is read for each, `elsewhere` keeping what is each one's)."""
    out: list[tuple[str | None, str | None]] = [(meta.get("city"), meta.get("phase"))]
    out += [(c, meta.get("phase")) for c in meta.get("section_cities") or [] if c != meta.get("city")]
    return out


def other_places(p: Passage, city: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of the passage's paragraphs about another comune: a newsletter's or a review's short news, each
    opened by its comune and a dash ("Caulonia – Firmato il protocollo ..."). The document's own opening
    paragraph never is (its dateline may name the agency's office)."""
    spans = []
    for m in _PARAGRAPH.finditer(p.text):
        if m.start() == 0 and not p.meta.get("char_start"):
            continue
        if not _CANDIDATE.match(p.text, m.start()):
            continue
        head = m.group(0)[:80]
        found = gazetteer.mentions(head)
        if not found or found[0].start != len(head) - len(head.lstrip()):
            continue
        if _NEWS_HEAD.match(head, found[0].end) and not same_comune(city, found[0].city.name):
            spans.append(m.span())
    return spans


# A comune's own mail domain: "x@comune.latina.it", "y@comune.saint-vincent.ao.it" (the gazetteer reads its label)
_COMUNE_DOMAIN = re.compile(r"@(?:[\w-]+\.)*?comune\.(?P<label>[a-z-]+)\.(?:(?P<pv>[a-z]{2})\.)?it$", re.I)


def other_comune_address(email: str | None, city: str, gazetteer: Gazetteer) -> bool:
    """Whether an e-mail address is at another comune's own domain than `city`'s: a newsletter's footer or another
    city's office, never this city's contact (an address at no comune's domain, or one the gazetteer cannot place,
    may be)."""
    m = _COMUNE_DOMAIN.search(email or "")
    if not m or not city:
        return False
    place = gazetteer.by_domain(m["label"].replace("-", ""), m["pv"])
    return place is not None and not same_comune(city, place.name)
