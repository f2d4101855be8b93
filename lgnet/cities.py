"""The gazetteer's places: every Italian comune (ISTAT's list, lgnet/comuni.py) as a `City` with region, province
and NUTS codes, plus English names, aliases and coordinates (data/cities.json), whether its name is also a common
word (data/cities_common_words.json), and the regions in Italian and English (data/cities_regions.json).

Finding them in text is lgnet/gazetteer.py's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from lgnet.comuni import load_comuni
from lgnet.text import fold


@dataclass(frozen=True)
class City:
    name: str  # canonical: the Italian name, "Castro (LE)" for the few homonyms
    name_en: str
    region: str
    lat: float | None
    lon: float | None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    province: str = ""  # ISTAT's supra-municipal unit (province, metropolitan city, free consortium)
    province_code: str = ""  # car plate code: TO, MI, BZ
    istat: str = ""
    nuts3: str = ""
    capital: bool = False  # chief town of its province
    well_known: bool = False  # a chief town or a city with an entry in data/cities.json
    common_word: bool = False  # its name is also a word or a first name: needs evidence in documents
    curated: bool = False  # has an entry in data/cities.json (the network's cities, English exonyms)
    official: str = ""  # the name as ISTAT writes it (without the province code of homonyms)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form of the city: Italian, English, aliases."""
        return tuple(dict.fromkeys((self.official or self.name, self.name_en, *self.aliases)))


@dataclass(frozen=True)
class Region:
    name: str  # short Italian name: "Trentino-Alto Adige"
    name_en: str
    aliases: tuple[str, ...] = ()
    code: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, self.name_en, *self.aliases)))


def load_cities() -> tuple[list[City], list[Region], dict[str, list[str]]]:
    """Every comune of ISTAT's list as a City (homonyms named with their province code, "Castro (LE)"), the regions,
    and the provinces' other names: the `Gazetteer.default()` data."""
    data = resources.files("lgnet").joinpath("data")
    extras = json.loads(data.joinpath("cities.json").read_text("utf-8"))["cities"]
    geo = json.loads(data.joinpath("cities_regions.json").read_text("utf-8"))
    common = json.loads(data.joinpath("cities_common_words.json").read_text("utf-8"))
    words, chief_words = set(common["words"]), set(common["chief_towns"])
    regions = [Region(r["name"], r["name_en"], tuple(r["aliases"])) for r in geo["regions"]]
    region_by_istat = {fold(a): r for r in regions for a in (r.name, *r.aliases)}
    rows = load_comuni()
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.name] = counts.get(row.name, 0) + 1
    cities = []
    for row in rows:
        extra = extras.get(row.name, {})
        region = region_by_istat.get(fold(row.region)) or region_by_istat.get(fold(row.region.split("/")[0]))
        if region is None:
            raise ValueError(f"data/cities_regions.json has no region named {row.region!r} (ISTAT)")
        names = [n for n in row.name_other.split("/") if n] if row.name_other else []
        aliases = tuple(dict.fromkeys([*names, *extra.get("aliases", [])]))
        name = row.name if counts[row.name] == 1 else f"{row.name} ({row.province_code})"
        cities.append(
            City(
                name=name,
                name_en=extra.get("name_en", row.name),
                region=region.name,
                lat=extra.get("lat"),
                lon=extra.get("lon"),
                aliases=aliases,
                province=row.province,
                province_code=row.province_code,
                istat=row.istat,
                nuts3=row.nuts3,
                capital=row.capital,
                well_known=row.capital or bool(extra),
                curated=bool(extra),
                common_word=not extra and any(n in (chief_words if row.capital else words) for n in (row.name, *names)),
                official=row.name,
            )
        )
    missing = set(extras) - {c.official for c in cities}
    if missing:
        raise ValueError(f"data/cities.json names comuni ISTAT does not list: {sorted(missing)}")
    return cities, regions, geo.get("province_aliases", {})
