"""Organisations named in a sentence without a cue phrase: a keyword that says what the organisation is
("Azienda sanitaria provinciale di X", "Caritas diocesana di X", "Istituto comprensivo X", "Agenzia per la casa
della X") and its name, or an acronym placed somewhere ("ATER di X", "IACP X", "CPIA 2 X")."""

from __future__ import annotations

import re

# Words that open an organisation's name (capitalised as written, or any case for the first three).
KEYWORDS = (
    r"(?:[Cc]ooperativa|[Aa]ssociazione|[Aa]ssociation|[Ff]ondazione|Consorzio|Caritas|Azienda|Agenzia|Universit[àa]|"
    # ... in English: "the social cooperative X", "Red Cross"
    r"(?<=[Ss]ocial\s)[Cc]o-?operative|Red\s+Cross|"
    r"Istituto|Arci|ARCI|"
    r"Parrocchia|Federazione|Comitato|Croce\s+Rossa|Diocesi|Centro\s+(?:[Ss]ervizi|di\s+[Ss]ervizi)|Casa\s+(?:di|della)|"
    # a valley's or mountain community, the body that runs a Trentino or Alpine area's social services ("Comunità
    # Valle X", "Comunità di montagna del Y")
    r"Comunit[àa](?=\s+(?:[Mm]ontana|di\s+[Mm]ontagna|di\s+[Vv]alle|[A-Z]))|"
    r"Ordine|Camera\s+di\s+[Cc]ommercio|Ufficio\s+[Ss]colastico|Societ[àa]|Unione|Confcooperative|Legacoop|"
    # a parish's youth centre, a union's advice office, a sports club, a town's association, a centre by its kind
    r"Oratorio|Patronato|Polisportiva|Pro\s+Loco|Centro\s+(?:di\s+formazione|per\s+le\s+[Ff]amiglie|diurno|"
    r"di\s+accoglienza|antiviolenza|interculturale))"
)
_START = re.compile(rf"(?<!\w){KEYWORDS}(?!\w)")
_CONNECTORS = {"di", "del", "della", "dello", "dei", "degli", "delle", "per", "la", "il", "le", "lo", "in", "of"}
_ELIDED = re.compile(r"^(?:dell|d|l|all|sull)['’](?P<rest>.+)$", re.I)
# A lowercase word that still belongs to a name: an adjective of kind ("sociale", "sanitaria", "diocesana")
# or a common noun of well-known names ("casa", "studi", "volontariato", "istruzione").
LOWER_PART = re.compile(r"^(?:[a-zà-ù]+(?:ale|ali|ana|ano|ane|iva|ivo|ive|aria|ario|arie|ica|ico|iche|ese|ense|"
                         r"ata|ato)|agricol[aoie]|casa|studi|servizi|volontariato|istruzione|superiore|comprensivo|onlus|"
                         r"solidariet[àa]|lavoro|salute|ricerca|formazione|tutela|montagna)$")  # fmt: skip
# ... and a plural noun of who the body gathers or what it is about, between its kind and its name: "Associazione
# viticoltori del Basso Monferrato", "Associazione commercianti di X", "Consorzio di tutela vini Y" (a word in -i, not
# a participle, an adverb or a time: "L'Associazione coinvolti", "La Caritas ieri ...")
MEMBERS = re.compile(r"^(?![a-zà-ù]+(?:ati|iti|uti)$)(?!(?:ieri|oggi|poi|anni|mesi|giorni|tutti|altri|questi|quelli|"
                     r"quali|cui|nei|dei|sui|dai|ai|gli|lì|qui|più|già|così)$)[a-zà-ù]{3,}i$")  # fmt: skip
_MAX_MEMBERS = 2
# A role's word, never a word of a name: a table's role cell run on after the name it follows
_ROLE_WORDS = {"Partner", "Partners", "Capofila", "Ruolo", "Role"}
_WORD = re.compile(r"[\w'’.&-]+")
# A day of a month after "il": a date, never a name's number ("la relazione trasmessa dalla cooperativa il 31 luglio";
# a name that holds a date has no article before it, "Associazione 25 Aprile")
_DAY_OF_MONTH = re.compile(r"(?:[12]?\d|3[01])\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|"
                           r"settembre|ottobre|novembre|dicembre)\b", re.I)  # fmt: skip
