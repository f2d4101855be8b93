"""Rows of a table read as sentences. A passage keeps a table as its reader wrote it: a word-processor table
(DOCX, ODT) flattened into one paragraph, "Voce | Valore Data di inizio | 01/04/2025 Data di fine | 31/03/2027" (each
row's last value runs into the next row's label), a markdown one as "| Voce | Valore | |---|---| | Data di inizio |
01/04/2025 |", an HTML one a line per row ("Indicatore | Obiettivo | Risultato", "Persone accolte | 60 | 67"), a
spreadsheet's or a PDF's ruled table a line per row of "header: value" pairs (`ingest.tables.format_row`), a PDF's
table without rules as its words in a row ("Indicatore Prima (2022) Dopo (marzo 2025) Persone che dormono all'aperto
180 65 Posti di accoglienza notturna 0 24": read when its header names its columns). Each row
and value becomes one sentence the rules already read, "Data di inizio: 01/04/2025.", with the row's label, the
value's column header when the table has one per value cell, and the row's other cells of words (an "Area" column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.tables import PAIR_SEPARATOR, is_row
from knowledge.long_tables import long_format
from lgnet.text import fold

# A value cell: a count, a date, a sum or a share, maybe followed by the next row's label.
_VALUE = re.compile(
    r"^(?P<value>(?:(?:almeno|oltre|circa|about|over|at\s+least)\s+)?(?:€\s*)?\d[\d.,/]*(?:\s*%)?)(?:\s+(?P<rest>.+))?$",
    re.I,
)
_SEPARATOR = re.compile(r"^:?-{3,}:?$")


@dataclass(frozen=True)
class RowSentence:
    text: str  # what the row says, as a sentence
    start: int  # the row's span in the passage
    end: int
    label: str = ""  # the row's label ("Persone prese in carico dallo sportello")
    value: str = ""  # the value cell
    column: str = ""  # the value's column header ("Obiettivo 2026", "Cumulato al 30/09/2025"), "" without one
    words: tuple[str, ...] = ()  # the row's other cells of words ("presa in carico" of an "Area" column)
    money: bool = False  # a row of a budget's table: a column of its sums ("Speso", "Importo", "Voce di spesa")
    unit: str = ""  # the cell of the row's unit column ("Unità | posti letto"): what its values count
    columns: tuple[str, ...] = ()  # the headers of the row's columns holding a value ("Obiettivo", "Dato")


# A budget's columns ("Spesa al 31/12/2024", "Importo previsto", "Voce di spesa", "Costo"): a table with one holds
# sums in its other columns too ("Voce di spesa | Previsto | Speso": the planned sums are no targets).
MONEY_HEADER = re.compile(r"\b(?:spes[aoe]|spent|import[oi]|cost[oi]|costs?|budget|euro|eur|preventiv\w*|"
                          r"expenditure|expenses?|amounts?)\b|€")  # fmt: skip


# A heading naming a budget right before a table ("Budget", "Piano finanziario", "Quadro economico", a workbook's
# "Budget" sheet): its columns of years or totals hold sums.
_BUDGET_HEADING = re.compile(r"^(?:\d{1,2}[.)]?\s+)?(?:budget|piano\s+(?:finanziario|economico|dei\s+costi)|"
                             r"quadro\s+economico|rendicontazione(?:\s+economica)?|costi|spese|financial\s+plan|"
                             r"costs|expenditure)(?:\s+[\w'’()-]+){0,4}$")  # fmt: skip


def money_table(headers: list[str]) -> bool:
    """A table whose header names a column of sums: a budget's, none of its numbers a count."""
    return any(MONEY_HEADER.search(fold(h).lower()) for h in headers)


Cell = tuple[str, int, int]  # a cell's text and its span in the passage

