"""The parts of a document about another comune than its own: a press review's articles (a title opening with
the comune, "Savona, l'agenzia sociale per la casa firma ...", or a later dateline, "SARZANA. Sono 180 ..."), a
newsletter's short news ("Stignano – Il Comune ha ottenuto 8 posti"), a section headed "Comune di X".

Computed per document over its passages in order (a section runs on into the next passage), in each passage's
own offsets, and kept in the passage's metadata: `sections` (JSON `[[start, end, comune, gives], ...]`, the
spans about comuni other than the document's city) and `section_cities` (the comuni whose sections give facts,
read with `$contains` to find a comune's passages). A section gives facts when it has a body (a sentence after
its title); a lone headline (a sidebar's "Alba, la fiera chiude con 200.000 visitatori") gives none but is not
the document's city's either. The document's own opening (its first paragraph, its first dateline: an agency's
office) never opens one. Records (knowledge/) give each section's facts to its comune, and none to the others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ingest.city import story_place
from lgnet.gazetteer import Gazetteer, Mention, same_comune

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# Cheap first: a capitalised word or a few, then a comma, colon, full stop or dash (most paragraphs never open so).
# A review may number its articles ("1. Rosarno, dalla tendopoli alle case", "2) Gioia Tauro – ..."): the number
# and its dot or bracket lead in like a heading's marks.
_CANDIDATE = re.compile(r"[ \t#*]*(?:\d{1,2}[.)][ \t]+)?(?P<words>[A-ZÀ-Ý][\w'’ ]{0,40}?)[ \t]*(?:[,.:]|[–—-][ \t])")
_DASH = re.compile(r"[ \t]*[–—-][ \t]")
_TITLE_PUNCT = re.compile(r"[ \t]*[,:]|[ \t]*[–—-][ \t]")
_DATELINE_PUNCT = re.compile(r"[ \t]*(?:[.,]|[–—-][ \t])")
_PLACE_DATE = re.compile(r"[ \t]*,[ \t]*(?:\d|l[iì]\b)", re.I)  # "Latina, 15 aprile 2025", "Roma, lì ..."
_COMUNE_HEADING = re.compile(r"[ \t#*]*(?:Comune|Città|Citta)\s+di\s+", re.I)
_SENTENCE_END = re.compile(r"[.!?»\"”)][ \t]*$")
_SENTENCE_INSIDE = re.compile(r"[a-zà-ù0-9][.!?][»\"”)]?[ \t]+[A-ZÀ-Ý«\"]")  # "... le luci accese. Il Comune ..."
# A headline may end on a name in quotes or brackets ("... in affitto con il «Patto per l'abitare»"), never on a stop.
_STOPPED = re.compile(r"[.!?][»\"”)]*[ \t]*$")
_NEWS_INSIDE = re.compile(r"(?<=[.!?])[ \t]+(?=[A-ZÀ-Ý][\w'’ ]{0,40}?[ \t]*[–—-][ \t])")
TITLE_WORDS = 25  # a title or headline is a short paragraph without a final full stop
HEADING_WORDS = 8  # a heading of no comune ("In breve") closes an article that had its body
BODY_WORDS = 8


@dataclass
class _Section:
    comune: str | None  # None: a part of no other comune (a heading like "In breve", "Appuntamento – ...")
    kind: str  # title, dateline, news, heading
    start: tuple[int, int]  # (passage, offset)
    end: tuple[int, int] | None = None
    body: bool = False


@dataclass
class _Scan:
    sections: list[_Section] = field(default_factory=list)
    dated: bool = False  # the document's first dateline was met (its own: an agency's office, the article's city)
    # a document about a comune: its first dateline is its own; a review of no comune has none of its own, its first
    # dateline opens its first article ("Il Piccolo, 25 novembre – ... MONFALCONE. Il sabato mattina ...")
    has_city: bool = True

    @property
    def current(self) -> _Section | None:
        return self.sections[-1] if self.sections and self.sections[-1].end is None else None

    def close(self, at: tuple[int, int]) -> None:
        if self.current:
            self.current.end = at

    def open(self, comune: str | None, kind: str, at: tuple[int, int]) -> None:
        self.close(at)
        self.sections.append(_Section(comune, kind, at))


def _head(para: str, gazetteer: Gazetteer, about: list[Mention] | None = None) -> tuple[str, str | None] | None:
    """What a paragraph's opening makes of it: ("title" | "dateline" | "news", comune), ("news" | "heading",
    None) for a boundary of no comune, None for running text. `about`: the comuni whose names are common words that
    the document names as places elsewhere ("dal Comune di Sorso"): a heading "Sorso, uno spazio ..." is theirs."""
    words = len(para.split())
    closed = bool(_SENTENCE_END.search(para))
    m = _CANDIDATE.match(para)
    if m is None:
        return ("heading", None) if words <= HEADING_WORDS and not closed and para.strip()[:1].isupper() else None
    lead = m.start("words")
    named = _COMUNE_HEADING.match(para)
    if named and words <= HEADING_WORDS and not closed:  # a section headed "Comune di Savona"
        found = gazetteer.mentions(para[:120], about)
        first = next((f for f in found if f.start == named.end()), None)
        return ("title", first.city.name) if first else None
    found = gazetteer.mentions(para[:120], about)
    first = found[0] if found else None
    if first is None or first.start != lead or _enumeration(found):
        if re.search(r"[–—-][ \t]$", m.group(0)) and closed:
            # "Appuntamento – Il seminario ... .": a short news of no comune; an outlet's line over an extract
            # ("Gazzetta del Sud – edizione di Reggio Calabria, 2 dicembre 2025") closes nothing
            return "news", None
        return ("heading", None) if words <= HEADING_WORDS and not closed else None
    title = words <= TITLE_WORDS and not _STOPPED.search(para)
    if _PLACE_DATE.match(para, first.end):
        if title:
            return None  # a place and a date heading a letter or closing an act, not an article
        # "Savona, 11 novembre 2025 – Ventidue contratti ...", "SARZANA, 13 novembre – ...": a dateline
        return ("dateline", first.city.name) if _DASH.search(para[first.end : first.end + 60]) else None
    if title and _TITLE_PUNCT.match(para, first.end):
        return "title", first.city.name
    if _DASH.match(para, first.end):
        return "news", first.city.name
    if first.form.isupper() and _DATELINE_PUNCT.match(para, first.end):
        return "dateline", first.city.name
    return None


_DATE = re.compile(r"\b\d{1,2}°?\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
                   r"novembre|dicembre)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", re.I)  # fmt: skip


def _titled(para: str, gazetteer: Gazetteer, about: list[Mention]) -> tuple[str, str | None] | None:
    """A review's headline that names one comune, wherever ("Dieci alloggi a Oderzo per le famiglie", "Lo sportello
    di Vittorio Veneto ha seguito 210 persone"): that comune's article. A province or an organisation's seat
    ("Prefettura di Treviso") is no comune of a story; a headline naming two comuni is nobody's; a markdown headline
    naming none closes the article before it, like a heading."""
    if len(para.split()) > TITLE_WORDS or _STOPPED.search(para) or "\n" in para.strip():
        return None
    if dated := _DATE.search(para):
        return _sourced(para, dated.end(), gazetteer, about)
    named = {m.city.name for m in gazetteer.mentions(para, about) if story_place(para, m)}
    if len(named) == 1:
        return "title", named.pop()
    return ("heading", None) if not named and _MARKED.match(para) else None  # a marked headline of no comune


_MARKED = re.compile(r"[ \t]*#{1,6}[ \t]")  # a markdown heading's marks
# After an article's date, its year, then a dash and what the line goes on with: "La Nuova Sardegna, 7 ottobre 2026 –
# Macomer, l'ex caserma ..."
_AFTER_DATE = re.compile(r"(?:[ \t]+\d{4})?[ \t]*[–—-][ \t]+")


def _sourced(para: str, end: int, gazetteer: Gazetteer, about: list[Mention]) -> tuple[str, str | None] | None:
    """A review's heading that gives an article's outlet and date, then a dash and its headline ("L'Eco, 9 ottobre
    2026 – Siniscola, i pescatori ..."): a new article, the comune that opens its headline's (a comune only
    named further on places nothing: "... – Il sindaco di X ..."). An outlet's line with its date and no dash after it
    is an article's source line under its title ("Il Tirreno – edizione di Livorno, 3 febbraio 2025"), or a place
    and a date heading a letter: none."""
    after = _AFTER_DATE.match(para, end)
    if after is None:
        return None
    rest = para[after.end() :]
    first = next(iter(gazetteer.mentions(rest[:120], about)), None)
    if (
        first
        and first.start == 0
        and story_place(rest, first)
        and (_TITLE_PUNCT.match(rest, first.end) or not rest[first.end :].strip())
    ):
        return "title", first.city.name
    return "heading", None  # another article begins, of no comune its heading names


def _enumeration(found: list[Mention]) -> bool:
    """A paragraph opened by a list of comuni ("Bologna, Caserta, Firenze ..."): no one comune's part."""
    return len(found) > 1 and found[1].start - found[0].end <= 3


