"""Counts stated in a sentence ("160 persone hanno trovato casa", "32 posti letto") with a label saying what
they count, and amounts of money with what they are (total, funded, co-financing, the city's share)."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS: dict[str, str] = {
    "beds": r"posti\s+letto|posti\s+(?:in\s+)?accoglienza|beds",
    "families": r"nuclei\s+familiari|nuclei\s+monoparentali|nuclei|famiglie|families|households",
    "minors": r"minori(?:\s+stranieri)?|di\s+minore\s+et[àa]|bambin[ie]|minors|children",
    "women": r"donne|women",
    "housing_units": r"alloggi|appartamenti|abitazioni|unit[àa]\s+abitative|flats|apartments",
    "beneficiaries": r"beneficiari|destinatari|utenti|beneficiaries",
    "people": r"persone|migranti|cittadini|stranieri|rifugiati|individui|people|persons|migrants",
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
FEMININE = {"persone", "famiglie", "donne", "abitazioni", "unità"}
# Units that say by themselves which area they belong to.
UNIT_AREA = {"beds": "housing", "housing_units": "housing"}
WORD_NUMBERS = {
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "duecento": 200, "trecento": 300,
    "mille": 1000, "duemila": 2000,
}  # fmt: skip
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_NUM = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + _WORDS + ")"
_UNIT = "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items())
_FIGURE = re.compile(rf"(?<![\w.,/-]){_NUM}(?![\w.,/-]?\d)\s+(?:(?:[a-zà-ù']+)\s+){{0,2}}?(?:{_UNIT})(?!\w)", re.I)
_NOT_COUNT = re.compile(r"^\s*(?:%|per\s*cento|anni|mesi|giorni|ore)\b", re.I)
# Words between the number and the unit that show the number counts something else ("16 comuni e 160 persone").
_BREAKERS = re.compile(r"\b(?:comuni|citt[àa]|anni|mesi|giorni|ore|euro|per|di cui|e|ed|con|su|in|a)\b", re.I)


@dataclass(frozen=True)
class FigureFact:
    value: float
    unit: str
    label: str  # what is counted, e.g. "persone che hanno trovato casa"
    text: str  # the words read, e.g. "oltre 160 persone"
    start: int  # offsets of `text` in the sentence
    end: int


def number(raw: str) -> float | None:
    raw = raw.lower().strip()
    if raw in WORD_NUMBERS:
        return float(WORD_NUMBERS[raw])
    try:
        return float(raw.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def figures(sentence: str) -> list[FigureFact]:
    """Counts with their unit in one (clean) sentence, once per (value, unit); years, dates, percentages,
    amounts of money left out (see `amounts`)."""
    out: list[FigureFact] = []
    seen: set[tuple[float, str]] = set()
    for m in _FIGURE.finditer(sentence):
        unit = next(k for k in UNITS if m.group(k))
        between = sentence[m.end("num") : m.start(unit)]
        if _BREAKERS.search(between) or _NOT_COUNT.match(sentence[m.end("num") :]):
            continue
        value = number(m.group("num"))
        if value is None or value <= 0 or (1900 <= value <= 2100 and value == int(value)):
            continue
        if unit == "people" and m.group("people").lower().startswith("cittadin") and value < 2:
            continue
        if (value, unit) in seen:
            continue
        seen.add((value, unit))
        out.append(FigureFact(value, unit, label(sentence, m.start(), m.end(), m.group(unit), unit), m.group(0),
                              m.start(), m.end()))  # fmt: skip
    return out


# --- labels ------------------------------------------------------------------------------------------------
_AFTER_STOP = re.compile(r"[,;:.()\[\]«»“”\"]|\s(?:e|ed|di cui|mentre|ma|per un totale|oltre a)\s", re.I)
_AUXILIARY = re.compile(r"^(?:hanno|ha|sono|è|erano|sono\s+stat[ei]|hanno\s+potuto)\b", re.I)
_PARTICIPLE = re.compile(r"^[a-zà-ù]+(?:at[ei]|it[ei]|ut[ei]|olt[ei]|ols[ei]|es[ei]|ost[ei])$", re.I)
_QUALIFIER = re.compile(r"^(?:in|con|senza|presso|ospitat|accolt|inserit|coinvolt|seguit|assistit|raggiunt|"
                        r"agganciat|pres[ei]|sostenut|orientat|formati|che)\w*", re.I)  # fmt: skip
_FILLERS = {"oltre", "circa", "almeno", "ben", "quasi", "di", "totale", "un", "per", "complessivamente", "a", "le",
            "i", "gli", "delle", "dei", "degli"}  # fmt: skip
_IRREGULAR = {"prendere": "pres", "accogliere": "accolt", "coinvolgere": "coinvolt", "raggiungere": "raggiunt",
              "sostenere": "sostenut", "assistere": "assistit", "seguire": "seguit", "inserire": "inserit"}  # fmt: skip


def _participle(verb: str, feminine: bool) -> str | None:
    ending = "e" if feminine else "i"
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v] + ending
    for inf, stem in (("are", "at"), ("ire", "it"), ("ere", "ut")):
        if v.endswith(inf) and len(v) > 5:
            return v[: -len(inf)] + stem + ending
    return None


def label(sentence: str, start: int, end: int, unit_words: str, unit: str) -> str:
    """What a count counts, in the sentence's words: the unit as written plus what follows it ("persone che
    hanno trovato casa", "posti letto in alloggi ponte") or the verb that governs it ("persone prese in
    carico" from "prendere in carico oltre 450 persone")."""
    noun = re.sub(r"\s+", " ", unit_words.strip()).lower()
    if noun.startswith("di "):  # "60 di minore età"
        noun = UNIT_LABELS[unit][0]
    tail = sentence[end:]
    stop = _AFTER_STOP.search(tail)
    after = tail[: stop.start()] if stop else tail
    words = after.split()[:6]
    feminine = noun.split()[0] in FEMININE
    while words and words[-1].lower() in ("che", "di", "a", "in", "per", "con", "il", "la", "le", "i", "gli"):
        words.pop()
    if words and (_AUXILIARY.match(" ".join(words)) or _QUALIFIER.match(words[0])):
        phrase = " ".join(words)
        return f"{noun} che {phrase}" if _AUXILIARY.match(phrase) else f"{noun} {phrase}"
    clause = re.split(r"[,;:()]", sentence[:start])[-1]
    # "hanno trovato una soluzione abitativa 160 persone": the verb phrase before the count.
    aux = list(re.finditer(r"\b(?:hanno|ha|sono\s+stat[ei]|sono)\s+[a-zà-ù]+(?:at[ei]|it[ei]|ut[ei]|olt[ei]|at[oi])\b",
                           clause, re.I))  # fmt: skip
    if aux:
        verb = [w for w in clause[aux[-1].start() :].split() if w.lower() not in _FILLERS or w.lower() == "di"]
        while verb and verb[-1].lower() in _FILLERS:
            verb.pop()
        if verb and verb[0].lower() in ("hanno", "ha") and 2 <= len(verb) <= 8:
            return f"{noun} che {' '.join(verb).lower()}"
        if verb and verb[0].lower() == "sono" and _PARTICIPLE.match(verb[-1]):
            return f"{noun} {verb[-1].lower()}"  # "sono stati attivati 70 posti letto"
    before = [w.strip(",;:()") for w in sentence[:start].split()][-6:]
    while before and before[-1].lower() in _FILLERS:
        before.pop()
    if before and _PARTICIPLE.match(before[-1]) and not before[-1].lower().startswith(("stat", "tutt")):
        return f"{noun} {before[-1].lower()}"
    # "prendere in carico oltre 450 persone": the infinitive (and its complement) before the number.
    for i in range(len(before) - 1, max(-1, len(before) - 4), -1):
        part = _participle(before[i], feminine)
        complement = {w.lower() for w in before[i + 1 :]}
        if part and re.fullmatch(r"[a-zà-ù]+", before[i]) and complement <= {"in", "carico", "accoglienza", "casa"}:
            rest = " ".join(before[i + 1 :])
            return f"{noun} {part}" + (f" {rest}" if rest else "")
    return noun


