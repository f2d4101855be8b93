"""Figures and partners stated in passages, each with the sentence it comes from.

The rules live in `practices.extract` (evaluated against tests/practices/gold.json); this module keeps the
small interface the browse pages use: `figures(text)` and `partners(text)`.
"""

from __future__ import annotations

from practices.extract import Figure
from practices.extract import figures as _figures
from practices.extract import partners as _partners

__all__ = ["Figure", "figures", "partners"]


def figures(text: str) -> list[Figure]:
    """Counts with their unit ("160 persone", "32 posti letto"), years, dates and percentages left out."""
    return _figures(text)


def partners(text: str) -> list[tuple[str, str]]:
    """(organisation, sentence) for the organisations that worked with the city; the network itself (ANCI,
    Cittalia, the Ministry) and the municipality's own offices are not partners."""
    return [(p.name, p.sentence) for p in _partners(text)]
