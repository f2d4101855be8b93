"""The filters of every request that narrows the base (search, document list, practice catalogue, overview,
the site's page state): one value object, validated in one place.

`SearchFilters.parse` resolves each city through the gazetteer to its one name (any comune, Italian or English,
aliases and all) and each region likewise, checks every other value against the closed vocabularies
(lgnet.vocabulary's types and phases, the taxonomy's areas) and years against the bounds. The API parses
strictly (an unknown value is an InvalidRequest naming the field and what it allows); the site parses
leniently (a hand-edited URL's unknown values are dropped and reported). Everything downstream (the lexical
mask, the Chroma `where`, the document list, the catalogue) reads the parsed object and never checks again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

import numpy as np

from lgnet.errors import InvalidRequest
from lgnet.gazetteer import Gazetteer
from lgnet.network import Network
from lgnet.taxonomy import Taxonomy
from lgnet.vocabulary import DOC_TYPES, PHASES
from retrieval.bounds import MAX_YEAR, MIN_YEAR
from retrieval.value_positions import values

NO_PHASE = "nd"  # the catalogue's value for records whose documents state no phase
# Filter name -> the passage metadata field it reads (the facet names are the filter names).
ALIASES = {"area": "intervention"}  # the catalogue's name for an intervention area
META_FIELDS = {"city": "city", "intervention": "interventions", "doc_type": "doc_type", "phase": "phase",
               "year": "year"}  # fmt: skip
SEARCH_FILTERS = tuple(META_FIELDS)  # the filters (and facets) of a passage search, in the order pages show them


@dataclass(frozen=True)
class FilterVocabulary:
    """What a filter value may be. Cities and regions are resolved through the gazetteer (so any comune is
    accepted); the network's cities are the ones worth listing as allowed."""

    gazetteer: Gazetteer
    interventions: tuple[str, ...]

    @classmethod
    def default(cls) -> FilterVocabulary:
        return cls(Gazetteer.default(), tuple(Taxonomy.default().codes))

    def allowed(self) -> dict[str, list]:
        return {name: list(values) for name, values in self._allowed.items()}

    @cached_property
    def _allowed(self) -> dict[str, list]:
        return {
            "city": sorted(Network.default().cities()),
            "intervention": list(self.interventions),
            "doc_type": list(DOC_TYPES),
            "phase": list(PHASES),
            "region": sorted(r.name for r in self.gazetteer.regions),
        }

    def check(self, name: str, value: object, no_phase: bool = False) -> object | None:
        """The canonical form of one filter value, or None when it is not allowed."""
        if name == "year":
            text = str(value).strip()
            return int(text) if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR else None
        if not isinstance(value, str):
            return None
        if name == "city":
            city = self.gazetteer.get(value)
            return city.name if city else None
        if name == "region":
            region = self.gazetteer.region(value)
            return region.name if region else None
        if name == "phase" and no_phase and value == NO_PHASE:
            return value
        return value if value in self._allowed[name] else None


@dataclass(frozen=True)
class SearchFilters:
    """Checked filters: within one field any value matches, fields combine with AND."""

    city: tuple[str, ...] = ()
    intervention: tuple[str, ...] = ()
    doc_type: tuple[str, ...] = ()
    phase: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    region: tuple[str, ...] = ()

    @classmethod
    def parse(cls, raw: Mapping[str, Any], vocabulary: FilterVocabulary, *, no_phase: bool = False) -> SearchFilters:
        """Strict: the first unknown value is an InvalidRequest naming the field and the allowed values.
        `raw` maps filter names to a value, a list of values or None; `no_phase` accepts NO_PHASE."""
        filters, ignored = cls._parse(raw, vocabulary, no_phase)
        if ignored:
            name, value = ignored[0]
            allowed = vocabulary.allowed().get(ALIASES.get(name, name), [f"{MIN_YEAR}-{MAX_YEAR}"])
            if name == "phase" and no_phase:
                allowed = [*allowed, NO_PHASE]
            raise InvalidRequest(f"unknown {name} {value!r}", {"field": name, "allowed": allowed})
        return filters

    @classmethod
    def lenient(
        cls, raw: Mapping[str, Any], vocabulary: FilterVocabulary, *, no_phase: bool = False
    ) -> tuple[SearchFilters, list[str]]:
        """For a hand-edited URL: the allowed values, and the others (as typed, shortened) to report."""
        filters, ignored = cls._parse(raw, vocabulary, no_phase)
        return filters, [str(value)[:60] for _, value in ignored]

    @classmethod
    def _parse(
        cls, raw: Mapping[str, Any], vocabulary: FilterVocabulary, no_phase: bool
    ) -> tuple[SearchFilters, list[tuple[str, object]]]:
        unknown = {ALIASES.get(n, n) for n in raw} - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"not a filter: {sorted(unknown)}")  # a programming error, not a user's
        values: dict[str, tuple] = {}
        ignored: list[tuple[str, object]] = []
        for asked, given in raw.items():  # errors name the parameter as asked ("area")
            name = ALIASES.get(asked, asked)
            kept: list = list(values.get(name, ()))
            for value in _as_list(given):
                checked = vocabulary.check(name, value, no_phase)
                if checked is None:
                    ignored.append((asked, value))
                elif checked not in kept:
                    kept.append(checked)
            values[name] = tuple(kept)
        return cls(**values), ignored

    # --- reading -------------------------------------------------------------------------------------------
    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def as_dict(self) -> dict[str, list]:
        """The filters set, as lists (the API's `filters` and the site's state)."""
        return {f.name: list(getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)}

    def for_records(self) -> SearchFilters:
        """The part a practice record can be matched by (a record has a city, an area and a phase)."""
        return replace(self, doc_type=(), year=(), region=())

    def matches(self, meta: Mapping[str, Any]) -> bool:
        """Whether a passage's, document's or record's metadata passes (keys as in META_FIELDS; a missing
        phase is NO_PHASE). Regions are matched by the caller, which knows each city's region."""
        for name, field in META_FIELDS.items():
            wanted = getattr(self, name)
            if not wanted:
                continue
            have = values(meta, field)  # a city's: its own and its sections' comuni, as the index's masks read it
            if name == "phase":
                have = [v or NO_PHASE for v in have]
            if not any(v in wanted for v in have):
                return False
        return True

    def mask(self, index: Any) -> np.ndarray | None:
        """Which passages of a lexical index pass (from the per-value masks the index keeps); None without
        filters. The lexical twin of `where`."""
        mask = None
        for name, field in META_FIELDS.items():
            values = getattr(self, name)
            if values:
                one = index.mask(field, list(values))
                mask = one if mask is None else mask & one
        return mask

    def where(self) -> dict | None:
        """The filters as a Chroma `where` clause (pushed down to the dense retriever)."""
        clauses: list[dict] = []
        for name, field in META_FIELDS.items():
            values = list(getattr(self, name))
            if not values:
                continue
            if name == "intervention":  # a list field: any of the areas
                ors = [{field: {"$contains": v}} for v in values]
                clauses.append(ors[0] if len(ors) == 1 else {"$or": ors})
            elif name == "city":  # its own city, or a section about the comune (as the lexical masks read it)
                sections = [{"section_cities": {"$contains": v}} for v in values]
                clauses.append({"$or": [{field: {"$in": values}}, *sections]})
            else:
                clauses.append({field: {"$in": values}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set):
        return [v for v in value if v is not None and v != ""]
    return [value]
