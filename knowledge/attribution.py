"""A count's area by its own sentence: what it counts, the taxonomy's terms in its own stretch and segment, what
its own words say it became, the cues of what it counts (`knowledge.areas`). Undecided when the sentence names no
area for it: the records then look at the sentence's only area, the count before it and its section.

Staff being trained are capacity building; a unit that implies its area has it (beds are housing); a total after a
list of several areas is the whole project's (None).
"""

from __future__ import annotations

import re

from knowledge.areas import (
    NEGATED,
    PERSONS_ROLES,
    after_cue,
    cue_area,
    language_course,
    noun_area,
    own_cue,
    trained_staff,
)
from knowledge.counted_nouns import ORGANISED_BEFORE
from knowledge.cues import PART
from knowledge.figure_facts import UNIT_AREA, UNIT_LABELS, FigureFact
from knowledge.quoted import without_names
from lgnet.taxonomy import Taxonomy

# A count closing a list of activities of several areas is their total: the whole project's.
_FOR_N = re.compile(r"\bper\s+(?:(?:oltre|circa|almeno|complessiv\w*)\s+)?$", re.I)
_TOTAL = re.compile(r"\b(?:per\s+un\s+totale\s+di|in\s+totale|complessiv\w*|nel\s+complesso|in\s+tutto|"
                    r"totale\s+di|overall|in\s+total)\b", re.I)  # fmt: skip


# A desk named by housing ("sportello casa", "sportello per l'abitare", "sportello affitti"): its counts are housing;
# not a desk named by housing and work ("sportello casa-lavoro", "sportello casa e lavoro"), which takes charge.
_HOUSING_DESK = re.compile(r"\s+(?:per\s+(?:la\s+|l['’]\s*)?|della\s+|dell['’]\s*)?"
                           r"(?:casa|abitare|affitt\w*|alloggi\w*|abitativ\w*|housing)\b"
                           r"(?!\s*(?:[-/]|\be\b|\bed\b)\s*(?:(?:il|del)\s+)?lavoro)", re.I)  # fmt: skip


def _noun_end(body: str, end: int) -> int:
    """The end of a count's noun phrase: its words up to a verb, a comma or the next number."""
    m = re.match(r"(?:\s+(?:[a-zà-ù'’]+))*?(?=\s+(?:hanno|ha|sono|è|have|has|were|was)\b|[,;:.]|\s+\d|$)", body[end:])
    return end + (m.end() if m else 0)


# Places that are no place to stay: a course's, an event's, a car park's, a job's, a school's.
_OTHER_PLACES = re.compile(r"\b(?:cors[oi]|seminari\w*|convegn\w+|event[oi]|spettacol\w+|teatro|sala|laborator\w+|"
                           r"auto|parchegg\w+|lavoro|tirocin\w+|asil[oi]\s+nido|nido|scuol\w+|mensa|sedere|disponibili)\b",
                           re.I)  # fmt: skip


# The complement of a count's noun: a preposition and a few words, up to a comma, "e" or a verb.
# (the preposition a word of its own: "accolti negli alloggi" is no "a" and its complement)
_COMPLEMENT = re.compile(r"\s+(?P<c>(?:(?:a|al|alla|allo|ai|agli|alle|di|del|della|dei|degli|delle)\b|all['’]|"
                         r"dell['’])\s*(?:(?!(?:e|ed|che|hanno|ha|sono|è)\b)[\w'’]+\s*){1,4})", re.I)  # fmt: skip
# "il percorso ... ha formato finora 34 persone": persons trained (staff are capacity building: `trained_staff`).
_TRAINED = re.compile(r"\b(?:ha|hanno|abbiamo|avrà|avranno)\s+(?:già\s+|finora\s+)?format[oi]\s+(?:\w+\s+)?$",
                      re.I)  # fmt: skip
# Persons who attended, took part in or completed a course, said after the count in its own clause ("22 giovani, tra
# i 18 e i 25 anni, hanno frequentato il corso di 300 ore", "29 hanno partecipato al corso di accompagnamento alla
# nascita"): no staff (capacity building), no other area named before it nor by the course ("per tutori volontari").
_COURSE_TAKEN = re.compile(r"[^;]*?\b(?:hanno|ha|avevano|aveva)\s+(?:già\s+|finora\s+)?(?:(?:frequentat|seguit|"
                           r"completat|concluso)\w*\s+(?:(?:il|un|i|dei|lo)\s+)?|partecipato\s+(?:al|ai|a\s+un)\s+)"
                           r"(?:cors[oi]|percors[oi]\s+formativ[oi])\b", re.I)  # fmt: skip
