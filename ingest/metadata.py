"""Metadata of documents and passages: type, phase, language, cities, intervention areas."""

from __future__ import annotations

import re

from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy
from lgnet.text import split_sentences

_PHASE_PATTERNS = (
    ("LGNet3", re.compile(r"\blg\s?net\s?3\b", re.I)),
    ("LGNet2", re.compile(r"\blg\s?net\s?2\b", re.I)),
    ("LGNetEA", re.compile(r"\blg\s?net\s?ea\b|emergency assistance", re.I)),
)


def detect_phase(text: str) -> str | None:
    """The phase most often named in the text."""
    counts = {phase: len(p.findall(text)) for phase, p in _PHASE_PATTERNS}
    best = max(counts, key=lambda phase: counts[phase])
    return best if counts[best] else None


def interventions(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Intervention areas a passage describes (multi-label).

    A sentence that names three or more areas describes the programme ("tre ambiti di azione: impegno
    civico, presa in carico, housing"), not a practice, so it does not label the passage.
    """
    taxonomy = taxonomy or Taxonomy.default()
    found: dict[str, int] = {}
    for sentence in split_sentences(text):
        areas = taxonomy.classify(sentence)
        if 0 < len(areas) < 3:
            for a in areas:
                found[a] = found.get(a, 0) + 1
    return [code for code in taxonomy.codes if code in found]


def cities_mentioned(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    return (gazetteer or Gazetteer.default()).cities_in(text)


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and re.match(r"\d{4}", date) else None
