"""Counts of any noun ("87 cartelle sociali", "410 accessi", "12 operatori", "1.200 ore di mediazione", "una trentina
di proprietari", "28 municipal and health-service staff"): the noun is the unit, as written; the parts of a count
after "di cui" ("48 domande, di cui 30 ammesse"); a number in words opening its sentence. The known units are
`knowledge.figures`'s, which asks this module for the rest."""

from __future__ import annotations

import re

from knowledge.counting import not_a_count
from knowledge.cues import PART
from knowledge.figure_facts import ENGLISH_NOUNS, NUM, UNIT_LABELS, UNITS, FigureFact, is_year, number
from knowledge.labels import _AVERAGE, TIME_UNITS, label
from knowledge.numbers import APPROXIMATE

# "48 domande, di cui 30 ammesse": after "di cui" a participle agreeing with the noun before says what the part is.
_PART_LEAD = re.compile(rf"\b{PART}\s+$", re.I)
# ... and the next part of the same list: "8 alloggi, di cui 5 di proprietà comunale e 3 reperiti sul mercato"
_NEXT_PART = re.compile(rf"\b{PART}\s+\d[\d.,]*\s[^;:()\d]*?\s(?:e|ed|and)\s+$", re.I)
_PARTICIPLE_WORD = re.compile(r"^[a-zà-ù]+(?:at|it|ut|ess|es|us|ost|ott|ert|olt|ist)[ei]$", re.I)
# A part of a sum is money too: "120.000 euro fino al 2028, di cui 30.000 messi dal bilancio comunale" (no other
# number than a year between them).
_MONEY_PART = re.compile(rf"(?:€\s*\d[\d.,]*|\d[\d.,]*\s*(?:euro|eur|€))(?:[^;:\d]|(?:19|20)\d\d){{0,80}}?\b{PART}\s+"
                         rf"(?:\d[\d.,]*\s[^;:()\d]*?\s(?:e|ed|and)\s+)?$", re.I)  # fmt: skip


def part_of(sentence: str, f: FigureFact, found: list[FigureFact]) -> FigureFact:
    """A count of a participle after "di cui" is a part of the count before it, in its unit."""
    before = [g for g in found if g.end <= f.start]
    word = f.unit.split()[0] if f.unit not in UNIT_LABELS else ""
    if not before or not word or word in _EVENT_NOUNS or not _PARTICIPLE_WORD.match(word):
        return f
    if not _PART_LEAD.search(sentence[: f.start]) and not _NEXT_PART.search(sentence[: f.start]):
        return f
    whole = max(before, key=lambda g: g.end)
    noun = re.sub(r"^\S+\s+", "", whole.text) if whole.text[:1].isdigit() else whole.unit
    return FigureFact(f.value, whole.unit, f"{noun} {word}".lower(), f.text, f.start, f.end)