# A restrictive relative clause with its verb: "... che hanno firmato", "che sono stati assunti"
_RELATIVE = re.compile(r"\bche\s+(?:(?:hanno|ha|avevano|aveva|sono|è|erano)\s+)?(?:[a-zà-ù]+(?:at[oaie]|ut[oaie]|"
                       r"it[oaie])|hanno|ha|partecipano|frequentano|lavorano|seguono|vivono)\b", re.I)  # fmt: skip
# A count right after a colon counts what the few words before the colon name ("i volontari: 18 facilitatori").
_NAMED_BEFORE = re.compile(r"\b(?:[Ii]|[Gg]li|[Ll]e|[Tt]he|[Ll]oro)\s+((?:[\w'’]+\s+){0,1}[\w'’]+)\s*:\s*"
                           r"(?:(?:circa|oltre|about|over)\s+)?$")  # fmt: skip


# Persons counted as volunteers, whatever their trade ("26 insegnanti volontari", "le 9 insegnanti volontarie", "12
# volunteer tutors"): civic engagement, not staff trained (capacity building) nor the service they give; an act said
# to be voluntary is no volunteer ("95 iscrizioni volontarie al Servizio sanitario nazionale").
_VOLUNTEERS = re.compile(r"\b(?:volontar(?:i|ie|e)|volunteers?)\b", re.I)
_VOLUNTEER_AFTER = re.compile(r"\s+(?:volontar(?:i|ie|e)|volunteers?)\b", re.I)
# ... or said to act as volunteers in the count's own clause ("6 artigiani in pensione vengono in laboratorio come
# volontari", "12 di loro hanno prestato servizio come volontari", "8 retired teachers help as volunteers")
_AS_VOLUNTEERS = re.compile(
    r"[^;:\d]{0,80}?\b(?:come|as|in\s+qualità\s+di)\s+(?:volontar(?:i|ie|e)|volunteers)\b", re.I
)

# ... or said to give their work for nothing, their verb's subject ("9 cuochi in pensione, ..., che insegnano gratis
# ai ragazzi", "12 retired joiners teach for free"): who gives time unpaid volunteers, whoever they are; not who
# receives something free ("40 famiglie ricevono gratis il pacco").
_UNPAID = re.compile(r"[^;:\d]{0,140}?\b(?:insegn|lavor|prest|offr|dedic|aiut|accompagn|cucin|ripar|assist|cur|"
                     r"tengono|guid|mett|teach|work|help|giv|offer|volunteer)[a-zà-ù]*\s+(?:[a-zà-ù'’]+\s+)?"
                     r"(?:gratis|gratuitamente|a\s+titolo\s+gratuito|senza\s+(?:alcun\s+)?compenso|for\s+free|"
                     r"unpaid|free\s+of\s+charge)\b", re.I)  # fmt: skip


# "Laboratorio" (a workshop), a term of community building in the taxonomy, names that area only with what it is a
# workshop of: cooking, an intercultural or neighbourhood one, theatre, music, the arts ("laboratori di cucina,
# sartoria e italiano", "il laboratorio di cucina interculturale", "laboratori di quartiere"). A workshop of a trade
# ("laboratorio di sartoria", "di assemblaggio"), of citizenship or a bare one ("12 nel laboratorio", "seguiti nel
# doposcuola e nei laboratori") says nothing of the count's area by itself: the gold files them under taking charge,
# civic engagement or community building by what is done there.
_WORKSHOP = re.compile(r"laborator\w*", re.I)
_COMMUNITY_WORKSHOP = re.compile(r"\s+(?:(?:di|del|della|dei|delle)\s+)?(?:[\w'’]+\s+){0,1}?"
                                 r"(?:cucin\w*|intercultural\w*|quartiere|comunit\w+|teatr\w*|music\w*|arte|"
                                 r"artistic\w*|danz\w*|cant\w*|pittur\w*|fotografi\w*|lettur\w*|gioc\w*|ricreativ\w*|"
                                 r"creativ\w*)\b", re.I)  # fmt: skip


def workshop_alone(body: str, m: tuple[str, int, int]) -> bool:
    return bool(_WORKSHOP.fullmatch(body[m[1] : m[2]])) and not _COMMUNITY_WORKSHOP.match(body, m[2])


