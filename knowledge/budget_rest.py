"""The co-financing a budget states without naming it: the rest of the total beside a funder's grant.

A budget often gives its total, what the funder grants and the rest, each in words of its own: "Costa in tutto 236.000
euro: 177.000 arrivano dal programma regionale ... La quota locale di 59.000 euro ...", "Its total cost is EUR 268,000,
of which the Fund contributes EUR 220,000; the Municipality provides co-funding of EUR 48,000", "Fondazione X copre
96.000 euro, mentre i restanti 32.000 euro restano in capo al Comune". Of two sums of one document that add up to the
record's total, the one beside the funder's (read as funded, or the other's words naming the municipality and the
funder's not) is the co-financing: a record whose sums name no co-financing takes it so (knowledge/merging.py).
"""

from __future__ import annotations

import re

from lgnet.practice import Amount

# The municipality or the writer's own side in a sum's words: "al Comune spetta una quota di", "a carico nostro",
# "la quota locale", "own contribution"
_OWN_SIDE = re.compile(r"\b(?:comune|citt[àa]|municipality|city|council|amministrazione|nostr[oaie]|local[ei]|"
                       r"propri[oaie]?|own)\b", re.I)  # fmt: skip
_TOLERANCE = 1.0  # euro: sums written in whole euro add up exactly


def _doc(a: Amount) -> str | None:
    return a.source.doc_id if a.source else None


def _beside(grant: Amount, rest: Amount) -> bool:
    """`rest` is the share beside `grant`: the grant read as funded and the rest not, or neither read as funded and
    only the rest's words naming the municipality's side."""
    if grant.kind == "funded":
        return rest.kind != "funded"
    return rest.kind != "funded" and bool(_OWN_SIDE.search(rest.label)) and not _OWN_SIDE.search(grant.label)


def rest_of_total(total: Amount, sums: list[Amount]) -> Amount | None:
    """The co-financing among `sums` (every sum of a record but the total, parts of a total included): the one of two
    sums of one document adding up to `total` that stands beside the funder's; None when no pair, or pairs that
    disagree."""
    pool = [a for a in sums if 0 < a.value < total.value]
    found = {rest.value: rest for grant in pool for rest in pool
             if rest is not grant and _doc(rest) == _doc(grant) and _beside(grant, rest)
             and abs(grant.value + rest.value - total.value) < _TOLERANCE}  # fmt: skip
    if len(found) != 1:
        return None
    return next(iter(found.values())).model_copy(update={"kind": "cofinancing"})
