"""A count that points back to a count of the sentence before it counts what that count counted, in its unit:
"... sono passati allo sportello 238 nuclei familiari. Di questi, 64 sono stati presi in carico" counts households,
not persons; "214 people were enrolled ... . Of the 214 enrolled, 131 completed it" counts people, not 'enrolled'.

Within one sentence `knowledge.ellipsis` gives such a count the unit of the count before it; a sentence that opens
with the back-reference ("Di questi,", "Tra loro,", "Of these,", "Of the 214 enrolled,") has its antecedent in the
sentence before, which the record builder passes here (`knowledge.document_reading`)."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.figure_facts import FigureFact, number, unit_labels

# A pronoun of the count before: "Di questi,", "Di queste ultime", "Tra loro", "Of these", "Among them".
_PRONOUN = re.compile(r"^\W*(?:(?:di|tra|fra)\s+(?P<it>questi|queste|loro|essi|esse)(?:\s+ultim[ie])?|"
                      r"(?:of|among)\s+(?:these|them|those))\s*,?\s*"
                      r"(?:(?:circa|oltre|ben|quasi|about|over|some|nearly)\s+)?$", re.I)  # fmt: skip
# The count before named again with its number: "Dei 238 nuclei,", "Of the 214 enrolled,".
_NAMED = re.compile(r"^\W*(?:dei|degli|delle|tra\s+(?:i|gli|le)|fra\s+(?:i|gli|le)|of\s+the|among\s+the)\s+"
                    r"(?P<num>\d[\d.,]*)\b[^,;:.\d]{0,50},\s*"
                    r"(?:(?:circa|oltre|ben|quasi|about|over|some|nearly)\s+)?$", re.I)  # fmt: skip
# Units of persons and households a pronoun of people stands for.
_OF_PEOPLE = ("people", "families", "minors", "women", "beneficiaries")


def _noun(f: FigureFact) -> str:
    """The words a count was written with after its number ("nuclei familiari"), else its unit's label."""
    rest = re.sub(r"^\S+\s*", "", f.text) if f.text[:1].isdigit() else ""
    return rest.lower() or unit_labels(f.unit)[0]


def _persons(unit: str) -> bool:
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    return unit in _OF_PEOPLE or counts_persons(unit)


def antecedent(body: str, f: FigureFact, before: list[FigureFact], previous: list[FigureFact]) -> FigureFact:
    """`f` (a count of `body`, `before` the counts ahead of it in `body`) in the unit of the count of the sentence
    before (`previous`) it points back to; `f` itself when it points back to none."""
    if before or not previous or re.search(r"[^\W\d_]", f.text):
        return f  # a count with its own noun says what it counts ("Di questi, 12 volontari")
    head = body[: f.start]
    whole: FigureFact | None = None
    if m := _PRONOUN.match(head):
        candidates = [g for g in previous if _persons(g.unit)]
        it = (m.group("it") or "").lower()
        if it in ("queste", "esse"):  # the feminine stands for a feminine noun ("persone", "famiglie")
            candidates = [g for g in candidates if _noun(g).split()[0].endswith("e")] or candidates
        elif it in ("questi", "essi"):
            candidates = [g for g in candidates if _noun(g).split()[0].endswith("i")] or candidates
        whole = candidates[-1] if candidates else None
    elif (m := _NAMED.match(head)) and (value := number(m.group("num"))) is not None:
        whole = next((g for g in reversed(previous) if g.value == value), None)
    if whole is None or whole.unit == f.unit or not _persons(whole.unit):
        return f
    if f.unit == "people" and whole.unit not in _OF_PEOPLE:
        return f  # persons either way ("Di questi [giovani], 14 hanno fatto un tirocinio"): nothing to correct
    noun = _noun(whole)
    old = unit_labels(f.unit)[0]
    label = noun + f.label[len(old) :] if f.label.lower().startswith(old) else f"{noun} {f.label}"
    return replace(f, unit=whole.unit, label=label)
