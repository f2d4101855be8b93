"""The counts of a table read by its column headers (the gold's conventions: tests/unseen/README.md).

A report's indicator table ("Indicatore | Obiettivo | Risultato") gives each row's result as a figure and its
target as a figure labelled "(obiettivo)"; a cumulative column ("Cumulato al 30/09/2025") is a result, a quarter's
beside it is not; the value before the project ("Valore di partenza", "Prima") is never a figure, the one after
("Dopo") is. Each value is read before its row's label as one sentence ("388 persone prese in carico dal Punto di
accesso unico"), so the figures' rules give its unit and label; its area is the one its own words name
(`knowledge.attribution`: "Volontari attivi nel doposcuola" counts volunteers, whatever objective the row serves),
else the one the row's cell of words names (an "Area" column), else its label's. `records` adds a table's count only
when its document's text does not state it already (`counted` tells a count from its restatement).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ingest.tables import PAIR_SEPARATOR
from knowledge import figures as fig
from knowledge.attribution import figure_area, hosted
from knowledge.persons import counts_persons
from knowledge.sections import heading_area
from knowledge.sentences import Sentence
from knowledge.tables import MONEY_HEADER, RowSentence, table_sentences
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold

# A column by its (folded) header: targets ("Valore atteso", "Obiettivo 2026"), results ("Risultato al 30/06/2025",
# "Cumulato al 30/09/2025", "Realizzato", the "Dopo" of a before/after table), or neither: a baseline ("Valore di
# partenza", "Prima"), a quarter's share ("III trim. 2025"), a budget's lines ("Preventivo", "Speso", "Importo").
# A baseline is told first ("Valore di partenza al 01/01/2024"), then a target ("Obiettivo al 31/12/2026"), then a
# result, also a value at a date ("Valore al 30/06/2025", "as of June 2025").
_BASELINE_COLUMN = re.compile(r"\b(?:partenza|iniziale|prima|before|baseline|ex\s+ante)\b")
_TARGET_COLUMN = re.compile(r"\b(?:obiettiv\w*|target\w*|attes[oaie]|previst[oaie]|programmat[oaie]|expected|planned|"
                            r"goals?)\b")  # fmt: skip
_RESULT_COLUMN = re.compile(r"\b(?:cumulat\w*|total[ei]|raggiunt[oaie]|realizzat[oaie]|risultat[oi]|consuntiv\w*|"
                            r"conseguit\w*|effettiv[oaie]|finale|dopo|ex\s+post|achieved|actual|results?|after|totals?|"
                            r"delivered|al\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|as\s+(?:of|at))\b")  # fmt: skip


def column_kind(header: str) -> str | None:
    """What a table's column holds by its header: "baseline", "target", "result", or None (a quarter's share, a
    budget's lines, a column of words)."""
    h = fold(header).lower()
    if MONEY_HEADER.search(h):
        return None  # a budget's columns ("Spesa al 31/12/2024", "Importo previsto"): sums, never counts
    for kind, pattern in (("baseline", _BASELINE_COLUMN), ("target", _TARGET_COLUMN), ("result", _RESULT_COLUMN)):
        if pattern.search(h):
            return kind
    return "result" if _VALUE_COLUMN.match(h.strip()) else None


# A column that only says it holds the values ("Indicatore | Valore", "Attività | N.", "Value"): what was counted.
_VALUE_COLUMN = re.compile(r"^(?:valore|valori|value|values|numero|num\.?|n\.?|nr\.?|n°|quantit[aà]|count|number)"
                           r"(?:\s*\([^()]*\))?$")  # fmt: skip
# "Nuove prese in carico": a count of the persons taken in charge.
_TAKEN_IN_CHARGE = re.compile(r"^pres[ae]\b")

# A row's count: the row as a sentence, the sentence read, the count, its area (None: not said), a target or not.
TableCount = tuple[Sentence, str, fig.FigureFact, str | None, bool]


