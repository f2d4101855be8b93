"""Counts whose noun is left out because the text just said it: "156 iscritti; 97 di loro hanno ottenuto il
certificato", "Di queste, 263 sono state accompagnate", "726 persone; 263 sono state accompagnate". A count
told with a pronoun of people ("di loro", "di queste", "dei quali", "of them") counts people; one that only
follows another count of its sentence ("47 iscritti, di cui 31 hanno superato l'esame") borrows its noun. A
reflexive verb ("26 si sono trasformati in contratti") says what the things became: no count of them."""

from __future__ import annotations

import re

from knowledge.counted_nouns import _NOT_NOUNS, opening_count
from knowledge.counting import POPULATION, not_a_count
from knowledge.cues import PART, TARGET_BEFORE
from knowledge.figure_facts import ENGLISH_NOUNS, UNITS, FigureFact, number, unit_labels
from knowledge.labels import label
from knowledge.numbers import WORD_NUMBER

_PRONOUN = r"(?:di\s+(?:loro|questi|queste|essi|esse)|dei\s+quali|delle\s+quali|tra\s+(?:loro|questi|queste)|" \
           r"of\s+(?:them|whom|these))"  # fmt: skip
# An auxiliary or a finite verb: Italian third persons plural ("fanno", "vivono"), English past forms.
_VERB = (
    r"(?:hanno|ha|sono|è|erano|have|has|were|are|had|[a-zà-ù]+(?:ano|ono|anno)|[a-z]{3,}ed|got|found|took|made|"
    r"left|went|obtained)\b"
)
# A number then a pronoun of people ("27 di loro il percorso...", "22 delle quali con il contributo") or a verb
# ("29 hanno trovato"); a reflexive verb only after a partitive ("dei 74 beneficiari seguiti, 19 si sono iscritti").
_ELLIPTIC = re.compile(
    rf"(?<![\w.,/'’-])(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d+|{WORD_NUMBER})(?![\w.,/-]?\d)\s+"
    rf"(?:(?P<pron>{_PRONOUN})\b|(?P<refl>si\s+)?{_VERB})",
    re.I,
)
# "dei 74 beneficiari seguiti dall'equipe": the count a later bare number is a part of.
_PARTITIVE = re.compile(r"\b(?:dei|degli|delle|tra\s+i|fra\s+i|of\s+the)\s+\d[\d.]*\s+\w+", re.I)
_OF_WHOLE = re.compile(r"\s+(?:dei|degli|delle|of\s+the)\s+\d[\d.,]*\s+(?P<noun>[a-zà-ù]{3,})\b", re.I)
_PART_BEFORE = re.compile(rf"\b{PART}\s*$", re.I)
_PART_AFTER = re.compile(r"[\d.,]+\s+(?:(?:delle|dei)\s+quali|of\s+(?:them|whom))\b", re.I)
# ... with up to two words after its noun: "Of the 64 people housed, 41 found a job", "Dei 30 ragazzi seguiti, ..."
_RELATIVES = {"who", "whom", "which", "that", "che", "cui", "quali"}
_PARTITIVE_LEAD = re.compile(r"\b(?:dei|degli|delle|of\s+the)\s+(?P<whole>\d[\d.,]*)\s+(?P<noun>[a-zà-ù]{3,})"
                             r"(?:\s+[a-zà-ù'’]+){0,5}\s*,\s*$", re.I)  # fmt: skip
# "Tra le persone prese in carico, 61 sono state accompagnate": the group a sentence opens with, its part counted.
# ... or a group just named taken up ("Of these trainees, 29 were then hired", "Di questi ragazzi, 12 lavorano").
_GROUP_LEAD = re.compile(r"(?:^|[;:.]\s*)(?:(?:tra|fra|among)\s+(?:i|gli|le|the|quest[ie]|these|those)|"
                         r"(?:out\s+)?of\s+(?:these|those|the)|di\s+quest[ie]|dei|degli|delle)\s+"
                         r"(?P<noun>[a-zà-ù]{3,}[ies])"
                         r"(?:\s+[\w'’]+){0,5}\s*,\s*$", re.I)  # fmt: skip
