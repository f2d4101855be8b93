"""The map's projection: longitude and latitude to SVG coordinates (equirectangular, scaled at mid-latitude).

The outline is projected once, when it is vendored (web/build_assets.py); the cities are projected with the
same parameters at run time, so they fall in the right place on it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Projection:
    lon_min: float
    lat_max: float
    kx: float  # SVG units per degree of longitude
    ky: float  # SVG units per degree of latitude
    width: float
    height: float

    @classmethod
    def fit(cls, bounds: tuple[float, float, float, float], width: float) -> Projection:
        lon_min, lat_min, lon_max, lat_max = bounds
        shrink = math.cos(math.radians((lat_min + lat_max) / 2))
        kx = width / (lon_max - lon_min)
        ky = kx / shrink
        return cls(lon_min, lat_max, kx, ky, width, round((lat_max - lat_min) * ky, 1))

    @classmethod
    def from_dict(cls, data: dict) -> Projection:
        return cls(**data)

    def to_dict(self) -> dict:
        return asdict(self)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon_min) * self.kx, (self.lat_max - lat) * self.ky