# --- any counted noun ----------------------------------------------------------------------------------------
# "87 cartelle sociali", "410 accessi", "12 operatori", "1.200 ore di mediazione": a number and a plural noun
# are a count whatever the noun, once the context rules (`not_a_count`) and the words below are left out.
_NOT_NOUNS = {
    # function words, verbs and connectives that follow numbers
    "del", "dei", "degli", "delle", "della", "alle", "agli", "nelle", "negli", "sulle", "sugli", "dalle", "dagli",
    "tra", "fra", "per", "con", "che", "non", "più", "circa", "oltre", "sono", "erano", "hanno", "nel", "dal",
    "the", "and", "are", "were", "have", "from", "more", "than", "out", "new", "cui", "ciascuno",
    "volte", "times", "anni", "anno", "years", "year", "secoli", "euro", "milioni", "mila", "miliardi", "million",
    "millions", "thousand", "comuni", "città", "regioni", "province", "municipalities", "cities", "regions",
    "abitanti", "inhabitants", "metri", "chilometri", "ettari", "litri", "chili", "tonnellate", "quintali",
    "metres", "meters", "kilometres", "hectares", "punti", "pagine", "pages", "posizioni", "volumi",
    "righe", "lines", "anziché", "invece", "rispetto", "ovvero", "cioè", "mentre", "quali", "quale", "nei", "sui",
    "dai", "coi", "ai", "tre", "due", "sei", "nove", "dieci", "venti", "cento", "mille", "sere", "mattine",
    # a month's payment is money, never whom or what the practice served ("ha coperto 6 mensilità non pagate")
    "mensilità", "mensilita", "annualità", "annualita",
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    # participles of planning after a bare number: "contro i 20 previsti" is a target of the count before it
    "previsti", "previste", "programmati", "programmate", "preventivati", "preventivate", "attesi", "expected",
    "planned", "foreseen",
    "novembre", "dicembre", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    # what describes a group rather than counts what was done: "11 consiglieri di 9 nazionalità", "in 6 lingue"
    "nazionalità", "nationalities", "lingue", "languages", "paesi", "countries", "etnie",
    # flows of migration a place sees, never what a practice did ("l'hotspot ha registrato oltre 30.000 arrivi")
    "arrivi", "sbarchi", "approdi", "respingimenti", "arrivals", "landings", "pushbacks",
    # the parts of a city (like "comuni", "città") and of a document
    "quartieri", "rioni", "frazioni", "municipi", "neighbourhoods", "districts", "capitoli", "allegati", "paragrafi",
    "sezioni", "tabelle", "grafici", "chapters", "annexes", "sections", "tables",
}  # fmt: skip
# Nouns of events in -ate/-ati that are no participles ("10 serate", "6 giornate").
_EVENT_NOUNS = {"serate", "giornate", "mattinate", "nottate", "passeggiate", "camminate", "tavolate", "grigliate"}
_PRE_ADJECTIVES = {"nuovi", "nuove", "ulteriori", "diversi", "diverse", "altri", "altre", "new", "further", "other"}
# An adverb between a number and what it counts ("di cui 131 già accolte", "52 ancora aperte", "12 poi assunti") is
# never the noun: the words after it are read as if it were not there.
_ADVERBS = {
    "già",
    "ancora",
    "poi",
    "ormai",
    "tuttora",
    "appena",
    "infine",
    "successivamente",
    "attualmente",
    "effettivamente",
    "regolarmente",
    "stabilmente",
    "already",
    "still",
    "then",
    "now",
    "eventually",
}
# "780 primi colloqui": an ordinal that makes one noun with the next ("primi contatti", "prime visite").
_ORDINALS = {"primi", "prime", "first"}
# A second word that belongs to the noun: an adjective ("cartelle sociali", "ore settimanali") or "di X".
# A past participle after the noun says what happened to it ("9 case recuperate", "42 operatori formati"): the
# label keeps it, the unit does not (one count, one unit).
_ADJECTIVE = re.compile(r"^[a-zà-ù]+(?:ali|ili|ari|ivi|ive|ici|iche|enti|anti|osi|ose|"
                        r"ani|ane|ini|ine|esi|esche|eschi)$")  # fmt: skip
_COUNTED = re.compile(
    rf"(?<![\w.,/'’-]){NUM}(?![\w.,/-]?\d)\s+(?P<art>(?:i|gli|le|tra|fra)\s+)?(?P<noun>[a-zà-ù]{{3,}}(?:\s+[a-zà-ù]{{3,}}){{0,2}})"
    r"(?P<tail>\s+(?:di|d['’])\s*[a-zà-ù]{3,})?",
    re.I,
)
# "tra dipendenti e agenti", "tra medici di famiglia, infermiere e operatori": the nouns a count adds up, listed
# (each one of the list with a few words of its own: "31 tra assistenti sociali del Comune, operatori della Zona sociale
# n. 9 e agenti della Polizia locale")
_MEMBER_TAIL = r"(?:\s+(?:n\.\s*\d+|[\w'’]+)){0,4}?"
_BETWEEN = re.compile(rf"{_MEMBER_TAIL}(?:,\s+[a-zà-ù]+{_MEMBER_TAIL})*\s+(?:e|ed|and)\s", re.I)  # fmt: skip
# "Sono 40 i dipendenti che...", "sono stati 16 i giovani...": the count stated by "essere", the noun after its article.
_BE_BEFORE = re.compile(r"\b(?:sono|erano|saranno|furono|sono\s+stat[ie])\s+(?:(?:oltre|circa|ben|quasi)\s+)?$", re.I)
_TIME_BEFORE = re.compile(r"\b(?:entro|dopo|fra|tra|ogni|per|da|nei|negli|durante|within|after|every|for|in|over|"
                          r"during)\s+"
                          r"(?:(?:i|gli|le|oltre|circa|almeno|the)\s+)?$", re.I)  # fmt: skip


