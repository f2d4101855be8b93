"""Counts a sentence says are not the project's: a clause that denies that what it counts belongs to the project
("Il dormitorio pubblico, con 120 posti, non è finanziato dall'azione e non rientra negli indicatori", "75 persone
inviate dal progetto SAI, contate nel progetto SAI e non qui", "i cui 140 utenti non sono compresi in questo
riepilogo", "...; neither figure refers to Open Doors", "those figures are not part of this project", "sono un
dato dell'ospedale, non del progetto", "the hospital's figure, not the project's"). A report names the figures of
other bodies beside its own and, when it does, says so; the denial is read by its shape: a
negation, a verb of belonging (rientrare, far parte, essere compreso, contato, finanziato, riferirsi; be part of,
refer to, be included, counted, funded) and what it denies belonging to: the project, its action, indicators,
plan or summary, "qui"/"here", or a name. Not a membership of the network ("non fa parte della rete LGNet") nor
what a body is not ("che non fa parte della cabina di regia"): those are not about counts.

The denial covers the sentence up to the end of its clause (between ";" and ":"): "neither figure" points back
to every count before it; a count in a later clause is the sentence's own again."""

from __future__ import annotations

import re

# What a count may be denied to belong to: the project and its parts, this report's figures, "here".
_OBJECT = (r"(?:(?:il|l['’]|lo|la|i|gli|le|nel|nella|nei|negli|nelle|nell['’]|del|della|dei|degli|delle|dell['’]|"
           r"dal|dalla|dall['’]|al|alla|agli|alle|all['’]|in|a|da|questo|questa|questi|queste|quest['’]|nostro|"
           r"nostra|the|this|these|our|its|to|in|by|of)\s*)*"
           r"(?:progett[oi]|azion[ei]|indicator[ei]|riepilogo|protocollo|piano|iniziativa|monitoraggio|rendiconto|"
           r"conteggi\w*|dati\s+del\s+progetto|project|programme|program|action|initiative|indicators|figures|"
           r"report|summary|count)\b")  # fmt: skip
_HERE = r"(?:qui|here)\b"
_NAME = r"(?:[«\"“]?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
_IT_VERB = (r"(?:rientra(?:no|va|vano)?|fa(?:nno)?\s+parte|facevano\s+parte|faceva\s+parte|"
            r"(?:(?:è|sono|era|erano|viene|vengono|è\s+stat[oa]|sono\s+stat[ie])\s+)?"
            r"(?:compres[oaie]|inclus[oaie]|contat[oaie]|conteggiat[oaie]|finanziat[oaie]|riportat[oaie])|"
            r"riguarda(?:no)?|si\s+riferisc(?:e|ono)|appartien(?:e|gono))")  # fmt: skip
_IT = re.compile(rf"\b(?:non|né)\s+{_IT_VERB}\s+(?:(?:di|a|in|da|con|per)\s+)?(?:{_OBJECT}|{_HERE})"
                 rf"|\be\s+non\s+{_HERE}", re.I)  # fmt: skip
_EN_VERB = (r"(?:(?:(?:is|are|was|were|be|been)\s+)?(?:not\s+)?(?:part\s+of|included\s+in|counted\s+in|funded\s+by|"
            r"covered\s+by)|refers?\s+to|belongs?\s+to|relates?\s+to)")  # fmt: skip
# "not"/"neither"/"none of" before the verb, in the same few words ("neither figure refers to", "they are not part of")
_EN = re.compile(rf"\b(?i:not|neither|nor|none\s+of\s+(?:them|these|those))\b(?:\s+[\w'’]+){{0,3}}?\s+"
                 rf"(?i:{_EN_VERB})\s+(?:(?i:{_OBJECT}|{_HERE})|{_NAME})")  # fmt: skip
# A figure said to be someone else's and not the project's: "sono un dato dell'ospedale, non del progetto", "dato del
# Municipio, non dell'azione", "a figure of the hospital, not of the project", "the district's data, not the project's".
_SOURCE_IT = re.compile(rf"\b(?:dat[oi]|cifr[ae]|numer[oi])\b[^,;:.]{{0,60}}?,?\s+(?:e\s+)?non\s+(?:{_OBJECT}|{_HERE})",
                        re.I)  # fmt: skip
_SOURCE_EN = re.compile(rf"\b(?:figures?|data|numbers?|counts?)\b[^,;:.]{{0,60}}?,?\s+(?:and\s+)?not\s+"
                        rf"(?:(?:those\s+)?(?:of|from)\s+)?(?:{_OBJECT}|{_HERE})", re.I)  # fmt: skip
# A count the writers say not to count or use ("il gruppo decide di non contarli tra i risultati", "quel dato ... non
# va usato nella relazione", "da non conteggiare"), and one said to be another's ("those figures belong to the Slovene
# partner's report").
_NOT_USED = re.compile(r"\b(?:non|da\s+non)\s+(?:va(?:nno)?\s+(?:usat|utilizzat|contat|conteggiat|considerat|"
                       r"inserit|riportat)[oaie]|(?:contar|usar|utilizzar|conteggiar|considerar|inserir|riportar)"
                       r"(?:l[oaie]|ne|e)?)\b|\b(?:(?:should|must|will)\s+not|(?:do|does)\s+not|don['’]t)\s+"
                       r"(?:be\s+)?(?:count(?:ed)?|us(?:e|ed)|report(?:ed)?|include[d]?)\b", re.I)  # fmt: skip
_OTHERS = re.compile(r"\b(?:those|these|that|this|the)\s+(?:figures?|numbers?|data|counts?)\s+(?:belongs?|refers?|"
                     r"relates?)\s+to\s+(?:the\s+|an?\s+)?[\w'’ -]{0,40}?['’]s?\s+(?:own\s+)?(?:report|count|figures|"
                     r"data|records?|register|system)\b", re.I)  # fmt: skip
# What is denied membership of is not a count's place: the network, a body or its meetings.
_NOT_ABOUT_COUNTS = re.compile(r"(?:(?:di|della|del|of\s+the|'s)\s+)?(?:rete|network|cabina|tavolo|comitato|"
                               r"partenariato|partnership|consorzio)\b", re.I)  # fmt: skip


def disowned_clauses(body: str) -> list[tuple[int, int]]:
    """The part of a sentence whose counts it says are not the project's: from its start to the end of the clause
    that denies it (see the module's docstring)."""
    out: list[tuple[int, int]] = []
    for pattern in (_IT, _EN, _SOURCE_IT, _SOURCE_EN, _NOT_USED, _OTHERS):
        for m in pattern.finditer(body):
            if _NOT_ABOUT_COUNTS.match(body[m.end() : m.end() + 20].lstrip()):
                continue  # "non rientra nel progetto di rete": the network, not a count
            ends = [i for i in (body.find(c, m.end()) for c in ";:") if i >= 0]
            out.append((0, min(ends) if ends else len(body)))
    return out