MAX_WORDS = 10
# An acronym and where it is: "ATER dell'Aquila", "IACP Campobasso", "CPIA 1 Karalis".
_ACRONYM = re.compile(
    r"(?<!\w)(?<![A-Z]\s)(?P<acro>[A-Z]{3,7})(?:\s+(?P<num>\d{1,2}))?\s+"
    r"(?P<place>(?:(?:di|del|della|dell['’]|d['’])\s*)?[A-Z][a-zà-ù'’]+(?:\s+[A-Z][a-zà-ù'’]+)?)"
)
# Acronyms that are programmes, funds, documents or the network, never an organisation of a city.
NOT_ORGANISATIONS = {
    "LGNET", "LGNETEA", "FAMI", "PON", "POR", "FESR", "FSE", "ISEE", "ISTAT", "SPRAR", "SIPROIMI", "CAS", "SAI",
    "PNRR", "PDF", "URL", "NUTS", "ISBN", "IBAN", "CUP", "CIG", "DPCM", "DGR", "TAR", "IVA", "COVID", "UNHCR",
    "OCSE", "OECD", "ONU", "NATO", "CITTÀ", "CITTA", "COMUNE", "REGIONE", "PROVINCIA", "ITALIA", "NOTE", "AMIF", "ESF",
}  # fmt: skip


# A parenthesis right after a date: the byline's agency ("REGGIO, 11 marzo 2025 (Agenzia X) –").
_DATELINE_AGENCY = re.compile(r"(?:\b20\d\d|\b\d{1,2}\s+[A-Za-z]{3,9}\.?)\s*\(\s*$")
# ... or the same tag closing the article, a date or a dash after it ("(Agenzia X) 04-MAR-26 12:40").
_AGENCY_TAG_BEFORE = re.compile(r"(?:^|\n)[ \t]*\(\s*$")
_AGENCY_TAG_AFTER = re.compile(r"\s*\)\s*(?:[-–—]|\d{1,2}[-/.\s](?:\d|[A-Za-z]{3}))")

# Before an acronym, what says it owns the buildings named, not that it worked with the city: "nei condomini IPES
# di X", "alloggi ATER", "the flats belong to ATER X", "di proprietà dell'ACER".
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:condomini|alloggi|case|appartamenti|immobili|palazzine|edifici|stabili|graduatori[ae])|"
    r"\bbelong(?:s|ing)?\s+to|\bowned\s+by|\bdi\s+propriet[àa]\s+(?:di|del|della|dell['’]))\s*(?:del(?:l['’])?\s*)?$",
    re.I,
)

# A capitalised name closed by its legal form: "Cidis Onlus", "Arte Migrante APS" (not a kind word before it)
_SUFFIXED = re.compile(r"(?<![\w'’])(?:[A-ZÀ-Ý][\w'’.-]+\s+){1,4}(?:Onlus|ONLUS|APS|ODV|ETS)\b")
_NOT_PLACES = {
    "Provincia", "Regione", "Comune", "Città", "Costo", "Totale", "Progetto", "Settore", "Servizio", "Il", "La", "Lo",
    "Le", "Gli", "Un", "Una", "The", "In", "Nel", "Nella", "Per", "Con", "Si", "Sono", "È",
}  # fmt: skip


# Before a name, a street's word: the street is named after the body, no body is named ("via Istituto Sordomuti 2",
# "piazza della Croce Rossa", "Caritas Street")
_STREET_BEFORE = re.compile(r"\b(?:via|viale|piazza|piazzale|corso|vicolo|largo|strada|contrada|lungomare|salita|"
                            r"street|road|square|avenue)\s+(?:(?:del|della|dello|dei|degli|delle|dell['’]|di)\s*)?$",
                            re.I)  # fmt: skip
# Before a word in capitals, a word in capitals (an elided article too): a heading in capitals, not an acronym ("A CHI
# SERVE L'AGENZIA L'Agenzia si rivolge")
_HEADING_BEFORE = re.compile(r"(?:\b[A-ZÀ-Ý]{2,}|(?<![\w'’])[A-ZÀ-Ý])['’\s]+$")


