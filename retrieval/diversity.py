"""Per-document diversity of a ranked list: at most `limit` passages of one article (or its syndicated copies)
in each block of `window` results. A passage over the limit moves down to the next block, not to the end of the
list: the third good passage of the one report that answers stays on the first page, below the best of two
other documents, where sending it after every other match buried it (docs/search-quality.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

WINDOW = 5  # results per block: what a screen shows above the fold
HEAD = 100  # the blocks are built over the best this many; the rest keep their order after them

T = TypeVar("T")


def diversify(ranked: Sequence[T], document_of: Callable[[T], str], limit: int, window: int = WINDOW) -> list[T]:
    """`ranked` reordered so that no block of `window` results holds more than `limit` passages of one document
    (when the list has other documents to fill it with); otherwise in the order given."""
    if limit <= 0 or len(ranked) <= limit:
        return list(ranked)
    order = diversify_order([document_of(c) for c in ranked[:HEAD]], limit, window)
    return [ranked[i] for i in order] + list(ranked[HEAD:])


def diversify_order(keys: Sequence[Hashable], limit: int, window: int = WINDOW) -> list[int]:
    """`diversify` on the documents of the list's head alone (`keys`, at most HEAD): the indices of `keys` in
    the new order."""
    pending = list(range(len(keys)))
    left = list(keys)
    out: list[int] = []
    block: Counter[Hashable] = Counter()
    while pending:
        if len(out) % window == 0:
            block.clear()
        pick = next((i for i, k in enumerate(left) if block[k] < limit), 0)
        block[left.pop(pick)] += 1
        out.append(pending.pop(pick))
    return out
