"""Names in quotation marks: a project's, a service's or an event's name («Pagine di casa», “Porta aperta”).

A name given with its kind is no description: "Il progetto «Pagine di casa» ha organizzato 14 incontri di lettura"
names no housing, so the words of such a name are left out when a count's area is read from its sentence
(`without_names`); a name standing for the thing itself ("la «Cena dei popoli»") says what it is. A name right after
a count is what the count counts ("2 «cene dell'olio nuovo»", "3 giornate «Mare aperto»", "4 giornate di «Bottega
aperta»"): its marks are read as spaces there (`unquote_counted`), so the counted noun is read through them. Both keep
every offset of the text.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[«“]([^«»“”\n]{1,80})[»”]")
# A count right before the name, maybe with its noun and "di" ("4 giornate di «...»", "2 «...»").
_COUNT_BEFORE = re.compile(r"(?<![\w.,/-])\d[\d.,]*\s+(?:[a-zà-ù]{3,}\s+(?:(?:di|del|della|dei|delle)\s+)?)?$",
                           re.I)  # fmt: skip


def unquote_counted(text: str) -> str:
    """`text` with the marks of a name right after a count as spaces."""
    if "«" not in text and "“" not in text:
        return text
    out = list(text)
    for m in _QUOTED.finditer(text):
        if _COUNT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            out[m.start()] = out[m.end() - 1] = " "
    return "".join(out)


# The kind of thing a name is given with, right before it ("il progetto «...»", "lo sportello «...»", "the
# «...» project" aside): the kind says what it is, the name's words do not. A name standing alone ("la «Cena dei
# popoli»") is the thing itself, its words say what it is.
_KIND_BEFORE = re.compile(r"\b(?:progett[oi]|iniziativ[ae]|programm[ai]|ret[ei]|band[oi]|percors[oi]|campagn[ae]|"
                          r"pratic[ah]e?|intervent[oi]|azion[ei]|misur[ae]|pian[oi]|patt[oi]|tavol[oi]|grupp[oi]|"
                          r"associazion[ei]|cooperativ[ae]|fondazion[ei]|sportell[oi]|servizi[o]?|centr[oi]|"
                          r"spazi[o]?|festival|rassegn[ae]|project|programme|program|initiative|scheme|network)\s*$",
                          re.I)  # fmt: skip


def without_names(text: str, keep: tuple[int, int] | None = None) -> str:
    """`text` with every name in quotation marks given with its kind ("il progetto «Pagine di casa»") blanked, but
    the one a count at `keep` reads through."""
    if "«" not in text and "“" not in text:
        return text
    out = text
    for m in _QUOTED.finditer(text):
        if keep is not None and m.start() < keep[1] and keep[0] < m.end():
            continue
        if not _KIND_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # a name standing for the thing itself ("la «Cena dei popoli»"), or what a count counts
        out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out