# A table without rules (a PDF's text layer): a header naming its value columns by the words of indicator tables,
# then rows of a label and one value per column, the values alike (the same unit after each: "9 giorni 2 giorni").
_COLUMN = re.compile(r"(?:[Vv]alore\s+(?:di\s+partenza|iniziale|atteso|obiettivo|raggiunto|finale)|[Oo]biettivo|"
                     r"[Tt]arget|[Rr]isultato|[Rr]ealizzato|[Rr]aggiunto|[Aa]tteso|[Pp]revisto|[Pp]rima|[Dd]opo|"
                     r"[Cc]umulato|[Cc]onseguito|[Cc]onsuntivo|[Bb]efore|[Aa]fter|[Bb]aseline|[Rr]esults?|"
                     # an English report's columns ("Indicator Target Achieved"), as `column_kind` reads them
                     r"[Aa]chieved|[Aa]ctual|[Ee]xpected|[Pp]lanned|[Dd]elivered|[Cc]umulative|"
                     # a period's column ("Year 1 (Apr 2023–Mar 2024)", "Anno 2", "II semestre", "2024"): read as
                     # `column_kind` reads it (a part of the cumulative beside it: no figure)
                     r"(?:[Yy]ear|[Aa]nno|[Ss]emestre|[Ss]emester|[Tt]rimestre|[Qq]uarter)\s+\d{1,2}|"
                     r"[IV]{1,3}\s+(?:anno|semestre|trimestre)|(?:19|20)\d\d(?!\s*[-–]))"
                     r"(?:\s+\([^()]{1,30}\)|\s+al\s+\d{1,2}/\d{1,2}/\d{4}|\s+\d{4}(?:-\d{4})?|"
                     r"\s+(?:at|al|as\s+of)\s+\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|"
                     # a column's name in words after its kind, up to the next column's ("Planned for the grant",
                     # "Atteso a fine progetto")
                     r"(?:\s+[a-zà-ù'’]{1,12}){1,4}(?=\s+[A-ZÀ-Ý]))?")  # fmt: skip
_UNRULED = re.compile(rf"\b(?:Indicatore|Indicatori|Voce|Attivit[àa]|Indicators?)\s+(?P<cols>{_COLUMN.pattern}"
                      rf"(?:\s+{_COLUMN.pattern}){{1,3}})\s+(?=[A-ZÀ-Ý])")  # fmt: skip
_NUMBER = r"\d(?:[\d.,]*\d)?"  # never the full stop after it


