"""Phases of the programme named in a query: by name ("LGNet 3"), ordinal or edition ("la terza edizione",
"the second phase") or years ("2024-2026"). Data in lgnet/data/phases.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

YEAR_RANGE = re.compile(
    r"(?<!\w)(?:(?:dal|tra il|fra il|from|between)\s+)?(20\d\d)\s*(?:-|–|/|al|a|e il|e|to|and|until)\s*(20\d\d)(?!\w)"
)
# One year ("fino al 2026", "nel 2025", "risultati 2025") names the phase whose years hold it; not a year of a range.
YEAR = re.compile(r"(?<![\w/.,-])(20\d\d)(?![\w/.,-])")
MIN_OVERLAP = 0.5  # share of the asked years a phase must cover ("2014-2020", the fund's years, is no phase)
# An ordinal edition "of" something names that thing's edition ("la seconda edizione del corso", "the third round
# of the festival"), not the programme's, unless the thing is the programme: the network, the project, LGNet.
OF_WHAT = re.compile(r"\s+(?:d'|(?:della|dello|delle|degli|dei|del|di|of the|of)\s+)(\w+)")
PROGRAMME = frozenset({"rete", "network", "progetto", "programma", "project", "programme", "lgnet", "comuni"})


@dataclass(frozen=True)
class PhaseMention:
    code: str
    start: int
    end: int
    how: str  # "name", "ordinal", "years" or "year" (one year: a time the query asks about, kept as a word too)


class PhaseRecognizer:
    def __init__(self, data: dict) -> None:
        self.phases = data["phases"]
        self.by_ordinal = {p["ordinal"]: p["code"] for p in self.phases}
        self.first_year = min(p["years"][0] for p in self.phases)  # the programme's years, all phases together
        self.last_year = max(p["years"][1] for p in self.phases)
        self._names = [
            (p["code"], re.compile(r"(?<!\w)" + r"[\s-]?".join(map(re.escape, n.split())) + r"(?!\w)"))
            for p in sorted(self.phases, key=lambda p: -max(len(n) for n in p["names"]))
            for n in sorted(p["names"], key=len, reverse=True)
        ]
        ordinals = {w: n for lang in data["ordinals"].values() for w, n in lang.items()}
        words = [w for lang in data["edition_words"].values() for w in lang]
        self._ordinals = ordinals
        ords, eds = "|".join(map(re.escape, ordinals)), "|".join(map(re.escape, words))
        # "la terza edizione", "the third edition", "edizione 3", "phase two"
        self._ordinal_pattern = re.compile(rf"(?<!\w)(?:({ords})\s+(?:{eds})|(?:{eds})\s+(\d|{ords}))(?!\w)")

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> PhaseRecognizer:
        return cls(json.loads(resources.files("lgnet").joinpath("data/phases.json").read_text("utf-8")))

    def find(self, folded: str) -> list[PhaseMention]:
        """Phases named in a folded (lower-case, accent-free) query, in order."""
        found: list[PhaseMention] = []
        taken: list[tuple[int, int]] = []

        def add(code: str | None, start: int, end: int, how: str) -> None:
            if code and not any(s < end and start < e for s, e in taken):
                found.append(PhaseMention(code, start, end, how))
                taken.append((start, end))

        for code, pattern in self._names:
            for m in pattern.finditer(folded):
                add(code, m.start(), m.end(), "name")
        for m in self._ordinal_pattern.finditer(folded):
            of = OF_WHAT.match(folded, m.end())
            if of is not None and of.group(1) not in PROGRAMME and not of.group(1).startswith("lgnet"):
                continue  # the edition of a course, a festival, a call: not a phase of the programme
            word = m.group(1) or m.group(2)
            number = int(word) if word.isdigit() else self._ordinals.get(word)
            add(self.by_ordinal.get(number), m.start(), m.end(), "ordinal")
        for m in YEAR_RANGE.finditer(folded):
            add(self.phase_of_years(int(m.group(1)), int(m.group(2))), m.start(), m.end(), "years")
            taken.append((m.start(), m.end()))  # a range that names no phase ("2014-2020") is no single year either
        for m in YEAR.finditer(folded):
            add(self.phase_of_years(int(m.group(1)), int(m.group(1))), m.start(), m.end(), "year")
        return sorted(found, key=lambda p: p.start)

    def phase_of_years(self, first: int, last: int) -> str | None:
        """The phase that covers most of the years asked, if it covers at least half of them. Years running past
        the programme's ("triennio 2025-2028", "2018-2020": the programme's phases run 2019-2026) are a project's
        own duration, of a comune outside the network or of another fund, and name no phase."""
        if last < first or first < self.first_year or last > self.last_year:
            return None
        asked = last - first + 1
        best, best_share = None, 0.0
        for p in self.phases:
            lo, hi = p["years"]
            share = max(0, min(hi, last) - max(lo, first) + 1) / asked
            if share > best_share:
                best, best_share = p["code"], share
        return best if best_share >= MIN_OVERLAP else None
