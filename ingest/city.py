"""The one city a passage or article is about, as opposed to the cities it merely lists.

Every LGNet2 article repeats the 16 partner cities ("Bologna, Caserta, Firenze, ..., Trieste e Bolzano
rappresentata dall'Azienda Servizi Sociali Bolzano"), so raw mention counts point everywhere. Mentions
inside an enumeration (a clause, or a run of short lines, naming several cities) are ignored; the rest are
weighted by where they stand: the title and the dateline ("(ANSA) - TORINO, 18 OTT", "Roma - Intercettare...")
weigh most, then "Comune di X" / "nella città di X" / "X (LT)", then plain mentions. A city named as the seat of
an organisation or as a province ("ASL di Latina", "CPIA 9 di Latina", "FLAI CGIL Frosinone Latina",
"provincia di Latina") says where a partner sits, not what the text is about: it weighs little, so a province's
or partner's name never outranks the comune the document is about ("Comune di Fondi (LT)"). A "Comune di X" in a
table's row names that row's body (an attendee, a partner: one among the others) and weighs as a plain mention,
unless the row says it leads ("capofila"); minutes' place line ("Luogo: Vigevano, sala riunioni ...") weighs as a
dateline, and the comune's own mail or web domain ("casa@comune.vigevano.pv.it") as a title.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter

from ingest.messages import FORWARDED, own_end, someone_elses
from lgnet.gazetteer import Gazetteer, Mention
from lgnet.place_names import strict_dateline, wrapped_line
from lgnet.text import fold

ENUMERATION_MIN = 4  # distinct cities in one clause that make it a list, not a story
_LINE_LOOKBACK = 200  # a dateline sits at most this far into its line
_SHORT_LINE = 60  # list items and page headers are short lines; running text is longer
_TITLE_WEIGHT = 4.0
_DATELINE_WEIGHT = 3.0
_PHRASE_WEIGHT = 3.0
_MENTION_WEIGHT = 1.0
_SEAT_WEIGHT = 0.25
_LETTERHEAD_WEIGHT = _TITLE_WEIGHT  # the issuer heading the text: it says whose document this is, like a title
_LETTERHEAD_LINES = 3  # a letterhead is one of the text's first lines
_DOMAIN_WEIGHT = _TITLE_WEIGHT  # the comune's own mail or web domain: its offices write or are written to
_PLACE_LINE_WEIGHT = _DATELINE_WEIGHT
_ROW_REACH = 2000  # a table's row or a heading block's line is shorter than this
_PLACE_LINES = 8  # minutes name their place in their heading block, among their first lines
_CLAUSE = re.compile(r"[^\n.;:!?]+")  # the partner list sits after a colon, in one clause with its ASSB alias
# The comune's own web or mail domain: "servizisociali@comune.castro.le.it", "www.comune.camini.rc.it"
# (a hyphen of the comune's name stays in its label: "comune.saint-vincent.ao.it")
_DOMAIN = re.compile(r"(?<![\w-])comune\.(?P<label>[a-z]+(?:-[a-z]+)*)\.(?:(?P<pv>[a-z]{2})\.)?it\b", re.I)
_AGENCY = re.compile(r"\([^()\n]{2,25}\)\s*[-–]\s*$")  # "(ANSA) - " right before the city
# "Cronaca di X": a local paper's page of X's news (its page header) says what the page is about, like "Comune di X"
_PHRASE = re.compile(r"(?:comune|città|citta|capoluogo|municipality|city|cronaca)\s+(?:di|of)\s*$", re.I)
# Before a city named as a seat: a province or diocese word, or an organisation's name ending right before it:
# an acronym or a number ("CPIA 9 di", "ASL di", "FLAI CGIL"), or a capitalised word inside the sentence
# ("Caritas Diocesana di", "Tribunale di", "Frosinone Latina").
_SEAT_WORD = re.compile(r"\b(?:provincia|province|prefettura|questura|diocesi|arcidiocesi|diocesan[ao]|distretto|"
                        r"circondario|county)\s+(?:di|of)\s*$", re.I)  # fmt: skip
# A public body of a wider area named with words between it and its seat: "Tribunale per i minorenni di X",
# "Università degli Studi di X", "Azienda ospedaliera di X": where the court or university sits, not the story.
_SEAT_BODY = re.compile(r"\b(?:tribunale|procura|corte|universit[àa]|ateneo|azienda (?:sanitaria|ospedaliera)|"
                        r"ufficio scolastico|camera di commercio)(?:\s+[\w'’]+){0,4}?\s+(?:di|of)\s*$",
                        re.I)  # fmt: skip
# "PAOLA (Cosenza)", "Vasto (Chieti)": a city in parentheses right after a name is the province qualifying it.
_QUALIFIER = re.compile(r"[A-Za-zÀ-ÿ']\s*\(\s*$")
# A neighbour named as such: "il vicino comune di X", "i comuni limitrofi di X e Y", "the neighbouring town of X"
_NEIGHBOUR = re.compile(r"\b(?:vicin[oaie]|limitrof[oaie]|confinant[ei]|neighbou?ring|nearby)\s+(?:comun[ei]|"
                        r"citt[àa]|paes[ei]|towns?|municipalit(?:y|ies))\s+(?:di|of)\s*$", re.I)  # fmt: skip
# A postal "care of": the office an organisation uses as its address ("segreteria c/o Comune di X (RC)")
_CARE_OF = re.compile(r"\bc/o\b[^\n,;]{0,25}$", re.I)
# A letterhead: a line of its own naming the municipality that issues the document ("COMUNE DI ASCOLI PICENO",
# "Città di X (PV)", "Comune di X – Settore Politiche sociali", "Municipality of X")
_LETTERHEAD = re.compile(r"[ \t#*]*(?:comune|citt[àa]|municipio|municipality|city)\s+(?:di|of)\s+$", re.I)
_LETTERHEAD_END = re.compile(r"[ \t*]*(?:\([A-Z]{2}\)[ \t]*)?(?:[-–—,|][^\n]{0,80})?(?:\n|$)")
# ... or a signature's line: an office, a dash or comma, the comune ("Ufficio Casa – Comune di X"), the comune alone, or
# an office of the comune's ("Servizio Sociale comunale di X", "Ufficio Casa del Comune di X"), then at most its phone
# or address ("... di X – tel. 0166 525 114")
_SIGNATURE = re.compile(r"[ \t*_]*(?:[^\n]{0,60}?\s(?:[-–—,|]\s*)?)?(?:comune|comunale|citt[àa]|municipality|city)\s+"
                        r"(?:di|of)\s+$", re.I)  # fmt: skip
_SIGNATURE_END = re.compile(r"[ \t*_]*(?:\([A-Z]{2}\)[ \t*_]*)?(?:[-–—,|][ \t]*(?i:tel|telefono|phone|cell|fax|e-?mail|"
                            r"pec)\b[^\n]{0,60})?(?:\n|$)")  # fmt: skip
_SEAT_NAME = re.compile(r"(?:\b[A-Z]{2,}[A-Z0-9]*|\b\d{1,3}|(?<=[a-zà-ù,] )[A-ZÀ-Ý][a-zà-ù]+)\s+(?:(?:di|of)\s+)?$")
# Minutes' place line: "**Luogo:** Vigevano, sala riunioni ...", "Luogo e ora: sala Giunta, via Dante 44, Nuoro",
# "Venue: ...": the comune it names is where the meeting sat, as a dateline says where a story happens.
_PLACE_LINE = re.compile(r"[ \t>*_#-]*(?:luogo(?:\s+e\s+(?:ora|data))?|place|venue|location)[ \t*_]*:", re.I)
# A row of a table naming the comune that leads ("| Comune di X | ... | capofila |"): not just one row among others.
_LEAD = re.compile(r"\b(?:capofila|lead partner|ente proponente|soggetto proponente)\b", re.I)
# After a line-initial city: "TORINO, 18 OTT", "BOLZANO. ", "Roma - ", "Sassari Intercettare", lone "Milano"
_AFTER_DATELINE = re.compile(r"[ \t]*(?:[,.\-–—]|\r?\n|$)|[ \t]+[A-ZÀ-Ý]")


# A web page's furniture around its article: the outlet's name (the title's last part after a dash or bar, "...
# tunisini - Trapani Sera", that the page repeats in its masthead or footer) names where the outlet is, and the
# headlines listed under "Leggi anche" / "Le altre notizie" / "Più letti" are other stories: neither is evidence of
# the article's city.
_TITLE_PARTS = re.compile(r"[ \t]+[-–—|][ \t]+")
_SIDEBAR = re.compile(
    r"^[ \t#*]*(?:(?:leggi anche|le altre notizie|altre notizie|ultime notizie|(?:i )?pi[uù] lett[ie]|"
    r"(?:ti )?potrebbe(?:ro)? interessart?i|potrebbe anche interessarti|articoli correlati|notizie correlate|"
    r"related(?: articles| stories| news)?|read (?:more|also)|more stories|most read)\b[ \t]*:?|"
    # a page's news in brief, a heading on a line of its own ("IN BREVE"; "In breve tempo ..." opens a sentence)
    r"(?:in breve|notizie in breve|brevi|news in brief)[ \t]*:?[ \t]*$)",
    re.I | re.M,
)
_SIDEBAR_ITEM_WORDS = 40  # a listed headline is short; running text after the list ends it
# The same heading in capitals run into its line, as a passage's display text joins a clipping's lines ("... 4
# ragazzi. IN BREVE Sansepolcro. Palio ..."): the news in brief run to the end of that paragraph.
_SIDEBAR_RUN = re.compile(r"(?<![\w'’])(?:NOTIZIE IN BREVE|IN BREVE|LEGGI ANCHE|LE ALTRE NOTIZIE)(?![\w'’])[^\n]*")


def _outlet(title: str, text: str) -> str | None:
    """The outlet's name ending the title ("Headline - Trapani Sera") when the page repeats it at the start of a
    line (its masthead or footer)."""
    parts = _TITLE_PARTS.split(title.strip())
    if len(parts) < 2 or not 0 < len(parts[-1].split()) <= 6:
        return None
    name = parts[-1].strip()
    found = re.search(r"^[ \t#*©\d]*" + re.escape(name) + r"(?![\w'’])", text, re.M | re.I)
    return name if found else None


def page_furniture(title: str, text: str) -> tuple[str, list[tuple[int, int]]]:
    """The title without the outlet's name, and the spans of the text that are the page's furniture: the outlet's
    name wherever written, and the list of other stories under a sidebar heading (to the first long paragraph)."""
    spans: list[tuple[int, int]] = []
    outlet = _outlet(title, text)
    if outlet:
        title = title[: title.rfind(outlet)].rstrip(" \t-–—|")
        spans += [m.span() for m in re.finditer(re.escape(outlet), text, re.I)]
    return title, spans + sidebar_spans(text)


def sidebar_spans(text: str) -> list[tuple[int, int]]:
    """The lists of other stories under a sidebar heading ("Leggi anche", "IN BREVE"), each to the first long
    paragraph after it; a heading in capitals run into its line, to that line's end."""
    spans = []
    for m in _SIDEBAR.finditer(text):
        end = m.end()
        for para in re.finditer(r"[^\n]+", text[end:]):
            if len(para.group(0).split()) > _SIDEBAR_ITEM_WORDS:
                break
            end = m.end() + para.end()
        spans.append((m.start(), end))
    spans += [m.span() for m in _SIDEBAR_RUN.finditer(text) if not any(a <= m.start() <= b for a, b in spans)]
    return spans


