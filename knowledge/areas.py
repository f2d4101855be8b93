"""Which area a count belongs to by what it counts, when the intervention taxonomy's terms do not say it.

The taxonomy (lgnet/data/interventions.json) names an area by its services ("sportello", "alloggi",
"volontariato"); a count often names only what was counted: "415 case files", "540 visite mediche", "11
consiglieri eletti", "2.000 visitatori alla festa". The records follow the network's convention for such
counts: health accompaniment, language courses, job orientation and case files are taking charge; staff who
are trained are capacity building (whatever service they work in); elections, councils, volunteers and
collaboration pacts are civic engagement; feasts, events, dinners and their visitors are community building; a
night shelter's places and guests ("accoglienza notturna", "dormitorio") are housing; work is taking charge too: who
was hired, a vocational course ("corso da meccanico", not one for volunteers or staff), the qualification or
professional title it gives, internships; living together in a building or a street (its conflicts mediated, its
meetings) and sport played together are community building; a tenancy or a lease is housing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lgnet.text import fold

_CUES: dict[str, str] = {
    "taking_charge": r"cartell[ae]\s+(?:social|personal)\w*|fascicol\w+|case\s+files?|progett\w+\s+(?:individual|"
    r"personalizzat)\w*\b(?!\s+di\s+(?:impegno|volontariato|cittadinanza|partecipazione))|piano\s+individual\w*|personal\s+plans?|prim[ie]\s+(?:contatti|colloqui|accessi)|"
    r"first\s+(?:contacts|interviews?|appointments)|contatti|contacts|colloqu\w+|tempi?\s+(?:medi\s+)?di\s+attesa|waiting\s+times?|\baccessi\b|legal\s+(?:advice|aid|counsell?ing|guidance)|\bCPIA\b|medic[oi]\s+di\s+(?:base|famiglia)|ricerca\s+(?:di|del)\s+(?:un\s+)?lavoro|job\s+search|orientament\w+\s+(?:legale|giuridic\w+|sociale|sanitari\w+)|orienta(?:ment\w+|t[oaie]|re)\s+(?:al|alla|ai)\s+(?:lavoro|servizi|formazione)|"
    r"job[\s-]orientation|employment\s+service|bilanci\w*\s+delle\s+competenze|"
    r"cors[oi]\s+(?:seral[ei]\s+)?(?:di\s+)?(?:lingua|italiano|alfabetizzazione)|alfabetizzazione|licenza\s+media|"
    r"language\s+courses?|italian\s+(?:language\s+)?courses?|visite\s+(?:mediche|specialistiche|pediatriche|"
    r"ginecologiche|sanitarie)|ambulatori\w*|vaccinazion\w+|prim[ao]\s+assistenza|first\s+aid\s+to|"
    r"consulenz[ae]\s+(?:individual|legal|personalizzat)\w*|consulenze\b|consultations\b|appointments?|appuntament\w+|"
    r"screening|servizio\s+sanitario|tessera\s+sanitaria|medical|health\s+(?:care|services?)|\bsanitari[oae]\b|"
    r"accompagn\w+(?:\s+[\w']+){0,3}?\s+(?:(?:a|ai|al|alle|agli|in)\s+|all['’]\s*)(?:servizi|visite|iscrizion\w+|medic\w+|"
    r"questura|prefettura|uffic\w+|anagrafe)|visite\s+domiciliari|home\s+visits|"
    r"(?:laborator\w+|lezion\w+|scuola)\s+di\s+(?:lingua\s+)?italiano|italiano\s+(?:L2|come\s+seconda\s+lingua)|"
    # school support, by the network's convention: after-school help and school-family meetings
    r"doposcuola|after[\s-]school|(?:sostegno|supporto)\s+scolastico|incontri\s+scuola[\s-]famiglia|"
    r"school[\s-]family\s+meetings?|"
    r"permess\w+\s+di\s+soggiorno|iscrizion\w+\s+anagrafic\w+|t(?:ake|akes|ook|aken|aking)\s+(?:in\s+)?charge|"
    r"residence\s+registration|residence\s+permits?|family\s+reunification|ricongiungiment\w+|"
    # a desk by another name: a welcome or information point ("il punto di accoglienza della biblioteca ha accolto
    # 212 persone": not a place to stay, "punto di accoglienza notturna")
    r"punt[oi]\s+(?:di\s+)?(?:accoglienza|ascolto|informativ[oi]|informazion[ei]|accesso)\b(?!\s+notturn)|"
    r"info[\s-]?points?|welcome\s+(?:desks?|points?)|"
    r"helplines?|hotlines?|numero\s+verde|drop-in\s+(?:centre|center)|advice\s+(?:desk|centre|center)|(?:individual|legal|one-to-one)\s+consultations?|"
    r"(?:found|find|finding|trovat[oaie]|trovare)\s+(?:a\s+|un\s+)?(?:stable\s+|new\s+|nuovo\s+)?(?:job|work|"
    r"employment|lavoro|impiego|occupazione)\b|"
    # work, by the network's convention: hirings, vocational courses and the qualifications they give
    r"contratt\w+\s+a\s+tempo\s+(?:in)?determinato|permanent\s+contracts?|tasso\s+di\s+occupazione|"
    # a contract of work, or one signed with companies, is a job ("64 partecipanti hanno firmato un contratto con
    # aziende del polo logistico", "Contratti di lavoro regolarizzati: 181"); a lease is housing
    r"contratt\w+\s+(?:di\s+(?:lavoro|apprendistato)|con\s+(?:le\s+|l['’]\s*|un['’]\s*|una\s+)?(?:aziend|impres|dit)\w*)|"
    # ... and so are regular contracts, said of work ("restano sotto per i contratti regolari")
    r"contratt[oi]\s+regolar[ei]\b|regular\s+contracts?|"
    r"(?:employment|work|job)\s+contracts?|"
    r"employment\s+rate|"
    r"(?:(?:sono|è|stat[oaie]|vengono|verranno|già)\s+)assunt[oaie]\b|assunt[oaie]\s+(?:da|dall[ae']?|dal|presso|"
    r"nei|negli|nelle|con|a\s+tempo)\b|assunzion\w+|\bhired\b|inseriment\w+\s+lavorativ\w+|job\s+placements?|"
    r"cors[oi]\s+(?:di\s+\d+\s+ore\s+)?(?:da|per|di(?!\s+(?:lingua|italiano|formazione|aggiornamento|protezione|"
    r"primo|base|accompagnamento|cittadinanza|educazione)\b))\s+(?!(?:i|gli|le|la|il|l['’])\b|(?:[a-zà-ù]+\s+){0,2}?(?:operator|"
    r"dipendent|insegnant|docent|volontar|tutor|mediator|educator|assistenti\s+sociali))[a-zà-ù]{4,}|"
    r"formazione\s+professional\w+|"
    r"vocational|brevett\w+|(?:qualifica|titol[oi])\s+professional\w+|tirocin\w+|internships?|traineeships?",
    "civic_engagement": r"\bdirettiv[oi]\b|protezione\s+civile|civil\s+protection|"
    r"elezion\w+|elett[ieoa]\b|votant\w+|hanno\s+votato|consiglier\w+|consulta\b|consiglio\s+"
    r"(?:comunale\s+)?(?:dei|delle|di\s+quartiere|consultivo)|consultative\s+council|council|patt[oi]\s+di\s+collaborazione|"
    r"comitat\w+\s+(?:dei|di)\s+(?:residenti|quartiere|inquilini)|tutori\s+volontari|volontar\w+|volunteer\w*|"
    # mentors, whom the network's practices recruit among residents as volunteers ("34 mentors have taken part")
    r"mentor(?:i|e|s)?\b|"
    r"beni\s+comuni|cittadinanza\s+attiva|(?:cura|manutenzione|pulizia)\s+(?:del|dell[ae]|dei|degli)\s+(?:verde|aree\s+"
    r"verdi|giardini|parchi|piazze|spazi\s+pubblici)",
    "community_building": r"incontri\s+(?:di|del|della)\s+(?:comunit|quartiere|vicinato|condomin)\w*|"
    r"community\s+meetings?|"
    # living together: a building's or a street's conflicts mediated, sport played together
    r"(?:conflitt\w+|liti|controversie)\s+(?:condominial\w*|di\s+vicinato|tra\s+(?:vicini|inquilini|condomini))|"
    r"mediazion\w+\s+(?:condominial\w*|dei\s+conflitti|di\s+vicinato)|(?:neighbou?r|tenant)\s+(?:disputes|conflicts)|"
    r"\bsport(?:iv[oaie])?\b|allenament\w+|sports?\s+(?:club|team|activit)\w*|"
    # gardens cultivated together (the gold's convention since b5; the taxonomy files "orti urbani" under civic
    # engagement, a count of gardens is the neighbours' shared work)
    r"\borti\b|(?:community|shared|allotment)\s+gardens?|"
    r"pranz[oi]\b|lunch(?:es)?\b|picnic\w*|aperitiv[oi]\b|murales|murals?\b|street\s+art|"
    r"\bfest[ae]\b|\bserat[ae]\b|visitatori|visitors|visite\s+guidate|guided\s+tours?|"
    r"iniziative\s+(?:aperte\s+)?(?:a|al|alla|per)\s+(?:tutt[oa]\s+)?(?:il\s+|la\s+)?(?:quartiere|vicinato|cittadinanza)|assemble[ae]\s+(?:di\s+|dei\s+|con\s+i\s+)?(?:condomin|quartiere|residenti|inquilini)\w*|"
    r"(?:neighbou?rhood|residents['’]?|tenants['’]?)\s+(?:assembl|meeting)\w*|(?:tra|fra)\s+vicini\b|neighbou?rs\b|\bcen[ae]\b|eventi|evento|events?|iniziative\s+di\s+"
    r"(?:vicinato|quartiere)|vicinato|spettacol\w+|concert\w+|mostr[ae]\b|torne[oi]\b|(?:public|community)\s+meetings?|incontri\s+pubblici|feasts?|festivals?|"
    r"neighbourhood\s+(?:events?|dinners?)|dinners?|"
    # days named as an event, by their name in quotation marks ("3 giornate «Mare aperto»")
    r"giornat[ae]\s+(?:(?:di|del|della|dei|delle)\s+)?[«“]",
    "housing": r"\bcas[ae]\b(?!\s+(?:files?|management|workers?|stud))|\babit(?:a|ano|avano)\b|"
    # rooms to stay in ("sono state ricavate 8 stanze", "le stanze della residenza sono 12", "12 rooms"): not a room
    # for meetings, interviews, children or study
    r"(?<!meeting\s)(?<!waiting\s)(?<!reading\s)\b(?:stanz[ae]|rooms?)\b(?!\s+(?:per|dei|delle|degli|for)\s+"
    r"(?:i\s+|gli\s+|le\s+)?(?:colloqu|riunion|incontr|giochi|bambin|bimbi|lettura|studio|meetings?|interviews?|"
    r"children|study))|"
    # having lived in the housing ("li hanno abitati in tutto 26 persone"), not an inhabited area ("centri abitati")
    r"(?<!centri\s)(?<!centro\s)(?<!zone\s)(?<!aree\s)\babitat[oaie]\b|abitazion\w+|alloggi\w*|"
    r"appartament\w+|apartments?\b|immobil[ie]\b|locazion\w+|affitt\w+|housing|homes?\b|flats?\b|tenanc(?:y|ies)|"
    r"leases?\b|"
    r"\brent\b|households?\s+(?:moved|housed)|\bhoused\b|accoglienza\s+notturna|dormitori\w*|night\s+shelters?|"
    r"posti\s+(?:di|in)\s+accoglienza|pernottament\w+|overnight\s+stays?|"
    # having slept in the practice's beds ("ci hanno dormito in tutto 37 persone"; "dormitorio" above)
    r"(?:vi|ci|hanno|ha|abbiano)\s+dormit[oaie]\b|\bslept\b|"
    # a place to live found or given ("hanno trovato una sistemazione autonoma", "sistemazione abitativa")
    r"(?:trovat\w*|trovare|ottenut\w*|ottenere)\s+(?:una\s+|la\s+)?(?:nuova\s+)?sistemazion[ei]\b|"
    r"sistemazion[ei]\s+(?:abitativ|autonom|alloggiativ|stabil|temporane|definitiv)\w*",
}
_CUE = {area: re.compile(rf"\b(?:{p})", re.I) for area, p in _CUES.items()}
# Evenings as the time something happened ("In sei serate nella sala ..., 85 lavoratori hanno seguito incontri") are
# when, not an event the count is of ("Le serate ... sono state 9", "serate aperte a tutti: ... 400 persone").
_OCCASION = re.compile(r"serat", re.I)
_WHEN = re.compile(r"\b(?:in|nell[ae]|durante|during)\s+(?:[\w']+\s+)?$", re.I)


# A capitalised word of a street's name is no cue ("all'indirizzo «via della Casa Comunale 1»").
_STREET = re.compile(r"\b(?:via|viale|piazza|piazzale|vicolo|largo|contrada|località)\s+(?:[\w'’]+\s+){0,3}$",
                     re.I)  # fmt: skip


# "Voluntary" said of an act, not of people who volunteer: "95 iscrizioni volontarie al Servizio sanitario", "rimpatri
# volontari assistiti", "contributi volontari"
_VOLUNTARY_ACT = re.compile(r"\b(?:iscrizion|rimpatri|contribut|donazion|adesion|ritorn|uscit|dimission|"
                            r"registration|return|contribution|donation|departure)\w*\s+$", re.I)  # fmt: skip
# A cue said in the negative names no area: "40 donne, anche non accolte negli alloggi, in percorsi di orientamento"
# (not "non solo": "non solo alloggi ma anche lavoro" says both)
NEGATED = re.compile(r"\bnon\s+(?!(?:solo|soltanto|unicamente)\b)(?:[a-zà-ù'’]+\s+){1,2}$", re.I)


def _cues(p: re.Pattern[str], sentence: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    return list(_cues_in(p, sentence, start, len(sentence) if end is None else end))


# A sentence's cues are asked once per count and per question about it (own_cue, cue_area...): 61k calls, 16k of them
# distinct, in reading the 977 passages of corpus/ and the unseen batches; the scans were a quarter of that reading.
@lru_cache(maxsize=1024)
def _cues_in(p: re.Pattern[str], sentence: str, start: int, end: int) -> tuple[re.Match[str], ...]:
    return tuple(
        m
        for m in p.finditer(sentence, start, end)
        if not (_OCCASION.match(m.group()) and _WHEN.search(sentence, max(0, m.start() - 30), m.start()))
        and not (m.group()[:1].isupper() and _STREET.search(sentence, max(0, m.start() - 40), m.start()))
        and not NEGATED.search(sentence, max(0, m.start() - 30), m.start())
        and not (
            m.group()[:5].lower() == "volon" and _VOLUNTARY_ACT.search(sentence, max(0, m.start() - 30), m.start())
        )
    )


STAFF = re.compile(
    r"\b(?:operator[ie]|operatrici|dipendenti|assistenti\s+sociali|educator[ie]|educatrici|funzionari|insegnanti|"
    r"docenti|personale|staff|allenatori|coach(?:es)?|officers|officials|teachers|mediators|educators|social\s+workers|front[\s-]line\s+workers|case\s*workers|employees|professionals|mediatori|medici|infermier[ie]|"
    # the helping and public professions a service trains ("Sono stati formati 19 bibliotecari", "librarians")
    r"bibliotecari[ae]?|librarians|vigili|poliziott[ie]|police|agenti\s+(?:di\s+polizia|della\s+polizia)\w*|"
    r"psicolog[ie]|psicologhe|psychologists|avvocat[ie]|lawyers|impiegat[ie]|clerks|amministrativ[ie]|"
    r"segretari[e]?|pediatri|ostetriche|midwives|farmacisti|pharmacists|doctors|nurses|health\s+workers|"
    r"coordinator[ie]|coordinatrici|coordinators|referenti|dirigenti|managers|ispettori|inspectors)\b",
    re.I,
)
_TRAINING = re.compile(
    r"\b(?:formazione|format[ie]|formativ[oaie]|form(?:are|ano|at[oaie]|eranno|erà|ando|arsi)|aggiornament\w+|seminari\w*|webinar|training|trained|workshops?|cors[oi]|courses?|"
    r"giornat[ae]\s+formativ[ae]|modul[oi]\s+formativ[oi]|percors[oi]\s+formativ[oi]|"
    r"percors[oi]\s+di\s+\d+\s+ore)\b",
    re.I,
)
# Terms of the taxonomy whose counts the records file elsewhere: a language course is taking charge.
_LANGUAGE_COURSE = re.compile(r"(?:cors[oi]|laborator[io]|lezion[ei])\s+(?:di\s+)?(?:lingua|italiano)|italiano\s+L2|"
                              r"language\s+courses?", re.I)  # fmt: skip


# The trades a project trains so that they serve its public, named by their noun and its complement: employers and
# firms' tutors, labour consultants, the housing market's professions ("26 titolari di aziende e consulenti del lavoro",
# "amministratori di condominio e agenti immobiliari formati"); not "titolari di protezione internazionale".
PROFESSIONS = re.compile(
    r"(?:titolari\s+(?:di\s+|d['’]\s*)(?:aziend|impres|ditt|negoz|botteg)\w*|imprenditor[ie]|imprenditrici|"
    r"datori\s+di\s+lavoro|consulenti\s+del\s+lavoro|commercialisti|amministratori\s+di\s+condomini\w*|"
    r"agenti\s+immobiliari|tutor\s+aziendali|employers|business\s+owners|estate\s+agents|property\s+managers)\b",
    re.I,
)


def trained_staff(text: str, unit: str, noun: str = "") -> bool:
    """A count of staff in a sentence about their training, or of training events for staff ("6 seminari per i
    dipendenti comunali"): capacity building, whatever service they serve. `noun`: the count's noun and the words
    after it, which may name a trade the project trains (`PROFESSIONS`)."""
    staff = bool(STAFF.search(unit)) or bool(PROFESSIONS.match(noun))
    return (staff and bool(_TRAINING.search(text))) or bool(_TRAINING.match(unit) and STAFF.search(text))


def language_course(term: str) -> bool:
    """A course of the language ("laboratori di italiano L2"): the term with the words that say what is taught."""
    return bool(_LANGUAGE_COURSE.search(term))


def own_cue(sentence: str, start: int, end: int) -> str | None:
    """The area of a cue in the count's own words ("1.015 contatti", "14 incontri di comunità")."""
    return next((area for area, p in _CUE.items() if any(start <= m.start() < end for m in _cues(p, sentence))), None)


# The areas that say who the counted persons are rather than what was done: volunteers, staff trained.
PERSONS_ROLES = ("civic_engagement", "capacity_building")


def cue_area(sentence: str, start: int, end: int, clause: bool = True, others: tuple[tuple[int, int], ...] = ()
             ) -> str | None:  # fmt: skip
    """The area of the cue nearest the count at sentence[start:end]: in the count's own words first, then in
    its comma-separated segment, then (unless `clause` is False) in its clause (";"). A cue saying who persons are
    (`PERSONS_ROLES`: volunteers, staff trained) in the words of one of the sentence's `others` counts is that
    count's ("tenuta da 26 insegnanti volontari, ha avuto 146 iscritti": the volunteers are the 26, not the 146)."""
    for area, p in _CUE.items():
        if any(start <= m.start() < end for m in _cues(p, sentence)):
            return area
    for left_stop, right_stop in ((",;:", ",;:"), (";", ";"))[: 2 if clause else 1]:
        left = max(sentence.rfind(c, 0, start) for c in left_stop) + 1
        rights = [i for i in (sentence.find(c, end) for c in right_stop) if i >= 0]
        right = min(rights) if rights else len(sentence)
        found = [
            (min(abs(m.start() - start), abs(m.end() - end)), area)
            for area, p in _CUE.items()
            for m in _cues(p, sentence, left, right)
            if area not in PERSONS_ROLES or not any(s <= m.start() < e for s, e in others)
        ]
        if found:
            return min(found)[1]
    return None


def _stem(word: str) -> str:
    w = fold(word).lower().rstrip("*")
    return w[:-1] if len(w) > 3 and w[-1] in "aeiou" else w


def noun_area(terms: dict[str, tuple[str, ...]], noun: str) -> str | None:
    """The area of a one-word term of the taxonomy the counted noun is a form of ("18 coabitazioni": the term
    "coabitazione"): singular and plural share a stem."""
    stem = _stem(noun.split()[0]) if noun.strip() else ""
    if len(stem) < 3:
        return None
    for area, words in terms.items():
        if any(" " not in t and "-" not in t and _stem(t) == stem for t in words):
            return area
    return None


def after_cue(sentence: str, start: int, end: int) -> str | None:
    """The area of the first cue in sentence[start:end] (what a count's own words after it say it became)."""
    found = [(m.start(), area) for area, p in _CUE.items() for m in _cues(p, sentence, start, end)]
    return min(found)[1] if found else None
