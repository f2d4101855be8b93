"""Counts stated after what they count: the number is the predicate of a noun phrase said before it.

- "Le persone accompagnate al medico sono state 96", "..., i beneficiari raggiunti sono stati 312": the noun
  phrase with its article, then "essere", then the number;
- "Il numero di persone accolte è salito a 85", "Number of people reached: 1,200": "numero di X";
- "Persone prese in carico: 128", "Beneficiari diretti: 540": a plural noun phrase as a label, then the number;
- "Le segnalazioni sono passate da 31 nel 2023 a 17 nel 2024", "passando da 800 a 960", "Visits rose from 300 to
  420": a change, whose count is the value reached.
The unit is a known unit's code when the noun phrase opens with one ("I posti letto attivati" are beds), else
the noun as written; the label is the noun phrase.
"""

from __future__ import annotations

import re

from knowledge.counted_nouns import _plural
from knowledge.counting import not_a_count
from knowledge.figure_facts import ENGLISH_NOUNS, UNITS, FigureFact, number

_N = r"(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(?![\d%])(?!\s*%)(?!\s*(?:euro|€))"
_ADVERBS = (
    r"(?:(?:finora|sinora|in\s+tutto|complessivamente|ormai|oramai|già|oggi|ora|adesso|tuttora|attualmente|so\s+far|"
    r"in\s+total|now|"
    r"currently)\s+)?"
    r"(?:(?:circa|oltre|about|over)\s+)?"
)
_BE = r"(?:sono\s+stat[ie]|sono\s+diventat[ie]|sono|erano|furono|were|are|was|is|have\s+become|became)"
# Words of time that may open a sentence before its subject.
_WHEN = (
    r"[Oo]ggi|[Aa]d\s+oggi|[Ff]inora|[Ss]inora|[Aa]ttualmente|[Nn]el\s+complesso|[Qq]uest['’]\s*anno|"
    r"[Ii]n\s+(?:due|tre|quattro|cinque|\d)\s+(?:anni|mesi|stagioni)|[Tt]oday|[Ss]o\s+far"
)
# A noun phrase with its article, then "essere", then the number, within one segment.
_PREDICATE = re.compile(
    # after a clause's start, or a capitalised article after a heading glued to the sentence ("Comunità Le feste")
    # or after a few words of time opening the sentence ("Oggi le persone accolte ...", "In due anni i ragazzi ..."),
    # or after "che" opening a reported clause ("racconta che i volontari ... sono ormai 21")
    # or after a time that ends on its year ("Dall'avvio (ottobre 2019) al 31 ottobre 2021 le persone ... sono 486")
    rf"(?:^|[,;:]\s+(?:e\s+|ed\s+|and\s+)?|\b(?:nel|nell['’]anno|in)\s+\d{{4}}\s+|(?<=\b(?:19|20)\d\d\s)|(?<=\s)(?=(?:Le|I|Gli|The)\s)|"
    rf"^(?:{_WHEN})\s+|(?<=\bche\s))"
    rf"(?P<art>[Ll]e|[Ii]|[Gg]li|[Tt]he)\s+(?P<noun>[a-zà-ù]{{3,}})\b"
    # what the subject says in brackets belongs to it ("I volontari che danno una mano (trasporti, spesa) sono 16")
    # ... and an apposition between commas ("Le serate «Sale del mondo», cene e letture nelle lingue dei corsisti,
    # sono state 9")
    rf"(?:[^.;:,()]|\([^()]*\))*?(?:,[^.;:,()]{{3,80}},(?:[^.;:,()]|\([^()]*\))*?)?\s{_BE}\s+{_ADVERBS}{_N}"
    # the number may be followed by who the persons are or when ("sono 15 tra assistenti sociali e agenti", "sono
    # state 9 in due estati", "are 12 in all")
    rf"\s*(?:[.;:,)]|\((?=di\s+cui|of\s+wh)|$|\s+(?:e|ed)\s+(?=[a-zà-ù])|\s+(?:tra|fra|in|nel|nei|nell['’]|negli|"
    rf"nelle|da|dal|dall['’]|dai|su|among|over|since|during|by)\b)"
)
# English says a group's count without an article: "Women were 142", "Households numbered 85".
_EN_PREDICATE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?:and|while)\s+)(?P<noun>[Ww]omen|[Mm]en|[Cc]hildren|[A-Z]?[a-z]{{3,}}s)\s+"
    rf"(?:were|numbered)\s+{_ADVERBS}{_N}\s*(?:[.;:,)]|$|\s+(?:and|while|in|of)\b)"
)
_EN_PERSONS = {"women", "men", "children"}
# "il numero di/dei X ... è (salito a) N", "number of X: N".
_NUMBER_OF = re.compile(
    rf"\b(?:numero|number)\s+(?:(?:complessivo|totale|total)\s+)?(?:di|dei|degli|delle|of)\s+(?P<noun>[a-zà-ù]{{3,}})"
    rf"[^.;:\d]{{0,80}}?(?::|\b(?:è|e'|was|is|ha\s+raggiunto|ha\s+superato(?:\s+quota)?|reached|rose|grew|increased|"
    rf"climbed|fell|dropped)(?:\s+(?:salit[oa]|"
    rf"arrivat[oa]|cresciut[oa]|pari))?(?:\s+(?:a|di|to))?)\s+{_ADVERBS}{_N}",
    re.I,
)
# "Persone prese in carico: 128": a label of a few words opening with a plural noun, a colon, the number.
_LABEL = re.compile(
    rf"(?:^|[;.]\s+|\s[-–•]\s+)(?P<noun>[A-ZÀ-Ýa-zà-ù][a-zà-ù]{{3,}})(?P<rest>(?:\s+[^\W\d][\w'’]*){{0,7}}?)\s*:\s*{_ADVERBS}{_N}"
    r"\s*(?:[.;]|$|\s[-–•]\s)"
)
# What a label opening with a plural may be that is no count: those present at a meeting, ages, shares.
_NOT_LABELS = {"presenti", "assenti", "date", "ore", "anni", "percentuali", "note", "fonti", "tempi", "costi",
               "spese", "entrate", "uscite", "risorse"}  # fmt: skip