def _english_plural(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_NOUNS


# Hires and job placements count the persons hired or placed (like "enrolments" the persons enrolled).
_HIRES = {"assunzioni", "inserimenti lavorativi", "hires", "hirings"}
# Nouns of persons the same in the plural: Italian collectives and English loanwords ("12 tutor", "8 caregiver").
_INVARIANT = {"staff", "personale", "tutor", "mentor", "caregiver", "leader", "manager", "coach", "trainer"}


def _plural(word: str) -> bool:
    """An Italian plural (-i, -e, invariant -à) or an English one (-s)."""
    w = word.lower()
    if w in _INVARIANT:  # invariant nouns of people counted ("22 tutor volontari")
        return True
    if w.endswith("ione"):
        return False  # "edizione", "riunione": the plural is "-ioni"
    if w.endswith("rà"):
        return False  # a verb's future ("all'incontro del 17 verrà", "sarà", "potrà"), no noun ends so
    if re.search(r"(?:ati|ate|usi|use|olti|olte)$", w) and w not in _EVENT_NOUNS:
        return False  # a past participle ("di cui 9 conclusi", "3 attivati"), not a noun
    return w not in _NOT_NOUNS and (w.endswith(("i", "e", "à")) or (w.endswith("s") and len(w) > 3))


# A verb of organising or holding right before the number (a few words of time or degree between them): what it
# counts are events ("hanno organizzato 3 sfilate", "ha organizzato da ottobre 14 incontri", "the project has held 6
# dinners", "si sono svolte 4 passeggiate").
ORGANISED_BEFORE = re.compile(r"\b(?:organizzat[oaie]|organizzano|organizza|tenut[oaie]|svolt[oaie]|promoss[oaie]|"
                              r"allestit[oaie]|held|organi[sz]ed|hosted|staged)\s+(?:[^\W\d][\w'’]*\s+){0,3}?"
                              r"(?:(?:già|finora|ben|oltre|circa|almeno|ancora|already|over|about)\s+)?$",
                              re.I)  # fmt: skip
_PARTICIPLE_SHAPE = re.compile(r"(?:ati|ate)$")


# A sentence opens with a number in words (a number may not open a sentence in digits: "Sette ospiti ... hanno
# trovato un alloggio", "Cinque aree verdi sono state adottate"): a count when a verb follows in its clause (not a
# headline's "Due solitudini sotto lo stesso tetto:" nor "Dieci anni fa").
_OPENING = re.compile(r"[\s«\"“'‘•*-]*$")
_SCALE_AFTER = re.compile(r"\s+(?:dozen|dozens|dozzin\w+|decin\w+|centinai\w+|hundreds?|thousands?|migliaia)\b", re.I)
# ... or any Italian verb of the third person plural ("Otto ragazzi del centro fanno volontariato", "vivono")
_CLAUSE_VERB = re.compile(r"\b(?:hanno|ha|sono|è|erano|era|furono|were|was|have|has|had|are|is|"
                          r"[a-zà-ù]{2,}(?:ano|ono|nno|rono))\b", re.I)  # fmt: skip


# ... or its clause after a report's run-in label ("Care leavers: six semi-autonomy flats opened ... hosted 24").
_LABEL_OPENING = re.compile(r"^[\s«\"“'‘•*-]*[A-ZÀ-Ý][^\W\d]*(?:\s+[^\W\d]+){0,3}:\s+$")  # no count in the label
_ENGLISH_PAST = re.compile(r"\b[a-z]{3,}ed\b")


def opening_count(sentence: str, start: int, end: int, value: float) -> bool:
    """A number in words at sentence[start:end] opening its sentence, capitalised, with a verb in its clause (or
    opening the clause after a run-in label of a few words and a colon)."""
    labelled = bool(_LABEL_OPENING.match(sentence[:start]))
    if not labelled and (not _OPENING.match(sentence[:start]) or not sentence[start : start + 1].isupper()):
        return False
    if value < 2 or _SCALE_AFTER.match(sentence, start + len(sentence[start:end].split()[0])):
        return False  # "Un appartamento è dotato ...", "Two dozen people a month": one thing, or about that many
    stop = min([i for i in (sentence.find(c, end) for c in ";:") if i >= 0] or [len(sentence)])
    return bool(_CLAUSE_VERB.search(sentence, end, stop) or (labelled and _ENGLISH_PAST.search(sentence, end, stop)))


# English plurals without an -s ("staff", "people", "children"): the other nouns of an English sentence end in -s.
_ENGLISH_IRREGULAR = {"staff", "personnel", "people", "children", "women", "men", "youth", "police", "police officers"}


def counted_nouns(sentence: str) -> list[FigureFact]:
    """Counts of any noun: the noun (and an adjective that goes with it) is the unit, as written."""
    out: list[FigureFact] = []
    english = len(_ENGLISH_WORDS.findall(sentence)) >= 2 and not _ITALIAN_WORDS.search(sentence)
    for m in _COUNTED.finditer(sentence):
        art = (m.group("art") or "").strip().lower()
        if art in ("tra", "fra") and not _BETWEEN.match(sentence, m.end("noun")):
            continue  # "35 tra dipendenti e agenti" counts both; "5 tra le città" is no count of a noun
        if art in ("i", "gli", "le") and not _BE_BEFORE.search(sentence[: m.start()]):
            continue  # "dei 20 i..." cannot be; an article after a number belongs to "sono N i ..."
        words = m.group("noun").split()
        if words[0].lower() in _ADVERBS:
            words = words[1:]  # "131 già accolte": the participle after the adverb
            if not words:
                continue
        if words[0].lower() in _PRE_ADJECTIVES and len(words) >= 2:
            words = words[1:]  # "87 nuove cartelle": the noun is "cartelle"
        if len(words) >= 2 and " ".join(words[:2]).lower() in ENGLISH_NOUNS:
            words = words[:2]  # "first contacts"
        elif len(words) >= 2 and words[0].lower() in _ORDINALS and _plural(words[1]):
            words = words[:2]  # "780 primi colloqui"
        elif len(words) >= 2 and not _plural(words[0]) and (_english_plural(words[1]) or words[1] in ENGLISH_NOUNS):
            words = words[1:2]  # "18 community events", "12 information meetings": the English head comes last
        ordinal = words[0].lower() in _ORDINALS
        if " ".join(words).lower() not in ENGLISH_NOUNS and not ordinal:
            words = words[:2] if len(words) >= 2 and _ADJECTIVE.match(words[1].lower()) else words[:1]
        head = words[-1] if " ".join(words).lower() in ENGLISH_NOUNS or ordinal else words[0]
        lead = sentence[: m.start()]
        # "di cui 9 conclusi", "di cui 6 ... e 4 recuperati"
        part = (_PART_LEAD.search(lead) or _NEXT_PART.search(lead)) and _PARTICIPLE_WORD.match(head)
        # what is organised or held is an event, whatever its ending ("hanno organizzato 3 sfilate": no participle)
        event = bool(ORGANISED_BEFORE.search(lead)) and _PARTICIPLE_SHAPE.search(head.lower()) is not None
        if not re.fullmatch(r"[a-zà-ù]+", head) or not (_plural(head) or part or event):
            continue  # a capitalised word is a name ("73100 Lecce")
        if part and _MONEY_PART.search(lead):
            continue  # "di cui 30.000 messi dal Comune": a share of the sum before, no count
        if english and not head.lower().endswith("s") and head.lower() not in _ENGLISH_IRREGULAR:
            continue  # an Italian plural's shape in an English sentence is a verb or an adjective ("84,000 came")
        if re.match(r"-[a-zà-ù]", sentence[sentence.index(head, m.start("noun")) + len(head) :], re.I):
            continue  # the first part of a compound ("12 semi-autonomy flats"): its head is further on
        value = number(m.group("num"))
        if value is None or value < 2 or is_year(m.group("num"), value):
            continue
        small = value <= 10 and not m.group("num")[0].isdigit()
        if small and not opening_count(sentence, m.start("num"), m.end("num"), value):
            continue  # "tre componenti", "le due sedi": small numbers in words describe, results use digits
        if head in TIME_UNITS and not _time_count(sentence, m.start(), words, m.group("tail")):
            continue
        if not_a_count(sentence, m.start("num"), m.end(), "generic"):
            continue
        unit = " ".join(w.lower() for w in words)
        unit = ENGLISH_NOUNS.get(unit, unit)  # "2,870 visits": the network's Italian noun, the English one its label
        if re.match(r"pres[ae]\s+in\s+carico\b", sentence[sentence.index(head, m.start("noun")) :], re.I):
            unit = "people"  # "250 nuove prese in carico": persons taken in charge, not a participle
        elif unit in _HIRES:
            unit = "people"  # "8 assunzioni", "15 inserimenti lavorativi": each counts a person hired or placed
        noun_end = sentence.index(words[-1], m.start("noun")) + len(words[-1])
        if head == "ore" and m.group("tail"):
            noun_end = m.end("tail")  # "ore di mediazione"
        text = sentence[m.start() : noun_end]
        out.append(FigureFact(value, unit, label(sentence, m.start(), noun_end, sentence[m.start("noun") : noun_end],
                                                 "generic"), text, m.start(), noun_end))  # fmt: skip
    return out


# "una cinquantina di residenti", "un centinaio di persone", "a dozen volunteers": about that many of the noun.
_APPROXIMATE = re.compile(rf"\b(?:una?|a)\s+(?P<num>{'|'.join(APPROXIMATE)})\s+(?:(?:di|of)\s+)?"
                          r"(?P<noun>[a-zà-ù]{3,})\b", re.I)  # fmt: skip


def approximate(sentence: str) -> list[FigureFact]:
    """Counts stated as about that many ("una trentina di proprietari"), in the noun's unit."""
    out = []
    for m in _APPROXIMATE.finditer(sentence):
        noun = m.group("noun").lower()
        if not _plural(noun) or noun in TIME_UNITS or not_a_count(sentence, m.start("num"), m.end(), "generic"):
            continue
        unit = next((code for code, p in UNITS.items() if re.fullmatch(p, noun)), ENGLISH_NOUNS.get(noun, noun))
        words = sentence[m.start("noun") : m.end()]
        out.append(
            FigureFact(
                float(APPROXIMATE[m.group("num").lower()]),
                unit,
                label(sentence, m.start(), m.end(), words, "generic"),
                m.group(0),
                m.start(),
                m.end(),
            )
        )
    return out


# English puts the counted noun last, after its modifiers: "28 municipal and health-service staff completed",
# "156 individual case files". Read only in English sentences, when the noun is one of ENGLISH_NOUNS.
_ITALIAN_WORDS = re.compile(r"\b(?:il|lo|gli|della|delle|degli|dei|nel|nella|nei|sono|stati|stato|hanno|che|con|"
                            r"per|una|delle|anche|è)\b", re.I)  # fmt: skip
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|with|were|was|have|has|had|of|for|their|on|to|by|from|at|which|this|that|"
                            r"is|are|they|we|our|its|who|whom|across|into|over|up)\b", re.I)  # fmt: skip
