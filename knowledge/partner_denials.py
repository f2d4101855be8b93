"""Organisations a text says are not partners: "la ASL partecipa al gruppo ma non è partner di progetto", "The
Juvenile Court ... took part in the steering committee but were not partners", "hanno espresso sostegno con
lettera, ma non sono partner". A document that denies an organisation the partnership outright is believed over
the lists and attendance rolls that name it elsewhere (its minutes' "Presenti: ... (ASL 3 Genovese)").

The denial's subject is its clause before the denial (from the sentence's start or its last ";" or ":"), and an
organisation found anywhere in the same text is denied when that clause names it: its whole name, or the acronym
its name opens with ("ASL 3 Genovese" and "la ASL").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from knowledge.org_names import comparable_name
from knowledge.partner_lists import guests
from knowledge.partner_tables import denied_rows
from knowledge.sentences import clean, sentences
from lgnet.practice import Partner

T = TypeVar("T")

_DENIAL = re.compile(
    r"\bnon\s+(?:è|e['’]|sono|era|erano|fa|fanno|risulta|risultano|figura|figurano)\s+(?:(?:un|una|tra\s+i|fra\s+i|"
    r"formalmente|però)\s+)?(?:partner|parte\s+del\s+partenariato|soggett[oi]\s+partner)\b|"
    r"\bnon\s+(?:come|in\s+qualità\s+di)\s+partner\b|"
    # ... what one does without being one: "senza essere (formalmente) partner", "without being a formal partner"
    r"\bsenza\s+essere\s+(?:(?:un|formalmente|ufficialmente)\s+)?partner\b|"
    r"\bwithout\s+being\s+(?:(?:a|an|formal|official|formally|officially|project)\s+)*partners?\b|"
    # ... nor of the agreement that makes the partnership: "ci ha dato la canonica, ma non fa parte della convenzione",
    # "non fa parte dell'accordo", "is not part of the agreement", "is not a member of the consortium"
    r"\bnon\s+fa(?:nno)?\s+parte\s+(?:del|della|dell['’])\s*(?:progetto|partenariato|accordo|convenzione|protocollo|"
    r"rete\s+(?:del\s+)?progetto|ats|ati)\b|"
    # ... said any way membership is denied: "non è parte dell'accordo", "che non partecipa al progetto", "non ha
    # aderito al partenariato", "non aderiscono alla rete"
    r"\bnon\s+(?:(?:è|sono|era|erano|ha|hanno)\s+)?(?:mai\s+|più\s+)?(?:parte|partecipa|partecipano|partecipato|"
    r"aderisce|aderiscono|aderito)\s+(?:(?:formalmente|direttamente)\s+)?(?:al|alla|all['’]|del|della|dell['’]|a)\s*"
    r"(?:progetto|partenariato|accordo|convenzione|protocollo|rete|ats|ati)\b|"
    r"\b(?:is|are|was|were)\s+not\s+(?:a\s+)?(?:part|members?|signator(?:y|ies))\s+of\s+the\s+(?:agreement|"
    r"partnership|consortium|project)\b|"
    r"\b(?:is|are|was|were)\s+not\s+(?:a\s+|formal\s+|project\s+)*partners?\b|\bnot\s+as\s+(?:a\s+)?partners?\b",
    re.I,
)
# What one does without an agreement with the project: "La Caritas X segnala le persone, senza una convenzione con il
# progetto", "la scuola ha chiesto di collaborare senza entrare nell'accordo", "without a formal agreement"; its subject
# is the clause it closes, from the last relative or completive "che" before it
_NO_AGREEMENT = re.compile(
    r"\bsenza\s+(?:(?:un|una|alcun|alcuna)\s+)?(?:convenzione|accordo|protocollo|rapporto\s+formale)\b|"
    r"\bsenza\s+(?:(?:tuttavia|però|peraltro|comunque|mai|formalmente)\s+)?(?:entrare|aderire|far\s+parte)\s+"
    r"(?:a|al|alla|all['’]|nel|nella|nell['’]|del|della|dell['’])\s*"
    r"(?:accordo|convenzione|partenariato|rete|protocollo|ats|ati)\b|"
    r"\bwithout\s+(?:an?\s+|any\s+)?(?:formal\s+)?(?:agreement|contract)\b|\bwithout\s+(?:joining|signing)\s+the\s+"
    r"(?:agreement|partnership|network)\b|"
    # ... or without signing it, whatever the words: "senza sottoscrivere l'accordo", "ma non ha firmato la
    # convenzione", "non l'ha sottoscritto", "but did not sign the partnership agreement", "has not signed"
    r"\bsenza\s+(?:(?:sottoscrivere|firmare)|aver(?:e)?\s+(?:sottoscritto|firmato))\b|"
    r"\bnon\s+(?:(?:l['’]\s*|lo\s+|la\s+)?(?:ha|hanno)\s+|(?:è|sono)\s+)(?:mai\s+|ancora\s+)?(?:sottoscritt|firmat|"
    r"firmatari|sottoscrittor)\w*|"
    r"\b(?:did|does|do|has|have|had)\s+not\s+(?:yet\s+)?sign(?:ed)?\b|\b(?:is|are|was|were)\s+not\s+(?:a\s+)?"
    r"signator(?:y|ies)\b",
    re.I,
)
# A contrast opening a clause of its own subject ("..., mentre l'associazione Y non l'ha firmata", "while the X did
# not sign"): a denial after it says nothing of the names before it
_CONTRAST = re.compile(r"\b(?:ma|mentre|but|while|whereas)\s+(?=(?:il|lo|la|i|gli|le|the)\s|l['’]|[A-ZÀ-Ý])", re.I)
_THAT = re.compile(r"\s(?:che|that|which|who)\s", re.I)
_ACRONYM = re.compile(r"[A-Z]{2,}")
# A denial said of the name right before it by a relative pronoun in the singular: "..., which was not a partner",
# "..., che non è partner di progetto"; its subject is that name alone, from the comma before it (a table run into
# the sentence before it, "Partner Role ... Caritas X legal desk The evaluation ... of the University of Y, which
# was not a partner", names no one it denies).
_RELATIVE = re.compile(r",\s*(?:which|who|that|che|il\s+quale|la\s+quale)\s+(?:\w+\s+){0,2}$", re.I)
# A sentence run on without its full stop (a table's last cell, then the text): a word in lower case, then an
# article in capitals and a word in lower case ("... legal desk volunteers The evaluation was ..."; not a name's
# article, "la cooperativa La Ringhiera", which a capitalised word follows).
_RUN_ON = re.compile(r"[a-zà-ù]\s+(?:The|An?|La|Il|Lo|Le|Gli|I|Una?|Nel|Nella|In)\s+[a-zà-ù]")
# The rest of a denial up to the colon that closes its label (a few words, no sentence break)
_LABEL_END = re.compile(r"[^.;:]{0,40}?:")
_SINGULAR = re.compile(r"(?<!\w)(?:è|e['’]|era|fa|risulta|figura|is|was)\s", re.I)


def _row_start(body: str, at: int) -> int:
    """Where the table row holding `at` opens in a sentence that runs over a table's rows ("... | capofila | | Coop X |
    ... | osservatore, non ha firmato l'accordo |"): a denial in a row says nothing of the rows above it (-1: none)."""
    found = body.rfind("| |", 0, at)
    return found + 2 if found >= 0 else -1