def table_counts(text: str, reader: Callable[[str], list[fig.FigureFact]], taxonomy: Taxonomy,
                 areas: Callable[[str], list[str]]) -> list[TableCount]:  # fmt: skip
    """The counts of the result and target columns of every table in `text`; `reader` reads a sentence's counts,
    `areas` the areas a text names."""
    out: list[TableCount] = []
    before = ""  # the row before as read ("1.240 persone prese in carico"), for a row that is a part of it
    for row in table_sentences(text):
        kind = column_kind(row.column) or ("result" if _unnamed_result(row) else None)
        total = kind is None and _total_of_a_column(row)
        if (kind not in ("target", "result") and not total) or row.money:
            continue  # a budget's planned and total columns hold sums ("Voce di spesa | Previsto | Speso")
        is_target = kind == "target"
        if total:  # "Totale | 386 | 12" under "Municipio | Persone prese in carico | Alloggi": the column's count
            row = replace(row, label=row.column, column="")
        name = row.label[:1].lower() + row.label[1:]
        body = f"{row.value} {name}"
        lead = ""
        if name.startswith("di cui "):  # "di cui donne | 97": a part of the row before
            # read after the row before ("1.240 persone ..., di cui 388 accompagnate"): a participle is its unit's part
            lead = f"{before}, " if before else ""
            body = f"{lead}di cui {row.value} {name[len('di cui ') :]}"
        else:
            before = body
        at = body.find(row.value.split()[-1], len(lead))
        found = [f for f in reader(body) if len(lead) <= f.start <= at][:1]
        unit = _unit_column(row, reader)
        if unit == []:
            continue  # "Unità | %", "Unità | giorni": the row's values are no counts
        if unit:  # the unit column says what the values count, whatever noun the label opens with
            found = [replace(f, unit=unit[0].unit) for f in found] or [
                replace(unit[0], label=name, start=at, end=at + len(row.value.split()[-1]))
            ]
        for f in found:
            if _TAKEN_IN_CHARGE.match(fold(f.unit).lower()) and "in carico" in name:
                f = replace(f, unit="people")
            if not is_target and re.search(r"\d", row.column):  # when it was counted: "(risultato al 30/06/2025)"
                when = re.sub(r"\s*\(([^()]*)\)", r", \1", row.column).strip()
                f = replace(f, label=f"{f.label} ({when[:1].lower()}{when[1:]})")
            named = {a for w in row.words if (a := heading_area(w, taxonomy.classify))}
            decided, said = figure_area(body, f, taxonomy, [(f.start, f.end)])
            if decided and said is not None:
                area: str | None = said
            elif len(named) == 1:
                area = named.pop()
            else:
                area = said
                if not decided:
                    own = areas(row.label)
                    area = own[0] if len(own) == 1 else None
                    if area is None and hosted(body, f.unit):
                        area = "housing"  # "Persone accolte | 60 | 71": persons given a place to stay
            out.append((Sentence(row.text, row.start, row.end), body, f, area, is_target))
    return out


# A column of periods ("2025", "Anno 2", "II semestre", "Year 1", "Gennaio-giugno", "Q3 2025"): a part of the whole,
# never the result; and a column of a measure that is no count ("Ore", "Giorni", "Durata", "%", "Media").
_PERIOD_COLUMN = re.compile(r"^(?:(?:[ivx]{1,4}|primo|secondo|terzo|quarto|first|second|third|fourth)\s+)?"
                            r"(?:(?:19|20)\d\d|anno|anni|year|years|semestre|semester|trimestre|trim\.?|quarter|q[1-4]|mese|mesi|month|"
                            r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
                            r"dicembre|january|february|march|april|may|june|july|august|september|october|november|"
                            r"december|stagione|season)\b")  # fmt: skip
_MEASURE_COLUMN = re.compile(r"\b(?:ore|hours|giorni|days|durata|duration|mesi|months|settimane|weeks|media|"
                             r"average|mean|quota|share|tasso|rate|percentuale|percentage|per\s*cento|"
                             r"percent)\b|%")  # fmt: skip


