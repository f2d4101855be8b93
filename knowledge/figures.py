"""Counts stated in a sentence ("160 persone hanno trovato casa", "32 posti letto") with a label saying what
they count (amounts of money: `knowledge.money`)."""

from __future__ import annotations

import re

from knowledge.counted_nouns import approximate, counted_nouns, english_heads, opening_count, part_of
from knowledge.counting import not_a_count, own_dwellings
from knowledge.figure_facts import NUM, UNIT_LABELS, UNITS, FigureFact, is_year, number
from knowledge.labels import label
from knowledge.quoted import unquote_counted

_UNIT = "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items())
# The words between a number and its unit may be compounds ("12 semi-autonomy flats")
# ... and a unit may be a compound's head ("10 mini-alloggi", "6 micro-appartamenti").
_FIGURE = re.compile(rf"(?<![\w.,/-]){NUM}(?![\w.,/-]?\d)\s+(?:(?:[a-zà-ù'][a-zà-ù'-]*)\s+){{0,2}}?"
                     rf"(?:[a-zà-ù]{{2,}}-)?(?:{_UNIT})(?!\w)",
                     re.I)  # fmt: skip
_NOT_COUNT = re.compile(r"^\s*(?:%|per\s*cento|anni|mesi|giorni|ore)\b", re.I)
# Words between the number and the unit that show the number counts something else ("16 comuni e 160 persone").
# A preposition between them says the number counts the first noun: "30 ragazzi negli alloggi" are no alloggi.
_BREAKERS = re.compile(r"\b(?:comuni|citt[àa]|anni|mesi|giorni|ore|years|months|weeks|days|hours|the|euro|per|di cui|"
                       r"e|ed|con|su|in|a|da|tra|fra|"
                       r"with|and|for|on|to|at|by|from|into|n(?:el|ei|egli|elle|ello|ella)|a(?:l|i|gli|lle|llo|lla)|"
                       r"d(?:al|ai|agli|alle|allo|alla)|s(?:ul|ui|ugli|ulle|ullo|ulla))\b", re.I)  # fmt: skip


def figures(sentence: str) -> list[FigureFact]:
    """Counts with their unit in one (clean) sentence, once per (value, unit): the known units first, then any
    counted noun (see `knowledge.counts`); years, dates, percentages, amounts of money left out (see `amounts`)."""
    sentence = unquote_counted(sentence)  # "2 «cene dell'olio nuovo»": the name says what is counted
    out = _known(sentence)
    taken = [(f.start, f.end) for f in out]
    seen = {(f.value, f.unit) for f in out}
    # English heads before any counted noun: "45 social services and reception staff" counts staff, not services
    for f in english_heads(sentence) + counted_nouns(sentence) + approximate(sentence):
        if (f.value, f.unit) not in seen and not any(s <= f.start < e or f.start <= s < f.end for s, e in taken):
            seen.add((f.value, f.unit))
            taken.append((f.start, f.end))
            out.append(f)
    out = [part_of(sentence, f, out) for f in out]
    from knowledge.ellipsis import elliptic  # it reads the counts found here: imported when they are

    taken = [(f.start, f.end) for f in out]
    for f in elliptic(sentence, sorted(out, key=lambda f: f.start)):
        if (f.value, f.unit) not in seen and not any(s <= f.start < e for s, e in taken):
            seen.add((f.value, f.unit))
            out.append(f)
    for f in _held_times(sentence):
        if not any(s <= f.start < e for s, e in taken) and (f.value, f.unit) not in seen:
            out.append(f)
    return _superseded(_reached(_restated(sorted(out, key=lambda f: f.start), sentence), sentence), sentence)


# A target the sentence says was replaced by a new one ("il progetto aveva previsto 12 alloggi, ...: il tavolo decide
# di abbassare l'obiettivo a 9", "had promised 40 places; the new target is 30"): the old one is no figure any more,
# the new one is. Only a target told in the past perfect (or "era previsto"), with a new target said after it.
_PLANNED_ONCE = re.compile(r"\b(?:aveva|avevano|avevamo|era|erano|had)\s+(?:(?:già|inizialmente|originally|"
                           r"initially)\s+)?(?:previst|promess|programmat|fissat|stimat|indicat|planned|promised|"
                           r"set|expected|targeted)\w*\s+(?:(?:di|a|to)\s+)?(?:\w+\s+){0,2}$", re.I)  # fmt: skip
