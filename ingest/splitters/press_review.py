"""Split a press review (PDF turned to text) into its summary tables and its articles.

A review opens with summary tables by outlet category (outlet | audience | title | date | journalist), then
the articles, grouped under category headings. Most articles start with a date line written by the review's
compiler ("18 ottobre 2023"); a few start with their title or URL only, so a title from the index that shows
up after an article already has body text also starts a new article. Each article is then aligned with its
index row (same order, same category, similar title and outlet) to get a clean outlet name and the audience.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.model import Part
from lgnet.text import comparable, fold, normalize_space, strip_markdown

_MONTH_NAMES = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
_MONTH_RE = "|".join(MONTHS)
_DATE_LINE = re.compile(rf"(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})", re.I)
_INDEX_DATE = re.compile(rf"(\d{{1,2}})\s+({_MONTH_RE})(?:\s+(\d{{4}}))?", re.I)
_UPDATED = re.compile(rf"aggiornamento:?\s*(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I)
_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_SEPARATOR_CELL = re.compile(r":?-*:?")
_BODY_WORDS = 25  # a line this long is running text, not a header, outlet name or title
_TITLE_WORDS = 40  # longer lines are never titles (saves fuzzy comparisons)
# Header names of the index table's columns, and their order when the header is missing.
_COLUMNS = {
    "testata": "outlet",
    "audience": "audience",
    "titolo": "title",
    "data": "date",
    "giornalista": "journalist",
}
_DEFAULT_COLUMNS = ("outlet", "audience", "title", "date", "journalist")


@dataclass
class IndexRow:
    """One item of the review's summary tables; `start`/`end` span its table row(s) in the text."""

    category: str | None
    outlet: str
    audience: str
    title: str
    date: str | None  # ISO
    journalist: str
    start: int
    end: int
    date_text: str = ""


@dataclass
class _Seg:
    """An article being cut out of the body: its lines as (start, end, stripped text)."""

    category: str | None
    lines: list[tuple[int, int, str]]
    date: str | None = None
    own_key: str | None = None  # comparable() of the index title this article carries
    has_body: bool = False