def _of_persons(unit: str) -> bool:
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    return unit in ("people", "women", "minors", "beneficiaries") or counts_persons(unit)


# A part of the count before it: "..., di cui 27", "..., 12 dei quali", "of whom 40".
_PART_LEAD = re.compile(rf"^[^;.\d]*\b{PART}\s+(?:[a-zà-ù]+\s+){{0,3}}$", re.I)
_PART_AFTER = re.compile(rf"\s+{PART}\b", re.I)  # read with .match at the count's end


# What an organised count teaches, right after its noun: the language ("4 moduli di italiano", "3 cicli di lingua").
_TEACHES_LANGUAGE = re.compile(r"\s+(?:di|in)\s+(?:lingua\s+)?(?:italian[oa]|lingua)\b|\s+(?:of\s+)?italian\b", re.I)


def _part(body: str, whole: tuple[int, int], f: FigureFact) -> bool:
    """The count `f` is a part of the count at `whole`, stated right before it."""
    between = body[whole[1] : f.start]
    return whole[1] <= f.start and bool(
        _PART_LEAD.match(between) or (re.fullmatch(r"[^;.\d]*,\s*", between) and _PART_AFTER.match(body, f.end))
    )


def _noun_on(body: str, f: FigureFact) -> str:
    """The count's noun and the words after it ("titolari di aziende e consulenti"), without its number and "tra"."""
    return re.sub(r"^[\d.,]+\s+(?:(?:tra|fra|among)\s+)?", "", body[f.start : f.end + 40])


