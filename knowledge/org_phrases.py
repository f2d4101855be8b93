"""An organisation's name read by its structure, not by the phrase around it: its kind written in lower case before
the name ("agenzia formativa Sinergie", "istituto alberghiero «Ignazio Florio»", "the volunteer association Amici
della Salute ODV"), a unit of an organisation standing for it ("il distretto sociosanitario dell'ASL Lecce"), the
items of a list whose items a semicolon or a letter separates ("a) CNA Lucca, che ...; b) cooperativa sociale
Odissea, che ...") and an organisation that is the subject of a clause saying what it does in the service ("la Banca
d'Alba ha offerto conti a canone zero", "la Flai Cgil di Lecce presta i suoi legali"). Read by `knowledge.partners`.
"""

from __future__ import annotations

import re

_IT_KINDS = (r"associazione|cooperativa|fondazione|agenzia|istituto|consorzio|circolo|comitato|gruppo|centro|"
             r"patronato|oratorio|polisportiva|consulta|sindacato|parrocchia|consultorio|banca|societ[àa]|azienda|"
             r"federazione|unione|universit[àa]|caritas|scuola|ente")  # fmt: skip
_EN_KINDS = (r"association|co-?operative|foundation|agency|charity|trust|institute|union|centre|center|parish|diocese|"
             r"caritas|consortium|federation|bank|university|school")  # fmt: skip
# A word in lower case that qualifies a kind after it, by its ending ("formativa", "alberghiero", "sociale",
# "diocesana", "culturale", "sanitaria", "comprensivo") or of whom ("di", "del", "della", "dei", "delle")
_IT_ADJECTIVE = (
    r"(?:[a-zà-ù]+(?:ale|ali|ile|ili|ana|ano|ane|ani|iva|ivo|ive|ivi|aria|ario|arie|ari|ica|ico|iche|ici|"
    r"ese|esi|ense|ensi|iero|iera|ieri|iere|ista|isti|ente|enti|ante|anti)|di|del|della|dei|delle|"
    # ... or a noun of what it does or whom it gathers: "centro di formazione professionale X",
    # "consorzio di tutela X", "associazione viticoltori del X"
    r"formazione|lavoro|salute|ricerca|studi|servizi|volontariato|istruzione|tutela|"
    r"[a-zà-ù]{3,}(?:tori|trici|ini))"
)
# ... as a lookahead's part of a case-sensitive pattern: "agenzia formativa X", "istituto alberghiero «X»"
KIND_AHEAD = rf"(?i:(?:{_IT_KINDS})(?:\s+{_IT_ADJECTIVE}){{0,3}}\s+)[A-ZÀ-Ý0-9«\"“]"
_IT_KIND_NAME = re.compile(rf"(?:{_IT_KINDS})(?:\s+{_IT_ADJECTIVE}){{0,3}}\s+(?-i:[A-ZÀ-Ý0-9«\"“])", re.I)
# English puts the qualifiers first: "the volunteer association X", "the social cooperative X", "the diocesan Caritas
# of X" (words that are no function word)
_EN_WORD = (
    r"(?!(?:the|a|an|and|of|with|by|to|for|in|on|at|which|who|that|is|are|was|were|its|their)\b)[a-z-]+"
    r"(?:['’]s?)?"
)  # ... a possessive too: "the growers' consortium X", "the women's association Y"
_EN_KIND_NAME = re.compile(rf"(?:{_EN_WORD}\s+){{0,2}}(?:{_EN_KINDS})\s+(?:of\s+(?:the\s+)?)?(?-i:[A-ZÀ-Ý«\"“])",
                           re.I)  # fmt: skip


def kind_named(item: str) -> str | None:
    """An item in lower case that is an organisation's kind then its name: the item with a capital (its quotes
    closed), else None."""
    if not (_IT_KIND_NAME.match(item) or _EN_KIND_NAME.match(item)):
        return None
    item = name_span(item)
    item = item[0].upper() + item[1:]
    for opening, closing in (("«", "»"), ("“", "”")):
        if item.count(opening) > item.count(closing):
            item += closing  # the tidying stripped the closing quote: "istituto alberghiero «Ignazio Florio»"
    return item


# A unit of an organisation named for it: "il distretto sociosanitario dell'ASL Lecce", "the health district of the
# ASP": the organisation is who works with the city
_UNIT_OF = re.compile(r"(?:distrett[oi]|sezione|sede|ufficio|servizio|reparto|dipartimento|sportello|department|"
                      r"branch|office|district)\b[^,;]{0,40}?\s(?:del|della|dello|dell['’]|dei|degli|delle|of\s+the|of)"
                      r"\s*(?P<org>(?-i:[A-ZÀ-Ý]).*)$", re.I)  # fmt: skip


def unit_of(item: str) -> str | None:
    """The organisation a unit of it stands for ("distretto sociosanitario dell'ASL Lecce" -> "ASL Lecce")."""
    m = _UNIT_OF.match(item)
    return m.group("org") if m else None


