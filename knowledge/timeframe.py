"""When a count stands in time: a result of the project, a target it sets, a proposal, or a baseline from before it.

A practice record shows what a project did and what it set out to do. A sentence dated before the project started
("Nel 2023 il consultorio ha seguito 212 gravidanze" in a project that starts in 2025) describes the situation
the project answers: never a figure. A stated target ("Saranno formati 30 operatori", "si prevede di accogliere
20 nuclei", "contro un obiettivo di 250") is a figure of the project, labelled as a target, in a project sheet
as in a report beside its results. What a meeting decides or proposes ("il tavolo decide di aprire un
appartamento con 4 posti", "propone di aumentare a 40 i posti") is still to be discussed: never a figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from knowledge.cues import TARGET_BEFORE

T = TypeVar("T")

# Future tense (Italian third persons, English "will"), forecasts, objectives, decisions and intentions.
_PLANNED = re.compile(
    r"\b[a-zà-ù]+(?:rà|ranno)\b|\bsi\s+prevede\b|\bprevist[oaie]\b(?!\s+d[aei])|"
    r"\bprevede\s+di\b|\b(?:valore|risultat[oi])\s+attes[oi]\b|\bobiettiv[oi]\b|\btarget\b|\bdecide\b|"
    r"\b(?:ha|hanno)\s+deciso\s+di\b|\bintende\b|\bintendono\b|\bsi\s+impegna|\bpunta\s+a\b|\bmira\s+a\b|"
    r"\bsi\s+propon(?:e|gono)\s+di\b|"
    r"\bwill\b|\bis\s+expected\b|\bare\s+expected\b|\bplann(?:ed|s)\b|\baims?\s+to\b",
    re.I,
)
# The year a sentence is about: "nel 2023", "nel corso del 2022", "al 31/12/2022", "in 2021", "a fine 2023".
_YEAR = re.compile(
    r"\b(?:nel(?:l['’]anno)?|durante\s+il|nel\s+corso\s+del|per\s+tutto\s+il|a\s+fine|alla\s+fine\s+del|in|during)"
    r"\s+(?P<y>20\d\d)\b|\b\d{1,2}[/.]\d{1,2}[/.](?P<y2>20\d\d)\b",
    re.I,
)
_BEFORE = re.compile(r"\bprima\s+(?:del(?:l['’])?\s*(?:progetto|avvio|intervento)|che\s+(?:il|lo)\s+\w+\s+partisse)|"
                     r"\bbefore\s+the\s+(?:project|programme|service)\b", re.I)  # fmt: skip


# A verb of something done ("ha preso in carico", "sono state accolte", "had recorded"): a count in its own
# segment is a result even when the sentence goes on with a target ("..., contro un obiettivo di 250").
_DONE = re.compile(
    r"\b(?:ha|hanno|è|sono|era|erano|aveva|avevano|has|have|had|was|were)\s+(?:(?:gi[àa]|stat[oaie]|been|already)\s+)*"
    r"(?P<verb>[a-zà-ù]+(?:at[oaie]|it[oaie]|ut[oaie]|olt[oaie]|es[oaie]|ost[oaie]|ed))\b",
    re.I,
)
# Participles of planning: "ha deciso di", "sono previsti" state a plan, not a result.
_PLANNING = re.compile(r"^(?:decis|previst|programmat|stabilit|pianificat|fissat|plann|expect|intend)", re.I)


def planned(sentence: str, span: tuple[int, int] | None = None) -> bool:
    """The sentence states what is planned or expected, not what was done. With the `span` of a count, a
    segment of its own (between commas, ";" or ":") that says it was done makes that count a result."""
    if not _PLANNED.search(sentence):
        return False
    if span is None:
        return True
    left = max(sentence.rfind(c, 0, span[0]) for c in ",;:(")
    rights = [i for i in (sentence.find(c, span[1]) for c in ",;:(") if i >= 0]
    segment = sentence[left + 1 : min(rights) if rights else len(sentence)]
    if _PLANNED.search(segment):
        return True
    return not any(not _PLANNING.match(m.group("verb")) for m in _DONE.finditer(segment))


# A school year ("anno scolastico 2024/25") ends in the summer of its second year.
_SCHOOL_YEAR = re.compile(r"\banno\s+scolastico\s+(?P<y>20\d\d)\s*[/-]\s*(?:20)?\d\d\b", re.I)


# A result its own clause credits to the practice ("...; grazie allo sportello, 28 persone hanno ottenuto ...").
_CREDITED = re.compile(r"\b(?:grazie\s+(?:a|al|allo|alla|ai|agli|alle|all['’])|thanks\s+to)\b", re.I)


def before_project(sentence: str, start: str | None, span: tuple[int, int] | None = None) -> bool:
    """The sentence is about a time before the project started: it says so, or every year it is dated by is
    earlier than the year of `start` (an ISO date, "2025-02-01"). With the `span` of a count, a later clause
    (after a semicolon) does not date it: "ha accolto 212 persone, oltre l'obiettivo di 150; nel 2024, quando esisteva
    solo un banco informazioni, gli accessi erano stati 40" dates the 40, not the 212; a date that opens the sentence
    reaches its later clauses ("Nell'anno scolastico 2023/24 gli alunni stranieri erano 418; 73 di loro ..."), not one
    that credits the practice ("Nel 2023 l'anagrafe aveva registrato 60 richieste; grazie allo sportello, 28 persone
    hanno ottenuto la residenza")."""
    if span is not None:
        right = sentence.find(";", span[1])
        sentence = sentence[: right if right >= 0 else len(sentence)]
        left = sentence.rfind(";", 0, span[0])
        if left >= 0 and _CREDITED.search(sentence, left, span[0]):
            sentence = sentence[left + 1 :]  # its own clause credits the practice: the time before is the contrast
    if _BEFORE.search(sentence):
        return True
    if not start:
        return False
    school = [f"{int(m.group('y')) + 1}-07" for m in _SCHOOL_YEAR.finditer(sentence)]
    if school and max(school) <= start:
        return True
    years = [int(m.group("y") or m.group("y2")) for m in _YEAR.finditer(sentence)]
    return bool(years) and max(years) < int(start[:4])


# What a meeting or a body decides, proposes or asks: a plan still to be discussed, not the project's target.
_PROPOSAL = re.compile(
    # (not "il progetto si propone di raggiungere 200 persone": what the project aims at, a target)
    r"\bdecid(?:e|ono)\b|\b(?:ha|hanno)\s+deciso\b|(?<!\bsi\s)\bpropon(?:e|gono)\b|\bpropost[aoie]\s+di\b|\bsuggerisc\w+|"
    r"\bchied(?:e|ono)\s+(?:di|che)\b|\b(?:decides?|decided|proposes?|proposed|suggests?|suggested)\b",
    re.I,
)


# A verb in the conditional: what could or would be done ("potrebbe metterne a disposizione 2", "si potrebbero
# accogliere 10 persone", "would house 12"), neither done nor the project's target.
_SUPPOSED = re.compile(r"\b(?:potrebbe(?:ro)?|dovrebbe(?:ro)?|vorrebbe(?:ro)?|"
                       r"[a-zà-ù]{2,}(?:erebbe|irebbe|arebbe)(?:ro)?|could|would|might)\b", re.I)  # fmt: skip


def proposal(sentence: str, span: tuple[int, int] | None = None) -> bool:
    """A decision or proposal of the people speaking (a meeting's), not a target the project states. With the
    `span` of a count: a decision before it governs it ("Il tavolo decide: ...; - di aprire un appartamento con 4
    posti") unless the count's own segment says it was done ("chi decide di fermarsi: ... hanno preso in carico 88
    richiedenti"); a count after a verb in the conditional in its own clause is what could be done ("potrebbe
    metterne a disposizione 2")."""
    if span is None:
        return bool(_PROPOSAL.search(sentence))
    if _SUPPOSED.search(sentence, max(sentence.rfind(c, 0, span[0]) for c in ",;:(") + 1, span[0]):
        return True  # "l'azienda potrebbe metterne a disposizione 2": what could be done, if ...
    if not _PROPOSAL.search(sentence[: span[0]]):
        return False
    left = max(sentence.rfind(c, 0, span[0]) for c in ",;:(")
    rights = [i for i in (sentence.find(c, span[1]) for c in ",;:(") if i >= 0]
    segment = sentence[left + 1 : min(rights) if rights else len(sentence)]
    return not any(not _PLANNING.match(m.group("verb")) for m in _DONE.finditer(segment))


def target(sentence: str, span: tuple[int, int]) -> bool:
    """The count is a target: its own words say so ("contro un obiettivo di 250", "(obiettivo annuale: 250)"), or
    its sentence plans and no verb of something done comes before it in its clause ("Si prevede di organizzare 24
    eventi, con una partecipazione stimata in 1.500 persone"; not "ha preso in carico 312 persone, 118 delle quali
    donne, contro un obiettivo di 400": the 118 are done)."""
    left = max(sentence.rfind(c, 0, span[0]) for c in ",;:(")
    rights = [i for i in (sentence.find(c, span[1]) for c in ",;:(") if i >= 0]
    if _PLANNED.search(sentence[left + 1 : min(rights) if rights else len(sentence)]) or TARGET_BEFORE.search(
        sentence[max(0, span[0] - 60) : span[0]]
    ):
        return True
    clause = sentence[sentence.rfind(";", 0, span[0]) + 1 : span[0]]
    done = any(not _PLANNING.match(m.group("verb")) for m in _DONE.finditer(clause))
    return planned(sentence, span) and not done


def results_only(
    items: Iterable[T],
    text: Callable[[T], str],
    doc: Callable[[T], str],
    start: str | None,
    span: Callable[[T], tuple[int, int]] | None = None,
) -> list[T]:
    """The facts that are the project's: baselines dropped, and the counts of decisions or proposals still to
    be discussed (`span`: where each fact stands in its sentence, so a result beside a plan is kept). Stated
    targets stay: `planned` tells them apart for their label. `doc` is kept for the callers' signature."""
    kept = [i for i in items if not before_project(text(i), start, span(i) if span else None)]
    return [i for i in kept if not proposal(text(i), span(i) if span else None)]