# "passate da 31 (nel 2023) a 17 (nel 2024)": the count is the value reached.
_CHANGE = re.compile(
    rf"\b(?P<art>[Ll]e|[Ii]|[Gg]li|[Tt]he)\s+(?P<noun>[a-zà-ù]{{3,}})\b[^.;:]*?\b(?:passat[ie]|salit[ie]|aumentat[ie]|"
    rf"sces[ie]|calat[ie]|diminuit[ie]|cresciut[ie]|passando|salendo|crescendo|scendendo|calando|went|rose|grew|fell|"
    rf"increased|decreased|going|rising|growing|falling)\s+(?:da|from)\s+"
    rf"\d[\d.,]*(?:\s+(?:nel|in)\s+\d{{4}})?\s+(?:a|to)\s+{_N}"
)


# English says a change without an article: "Visits rose from 300 to 420", "Referrals went from 120 in 2023 to 180".
_EN_CHANGE = re.compile(
    rf"(?:^|[,;:]\s+|\b(?:and|while)\s+)(?P<noun>[A-Z]?[a-z]{{3,}}s)\s+(?:rose|grew|fell|increased|decreased|went|"
    rf"climbed|dropped)\s+from\s+\d[\d.,]*(?:\s+in\s+\d{{4}})?\s+to\s+{_N}"
)


# The unit a change's value is written in ("sono scesi da 21 a 4 giorni") is its unit, not its subject's noun.
_TIME_AFTER = re.compile(r"\s+(giorni|mesi|settimane|ore|days|months|weeks|hours)\b", re.I)


def stated(sentence: str) -> list[FigureFact]:
    """The counts of `sentence` stated after their noun (see the module's docstring)."""
    out: list[FigureFact] = []
    for pattern in (_PREDICATE, _NUMBER_OF, _CHANGE, _LABEL, _EN_PREDICATE, _EN_CHANGE):
        for m in pattern.finditer(sentence):
            noun = m.group("noun")
            if pattern is _LABEL and (noun.lower() in _NOT_LABELS or not _plural(noun)):
                continue
            if pattern is not _LABEL and not _plural(noun) and noun.lower() not in _EN_PERSONS:
                continue
            value = number(m.group("num"))
            if value is None or value < 2 or (1900 <= value <= 2100 and m.group("num").isdigit()):
                continue
            if any(f.start <= m.start("num") < f.end for f in out):
                continue
            subject = _subject(sentence, m.start("noun"), m.start("num"))
            words = subject.split()
            known = [code for n in (3, 2, 1) for code, p in UNITS.items() if re.fullmatch(p, " ".join(words[:n]))]
            unit = known[0] if known else ENGLISH_NOUNS.get(noun.lower(), noun.lower())
            if written := _TIME_AFTER.match(sentence, m.end("num")):  # "i tempi ... scesi da 21 a 4 giorni": days
                unit = ENGLISH_NOUNS.get(written.group(1).lower(), written.group(1).lower())
            if not_a_count(sentence, m.start("num"), m.end("num"), unit if unit in UNITS else "generic"):
                continue
            out.append(FigureFact(value, unit, subject, sentence[m.start("num") : m.end("num")], m.start("num"),
                                  m.end("num")))  # fmt: skip
    return out


def _subject(sentence: str, start: int, end: int) -> str:
    """The noun phrase of a stated count, without the verb and adverbs that lead to the number."""
    subject = sentence[start:end].rstrip(" :")
    subject = re.sub(rf"\s+(?:{_BE}|è|e'|ha\s+raggiunto|ha\s+superato|reached)(?:\s+\w+)?(?:\s+(?:a|di|to))?\s*$", "",
                     subject, flags=re.I)  # fmt: skip
    subject = re.sub(r"\s+(?:finora|sinora|in\s+tutto|complessivamente|so\s+far|circa|oltre|about|over|quota)\s*$", "",
                     subject, flags=re.I)  # fmt: skip
    subject = re.sub(r"\s+(?:da|from)\s+\d.*$", "", subject)
    subject = re.sub(r"\s+(?:sono|were|are)\s+\w+$", "", subject)
    subject = re.sub(r"\s*\([^()]*\)", "", subject)  # "(trasporti, compiti, spesa)": an aside, not the label
    subject = re.sub(r",[^,]*,\s*$", "", subject)  # ", cene e letture nelle lingue dei corsisti,": an apposition
    return subject.lower().strip()
