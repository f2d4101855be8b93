"""Regions, macro-areas and provinces named in a query, and the cities they contain.

The lookups go through `PlaceSource`, a small interface over the gazetteer: a city's region and (when the
gazetteer knows it) its province. Region names in Italian and English are here, the cities come from the
gazetteer, so a richer gazetteer (every comune) widens the answer without a change here.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from lgnet.gazetteer import City, Gazetteer
from lgnet.text import fold

if TYPE_CHECKING:  # the lexical index reads queries through this package: no import at run time
    from retrieval.lexical import LexicalIndex

# The 20 regions (ISTAT names) with the other names people use for them.
REGIONS: dict[str, tuple[str, ...]] = {
    "Abruzzo": ("Abruzzi",),
    "Basilicata": ("Lucania",),
    "Calabria": (),
    "Campania": (),
    "Emilia-Romagna": ("Emilia Romagna", "Emilia", "Romagna"),
    "Friuli-Venezia Giulia": ("Friuli Venezia Giulia", "Friuli"),
    "Lazio": ("Latium",),
    "Liguria": (),
    "Lombardia": ("Lombardy",),
    "Marche": ("the Marches",),
    "Molise": (),
    "Piemonte": ("Piedmont",),
    "Puglia": ("Apulia", "Puglie"),
    "Sardegna": ("Sardinia",),
    "Sicilia": ("Sicily",),
    "Toscana": ("Tuscany",),
    "Trentino-Alto Adige": (
        "Trentino Alto Adige",
        "Trentino-South Tyrol",
        "Trentino",
        "Alto Adige",
        "South Tyrol",
        "Sudtirol",
    ),
    "Umbria": (),
    "Valle d'Aosta": ("Valle d Aosta", "Val d'Aosta", "Aosta Valley", "Vallee d'Aoste"),
    "Veneto": (),
}
# What the people and things of a region are called ("progetti pugliesi", "comuni siciliani", "Sicilian towns"):
# Italian adjectives in "-o" take -o/-a/-i/-e (written "sicilian*"), the others are listed whole. A name that is
# also a person's or a city's ("romano", "giuliano", "Venetian") is left out.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Abruzzo": ("abruzzese", "abruzzesi"),
    "Basilicata": ("lucan*", "Lucanian"),
    "Calabria": ("calabrese", "calabresi", "Calabrian"),
    "Campania": ("campano", "campani", "Campanian"),  # "campana", "campane": bells
    "Emilia-Romagna": ("emilian*", "romagnol*", "Emilian"),
    "Friuli-Venezia Giulia": ("friulan*", "Friulian"),
    "Lazio": ("laziale", "laziali"),
    "Liguria": ("ligure", "liguri", "Ligurian"),
    "Lombardia": ("lombard*", "Lombard"),
    "Marche": ("marchigian*",),
    "Molise": ("molisan*",),
    "Piemonte": ("piemontese", "piemontesi", "Piedmontese"),
    "Puglia": ("pugliese", "pugliesi", "Apulian"),
    "Sardegna": ("sard*", "Sardinian"),
    "Sicilia": ("sicilian*", "Sicilian"),
    "Toscana": ("toscan*", "Tuscan"),
    "Trentino-Alto Adige": ("trentin*", "altoatesin*", "sudtirolese", "sudtirolesi"),
    "Umbria": ("umbr*", "Umbrian"),
    "Valle d'Aosta": ("valdostan*",),
    "Veneto": ("venet*",),
}


def demonym_forms(region: str) -> list[str]:
    """The words that name a region's people or things, every gender and number spelt out."""
    forms = []
    for word in DEMONYMS.get(region, ()):
        forms += [word[:-1] + end for end in "oaie"] if word.endswith("*") else [word]
    return forms


# ISTAT's macro-areas (ripartizioni), as people say them.
MACRO_AREAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Nord": (
        ("nord italia", "italia settentrionale", "nord del paese", "northern italy", "north of italy"),
        ("Piemonte", "Valle d'Aosta", "Liguria", "Lombardia", "Trentino-Alto Adige", "Veneto",
         "Friuli-Venezia Giulia", "Emilia-Romagna"),
    ),
    "Centro": (
        ("centro italia", "italia centrale", "central italy", "centre of italy"),
        ("Toscana", "Umbria", "Marche", "Lazio"),
    ),
    "Sud e Isole": (
        ("sud italia", "italia meridionale", "mezzogiorno", "meridione", "al sud", "del sud", "nel sud",
         "southern italy", "south of italy", "the south"),
        ("Abruzzo", "Molise", "Campania", "Puglia", "Basilicata", "Calabria", "Sicilia", "Sardegna"),
    ),
}  # fmt: skip


