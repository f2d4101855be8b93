"""Each value of a passage metadata field -> the positions of the passages with it: what the lexical index keeps
for the filters (masks) and the facets, moved for a change rather than recounted (retrieval/lexical_update.py)."""

from __future__ import annotations

from typing import Any

import numpy as np


def values(meta: dict, fieldname: str) -> list:
    value = meta.get(fieldname)
    return list(dict.fromkeys(value)) if isinstance(value, list) else [value]


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
    """Per-value positions with each (position, old meta or None, new meta) moved: only the values touched
    are rewritten, so a change costs the passages changed, not a pass over the corpus."""
    gone: dict[Any, list[int]] = {}
    come: dict[Any, list[int]] = {}
    for position, old, new in moves:
        for v in values(old, fieldname) if old is not None else ():
            gone.setdefault(v, []).append(position)
        for v in values(new, fieldname):
            come.setdefault(v, []).append(position)
    out = dict(per_value)
    for v in gone.keys() | come.keys():
        positions = out.get(v, np.zeros(0, dtype=np.int64))
        if v in gone:
            positions = positions[~np.isin(positions, gone[v])]
        if v in come:
            arrived = np.unique(np.array(come[v], dtype=np.int64))
            if positions.size and arrived[0] > positions[-1]:  # appended passages: no sort of the value's positions
                positions = np.concatenate([positions, arrived])
            else:
                positions = np.union1d(positions, arrived)
        if positions.size:
            out[v] = positions
        else:
            out.pop(v, None)
    return out
