"""When a count stands in time: a result of the project, a target it plans, or a baseline from before it.

A practice record shows what a project did. A sentence dated before the project started ("Nel 2023 il
consultorio ha seguito 212 gravidanze" in a project that starts in 2025) describes the situation the project
answers; a sentence in the future or about what is planned ("Saranno formati 30 operatori", "si prevede di
accogliere 20 nuclei", "il tavolo decide di aprire un appartamento con 4 posti") states a target. Targets are
kept only for a document that states no results at all (a project sheet written before the project): there
they are all the document says; beside results they are plans, not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# Future tense (Italian third persons, English "will"), forecasts, objectives, decisions and intentions.
_PLANNED = re.compile(
    r"\b[a-zà-ù]+(?:rà|ranno)\b|\bsi\s+prevede\b|\bprevist[oaie]\b(?!\s+d[aei])|"
    r"\bprevede\s+di\b|\b(?:valore|risultat[oi])\s+attes[oi]\b|\bobiettiv[oi]\b|\btarget\b|\bdecide\b|"
    r"\b(?:ha|hanno)\s+deciso\s+di\b|\bintende\b|\bintendono\b|\bsi\s+impegna|\bpunta\s+a\b|\bmira\s+a\b|"
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
    left = max(sentence.rfind(c, 0, span[0]) for c in ",;:")
    rights = [i for i in (sentence.find(c, span[1]) for c in ",;:") if i >= 0]
    segment = sentence[left + 1 : min(rights) if rights else len(sentence)]
    if _PLANNED.search(segment):
        return True
    return not any(not _PLANNING.match(m.group("verb")) for m in _DONE.finditer(segment))


def before_project(sentence: str, start: str | None) -> bool:
    """The sentence is about a time before the project started: it says so, or every year it is dated by is
    earlier than the year of `start` (an ISO date, "2025-02-01")."""
    if _BEFORE.search(sentence):
        return True
    if not start:
        return False
    years = [int(m.group("y") or m.group("y2")) for m in _YEAR.finditer(sentence)]
    return bool(years) and max(years) < int(start[:4])


def results_only(
    items: Iterable[T],
    text: Callable[[T], str],
    doc: Callable[[T], str],
    start: str | None,
    span: Callable[[T], tuple[int, int]] | None = None,
) -> list[T]:
    """The facts that are results: baselines dropped, and targets dropped from documents that state results
    (`span`: where each fact stands in its sentence, so a result and a target of one sentence are told apart)."""
    kept = [i for i in items if not before_project(text(i), start)]
    plan = {id(i): planned(text(i), span(i) if span else None) for i in kept}
    with_results = {doc(i) for i in kept if not plan[id(i)]}
    return [i for i in kept if doc(i) not in with_results or not plan[id(i)]]
