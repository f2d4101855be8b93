"""What a partner's name is: the keywords of organisations, where a list of names splits into items (`split_items`:
commas, "e", a dash unless it spells out an acronym or qualifies a place, a numbered list run on one line) and what an
item keeps of a name (`tidy`: no article, no clause after it, no role in brackets, a kind in lower case before its name,
an organisation for its unit), and who is never a partner by name (the network, the press, the municipality's own
offices). Read by `knowledge.partners` and `knowledge.partner_lists`."""

from __future__ import annotations

import re

from knowledge import org_phrases, organisations
from knowledge.organisations import spells

ORG_KEYWORDS = (
    r"Cooperativ[ae]|Coop\.|Associazion[ei]|Fondazione|Caritas|Consorzio|Azienda|ASL|Asl|ASP|Asp|AUSL|USL|"
    r"Onlus|ONLUS|Aps|APS|Odv|ODV|Arci|ARCI|Parrocchia|Confraternita|Comitato|Federazione|Istituto|Università|"
    r"Centro|Gruppo|Rete|Croce\s+Rossa|Diocesi|Unione|Ente|Agenzia|"
    r"University|Foundation|Association|Cooperative|Agency|Diocese|Charity|Trust|Unit[ée]\s+des\s+Communes|"
    r"Oratorio|Patronato|Polisportiva|Pro\s+Loco|Consulta|Acli|ACLI|SpA|S\.p\.A\.|Misericordia|Sindacato|"
    r"Banca|Bank|Cgil|CGIL|Cisl|CISL|Uil|UIL|Red\s+Cross"
)
_ARTICLE = re.compile(
    r"^(?:(?:(?:e|ed|inoltre|con|anche|tra\s+cui|quali|come|al\s+progetto|il|lo|la|i|gli|le|un|una|uno|dal|dalla|"
    r"dallo|dai|dalle|del|della|dello|al|allo|alla|ai|agli|alle|and|with|the|also)\s+)|(?:l|un|dall|dell|all)['’]\s*)+",
    re.I,
)
_PLURAL_DESCRIPTOR = re.compile(
    r"^(?:le\s+)?(?:associazioni|cooperative|realtà|organizzazioni|enti)\s+(?=(?-i:[A-Z]))",
    re.I,  # a name follows
)
_CLAUSE = re.compile(
    r"\s(?:hanno|ha|abbiamo|che|sono|è|sarà|nonché|si\s|(?:e|ed)\s+con\s|(?:per|con)\s+\d|nell['’]ambito\b|"
    r"con\s+(?:il|i)\s+(?:contribut|finanziament|fondi|sostegno)|\d+\s+(?!d[ei]\w*\b)[a-zà-ù]{3,}|dedicat\w*|operant\w*|attiv[aoi]\s|grazie|presso|ovvero|"
    r"per\s+(?!la\s|il\s|le\s|i\s|gli\s|l')\w+(?:are|ere|ire)\b)"
)
# Who is not a partner of a city: the network itself and the municipality's own offices.
NETWORK = re.compile(
    r"^(?:anci(?:\s+(?:nazionale|comunicare))?|cittalia|fondazione\s+(?:anci|cittalia)|associazione\s+dei\s+comuni.*|"
    r"ministero.*|dipartimento.*|viminale|direzione\s+centrale.*|(?:unione|comunit[àa])\s+europea|fondo\s+fami.*)$",
    re.I,
)
# Who reports the news is never a partner: a press agency ("AGIL – Agenzia Giornalistica Lombarda", "news agency").
_PRESS = re.compile(
    r"\bagenzia\s+(?:giornalistica|di\s+stampa|stampa)\b|\b(?:news|press)\s+agency\b|"
    # ... or an agency whose name says it is news: "Agenzia Puglia Notizie", "Agenzia X News"
    r"\bagenzia\b(?:\s+[\w'’]+){0,3}?\s+(?:notizie|news|informazione|stampa)\b",
    re.I,
)
MUNICIPAL = re.compile(
    r"^(?:il\s+|i\s+)?Comun[ei]\b|\bComun[ei]\s+(?:di|del|della|dell['’]|dei)\b|\b(?:del|dal|al|nel|dei|ai)\s+Comun[ei]\b|"
    r"\bcomunal[ei]\b|\bMunicipi|\bMunicipalit[àa]\b|\bMunicipality\b|\bRoma\s+Capitale\b|\bassessorat|"
    r"^Serviz[io]\s+social[ei]|^(?:la\s+)?Giunta\b|^Consiglio\s+comunale\b|^Sindac[oa]\b|"
    # ... in English: "the City", "the City Council", "the Town Hall", "the Mayor"
    r"^(?:the\s+)?(?:city|town|city\s+council|town\s+hall|city\s+hall|mayor)$",
    re.I,
)
# Another municipality named as a partner ("Comune di X"): kept, unless it is the city itself (see `partners`).
OTHER_COMUNE = re.compile(r"^Comune\s+di\s+(?P<place>[A-Z][\w'’ -]+)$")


