"""Who issued a document, read from its first line: a masthead of names only ("ASSB – Azienda Servizi Sociali di
Bolzano / Betrieb für Sozialdienste Bozen") or an organisation's name before the document's genre ("Cooperativa
sociale X – Bilancio sociale 2025"): no partner of the city, unless the document says it runs the service for the
Comune (`RUNS_IT`)."""

from __future__ import annotations

import re

from knowledge import organisations

_NAME_WORDS = {"di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "per", "la", "il", "lo", "le", "a",
               "al", "alla", "allo", "ai", "agli", "alle", "in",
               "of", "the", "and", "for", "für", "de", "des", "du", "und", "der", "die", "das", "d", "l"}  # fmt: skip


def masthead(line: str) -> bool:
    """A document's first line that is only the names of who issued it ("ASSB – Azienda Servizi Sociali di Bolzano
    / Betrieb für Sozialdienste Bozen"): an organisation named and nothing but names around it (no word in lower
    case but a name's own), so not a title saying what someone did ("La Cooperativa X apre uno sportello")."""
    if "\n" in line.strip() or len(line) > 160 or not organisations.named(line):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    return all(w[0].isupper() or w.lower() in _NAME_WORDS for w in words)


# A document's first line that opens with who issued it, then its genre: "Cooperativa sociale X – Bilancio sociale 2025"
_ISSUED = re.compile(r"\s*[–—-]\s*(?:bilancio\s+sociale|relazione|rapporto|report|newsletter|notiziario|"
                     r"comunicato|annual\s+report)\b", re.I)  # fmt: skip
# ... who says it runs the service for the Comune: "Dal 2024 gestiamo per conto del Comune di X il servizio",
# "l'associazione gestisce per il Comune di X il progetto"
RUNS_IT = re.compile(r"\b(?:(?:l['’]\s*associazione|la\s+cooperativa|la\s+fondazione|l['’]\s*ente)\s+"
                     r"(?:gestisce|realizza|conduce|coordina)|gestiamo|realizziamo|conduciamo|coordiniamo)\s+"
                     r"(?:\w+\s+){0,2}?per\s+(?:conto\s+del|il)\s+Comune\b", re.I)  # fmt: skip


def issuer_line(line: str) -> bool:
    """A document's first line naming who issued it: a masthead (`masthead`), or an organisation's name opening it
    before the document's genre ("Cooperativa sociale X – Bilancio sociale 2025 (estratto)")."""
    if masthead(line):
        return True
    found = organisations.named(line)
    return bool(found and found[0][1] == 0 and _ISSUED.match(line, found[0][2]))
