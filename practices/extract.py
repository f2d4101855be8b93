"""Rules that read facts out of a passage: figures, partners, activities, target groups, periods.

No language model: patterns over sentences, a few lexicons, the gazetteer and the taxonomy. Every fact keeps
the sentence it comes from and that sentence's offsets in the passage, so a page can show where it was read.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from lgnet.text import fold

# --- sentences ---------------------------------------------------------------------------------------------
# Abbreviations after which a full stop does not end a sentence ("Anteo Soc. Coop. Sociale", "A.M.M.I.").
_ABBREVIATION = re.compile(r"(?:\b(?:Soc|Coop|Dott|Prof|Sig|ecc|es|ss|n|nr|Geom|Avv|Ing|S\.p\.A|S\.r\.l)|\b[A-Z])\.$")
_END = re.compile(r"[.!?»”\"]+\s+(?=[«“\"*A-ZÀ-Ý0-9(])|;\s+(?=[A-Z])|\n\s*\n")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets in the passage
    end: int


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; full stops after abbreviations and initials do not cut."""
    out, start = [], 0
    for m in _END.finditer(text):
        head = text[start : m.start() + 1].rstrip()
        blank_line = "\n\n" in m.group(0) or "\n \n" in m.group(0)
        if m.group(0).startswith(".") and _ABBREVIATION.search(head) and not blank_line:
            continue
        if m.group(0).startswith("\n") and not re.search(r"[.!?:;»”\"]$", head) and len(head) > 60:
            continue  # a paragraph break inside a sentence (PDF line wrapping)
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if body:
        out.append(Sentence(body, start + lead, start + lead + len(body)))