_ENGLISH_NUMBER = re.compile(rf"(?<![\w.,/'’-]){NUM}(?![\w.,/-]?\d)")
_WORD = re.compile(r",?\s+([a-z][a-z-]*)")  # modifiers listed with commas too: "64 municipal, health and police staff"


def english_heads(sentence: str) -> list[FigureFact]:
    """Counts of an English noun after up to four modifiers ("28 municipal and health-service staff"), the head
    after a coordination ("45 social services and reception staff" counts staff); in an English sentence, or in a
    row's few words whose head is an English plural of persons ("52 active volunteer neighbours")."""
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    english = len(_ENGLISH_WORDS.findall(sentence)) >= 2
    out: list[FigureFact] = []
    for m in _ENGLISH_NUMBER.finditer(sentence):
        words: list[re.Match[str]] = []
        pos = m.end()
        while len(words) < 5 and (w := _WORD.match(sentence, pos)):
            if _ENGLISH_WORDS.fullmatch(w.group(1)) and w.group(1).lower() != "and":
                break  # a phrase ends at a preposition, an article or a verb
            words.append(w)
            pos = w.end()
        heads = [i for i, w in enumerate(words) if _english_plural(w.group(1)) or w.group(1) in ENGLISH_NOUNS]
        head = heads[0] if heads else None
        # "social services and reception staff": a plural coordinated with a later known noun is its modifier
        for i in heads[1:]:
            if head is not None and words[head + 1 : head + 2] and words[head + 1].group(1).lower() == "and" and (
                    words[i].group(1) in ENGLISH_NOUNS):  # fmt: skip
                head = i
        if not head:
            continue  # no modifier before the noun: the other rules read it
        noun = words[head].group(1)
        if head and f"{words[head - 1].group(1)} {noun}" in ENGLISH_NOUNS:
            noun = f"{words[head - 1].group(1)} {noun}"  # "case files"
        end = words[head].end()
        value = number(m.group("num"))
        persons = noun.endswith("s") and counts_persons(noun)  # "volunteer neighbours", "tenants"
        if (noun not in ENGLISH_NOUNS and not persons) or value is None or value < 2 or is_year(m.group("num"), value):
            continue
        phrase = [w.group(1) for w in words[: head + 1]]
        persons = persons or counts_persons(ENGLISH_NOUNS.get(noun, noun))  # "front-line staff": staff are persons
        if not english and not (all(w.isascii() for w in phrase) and (persons or "and" in phrase)):
            continue  # a row's few words in English: its head a noun of persons, or a coordination
        if not m.group("num")[0].isdigit() or not_a_count(sentence, m.start("num"), end, "generic"):
            continue
        if noun in TIME_UNITS and not _time_count(sentence, m.start(), [noun], None):
            continue
        out.append(FigureFact(value, ENGLISH_NOUNS.get(noun, noun), label(sentence, m.start(), end, noun, "generic"),
                              sentence[m.start() : end], m.start(), end))  # fmt: skip
    return out