_LEAD = re.compile(rf"(?:[;,:]\s*|\b{PART}\s+|\b(?:altri|altre|further|another)\s+|\b(?:e|and)\s+)$", re.I)
# A verb with the clitic "ne" (of them) before a bare number: "accompagnandone 29 a un corso", "di prenderne in
# carico 60", "ne sono stati attivati 33": the number counts what the sentence counted before it.
_AUX = r"(?:sono|è|ha|hanno|abbiamo|avevamo|siamo|erano|era|aveva|avevano)"
_CLITIC = re.compile(rf"(?:\b[a-zà-ù]{{4,}}ne|\bne\s+(?:{_AUX}\s+)?(?:stat[ie]\s+)?[a-zà-ù]+)"
                     r"(?:\s+(?:in\s+carico|già|poi|altri|altre|più\s+di|oltre|circa|almeno|quasi))?\s+$",
                     re.I)  # fmt: skip
# Verbs whose object is people: a clitic "ne" with no count before it in its sentence stands for persons ("Da
# gennaio ne sono passate più di trecento", "ne abbiamo accompagnate centoventi ai servizi").
_OF_PEOPLE = re.compile(r"\bne\b.*\b(?:accol|accompagnat|passat|seguit|ospitat|inserit|aiutat|assistit|incontrat|"
                        r"arrivat|orientat|sostenut|pres[ei]\s+in\s+carico)\w*", re.I)  # fmt: skip
# Events a clitic "ne" with no count before it stands for: the event the sentence named before it ("le feste di
# vicinato: finora se ne sono fatte 6", "una cena a offerta libera ...: da settembre ne sono state organizzate 6", "le
# «cene in cortile»: nel 2025 la cascina ne ha organizzate 5"), counted in its plural.
_EVENT_PLURAL = {"cena": "cene", "cene": "cene", "festa": "feste", "feste": "feste", "pranzo": "pranzi",
                 "pranzi": "pranzi", "evento": "eventi", "eventi": "eventi", "serata": "serate", "serate": "serate",
                 "spettacolo": "spettacoli", "spettacoli": "spettacoli", "concerto": "concerti", "concerti": "concerti",
                 "torneo": "tornei", "tornei": "tornei", "mostra": "mostre", "mostre": "mostre",
                 "proiezione": "proiezioni", "proiezioni": "proiezioni", "giornata": "giornate",
                 "giornate": "giornate", "edizione": "edizioni", "edizioni": "edizioni"}  # fmt: skip
# ... and with no event named in its sentence (the sentence before named it: "... ripetere le cene di vicinato. Da
# settembre ne sono state organizzate 6"), a participle of organising or holding says they are events.
_ORGANISED = re.compile(r"\bne\s+(?:(?:sono|è|abbiamo|hanno|ha|siamo)\s+)?(?:stat[ie]\s+)?(?:già\s+)?"
                        r"(?:organizzat|tenut|svolt|promoss)[ie]\s+(?:già\s+|finora\s+|ben\s+)?$", re.I)  # fmt: skip
_EVENT_NAMED = re.compile(rf"\b({'|'.join(sorted(_EVENT_PLURAL, key=len, reverse=True))})\b", re.I)


# A target a clitic "ne" states with a verb of planning or expecting: what it counts is what the sentence said it is
# about after "per" ("per le donne prese in carico il risultato va oltre l'obiettivo della convenzione, che ne
# prevedeva 50", "restano sotto per i contratti regolari, dove se ne attendevano 25"), the nearest such before it
# and after any count the sentence said before it.
_EXPECTED = re.compile(r"\bne\s+(?:(?:erano|era|sono|è)\s+(?:stat[ie]\s+)?)?(?:prevede\w*|previst[ie]|attende\w*|"
                       r"attes[ie]|aspetta\w*|programmat[ie])\s+(?:(?:almeno|circa|solo)\s+)?$", re.I)  # fmt: skip
_FOR_NOUN = re.compile(r"\bper\s+(?:i|gli|le)\s+(?P<words>(?P<noun>[a-zà-ù]{3,}[ie])"
                       r"(?:\s+(?!(?:il|la|lo|i|gli|le|è|sono|va|resta|restano|che|dove)\b)[a-zà-ù]+){0,3})",
                       re.I)  # fmt: skip


def _named_for(head: str) -> re.Match[str] | None:
    """The last "per" and the plural noun phrase the words before a target's clitic "ne" say they are about."""
    found = list(_FOR_NOUN.finditer(head))
    return found[-1] if found else None


