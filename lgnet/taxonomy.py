"""Intervention areas (codes of DESIGN.md) and the terms that signal them, from data/interventions.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lgnet.text import fold


@dataclass(frozen=True)
class Area:
    code: str
    label_it: str
    label_en: str
    terms: tuple[str, ...]


def _term_pattern(term: str) -> str:
    """A term as a pattern: "*" ends a stem; a space or a hyphen between words is either ("one-stop shop",
    "one stop-shop" and "one-stop-shop" are one term)."""
    term = fold(term)
    stem = term.endswith("*")
    words = re.split(r"[\s-]+", term[:-1] if stem else term)
    body = r"[\s-]+".join(re.escape(w) for w in words)
    return rf"{body}\w*" if stem else rf"{body}(?!\w)"


def _area_pattern(terms: tuple[str, ...]) -> re.Pattern:
    # One word-start check in front of all the alternatives: much faster than one per term.
    return re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(t) for t in sorted(terms, key=len, reverse=True)) + ")")


class Taxonomy:
    def __init__(self, areas: list[Area]) -> None:
        self.areas = areas
        self.codes = [a.code for a in areas]
        self.by_code = {a.code: a for a in areas}
        self._patterns = {a.code: _area_pattern(a.terms) for a in areas}
        # A sentence is classified again by its passage after its document, and by the records after ingest.
        self._classified = lru_cache(maxsize=16_384)(self._classify)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Taxonomy:
        raw = json.loads(resources.files("lgnet").joinpath("data/interventions.json").read_text("utf-8"))
        return cls(
            [Area(a["code"], a["label_it"], a["label_en"], tuple(a["terms_it"] + a["terms_en"])) for a in raw["areas"]]
        )

    def counts(self, text: str) -> dict[str, int]:
        folded = fold(text)
        return {code: len(p.findall(folded)) for code, p in self._patterns.items()}

    def classify(self, text: str) -> list[str]:
        """Areas whose terms occur in the text, in taxonomy order (multi-label)."""
        return list(self._classified(text))

    def _classify(self, text: str) -> tuple[str, ...]:
        return tuple(code for code, n in self.counts(text).items() if n)

    def matches(self, text: str) -> list[tuple[str, int, int]]:
        """(code, start, end) of every term occurrence, offsets in the folded text (same length for Latin)."""
        folded = fold(text)
        return [(code, m.start(), m.end()) for code, p in self._patterns.items() for m in p.finditer(folded)]