_NEW_TARGET = re.compile(r"\b(?:nuov[oa]\s+(?:obiettivo|target|soglia)|(?:abbass|riduc|ridurr|ridott|rived|rivist|"
                         r"ricalibr|aggiorn|corregg|corrett)\w*\s+(?:l['’]\s*)?(?:obiettivo|target)|"
                         r"(?:obiettivo|target)\s+(?:scende|sale|passa|è\s+(?:stato\s+)?(?:ridotto|abbassato|rivisto|"
                         r"portato))|new\s+target|(?:lower|reduc|revis|cut)\w*\s+the\s+target|target\s+(?:was\s+|has\s+"
                         r"been\s+)?(?:lowered|reduced|revised|cut))\b[^.;]{0,60}?\d", re.I)  # fmt: skip


def _superseded(found: list[FigureFact], sentence: str) -> list[FigureFact]:
    return [f for f in found if not (_PLANNED_ONCE.search(sentence[max(0, f.start - 50) : f.start])
                                     and _NEW_TARGET.search(sentence, f.end))]  # fmt: skip


# How many times an event was held ("la festa si è già tenuta 7 volte", "the fair has been held 4 times"): a count of
# its editions, events. "Volte" is no counted noun otherwise ("tre volte la settimana", "twice as many").
_HELD = re.compile(r"\b(?:si\s+(?:è|sono)|è\s+stat[oa]|sono\s+stat[ie]|(?:has|have)\s+been|was|were)\s+"
                   r"(?:già\s+|already\s+)?(?:tenut|svolt|ripetut|organizzat|replicat|celebrat|ripropost|held|"
                   r"organi[sz]ed|run|repeated|staged)[oaie]?\s+(?:già\s+|ormai\s+|finora\s+|ben\s+)?"
                   rf"{NUM}\s+(?:volte|times)\b", re.I)  # fmt: skip


def _held_times(sentence: str) -> list[FigureFact]:
    out = []
    for m in _HELD.finditer(sentence):
        value = number(m.group("num"))
        if value and value >= 2 and not is_year(m.group("num"), value):
            out.append(FigureFact(value, "edizioni", f"edizioni ({m.group(0).strip()})", m.group(0)[m.start("num")
                                  - m.start():], m.start("num"), m.end()))  # fmt: skip
    return out


# A change from one value to another ("the average stay grew from the planned 12 months to 16", "è scesa da 45
# giorni a 12", "fell from 97 days in 2023 to 41"): the count is the value reached, in the unit of the value it
# started from.
_FROM = re.compile(r"\b(?:from|da|dai|dagli|dalle)\s+(?:(?:the|i|gli|le)\s+)?(?:(?:planned|expected|initial|"
                   r"previst[oaie]|iniziali|programmat[oaie])\s+)?$", re.I)  # fmt: skip
_TO = re.compile(r"(?:\s+(?:in|nel)\s+(?:19|20)\d\d)?\s+(?:to|a|ai|agli|alle)\s+"
                 r"(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+)(?![\w.,%]?\d)(?!\s*%)", re.I)  # fmt: skip


# ... or told as the start and today ("All'inizio avevamo trovato 2 proprietari disponibili, oggi sono 7", "At first
# 3 landlords agreed; today they are 11"): the count is today's.
_AT_FIRST = re.compile(r"\b(?:all['’]\s*inizio|inizialmente|in\s+partenza|at\s+first|initially)\b[^.;:]{0,60}$", re.I)
_TODAY = re.compile(r"[^.;:\d]{0,40}?[,;]\s*(?:e\s+|but\s+|and\s+)?(?:oggi|ora|adesso|today|now)\s+"
                    r"(?:(?:they|there)\s+)?(?:sono|siamo|are|is)\s+(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+)(?![\w.,%]?\d)",
                    re.I)  # fmt: skip


def _reached(found: list[FigureFact], sentence: str) -> list[FigureFact]:
    out: list[FigureFact] = []
    for f in found:
        to = _TO.match(sentence, f.end) if _FROM.search(sentence[max(0, f.start - 40) : f.start]) else None
        if to is None and _AT_FIRST.search(sentence[: f.start]):
            to = _TODAY.match(sentence, f.end)
        if to and (value := number(to.group("num"))):
            f = FigureFact(value, f.unit, f.label, sentence[to.start("num") : to.end("num")], to.start("num"),
                           to.end("num"))  # fmt: skip
        if not any((g.value, g.unit) == (f.value, f.unit) for g in out):  # the value reached, stated again after
            out.append(f)
    return out