def _event_named(head: str) -> re.Match[str] | None:
    """The last event the words before a clitic "ne" name, before the clitic's own clause."""
    at = head.lower().rfind("ne ")
    found = list(_EVENT_NAMED.finditer(head, 0, at if at >= 0 else len(head)))
    return found[-1] if found else None


# A bare number in digits, or in words from eleven up ("ne abbiamo accolti trecento": small ones describe).
_BARE = re.compile(rf"(?<![\w.,/'’-])(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:,\d{{3}})+|\d+|{WORD_NUMBER})"
                   r"(?![\w.,/%-]?\d)(?!\s*%)(?![\w-])", re.I)  # fmt: skip
_PRONOUN_BEFORE = re.compile(rf"(?:^|[;,:.]\s*){_PRONOUN}\s*,?\s*$", re.I)
_PERSONS = {"families", "minors", "women", "beneficiaries"}  # counted units a pronoun of people can stand for
# Verbs only persons are the subject of, right after a bare number that opens its clause.
_PERSON_VERB = re.compile(r"\s+(?:frequentano|lavorano|vivono|abitano|studiano|partecipano|(?:sono|erano)\s+"
                          r"(?:iscritt[ie]|assunt[ie])|attend|live|work|study)\b", re.I)  # fmt: skip
_CLAUSE_OPEN = re.compile(r"(?:^|[.;:]\s*)(?:(?:quest['’]\s*anno|oggi|finora|attualmente|this\s+year|today|now|"
                          r"(?:nel|in)\s+\d{4})\s*,?\s*)?$", re.I)  # fmt: skip
# A reported statement opening a clause ("riferisce che", "spiega che", "..., e che"): its bare number's noun is left
# out as in speech; a verb of what persons did or had done to them after it ("sono state iscritte", "hanno ottenuto").
_SAYING = re.compile(r"\b(?:riferisc\w+|riferit\w+|spieg\w+|raccont\w+|dice|dicono|precis\w+|sottoline\w+|"
                     r"aggiung\w+|ricord\w+|segnal\w+|conferm\w+|afferm\w+|osserv\w+|annunci\w+|comunic\w+|"
                     r"fa\s+sapere|fanno\s+sapere)\b", re.I)  # fmt: skip
_REPORTED = re.compile(r"\bche\s+(?:(?:circa|oltre|ben|quasi)\s+)?$", re.I)
_DID = re.compile(r"\s+(?:(?:sono|erano)\s+(?:stat[ie]\s+)?[a-zà-ù]+(?:at|ut|it|ct|tt|s)[ie]\b|"
                  r"(?:hanno|avevano)\s+(?:già\s+|poi\s+|anche\s+)?[a-zà-ù]+(?:at|ut|it|tt|st|rt|s)o\b)",
                  re.I)  # fmt: skip
# A share of a sum said by where the money comes from ("168.000 arrivano dalla Regione", "vengono dal fondo", "sono
# coperti dalla Fondazione"): the funder, a fund or a programme after it, never a country people come from.
_FUNDED = re.compile(r"\s+(?:(?:arriv|proven|veng|giung)\w*|(?:sono\s+)?(?:copert|finanziat|stanziat|mess)[ie])\s+"
                     r"(?:d(?:a|al|alla|allo|ai|agli|alle|all['’])\s*)(?:[\w'’]+\s+){0,2}?(?:Region|Stat[oi]\b|"
                     r"Minister|Fondazion|Comun|Provinc|Union|UE\b|EU\b|programm|fond[oi]\b|bando|FAMI|PNRR|FSE|FESR|"
                     r"Cassa|bilancio)", re.I)  # fmt: skip
_OF_WHICH = re.compile(r"(?:dei|delle)\s+quali", re.I)
# "In 61 sono riusciti a firmare un contratto", "in 41 hanno il certificato", "eravamo in 30": "in" and a number as the
# subject of a verb counts the persons who did it (Italian says so of people only).
_IN_N = re.compile(r"(?:^|[.;:,]\s*|\b(?:e|ed|ma)\s+)in\s+(?:(?:circa|oltre|più\s+di|quasi|ben)\s+)?$", re.I)