def figure_area(body: str, f: FigureFact, taxonomy: Taxonomy, counts: list[tuple[int, int]]
                ) -> tuple[bool, str | None]:  # fmt: skip
    """(decided, area) for the count `f` of the sentence `body`, whose counts stand at `counts`."""
    body = without_names(body, (f.start, f.end))  # «Pagine di casa» names a project, it says no area
    if (_VOLUNTEERS.search(f.text) or _VOLUNTEER_AFTER.match(body, f.end) or _AS_VOLUNTEERS.match(body, f.end)
            or _UNPAID.match(body, f.end)) and _of_persons(f.unit):  # fmt: skip
        return True, "civic_engagement"  # "tenuta da 26 insegnanti volontari", "le 9 insegnanti volontarie"
    if trained_staff(body, f"{f.unit} {f.text}", _noun_on(body, f)):
        return True, "capacity_building"
    clause_start = body.rfind(";", 0, f.start) + 1
    clause_end = body.find(";", f.end)
    clause_end = len(body) if clause_end < 0 else clause_end
    if f.unit in UNIT_AREA:
        return True, UNIT_AREA[f.unit]  # "3 appartamenti", "30 posti letto" say their area themselves
    if f.unit == "posti" and not _OTHER_PLACES.search(body):
        return True, "housing"  # "dispone di 25 posti per nuclei familiari", "I posti sono 40": places to stay
    if own := own_cue(body, f.start, f.end):
        return True, own  # what the count counts says it: "1.015 contatti", "18 eventi"
    if (comp := _COMPLEMENT.match(body, f.end)) and (said := own_cue(body, comp.start(1), comp.end())):
        return True, said  # its noun's complement: "60 iscritti alla scuola di italiano (e un quarto appartamento)"
    named = _NAMED_BEFORE.search(body, max(0, f.start - 60), f.start)
    if named and (said := own_cue(named.group(1), 0, len(named.group(1)))):
        return True, said  # the words a colon opens on: "sono soprattutto i volontari: 18 facilitatori digitali"
    bare = re.fullmatch(r"[\d.,]+", f.text.strip())  # a count stated after its noun ("... sono 21")
    if (
        bare
        and f.unit not in UNIT_LABELS
        and (own := own_cue(f.unit, 0, len(f.unit)) or own_cue(f.label, 0, len(f.label)))
    ):
        return True, own  # its noun said before it: "i volontari che accompagnano le famiglie sono ormai 21"
    # (a term said in the negative names no area of the count: `areas.NEGATED`)
    matches = [(c, s, e) for c, s, e in taxonomy.matches(body) if clause_start <= s < clause_end
               and not NEGATED.search(body, max(clause_start, s - 30), s)]  # fmt: skip
    lead = body[max(clause_start, f.start - 60) : f.start]
    lead = re.split(r"\d[^,;]*", lead)[-1]  # "14 posti complessivi, in cui 26 persone": the other count's total
    if (_TOTAL.search(lead) or _FOR_N.search(lead)) and len({m[0] for m in matches}) >= 2:
        return True, None  # "..., per un totale di 65 beneficiari" after a list of several areas: the whole project
    # a workshop names no area by itself, only with what it is a workshop of (`_WORKSHOP`): it is one activity of a
    # list (the total above), not the area of a count beside it
    matches = [m for m in matches if not workshop_alone(body, m)]
    before = [m for m in matches if m[2] <= f.start]
    # A term after the count before this one is this count's own context; one before or inside that count is
    # that count's ("28 refugees in 9 flats and supported 140 people at the help desk": the flats are not the
    # 140's). The older terms stay a fallback when this count's stretch names none.
    previous_end = max([e for s, e in counts if e <= f.start], default=clause_start)
    stretch = [m for m in before if m[1] >= previous_end]
    # After the count, its own segment speaks first: "35 residents have joined the council meetings, and a
    # women's group ... workshops" is about the council, not the workshops of the next segment.
    segment_end = min([i for i in (body.find(c, f.end) for c in ",;:") if i >= 0] or [len(body)])
    # a term after the next count belongs to that count ("20 tirocini in aziende e 6 alloggi": not the 20's)
    next_start = min([s for s, e in counts if s >= f.end] or [len(body)])
    after = [m for m in matches if f.end <= m[1] < next_start] or [
        m for m in matches if m[1] >= f.end and not any(s <= m[1] < e for s, e in counts)
    ]
    own_after = [m for m in after if m[1] < min(segment_end, next_start)]
    if not stretch and not own_after and previous_end > clause_start:
        if outcome := after_cue(body, f.end, min(segment_end, next_start)):
            return True, outcome  # what its own words after it say it became ("and 4 of them have found a job")
        # its own item of a list of counts says it: "a dare casa a 30 persone, a orientare al lavoro 80 persone" (the
        # terms before the count before it are that count's)
        item_start = max(previous_end, max(body.rfind(c, 0, f.start) for c in ",;:") + 1)
        if own := own_cue(body, item_start, min(segment_end, next_start)):
            return True, own
        # nothing of its own: the count goes with the count right before it when that one says its area itself
        # ("le 3 assemblee con i condomini hanno visto la partecipazione di 48 famiglie")
        # ... unless that area says who its persons are (volunteers, staff trained): it is theirs, not that of what
        # they did or of whom they served ("La scuola, tenuta da 26 insegnanti volontari, ha avuto 146 iscritti")
        prev = max(((s, e) for s, e in counts if e == previous_end), default=None)
        if (
            prev
            and (said := own_cue(body, prev[0], _noun_end(body, prev[1])))
            and (said not in PERSONS_ROLES or _part(body, prev, f))
        ):
            return True, said
    before = stretch or ([] if own_after and previous_end > clause_start else before)
    # its own predicate says it attended a course ("...: 9 di loro hanno frequentato il corso di un anno") when no
    # term of its own segment does: the terms before its segment ("Nel laboratorio di tessitura, ...:") are the scene
    segment_start = max(body.rfind(c, 0, f.start) for c in ",;:") + 1
    if (
        not own_after
        and not any(m[1] >= segment_start for m in before)
        and (course := _COURSE_TAKEN.match(body, f.end, next_start))
        and not any(m[1] < course.end() for m in after)
        and after_cue(body, course.end(), segment_end) in (None, "taking_charge")
    ):
        return True, "taking_charge"
    nearest = max(before, key=lambda m: m[2]) if before else None
    if (nearest and nearest[0] == "taking_charge" and _HOUSING_DESK.match(body, nearest[2])
            and not any(m[0] == "taking_charge" and m != nearest for m in before)
            and not re.search(r"\bin\s+carico\b|\btak\w*\s+charge\b", body[clause_start : f.start], re.I)):  # fmt: skip
        # "lo sportello casa ha seguito 214 persone": a housing desk ("prendere in carico, tramite lo Sportello Casa,
        # 150 persone" says taking charge itself)
        nearest = ("housing", nearest[1], nearest[2])
    if nearest is None and own_after:
        nearest = min(own_after, key=lambda m: m[1])
        # a restrictive relative clause says what is counted, the words before it who they are: "Sono 19 i giovani
        # ospitati negli alloggi che hanno firmato patti di collaborazione" counts those who signed
        relative = _RELATIVE.search(body, f.end, min(segment_end, next_start))
        if relative and nearest[1] < relative.start():
            said_after = [m for m in own_after if m[1] >= relative.end()]
            said = said_after[0][0] if said_after else after_cue(body, relative.end(), min(segment_end, next_start))
            if said and said != nearest[0]:
                return True, said
    elif nearest and nearest[0] == "taking_charge" and any(m[0] != nearest[0] for m in own_after):
        # the service that did it before the count, what it achieved after it: "lo sportello ha aiutato 42
        # famiglie a trovare un alloggio" is housing
        nearest = min((m for m in own_after if m[0] != nearest[0]), key=lambda m: m[1])
    elif nearest and (outcome := after_cue(body, f.end, min(segment_end, next_start))) and outcome != nearest[0]:
        return True, outcome  # "la campagna ... ha portato 17 cittadini a completare il corso per tutori volontari"
    # the other counts of the sentence, but those this count is a part of ("18 volontari, 9 dei quali ...")
    others = tuple((s, e) for s, e in counts if (s, e) != (f.start, f.end) and not _part(body, (s, e), f))
    if nearest is None and (cue := cue_area(body, f.start, f.end, clause=False, others=others)):
        return True, cue
    nearest = nearest or (min(after, key=lambda m: m[1]) if after else None)
    if nearest:
        # the term with its complement: "laboratori di italiano L2" teach the language (taking charge)
        taught = language_course(body[nearest[1] : nearest[2] + 25])
        return True, "taking_charge" if taught else nearest[0]
    if cue := cue_area(body, f.start, f.end, others=others):
        return True, cue
    terms = {a.code: a.terms for a in taxonomy.areas}
    if own_term := noun_area(terms, f.unit):
        return True, own_term  # "18 coabitazioni": a form of the term "coabitazione"
    if _TRAINED.search(body, clause_start, f.start):
        return True, "taking_charge"  # persons trained, no staff and no other area named, learn a trade
    if ORGANISED_BEFORE.search(body, max(clause_start, f.start - 60), f.start) and not _of_persons(f.unit):
        # what was organised or held, nothing else named: events, unless it teaches the language ("4 moduli di
        # italiano": a course)
        taught = language_course(body[f.start : f.end + 40]) or bool(_TEACHES_LANGUAGE.match(body, f.end))
        return True, "taking_charge" if taught else "community_building"
    return False, None