# "Ventidue contratti di affitto in due anni, 22 famiglie che hanno trovato casa": the same number said again right
# after a comma, of persons or families, restates the count before it (one fact, in the unit of who was served).
_PERSONS_OR_FAMILIES = ("people", "families", "minors", "women", "beneficiaries")


def _restated(found: list[FigureFact], sentence: str) -> list[FigureFact]:
    out = list(found)
    for a, b in zip(found, found[1:], strict=False):
        between = sentence[a.end : b.start]
        if (a.value == b.value and a.unit != b.unit and b.unit in _PERSONS_OR_FAMILIES
                and a.unit not in _PERSONS_OR_FAMILIES and re.fullmatch(r"[^,;:.\d]*,\s*", between)):  # fmt: skip
            out.remove(a)
    return out


# A clause's verb: an auxiliary, a third person, a participle ("sono stati ristrutturati", "abbiamo aperto",
# "leased").
_VERB = re.compile(r"\b(?:hanno|ha|abbiamo|sono|è|erano|era|furono|were|was|have|has|had|are|is|"
                   r"[a-zà-ù]{2,}(?:ano|ono|nno|rono|at[oiae]|ut[oiae]|it[oiae])|[a-z]{3,}ed)\b", re.I)  # fmt: skip


_PLACED_IN = re.compile(r"\b(?:in|nel|nei|negli|nelle|nello|nella|di|dei|degli|delle|con|su|sui|tra|fra|per|a|ai|"
                        r"agli|alle|da|dai|dagli|dalle|of|into|among|with|to)\s+$", re.I)  # fmt: skip


def _in_a_clause(sentence: str, start: int, end: int) -> bool:
    """A count that is what its clause's verb acts on (no preposition before it, a verb in its clause between the
    marks that close clauses): dwellings are few, so a small number in words counts them ("abbiamo aperto due
    appartamenti", "The Municipality leased three flats"), where a small count of persons only describes; not where
    persons are placed ("ospitate in due appartamenti") nor a part of a whole ("con l'aggiunta di due appartamenti")."""
    if _PLACED_IN.search(sentence, max(0, start - 20), start):
        return False
    left = max(sentence.rfind(c, 0, start) for c in ";:.") + 1
    rights = [i for i in (sentence.find(c, end) for c in ";:.") if i >= 0]
    clause = sentence[left : min(rights) if rights else len(sentence)]
    return bool(_VERB.search(clause))


def _known(sentence: str) -> list[FigureFact]:
    out: list[FigureFact] = []
    seen: set[tuple[float, str]] = set()
    for m in _FIGURE.finditer(sentence):
        unit = next(k for k in UNITS if m.group(k))
        between = sentence[m.end("num") : m.start(unit)]
        if re.search(r"\b(?:di|da|of|del|dello|della|dei|degli|delle)\b|\bd(?:ell)?['’]", between):
            continue  # "186 accessi di cittadini", "4 feste delle famiglie": the count is of the first noun
        if _BREAKERS.search(between) or _NOT_COUNT.match(sentence[m.end("num") :]):
            continue
        if re.search(r"\b[A-ZÀ-Ý]", sentence[m.end("num") : m.end(unit)]) and not sentence.isupper():
            continue  # "| 80 Donne ponte formate | 12": a capitalised word opens the next cell or line, not a noun
        value = number(m.group("num"))
        if value is None or value <= 0 or is_year(m.group("num"), value):
            continue
        small = value <= 10 and not m.group("num")[0].isdigit()
        dwellings = unit == "housing_units" and value >= 2 and (
            _in_a_clause(sentence, m.start(), m.end()) or own_dwellings(sentence, m.start(), m.end()))  # fmt: skip
        if small and not opening_count(sentence, m.start("num"), m.end("num"), value) and not dwellings:
            continue  # "segnala due nuclei": small numbers in words describe, results use digits
        if not_a_count(sentence, m.start("num"), m.end(), unit):
            continue
        if unit == "people" and m.group("people").lower().startswith("cittadin") and value < 2:
            continue
        if (value, unit) in seen:
            continue
        seen.add((value, unit))
        words = UNIT_LABELS[unit][0] if m.group(unit).startswith("di ") else m.group(unit)  # "60 di minore età"
        out.append(FigureFact(value, unit, label(sentence, m.start(), m.end(), words, unit), m.group(0),
                              m.start(), m.end()))  # fmt: skip
    return out
