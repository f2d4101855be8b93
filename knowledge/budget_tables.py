"""A budget's table read by its rows and columns (`knowledge.tables`: the rows of a table whose header names a column
of sums, or under a heading "Piano finanziario"): what a sum is comes from its row's label and its column's header,
never from the words a flattened table runs into it ("Macrovoce | Contributo regionale | Quota Comune | Totale
Personale e tutor | 61.000,00 | ...": the first line is a budget line, not the total).

- The total row ("Totale", "Totale progetto", "Costo totale del progetto", "Budget complessivo", "Totale
  convenzione"): its sum in a column of sums is the total; in a column naming the Comune's share ("Quota Comune",
  "Cofinanziamento") the co-financing, in a funder's column ("Contributo regionale") the funded part.
- A row naming the co-financing ("Cofinanziamento del Comune di X (20%)", "Quota a carico del Comune", "di cui
  cofinanziamento comunale"): the co-financing; a row naming a funder's part ("Contributo FAMI", "Quota Regione"):
  funded.
- What was spent or reported ("Speso al 31/12/2021", "Rendicontato", "Spesa certificata") and shares ("90%") are not
  the budget, nor are the budget lines (any other row).
A table's own total and co-financing outrank the sums the text around it states (`merging.budget_of`).
"""

from __future__ import annotations

import re

from knowledge.money import AMOUNT_KINDS, AmountFact, amount_number
from knowledge.tables import RowSentence, table_sentences
from lgnet.text import fold

_TOTAL_ROW = re.compile(r"^(?:€\s*)?(?:(?:costo|budget|importo|valore)\s+)?(?:total[ei]?|complessiv[oa]|"
                        r"overall)\b|\b(?:total[ei]|complessiv[oa])\b", re.I)  # fmt: skip
_SPENT = re.compile(r"\b(?:spes[ao]|speso|spent|rendicontat\w*|certificat\w*|consuntiv\w*|liquidat\w*|actual|"
                    r"erogat\w*)\b", re.I)  # fmt: skip
_COMUNE_COLUMN = re.compile(r"\b(?:comune|comunale|citt[àa]|municipality|city)\b", re.I)
_FUNDER = re.compile(r"\b(?:contribut\w*|finanziament\w*|quota|grant|fondi|fami|fse|pnrr|regione|regionale|"
                     r"fondazione)\b", re.I)  # fmt: skip


def _kind(label: str, column: str) -> str:
    """What a sum of a budget's table is, by its row's label and its column's header."""
    label, column = fold(label).strip(" €"), fold(column)
    if _SPENT.search(label) or _SPENT.search(column):
        return "spent"
    cofinancing = AMOUNT_KINDS[0][1]
    if cofinancing.search(label):
        return "cofinancing"
    if _TOTAL_ROW.search(label):
        if cofinancing.search(column) or _COMUNE_COLUMN.search(column):
            return "cofinancing"
        if _FUNDER.search(column):
            return "funded"
        return "total"
    if _FUNDER.search(label):
        return "funded"
    return "line"


def budget_rows(text: str) -> list[tuple[RowSentence, AmountFact]]:
    """The sums of the budget tables of a passage, each with its kind (`_kind`; "line" and "spent" are kept, so
    that they are known as no total)."""
    out = []
    for row in table_sentences(text):
        value = row.value.strip().lstrip("€").strip()
        if not row.money or "%" in value or not re.fullmatch(r"[\d.,]+", value):
            continue
        amount = amount_number(value)
        if amount is None or amount <= 0:
            continue
        label = f"{row.label} ({row.column})" if row.column else row.label
        kind = _kind(row.label, row.column)
        out.append((row, AmountFact(amount, kind, label.lower(), row.text, 0, len(row.text), table=True)))
    return out
