"""A dict written over an earlier one without copying it: what a derived index of the next lexical index (after a
change of a few passages) keeps of the previous one's 100k entries. The earlier dict is shared, never changed;
this layer holds what was written and removed since. Past `MAX_DEPTH` layers one is made flat (a copy)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")
MAX_DEPTH = 16  # a lookup walks this many layers at most; a copy every 16 changes (~10-30 ms at 100k)
_GONE = object()


class Layered(MutableMapping[K, V], Generic[K, V]):
    __slots__ = ("_base", "_top", "_depth")
    _base: Mapping[K, V]
    _top: dict[K, object]
    _depth: int

    def __init__(self, base: Mapping[K, V] | None = None) -> None:
        base = {} if base is None else base
        depth = base._depth + 1 if isinstance(base, Layered) else 1
        if depth > MAX_DEPTH:
            base, depth = _flat(base), 1
        self._base = base
        self._top = {}
        self._depth = depth

    def __getitem__(self, key: K) -> V:
        value = self._top.get(key, _GONE) if key in self._top else self._base[key]
        if value is _GONE:
            raise KeyError(key)
        return value  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        if key in self._top:
            return self._top[key] is not _GONE
        return key in self._base

    def __setitem__(self, key: K, value: V) -> None:
        self._top[key] = value

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        self._top[key] = _GONE

    def __iter__(self) -> Iterator[K]:
        for key in self._base:
            if key not in self._top:
                yield key
        for key, value in self._top.items():
            if value is not _GONE:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _flat(layered: Mapping[K, V]) -> dict[K, V]:
    """A plain dict of a layered one: the bottom dict copied (in C), then each layer's writes and removals applied
    from the bottom up (iterating the layers key by key through their generators cost ~1.4 s at 100k keys)."""
    layers: list[dict] = []
    node: Mapping[K, V] = layered
    while isinstance(node, Layered):
        layers.append(node._top)
        node = node._base
    out = dict(node)
    for top in reversed(layers):
        for key, value in top.items():
            if value is _GONE:
                out.pop(key, None)
            else:
                out[key] = value
    return out