def denied_clauses(text: str) -> list[str]:
    """The clauses of `text` (comparable form) whose subject a denial says is no partner."""
    out = []
    for s in sentences(text):
        body = clean(s.text)
        for m in _NO_AGREEMENT.finditer(body):
            start = max(body.rfind(";", 0, m.start()), body.rfind(":", 0, m.start()), _row_start(body, m.start())) + 1
            start = max([start, *(t.end() for t in _THAT.finditer(body, start, m.start()))])
            start = max([start, *(c.start() for c in _CONTRAST.finditer(body, start, m.start()))])
            out.append(f" {comparable_name(body[start : m.start()])} ")
        for m in _DENIAL.finditer(body):
            start = max(body.rfind(";", 0, m.start()), body.rfind(":", 0, m.start()), _row_start(body, m.start())) + 1
            start = max([start, *(r.start() + 1 for r in _RUN_ON.finditer(body, start, m.start()))])
            relative = _RELATIVE.search(body, start, m.start())
            if relative and _SINGULAR.search(m.group(0)):
                start = max(start, body.rfind(",", start, relative.start()) + 1)
            out.append(f" {comparable_name(body[start : m.start()])} ")
            subject = body[start : m.start()].split()
            if _LABEL_END.match(body, m.end()) and not any(w[:1].isupper() for w in subject[1:]):
                # a label naming no one that denies what it lists, to its line's end (a list's "dott." is no
                # sentence's end): "Invitati al tavolo, che non sono partner del progetto: A (ASL X), B"
                colon = text.find(":", s.start + m.end() - 5)
                if colon >= 0:
                    line = text.find("\n", colon)
                    out.append(f" {comparable_name(text[colon + 1 : line if line >= 0 else len(text)])} ")
    # a partnership table's row whose role is no partner's: "Soggetto: X; ...; Ruolo: nessun ruolo nel progetto"
    out += [f" {comparable_name(name)} " for name in denied_rows(text)]
    # ... and a body the minutes' attendance table lists for a guest or an observer ("invitata per il punto 2")
    out += [f" {comparable_name(name)} " for name in guests(text)]
    return out


def denied(name: str, clauses: list[str]) -> bool:
    """Whether one of the denied `clauses` names the organisation `name`."""
    if not clauses:
        return False
    key = comparable_name(name)
    first = name.split()[0] if name.split() else ""
    acronym = comparable_name(first) if _ACRONYM.fullmatch(first) else ""
    return any(f" {key} " in c or (acronym and f" {acronym} " in c) for c in clauses)


def undenied(items: list[tuple[T, Partner]], denials: Mapping[str, list[str]]) -> list[tuple[T, Partner]]:
    """The partners whose own document (`denials`: per document id, its denied clauses) does not deny them."""
    return [(r, p) for r, p in items if not denied(p.name, denials.get(p.source.doc_id or "", []) if p.source else [])]