# Words of a kind before the name it opens: "consorzio di cooperative Nord Ovest Lavoro", "parrocchia di San Michele",
# "consultorio familiare della ASL n. 1"
_KIND_WORDS = r"(?:\s+(?:di|del|della|dei|delle|familiare|sociale|cooperative)){0,3}"
_AND = re.compile(r"\s+(?:e|ed|and)\s+(?=con\s+(?:il|lo|la|i|gli|le)\s|con\s+l['’]|"
                  r"(?:con\s+)?(?:il\s|lo\s|la\s|l['’]|i\s|gli\s|le\s|the\s|al\s|allo\s|alla\s|"
                  r"all['’]|ai\s|agli\s|alle\s)?"
                  r"(?:[A-Z\"«“]|(?:associazion|cooperativ|fondazion|association|foundation)\w*\s|"
                  r"(?:circolo|comitato|gruppo|consorzio|centro|istituto|patronato|oratorio|polisportiva|consulta|"
                  r"parrocchia|consultorio|sindacato)" + _KIND_WORDS + r"\s+(?-i:[A-Z])|"
                  # a kind, a word or two saying of whom, then its acronym: "il sindacato inquilini SUNIA"
                  r"(?:sindacato|associazione|cooperativa|consorzio|comitato|centro)(?:\s+[a-zà-ù]+){1,2}\s+"
                  r"(?-i:[A-Z]{3,})\b|"
                  # any kind in lower case, its qualifiers, then the name: "e all'agenzia formativa X"
                  + org_phrases.KIND_AHEAD + r")|"
                  r"(?:with\s+)?the\s)")  # fmt: skip


# A number opening an item of a list run on one line ("1) A 2) B", "1. A; 2. B"), never a name's ("CPIA 2 Novi")
NUMBERED = re.compile(r"(?:^|[\s;,])\(?\d{1,2}[.)]\s+(?=(?:(?:il|lo|la|i|gli|le)\s+|l['’]\s*)?[A-ZÀ-Ý«\"“])")


# The last item of a list whose lines were joined runs into the next sentence: "3) Misericordia di X La Società Y
# finanzia ...": a name's last capitalised word (not a kind, "Cooperativa La Rupe"), then an article in capitals.
_RUN_ON_SENTENCE = re.compile(r"\b(?P<w>[A-ZÀ-Ý][\w'’-]+)(?P<cut>\s+)(?=(?:La|Il|Lo|Le|Gli|L['’])\s*[A-ZÀ-Ý])")


def _run_on_cut(item: str) -> str:
    for m in _RUN_ON_SENTENCE.finditer(item):
        if not re.fullmatch(ORG_KEYWORDS, m.group("w")):
            return item[: m.start("cut")]
    return item


def split_items(segment: str) -> list[str]:
    """'A, B, C e D' -> [A, B, C, D]; a dash separates organisations unless it spells out an acronym, qualifies a
    place ('IPRS – Istituto ...', 'Segretariato sociale – Distretto Latina 2') or stands inside a quoted name
    ('Istituto Comprensivo «Da Vinci – Ungaretti»')."""
    # a numbered list run on one line: "1) A (capofila) 2) B – gruppo X 3) C", "1. A; 2. B": each number opens an item
    numbered = NUMBERED.split(segment)
    if len(numbered) > 2:  # an item's role in parentheses is no item: "1) A (ente attuatore, capofila) 2) B"
        numbered[-1] = _run_on_cut(numbered[-1])
        return [i for part in numbered for i in split_items(re.sub(r"\s*\([^()]*\)", "", part)) if i]
    parts = [p.strip() for p in re.split(r",\s*", segment) if p.strip()]
    # "A e B", "A e la Cooperativa B", and an English "A and the local health authority B" in the part where the
    # list ends: the last one, or the one before a clause that follows the list ("..., la Caritas X e l'ASL Y,
    # individuati con avviso ...")
    last = len(parts) - 1
    while last > 0 and re.match(r"[a-zà-ù]", parts[last]) and (not _ARTICLE.match(parts[last])
                                                              or not re.search(r"[A-Z]", parts[last])):  # fmt: skip
        last -= 1  # a clause after the list ("come da protocollo d'intesa sottoscritto il ...") names no one
    if parts:
        parts[last : last + 1] = _AND.split(parts[last])
    items: list[str] = []
    for part in parts:
        chunks = [c.strip() for c in re.split(r"\s+[–—-]\s+", part)]
        current = chunks[0]
        for nxt in chunks[1:]:
            quoted = current.count("«") > current.count("»") or current.count("“") > current.count("”")
            # a branch or unit of the organisation before, its kind capitalised or not: "ASL X – Distretto 9",
            # "Azienda sanitaria X – Comprensorio sanitario di Y", "ERAP X – Presidio di Y", "Associazione X – gruppo
            # territoriale Y"
            place = (
                re.match(
                    r"(?i:distretto|comune|sede|comitato|sezione|delegazione|comprensorio|presidio|gruppo|"
                    r"ufficio|dipartimento|filiale)\b",
                    nxt,
                )
                or nxt[:1].islower()
            )
            acronym = re.fullmatch(r"[A-Z][A-Z0-9.&]{1,9}", current) or spells(current, nxt) or spells(nxt, current)
            if quoted or place or acronym:
                current = f"{current} – {nxt}"
            else:
                items.append(current)
                current = nxt
        items.append(current)
    return items


