"""A count as the rules read it (`FigureFact`): its number as written ("1.200", "1,340", "trentadue"), whether it is
a year, and its unit: the known units and their labels, counted nouns of English documents in the network's Italian
vocabulary. Finding counts in a sentence is `knowledge.figures`'s (`knowledge.counted_nouns`: any counted noun)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.numbers import WORD_NUMBER, word_value

UNITS: dict[str, str] = {
    "beds": r"posti\s+letto|posti\s+(?:in\s+)?accoglienza|beds|bed\s+places|bed\s+spaces",
    "families": r"nuclei\s+familiari|nuclei\s+monoparentali|nuclei|famiglie|families|households",
    "minors": r"minori(?:\s+stranieri)?|di\s+minore\s+et[àa]|bambin[ie]|minors|children",
    "women": r"donne|women",
    "housing_units": r"alloggi|appartamenti|abitazioni|unit[àa]\s+abitative|flats|apartments|housing\s+units|dwellings|"
    r"case(?!\s+(?:files?|workers?|manage\w*|stud\w+|famiglia|di\s+riposo|editrici))",
    "beneficiaries": r"beneficiari|destinatari|utenti|beneficiaries",
    "people": r"persone|migranti|cittadin[ie]|stranier[ie]|rifugiat[ie]|individui|people|persons|individuals|migrants",
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
# Units that say by themselves which area they belong to.
UNIT_AREA = {"beds": "housing", "housing_units": "housing"}
# Numbers in words are read by their parts (`knowledge.numbers`): "trentadue famiglie", "centoventi persone".
NUM = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + WORD_NUMBER + ")"


@dataclass(frozen=True)
class FigureFact:
    value: float
    unit: str
    label: str  # what is counted, e.g. "persone che hanno trovato casa"
    text: str  # the words read, e.g. "oltre 160 persone"
    start: int  # offsets of `text` in the sentence
    end: int


def is_year(raw: str, value: float) -> bool:
    """A year as written ("2024", "duemilaventiquattro"), never a count written with a separator ("2.000
    visitatori")."""
    return 1900 <= value <= 2100 and value == int(value) and "." not in raw and "," not in raw


def number(raw: str) -> float | None:
    raw = raw.lower().strip()
    if raw[:1].isalpha():
        words = word_value(raw)
        return float(words) if words is not None else None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return float(raw.replace(",", ""))  # "1,340 first contacts": English thousands (a count has no 3 decimals)
    try:
        return float(raw.replace(".", "").replace(",", "."))
    except ValueError:
        return None


# Counted nouns of English documents as the network's Italian documents write them (records compare across
# cities in one vocabulary; `unit_labels` gives the English back for the English site).
ENGLISH_NOUNS = {
    "visits": "accessi", "contacts": "contatti", "first contacts": "primi contatti", "events": "eventi",
    "meetings": "incontri", "staff": "operatori",
    "workers": "lavoratori", "participants": "partecipanti", "volunteers": "volontari", "interviews": "colloqui",
    "courses": "corsi", "students": "studenti", "trainees": "tirocinanti", "internships": "tirocini",
    "requests": "richieste", "applications": "domande", "outings": "uscite", "users": "utenti",
    "asylum seekers": "richiedenti asilo", "refugees": "rifugiati", "residents": "residenti",
    "case files": "cartelle", "files": "fascicoli", "officers": "agenti", "teachers": "insegnanti",
    "days": "giorni", "hours": "ore", "weeks": "settimane",
    "months": "mesi", "pupils": "alunni", "mediators": "mediatori",
    "interpreters": "interpreti", "social workers": "operatori", "tutors": "tutori", "mentors": "mentori",
    "doctors": "medici", "nurses": "infermieri", "calls": "chiamate", "appointments": "appuntamenti",
    "vaccinations": "vaccinazioni", "schools": "scuole", "workshops": "laboratori", "lessons": "lezioni",
    "classes": "classi", "meals": "pasti", "nights": "pernottamenti", "companies": "aziende", "employers": "aziende",
    "contracts": "contratti", "placements": "tirocini", "traineeships": "tirocini", "sessions": "incontri",
    "clients": "utenti", "service users": "utenti", "patients": "pazienti", "children": "bambini",
    # an enrolment counts a person enrolled ("310 enrolments in Italian courses": 310 iscritti)
    "enrolments": "iscritti", "enrollments": "iscritti",
    "consultations": "consulenze", "renewals": "rinnovi",
}  # fmt: skip
_ITALIAN_TO_ENGLISH = {it: en for en, it in ENGLISH_NOUNS.items()}


def unit_labels(unit: str) -> tuple[str, str]:
    """A unit's Italian and English labels: the known units', else the counted noun in both languages."""
    if unit in UNIT_LABELS:
        return UNIT_LABELS[unit]
    return unit, _ITALIAN_TO_ENGLISH.get(unit, unit)