def clean(text: str) -> str:
    """A sentence as people read it: no markdown emphasis, no line breaks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


# --- figures -----------------------------------------------------------------------------------------------
UNITS: dict[str, str] = {
    "beds": r"posti\s+letto|posti\s+(?:in\s+)?accoglienza|beds",
    "families": r"nuclei\s+familiari|nuclei\s+monoparentali|nuclei|famiglie|families|households",
    "minors": r"minori(?:\s+stranieri)?|di\s+minore\s+et[àa]|bambin[ie]|minors|children",
    "women": r"donne|women",
    "housing_units": r"alloggi|appartamenti|abitazioni|unit[àa]\s+abitative|flats|apartments",
    "beneficiaries": r"beneficiari|destinatari|utenti|beneficiaries",
    "people": r"persone|migranti|cittadini|stranieri|rifugiati|individui|people|persons|migrants",
    "euro": r"euro|€",
}
UNIT_LABELS = {
    "beds": ("posti letto", "beds"),
    "families": ("nuclei familiari", "families"),
    "minors": ("minori", "minors"),
    "women": ("donne", "women"),
    "housing_units": ("alloggi", "housing units"),
    "beneficiaries": ("beneficiari", "beneficiaries"),
    "people": ("persone", "people"),
    "euro": ("euro", "euro"),
}
WORD_NUMBERS = {
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "duecento": 200, "trecento": 300,
    "mille": 1000, "duemila": 2000,
}  # fmt: skip
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_NUM = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + _WORDS + ")"
_UNIT = "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items())
# "160 persone", "oltre cento i nuclei familiari", "3 alloggi", "€ 346.000,00", "32 posti letto".
_FIGURE = re.compile(rf"(?<![\w.,/-]){_NUM}(?![\w.,/-]?\d)\s+(?:(?:[a-zà-ù']+)\s+){{0,2}}?(?:{_UNIT})(?!\w)", re.I)
_EURO_BEFORE = re.compile(r"€\s*(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)")
_NOT_COUNT = re.compile(r"^\s*(?:%|per\s*cento|anni|mesi|giorni|ore)\b", re.I)
# Words between the number and the unit that show the number counts something else ("16 comuni e 160 persone").
_BREAKERS = re.compile(r"\b(?:comuni|citt[àa]|anni|mesi|giorni|ore|euro|per|di cui|e|ed|con|su|in|a)\b", re.I)


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    text: str  # the words read, e.g. "oltre 160 persone"
    sentence: str
    start: int  # sentence offsets in the passage
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


def _number(raw: str) -> float | None:
    raw = raw.lower()
    if raw in WORD_NUMBERS:
        return float(WORD_NUMBERS[raw])
    try:
        return float(raw.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def figures(text: str) -> list[Figure]:
    """Counts with their unit, one per (value, unit) and sentence; years, dates, percentages left out."""
    out: list[Figure] = []
    for s in sentences(text):
        body = clean(s.text)
        seen: set[tuple[float, str]] = set()
        for m in _FIGURE.finditer(body):
            unit = next(k for k in UNITS if m.group(k))
            between = body[m.end("num") : m.start(unit)]
            if _BREAKERS.search(between) or _NOT_COUNT.match(body[m.end("num") :]):
                continue
            value = _number(m.group("num"))
            if value is None or value <= 0 or (unit != "euro" and 1900 <= value <= 2100 and value == int(value)):
                continue
            if unit == "people" and m.group("people").lower().startswith("cittadin") and value < 2:
                continue
            if (value, unit) not in seen:
                seen.add((value, unit))
                out.append(Figure(value, unit, m.group(0), body, s.start, s.end))
        for m in _EURO_BEFORE.finditer(body):
            value = _number(m.group("num"))
            if value and (value, "euro") not in seen:
                seen.add((value, "euro"))
                out.append(Figure(value, "euro", m.group(0), body, s.start, s.end))
    return out


# --- partners ----------------------------------------------------------------------------------------------
# Phrases after which a sentence names who did the work with the city.
_PARTNER_CUE = re.compile(
    r"\b(?:hanno|ha)\s+(?:collaborato|lavorato|partecipato)(?:\s+al\s+progetto)?|"
    r"\bin\s+collaborazione\s+con|\bin\s+partenariato\s+con|\bcon\s+il\s+supporto\s+d(?:i|el|ella|ell'|ei)|"
    r"\b(?:sono|è|sono\s+stat[ei]|è\s+stat[oa])\s+(?:realizzat|gestit|promoss|svolt)[aeio]\s+da|"
    r"\b(?:sviluppat|realizzat|gestit)[aeio]\s+da|\bconvenzion[ie]\s+con|\baccordi?\s+con|"
    r"\bprotocoll[oi]\s+d'intesa\s+con|\bpartners?\s*:",
    re.I,
)
ORG_KEYWORDS = (
    r"Cooperativ[ae]|Coop\.|Associazion[ei]|Fondazione|Caritas|Consorzio|Azienda|ASL|Asl|ASP|Asp|AUSL|USL|"
    r"Onlus|ONLUS|Aps|APS|Odv|ODV|Arci|ARCI|Parrocchia|Confraternita|Comitato|Federazione|Istituto|Università|"
    r"Centro|Gruppo|Rete|Croce\s+Rossa|Diocesi|Unione|Ente|Agenzia"
)
_ORG_START = re.compile(rf"^(?:{ORG_KEYWORDS})\b")
# A named organisation anywhere in a sentence: a strong keyword and capitalised words ("Cooperativa Astrolabio").
_NAMED_ORG = re.compile(
    r"(?<![\w'’])(?:(?:Cooperativa|Associazione|Fondazione|Consorzio)(?:\s+[Ss]ociale)?"
    r"(?:\s+(?:di|del|della|per\s+la|dei)?\s*(?:[A-Z][\w'’.-]+|\d+))+|Caritas(?:\s+[A-Z][\w-]+)+|"
    r"(?:ASL|ASP|AUSL)\s+(?:[A-Z][\w]*\s*\d*|\d+))"
)
_ARTICLE = re.compile(
    r"^(?:(?:(?:e|ed|inoltre|con|anche|tra\s+cui|quali|come|al\s+progetto|il|lo|la|i|gli|le|un|una|uno|dal|dalla|"
    r"dallo|dai|dalle|del|della|dello)\s+)|(?:l|un|dall|dell)['’]\s*)+",
    re.I,
)
_PLURAL_DESCRIPTOR = re.compile(r"^(?:le\s+)?(?:associazioni|cooperative|realtà|organizzazioni|enti)\s+(?=[A-Z])", re.I)
_CLAUSE = re.compile(
    r"\s(?:hanno|ha|che|sono|è|sarà|nonché|dedicat\w*|operant\w*|attiv[aoi]\s|grazie|presso|ovvero|"
    r"per\s+(?!la\s|il\s|le\s|i\s|gli\s|l')\w+(?:are|ere|ire)\b)"
)
# Who is not a partner of a city: the network itself and the municipality's own offices.
NETWORK = re.compile(
    r"^(?:anci(?:\s+(?:nazionale|comunicare))?|cittalia|fondazione\s+(?:anci|cittalia)|associazione\s+dei\s+comuni.*|"
    r"ministero.*|dipartimento.*|viminale|direzione\s+centrale.*|unione\s+europea|fondo\s+fami.*)$",
    re.I,
)
_MUNICIPAL = re.compile(r"\bComun[ei]\b|\bcomunal[ei]\b|\bMunicipi|\bRoma\s+Capitale\b|\bassessorat", re.I)


@dataclass(frozen=True)
class Partner:
    name: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


def _split_items(segment: str) -> list[str]:
    """'A, B, C e D' -> [A, B, C, D]; a dash separates organisations unless it spells out an acronym or
    qualifies a place ('IPRS – Istituto ...', 'Segretariato sociale – Distretto Latina 2')."""
    parts = [p.strip() for p in re.split(r",\s*", segment) if p.strip()]
    if parts:
        last = parts.pop()
        pieces = re.split(r"\s+(?:e|ed)\s+(?=(?:il\s|lo\s|la\s|l['’]|i\s|gli\s|le\s)?[A-Z\"«“])", last)
        parts += pieces
    items: list[str] = []
    for part in parts:
        chunks = [c.strip() for c in re.split(r"\s+[–—-]\s+", part)]
        current = chunks[0]
        for nxt in chunks[1:]:
            if re.fullmatch(r"[A-Z][A-Z0-9.&]{1,9}", current) or re.match(r"(?:Distretto|Comune|Sede)\b", nxt):
                current = f"{current} – {nxt}"
            else:
                items.append(current)
                current = nxt
        items.append(current)
    return items


def _tidy(item: str) -> str | None:
    item = item.strip(" .;:*\"«»“”'")
    item = _PLURAL_DESCRIPTOR.sub("", item)
    item = _ARTICLE.sub("", item).strip()
    item = _PLURAL_DESCRIPTOR.sub("", item)
    cut = _CLAUSE.search(item)
    if cut:
        item = item[: cut.start()]
    item = item.strip(" .;:,*\"«»“”'")
    if not item or len(item) < 3 or len(item.split()) > 12:
        return None
    if not (item[0].isupper() or item[0].isdigit()):
        if re.match(r"(?:associazione|cooperativa|fondazione)\s", item, re.I):
            item = item[0].upper() + item[1:]
        else:
            return None
    if NETWORK.match(item) or _MUNICIPAL.search(item) or not _looks_like_name(item):
        return None
    return item


def _looks_like_name(item: str) -> bool:
    """A name, not a clause: no leading number or infinitive, mostly capitalised unless an organisation word."""
    words = item.split()
    if item[0].isdigit() or re.fullmatch(r"[A-Z][a-zà-ù]{3,}(?:are|ere|ire)", words[0]):
        return False
    if re.search(rf"\b(?:{ORG_KEYWORDS})\b", item):
        return True
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) <= 3 or capitalised / len(words) >= 0.4


def partners(text: str) -> list[Partner]:
    """Organisations that worked with the city: the lists after "hanno collaborato", "in collaborazione con",
    "realizzate da", "convenzioni con"...; and organisations named with a strong keyword anywhere."""
    found: dict[str, Partner] = {}

    def add(name: str | None, s: Sentence, body: str) -> None:
        if name and comparable_name(name) not in found:
            found[comparable_name(name)] = Partner(name, body, s.start, s.end)

    for s in sentences(text):
        body = clean(s.text)
        cues = list(_PARTNER_CUE.finditer(body))
        for i, cue in enumerate(cues):
            segment = body[cue.end() : cues[i + 1].start() if i + 1 < len(cues) else len(body)]
            for item in _split_items(segment):
                add(_tidy(item), s, body)
        for m in _NAMED_ORG.finditer(body):
            name = _tidy(m.group(0))
            if name and not any(comparable_name(name) in k for k in found):
                add(name, s, body)
    return list(found.values())


def comparable_name(name: str) -> str:
    """A key to compare organisation names: folded, no punctuation or articles."""
    name = re.sub(r"[^\w\s]", " ", fold(name))
    return re.sub(r"\s+", " ", name).strip()


# --- activities, target groups, period ---------------------------------------------------------------------
_ACTIVITY = re.compile(
    r"\b(?:(?:sono|è)\s+stat[aeio]\s+|(?:ha|hanno)\s+(?:permesso\s+di\s+|reso\s+possibile\s+)?)"
    r"(?:attivat|realizzat|creat|allestit|avviat|promoss|sviluppat|costituit|svolt|organizzat|implementat|"
    r"attivare|realizzare|sviluppare|creare)\w*|\battivazione\s+d|\brealizzazione\s+d|"
    r"\b(?:was|were|have\s+been)\s+(?:activated|set\s+up|created|organised|organized|developed)",
    re.I,
)
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
TARGET_LABELS = {
    "unaccompanied_minors": ("minori stranieri non accompagnati", "unaccompanied minors"),
    "minors": ("minori", "minors"),
    "young_people": ("giovani", "young people"),
    "women": ("donne e madri", "women and mothers"),
    "families": ("famiglie e nuclei", "families"),
    "homeless": ("persone senza dimora", "homeless people"),
    "refugees": ("rifugiati e richiedenti asilo", "refugees and asylum seekers"),
    "mental_health": ("persone con disagio mentale o dipendenze", "people with mental health or addiction needs"),
    "detainees": ("detenuti ed ex detenuti", "(former) prisoners"),
    "elderly": ("anziani", "elderly people"),
    "vulnerable_migrants": ("migranti vulnerabili", "vulnerable migrants"),
}
_TARGETS = {code: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for code, p in TARGET_GROUPS.items()}
_PERIOD = re.compile(
    r"(?:(?P<label>[Ii]nizio|[Ff]ine|[Dd]al|[Aa]l|[Ss]tart|[Ee]nd)\s*(?:progetto|project)?\s*:?\s*)"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>20\d\d)|(?<![Ff][Aa][Mm][Ii]\s)(?<!Fami\s)(?<!\d)(?P<y1>20\d\d)\s*[-–]\s*(?P<y2>20\d\d)"
)


@dataclass(frozen=True)
class Mention:
    code: str  # an activity has no code: ""
    text: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


def activities(text: str) -> list[Mention]:
    """Sentences that say what was done ("sono stati attivati...", "è stato creato..."), as extracts."""
    out = []
    for s in sentences(text):
        body = clean(s.text)
        m = _ACTIVITY.search(body)
        if m and 40 <= len(body) <= 700 and not body.startswith(("«", '"', "“")):
            out.append(Mention("", body[m.start() :].strip(), body, s.start, s.end))
    return out


def target_groups(text: str) -> list[Mention]:
    out, seen = [], set()
    for s in sentences(text):
        body = clean(s.text)
        for code, pattern in _TARGETS.items():
            m = pattern.search(body)
            if m and code not in seen:
                seen.add(code)
                out.append(Mention(code, m.group(0), body, s.start, s.end))
    return out


def periods(text: str) -> list[Mention]:
    """Explicit project periods: "Inizio progetto: 01/07/2019", "2024-2026" (the FAMI fund's years are not)."""
    out = []
    for s in sentences(text):
        body = clean(s.text)
        for m in _PERIOD.finditer(body):
            if m.group("y1"):
                if re.search(r"(?:fami|fondo)\W*$", body[: m.start()], re.I):
                    continue
                code, value = "range", f"{m.group('y1')}/{m.group('y2')}"
            else:
                label = fold(m.group("label"))
                code = "start" if label in ("inizio", "dal", "start") else "end"
                value = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
            out.append(Mention(code, value, body, s.start, s.end))
    return out