def _of_persons(unit: str) -> bool:
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    return unit in _PERSONS | {"people", "families"} or counts_persons(unit)


# A clause joined after a comma ("..., and six have since moved", "..., e sei di loro hanno firmato").
_COORDINATED = re.compile(r"[,;]\s*(?:e|ed|and|ma|but)\s+$", re.I)
_TIME = re.compile(r"\b(?:alle|dalle|ore|entro|dopo|fra|tra)\s+$", re.I)
# "173 persone, a fronte delle 150 previste", "14 inserimenti abitativi, contro i 20 previsti": a number then a
# participle of planning is the planned count of what the count before it counted (a stated target; "delle 150"
# refers to the plan, not back to a count).
_PLANNED_AFTER = re.compile(r"\s+(?:previst[ie]|programmat[ie]|preventivat[ie]|attes[ie]|expected|planned|foreseen)\b",
                            re.I)  # fmt: skip
# "36 persone all'iscrizione anagrafica e 23 al rinnovo del permesso", "19 contratti: dodici per famiglie con
# minori e 7 per lavoratori soli": a bare number joined by "e" (or by the colon that opens the parts) to the count
# before it, a preposition where that count had its noun, counts the same (not a rate: "e 3 al mese").
_GAPPED = re.compile(r"\s+(?:un|uno|una|un['’])\s*(?!(?:volta|settimana|mese|anno|giorno|ora|sola|solo)\b)[a-zà-ù]{3,}",
                     re.I)  # fmt: skip
_JOINED = re.compile(r"(?:\b(?:e|ed|and)|:)\s+$", re.I)
_PREPOSITION = re.compile(r"\s+(?:a|al|allo|alla|ai|agli|alle|all['’]|in|nel|nella|nei|negli|nelle|per|con|verso|to|"
                          r"into|for|with)(?:\s+|(?<=['’]))(?!(?:più|meno|more|less|each|ogni|ciascun\w*|testa|"
                          r"persona|settiman\w+|mes[ei]|ann[oi]|giorn[oi]|or[ae]|weeks?|months?|years?|days?)\b)",
                          re.I)  # fmt: skip