def table_sentences(text: str) -> list[RowSentence]:
    """The sentences of every table in `text` (see the module's docstring)."""
    out: list[RowSentence] = []
    lines = [(m.group(0), m.start()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    i = 0
    while i < len(lines):
        line, start = lines[i]
        first, at = len(out), i
        if line.count("|") >= 2 and re.search(r"\|\s*:?-{3,}", line):
            out += _markdown(line, start)
        elif _markdown_head(lines, i):
            # a markdown table a line per row ("| a | b |", "|---|---|", "| c | d |"): read as one
            block_end = i + 1
            while block_end + 1 < len(lines) and lines[block_end + 1][0].strip().startswith("|"):
                block_end += 1
            last, last_start = lines[block_end]
            out += _markdown(text[start : last_start + len(last)], start)
            i = block_end
        elif " | " in line:
            # a table a line per row (HTML, a word processor's): the run of lines of cells; rows whose value cells
            # carry words ("40 persone") are rows all the same when every line has the header's number of cells
            block = [lines[i]]
            while i + 1 < len(lines) and " | " in lines[i + 1][0] and lines[i + 1][0].strip()[:1] != "|":
                block.append(lines[i + 1])
                i += 1
            widths = {len(b.split(" | ")) for b, _ in block}
            if len(block) > 1 and (len(widths) == 1 or not any(_runs_on(b) for b, _ in block)):
                out += _line_rows([[_value_cell(*c) if n else c for n, c in enumerate(_cells(b, o, " | "))]
                                   for b, o in block])  # fmt: skip
            else:
                out += [s for b, o in block if b.count("|") >= 2 for s in _flattened(b, o)]
        elif _UNRULED.search(line):
            out += _unruled(line, start)
        elif is_row(line):
            block = [lines[i]]
            while i + 1 < len(lines) and is_row(lines[i + 1][0]):
                block.append(lines[i + 1])
                i += 1
            out += _pairs(block)
        if at and _BUDGET_HEADING.match(fold(lines[at - 1][0]).strip(" #*_:").lower()):
            out[first:] = [replace(r, money=True) for r in out[first:]]  # a table under "Budget": its sums
        i += 1
    return out


def _markdown_head(lines: list[tuple[str, int]], i: int) -> bool:
    """A markdown table's header line, its separator line after it ("| Indicatore | Obiettivo |", "|---|---|")."""
    return (i + 1 < len(lines) and lines[i][0].strip().startswith("|")
            and bool(re.fullmatch(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*", lines[i + 1][0])))  # fmt: skip


def _unruled(line: str, offset: int) -> list[RowSentence]:
    """The rows after a header that names its columns, as long as each is a label and one value per column."""
    out: list[RowSentence] = []
    for m in _UNRULED.finditer(line):
        header = [c.group(0) for c in _COLUMN.finditer(m.group("cols"))]
        unit = r"(?P<u>%|\s+[a-zà-ù]+|)"  # what follows each value, the same after all of them
        values = r"\s+".join(f"(?P<v{i}>{_NUMBER})" + (unit if i == 0 else "(?P=u)") for i in range(len(header)))
        # the last row may run into a numbered heading ("... flats 20 24 5. Lessons learned")
        row = re.compile(rf"(?P<label>[A-ZÀ-Ý][^|]*?)\s+{values}(?=\s+(?:\d{{1,2}}[.)]\s+)?[A-ZÀ-Ý]|\s*$)")
        pos = m.end()
        while found := row.match(line, pos):
            label = (found.group("label"), offset + found.start("label"), offset + found.end("label"))
            cells = [(found.group(f"v{i}") + found.group("u"), offset + found.start(f"v{i}"),
                      offset + found.end(f"v{i}") + len(found.group("u"))) for i in range(len(header))]  # fmt: skip
            out += _row(label, cells, header)
            pos = found.end()
            pos += len(line[pos:]) - len(line[pos:].lstrip())
    return out


def _runs_on(line: str) -> bool:
    """A value cell with more text after it: a flattened table, whose rows run into each other."""
    return any(bool((m := _VALUE.match(part.strip())) and m.group("rest")) for part in line.split(" | "))


# A column naming what each row counts, when it is not the first ("Azione | Indicatore | Risultato", "Ambito |
# Descrizione dell'indicatore | Valore atteso", "Indicatore di risultato", "Indicator description").
_INDICATOR = re.compile(r"^(?:(?:descrizione|nome|denominazione|description|name)(?:\s+(?:dell['’]\s*|del\s+|"
                        r"of\s+(?:the\s+)?))?)?(?:indicator[ei]|indicators?)(?:\s+(?:di|del|dei|of)\s+[\w'’ ]{3,20}|"
                        r"\s+(?:description|name))?$|^(?:descrizione|description)$", re.I)  # fmt: skip
# A column grouping the rows by what they serve ("Ambito", "Area di intervento", "Asse", "Linea di azione"): its cell is
# one of the row's cells of words (its area), never what the row counts, when a later cell of words says that.
_GROUPING = re.compile(r"^(?:ambit[oi]|area|aree|asse|assi|settore|linea|linee|obiettivo\s+specifico|macro[\w-]*|"
                       r"theme|themes|strand|pillar|axis|field)(?:\s+(?:di|d['’]|del|dell['’]|of)\s*[\w'’ ]{3,20}|"
                       r"\s+tematic[oa])?$", re.I)  # fmt: skip
# A column saying what each row's values count ("Unità", "Unità di misura", "U.M.", "Unit"): the values' unit.
_UNIT_COLUMN = re.compile(r"^(?:unit[aà](?:\s+di\s+misura)?|u\.?\s?m\.?|units?(?:\s+of\s+measure(?:ment)?)?|"
                          r"misura)$", re.I)  # fmt: skip
_INDEX = re.compile(r"^(?:n\.?|nr\.?|n[°º]|#|num\.?|no\.?)$", re.I)


def _unnumbered(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A table whose first column numbers its rows ("N. | Indicatore | ..."): read without it."""
    if len(rows[0]) > 2 and _INDEX.match(rows[0][0][0]):
        return [rows[0][1:]] + [r[1:] if r and _VALUE.match(r[0][0]) else r for r in rows[1:]]
    return rows


def _line_rows(rows: list[list[Cell]]) -> list[RowSentence]:
    """A table a line per row: the first line is its header when no cell of it is a value; a table in long format
    (a row per indicator, period and kind of value) is read by its kinds (knowledge/long_tables.py)."""
    header: list[str] = []
    rows = _unnumbered(rows)
    money, first = False, ""
    if not any(_VALUE.match(c[0]) for c in rows[0]):
        first = rows[0][0][0]
        header, rows, money = [c[0] for c in rows[0][1:]], rows[1:], money_table([c[0] for c in rows[0]])
    if header and rows and all(len(row) == len(header) + 1 for row in rows):
        named = [[("", row[0]), *zip(header, row[1:], strict=True)] for row in rows]
        return [s for pairs in long_format(named, _is_value, _kind) for s in _row(
            pairs[0][1], [c for _, c in pairs[1:]], [h for h, _ in pairs[1:]], money, first)]  # fmt: skip
    return [s for row in rows if len(row) > 1 for s in _row(row[0], row[1:], header if len(header) == len(row) - 1
                                                            else [], money, first)]  # fmt: skip


def _is_value(cell: str) -> bool:
    return bool(_VALUE.match(cell))


def _kind(cell: str) -> str | None:
    """What a column (or a long-format row's kind cell) holds: knowledge/table_counts.py's reading of it."""
    from knowledge.table_counts import column_kind  # it reads these tables' rows: imported when used

    return column_kind(cell)


def _pairs(lines: list[tuple[str, int]]) -> list[RowSentence]:
    """ "Indicatore: Persone accolte; Obiettivo: 60; Risultato: 67": the first pair of words is the row's label,
    the values keep their headers; a table in long format (a row per indicator, period and kind of value) is read
    by its kinds (knowledge/long_tables.py)."""
    rows = long_format([r for line, offset in lines for r in _pair_rows(line, offset)], _is_value, _kind)
    out: list[RowSentence] = []
    for pairs in rows:
        first = next(((h, c) for h, c in pairs if c[0] and not _VALUE.match(c[0])), None)
        if first is not None:
            head, label = first
            out += _row(label, [c for _, c in pairs if c is not label], [h for h, c in pairs if c is not label],
                        money_table([h for h, _ in pairs]), head)  # fmt: skip
    return out


def _pair_rows(line: str, offset: int) -> list[list[tuple[str, Cell]]]:
    """A line's rows of (header, cell) pairs. A passage stored before its table's lines were kept glues them into
    one ("...; Risultato: 67 Indicatore: Operatori formati; ..."): a row ends where a value runs into a header of the
    table and its colon."""
    parts: list[tuple[str, str, int]] = []  # header, value, the value's offset
    pos = 0
    for part in line.split(PAIR_SEPARATOR):
        head, _, value = part.partition(": ")
        parts.append((head.strip(), value, offset + pos + len(head) + 2))
        pos += len(part) + len(PAIR_SEPARATOR)
    heads = sorted({h for h, _, _ in parts if h}, key=len, reverse=True)
    runs_on = re.compile(r"\s(" + "|".join(map(re.escape, heads)) + r"): ") if heads else None
    rows: list[list[tuple[str, Cell]]] = [[]]
    for head, value, start in parts:
        cut = runs_on.search(value) if runs_on else None
        kept = value[: cut.start()] if cut else value
        rows[-1].append((head, (kept.strip(), start, start + len(kept.strip()))))
        if cut:
            rest = value[cut.end() :]
            rows.append([(cut.group(1), (rest.strip(), start + cut.end(), start + cut.end() + len(rest.strip())))])
    return rows


def _cells(line: str, offset: int, sep: str) -> list[Cell]:
    cells, pos = [], 0
    for part in line.split(sep):
        start = offset + pos + (len(part) - len(part.lstrip()))
        cells.append((part.strip(), start, start + len(part.strip())))
        pos += len(part) + len(sep)
    return cells


def _markdown(line: str, offset: int) -> list[RowSentence]:
    """ "| a | b | |---|---| | c | d |": rows are the runs of cells between empty cells."""
    rows: list[list[tuple[str, int, int]]] = [[]]
    for cell in _cells(line, offset, "|"):
        if not cell[0]:
            if rows[-1]:
                rows.append([])
            continue
        rows[-1].append(cell)
    rows = [r for r in rows if r and not all(_SEPARATOR.match(c[0]) for c in r)]
    if len(rows) < 2:
        return []
    rows = _unnumbered(rows)
    header, body = rows[0], rows[1:]
    if _VALUE.match(header[-1][0]) and not _VALUE.match(header[0][0]):
        header, body = [], rows  # no header: every row is a label and its values
    names = [c[0] for c in header[1:]]
    money = money_table([c[0] for c in header])
    first = header[0][0] if header else ""
    return [s for row in body for s in _row(row[0], row[1:], names if len(names) == len(row) - 1 else [], money,
                                            first)]  # fmt: skip


def _flattened(line: str, offset: int) -> list[RowSentence]:
    """ "Indicatore | Valore atteso | Valore raggiunto Persone ... | 250 | 187 Nuclei ... | 15 | 11": the number of
    columns is the number of cells before the first value, or, with cells of words in the rows ("Persone accolte |
    abitare | 60 | 67 Operatori ..."), what the first value running into the next label says: with n columns it is
    the header's n - 1 cells and the first row's n - 1 after it; each row's last value carries the next label."""
    cells = _cells(line, offset, " | ")
    # a header may name its columns by years ("Indicatore | 2024 | 2025 | Totale Persone ..."): a cell holding a year
    # alone before the first other value is a column's name
    first = next((i for i, c in enumerate(cells) if _VALUE.match(c[0]) and not _YEAR.fullmatch(c[0])), None)
    if first is None or any(not _YEAR.fullmatch(c[0]) and _VALUE.match(c[0]) for c in cells[:first]):
        first = next((i for i, c in enumerate(cells) if _VALUE.match(c[0])), None)
    if first is None or first == 0:
        return []
    runs = next((i for i, c in enumerate(cells) if i >= first and (m := _VALUE.match(c[0])) and m.group("rest")),
                None)  # fmt: skip
    n = runs // 2 + 1 if runs is not None and runs % 2 == 0 else 0
    split = re.search(r"(?<=\S)\s+(?=[A-ZÀ-Ý])", cells[n - 1][0]) if 2 <= n <= first else None
    if split and not any(_VALUE.match(c[0]) and not _YEAR.fullmatch(c[0]) for c in cells[: n - 1]):
        first = n  # the header's last cell runs into the first label, after cells of words
    elif first == 1:  # "Data di inizio | 01/04/2025 Data di fine | 31/03/2027": no header, two columns
        header: list[str] = []
        label = cells[0]
    else:
        split = re.search(r"(?<=\S)\s+(?=[A-ZÀ-Ý])", cells[first - 1][0])
    if first > 1:  # the header's last cell runs into the first label: "Valore raggiunto al 31/12/2025 Persone ..."
        if not split:
            return []
        text, start, _ = cells[first - 1]
        header = [c[0] for c in cells[1 : first - 1]] + [text[: split.start()]]
        label = (text[split.end() :], start + split.end(), cells[first - 1][2])
    columns = max(1, len(header)) if header else 1
    out: list[RowSentence] = []
    i = first
    while i + columns <= len(cells) and label[0]:
        values = [(c[0], c[1], c[2]) for c in cells[i : i + columns]]
        last = _VALUE.match(values[-1][0])
        if not last and header and _VALUE.match(values[0][0]) and (
                words := re.match(r"([a-zà-ù][^A-ZÀ-Ý|]*?)(?:\s+(?=[A-ZÀ-Ý])|\s*$)", values[-1][0])):  # fmt: skip
            # a last column of words ("Indicatore | Valore atteso | Verifica ... | 40 persone | registri presenze
            # Patentini ..."): its cell runs into the next row's label
            text, start, end = values[-1]
            values[-1] = (words.group(1), start, start + len(words.group(1)))
            values[:-1] = [_value_cell(t, s, e) for t, s, e in values[:-1]]
            out += _row(label, values, header if len(header) == len(values) else [])
            label = (text[words.end() :], start + words.end(), end)
            i += columns
            continue
        if not last:
            break
        rest = last.group("rest") or ""
        # a value cell may say what it counts ("540 persone prese in carico"): its words in lower case, up to the
        # next row's label, which opens with a capital ("... | 12 nuclei accolti Alloggi di transizione | ...")
        unit = _UNIT_WORDS.match(rest) if not rest.startswith("di cui") else None
        value = last.group("value") + (f" {unit.group(0).strip()}" if unit and unit.group(0).strip() else "")
        rest = rest[unit.end() :] if unit else rest
        values[-1] = (value, values[-1][1], values[-1][1] + len(value))
        # the other cells: their values (with the words saying what they count), and their words where a row has
        # them (an "Area" column)
        values[:-1] = [_value_cell(t, s, e) for t, s, e in values[:-1]]
        money = bool(header) and money_table([cells[0][0], *header])
        out += _row(label, values, header if len(header) == len(values) else [], money)
        end = cells[i + columns - 1][2]
        label = (rest, end - len(rest), end)
        i += columns
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")
_UNIT_WORDS = re.compile(r"[a-zà-ù][^A-ZÀ-Ý|]*?(?=\s+[A-ZÀ-Ý]|\s*$)")


def _value_cell(text: str, start: int, end: int) -> Cell:
    """A value cell of a row: the value with the lower-case words after it ("100 persone"), else as written."""
    m = _VALUE.match(text)
    if not m:
        return text, start, end
    rest = m.group("rest") or ""
    kept = m.group("value") + (f" {rest}" if rest[:1].islower() and not rest.startswith("di cui") else "")
    return kept, start, start + len(kept)


def _row(label: Cell, values: list[Cell], header: list[str] | None = None, money: bool = False, first: str = ""
         ) -> list[RowSentence]:  # fmt: skip
    """One sentence per value of a row, "<label>: <value>.", with the value's column header when `header` names
    every value cell, the row's cells of words and the cell of its unit column; `money`: the row of a budget's
    table; `first`: the header of the label's column."""
    header = header or []
    start = label[1]
    heads = [h.strip() for h in header] if len(header) == len(values) else []

    def words_under(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, (h, v) in enumerate(zip(heads, values, strict=False)) if pattern.match(h)
                     and v[0].strip() and not _VALUE.match(v[0])), None)  # fmt: skip

    # "Azione | Indicatore | Risultato": the indicator's cell labels the row; the first cell (the action, the service)
    # is one of its cells of words, like an "Area" column's. Under a first column that groups the rows ("Ambito |
    # Descrizione | Unità | ..."), the first later cell of words that neither groups nor gives the unit labels it.
    said = words_under(_INDICATOR)
    unit_at = words_under(_UNIT_COLUMN)
    if said is None and _GROUPING.match(first.strip()):
        said = next((i for i, (h, v) in enumerate(zip(heads, values, strict=False)) if i != unit_at
                     and not _GROUPING.match(h) and _kind(h) is None and v[0].strip()
                     and not _VALUE.match(v[0])), None)  # fmt: skip
    unit = values[unit_at][0].strip() if unit_at is not None else ""
    if said is not None:
        label, values = values[said], [*values[:said], label, *values[said + 1 :]]
    name = label[0].strip(" *_")
    if not name or _VALUE.match(name):
        return []
    words = tuple(v[0] for v in values if not _VALUE.match(v[0]) and v[0].strip(" –-") and v[0].strip() != unit)
    columns = tuple(h for h, v in zip(header, values, strict=False) if _VALUE.match(v[0])) if header else ()
    return [RowSentence(f"{name}: {value}.", start, end, name, value, header[i] if header else "", words, money, unit,
                        columns) for i, (value, _, end) in enumerate(values) if _VALUE.match(value)]  # fmt: skip