def _lines(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    out, pos = [], start
    for raw in text[start:].splitlines(keepends=True):
        out.append((pos, pos + len(raw.rstrip("\r\n")), raw.strip()))
        pos += len(raw)
    return out


def _iso(day: str, month: str, year: str | int | None) -> str | None:
    return f"{int(year):04d}-{MONTHS[month.lower()]:02d}-{int(day):02d}" if year else None


def _infer_year(text: str) -> int | None:
    """The year most standalone date lines carry: the index gives "18 ottobre" without one."""
    years = Counter(m.group(3) for _, _, s in _lines(text) if (m := _DATE_LINE.fullmatch(s)))
    return int(years.most_common(1)[0][0]) if years else None


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _tables(text: str, stop: int) -> list[list[tuple[int, int, str]]]:
    """Consecutive markdown table lines before `stop`, each block with the text line just above it."""
    blocks: list[list[tuple[int, int, str]]] = []
    previous: tuple[int, int, str] | None = None
    for line in _lines(text[:stop]):
        if line[2].startswith("|"):
            if not blocks or blocks[-1][-1][1] != line[0] - 1:
                blocks.append([previous or (line[0], line[0], "")])
            blocks[-1].append(line)
            previous = None  # a table continued after a page break has no name line of its own
        elif line[2]:
            previous = line
    return blocks


def _first_date_line(text: str) -> int:
    return next((s for s, _, t in _lines(text) if _DATE_LINE.fullmatch(t)), len(text))


def parse_index(text: str, year_hint: int | None = None) -> list[IndexRow]:
    """The items of the summary tables, in order, wrapped continuation rows joined, total rows left out."""
    year = year_hint or _infer_year(text)
    rows: list[IndexRow] = []
    category: str | None = None
    columns: tuple[str, ...] = _DEFAULT_COLUMNS
    for block in _tables(text, _first_date_line(text)):
        above, table = block[0], block[1:]
        if above[2] and not above[2].startswith("*") and len(above[2].split()) <= 6:
            category = above[2]  # the category name written just above its table
        for start, end, line in table:
            cells = _cells(line)
            if all(_SEPARATOR_CELL.fullmatch(c) for c in cells):
                continue
            names = [_COLUMNS.get(fold(c).rstrip("*")) for c in cells]
            if {"title", "date"} <= set(names):
                columns = tuple(n or f"col{i}" for i, n in enumerate(names))
                continue
            if cells[0] and not any(cells[1:]):
                category = cells[0]  # a table whose header cell is the category ("| Portali ed E-zine | | |")
                continue
            row = dict(zip(columns, cells, strict=False))
            outlet, title, when = row.get("outlet", ""), row.get("title", ""), row.get("date", "")
            date = _INDEX_DATE.fullmatch(when)
            if outlet and title and date:
                iso = _iso(date.group(1), date.group(2), date.group(3) or year)
                rows.append(
                    IndexRow(
                        category,
                        outlet,
                        row.get("audience", ""),
                        title,
                        iso,
                        row.get("journalist", ""),
                        start,
                        end,
                        when,
                    )
                )
            elif not outlet and title and not when and rows and rows[-1].category == category:
                last = rows[-1]  # a title wrapped onto the next row (or the next table, after a page break)
                last.title, last.end = f"{last.title} {title}", end
                last.audience = last.audience or row.get("audience", "")
                last.journalist = last.journalist or row.get("journalist", "")
    return rows


_FOOTNOTE = re.compile(r"\s*\n\s*\*([^\n|]{20,})")


def _summary_parts(text: str, rows: list[IndexRow], updated: str | None) -> list[Part]:
    """One table document per category, plus the overall table of counts and audience by category."""
    parts = []
    first_item = rows[0].start if rows else len(text)
    for block in _tables(text, first_item):
        cells_rows = [_cells(x[2]) for x in block[1:]]
        table = [c for c in cells_rows if not all(map(_SEPARATOR_CELL.fullmatch, c))]
        if len(table) >= 3 and len(table[0]) >= 2 and all(table[0]):
            body = "\n".join(" | ".join(c.rstrip("*") for c in cells) for cells in table)
            end = block[-1][1]
            note = _FOOTNOTE.match(text, end)  # "*I risultati sono sottostimati...": how the audience was counted
            if note:
                body += "\n\n" + note.group(1).strip()
                end = note.end()
            parts.append(
                Part("table", "Rassegna stampa: uscite e audience per categoria", body, block[1][0], end, date=updated)
            )
    for category in dict.fromkeys(r.category for r in rows):
        items = [r for r in rows if r.category == category]
        end = items[-1].end
        following = text[end:].split("\n", 2)[1] if text[end:].count("\n") >= 2 else ""
        total = re.match(r"\s*\|\s*Audience\s*\|\s*([\d.]+)", following, re.I)
        if total:
            end += 1 + len(following)
        lines = [f"Categoria: {category}"] + [
            " | ".join(x for x in (r.outlet, r.audience, r.title, r.date_text, r.journalist) if x) for r in items
        ]
        extra = {}
        if total:
            lines.append(f"Audience totale: {total.group(1)}")
            extra["audience"] = total.group(1)
        parts.append(
            Part(
                "table",
                f"Rassegna stampa: {category}",
                "\n".join(lines),
                items[0].start,
                end,
                date=updated,
                category=category,
                extra=extra,
            )
        )
    return parts


def _is_url(line: str) -> bool:
    return bool(re.fullmatch(r"<?https?://\S+>?", line))


def _similar(a: str, b: str) -> float:
    """Title likeness of two comparable() keys: shared words (cheap, order-free; titles are short), and a
    title inside a longer line ("Latina - LATINA; Accoglienza, ...") counts as nearly equal."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if min(len(a), len(b)) >= 15 and (f" {a} " in f" {b} " or f" {b} " in f" {a} "):
        return 0.9
    wa, wb = set(a.split()), set(b.split())
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _title_key(line: str, keys: list[str]) -> str | None:
    """The index title a line carries (exactly or nearly), if any."""
    key = comparable(line)
    if key in keys:
        return key
    if len(key.split()) > _TITLE_WORDS:
        return None
    score, best = max(((_similar(key, k), k) for k in keys), default=(0.0, None))
    return best if score >= 0.8 else None


def _header_start(lines: list[tuple[int, int, str]]) -> int:
    """Index of the URL line (and the short outlet lines above it) that closes `lines`, else len(lines)."""
    cut, seen_url = len(lines), False
    for k in range(len(lines) - 1, max(-1, len(lines) - 12), -1):
        s = lines[k][2]
        if not s:
            continue
        if _is_url(s) and not seen_url:
            cut, seen_url = k, True
        elif seen_url and len(s) <= 40 and not s.endswith((".", "!", "?", "»", ":")):
            cut = k
        else:
            break
    return cut


def _split_body(text: str, start: int, rows: list[IndexRow]) -> list[_Seg]:
    categories = {comparable(r.category): r.category for r in rows if r.category}
    keys = list(dict.fromkeys(comparable(r.title) for r in rows))
    segs: list[_Seg] = []
    category: str | None = None
    cur: _Seg | None = None
    for line in _lines(text, start):
        s = line[2]
        if not s:
            if cur:
                cur.lines.append(line)
            continue
        if comparable(s) in categories:  # a category heading closes the article before it
            category, cur = categories[comparable(s)], None
            continue
        date = _DATE_LINE.fullmatch(s)
        # The compiler writes "18 ottobre 2023"; bylines inside articles ("25 Ottobre 2023") only count
        # when the open article already has its text.
        if date and (cur is None or cur.has_body or (date.group(2).islower() and not s.startswith("0"))):
            cur = _Seg(category, [line], _iso(*date.groups()))
            segs.append(cur)
            continue
        key = comparable(s)
        if cur and cur.has_body and key in keys and key != cur.own_key:
            # An undated article: it starts at its title, or at the URL (and outlet lines) right above it.
            cut = _header_start(cur.lines)
            moved, cur.lines = cur.lines[cut:], cur.lines[:cut]
            cur = _Seg(category, [*moved, line], own_key=key)
            segs.append(cur)
            continue
        if cur is None:
            if category is None:
                continue  # preamble between the index and the first heading or date line (footnotes)
            cur = _Seg(category, [])
            segs.append(cur)
        cur.lines.append(line)
        title_key = _title_key(s, keys) if len(s.split()) <= _TITLE_WORDS else None
        if title_key and cur.own_key is None:
            cur.own_key = title_key
        elif not title_key and len(s.split()) >= _BODY_WORDS:
            cur.has_body = True
    return [seg for seg in segs if any(x[2] for x in seg.lines)]


def _squash(text: str) -> str:
    return comparable(text).replace(" ", "")


_GENERIC_OUTLET_WORDS = {"com", "facebook", "twitter"}  # every social post header has them


def _score(seg: _Seg, head: str, candidates: list[str], row: IndexRow) -> float:
    if seg.category and row.category and seg.category != row.category:
        return float("-inf")
    title = max((_similar(c, comparable(row.title)) for c in candidates), default=0.0)
    words = [w for w in comparable(row.outlet).split() if len(w) > 2 and w not in _GENERIC_OUTLET_WORDS]
    outlet = sum(w in head for w in words) / len(words) if words else 0.0
    return title + 0.5 * outlet + (0.2 if seg.date and seg.date == row.date else 0.0)


def _align(segs: list[_Seg], rows: list[IndexRow]) -> dict[int, IndexRow]:
    """Order-preserving alignment of articles with index rows that maximises the total likeness."""
    heads = []
    for seg in segs:
        head = [x[2] for x in seg.lines if x[2]][:25]
        titles = [comparable(x) for x in head if len(x.split()) <= _TITLE_WORDS]
        heads.append((_squash(" ".join(head)), titles))
    n, m = len(segs), len(rows)
    score = [[_score(segs[i], *heads[i], rows[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pair = best[i - 1][j - 1] + score[i - 1][j - 1] if score[i - 1][j - 1] >= 0.6 else float("-inf")
            best[i][j] = max(best[i - 1][j], best[i][j - 1], pair)
    matches, i, j = {}, n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            matches[i - 1] = rows[j - 1]
            i, j = i - 1, j - 1
    return matches


def _article(text: str, seg: _Seg, row: IndexRow | None) -> Part:
    filled = [x for x in seg.lines if x[2]]
    first, last = text[filled[0][0] : filled[0][1]], text[filled[-1][0] : filled[-1][1]]
    start = filled[0][0] + len(first) - len(first.lstrip())
    end = filled[-1][0] + len(last.rstrip())
    body = text[start:end]
    url = _URL.search(body)
    heads = [x[2] for x in filled if not _DATE_LINE.fullmatch(x[2]) and not _is_url(x[2])]
    if row:
        best = max(heads[:25], key=lambda h: _similar(comparable(h), comparable(row.title)), default="")
        score = _similar(comparable(best), comparable(row.title))
        title = row.title if score >= 0.85 or score < 0.5 else strip_markdown(best)
    else:
        title = next((strip_markdown(h) for h in heads if len(h.split()) >= 4), heads[0] if heads else "")
    extra = {}
    if row and row.audience:
        extra["audience"] = row.audience
    if row and row.journalist:
        extra["journalist"] = row.journalist
    date = (row.date if row else None) or seg.date
    if seg.date and date != seg.date:
        extra["date_line"] = seg.date  # the index and the article's date line disagree; the index wins
    return Part(
        "article",
        normalize_space(title),
        body,
        start,
        end,
        date=date,
        outlet=row.outlet if row else None,
        url=url.group(0).rstrip(".,;") if url else None,
        category=seg.category or (row.category if row else None),
        extra=extra,
    )


def split_press_review(text: str, year_hint: int | None = None) -> list[Part]:
    """Summary tables (kind "table") then articles (kind "article"), with offsets into `text`."""
    rows = parse_index(text, year_hint)
    updated = _UPDATED.search(text[:5000])
    date_line = _DATE_LINE.fullmatch(updated.group(1)) if updated else None
    update_iso = _iso(*date_line.groups()) if date_line else None
    body_start = max((r.end for r in rows), default=0)
    segs = _split_body(text, body_start, rows)
    matches = _align(segs, rows)
    articles = [_article(text, seg, matches.get(i)) for i, seg in enumerate(segs)]
    return _summary_parts(text, rows, update_iso) + articles


def looks_like_press_review(text: str) -> bool:
    """A "Rassegna stampa" with an index table of items and several articles opened by a date line."""
    if "rassegna stampa" not in fold(text) and "press review" not in fold(text):
        return False
    dated = sum(1 for _, _, s in _lines(text) if _DATE_LINE.fullmatch(s))
    return dated >= 3 and len(parse_index(text)) >= 3
