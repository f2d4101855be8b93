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

import json
import re
from functools import lru_cache
from importlib import resources

from lgnet.gazetteer import Gazetteer, Mention, same_comune
from lgnet.text import fold

# Words before a comune's name that place what the clause says there.
_AT = frozenset({"a", "ad", "in", "nel", "nella", "presso", "at"})
# A comune named as the city's neighbour is another place ("la vicina Battipaglia ha chiesto ... per aprire altri 20
# posti", "Nearby Mazara del Vallo, where a desk reached some 300 people").
_NEIGHBOURING = frozenset({"vicina", "vicino", "vicine", "vicini", "limitrofa", "limitrofo", "confinante", "nearby",
                           "neighbouring", "neighboring"})  # fmt: skip
# "di X" after these is a body or an area named after its chief town, not the place of a count.
_NOT_PLACE_OF = re.compile(
    r"\b(?:provincia|province|diocesi|diocese|arcidiocesi|prefettura|questura|regione|area|citta metropolitana|"
    r"distretto|ambito|asl|asp|ats|ulss|tribunale|universita|ateneo|porto|aeroporto|stazione|"
    # a public office named after its town ("accompagnate al Centro per l'impiego di Isernia, e 15 hanno trovato")
    r"impiego|"
    # an organisation's seat ("la scuola serale del CPIA nella sede di Cittanova")
    r"sede|sedi)(?:\s+autonoma)?\s+di\s+$"  # (the "Provincia autonoma di Trento", not the comune)
)
_WORD_BEFORE = re.compile(r"([\w']+)\s+$")


# A comune that a relative clause speaks of ("ripreso da Bassano del Grappa, che ha aperto uno sportello con 60 ...").
_RELATIVE_AFTER = re.compile(r"\s*,?\s+(?:che|dove|where|which)\b", re.I)


# A place people left is where they came from ("hanno lasciato la tendopoli di San Ferdinando e vivono oggi in 9
# appartamenti"): what follows is still the record's.
_LEFT = re.compile(r"\b(?:lasciat[oaie]|lasciano|lasciare|abbandonat[oaie]|usciti|uscite|left|leaving|moved\s+out\s+of)"
                   r"\b[^,;:.]{0,40}$", re.I)  # fmt: skip


# ... or named in apposition to the words that say it is a neighbour ("nei comuni vicini, Tissi e Usini", "Budrio, the
# neighbouring town,", "Pomponesco, il comune confinante,").
_NEIGHBOUR_WORDS = r"(?:vicin[aoie]|limitrof[aoie]|confinant[ei]|nearby|neighbou?ring)"
_NEIGHBOUR_BEFORE = re.compile(rf"\b{_NEIGHBOUR_WORDS}\s*,\s*(?:[A-ZÀ-Ý][\w'’-]+\s+(?:e|ed|and)\s+)?$", re.I)
_NEIGHBOUR_AFTER = re.compile(rf"\s*,\s+(?:(?:il|lo|la|the|un|una|a)\s+)?(?:{_NEIGHBOUR_WORDS}\s+"
                              rf"(?:comune|paese|citt[àa]|town|municipality|village)|(?:comune|paese|citt[àa]|town|"
                              rf"municipality|village)\s+{_NEIGHBOUR_WORDS})\b", re.I)  # fmt: skip