def elliptic(sentence: str, found: list[FigureFact]) -> list[FigureFact]:
    """The counts of `sentence` whose noun was left out (see the module's docstring)."""
    from knowledge.statements import stated  # it reads the known units of figures: imported when used

    out: list[FigureFact] = [f for f in stated(sentence) if not any(g.start <= f.start < g.end for g in found)]
    wholes: list[FigureFact] = []  # the wholes a clause opens with, read after their parts
    for m in _ELLIPTIC.finditer(sentence):
        start, end = m.start("num"), m.end("num")
        head = sentence[:start]
        value = number(m.group("num"))
        if value is None or value < 2 or (m.group("num").isdigit() and 1900 <= value <= 2100) or _TIME.search(head):
            continue
        if (
            value <= 10
            and not m.group("num")[0].isdigit()
            and not opening_count(sentence, start, end, value)
            and not (_COORDINATED.search(head) and any(f.end <= start and _of_persons(f.unit) for f in found))
        ):
            # small numbers in words describe ("tre di loro"), unless opening a sentence ("Tre di loro hanno") or a
            # clause joined to a count of persons ("18 people have lived there, and six have since moved out")
            continue
        if not_a_count(sentence, start, m.end(), "generic"):
            continue
        if m.group("pron") and POPULATION.search(sentence[max(0, start - 30) : start]):
            continue  # "44.000 abitanti, 3.600 dei quali stranieri": a part of a population is a population
        before = sorted([f for f in [*found, *out] if f.end <= start], key=lambda f: f.end)
        if m.group("refl") and not _PARTITIVE.search(head):
            continue  # "26 si sono trasformati in contratti": what things became
        if _FUNDED.match(sentence, end):
            continue  # "Di questi [euro], 168.000 arrivano dalla Regione": a share of a sum, no persons
        if m.group("pron") or _PRONOUN_BEFORE.search(head) or m.group("refl"):
            # a pronoun stands for the people the sentence counted first ("41 famiglie, ...; per 29 di loro")
            first = min(found, key=lambda f: f.start) if found else None
            unit = first.unit if first and first.unit in _PERSONS and first.start < start else "people"
            words = "persone" if unit == "people" else first.text.split(maxsplit=1)[-1]  # type: ignore[union-attr]
            # "305 of them women", "118 di loro donne": the unit the pronoun is followed by
            said_unit = re.match(r"\s+(\w+(?:\s+\w+)?)", sentence[m.end("pron") :]) if m.group("pron") else None
            known = [c for c, p in UNITS.items() if said_unit and re.match(rf"(?:{p})\b", said_unit.group(1), re.I)]
            if known and known[0] in _PERSONS | {"people"}:
                unit, words = known[0], said_unit.group(1).split()[0]  # type: ignore[union-attr]
            elif _OF_WHICH.fullmatch(m.group("pron") or "") and before and not _of_persons(before[-1].unit):
                # "18 ricorsi contro i dinieghi, 11 dei quali già accolti": the relative stands for the things just
                # counted, not for people
                noun = before[-1]
                unit, words = noun.unit, re.sub(r"^\S+\s*", "", noun.text) or unit_labels(noun.unit)[0]
        elif not before and (part := _PARTITIVE_LEAD.search(head) or _group(head)) and not m.group("refl"):
            # "Dei 33 tirocinanti, 19 hanno ottenuto un contratto": a part of the whole just named; "Of the 57 who
            # finished a course, 41 were hired": of the persons a relative clause describes
            whole_noun = part.group("noun").lower()
            if whole_noun in _RELATIVES:
                if whole_noun not in ("who", "whom"):
                    continue
                unit, words = "people", "people"
            elif re.fullmatch(r"[a-z]{3,}ed", whole_noun) and part.re is _PARTITIVE_LEAD:
                unit, words = "people", whole_noun  # "Of the 214 enrolled, 131 ...": the persons enrolled
            else:
                unit, words = _unit_of(whole_noun), whole_noun
            if part.re is _PARTITIVE_LEAD and re.fullmatch(r"(?:.*[;:.])?\s*", head[: part.start()], re.S):
                # the whole a clause opens with is a count too ("Dei 18 iscritti al corso, 14 ..."), unless the
                # document states it elsewhere (`record_fields.settle_figures`)
                a, b = part.span("whole")
                total = number(part.group("whole"))
                if total and total > value and not any(f.start == a for f in [*found, *out, *wholes]):
                    said_whole = label(sentence, a, part.end("noun"), words, unit)
                    wholes.append(FigureFact(total, unit, said_whole, sentence[a:b], a, b))
        elif _REPORTED.search(head) and _SAYING.search(head) and _DID.match(sentence, end):
            # "Haddad riferisce che 26 sono state iscritte ai corsi e che 29 hanno ottenuto un contratto": a
            # reported statement's bare subject who was enrolled or obtained something is persons
            unit, words = "people", "persone"
        elif not before and _PERSON_VERB.match(sentence, end) and _CLAUSE_OPEN.search(head):
            # "Quest'anno 22 frequentano la scuola serale": only persons attend, live, study or are enrolled
            unit, words = "people", "persone"
        elif _IN_N.search(head) and not m.group("refl"):
            unit, words = "people", "persone"
        elif before and _LEAD.search(head):
            noun = before[-1]
            rest = re.sub(r"^\S+\s*", "", noun.text) if noun.text[:1].isdigit() else noun.unit
            unit, words = noun.unit, rest or unit_labels(noun.unit)[0]  # a bare count before: its unit's label
        else:
            continue
        said = m.end("pron") if m.group("pron") else end  # the label reads on after "di loro"
        out.append(FigureFact(value, unit, label(sentence, start, said, words, unit), sentence[start:end], start, end))
    out += borrowed(sentence, [*found, *out])
    return out + wholes


def _group(head: str) -> re.Match[str] | None:
    """The group of persons or things a sentence opens with ("Tra le persone prese in carico, "), not of places."""
    m = _GROUP_LEAD.search(head)
    return m if m and m.group("noun").lower() not in _NOT_NOUNS else None


def _unit_of(noun: str) -> str:
    """A noun as a unit: a known unit's code ("alloggi", "flats"), else the network's noun for an English one."""
    noun = noun.lower()
    known = [code for code, p in UNITS.items() if re.fullmatch(p, noun)]
    return known[0] if known else ENGLISH_NOUNS.get(noun, noun)


