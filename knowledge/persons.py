"""Whether a counted noun counts persons ("alunni", "braccianti", "consiglieri", "case workers"), by what the
rules already know of people (the target groups, the staff, the English nouns of people) and by the shape of
Italian and English nouns of agents and roles ("-tori", "-trici", "-anti", "-enti", "-isti"; "-ers", "-ees").
Families, minors and women are units of their own in the records (their own words); the scorer reads women and
minors as persons (`knowledge.evaluation.unit_key`), families as households."""

from __future__ import annotations

import re

from knowledge.areas import STAFF
from knowledge.figure_facts import UNITS
from knowledge.mentions import TARGET_GROUPS
from lgnet.text import fold

# The target groups of persons the records name (families, minors and women are units of their own).
_GROUPS = re.compile(
    "|".join(
        f"(?:{TARGET_GROUPS[c]})"
        for c in ("young_people", "homeless", "refugees", "detainees", "elderly", "vulnerable_migrants")
    )
)

# Persons by role or condition that no suffix tells ("alunni", "anziani", "proprietari", "consiglieri").
_ROLES = frozenset({
    "persone", "people", "persons", "individui", "individuals", "uomini", "men", "adulti", "adults", "giovani",
    "ragazzi", "ragazze", "alunni", "allievi", "anziani", "familiari", "genitori", "parents", "figli", "ospiti",
    "guests", "iscritti", "cittadini", "citizens", "stranieri", "foreigners", "migranti", "rifugiati", "profughi",
    "neomaggiorenni", "beneficiari", "destinatari", "proprietari", "locatari", "affittuari", "inquilini",
    "tenants", "landlords", "owners", "consiglieri", "councillors", "infermieri", "nurses", "operai", "medici",
    "doctors", "tutori", "tutors", "mentori", "mentors", "mediatori", "volontari", "volunteers", "funzionari",
    "officials", "titolari", "agenti", "officers", "pazienti", "patients", "assistiti", "detenuti", "prisoners",
    "members", "membri", "componenti", "soci", "clienti", "parenti", "staff", "personale", "elettori", "votanti",
    "voters", "minorenni", "maggiorenni", "vicini", "neighbours", "neighbors", "richiedenti asilo",
    "asylum seekers", "case workers", "social workers", "assistenti sociali", "educatori", "tirocinanti",
    "custodi", "custodians", "guardiani", "guardians", "bagnini", "lifeguards", "portieri", "caretakers",
    # agents in -tatori, which the things' ending leaves out ("contatori"): an audience, digital helpers
    "spettatori", "spectators", "facilitatori", "facilitators",
    # masters of a craft and teachers, artisans: "Otto maestri ceramisti in pensione fanno da tutor"
    "maestri", "maestre", "artigiani", "artigiane", "craftsmen", "artisans",
})  # fmt: skip
# Italian agents and roles: "-tori/-trici" (lavoratori, visitatrici), "-anti/-enti" (partecipanti, braccianti,
# residenti, utenti: not "-menti" nor the things below), "-isti" (giornalisti); English agents "-ers", "-ees",
# "-ants", "-ents", "-ists" (workers, trainees, participants, residents, specialists).
_AGENT = re.compile(r"(?:tori|trici|anti|enti|isti|ers|ees|ants|ents|ists)$")
_THING_ENDINGS = re.compile(r"(?:menti|ments|venti|vents|tatori|icatori)$")  # documenti, eventi, contatori, indicatori
_THINGS = frozenset({
    "settori", "fattori", "motori", "trattori", "generatori", "distributori", "sectors", "factors", "enti",
    "ambienti", "incidenti", "continenti", "ingredienti", "denti", "ristoranti", "impianti", "trapianti",
    "diamanti", "guanti", "contanti", "istanti", "quanti", "tanti", "carburanti", "papers", "numbers", "centers",
    "centres", "chapters", "letters", "flyers", "posters", "meters", "metres", "orders", "containers", "computers",
    "registers", "counters", "quarters", "headquarters", "folders", "vouchers", "partners", "providers", "fees",
    "trees", "degrees", "committees", "lists", "checklists", "waters", "corners", "towers", "offers", "answers",
    "layers", "filters", "clusters", "banners", "stickers", "markers", "covers", "powers", "matters", "dollars",
})  # fmt: skip

# Persons by nationality ("23 persone: 14 ucraine e 9 afghane", "12 Syrians"): the adjective stands for its noun.
_NATIONALITY = re.compile(
    r"^(?:(?:ucrain|afgh?an|sirian|pakistan|nigerian|marocchin|tunisin|algerin|libic|egizian|somal|eritre|etiop|"
    r"sudanes|senegales|gambian|malian|ivorian|ghanes|guinean|camerunens|congoles|irachen|iranian|curd|turch|"
    r"bengales|cingales|nepales|indian|cines|filippin|peruvian|ecuadorian|colombian|venezuelan|brasilian|"
    r"albanes|kosovar|serb|macedon|moldav|romen|rumen|bulgar|polacch|russ|georgian|italian|african|asiatic|"
    r"sudamerican|latinoamerican)[ie]|(?:ukrainian|afghan|syrian|pakistani|nigerian|moroccan|tunisian|eritrean|"
    r"somali|sudanese|iraqi|iranian|kurd|bangladeshi|albanian|romanian|italian|african)s?)$"
)


def known_persons(noun: str) -> tuple[bool, bool]:
    """(listed, ending): whether the rules' lists name the noun as persons, else whether its ending looks like an
    agent's or a role's."""
    n = fold(noun).strip().lower()
    if not n:
        return False, False
    head = n.split()[0]
    if n in _ROLES or head in _ROLES or _GROUPS.fullmatch(n) or STAFF.fullmatch(n) or _NATIONALITY.match(n):
        return True, False
    # English puts the head last ("municipal staff", "farm workers")
    last = n.split()[-1]
    ending = False
    for word in dict.fromkeys((head, last)):
        if word in _ROLES:
            return True, False
        if len(word) > 5 and _AGENT.search(word) and not _THING_ENDINGS.search(word) and word not in _THINGS:
            ending = True
    return False, ending


# What the noun means, learned (`knowledge.noun_kind`), for nouns the lists do not know: only a word that may be a
# plural noun ("cuochi", "navigators"), not a function word.
_MAYBE_NOUN = re.compile(r"[a-z][a-z' -]{2,}[ies]")
_OWN_UNITS = re.compile("(?:" + "|".join(f"(?:{UNITS[u]})" for u in ("minors", "women", "families")) + r")(?:\s.*)?",
                        re.I)  # fmt: skip


def counts_persons(noun: str) -> bool:
    """A noun (one word or a short phrase, any case, Italian or English) that counts persons: the lists' words,
    else what the learned noun kind says of it (an agent's ending it finds unlikely is no person, a noun it is
    sure of is one: `knowledge.noun_kind`), else the ending."""
    listed, ending = known_persons(noun)
    if listed:
        return True
    n = fold(noun).strip().lower()
    if not _MAYBE_NOUN.fullmatch(n) or _OWN_UNITS.fullmatch(n):
        return ending  # women, minors and families are units of their own
    from knowledge.noun_kind import persons_probability, thresholds  # the encoder loads on first use

    p = persons_probability(n)
    if p is None:
        return ending
    veto, accept = thresholds()
    return (ending and p >= veto) or p >= accept
