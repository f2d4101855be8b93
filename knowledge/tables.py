"""Rows of a table read as sentences. A passage keeps a table flattened into one paragraph: a word-processor
table as "Voce | Valore Data di inizio | 01/04/2025 Data di fine | 31/03/2027" (each row's last value runs into the
next row's label), a markdown one as "| Voce | Valore | |---|---| | Data di inizio | 01/04/2025 |". Each row and
value becomes one sentence the rules already read: "Data di inizio: 01/04/2025."
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def table_sentences(text: str) -> list[RowSentence]:
    """The sentences of every table flattened into `text` (see the module's docstring)."""
    out: list[RowSentence] = []
    for para in re.finditer(r"[^\n]+", text):
        line = para.group(0)
        if line.count("|") < 2:
            continue
        if re.search(r"\|\s*:?-{3,}", line):
            out += _markdown(line, para.start())
        else:
            out += _flattened(line, para.start())
    return out


def _cells(line: str, offset: int, sep: str) -> list[tuple[str, int, int]]:
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
    header, body = rows[0], rows[1:]
    if _VALUE.match(header[-1][0]) and not _VALUE.match(header[0][0]):
        header, body = [], rows  # no header: every row is a label and its values
    return [s for row in body for s in _row(row[0], row[1:])]


def _flattened(line: str, offset: int) -> list[RowSentence]:
    """ "Indicatore | Valore atteso | Valore raggiunto Persone ... | 250 | 187 Nuclei ... | 15 | 11": the number of
    columns is the number of cells before the first value; each row's last value carries the next label."""
    cells = _cells(line, offset, " | ")
    first = next((i for i, c in enumerate(cells) if _VALUE.match(c[0])), None)
    if first is None or first == 0:
        return []
    if first == 1:  # "Data di inizio | 01/04/2025 Data di fine | 31/03/2027": no header, two columns
        header: list[str] = []
        label = cells[0]
    else:  # the header's last cell runs into the first label: "Valore raggiunto al 31/12/2025 Persone prese ..."
        split = re.search(r"(?<=\S)\s+(?=[A-ZÀ-Ý])", cells[first - 1][0])
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
        if not last or not all(_VALUE.match(v[0]) for v in values):
            break
        rest = last.group("rest") or ""
        values[-1] = (last.group("value"), values[-1][1], values[-1][1] + len(last.group("value")))
        if len(values) > 1:
            values[:-1] = [(m.group("value"), s, s + len(m.group("value"))) for (t, s, _), m in
                           ((v, _VALUE.match(v[0])) for v in values[:-1]) if m]  # fmt: skip
        out += _row(label, values)
        end = cells[i + columns - 1][2]
        label = (rest, end - len(rest), end)
        i += columns
    return out


def _row(label: tuple[str, int, int], values: list[tuple[str, int, int]]) -> list[RowSentence]:
    """One sentence per value of a row: "<label>: <value>."."""
    name = label[0].strip(" *_")
    if not name or _VALUE.match(name):
        return []
    return [RowSentence(f"{name}: {value}.", label[1], end) for value, _, end in values if _VALUE.match(value)]