# A letter opening a list's item ("a) CNA Lucca, ...; b) cooperativa ..."), a number ("1. ", "2) "), and the "and" of
# the last item ("; and the Diocesan Caritas of X")
_MARKER = re.compile(r"^\s*(?:(?:and|e|ed)\s+)?(?:[a-z]\)|\d{1,2}[.)])?\s*", re.I)
_LETTERS = re.compile(r"(?:(?<=^)|(?<=[\s;:]))[a-z]\)\s+")


def unlettered(segment: str) -> str:
    """A segment without the letters that open its items."""
    return _LETTERS.sub("", segment)


_CONNECTORS = {"di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d", "e", "ed", "per", "la", "il",
               "le", "lo", "i", "gli", "in", "sul", "sulla", "sui", "nel", "nella", "of", "the", "and", "for",
               "on"}  # fmt: skip
_KIND_WORD = re.compile(rf"(?i:{_IT_KINDS}|{_EN_KINDS}|croce|pro)$")


def name_span(item: str) -> str:
    """The item up to the end of its proper name: past its first capitalised word, up to the first word in lower
    case that is no small word of a name ("social cooperative X for the management of the flats" -> "social
    cooperative X")."""
    words = list(re.finditer(r"\S+", item))
    proper = next((i for i, w in enumerate(words) if w.group(0)[:1].isupper() or w.group(0)[:1] in '«"“'), None)
    if proper is None:
        return item
    end = words[proper].end()
    for w in words[proper + 1 :]:
        word = w.group(0).strip(",;.()")
        if not (word[:1].isupper() or word[:1].isdigit() or word[:1] in '«"“»”' or word.lower() in _CONNECTORS):
            break
        end = w.end()
    small = r"di|del|della|dei|delle|e|ed|of|the|and|for|on|in|per|i|il|la|le|lo|gli"
    return re.sub(rf"(?:\s+(?:{small}))+$", "", item[:end])


def name_only(item: str) -> bool:
    """Whether an item is a name and nothing more: past its proper name's first capitalised word (a kind's aside), no
    word in lower case but a name's small words ("Associazione Il Ponte sul Serchio ODV"; not "Croce Rossa garantisce
    una visita")."""
    words = re.findall(r"[\w&-]+", item.replace("’", " ").replace("'", " "))
    proper = next((i for i, w in enumerate(words) if w[:1].isupper() and not _KIND_WORD.match(w)), None)
    if proper is None:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words[proper:])


def list_piece(piece: str) -> str:
    """The item a piece of a list separated by semicolons opens, without its marker ("b) cooperativa sociale X,
    che gestisce ..." -> "cooperativa sociale X, che gestisce ..."): the caller takes its first item."""
    return piece[_MARKER.match(piece).end() :]  # type: ignore[union-attr]


# An organisation that opens a clause (the sentence's start, or after a semicolon or a colon) as the subject of a verb
# saying what it does in the service: "la Banca d'Alba ha offerto conti", "la Flai Cgil di Lecce presta i suoi legali",
# "l'ASL mette a disposizione un medico", "the X Foundation ran the desk" (a sum said with it is a funder's: the caller
# asks `partner_roles`)
_SUBJECT = re.compile(
    r"(?:^|[;:]\s*|,\s*(?:while|whereas|mentre)\s+)(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)?"
    r"(?P<name>[A-ZÀ-Ý][\w'’&.-]*(?:\s+(?:(?:di|del|della|dei|of|d['’])\s*)?[A-ZÀ-Ý0-9][\w'’&.-]*){0,5})\s+"
    r"(?:(?:ha|hanno|has|have)\s+)?(?:anche\s+|also\s+)?"
    r"(?:presta|prestano|prestato|offre|offrono|offerto|mette\s+a\s+disposizione|mettono\s+a\s+disposizione|"
    r"messo\s+a\s+disposizione|fornisce|forniscono|fornito|cura|curano|curato|segue|seguono|seguito|accompagna|"
    r"accompagnano|accompagnato|provides|provided|ran|runs|lends|lent)\b"
    # ... not the rooms it lends: who houses a service is no partner ("la parrocchia di X ha messo a disposizione le
    # aule", `partner_roles.OTHER_ROLE`'s "nei locali della Parrocchia X")
    r"(?!\s+(?:(?:le|i|gli|la|il|l['’]|the|its|their)\s*)?(?:propri[oaie]\s+)?(?:aule|aula|locali|spazi|spazio|sede|"
    r"sala|sale|stanze|stanza|premises|rooms?|spaces?)\b)"
)


def subjects(body: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of the capitalised names opening a clause as the subject of a verb of doing part of the
    service."""
    return [(m.group("name"), m.start("name"), m.end("name")) for m in _SUBJECT.finditer(body)]
