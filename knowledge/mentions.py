"""Sentence-level facts other than counts and partners: activities, target groups, the project's period,
contacts, results and transferability. Each rule reads one clean sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lgnet.text import fold

_ACTIVITY = re.compile(
    r"\b(?:(?:sono|è)\s+stat[aeio]\s+|(?:ha|hanno)\s+(?:permesso\s+di\s+|reso\s+possibile\s+)?)"
    r"(?:attivat|realizzat|creat|allestit|avviat|promoss|sviluppat|costituit|svolt|organizzat|implementat|"
    r"attivare|realizzare|sviluppare|creare)\w*|\battivazione\s+d|\brealizzazione\s+d|"
    r"\b(?:was|were|have\s+been)\s+(?:activated|set\s+up|created|organised|organized|developed)",
    re.I,
)
# The kinds of people a practice serves, as facet codes (knowledge/target_groups.py reads the phrases themselves)
TARGET_GROUPS: dict[str, str] = {
    "unaccompanied_minors": r"minori\s+stranieri\s+non\s+accompagnati|msna|unaccompanied\s+minors",
    "minors": r"minori|di\s+minore\s+età|bambini|adolescenti|children|minors",
    "young_people": r"giovani|ragazzi|young\s+people",
    "women": r"donne|mamme|madri|women|mothers",
    "families": r"nuclei\s+familiari|nuclei\s+monoparentali|famiglie|families",
    "homeless": r"senza\s+(?:fissa\s+)?dimora|homeless",
    "refugees": r"rifugiati|profughi|richiedenti\s+asilo|titolari\s+di\s+protezione|refugees|asylum\s+seekers",
    "mental_health": r"disagio\s+mentale|salute\s+mentale|patologie\s+psichiatriche|dipendenz\w+|mental\s+health",
    "detainees": r"detenuti|esecuzioni\s+penali|fine\s+pena|prisoners",
    "elderly": r"anziani|elderly",
    "vulnerable_migrants": r"migranti\s+(?:in\s+condizion\w+\s+di\s+)?(?:particolare\s+)?vulnerabil\w+|"
    r"cittadini\s+(?:di\s+)?paesi\s+terzi|vulnerable\s+migrants|third.country\s+nationals",
}


@dataclass(frozen=True)
class Mention:
    code: str  # what kind of mention ("" for an activity, a target-group code, "start"/"end"/"range"...)
    text: str


def activity(sentence: str) -> Mention | None:
    """What was done ("sono stati attivati...", "è stato creato..."), from the verb on."""
    m = _ACTIVITY.search(sentence)
    if m and 40 <= len(sentence) <= 700 and not sentence.startswith(("«", '"', "“")):
        return Mention("", sentence[m.start() :].strip())
    return None


# --- period ------------------------------------------------------------------------------------------------
MONTHS = {"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "agosto": 8,
          "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12, "january": 1, "february": 2, "march": 3,
          "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
          "december": 12}  # fmt: skip
_DATE = r"(?:(?P<{p}d>\d{{1,2}})[/.-](?P<{p}m>\d{{1,2}})[/.-](?P<{p}y>20\d\d)|(?:(?P<{p}dd>\d{{1,2}})[°º]?\s+)?" \
        r"(?P<{p}mn>" + "|".join(MONTHS) + r")\s+(?:del\s+)?(?P<{p}yy>20\d\d))"  # fmt: skip
# (a month's year may follow "del": "nel settembre del 2025")
_LABELLED_DATE = re.compile(
    r"(?P<label>inizio|avvio|fine|conclusione|termine|start|end)\s*(?:del\s+)?(?:progetto|project|attivit[àa])?"
    # ... of its activities in the plural: "con avvio delle attività il 1° giugno 2024 e conclusione prevista il ..."
    r"(?:(?<=\w)\s+(?:delle\s+attivit[àa]|dei\s+lavori|of\s+(?:the\s+)?activities))?"
    # "Avvio previsto | 1° febbraio 2026", "Conclusione effettiva: ...", "End date (planned): ..."
    r"(?:\s*(?:date|previst[oa]|effettiv[oa]|\(?(?:planned|expected|actual)\)?)){0,2}"
    r"\s*[:|]?\s*(?:il\s+)?" + _DATE.format(p="a"),
    re.I,
)
# (the article elided before a month's vowel: "dall'aprile 2025 all'ottobre 2026")
_ELIDED_MONTH = r"['’]\s*(?=(?:aprile|agosto|ottobre)\b)"
_FROM_TO = re.compile(r"\b(?:(?:dal|da|from|tra|fra|between)\s+(?:l'|il\s+|(?:mese\s+di\s+))?|dall"
                      + _ELIDED_MONTH + ")" + _DATE.format(p="a")
                      + r"\s+(?:(?:al|a|ad|e|fino\s+al|fino\s+ad?|to|until|and)\s+"
                      r"(?:il\s+|(?:mese\s+di\s+))?|(?:fino\s+)?all" + _ELIDED_MONTH + ")" +
                      _DATE.format(p="b") + "|" + _DATE.format(p="a").replace("(?P<a", "(?P<c") +
                      r"(?:\s*[-–—]\s*|\s+(?:to|until|through)\s+)" +
                      _DATE.format(p="b").replace("(?P<b", "(?P<e"), re.I)  # fmt: skip
# Each of _FROM_TO's dates has a year of its own: a sentence without two is not searched (most sentences).
_TWO_YEARS = re.compile(r"20\d\d[\s\S]*?20\d\d")
# Start and end told by a verb: "è stato avviato il 01/10/2023 e si concluderà il 30/09/2025".
# Between the verb and its date, who did it or a short aside ("avviato dal Comune nell'ottobre 2024", "si
# concluderanno con il progetto nazionale, il 31 dicembre 2026", "si chiude per tutti i Comuni della rete il 31
# dicembre 2021"): a few words, no sentence or clause break.
_VERB_DATE = re.compile(
    r"\b(?P<verb>avviat[oaie]|iniziat[oaie]|partit[oaie]|(?:ha|hanno)\s+preso\s+(?:il\s+)?(?:via|avvio)|started|"
    r"launched|began|(?:è|sono)\s+nat[oaie]|"
    # a service opened ("aperta dal Comune di X nel febbraio 2025", "aperto nel marzo 2025"), a start to come
    # ("Le attività partiranno il 1° gennaio 2027", "prenderà il via a marzo 2026")
    r"apert[oaie]|inaugurat[oaie]|opened|inaugurated|partir(?:à|anno)|inizier(?:à|anno)|comincer(?:à|anno)|"
    # ... or in the present, a date right after it: "L'Agenzia parte il 1° febbraio 2027", "the desk starts on"
    r"(?:(?<!fa\s)(?<!fanno\s)parte|partono|inizia|iniziano|comincia|cominciano|prend(?:e|ono)\s+(?:il\s+)?(?:via|avvio)|"
    r"starts|begins)(?=\s+(?:il|dal|on|in)\s+\d)|"
    r"avr(?:à|anno)\s+inizio|"
    r"prender(?:à|anno)\s+(?:il\s+)?via|will\s+(?:start|begin)|(?:è\s+|sono\s+)?al\s+via|cominciat[oaie]|"
    r"conclu(?:so|sa|si|se|derà|deranno|dersi|de|dono)|termin(?:ato|ata|ati|ate|erà|eranno|a|ano)|scade|"
    r"scadr(?:à|anno)|runs?\s+(?:to|until|through)|"
    r"finir(?:à|anno)|finisc(?:e|ono)|"
    r"chius[oaie]|chiuder(?:à|anno)|chiud(?:e|ono)|ended|ends|will\s+(?:end|close)|closes|closed|"
    r"fino\s+(?:al|ad?|all['’]|alla\s+fine\s+di)|until|through)"
    r"(?:\s+(?:(?:da|dal|dalla|dall['’]|dai|con|by|with|per|for)\s+)(?:[^\s,.;:]+\s+){0,4}?[^\s,.;:]+,?)?"
    r"(?:\s+(?:il|nel|a|ad|in|on|nel\s+mese\s+di|entro(?:\s+il)?)\b|\s*\b(?:nell|all|entro\s+l)['’])?\s*"
    + _DATE.format(p="a"),
    re.I,
)
# How long the project lasts ("durerà due anni", "della durata di 18 mesi", "Durata: 24 mesi", "will last two
# years"): with a start and no stated end, it gives the end (knowledge.merging.stated_period). Never a bare "per
# tre anni", which is as often how long something else lasts ("in comodato d'uso per dieci anni").
_NUMBER_WORDS = {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "dodici": 12,
                 "diciotto": 18, "ventiquattro": 24, "trentasei": 36, "one": 1, "two": 2, "three": 3, "four": 4,
                 "five": 5, "six": 6, "twelve": 12, "eighteen": 18}  # fmt: skip
_DURATION = re.compile(
    r"\b(?:durer(?:à|anno)|dura|della\s+durata\s+(?:complessiva\s+)?di|durata(?:\s+(?:del\s+progetto|complessiva))?"
    r"\s*:|(?:will\s+)?lasts?|duration\s*:)\s*(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+"
    r"(?P<unit>anni|anno|mesi|mese|years?|months?)\b",
    re.I,
)
# The end told as a year's end: "si chiuderà a fine 2026", "fino alla fine del 2025", "by the end of 2026".
_YEAR_END = re.compile(
    r"\b(?:conclu\w+|termin\w+|chiu\w+|fino|close[sd]?|end(?:s|ed)?|runs?|until|through)\s+"
    r"(?:(?:a|alla|entro\s+(?:la\s+)?|by\s+the|at\s+the|to\s+the|until\s+the)\s*)?(?:fine|end)\s+(?:del\s+|of\s+)?"
    r"(?P<y>20\d\d)\b",
    re.I,
)
# A school year: "anno scolastico 2024/2025", "a.s. 2024-25": September to June. It dates the project only
# when the sentence is about the project itself; otherwise it is when a course or a class took place.
_SCHOOL_YEAR = re.compile(
    r"\b(?:anno\s+scolastico|a\.\s?s\.|school\s+year)\s+(?P<y1>20\d\d)\s*[-/–]\s*(?P<y2>(?:20)?\d\d)\b", re.I
)
# A start told alone: "dal 1° settembre 2023", "a partire da marzo 2024", "since May 2024".
_FROM_ONLY = re.compile(r"\b(?:(?:a\s+partire\s+(?:dal|da|dall')|dal|da|since|from)\s+(?:il\s+|(?:mese\s+di\s+))?"
                        # ... the article elided before a month's vowel: "è aperta dall'aprile 2025", "dall'ottobre"
                        r"|(?:a\s+partire\s+)?dall" + _ELIDED_MONTH + ")" + _DATE.format(p="a"), re.I)  # fmt: skip
# The sentence speaks of the project's own time: its period, duration, start or end, or the project as subject.
PROJECT_TIME = re.compile(
    r"\b(?:progett[oi]|iniziativ[ae]|periodo\s+di\s+(?:realizzazione|attuazione|svolgimento|progetto)|durata|"
    r"inizio|avvio|fine\s+(?:del\s+)?progetto|project|programme|pilot)\b",
    re.I,
)
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<y1>20\d\d)\s*[-–/]\s*(?P<y2>20\d\d)(?!\d)|"
                         r"\b(?:dal|tra\s+il|fra\s+il|from|between)\s+(?P<y3>20\d\d)\s+(?:al|e\s+il|to|and)\s+"
                         r"(?P<y4>20\d\d)\b", re.I)  # fmt: skip
# Two months of one year: "gennaio-dicembre 2025", "da marzo a ottobre 2024", "March to December 2025".
_MONTHS_OF_YEAR = re.compile(
    r"\b(?:(?:da|dal\s+mese\s+di|from)\s+)?(?P<m1>" + "|".join(MONTHS) + r")\s*(?:[-–]|\s(?:a|al|to)\s)\s*"
    r"(?P<m2>" + "|".join(MONTHS) + r")\s+(?P<y>20\d\d)\b",
    re.I,
)
# A start or an end told by a verb and a year alone: "avviato nel 2023", "si concluderà nel 2025".
# ... with who started it or a season between ("avviato dal Comune di X nella primavera del 2024": the year).
_VERB_YEAR = re.compile(
    r"\b(?P<verb>avviat[oaie]|iniziat[oaie]|partit[oaie]|started|launched|began|conclu(?:so|sa|si|se|derà|deranno)|"
    r"termin(?:ato|ata|ati|ate|erà|eranno)|chiuder(?:à|anno)|will\s+(?:end|close)|ended|closed)\s+"
    r"(?:(?:da|dal|dalla|dall['’]|dai|by)\s+(?:[^\s,.;:]+\s+){0,3}?[^\s,.;:]+\s+)?"
    r"(?:nel|in|a\s+fine|alla\s+fine\s+del|by\s+the\s+end\s+of|"
    r"(?:nella|nell['’]|in)\s*(?:primavera|estate|autunno|inverno|spring|summer|autumn|fall|winter)\s+(?:del|of))\s+"
    r"(?P<y>20\d\d)\b(?!\s*[-–/]\s*20\d\d)",
    re.I,
)
# Since a service opened or a project started, at a date after a comma: "da quando ha aperto, nel marzo 2024"
_SINCE_OPENED = re.compile(r"(?:\bda\s+quando\s+(?:[^\s,.;:]+\s+){0,3}?(?:ha|hanno|è|sono)\s+"
                           r"(?:apert[oaie]|partit[oaie]|nat[oaie]|iniziat[oaie]|avviat[oaie])|"
                           # "Dall'apertura, nel marzo 2025, ...", "dall'avvio del servizio, a ottobre 2024"
                           r"\bdall['’]\s*(?:apertura|avvio|inizio|attivazione)(?:\s+del(?:lo|la|l['’])?\s*\w+)?)"
                           r",?\s+(?:il|nel|a|ad|in)?\s*\b(?:nell['’])?\s*"
                           + _DATE.format(p="a"), re.I)  # fmt: skip
# A project whose time is the network's edition's ("si concluderà il 31 dicembre 2026 come tutta la terza edizione della
# rete", "per tutti i Comuni della rete", "con il progetto nazionale"): a service it opened is not when it started.
_NETWORK_TIME = re.compile(r"\bcome\s+tutt[aoie]\s+(?:la|il|i|le|gli)\s+(?:\w+\s+){0,2}?(?:edizione|rete|programma|"
                           r"comuni)\b|\bper\s+tutti\s+i\s+comuni\s+(?:della|del)\s+(?:rete|consorzio|progetto)\b|"
                           r"\bcon\s+il\s+progetto\s+nazionale\b", re.I)  # fmt: skip
# A start at a season of a year: "Dalla primavera del 2025 i volontari sono stati 27" (the year alone).
_FROM_SEASON = re.compile(r"\b(?:dall['’]|dalla)\s*(?:primavera|estate|autunno|inverno)\s+(?:del\s+)?(?P<y>20\d\d)\b",
                          re.I)  # fmt: skip
_FUND = re.compile(r"(?:fami|fondo|programm\w*|pon|por|fesr|fse\+?|asylum[\w\s,]*fund)\W*$", re.I)


# A start without its year before an end with one: "Dal 1° dicembre riapre il dormitorio, che resterà aperto fino al
# 31 marzo 2026" (the start is in the end's year, or the year before when its month comes later).
_FROM_DAY_MONTH = re.compile(r"\b(?:a\s+partire\s+(?:dal|da)|dal|since|from)\s+(?:il\s+)?(?P<d>\d{1,2})[°º]?\s+"
                             r"(?P<mn>" + "|".join(MONTHS) + r")\b(?!\s+20\d\d)", re.I)  # fmt: skip


def _iso(match: re.Match, p: str, end: bool = False) -> str | None:
    g = match.groupdict()
    if g.get(f"{p}y"):
        return f"{g[p + 'y']}-{int(g[p + 'm']):02d}-{int(g[p + 'd']):02d}"
    if g.get(f"{p}yy"):
        month = MONTHS[g[p + "mn"].lower()]
        day = g.get(f"{p}dd")
        if day:
            return f"{g[p + 'yy']}-{month:02d}-{int(day):02d}"
        return f"{g[p + 'yy']}-{month:02d}" + ("" if not end else "")
    return None


def periods(sentence: str) -> list[Mention]:
    """Stated project dates: "Inizio progetto: 01/07/2019", "dal 1 marzo 2022 al 31 dicembre 2023", "2024-2026"
    (a fund's or programme's years, "Fondo FAMI 2014-2020", are not the project's)."""
    out = []
    ranged = _TWO_YEARS.search(sentence) is not None
    found = list(_FROM_TO.finditer(sentence)) if ranged else []  # read once: its ranges are asked three times below
    for m in found:
        start = _iso(m, "a") or _iso(m, "c")
        end = _iso(m, "b", end=True) or _iso(m, "e", end=True)
        if start and end and start <= end:
            out += [Mention("start", start), Mention("end", end)]
    spans = [r.span() for r in found]
    network_time = _NETWORK_TIME.search(sentence)
    for m in _VERB_DATE.finditer(sentence):
        value = _iso(m, "a")
        if network_time and re.match(r"apert|inaugurat|opened|inaugurated", m.group("verb"), re.I):
            continue  # the service opened within a project that runs with the network's edition: not its start
        inside = any(a < m.end() and m.start() < b for a, b in spans)  # "January 2023 until June 2024": the range's
        if value and not inside and not (ranged and _FROM_TO.search(sentence[m.start() :])):
            ends = re.match(r"conclu|termin|scad|chiu|end|close|will\s+(?:end|close)|fino|until|through|fini|run",
                            m.group("verb"), re.I)  # fmt: skip
            out.append(Mention("end" if ends else "start", value))
    for m in _DURATION.finditer(sentence):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
        if count and 0 < count <= 120:
            months = count * 12 if m.group("unit").lower().startswith(("ann", "year")) else count
            out.append(Mention("duration", str(months)))
    for m in _YEAR_END.finditer(sentence):
        if not any(x.code == "end" for x in out):
            out.append(Mention("end", f"{m.group('y')}-12"))
    for m in _MONTHS_OF_YEAR.finditer(sentence):
        m1, m2 = MONTHS[m.group("m1").lower()], MONTHS[m.group("m2").lower()]
        if m1 < m2 and not any(x.code in ("start", "end") for x in out):
            out += [Mention("start", f"{m.group('y')}-{m1:02d}"), Mention("end", f"{m.group('y')}-{m2:02d}")]
    for m in _VERB_YEAR.finditer(sentence):
        ends = re.match(r"conclu|termin|chiu|will|ended|closed", m.group("verb"), re.I)
        code = "end" if ends else "start"
        if not any(x.code == code for x in out):
            out.append(Mention(code, m.group("y")))
    for m in _SINCE_OPENED.finditer(sentence):
        if (value := _iso(m, "a")) and not any(x.code == "start" for x in out):
            out.append(Mention("start", value))
    for m in _FROM_SEASON.finditer(sentence):
        if not any(x.code == "start" for x in out):
            out.append(Mention("start", m.group("y")))
    for m in _FROM_ONLY.finditer(sentence):
        value = _iso(m, "a")
        if value and not any(a < m.end() and m.start() < b for a, b in spans):  # not the start of a range
            out.append(Mention("start", value))
    stated_ends = [x.text for x in out if x.code == "end" and len(x.text) >= 7]
    if stated_ends and not any(x.code == "start" for x in out):
        for m in _FROM_DAY_MONTH.finditer(sentence):
            month, year, end_month = MONTHS[m.group("mn").lower()], int(stated_ends[0][:4]), int(stated_ends[0][5:7])
            start_year = year if month <= end_month else year - 1
            out.append(Mention("start", f"{start_year}-{month:02d}-{int(m.group('d')):02d}"))
            break
    for m in _SCHOOL_YEAR.finditer(sentence):
        y1, y2 = int(m.group("y1")), int(m.group("y2")[-2:]) + 2000
        if y2 == y1 + 1 and PROJECT_TIME.search(sentence):
            out += [Mention("start", f"{y1}-09"), Mention("end", f"{y2}-06")]
    for m in _LABELLED_DATE.finditer(sentence):
        value = _iso(m, "a")
        if value:
            code = "end" if fold(m.group("label")) in ("fine", "conclusione", "termine", "end") else "start"
            out.append(Mention(code, value))
    if not out:
        school = [m.span() for m in _SCHOOL_YEAR.finditer(sentence)]
        for m in _YEAR_RANGE.finditer(sentence):
            if any(a <= m.start() < b for a, b in school):
                continue  # the year of a class, not the project's years
            y1, y2 = int(m.group("y1") or m.group("y3")), int(m.group("y2") or m.group("y4"))
            if y1 <= y2 <= y1 + 10 and not _FUND.search(sentence[: m.start()]):
                out.append(Mention("range", f"{y1}/{y2}"))
    return out


# --- contacts, results, transferability --------------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\b(?:tel\.?|telefono|phone)\s*:?\s*(?P<n>\+?[\d\s/.-]{6,18}\d)", re.I)
_OFFICE = re.compile(
    r"(?:ufficio\s+di\s+riferimento|ufficio\s+referente|referente|servizio\s+di\s+riferimento|contatti|contact|"
    r"responsabile\s+del\s+progetto)\s*:\s*(?P<office>[^:;\n]{3,120}?)\s*(?=$|[;\n]|\s(?:e-?mail|tel)\b)",
    re.I,
)


@dataclass(frozen=True)
class ContactFact:
    office: str | None
    email: str | None
    phone: str | None


def contact(sentence: str) -> ContactFact | None:
    office = _OFFICE.search(sentence)
    email = _EMAIL.search(sentence)
    phone = _PHONE.search(sentence)
    if not (office or email or phone):
        return None
    office_text = office.group("office").strip(" .,") if office else None
    if office_text and _EMAIL.fullmatch(office_text):
        office_text = None
    return ContactFact(office_text, email.group(0).rstrip(".") if email else None,
                       phone.group("n").strip() if phone else None)  # fmt: skip


_RESULT = re.compile(
    r"\bhanno\s+(?:permesso|consentito|trovato|ottenuto|raggiunto|portato)|\bha\s+(?:permesso|consentito|portato)|"
    r"\b(?:è|sono)\s+stat[oaie]\s+possibil|\bhanno\s+visto\s+il\s+coinvolgimento|\bha\s+visto\s+il\s+coinvolgimento|"
    r"\brisultat[oi]\s+(?:raggiunt|ottenut|conseguit)|\bcomplessivamente\b|\bin\s+totale\b|"
    r"\b(?:resulted\s+in|led\s+to|achieved|have\s+found)\b",
    re.I,
)
_EXPECTED = re.compile(r"\brisultati\s+attesi\b|\bsi\s+prevede\b|\bprevist[oaie]\b|\bexpected\b", re.I)
_TRANSFER = re.compile(
    r"\breplicabil\w*|\breplicat[oa]\b|\breplicare\b|\btrasferibil\w*|\btrasferire\b|\bmodello\s+(?:da|che\s+pu[òo]|"
    r"esportabil)|\besportabil\w*|\bbuona\s+pratica\b|\bsostenibilit[àa]\b|\btransferab\w*|\breplicab\w*|"
    r"\bcould\s+be\s+(?:replicated|transferred)",
    re.I,
)


def result(sentence: str) -> bool:
    """A sentence that states what the project achieved (not what it expects to)."""
    return bool(_RESULT.search(sentence)) and not _EXPECTED.search(sentence)


def transferability(sentence: str) -> bool:
    return bool(_TRANSFER.search(sentence))
