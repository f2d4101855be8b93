"""Counts about another comune: a clause that places what it counts in a comune other than the record's city
("il servizio gemello che gestiamo per il Comune di Carrara ha accolto 22 persone", "a Torino i condomini solidali
hanno accolto 45 persone", "A Otranto ... sono arrivate oltre 3.000 persone") is that comune's count, not this
record's: a report names neighbours, models and comparisons in the paragraph of its own figures. Only a count
after the place in its clause: the place comes first when it sets the scene.

The place is a comune of the gazetteer written as a place: after "Comune di" (and its forms), or after a
locative preposition ("a", "ad", "in", "nel", "presso", "at"), or after "di" following a common noun ("la
struttura di Merano"). Not where people came from or went ("da", "verso", "from", "to"), not a list ("tra"), not
part of a name ("Caritas di Roma", "Università di Padova", "Barriera di Milano"), a street ("via Roma") or a
province, diocese or region named after its chief town ("provincia di Perugia"). The other comune is a well-known
city or one of the same region (a neighbour, a model, a comparison): a lesser-known comune of another region is
rather a district of the city with the same name ("a San Lorenzo" in Rome, San Lorenzo a comune in Calabria).
"""

from __future__ import annotations

import re

from lgnet.gazetteer import Gazetteer, Mention, same_comune
from lgnet.text import fold

# Words before a comune's name that place what the clause says there.
_AT = frozenset({"a", "ad", "in", "nel", "nella", "presso", "at"})
# "di X" after these is a body or an area named after its chief town, not the place of a count.
_NOT_PLACE_OF = re.compile(
    r"\b(?:provincia|province|diocesi|diocese|arcidiocesi|prefettura|questura|regione|area|citta metropolitana|"
    r"distretto|ambito|asl|asp|ats|ulss|tribunale|universita|ateneo|porto|aeroporto|stazione)\s+di\s+$"
)
_WORD_BEFORE = re.compile(r"([\w']+)\s+$")


def _is_place(body: str, m: Mention) -> bool:
    if m.evidence == "phrase":  # "Comune di Carrara", "la città di Merano"
        return True
    head = body[max(0, m.start - 40) : m.start]
    word = _WORD_BEFORE.search(head)
    if word is None:
        return False
    before = word.group(1)
    low = fold(before)
    if low in _AT:
        return True
    if low == "di":
        prior = _WORD_BEFORE.search(head[: word.start()])
        return bool(prior and prior.group(1)[0].islower() and not _NOT_PLACE_OF.search(fold(head)))
    return False


def other_comune_clauses(body: str, city: str | None, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The parts of a sentence's clauses (between ";", ":" and the sentence's bounds) after a comune other than
    `city` placing what they say: a count after the place is about it; one before it is not ("27 households found
    a home, 9 of them in Caserta": where this project's people went, "12 of them from the municipalities of ...":
    where they came from)."""
    if not city:
        return []
    home = gazetteer.get(city)
    out: list[tuple[int, int]] = []
    for m in gazetteer.mentions(body):
        if same_comune(city, m.city.name) or m.city.name == city or not _is_place(body, m):
            continue
        if not m.city.well_known and home is not None and m.city.region != home.region:
            continue  # a small comune far away is rather a district of the city named alike ("a San Lorenzo", Rome)
        left = max(body.rfind(c, 0, m.start) for c in ";:") + 1
        right = [i for i in (body.find(c, m.end) for c in ";:") if i >= 0]
        out.append((max(left, m.end), min(right) if right else len(body)))
    return out


def about_elsewhere(clauses: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a count at body[start:end] is in one of those clauses."""
    return any(left <= start and end <= right for left, right in clauses)