# A verb and its object closing an item: "... cura la mensa della foresteria", "... coordina i volontari" (a word in
# lower case that is no small word of a name, an article, then words in lower case to the end)
_ACTS = re.compile(r"\s(?P<verb>(?!(?:per|con|tra|fra|dal|dalla|dai|del|della|dei|nel|nella|nei|sul|sulla|sui|"
                   r"sociale|sociali|onlus|e|ed)\s)[a-zà-ù]{3,})\s+(?:il|lo|la|i|gli|le|l['’])\s*[a-zà-ù]+"
                   r"(?:\s+[a-zà-ù'’]+)*\s*$")  # fmt: skip


def tidy(item: str) -> str | None:
    item = re.split(r":\s|;", item)[0]  # a colon ends the name (what follows says something of it, or a next field), a
    # semicolon too (a name never holds one: "... Liguria; la ASL partecipa al gruppo")
    item = item.strip(" .;:*\"«»“”'")
    item = re.sub(r"\s*\((?-i:[a-zà-ù])[^()]*\)$", "", item)  # its role in brackets: "X (housing)", "Y (capofila)"
    item = _PLURAL_DESCRIPTOR.sub("", item)
    item = _ARTICLE.sub("", item).strip()
    item = _PLURAL_DESCRIPTOR.sub("", item)
    cut = _CLAUSE.search(item)
    if cut:
        item = item[: cut.start()]
    acting = _ACTS.search(item)
    if acting and re.match(rf"(?:{ORG_KEYWORDS})\b", item, re.I) and not organisations.LOWER_PART.match(acting["verb"]):
        item = item[: acting.start()]  # "Caritas diocesana cura la mensa": the name, then what it does
    tail = re.search(r"\s(?:(?:per|con|a|di|da|su|tra|fra)\s+)?(?:il|lo|la|i|gli|le)\s+[a-zà-ù]+(?:\s+[a-zà-ù]+)*\s*$",
                     item)  # fmt: skip
    if tail and re.search(r"\s[A-ZÀ-Ý]", item[: tail.start()]) and re.search(rf"\b(?:{ORG_KEYWORDS})\b", item, re.I):
        item = item[: tail.start()]  # "Istituto comprensivo Dante Alighieri gli alunni": the sentence's subject
    item = re.sub(r"\s+(?:e|ed|and|o|in)$", "", item.strip(" .;:,*\"«»“”'"))  # "A e" before "con B", "A in convenzione"
    if not item or len(item) < 3 or len(item.split()) > 12:
        return None
    if not (item[0].isupper() or item[0].isdigit()):
        # a kind in lower case before its name: the name right after it ("la cooperativa sociale Arcobaleno"; not
        # "la cooperativa scade il 31 marzo")
        # ... and in English: "the social cooperative Arcobaleno", "the association X"
        if re.match(
            r"(?i:associazione|cooperativa|fondazione|association|social\s+cooperative|foundation)"
            r"(?:\s+(?i:sociale))?\s+(?:(?i:di|del|della|of)\s+)?"
            r"[A-Z0-9«\"“]",
            item,
        ):
            item = org_phrases.name_span(item)  # not what it does after its name
            item = item[0].upper() + item[1:]
        elif re.match(
            r"(?:circolo|comitato|gruppo|consorzio|centro|istituto|patronato|oratorio|polisportiva|"
            r"consulta|sindacato|parrocchia|consultorio)" + _KIND_WORDS + r"\s+(?-i:[A-Z])",
            item,
            re.I,
        ):
            item = item[0].upper() + item[1:]  # a kind in lower case before the name: "il circolo Legambiente X"
        elif m := re.match(
            r"(?:sindacato|associazione|cooperativa|consorzio|comitato|centro)(?:\s+[a-zà-ù]+){1,2}\s+"
            r"(?P<acronym>(?-i:[A-Z]{3,}))\b",
            item,
            re.I,
        ):
            item = m.group("acronym")  # "sindacato inquilini SUNIA": the organisation is its acronym
        elif org := org_phrases.unit_of(item):
            return tidy(org)  # "il distretto sociosanitario dell'ASL Lecce": the organisation of the unit
        elif named := org_phrases.kind_named(item):
            item = named  # "agenzia formativa Sinergie", "the volunteer association X"
        else:
            return None
    if NETWORK.match(item) or _PRESS.search(item) or not _looks_like_name(item):
        return None
    if MUNICIPAL.search(item) and not OTHER_COMUNE.match(item):
        return None
    return item


def _looks_like_name(item: str) -> bool:
    """A name, not a clause: no leading number or infinitive, mostly capitalised unless an organisation word."""
    words = item.split()
    if item[0].isdigit() or re.fullmatch(r"[A-Z][a-zà-ù]{3,}(?:are|ere|ire)", words[0]):
        return False
    if re.search(rf"\b(?:{ORG_KEYWORDS})\b", item):
        return True
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) <= 3 or capitalised / len(words) >= 0.4
