"""Which batches of the unseen set rule writers have read (lgnet/data/unseen_batches.json).

One register, read by every report (`lgnet eval`'s search and knowledge reports, knowledge/figure_cv.py), so
that no report can call a batch honest after rule work has read it. A batch the register does not list is unseen:
a new batch lands as the honest measure without touching this file.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _register() -> dict[int, dict]:
    data = json.loads(resources.files("lgnet").joinpath("data/unseen_batches.json").read_text("utf-8"))
    return {entry["batch"]: entry for entry in data["batches"]}


def development_batches() -> tuple[int, ...]:
    """Batches rule work has read: development material, never the honest figure."""
    return tuple(sorted(b for b, entry in _register().items() if entry["status"] == "development"))


def is_unseen(batch: int) -> bool:
    """True when no rule writer has read `batch` (listed as unseen, or not listed at all)."""
    return batch not in development_batches()


def mark(batch: int) -> str:
    """What a report line of `batch` adds: nothing for development material, the honest-figure mark otherwise."""
    return "" if batch in development_batches() else " (unseen: the honest figure)"


def describe(batches: list[int]) -> str:
    """One sentence for a report: which of `batches` are development material and which are the honest figure."""
    dev = [b for b in batches if not is_unseen(b)]
    unseen = [b for b in batches if is_unseen(b)]
    parts = []
    if dev:
        parts.append(
            f"{_names(dev)} {'is' if len(dev) == 1 else 'are'} development material (read by rule work "
            "since written: faults fixed by mechanism, never tuned to one item)"
        )
    if unseen:
        dates = [f"{_names([b]) + ' ' if len(unseen) > 1 else ''}written on {_register()[b]['written']}"
                 for b in unseen if b in _register()]  # fmt: skip
        written = f"{', '.join(dates)}, " if dates else ""
        parts.append(
            f"{_names(unseen)} {'is' if len(unseen) == 1 else 'are'} unseen ({written}before the rules that meet "
            "it, and no rule writer has read it since): the honest figure"
        )
    else:
        parts.append(
            "no batch is unseen now: the next batch, written before the next rule work, will be the honest figure"
        )
    return "; ".join(parts) + "."


def _names(batches: list[int]) -> str:
    if len(batches) == 1:
        return f"batch {batches[0]}"
    return f"batches {', '.join(map(str, batches[:-1]))} and {batches[-1]}"