def _news_inside(para: str) -> list[int]:
    """Offsets of the short news run into one paragraph after the first ("... senza dimora. Imperia - La ...")."""
    return [m.end() for m in _NEWS_INSIDE.finditer(para)]


# A dateline run into a paragraph whose lines were joined (a PDF's text layer): a comune in capitals (after a
# sentence's end or an article's title), then a full stop and a capitalised word ("... con le maestre MONFALCONE.
# Il sabato mattina ..."); a review's "In breve" or the next extract's source line ("Messaggero Veneto, 27 novembre
# 2025 – ...") run in the same way close the article before them.
_INLINE_DATELINE = re.compile(r"(?<=\s)(?P<name>[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’ -]{1,40}?)\.[ \t]+(?=[A-ZÀ-Ý])")
# ... or with a dash after a sentence's or a source line's end ("... 9 marzo 2026) CARPI – Un anno fa ..."), never
# inside a list ("Comune di Perugia, ROMA CAPITALE - Dipartimento ...": a name in capitals)
_INLINE_DASH_DATELINE = re.compile(r"(?<=[.!?»\"”)][ \t])(?P<name>[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’ ]{1,40}?)[ \t]+[–—-][ \t]+"
                                   r"(?=[A-ZÀ-Ý])")  # fmt: skip
