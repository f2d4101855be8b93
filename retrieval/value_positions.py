"""Each value of a passage metadata field -> the positions of the passages with it: what the lexical index keeps
for the filters (masks) and the facets, moved for a change rather than recounted (retrieval/lexical_update.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np


def values(meta: Mapping[str, Any], fieldname: str) -> list:
    """The values a passage has for `fieldname`: a list field's items; for `city`, its own city and the comuni
    of its sections (`section_cities`, ingest/sections.py: a press review's article about Sarzana is Sarzana's
    passage for the city filter, the facet and the city boost, though the review is filed under no city)."""
    value = meta.get(fieldname)
    found = list(dict.fromkeys(value)) if isinstance(value, list | tuple) else [value]
    if fieldname == "city" and meta.get("section_cities"):
        found += [c for c in meta["section_cities"] if c not in found]
    return found


def remapped(per_value: dict, remap: np.ndarray) -> dict:
    """Per-value positions after a compaction (`remap`: old position -> new, -1 for a passage gone)."""
    out = {}
    for v, positions in per_value.items():
        kept = remap[positions]
        kept = kept[kept >= 0]
        if kept.size:
            out[v] = kept
    return out


def moved(per_value: dict, fieldname: str, moves: list[tuple[int, dict | None, dict]]) -> dict:
    """Per-value positions with each (position, old meta or None, new meta) moved: only the values that a passage
    gained or lost are rewritten (a passage whose duplicate group moved keeps its city, phase, language...), each
    by a binary search into its sorted positions, so a change costs the passages changed, not a pass over the
    corpus (at 100k a common value's 60-100k positions were tested and merged whole: ~70 ms a field)."""
    gone: dict[Any, list[int]] = {}
    come: dict[Any, list[int]] = {}
    for position, old, new in moves:
        was = values(old, fieldname) if old is not None else []
        now = values(new, fieldname)
        for v in was:
            if v not in now:
                gone.setdefault(v, []).append(position)
        for v in now:
            if v not in was:
                come.setdefault(v, []).append(position)
    out = dict(per_value)
    for v in gone.keys() | come.keys():
        positions = out.get(v, np.zeros(0, dtype=np.int64))
        if v in gone:
            positions = np.delete(positions, _found(positions, np.unique(np.array(gone[v], dtype=np.int64))))
        if v in come:
            arrived = np.unique(np.array(come[v], dtype=np.int64))
            arrived = np.delete(arrived, np.flatnonzero(_present(positions, arrived)))
            positions = np.insert(positions, np.searchsorted(positions, arrived), arrived)
        if positions.size:
            out[v] = positions
        else:
            out.pop(v, None)
    return out


def _present(positions: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of `wanted` are in the sorted `positions`."""
    at = np.minimum(np.searchsorted(positions, wanted), max(positions.size - 1, 0))
    return positions[at] == wanted if positions.size else np.zeros(wanted.size, dtype=bool)


def _found(positions: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The indexes in the sorted `positions` of those of `wanted` it holds."""
    at = np.minimum(np.searchsorted(positions, wanted), max(positions.size - 1, 0))
    return at[positions[at] == wanted] if positions.size else np.zeros(0, dtype=np.int64)