def _is_place(body: str, m: Mention) -> bool:
    head = body[max(0, m.start - 40) : m.start]
    if _LEFT.search(body[max(0, m.start - 80) : m.start]):
        return False
    if m.evidence == "phrase":  # "Comune di Carrara", "la città di Merano"
        return True
    if re.match(r"['’]s\b", body[m.end : m.end + 3]):
        return True  # an English possessive: "Merano's own night shelter (30 beds)"
    if _NEIGHBOUR_BEFORE.search(head) or _NEIGHBOUR_AFTER.match(body, m.end):
        return True  # "Nei comuni vicini, Tissi e Usini, ...", "Budrio, the neighbouring town, ran ...": a neighbour
    word = _WORD_BEFORE.search(head)
    low = fold(word.group(1)) if word else ""
    if low != "di" and _RELATIVE_AFTER.match(body, m.end):
        return True  # not an organisation's seat ("la cooperativa Rinascita di Lecce, che gestisce 12 alloggi")
    if word is None:
        return False
    if low in _AT or low in _NEIGHBOURING:
        return True  # "a Carrara", "la vicina Battipaglia", "Nearby Mazara del Vallo": a place, another comune
    if low == "di":
        prior = _WORD_BEFORE.search(head[: word.start()])
        if prior and fold(prior.group(1)).lower() in ("comune", "comuni", "municipio"):
            return True  # "del Comune di Ascoli Satriano (FG), dove ...": a comune, however the gazetteer read it
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
    mentions = list(gazetteer.mentions(body))
    for m in mentions:
        if same_comune(city, m.city.name) or m.city.name == city or not _is_place(body, m):
            continue
        # a small comune far away is rather a district of the city named alike ("a San Lorenzo", Rome), unless named
        # as a comune or with its province ("del Comune di Ascoli Satriano (FG), dove ... 8 alloggi")
        far = home is not None and m.city.region != home.region
        if not m.city.well_known and far and m.evidence not in ("phrase", "sigla"):
            continue
        left = max(body.rfind(c, 0, m.start) for c in ";:") + 1
        right = [i for i in (body.find(c, m.end) for c in ";:") if i >= 0]
        if body.rfind("(", 0, m.start) > body.rfind(")", 0, m.start) and (close := body.find(")", m.end)) >= 0:
            right.append(close)  # an aside in brackets ("(spesa, visite mediche ad Aosta)") places only itself
        out.append((max(left, m.end), min(right) if right else len(body)))
    for n in _NEIGHBOUR_NAME.finditer(body):
        # a neighbour named by a comune the gazetteer reads only with a place word, a common word or a name ("Nella
        # vicina Lavagna, ... gli iscritti sono 35"): a neighbour is near, whatever its region
        name = _comune_named(n.group("name"), gazetteer)
        if name is None or same_comune(city, name) or any(m.start == n.start("name") for m in mentions):
            continue  # the gazetteer read it: decided above
        right = [i for i in (body.find(c, n.end()) for c in ";:") if i >= 0]
        out.append((n.end(), min(right) if right else len(body)))
    return out


_NEIGHBOUR_NAME = re.compile(r"\b(?i:vicin[aoie]|limitrof[aoie]|confinant[ei]|nearby|neighbou?ring)\s+"
                             r"(?:(?i:comune\s+di|town\s+of)\s+)?(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:di|del|della|"
                             r"sul|sulla|in|al)\s+)?[A-ZÀ-Ý][\w'’-]+){0,3})")  # fmt: skip