# A review's numbered article opening its line ("1. Carpi, il Punto salute donna ..."): its text layer runs the title,
# the source line and the body into one line, so its length says nothing; a comune right after the number, then a
# title's comma, colon or dash, opens that comune's article.
_NUMBERED_LINE = re.compile(r"(?:^|(?<=\n))[ \t]*\d{1,2}[.)][ \t]+(?=[A-ZÀ-Ý])")
_INLINE_BRIEF = re.compile(r"(?<=[.!?»\"”)]\s)(?:In\s+breve|Brevi|Notizie\s+in\s+breve)\b|"
                           # the next extract's source line: "Messaggero Veneto, 27 novembre 2025 – ..."
                           r"(?<=[.!?»\"”)]\s)(?:[A-ZÀ-Ý][\w'’]*\s+){0,3}[A-ZÀ-Ý][\w'’]*,\s+\d{1,2}\s+"
                           r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|"
                           r"novembre|dicembre)\s+\d{4}\s+[–—-]\s")  # fmt: skip


def _inline_datelines(para: str, gazetteer: Gazetteer) -> list[tuple[int, str | None]]:
    """(offset, comune) of the datelines run into a paragraph after its start, (offset, None) of an "In breve"."""
    out: list[tuple[int, str | None]] = [(m.start(), None) for m in _INLINE_BRIEF.finditer(para)]
    for m in [*_INLINE_DATELINE.finditer(para), *_INLINE_DASH_DATELINE.finditer(para)]:
        found = gazetteer.mentions(m.group(0) + " X")
        if found and found[0].start == 0 and found[0].end >= len(m.group("name").rstrip()):
            out.append((m.start(), found[0].city.name))
    return sorted(out)


def _numbered_titles(para: str, gazetteer: Gazetteer, about: list[Mention]) -> list[tuple[int, str]]:
    """(offset, comune) of the numbered articles whose lines open with a comune (`_NUMBERED_LINE`)."""
    out = []
    for m in _NUMBERED_LINE.finditer(para):
        found = gazetteer.mentions(para[m.end() : m.end() + 120], about)
        titled = found and found[0].start == 0 and _TITLE_PUNCT.match(para, m.end() + found[0].end)
        if titled and not _enumeration(found):
            out.append((m.start(), found[0].city.name))
    return out


def _upper_opening(para: str) -> bool:
    """A paragraph opened by a name in capitals ("JESI – ..."): in a review of no comune, an article's dateline
    whose text runs on in the next paragraphs, not a newsletter's one-paragraph news ("Stignano – Il Comune ...")."""
    first = para.lstrip(" \t#*").split(maxsplit=1)[:1]
    return bool(first) and len(first[0]) >= 2 and first[0].isupper()


def _body(para: str) -> bool:
    """Running text: a paragraph of sentences, whether or not it ends on one (an article's last line may be its
    contact, "... dice il sindaco. Informazioni: casa@comune.x.it")."""
    if len(para.split()) < BODY_WORDS:
        return False
    if _SENTENCE_END.search(para):
        return True
    inside = _SENTENCE_INSIDE.search(para)  # a first sentence of its own, not an abbreviation ("Aut. Tribunale di X")
    return inside is not None and len(para[: inside.start()].split()) >= BODY_WORDS


