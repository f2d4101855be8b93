"""Figures and partners stated in passages, each with the sentence it comes from (rules, no language model)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from lgnet.text import split_sentences, strip_markdown

# A number followed (within a few words) by what it counts.
UNITS = {
    "people": r"persone|migranti|cittadini|utenti|individui|people|persons",
    "beneficiaries": r"beneficiari|destinatari|beneficiaries",
    "families": r"nuclei familiari|nuclei|famiglie|families",
    "minors": r"minori|bambini|ragazzi|minors|children",
    "women": r"donne|women",
    "beds": r"posti letto|posti|beds",
    "housing_units": r"alloggi|appartamenti|case|abitazioni|flats|apartments",
    "euro": r"euro|€",
    "municipalities": r"comuni|città|municipalities|cities",
}
_NUMBER = r"(?<![\w.,])(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,\d+)?(?![\w.,]\d)"
_FIGURE = re.compile(
    _NUMBER + r"\s+(?:[a-zà-ù']+\s+){0,3}?(" + "|".join(f"(?P<{k}>{v})" for k, v in UNITS.items()) + r")\b",
    re.I,
)
_WORDS = {"cento": 100, "mille": 1000, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "dieci": 10}
_PARTNER_CUE = re.compile(
    r"hanno collaborat[oi]|ha collaborato|in collaborazione con|realizzat[ei] da|hanno lavorato|"
    r"con il supporto d|gestit[oi] da|partner",
    re.I,
)
_ORG = re.compile(
    r"((?:la |il |l')?(?:Cooperativa|Coop\.|Associazione|Associazioni|associazione|associazioni|cooperativa|"
    r"Fondazione|Caritas|Centro|Azienda|ASL|Asl|Gruppo|Comunità|Parrocchia|Arci|Aps|APS|Onlus|"
    r"Società|Consorzio|Istituto|Federazione|Comitato|Croce Rossa)[^,;.\n]{0,80})"
)


@dataclass(frozen=True)
class Figure:
    value: int
    unit: str
    text: str  # the matched words, e.g. "160 persone"
    sentence: str

    def to_dict(self) -> dict:
        return asdict(self)


def _value(raw: str) -> int:
    return int(re.sub(r"[.\s]", "", raw))


def figures(text: str) -> list[Figure]:
    out = []
    for sentence in split_sentences(strip_markdown(text)):
        for m in _FIGURE.finditer(sentence):
            unit = next(k for k in UNITS if m.group(k))
            value = _value(m.group(1))
            if unit != "euro" and 1900 <= value <= 2100:
                continue  # a year, not a count
            out.append(Figure(value, unit, m.group(0), sentence.strip()))
    return out


def partners(text: str) -> list[tuple[str, str]]:
    """(organisation, sentence) for organisations named in sentences about who worked on the project."""
    found: dict[str, str] = {}
    for sentence in split_sentences(strip_markdown(text)):
        if not _PARTNER_CUE.search(sentence):
            continue
        for m in _ORG.finditer(sentence):
            name = re.sub(r"^(la |il |l')", "", m.group(1).strip(), flags=re.I).strip(" -–")
            name = re.split(r"\s+(?:e|ed|che|con|per|in|hanno|ha)\s+(?=[a-z])", name)[0].strip()
            if len(name) > 3 and name not in found:
                found[name] = sentence.strip()
    return list(found.items())