def named(sentence: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of organisations named by a keyword or an acronym with its place (not a street named after
    one, not a heading in capitals)."""
    return [n for n in _named(sentence) if not _STREET_BEFORE.search(sentence[max(0, n[1] - 40) : n[1]])]


def _named(sentence: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for m in _START.finditer(sentence):
        name = _extend(sentence, m.start(), m.end())
        before = sentence[: m.start()]
        tag = _AGENCY_TAG_BEFORE.search(before) and _AGENCY_TAG_AFTER.match(sentence, m.start() + len(name or ""))
        if name and (_DATELINE_AGENCY.search(before) or tag):
            continue  # "11 marzo 2025 (Agenzia X) –", "(Agenzia X) 04-MAR-26": who wrote the article
        if name:
            out.append((name, m.start(), m.start() + len(name)))
    for m in _ACRONYM.finditer(sentence):
        if m.group("acro") in NOT_ORGANISATIONS or any(s <= m.start() < e for _, s, e in out):
            continue
        if _HEADING_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue  # a word of a heading in capitals
        if _ROMAN.fullmatch(m.group("acro")):
            continue  # an ordinal, not an acronym: "III Commissione consiliare", "XII Municipio"
        if _OWNER_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()]):
            continue  # the owner of the flats named, not who worked with the city
        end = m.end()
        if sentence[end : end + 1] == ":":
            # a word right before a colon is the next field's label (a spreadsheet row): "... allo ZEN Voce:
            # Destinatari" has no place, "CSV Basilicata Campo: Note" is "CSV Basilicata"
            place = m.group("place").split()
            if len(place) < 2:
                continue
            end = m.start("place") + len(m.group("place").rsplit(None, 1)[0])
        elif re.match(r"\s*[A-Z]{2,}\b", sentence[end:]):
            continue  # a heading in capitals ("COMUNE DI X SETTORE ...")
        if m.group("place").split()[0] in _NOT_PLACES:
            continue  # "X Provincia di ..."
        if end == m.end() and m.group("place").split()[-1] in _NOT_PLACES:  # "ATS Milano Città Metropolitana"
            end = m.start("place") + len(m.group("place").rsplit(None, 1)[0])  # the place is Milano
        out.append((sentence[m.start() : end], m.start(), end))
    for m in _SUFFIXED.finditer(sentence):
        if any(s <= m.start() < e or m.start() <= s < m.end() for _, s, e in out):
            continue
        # the legal form closes the name a keyword opened, across the small words the keyword's name stopped at:
        # "Associazione Donne nel Mondo APS" is one name, not "Associazione Donne" and "Mondo APS"
        opened = next((i for i, (_, s, e) in enumerate(out) if _INSIDE_NAME.fullmatch(sentence, e, m.start())), None)
        if opened is not None:
            _, s, _ = out.pop(opened)
            out.append((sentence[s : m.end()], s, m.end()))
        else:
            out.append((m.group(0), m.start(), m.end()))  # "Cidis Onlus": a name its legal form closes
    return _expansions_joined(sentence, _branches_joined(sentence, out))


# An ordinal in Roman numerals ("III Commissione", "XII Municipio"): no acronym
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Small words inside a name that the keyword's reading stops at, between it and the legal form closing the name
_INSIDE_NAME = re.compile(r"\s+(?:(?:nel|nella|nello|nei|negli|nelle|con|tra|fra|sul|sulla|sui|in|per|a|al|alla|ai|"
                          r"e)\s+){1,2}")  # fmt: skip

# A dash then a local branch: one organisation ("Croce Rossa Italiana – Comitato di Maglie")
_BRANCH = re.compile(r"\s*[–—-]\s*(?:Comitato|Sezione|Sede|Delegazione|Distretto)\b")


def _branches_joined(sentence: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    found = sorted(found, key=lambda f: f[1])
    out: list[tuple[str, int, int]] = []
    for name, start, end in found:
        if out and (branch := _BRANCH.match(sentence, out[-1][2])) and branch.end() - len(name.split()[0]) <= start:
            _, first, _ = out.pop()
            out.append((sentence[first:end], first, end))
        else:
            out.append((name, start, end))
    return out


# A dash between an acronym and the name it abbreviates: "ASP Crotone – Azienda Sanitaria Provinciale",
# "Azienda Sanitaria Provinciale – ASP Crotone"
_DASH = re.compile(r"\s*[–—-]\s*")


def _expansions_joined(sentence: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Two names a dash joins are one organisation when one is the other's acronym (`spells`)."""
    out: list[tuple[str, int, int]] = []
    for name, start, end in found:
        if (
            out
            and _DASH.fullmatch(sentence, out[-1][2], start)
            and (spells(out[-1][0], name) or spells(name, out[-1][0]))
        ):
            _, first, _ = out.pop()
            out.append((sentence[first:end], first, end))
        else:
            out.append((name, start, end))
    return out


_SMALL_WORDS = {*_CONNECTORS, "e", "ed", "a", "al", "alla", "of", "the", "and", "for"}


def spells(short: str, long: str) -> bool:
    """Whether `short` opens with an acronym (three letters or more) of `long`'s words ("ASP Crotone", "Azienda
    Sanitaria Provinciale"; small words skipped, "Agenzia per la Casa": APC)."""
    acronym = re.match(r"[A-Z]{3,7}\b", short)
    words = [w for w in re.findall(r"[\w'’]+", long) if w.lower() not in _SMALL_WORDS]
    initials = "".join(_ELIDED.sub(r"\g<rest>", w)[:1].upper() for w in words)
    return acronym is not None and len(words) >= 3 and initials.startswith(acronym.group(0))


def _extend(sentence: str, start: int, key_end: int) -> str | None:
    """The keyword and the words of the name after it, up to a punctuation mark or a word that cannot be part
    of a name; the name must end on a capitalised word (or a number, "CPIA 2")."""
    words: list[tuple[str, int]] = []  # (word, end offset)
    pos = key_end
    proper = False
    members = 0  # plural nouns read before the name (`MEMBERS`)
    for w in _WORD.finditer(sentence, pos):
        gap = sentence[pos : w.start()]
        if gap.strip() or len(words) >= MAX_WORDS:
            break  # punctuation ends the name
        token = w.group(0).rstrip(".")
        if token.isdigit() and (w.group(0).endswith(".") or sentence[w.end() : w.end() + 1] == ")"):
            break  # the next item's number in a list run on one line ("2. Associazione B 3. C"), not the name's
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?", token):
            break  # a sum after the name ("la Fondazione X 80.000 e ..."), not the name's number
        if words and words[-1][0].lower() == "il" and _DAY_OF_MONTH.match(sentence, w.start()):
            break  # a date after the name ("trasmessa dalla cooperativa il 20 marzo"), not the name's number
        if sentence[w.end() : w.end() + 1] == ":" and words:
            break  # the next field's label of a spreadsheet's row run on ("Cooperativa X Voce: Altri partner")
        if token in _ROLE_WORDS and words:
            break  # the next row's role cell of a table run on ("Partner | Cooperativa X Partner | Associazione Y")
        if _proper(token):
            proper = True
        elif not proper and members < _MAX_MEMBERS and MEMBERS.match(token) and not LOWER_PART.match(token):
            members += 1  # "Associazione viticoltori del ...": the name goes on if a capitalised word follows
        elif not (token.lower() in _CONNECTORS or _ELIDED.match(token) or (LOWER_PART.match(token) and not proper)):
            break
        words.append((token, w.start() + len(token)))
        pos = w.end()
    while words and not _proper(words[-1][0]):
        words.pop()
    if not words:
        # a keyword that is a whole name ("Croce Rossa", "Pro Loco", "Centro per le Famiglie"): its own capitals
        keyword = sentence[start:key_end]
        return keyword if re.search(r"\s[A-ZÀ-Ý]", keyword) else None
    name = sentence[start : words[-1][1]]
    return name[0].upper() + name[1:]


def _proper(token: str) -> bool:
    """A capitalised word or a number, also after an elided article ("dell'Aquila")."""
    elided = _ELIDED.match(token)
    core = elided.group("rest") if elided else token
    return core[:1].isupper() or core[:1].isdigit()