def borrowed(sentence: str, found: list[FigureFact]) -> list[FigureFact]:
    """Bare numbers that borrow the noun of the sentence's count before them: after a clitic "ne", as a target
    ("contro un obiettivo di 250"), or parallel to that count ("accompagnandone 29 a un corso e 17 a un
    lavoro": the same word after both numbers). A number at the start of a sentence or list item that is the
    subject of an active verb ("19 hanno ottenuto un contratto", "...; 52 hanno frequentato il corso") counts people."""
    out: list[FigureFact] = []
    taken = [(f.start, f.end) for f in found]
    for m in _BARE.finditer(sentence):
        start, end = m.span("num")
        value = number(m.group("num"))
        if (
            value is None
            or value < 2
            or any(s <= start < e for s, e in taken)
            or (1900 <= value <= 2100 and "." not in m.group("num"))
            or (value <= 10 and not m.group("num")[0].isdigit())
        ):
            continue
        head = sentence[:start]
        before = sorted([f for f in [*found, *out] if f.end <= start], key=lambda f: f.end)
        planned = bool(before and _PLANNED_AFTER.match(sentence, end))
        if _TIME.search(head) or (not_a_count(sentence, start, end, "generic") and not planned):
            continue
        nxt = re.match(r"\s+(\w+)", sentence[end:])
        parallel = before and nxt and re.match(rf"\s+{re.escape(nxt.group(1))}\b", sentence[before[-1].end :])
        # ... or its verb left out before an object ("21 hanno ottenuto un tirocinio ... e 14 un lavoro retribuito")
        joined = (before and _JOINED.search(head)
                  and (_PREPOSITION.match(sentence, end) or _GAPPED.match(sentence, end))
                  and not re.search(r"[;.]", sentence[before[-1].end : start]))  # fmt: skip
        named = _named_for(head) if _CLITIC.search(head) and _EXPECTED.search(head) else None
        if named and (not before or named.start() > before[-1].end):
            # "per i contratti regolari, dove se ne attendevano 25": a target of what its clause is about
            unit = _unit_of(named.group("noun"))
            words = re.sub(r"\s+(?:di|del|dei|degli|delle|in|nei|negli|nelle|nel|a|ai|agli|alle|al|con|da|dai|su)$", "",
                           named.group("words"))  # fmt: skip
        elif before and (_CLITIC.search(head) or TARGET_BEFORE.search(head) or (parallel and _LEAD.search(head))
                         or joined or planned):  # fmt: skip
            # a target is of the count its clause is about, not of a part of it ("312 persone, 118 delle quali
            # donne, contro un obiettivo di 400": 400 persone)
            wholes = [g for g in before if not (_PART_BEFORE.search(sentence[: g.start])
                                                 or _PART_AFTER.match(sentence, g.start))]  # fmt: skip
            noun = wholes[-1] if (TARGET_BEFORE.search(head) or planned) and wholes else before[-1]
            unit = noun.unit
            rest = re.sub(r"^\S+\s*", "", noun.text) if noun.text[:1].isdigit() else noun.unit
            words = rest or unit_labels(unit)[0]  # a bare count borrowed its noun too: the unit's label
        elif not before and _CLITIC.search(head) and _OF_PEOPLE.search(head[-60:]):
            unit, words = "people", "persone"
        elif not before and _CLITIC.search(head) and (event := _event_named(head)):
            unit = words = _EVENT_PLURAL[event.group(1).lower()]
        elif not before and _CLITIC.search(head) and _ORGANISED.search(head[-50:]):
            unit = words = "eventi"  # "Da settembre ne sono state organizzate 6": what is organised or held is events
        elif whole := _OF_WHOLE.match(sentence, end):
            # "58 dei 90 partecipanti", "5 of the 6 flats": a part of a whole named right after it
            unit, words = _unit_of(whole.group("noun")), whole.group("noun").lower()
        elif re.search(r"(?:^|;)\W*$", head) and re.match(r"\s+(?:hanno|have|has)\s+[a-zà-ù]+", sentence[end:], re.I):
            unit, words = "people", "persone"
        else:
            continue
        out.append(FigureFact(value, unit, label(sentence, start, end, words, unit), sentence[start:end], start, end))
        taken.append((start, end))
    return out