def _plain_value_column(header: str) -> bool:
    """A column header that names no kind of value, no period, no measure and nothing counted: it only holds the
    rows' values ("Dato", "Quanti", "Value at 30 June 2026"), each counting what its row's label says."""
    h = fold(header).lower().strip(" *_:")
    if not re.search(r"[a-z]", h) or column_kind(header) is not None or MONEY_HEADER.search(h):
        return False
    if _PERIOD_COLUMN.match(h) or _MEASURE_COLUMN.search(h):
        return False
    # "Persone accolte", "Alloggi attivati": the column names what its values count (a table of parts, by district)
    return not any(f.unit in fig.UNITS or counts_persons(f.unit) for f in fig.figures(f"12 {h}"))


def _unnamed_result(row: RowSentence) -> bool:
    """A row's value under the one column of values whose header names no kind ("Voce | Dato", "Che cosa | Quanti",
    "Indicator | Target | Value at 30 June 2026"): the table's result, when no other column of values is one."""
    if not row.column or len(re.findall(r"\d[\d.,]*", row.value)) != 1 or not _plain_value_column(row.column):
        return False  # a cell of several counts ("120 posti letto; 684 lavoratori ospitati") is read as sentences
    others = [c for c in row.columns if c != row.column]
    return not any(column_kind(c) == "result" or _plain_value_column(c) for c in others)


# A unit column's cell that only says the values are numbers ("n.", "numero", "valore assoluto").
_PLAIN_NUMBER = re.compile(r"^(?:n\.?|nr\.?|n[°º]|num\.?|numero|number|no\.?|count|unit[aà]|valore(?:\s+assoluto)?|"
                           r"#)$")  # fmt: skip


def _unit_column(row: RowSentence, reader: Callable[[str], list[fig.FigureFact]]) -> list[fig.FigureFact] | None:
    """The count a row's unit column makes of its value ("Unità | posti letto": "12 posti letto"), as a list of
    one; None without a unit column (or one saying only "numero"), none when its unit is no count ("%", "giorni")."""
    unit = row.unit.strip()
    if not unit or _PLAIN_NUMBER.match(fold(unit).lower()):
        return None
    return reader(f"{row.value} {unit}")[:1]


def indicator_rows(text: str) -> list[tuple[int, int]]:
    """The spans of the rows of indicator tables (a column of targets, results or baselines, or a total row under
    columns of indicators): what they count is read by their columns, never again as a sentence ("... | 40 | 28 Nuove
    prese in carico", "9 giorni 2 giorni")."""
    return [(row.start, _line_end(text, row.end)) for row in table_sentences(text) if column_kind(row.column)
            or (not row.money and (_total_of_a_column(row) or _unnamed_result(row)))]  # fmt: skip


def _line_end(text: str, at: int) -> int:
    """Where the row of a value ends: when another cell follows it on its line (" | ", a workbook's "; Note: ..."), the
    line's end, its later cells (a "Note" column's comment, "persone diverse: 15 seguite in entrambi gli anni") the
    row's, no sentence of the text; else the value's end (a PDF's table without rules runs into the prose after it)."""
    if not (text.startswith(" | ", at) or text.startswith(PAIR_SEPARATOR, at)):
        return at
    end = text.find("\n", at)
    return len(text) if end < 0 else end


# A table's total row ("Totale", "Totale complessivo", "Total"): under columns that name what they count ("Municipio |
# Persone prese in carico | Alloggi attivati"), its values are the counts of the whole, the other rows its parts (a
# district's, a site's, a year's).
_TOTAL_ROW = re.compile(r"^(?:totale|totali|total|totals|totale\s+(?:complessivo|generale|progetto|citt[aà])|"
                        r"grand\s+total|overall)$", re.I)  # fmt: skip


def _total_of_a_column(row: RowSentence) -> bool:
    """A total row's value under a column that names a count (its header has words, no kind and no sum)."""
    return bool(_TOTAL_ROW.match(row.label.strip(" *_:")) and re.search(r"[a-zà-ù]{3,}", row.column)
                and not MONEY_HEADER.search(fold(row.column).lower()))  # fmt: skip


def counted(unit: str) -> str:
    """What a count counts, as far as telling a count from its restatement goes: persons (whatever they are
    called), else its unit's first word."""
    if unit in ("people", "beneficiaries", "minors", "women") or counts_persons(unit):
        return "persons"
    return fold(unit).lower().split()[0] if unit.strip() else ""