# Persons or families welcomed or hosted, when nothing else names an area (the sentence, the count before it, the
# section: `knowledge.records`): the place to stay the
# practice gave them ("le persone accolte in paese sono 23", "Ospitano oggi 52 persone", "gli ospiti della
# residenza"); a desk that "ha accolto 540 richieste" counts no persons, a desk's own term decides before this.
_HOSTED = re.compile(r"\b(?:accolt[oaie]|ospitat[oaie]|ospit(?:a|ano|ava|avano|are)|ospiti|accoglie(?:re)?|"
                     r"accolgono|risied\w+|hosted|housed|sheltered|guests)\b", re.I)  # fmt: skip


def hosted(body: str, unit: str) -> bool:
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    persons = unit in ("people", "families", "minors", "women", "beneficiaries") or counts_persons(unit)
    return persons and bool(_HOSTED.search(body))


# Persons who took part or came by, when nothing else names an area: an event's public, community building ("a cui
# hanno partecipato più di 150 persone", "sono passate più di 600 persone", "c'erano più di 300 persone"); a course,
# a volunteering or a training names its own area before this.
_ATTENDED = re.compile(r"\b(?:partecipat[oaie]|partecipant\w+|partecipazione\s+(?:di|complessiva)|"
                       r"(?:sono|ci\s+sono|ne\s+sono)\s+passat[ie](?!\s+(?:da|a|al|alla|dal|dalla)\b)|"
                       r"\d[\d.,]*\s+(?:persone|people|visitatori)\s+passat[ie]\b|"
                       r"c['’]\s*erano|attend\w*|participa\w+|t(?:ook|ake|akes|aking)\s+part|visitatori|visitors)",
                       re.I)  # fmt: skip


ATTENDANCE_NOUNS = ("partecipanti", "participants", "visitatori", "visitors", "presenze")


def attended(body: str, unit: str) -> bool:
    from knowledge.persons import counts_persons

    persons = unit in ("people", "families", "minors", "women", "beneficiaries") or counts_persons(unit)
    return persons and bool(_ATTENDED.search(body))
