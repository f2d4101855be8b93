"""What a count counts, in its sentence's words: the noun as written plus what follows it ("persone che hanno
trovato casa", "posti letto in alloggi ponte"), or the verb that governs it ("persone prese in carico" from
"prendere in carico oltre 450 persone"); a duration's label says what it measures ("tempo medio di permanenza")."""

from __future__ import annotations

import re

FEMININE = {"persone", "famiglie", "donne", "abitazioni", "unità"}
TIME_UNITS = {"ore", "giorni", "mesi", "settimane", "giornate", "minuti", "hours", "days", "weeks", "months"}
_AVERAGE = re.compile(r"\bmedi[oae]\b|\bin\s+media\b|\baverage\b|\bmean\b", re.I)

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
    # "permanenza media di 4 mesi": what a duration measures comes before it.
    if noun.split()[0] in TIME_UNITS and _AVERAGE.search(sentence):
        return _measured(sentence[:start], noun)
    tail = sentence[end:]
    stop = _AFTER_STOP.search(tail)
    after = tail[: stop.start()] if stop else tail
    words = after.split()[:6]
    feminine = noun.split()[0] in FEMININE or noun.split()[0].endswith("e")
    while words and words[-1].lower() in ("che", "di", "a", "in", "per", "con", "il", "la", "le", "i", "gli"):
        words.pop()
    if words and (_AUXILIARY.match(" ".join(words)) or _QUALIFIER.match(words[0])):
        phrase = " ".join(words)
        return f"{noun} che {phrase}" if _AUXILIARY.match(phrase) else f"{noun} {phrase}"
    clause = re.split(r"[,;:()]", sentence[:start])[-1]
    # the verb of this count, not of a count before it that has its own ("ha formato 16 operatori e le 3 assemblee
    # hanno visto ... 48 famiglie"); a verb shared by both stays ("ha registrato 1.900 accessi e 640 colloqui")
    own = re.split(r"(?<![\w.,])\d[\d.,]*\s+\S+", clause)[-1]
    if re.search(r"\b(?:hanno|ha|sono|è|have|has|were|was)\b", own):
        clause = own
    # "hanno trovato una soluzione abitativa 160 persone": the verb phrase before the count.
    aux = list(re.finditer(r"\b(?:hanno|ha|sono\s+stat[ei]|sono)\s+[a-zà-ù]+(?:at[ei]|it[ei]|ut[ei]|olt[ei]|at[oi])\b",
                           clause, re.I))  # fmt: skip
    if aux:
        verb = [w for w in clause[aux[-1].start() :].split() if w.lower() not in _FILLERS or w.lower() == "di"]
        # the verb's own words: another count after it is that count's object ("ha registrato 2.140 accessi e 780")
        verb = verb[: next((i for i, w in enumerate(verb) if re.search(r"\d", w)), len(verb))]
        while verb and verb[-1].lower() in _FILLERS:
            verb.pop()
        if verb and verb[0].lower() in ("hanno", "ha") and 2 <= len(verb) <= 8:
            return f"{noun} che {' '.join(verb).lower()}"
        if verb and verb[0].lower() == "sono" and _PARTICIPLE.match(verb[-1]) and not re.match(r"stat[ie]$", verb[-1]):
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


def _measured(before: str, noun: str) -> str:
    """The label of a duration: what the sentence says is measured ("tempo medio di permanenza")."""
    clause = re.split(r"[,;:()]", before)[-1]
    words = [w for w in clause.split() if w.lower() not in ("è", "e", "di", "a", "da", "sceso", "scesa", "salito",
                                                           "salita", "passato", "passata", "pari")]  # fmt: skip
    phrase = " ".join(words[-6:]).lower()
    return f"{noun}: {phrase}" if phrase else noun