class PlaceSource(Protocol):
    """What place recognition needs from the gazetteer."""

    def region_names(self) -> dict[str, tuple[str, ...]]: ...

    def province_names(self) -> list[str]: ...

    def cities_of(self, regions: set[str], provinces: set[str]) -> list[str]: ...


class GazetteerPlaces:
    """PlaceSource over lgnet.gazetteer: its regions (with English names and aliases) and provinces when it
    has them, this module's table of regions otherwise."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self._by_place: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None

    def region_names(self) -> dict[str, tuple[str, ...]]:
        regions = getattr(self.gazetteer, "regions", None)
        if not regions:
            return REGIONS
        names = {r.name: tuple(r.forms) for r in regions}
        for name, aliases in REGIONS.items():  # the other names people use, kept whatever the gazetteer says
            names[name] = tuple(dict.fromkeys((*names.get(name, ()), *aliases)))
        return names

    def province_names(self) -> list[str]:
        provinces = getattr(self.gazetteer, "provinces", None) or {}
        return sorted({part for name in provinces.values() for part in name.split("/")})

    def cities_of(self, regions: set[str], provinces: set[str]) -> list[str]:
        by_region, by_province = self._index()
        names = [n for r in sorted(regions) for n in by_region.get(r, [])]
        names += [n for p in sorted({fold(p) for p in provinces}) for n in by_province.get(p, [])]
        return list(dict.fromkeys(names))

    def _index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Cities by region and by (folded) province, built once on first use: scanning every comune per
        query cost ~30 ms."""
        if self._by_place is None:
            by_region: dict[str, list[str]] = {}
            by_province: dict[str, list[str]] = {}
            for c in self.gazetteer.cities:
                if c.region:
                    by_region.setdefault(c.region, []).append(c.name)
                for p in getattr(c, "province", "").split("/"):
                    if p:
                        by_province.setdefault(fold(p), []).append(c.name)
            self._by_place = (by_region, by_province)
        return self._by_place


@dataclass
class PlaceMention:
    kind: str  # "region", "macro_area" or "province"
    name: str
    regions: list[str]
    start: int
    end: int
    provinces: list[str] = field(default_factory=list)


