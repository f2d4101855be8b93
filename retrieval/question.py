"""How a question is asked: its frame ("come hanno fatto altri comuni a", "how many", "quali comuni") is
recognised, taken out of what the lexical search weighs (so BM25 does not chase "comuni" into the network's
boilerplate), and the intent it signals is kept: a figure question prefers sentences with a number."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "come" asks how when it opens the question or a clause ("come si crea", "a Bolzano, come ...") or comes before a
# verb ("a Bolzano come hanno aiutato", "sapere come convincere"); before a noun it is "as", "like" ("i residenti
# stranieri come bagnini", "l'italiano come seconda lingua"), and the question is no how-question.
_COME_VERBS = (
    r"(?:hanno|ha|ho|hai|avete|abbiamo|possono|puo|posso|si|sono|e|fa|fanno|funziona|funzionano|viene|vengono|"
    r"riescono|riesce|bisogna|devono|deve|\w+(?:are|ere|ire)(?:si|ne|lo|la|li|le|gli)?)"
)
COME = rf"(?:(?:^|(?<=[,;:?!.]))\s*come\b|\bcome\b(?=\s+{_COME_VERBS}\b))"
_PLACES = r"(?:comuni|comune|citta|amministrazioni(?: comunali)?|enti locali|enti|municipalita|territori)"
_PLACES_EN = r"(?:cities|municipalities|towns|councils|local authorities|local governments|places)"
# Frames over folded (lower-case, accent-free) text; each removes only the asking, never the topic.
FRAMES: tuple[str, ...] = (
    # Italian
    rf"{COME}\s*(?:hanno|ha|avete|abbiamo|possono|puo|posso|si puo|si possono|si e|si sono|sono)?\s*"
    rf"(?:fatto|fanno|fa|fare|riuscit[oiae]|lavorato|affrontato)?\s*(?:(?:gli |le |degli )?altr[ie] )?"
    rf"(?:(?:i|gli|le) (?={_PLACES}))?(?:{_PLACES})?\s*(?:(?:a|ad|per|nel|nella) (?=\w))?",
    rf"\b(?:in )?qual[ie]? (?:sono )?(?:(?:i|le|gli) )?(?:{_PLACES} )?(?:che |dove |in cui )?(?:hanno |ha )?",
    r"\bquant[ieao]\b",
    r"\b(?:che )?cos[ae]?['’ ]?(?:e|sono|ha|hanno|fa|fanno|si intende per|succede|accade)\b",
    r"\bchi (?:ha|hanno|e|sono|era|erano|si occupa|gestisce|(?:fa|fanno|faceva|facevano) parte)\b",
    r"\bcon (?:chi|quali|quale)\b",
    r"\bin che modo\b",
    r"\bdove\b",
    # "ci sono comuni che ...": the places asked for are the frame, as in "quali comuni"
    rf"\b(?:ci sono|esistono|c['’ ]e)\b(?: (?:dei |degli |delle |altri |altre )?{_PLACES} (?:che|dove|in cui)\b)?",
    r"\b(?:mi )?(?:puoi|potete|potresti|sai)? ?(?:dire|indicare|spiegare|segnalare)\b",
    r"\b(?:vorrei|voglio|vorremmo) (?:sapere|capire|conoscere)\b",
    r"\b(?:qualche )?esemp[io] di\b",
    r"\b(?:e )?(?:stato|stata|stati|state) (?:fatto|fatta|fatti|fatte)\b",
    # English
    r"\bhow (?:many|much)\b",
    rf"\bhow (?:did|do|does|have|has|can|could|were|was)?\s*(?:other |the |some )?(?:{_PLACES_EN} )?"
    r"(?:manage(?:d)? to |go about |deal with )?",
    r"\bwhat (?:is|are|was|were|did|does|do|has|have|kind of|kinds of)\b",
    rf"\b(?:in )?which (?:{_PLACES_EN} )?(?:have|has|did|do|are|were)?\b",
    r"\bwho (?:is|are|was|were|did|has|have|runs|ran)?\b",
    r"\bwhere\b",
    r"\b(?:are|is) there\b",
    r"\b(?:any |some )?examples? of\b",
    r"\btell me (?:about)?\b",
    r"\bi (?:would like|want|need) to (?:know|find)\b",
)
_FRAME = re.compile("|".join(f"(?:{f})" for f in FRAMES))

INTENTS: tuple[tuple[str, str], ...] = (
    ("figure", r"\b(?:quant[ieao]|how (?:many|much)|numero di|number of|percentuale|percentage|cifre|cifra|"
     r"di quanto|by how much|quale budget|what budget|costo|cost)\b"),
    ("partners", r"\b(?:con chi|con quali|chi (?:ha|hanno)|who|with whom|partner|partners|which organi[sz]ations)\b"),
    ("places", rf"\b(?:quali {_PLACES}|which {_PLACES_EN}|dove|where|in quali)\b"),
    ("how", rf"{COME}|\b(?:how|in che modo|in what way)\b"),
    ("definition", r"\b(?:(?:che )?cos(?:a|['’])? ?(?:e|sono)|what (?:is|are))\b"),
)  # fmt: skip
_INTENTS = [(name, re.compile(p)) for name, p in INTENTS]


@dataclass(frozen=True)
class Question:
    core: str  # the folded query without its frame (the whole query when nothing else would remain)
    intent: str | None  # "figure", "partners", "places", "how", "definition" or None
    frame: list[str]  # the frame phrases taken out


def read_question(folded: str) -> Question:
    """`folded`: the query lower-cased and accent-free (lgnet.text.fold keeps offsets)."""
    intent = next((name for name, pattern in _INTENTS if pattern.search(folded)), None)
    frames = [m.group(0).strip() for m in _FRAME.finditer(folded) if m.group(0).strip()]
    core = " ".join(_FRAME.sub(" ", folded).split())
    if not re.search(r"\w", core):
        core = " ".join(folded.split())
    return Question(core=core, intent=intent, frame=frames)
