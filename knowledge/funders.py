"""Who funds a city's project rather than working on it, by who it is: the banking foundations (fondazioni di origine
bancaria, lgnet/data/banking_foundations.json: a closed public set, ACRI's members) and the funders they founded
(Fondazione con il Sud). Whatever a sentence's verb ("La Fondazione CRC ha sostenuto la ristrutturazione",
"Bando ... – Fondazione Caritro", "la Fondazione Cariplo 80.000"), such a body gives money; only a document's own
partnership list can make one a partner (`knowledge.partner_lists`, a "formal" finding), and that is believed.

A foundation missing from the list is still known by the shape of its name: "Fondazione Cassa di Risparmio di X",
"Fondazione Banca del Monte di X", "Fondazione Monte di Pietà di X", "Fondazione CR X".

A Region is such a funder too: it grants its comuni's projects by a convention ("come stabilito dalla convenzione con
la Regione", "come da convenzione con la Regione X", "the agreement with the Y Region"), which names it with the cues
of a partnership; only a partnership list makes it a partner."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from knowledge.org_names import comparable_name

_SHAPE = re.compile(r"^fondazione\s+(?:(?:cassa|casse)\s+(?:di|dei)\s+risparmi[oa]?|(?:banca|banco)\s+del\s+monte|"
                    r"monte\s+(?:di|dei)|cr)\s")  # fmt: skip
# What may follow a name without making it another body's: a legal form, a number run on from a sum ("la Fondazione
# Cariplo 80.000": the name read as "Fondazione Cariplo 80")
_TRAILING = re.compile(r"(?:\s+(?:onlus|ets|\d+))+$")
# A Region, the body ("Regione", "Regione X", "Regione autonoma X", "the X Region", "Region of X"), in comparable form
_REGION = re.compile(r"^(?:the\s+)?(?:regione|region)\b|^(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+region$")


@cache
def _names() -> frozenset[str]:
    raw = json.loads(resources.files("lgnet").joinpath("data/banking_foundations.json").read_text("utf-8"))
    names = [n for entry in raw["foundations"] for n in entry] + [n for e in raw["other_funders"]["names"] for n in e]
    return frozenset(comparable_name(n) for n in names)


def funder_by_nature(name: str) -> bool:
    """Whether `name` is a banking foundation or a funder they founded (by the list or by its name's shape), or a
    Region."""
    key = _TRAILING.sub("", comparable_name(name))
    return key in _names() or bool(_SHAPE.match(key + " ")) or bool(_REGION.match(key))