class PlaceRecognizer:
    def __init__(self, source: PlaceSource | None = None) -> None:
        self.source = source or GazetteerPlaces()
        forms: list[tuple[str, str, str]] = []  # (folded form, kind, name)
        for region, aliases in self.source.region_names().items():
            for form in (region, *aliases, *demonym_forms(region)):
                forms.append((_key(form), "region", region))
        for area, (names, _) in MACRO_AREAS.items():
            forms += [(_key(n), "macro_area", area) for n in names]
        provinces = self.source.province_names()
        # A province is named as such ("provincia di Bari", "province of Bari"): a bare name is the city.
        forms += [(f"provincia di {_key(p)}", "province", p) for p in provinces]
        forms += [(f"province of {_key(p)}", "province", p) for p in provinces]
        forms += [(f"{_key(p)} province", "province", p) for p in provinces]
        self._kind = {form: (kind, name) for form, kind, name in forms}
        alternatives = "|".join(re.escape(f) for f in sorted(self._kind, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def forms(self) -> list[str]:
        """Every way of naming a place this recognises (folded), for spelling corrections."""
        return [form.removeprefix("provincia di ").removeprefix("province of ") for form in self._kind]

    def find(self, folded: str) -> list[PlaceMention]:
        found = []
        for m in self._pattern.finditer(_key(folded)):
            kind, name = self._kind[m.group(0)]
            if kind == "region":
                found.append(PlaceMention(kind, name, [name], m.start(), m.end()))
            elif kind == "macro_area":
                found.append(PlaceMention(kind, name, list(MACRO_AREAS[name][1]), m.start(), m.end()))
            else:
                found.append(PlaceMention(kind, name, [], m.start(), m.end(), [name]))
        return found

    def warm_up(self) -> None:
        """Build the source's cities-by-place index before the first question needs it."""
        self.source.cities_of({"Lazio"}, set())

    def cities_in(self, mentions: list[PlaceMention]) -> list[str]:
        """The gazetteer's cities inside the places mentioned."""
        regions = {r for m in mentions for r in m.regions}
        provinces = {p for m in mentions for p in m.provinces}
        return self.source.cities_of(regions, provinces) if regions or provinces else []


def _key(text: str) -> str:
    """Folded, apostrophes and hyphens as spaces: offsets stay those of the folded query."""
    return re.sub(r"['’-]", " ", fold(text))


DOCUMENT_CITIES_KEPT = 4096  # documents whose named cities are remembered per index (a few hundred KB)
_document_cities: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # index -> {doc_id: city names}
_document_lock = threading.Lock()
# Read at warm-up (~1.5 ms of CPU each on the 1k bench index: 92 documents, 140 ms); below the bound kept.
DOCUMENTS_AT_WARM_UP = 1024


def in_places(
    index: LexicalIndex,
    candidates: Iterable[int],
    regions: Collection[str],
    provinces: Collection[str],
    cities: Collection[str],
    gazetteer: Gazetteer | None = None,
) -> np.ndarray:
    """Mask of the passages in the places a query names: those of its `cities` (the places' comuni), and, among
    the `candidates`, those of a document filed without a city whose text names cities of those places only
    (a practice report "tra Vasto, San Salvo e Casalbordino" is about Abruzzo, city or not), and, of such a
    document that also names other places, the passages that name cities of those places only (a provincial
    press review's article about Carpi is in the province of Modena though its news in brief names Bologna)."""
    inside = index.mask("city", list(cities))
    metas = index.corpus.metas
    unplaced = {str(metas[p].get("doc_id")) for p in candidates if not metas[p].get("city")}
    if not unplaced or not (regions or provinces):
        return inside
    gazetteer = gazetteer or Gazetteer.default()
    wanted_provinces = {fold(p) for p in provinces}

    def within(named: list[City]) -> bool:
        return bool(named) and all(
            city.region in regions or any(fold(p) in wanted_provinces for p in city.province.split("/"))
            for city in named
        )

    by_doc = index.positions("doc_id")  # per value, computed once per index
    for doc in unplaced:
        positions = by_doc.get(doc, np.zeros(0, dtype=np.int64))
        named, per_passage = _cities_of_document(index, doc, positions, gazetteer)
        if within(named):
            inside[positions] = True
            continue
        for position, of_passage in zip(positions.tolist(), per_passage, strict=True):
            if within(of_passage):
                inside[position] = True
    return inside


def warm_up_documents(index: LexicalIndex, gazetteer: Gazetteer, limit: int = DOCUMENTS_AT_WARM_UP) -> None:
    """Read the cities of the documents filed without a city now (the first `limit` of them): a region's
    question otherwise read them all at once (34 documents, 90-100 ms, for the first of three such questions
    among 92 never seen on the 1k bench index)."""
    metas = index.corpus.metas
    unplaced = list(dict.fromkeys(str(m.get("doc_id")) for m in metas if not m.get("city")))
    by_doc = index.positions("doc_id")
    for doc in unplaced[:limit]:
        _cities_of_document(index, doc, by_doc.get(doc, np.zeros(0, dtype=np.int64)), gazetteer)


def _cities_of_document(
    index: LexicalIndex, doc: str, positions: np.ndarray, gazetteer: Gazetteer
) -> tuple[list[City], list[list[City]]]:
    """The gazetteer's cities a document's passages name, all of them and per passage (in the order of
    `positions`), remembered per index: the same few documents come back query after query."""
    with _document_lock:
        known = _document_cities.setdefault(index, {})
        if doc in known:
            return known[doc]
    per_passage = [
        list({m.city.name: m.city for m in gazetteer.mentions(index.corpus.texts[p])}.values()) for p in positions
    ]
    names = {city.name: city for named in per_passage for city in named}
    found = (list(names.values()), per_passage)
    with _document_lock:
        if len(known) >= DOCUMENT_CITIES_KEPT:
            known.clear()
        known[doc] = found
    return found
