"""Which cities took part in which phase of LGNet (LGNetEA, LGNet2, LGNet3), read from the documents.

Membership is data about the network, not about places: the gazetteer knows every comune, and a document about
a city outside the network keeps its city. Data: data/cities_network.json (per phase, each source's file, quote
and the cities it names; a phase's cities are the union of its sources).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lgnet.vocabulary import PHASES


@dataclass(frozen=True)
class Source:
    file: str  # path inside the repository
    quote: str  # the passage naming the cities, spaces normalised
    cities: tuple[str, ...]


class Network:
    def __init__(self, phases: dict[str, list[Source]]) -> None:
        unknown = set(phases) - set(PHASES)
        if unknown:
            raise ValueError(f"unknown phases in the network data: {sorted(unknown)}")
        self.sources = phases

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Network:
        raw = json.loads(resources.files("lgnet").joinpath("data/cities_network.json").read_text("utf-8"))
        return cls(
            {
                phase: [Source(s["file"], s["quote"], tuple(s["cities"])) for s in body["sources"]]
                for phase, body in raw["phases"].items()
            }
        )

    def cities(self, phase: str | None = None) -> list[str]:
        """The member cities of one phase, or of any phase, in order of first listing."""
        phases = [phase] if phase else [p for p in PHASES if p in self.sources]
        return list(dict.fromkeys(c for p in phases for s in self.sources.get(p, []) for c in s.cities))

    def phases_of(self, city: str) -> list[str]:
        """The phases a city took part in (canonical gazetteer name), in programme order."""
        return [p for p in PHASES if city in self.cities(p)]

    def is_member(self, city: str) -> bool:
        return bool(self.phases_of(city))