def _comune_named(words: str, gazetteer: Gazetteer) -> str | None:
    """The comune the longest run of `words` from their start names exactly, else None."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        place = gazetteer.get(" ".join(parts[:n]))
        if place is not None:
            return place.name
    return None


# A city abroad, named with its country ("Graz (Austria) focused on language cafés and reached 640 participants"):
# the gazetteer knows Italian comuni only.
_COUNTRIES = (r"Austria|Germania|Germany|Francia|France|Spagna|Spain|Portogallo|Portugal|Belgio|Belgium|Paesi\s+Bassi|"
              r"Olanda|Netherlands|Lussemburgo|Luxembourg|Irlanda|Ireland|Regno\s+Unito|UK|United\s+Kingdom|"
              r"Danimarca|Denmark|Svezia|Sweden|Norvegia|Norway|Finlandia|Finland|Estonia|Lettonia|Latvia|Lituania|"
              r"Lithuania|Polonia|Poland|Repubblica\s+Ceca|Czech\s+Republic|Czechia|Slovacchia|Slovakia|Ungheria|"
              r"Hungary|Slovenia|Croazia|Croatia|Svizzera|Switzerland|Grecia|Greece|Malta|Cipro|Cyprus|Romania|"
              r"Bulgaria|Serbia|Albania|Turchia|Turkey|Tunisia|Marocco|Morocco")  # fmt: skip
_ABROAD = re.compile(rf"\b[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?\s+\((?:{_COUNTRIES})\)")
# A sentence about other cities than the record's ("Other NEST cities took different routes: ...", "Negli altri
# comuni della rete ...").
_OTHERS = re.compile(
    r"^\W*(?:(?:in|negli|nelle|tra|fra|among)\s+(?:gli\s+|le\s+)?)?(?:other|altr[ie])\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cities|municipalities|towns|partner\s+cities|citt[àa]|comuni)\b",
    re.I,
)


def other_places(body: str) -> list[tuple[int, int]]:
    """The parts of a sentence about places abroad named with their country (the rest of the clause after the
    name), or the whole sentence when it opens by speaking of other cities."""
    if _OTHERS.match(body):
        return [(0, len(body))]
    out = []
    for m in _ABROAD.finditer(body):
        right = [i for i in (body.find(c, m.end()) for c in ";:") if i >= 0]
        out.append((m.end(), min(right) if right else len(body)))
    return out


@lru_cache(maxsize=1)
def _phase_names() -> dict[str, re.Pattern[str]]:
    data = json.loads(resources.files("lgnet").joinpath("data/phases.json").read_text("utf-8"))
    return {p["code"]: re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"[\s-]?") for n in p["names"])
                                  + r")\b", re.I) for p in data["phases"]}  # fmt: skip


# A pluperfect: what had been done before the time the text speaks of ("avevamo accolto", "aveva seguito").
_PLUPERFECT = re.compile(r"\b(?:avev(?:o|i|a|amo|ate|ano)|had)\s+(?:già\s+|already\s+)?[a-zà-ù]+"
                         r"(?:at|ut|it|ess|ost|ert|olt|ist|ed|en)[oaie]?\b|\b(?:er(?:a|ano|avamo)|were|was)\s+stat[oaie]\s+[a-zà-ù]+[oaie]\b",
                         re.I)  # fmt: skip


# The work going on in another phase: "il servizio prosegue nella seconda edizione (LGNet2) con l'obiettivo di 250".
_GOES_ON = re.compile(r"\b(?:prosegu\w+|continuer\w+|will\s+continue|continues|carried\s+on)\b", re.I)


def other_phase_clauses(body: str, phase: str | None) -> list[tuple[int, int]]:
    """The clauses of a sentence naming another phase of the programme than `phase` whose verb is a pluperfect
    ("con LGNetEA avevamo accolto circa 70 persone", "l'esperienza di LGNet2, quando lo sportello aveva seguito oltre
    1.100 persone"): counts of that earlier phase, not of this one; and what follows another phase the work goes on
    in ("prosegue nella seconda edizione della rete (LGNet2) con l'obiettivo di 250 ..."): the next phase's. A count of
    this phase said in continuity with an earlier one ("in continuità con il precedente progetto LgnetEA, sono state
    coinvolte 100 persone") stays."""
    if not phase:
        return []
    others = [m for code, p in _phase_names().items() if code != phase for m in p.finditer(body)]
    if not others:
        return []
    out = []
    for m in others:
        left = max(body.rfind(c, 0, m.start()) for c in ";:") + 1
        right = [i for i in (body.find(c, m.end()) for c in ";:") if i >= 0]
        if _GOES_ON.search(body, left, m.start()):
            out.append((m.end(), min(right) if right else len(body)))
    for m in _PLUPERFECT.finditer(body):
        left = max(body.rfind(c, 0, m.start()) for c in ";:") + 1
        right = [i for i in (body.find(c, m.end()) for c in ";:") if i >= 0]
        out.append((left, min(right) if right else len(body)))
    return out


def about_elsewhere(clauses: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a count at body[start:end] is in one of those clauses."""
    return any(left <= start and end <= right for left, right in clauses)
