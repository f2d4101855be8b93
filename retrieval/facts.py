"""Figures and partners stated in passages (the rules live in the knowledge layer)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from knowledge import figures as _fig
from knowledge import partners as _partners
from knowledge.sentences import clean, sentences


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    text: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


def figures(text: str) -> list[Figure]:
    out = []
    for s in sentences(text):
        body = clean(s.text)
        out += [Figure(f.value, f.unit, f.text, body, s.start, s.end) for f in _fig.figures(body)]
    return out


def partners(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.sentence) for p in _partners.partners(text)]