def _markup_free(text: str) -> str:
    """Blank out markdown emphasis without moving offsets, so "**Bologna, Caserta**" reads as plain text."""
    return text.replace("**", "  ").replace("__", "  ")


def _list_line(line: str) -> bool:
    """A line of a list or a table: short (list items, page headers) or a table row of any length ("| Comune di
    Celano | ... |", tab-separated cells), where each row names its own entity."""
    return len(line.strip()) <= _SHORT_LINE or _table_row(line)


def _table_row(line: str) -> bool:
    line = line.strip()
    return line.startswith("|") or line.count("\t") >= 2


def _line_of(text: str, at: int) -> str:
    """The line around `at`; "" inside a line longer than a row's (running text whose lines were joined)."""
    start = text.rfind("\n", max(0, at - _ROW_REACH), at)
    end = text.find("\n", at, at + _ROW_REACH)
    if (start < 0 and at > _ROW_REACH) or (end < 0 and len(text) > at + _ROW_REACH):
        return ""
    return text[start + 1 : end if end >= 0 else len(text)]


def _head_end(text: str) -> int:
    """Where the text's first `_PLACE_LINES` non-blank lines end."""
    lines = list(itertools.islice(re.finditer(r"[^\n]*\S[^\n]*", text), _PLACE_LINES))
    return lines[-1].end() if lines else 0


