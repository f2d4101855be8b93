"""The network's cities: Italian and English names, aliases, region, coordinates (data in data/cities.json)."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from lgnet.text import fold


@dataclass(frozen=True)
class City:
    name: str
    name_en: str
    region: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form of the city: Italian, English, aliases."""
        return tuple(dict.fromkeys((self.name, self.name_en, *self.aliases)))


@dataclass(frozen=True)
class Mention:
    city: City
    start: int
    end: int
    form: str


class Gazetteer:
    """Finds cities in text (case-aware, for documents) and in queries (case-free, typo-tolerant)."""

    def __init__(self, cities: list[City]) -> None:
        self.cities = cities
        self.by_name = {c.name: c for c in cities}
        forms = sorted({f for c in cities for f in c.forms}, key=len, reverse=True)
        self._form_to_city = {f: c for c in cities for f in c.forms}
        self._folded_to_city = {fold(f): c for c in cities for f in c.forms}
        alternatives = "|".join(re.escape(f) for f in forms)
        alternatives_upper = "|".join(re.escape(f.upper()) for f in forms)
        # Documents: the written form or ALL CAPS (datelines "TORINO, 18 OTT"); "potenza" (power) is not a city.
        self._doc_pattern = re.compile(rf"(?<!\w)(?:{alternatives}|{alternatives_upper})(?!\w)")
        self._query_pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(fold(f)) for f in forms)})(?!\w)")
        self._typo_cache: dict[str, str | None] = {}

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        raw = json.loads(resources.files("lgnet").joinpath("data/cities.json").read_text("utf-8"))
        return cls([City(**{**c, "aliases": tuple(c["aliases"])}) for c in raw["cities"]])

    def get(self, name: str) -> City | None:
        """A city by any of its forms, case- and accent-insensitive ('Florence', 'firenze', 'Bozen')."""
        return self._folded_to_city.get(fold(name.strip()))

    def mentions(self, text: str) -> list[Mention]:
        found = []
        for m in self._doc_pattern.finditer(text):
            form = m.group(0)
            city = self._form_to_city.get(form) or self._folded_to_city[fold(form)]
            found.append(Mention(city, m.start(), m.end(), form))
        return found

    def cities_in(self, text: str) -> list[str]:
        """Names of the cities mentioned, in order of first mention, without repeats."""
        return list(dict.fromkeys(m.city.name for m in self.mentions(text)))

    def query_mentions(self, query: str) -> list[Mention]:
        """Cities named in a user query, in any case, and with typos ('Turino', 'Palremo') for longer words."""
        folded = fold(query)
        found = [
            Mention(self._folded_to_city[m.group(0)], m.start(), m.end(), m.group(0))
            for m in self._query_pattern.finditer(folded)
        ]
        taken = [(m.start, m.end) for m in found]
        for word in re.finditer(r"\w{5,}", folded):
            if any(s <= word.start() < e for s, e in taken):
                continue
            close = self._closest_name(word.group(0))
            if close:
                found.append(Mention(self._folded_to_city[close], word.start(), word.end(), word.group(0)))
        return sorted(found, key=lambda m: m.start)

    def _closest_name(self, word: str) -> str | None:
        """The city form a (folded) word is probably a misspelling of; remembered, as users repeat words."""
        if word not in self._typo_cache:
            keys = [k for k in self._folded_to_city if " " not in k]
            close = difflib.get_close_matches(word, keys, n=1, cutoff=0.8)
            if len(self._typo_cache) > 50_000:
                self._typo_cache.clear()
            self._typo_cache[word] = close[0] if close else None
        return self._typo_cache[word]
