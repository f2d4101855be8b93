"""Which of two comuni sharing a name a document means: the provinces and regions of the other places it names.

Used by lgnet.gazetteer's document scan ("San Teodoro" beside Olbia and Budoni is San Teodoro (SS))."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lgnet.cities import City
    from lgnet.gazetteer import Mention
    from lgnet.place_names import Entry


@dataclass
class HomonymContext:
    """The provinces and regions a text is set in: those of the comuni it names unambiguously and the provinces
    and regions it names ("Olbia", "Budoni", "Regione Sardegna": Sassari's province, Sardinia)."""

    provinces: dict[str, int] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, found: list[Mention], areas: list[Entry]) -> HomonymContext:
        ctx = cls()
        for c in {m.city.name: m.city for m in found}.values():
            ctx.provinces[c.province_code] = ctx.provinces.get(c.province_code, 0) + 1
            ctx.regions[c.region] = ctx.regions.get(c.region, 0) + 1
        for e in areas:
            if e.kind == "province":
                ctx.provinces[e.target] = ctx.provinces.get(e.target, 0) + 1
            elif e.kind == "region":
                ctx.regions[e.target.name] = ctx.regions.get(e.target.name, 0) + 1
        return ctx

    def __bool__(self) -> bool:
        return bool(self.provinces or self.regions)

    def choose(self, graded: list[tuple[Entry, str]]) -> list[tuple[Entry, str]]:
        """The one homonym the text's places point to: clearly more of them in its province (each counting twice)
        or region than in any other's; none when they do not say."""

        def support(c: City) -> int:
            return 2 * self.provinces.get(c.province_code, 0) + self.regions.get(c.region, 0)

        ranked = sorted(graded, key=lambda g: support(g[0].target), reverse=True)
        best, second = support(ranked[0][0].target), support(ranked[1][0].target)
        return ranked[:1] if best > 0 and best >= 2 * second else []


@dataclass
class DocumentScan:
    """What one pass over a document noticed besides its mentions."""

    homonyms: bool = False  # a homonym left unresolved
    areas: list[Entry] = field(default_factory=list)  # regions and provinces named
    context: HomonymContext | None = None
