"""A table in long format: one row per indicator, period and kind of value, the kind in a column of its own.

A monitoring system's export writes its indicators a row per value ("Area: Alloggi; Indicatore: Alloggi temporanei
attivati; Periodo: intero progetto; Tipo di valore: Target; Valore: 10", the next row the same with "Risultato" and
12), where a report's table writes them a row per indicator with a column per kind ("Indicatore | Target |
Risultato"). Read as such a table, each value's column is the kind its row names ("Target", "Risultato"), so the
columns' rules (knowledge/table_counts.py) tell a target from a result; the kind and the period are no words of the
row (its "Area" cell is). A value of a part of the period ("2020", "2019 (lug-dic)") beside the same indicator's
value for the whole of it ("intero progetto") is a share, as a quarter's column beside a cumulative one: it is left
out; an indicator counted only by parts keeps them, each named by its period. A table with a period column and no
kind column ("Indicatore: X; Anno: 2024; Valore: 70") is read the same way, each value under its own header.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lgnet.text import fold

Cell = tuple[str, int, int]  # a cell's text and its span in the passage
Pair = tuple[str, Cell]  # a cell with its column's header

# The column naming each value's kind ("Tipo di valore", "Tipo dato", "Value type").
_KIND_HEADER = re.compile(r"^(?:tipo|tipologia|natura)\s+(?:(?:di|del)\s+)?(?:valore|dato|misura|indicatore)$|"
                          r"^(?:value|figure|measure)\s+type$|^type\s+of\s+(?:value|figure)$")  # fmt: skip
# ... and a bare "Tipo" when its cells are kinds ("Target", "Risultato": what `kind_of` reads as a column's kind)
_BARE_KIND = re.compile(r"^(?:tipo|tipologia|type|kind)$")
_PERIOD_HEADER = re.compile(r"^(?:periodo(?:\s+di\s+riferimento)?|period|anno|year|annualita|reference\s+period)$")
# A period that is the whole of it: "intero progetto", "totale", "cumulato", "whole project".
_WHOLE = re.compile(r"\b(?:inter[oa]|total[ei]?|complessiv\w*|cumulat\w*|tutto|whole|overall|entire|"
                    r"progetto|project)\b")  # fmt: skip
_KIND_WORDS = 3  # a kind is a word or two ("Target", "Risultato finale"), never a sentence


def _header(head: str) -> str:
    return fold(head).lower().strip()


def long_format(rows: list[list[Pair]], is_value: Callable[[str], bool], kind_of: Callable[[str], str | None]
                ) -> list[list[Pair]]:  # fmt: skip
    """The rows of a table of "header: value" pairs, those of a long-format table rewritten (see the module's
    docstring): each value's header is its row's kind (and part of the period), the kind and period cells gone, a
    part's row left out beside its indicator's whole. Other rows are returned as they are."""
    read: list[tuple[list[Pair], tuple[str, ...] | None, bool]] = []  # the row, its indicator and kind, a part
    for pairs in rows:
        kind = next((c for h, c in pairs if c[0] and not is_value(c[0]) and len(c[0].split()) <= _KIND_WORDS and (
            _KIND_HEADER.match(_header(h)) or _BARE_KIND.match(_header(h)) and kind_of(c[0]))), None)  # fmt: skip
        period = next((c for h, c in pairs if _PERIOD_HEADER.match(_header(h)) and c[0]), None)
        values = [c for _, c in pairs if is_value(c[0]) and c is not period]
        if (kind is None and period is None) or not values:
            read.append((pairs, None, False))
            continue
        # without a kind column ("Indicatore: X; Anno: 2024; Valore: 70") each value keeps its own header
        part = period is not None and not _WHOLE.search(fold(period[0]).lower())
        kept = [(_named(kind[0] if kind else h, period if part else None) if is_value(c[0]) else h, c)
                for h, c in pairs if c is not kind and c is not period]  # fmt: skip
        said = fold(kind[0]).lower() if kind else ""
        indicator = tuple(fold(c[0]).lower() for _, c in kept if not is_value(c[0])) + (said,)
        read.append((kept, indicator, part))
    whole = {indicator for _, indicator, part in read if indicator is not None and not part}
    return [pairs for pairs, indicator, part in read if not (part and indicator in whole)]


def _named(name: str, period: Cell | None) -> str:
    """A value's header in a long-format row: its kind, with the part of the period it counts ("Risultato (2020)")."""
    return f"{name} ({period[0]})" if period else name