# Days with a name after them, maybe in quotation marks (read as spaces: `knowledge.quoted`): days of an event.
_NAMED_DAYS = re.compile(r"[\w.,]+\s+giornate\s+(?:(?:di|del|della|dei|delle)\s+)?[«“\s]*[A-ZÀ-Ý]")


def _time_count(sentence: str, start: int, words: list[str], tail: str | None) -> bool:
    """A duration is a figure when it is an average ("permanenza media di 4 mesi") or hours of a service
    ("1.200 ore di mediazione", "30 ore settimanali"); never a deadline or a span ("entro 30 giorni")."""
    if _TIME_BEFORE.search(sentence[max(0, start - 30) : start]):
        return False
    if words[0].lower() in ("ore", "hours", "giornate") and (tail or words[1:]):
        return True
    if words[0].lower() == "giornate" and _NAMED_DAYS.match(sentence, start):
        return True  # days named as an event ("3 giornate «Mare aperto»", "4 giornate di «Bottega aperta»")
    # the average must be this duration's: "Nei 24 mesi ..., con una permanenza media di sette mesi" is a span
    left = max(sentence.rfind(c, 0, start) for c in ",;:") + 1
    rights = [i for i in (sentence.find(c, start) for c in ",;:") if i >= 0]
    return bool(_AVERAGE.search(sentence[left : min(rights) if rights else len(sentence)]))