# --- money -------------------------------------------------------------------------------------------------
_AMOUNT_NUM = r"(?P<num>\d{1,3}(?:[.\s]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)"
_AMOUNT = re.compile(
    rf"(?:€\s*{_AMOUNT_NUM}(?:\s*(?P<mil>milioni|mila))?|{_AMOUNT_NUM.replace('num', 'num2')}"
    rf"(?:\s*(?P<mil2>milioni|mila))?\s*(?:di\s+)?(?:euro|€|EUR)\b)",
    re.I,
)
# A label then a bare number: "Costo totale del progetto: 11.434.653,45".
_LABELLED = re.compile(
    r"(?P<label>(?:costo|importo|budget|valore|finanziamento|cofinanziamento|co-finanziamento|contributo|"
    r"quota)[^:\n]{0,80}):\s*(?:€\s*)?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{2})",
    re.I,
)
AMOUNT_KINDS = (
    ("cofinancing", re.compile(r"co-?finanziament|cofinanced|co-financ", re.I)),
    ("city_share", re.compile(r"quota\s+(?:per\s+il|del)\s+comune|quota\s+comunale|assegnat\w+\s+al\s+comune", re.I)),
    ("funded", re.compile(r"finanziat|contribut|funded|grant", re.I)),
    ("total", re.compile(r"totale|complessiv|budget|costo|valore|importo|total", re.I)),
)


@dataclass(frozen=True)
class AmountFact:
    value: float
    kind: str  # total, funded, cofinancing, city_share
    label: str
    text: str
    start: int
    end: int


def amounts(sentence: str) -> list[AmountFact]:
    """Sums of money in a sentence, each with its kind decided by the words before it in the sentence."""
    found: list[AmountFact] = []
    spans: list[tuple[int, int]] = []
    for m in _LABELLED.finditer(sentence):
        value = number(m.group("num").replace(" ", "."))
        if value:
            found.append(_amount(sentence, value, m.group("label"), m.group(0), m.start(), m.end()))
            spans.append((m.start(), m.end()))
    for m in _AMOUNT.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans):
            continue
        raw = m.group("num") or m.group("num2")
        value = number(raw.replace(" ", "."))
        scale = (m.group("mil") or m.group("mil2") or "").lower()
        if not value:
            continue
        value *= 1_000_000 if scale == "milioni" else 1000 if scale == "mila" else 1
        head = sentence[max(0, m.start() - 90) : m.start()]
        head = re.split(r"[.;]\s", head)[-1]
        found.append(_amount(sentence, value, head, m.group(0), m.start(), m.end()))
    return found


def _amount(sentence: str, value: float, context: str, text: str, start: int, end: int) -> AmountFact:
    kind = next((k for k, p in AMOUNT_KINDS if p.search(context)), "total")
    words = re.sub(r"\s+", " ", context).strip(" :,-–").split()
    label_text = " ".join(words[-8:]).lower() if words else "importo"
    return AmountFact(value, kind, label_text, text, start, end)