def _distinct_cities(mentions: list[Mention], starts: list[int], start: int, end: int) -> int:
    """How many cities the mentions starting in [start, end) name (mentions sorted by start)."""
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return len({m.city.name for m in mentions[lo:hi]})


def _enumerations(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans that list cities: a clause naming several, or a run of list lines (short lines, table rows) naming
    several (bullets, a table of participants).

    Linear in the text: clauses are disjoint, and of the prefixes of a run of short lines the longest decides
    (if any prefix names enough cities, the whole run does, and it covers the others)."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    spans = [c.span() for c in _CLAUSE.finditer(text)]
    run: tuple[int, int] | None = None
    for line in re.finditer(r"[^\n]+", text):
        if not _list_line(line.group(0)):
            if run:
                spans.append(run)
            run = None
        else:
            run = (run[0] if run else line.start(), line.end())
    if run:
        spans.append(run)
    return [(a, b) for a, b in spans if _distinct_cities(mentions, starts, a, b) >= ENUMERATION_MIN]


def _outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that start in none of the spans (one sweep over both, sorted)."""
    spans = sorted(spans)
    kept, k, reach = [], 0, -1
    for m in sorted(mentions, key=lambda m: m.start):
        while k < len(spans) and spans[k][0] <= m.start:
            reach = max(reach, spans[k][1])
            k += 1
        if m.start >= reach:
            kept.append(m)
    return kept


def _story_mentions(text: str, gazetteer: Gazetteer, about: list[Mention] | None = None) -> list[Mention]:
    """Mentions outside enumerations of cities (`about`: the body's, when `text` is its title)."""
    mentions = gazetteer.mentions(text, about)
    return _outside(mentions, _enumerations(text, mentions))


def _is_dateline(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", max(0, m.start - _LINE_LOOKBACK), m.start)
    if line_start < 0 and m.start > _LINE_LOOKBACK:
        return False  # a long way into its line: not a dateline (and no scan back to the start of a huge line)
    before = text[line_start + 1 : m.start]
    if _AGENCY.search(before):
        return True
    if before.strip() or not _AFTER_DATELINE.match(text, m.end):
        return False
    # A name opening a line that a page wrapped out of running text ("tra Vasto, San Salvo e\nCasalbordino,
    # hanno ospitato") is no dateline, unless capitals or a date say it is one.
    return not wrapped_line(text, m.start) or m.form.isupper() or strict_dateline(text, m.start, m.end)


def _is_seat(text: str, m: Mention) -> bool:
    """The city names where an organisation sits, or a province: "ASL di Latina", "provincia di Latina", or an
    organisation's name known as an alias of its city ("Azienda Servizi Sociali di Bolzano")."""
    official = fold(m.city.official or m.city.name)
    if m.evidence == "alias" and fold(m.form).endswith(" " + official):
        return True
    line_start = text.rfind("\n", max(0, m.start - _LINE_LOOKBACK), m.start) + 1
    before = text[max(line_start, m.start - 40) : m.start]
    return bool(
        _SEAT_WORD.search(before) or _SEAT_BODY.search(before) or _SEAT_NAME.search(before) or _QUALIFIER.search(before)
    )


def story_place(text: str, m: Mention) -> bool:
    """A mention of the place a story happens in: not an organisation's seat or a province ("Prefettura di X"), not a
    neighbour or a postal address."""
    return not (_is_seat(text, m) or _elsewhere(text, m))


def _elsewhere(text: str, m: Mention) -> bool:
    """A postal "c/o" (an organisation's address) or a neighbour named as one: the text is about another place."""
    line_start = text.rfind("\n", max(0, m.start - _LINE_LOOKBACK), m.start) + 1
    before = text[max(line_start, m.start - 40) : m.start]
    return bool(_CARE_OF.search(before) or _NEIGHBOUR.search(before))


def city_scores(title: str, text: str, gazetteer: Gazetteer | None = None) -> Counter[str]:
    """Evidence per city that the passage is about it (higher is stronger)."""
    return _scores(title, text, gazetteer or Gazetteer.default())[0]


def _scores(
    title: str, text: str, gazetteer: Gazetteer, addresses: str = "", email: bool = False
) -> tuple[Counter[str], set[str], set[str]]:
    """The evidence per city, the cities the title names, and those its letterhead, signature or addressee names.
    `addresses`: an e-mail's recipients; `email`: the text is an e-mail, whose forwarded or quoted message is another
    sender's (ingest/messages.py)."""
    scores: Counter[str] = Counter()  # weights are floats: Counter adds any numbers, its stubs say int
    text = _markup_free(text or "")
    title, furniture = page_furniture(title or "", text)
    body = _outside(_story_mentions(text, gazetteer), furniture)
    # the title read with the body's evidence: a common-word comune or a homonym the body places is placed there too
    in_title = {m.city.name for m in _story_mentions(_markup_free(title or ""), gazetteer, body)}
    for name in in_title:
        scores[name] += _TITLE_WEIGHT / len(in_title)  # type: ignore[assignment]
    # An e-mail is its sender's message: the comuni of a message it forwards or answers (another body's sheet about its
    # own project) weigh as little as a seat, as they give neither its type nor its counts
    own = own_end(text) if email else len(text)
    theirs = {id(m) for m in body if email and someone_elses(text, m.start, own)}
    dated = None  # a text has one dateline: later ones of other cities open its short news about them
    issuer = _letterhead(text, [m for m in body if id(m) not in theirs])
    # the one comune an e-mail is sent to (its mayor, its offices: "sindaco@comune.x.it") is whom it writes for, as a
    # letterhead is who writes; several comuni addressed (a mailing) are each only a contact of theirs
    addressed = _domain_comuni(addresses, gazetteer)
    if len(addressed) == 1:
        issuer |= addressed
    for name in issuer:
        scores[name] += _LETTERHEAD_WEIGHT  # type: ignore[assignment]
        in_title.add(name)
    head = _head_end(text)
    for m in body:
        line = _line_of(text, m.start)
        if id(m) in theirs or _elsewhere(text, m):
            scores[m.city.name] += _SEAT_WEIGHT  # type: ignore[assignment]
        elif _is_dateline(text, m) and dated in (None, m.city.name):
            dated = m.city.name
            scores[m.city.name] += _DATELINE_WEIGHT  # type: ignore[assignment]
        elif _PHRASE.search(text, max(0, m.start - 30), m.start) or m.evidence == "sigla":
            # a table's row names its own body ("| Comune di Mortara | ... | invitato |": an attendee, a partner),
            # one among the others, unless it says that comune leads
            row = _table_row(line) and not _LEAD.search(line)
            scores[m.city.name] += _MENTION_WEIGHT if row else _PHRASE_WEIGHT  # type: ignore[assignment]
        elif _is_seat(text, m):
            scores[m.city.name] += _SEAT_WEIGHT  # type: ignore[assignment]
        elif m.start < head and _PLACE_LINE.match(line):
            scores[m.city.name] += _PLACE_LINE_WEIGHT  # type: ignore[assignment]
        else:
            scores[m.city.name] += _MENTION_WEIGHT  # type: ignore[assignment]
    # the comune's own domain in a contact (of the sender's own message), or among several addressees, says as much as
    # a title: its offices write or are written to (once per comune)
    mine = "\n".join(d.group(0) for d in _DOMAIN.finditer(text) if not someone_elses(text, d.start(), own))
    addressee = addressed if len(addressed) == 1 else set()
    for name in (_domain_comuni(mine, gazetteer) | addressed) - addressee:
        scores[name] += _DOMAIN_WEIGHT  # type: ignore[assignment]
    return scores, in_title, issuer


def _domain_comuni(text: str, gazetteer: Gazetteer) -> set[str]:
    """The comuni whose own web or mail domain the text holds ("servizisociali@comune.castro.le.it")."""
    return {c.name for d in _DOMAIN.finditer(text) if (c := gazetteer.by_domain(d["label"].replace("-", ""), d["pv"]))}


def _letterhead(text: str, mentions: list[Mention]) -> set[str]:
    """The comune a letterhead names: "COMUNE DI X" on a line of its own among the text's first lines (a resolution,
    a letter, a notice whose title is only its file name says who issued it there), or a signature's last line among
    its last lines ("Ufficio Politiche sociali – Comune di X" closing an e-mail); the issuer is what it is about."""
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    head = max((m.end() for m in lines[:_LETTERHEAD_LINES]), default=0)
    # the signature closes the text, or the message before a forwarded one (an e-mail's: its sender signs there)
    forwarded = FORWARDED.search(text)  # an e-mail's forwarded or quoted message: another sender's
    message = len(text) if forwarded is None else forwarded.start()
    mine = [m for m in lines if m.end() <= message]
    feet = [(lines[-_LETTERHEAD_LINES].start() if len(lines) > _LETTERHEAD_LINES else len(text), len(text)),
            (mine[-_LETTERHEAD_LINES].start() if len(mine) > _LETTERHEAD_LINES else message, message)]  # fmt: skip
    found = set()
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        top = m.start < head and _LETTERHEAD.fullmatch(text, line_start, m.start) and _LETTERHEAD_END.match(text, m.end)
        end = (any(a <= m.start < b for a, b in feet) and _SIGNATURE.fullmatch(text, line_start, m.start)
               and _SIGNATURE_END.match(text, m.end))  # fmt: skip
        if top or end:
            found.add(m.city.name)
    return found


def main_city(
    title: str,
    text: str,
    gazetteer: Gazetteer | None = None,
    titled_only: bool = False,
    addresses: str = "",
    email: bool = False,
) -> str | None:
    """Canonical name of the city the passage is about, or None when no single city clearly wins. `titled_only`:
    only a city its title names (a press review is about its articles' comuni, one only when its title says so:
    "Rassegna stampa del Comune di X"); `addresses`: an e-mail's recipients (To, Cc); `email`: the text is an
    e-mail (ingest/messages.is_email)."""
    scores, in_title, issuer = _scores(title, text, gazetteer or Gazetteer.default(), addresses, email)
    ranked = scores.most_common(2)
    if not ranked or (titled_only and ranked[0][0] not in in_title):
        return None
    if ranked[0][0] in issuer:
        return ranked[0][0]  # the issuer, ahead: a comune it cites as a model or a neighbour does not tie with it
    if len(ranked) == 2 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None  # two cities with comparable evidence: a comparison, not one city's story
    if ranked[0][0] in in_title:
        return ranked[0][0]  # named in the title and clearly ahead: the subject, however many others it lists
    if ranked[0][1] < 0.5 * sum(scores.values()):
        return None  # many cities (a whole review, a summary table): no single subject
    return ranked[0][0]


def cities_mentioned(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Every city named, lists included, in order of first mention."""
    return (gazetteer or Gazetteer.default()).cities_in(text)