def document_sections(texts: list[str], city: str | None, first_is_opening: bool = True,
                      gazetteer: Gazetteer | None = None) -> list[list[tuple[int, int, str, bool]]]:  # fmt: skip
    """Per passage (texts in document order), the spans of its sections about comuni other than `city`:
    (start, end, comune, gives facts). `first_is_opening`: the first text opens the document."""
    g = gazetteer or Gazetteer.default()
    # a comune whose name is a common word ("Sorso", "Cave") heads its section when the document names it as a
    # place somewhere ("aperto dal Comune di Sorso"), as the gazetteer reads it elsewhere in one text
    about = [m for m in g.mentions("\n\n".join(texts)) if m.city.common_word]
    scan = _Scan(has_city=city is not None)
    for i, text in enumerate(texts):
        for m in _PARAGRAPH.finditer(text):
            para, at = m.group(0), (i, m.start())
            opening = i == 0 and m.start() == 0 and first_is_opening  # the document's own (its title, its dateline)
            head = None
            since = 0  # where the paragraph's last article opened (a review's articles run into one paragraph)
            if not opening:
                head = _head(para, g, about) if _CANDIDATE.match(para) or len(para.split()) <= HEADING_WORDS else None
                if not scan.has_city and head in (None, ("heading", None)):
                    head = _titled(para, g, about) or head
                if head and head[0] == "news" and head[1] and not scan.has_city and _upper_opening(para):
                    head = ("dateline", head[1])  # a review's article: "JESI – Con la firma ..." runs on
                _step(scan, head, para, at)
            if head and head[0] == "news" and not opening:
                for off in _news_inside(para):
                    inner = _head(para[off:], g, about)
                    if inner and inner[0] == "news":
                        _step(scan, inner, para[off:], (i, m.start() + off))
            if not scan.has_city:  # a review whose lines were joined: its articles' datelines inside the paragraph
                heads = [(o, c, "dateline") for o, c in _inline_datelines(para, g) if o > 0]
                titles = _numbered_titles(para, g, about)
                heads += [(o, c, "title") for o, c in titles if o > 0 or not (opening or head)]
                for off, comune, kind in sorted(heads, key=lambda h: h[0]):
                    current = scan.current
                    if current and current.comune and _body(para[since:off].rstrip()):
                        current.body = True  # the article before it had its body in this paragraph
                    since = off
                    if comune:
                        _step(scan, (kind, comune), para[off:], (i, m.start() + off))
                    else:
                        scan.close((i, m.start() + off))  # "In breve": the article before it is over
            current = scan.current
            if opening and (current is None or current.start[1] == 0):
                continue  # nothing run into the opening paragraph: it stays the document's own
            if current and current.comune and (head is None or head[0] != "title") and _body(para[since:]):
                current.body = True
            if current and current.kind == "news":
                scan.close((i, m.end()))  # a short news is its own paragraph
    scan.close((len(texts) - 1, len(texts[-1]) if texts else 0))
    return _per_passage(scan.sections, texts, city)


def _step(scan: _Scan, head: tuple[str, str | None] | None, para: str, at: tuple[int, int]) -> None:
    if head is None:
        return
    kind, comune = head
    current = scan.current
    if kind == "heading":
        if current and current.body:
            scan.close(at)  # "In breve" after an article: the article is over
        return
    if kind == "dateline":
        first = not scan.dated
        scan.dated = True
        if current and current.comune == comune:
            return  # the article's own dateline, under its title
        if first and current is None and scan.has_city:
            return  # the document's dateline
    if current and current.comune == comune and kind != "news":
        return  # the same comune's part goes on (a passage re-reads the sentence it shares with the one before)
    scan.open(comune, kind, at)


def _per_passage(found: list[_Section], texts: list[str], city: str | None
                 ) -> list[list[tuple[int, int, str, bool]]]:  # fmt: skip
    out: list[list[tuple[int, int, str, bool]]] = [[] for _ in texts]
    for s in found:
        if s.comune is None or same_comune(s.comune, city) or s.end is None:
            continue
        gives = s.body or s.kind in ("news", "dateline")
        (pa, oa), (pb, ob) = s.start, s.end
        for i in range(pa, pb + 1):
            start = oa if i == pa else 0
            end = ob if i == pb else len(texts[i])
            if end > start:
                out[i].append((start, end, s.comune, gives))
    return out


def section_metadata(spans: list[tuple[int, int, str, bool]]) -> dict:
    """The passage metadata of its sections (nothing when it has none)."""
    if not spans:
        return {}
    cities = sorted({c for _, _, c, gives in spans if gives})
    return {"sections": json.dumps([list(s) for s in spans], ensure_ascii=False), **({"section_cities": cities}
                                                                                      if cities else {})}  # fmt: skip


def stored_sections(meta: dict) -> list[tuple[int, int, str, bool]] | None:
    """A passage's sections as stored (None: a passage stored before sections were kept, or with none)."""
    raw = meta.get("sections")
    if not raw:
        return None
    return [(int(a), int(b), str(c), bool(g)) for a, b, c, g in json.loads(raw)]
