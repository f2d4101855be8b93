"""The organisations a document lists as its partnership or as those present: a project sheet's "Partenariato:"
section (bullets, "Capofila: ...", one name a paragraph, a numbered list run on one line) and partnership tables, with
the role stated (`partnership`), and the attendance list of minutes (`attendees`). Names are tidied and the city's own
offices and the network left out as in `knowledge.partners`."""

from __future__ import annotations

import re

from knowledge import organisations
from knowledge.funders import funder_by_nature
from knowledge.partner_names import MUNICIPAL, NUMBERED, ORG_KEYWORDS, OTHER_COMUNE, split_items, tidy
from knowledge.partner_tables import NOT_A_PARTNER_ROLE, partner_tables
from knowledge.partners import PartnerFact
from knowledge.sentences import clean
from lgnet.text import fold

# --- the partnership of a project sheet ---------------------------------------------------------------------
_SECTION = re.compile(r"(?:(?:^|\n)\s*(?:#{1,6}\s*)?|(?<=[.!?] ))(?:Partenariato(?:\s+(?:locale|territoriale|"
                      r"di\s+progetto|del\s+progetto))?|Partnership|"
                      r"Partner(?:s)?\s+(?:di|del)\s+progetto|Soggetti\s+partner|(?:Enti|Soggetti|Organizzazioni)\s+coinvolt[ie]|"
                      r"Partners?(?=[ \t]*:?[ \t]*(?:\n|[•\-][ \t]))|"
                      # a heading in capitals a passage's display glued to its first line: "PARTNER Cooperativa X"
                      r"(?-i:PARTNERS?|PARTENARIATO)(?=[ \t]+(?-i:[A-Z])))[ \t]*:?[ \t]*", re.I)  # fmt: skip
# ... or a line that ends with a cue saying who works with the city, the names one a line or a paragraph after it:
# "La pratica è gestita dal Comune di X in rete con:", "Le attività sono realizzate in collaborazione con:"
_CUE_LINE = re.compile(r"(?:^|\n)[^\n]{0,200}?\b(?:in\s+(?:rete|collaborazione|partenariato|convenzione)\s+con|"
                       r"insieme\s+(?:a|con)|in\s+(?:partnership|collaboration|cooperation)\s+with|together\s+with|"
                       r"(?:work|works|worked)\s+with)[ \t]*:[ \t]*(?=\n)", re.I)  # fmt: skip
# What follows a listed name and says what it does there: "Coldiretti X, per il collegamento con le aziende", "Consorzio
# Y (servizi socio-assistenziali del territorio)"
_PURPOSE = re.compile(r"\s*\(|,\s+(?=[a-zà-ù])")
_INLINE_BULLET = re.compile(r"[ \t]+[•·\-*][ \t]+")
_ROLE_LINE = re.compile(r"^(?P<role>Capofila|Soggetto\s+proponente|Lead\s+partner|Partner|Co-?beneficiari?o?)\s*:\s*"
                        r"(?P<name>.*)$", re.I)  # fmt: skip
_BULLET = re.compile(r"^(?:[•·\-–*]|\d{1,2}[.)])\s*")
_FIELD = re.compile(r"\s*[A-ZÀ-Ý][\w'’]*(?:\s+[\w'’]+){0,2}:\s")  # a field's label: "Tipo: ", "Ruolo nel progetto: "
_OTHER_CITIES = re.compile(r"^(?:Comuni|Città|Municipalities)\b", re.I)


def partnership(text: str) -> list[PartnerFact]:
    """The organisations a "Partenariato:" section lists, one a line (bullets, "Capofila: ..."), several bullets
    run together on one line, or one name a paragraph, with their role; the list of member municipalities
    ("Comuni di: 1. Agrigento ...") is the network, not a partner."""
    out: list[PartnerFact] = []
    for m in [*_SECTION.finditer(text), *_CUE_LINE.finditer(text)]:
        pos = m.end()
        lines = [(pos + x.start(), x.group(0)) for x in re.finditer(r"[^\n]+", text[pos:])]
        current: list = []  # [start, end, name, role]
        items: list[list] = []
        previous_end = pos
        for start, raw in lines:
            line = clean(raw)
            paragraph = "\n\n" in text[previous_end:start].replace(" ", "")
            previous_end = start + len(raw)
            if not line:
                continue
            if " | " in line:
                break  # a partnership table's rows, a line each (partner_tables reads them)
            role = _ROLE_LINE.match(line)
            bullet = _BULLET.match(line)
            end = start + len(raw.rstrip())
            if role:
                current = [start, end, role.group("name"), role.group("role").lower()]
                items.append(current)
            elif not items and len(NUMBERED.split(line)) > 2:
                # a numbered list run on one line: "1. Cooperativa A (capofila) 2. Associazione B 3. C"
                for piece in NUMBERED.split(line)[1:]:
                    current = [start, end, _item_name(re.sub(r"\s*\([^()]*\)", "", piece)), "partner di progetto"]
                    items.append(current)
                break
            elif bullet and not re.match(r"^\d", line):
                # One bullet a line, or several run together on one line ("- A - B", "• A • B").
                for piece in _INLINE_BULLET.split(line[bullet.end() :]):
                    current = [start, end, _item_name(piece), "partner di progetto"]
                    items.append(current)
            elif (
                paragraph
                and all(i[3] == "paragraph" for i in items)
                and not line.endswith(".")
                and _paragraph_name(_PURPOSE.split(line)[0])
            ):  # fmt: skip (a sentence is no name and its purpose)
                current = [start, end, _PURPOSE.split(line)[0], "paragraph"]  # "Partner\n\nAzienda X\n\nCooperativa Y"
                items.append(current)
            elif (
                current
                and current[3] != "paragraph"
                and not line.endswith(":")
                and len(line.split()) <= 12
                and not items[1:]
            ):
                current[1] = end  # a wrapped line of the first entry
                current[2] = f"{current[2]} {line}"
            elif not items and ("," in line or ";" in line):
                # the names on one line, run on with commas ("PARTNER\nCooperativa X, Associazione Y, Compagnia Z.")
                # or semicolons ("Cooperativa X; Caritas Y; ASL Z – Distretto 9; Centro Servizi W.")
                parts = line.rstrip(" .").split(";") if ";" in line else split_items(line)
                if sum(1 for part in parts if _FIELD.match(part)) >= 2:
                    break  # a row of "key: value" fields ("Soggetto: A; Tipo: ...; Ruolo: ..."), read as a table
                names = [tidy(item) for item in parts]
                if all(names):
                    items += [[start, end, name, "partner di progetto"] for name in names]
                break
            else:
                break
        for start, end, name, kind in items:
            name = name.strip(" .;:")
            if not name or _OTHER_CITIES.match(name) or len(name.split()) > 25:
                continue
            # "Direzione Centrale ..., Ministero dell'Interno": the organisation is the last part.
            organisation = name.rsplit(", ", 1)[-1] if kind == "capofila" and ", " in name else name
            kind = "partner di progetto" if kind == "paragraph" else kind
            out.append(PartnerFact(organisation, clean(text[start:end]), start, end, kind, "formal"))
    # ... and a partnership table ("Partner | Ruolo", a row per organisation) or row ("Partners | A; B; C")
    for raw, start, end, cell in partner_tables(text):
        name = tidy(raw)
        if NOT_A_PARTNER_ROLE.search(cell):
            continue  # a row whose role says it is no partner: a supporter, a funder, an observer, an evaluator
        if name and not (MUNICIPAL.search(name) and re.search(r"capofila|lead|titolare|proponente", cell, re.I)):
            out.append(PartnerFact(name, clean(text[start:end]), start, end, cell, "formal"))
    return out


def _paragraph_name(line: str) -> bool:
    """A short line of its own that is an organisation's name, not a sentence or the next heading (a heading is
    written in sentence case, "Durata e risorse"; a name in title case or opened by its kind, "Cooperativa ...")."""
    words = line.split()
    heading = len(words) >= 2 and all(w[:1].islower() for w in words[1:]) and not organisations.named(line)
    return not line.endswith((".", ":")) and len(words) <= 12 and not heading and tidy(line) is not None


def _item_name(piece: str) -> str:
    """An item of a list run together on one line; the last one may run on into the next heading ("Caritas
    X Periodo e risorse Periodo di realizzazione: ..."): then the organisation's name it opens."""
    piece = re.split(r"[:;](?:\s|$)|\.\s", piece)[0].strip()
    if len(piece.split()) <= 8:
        return piece
    found = organisations.named(piece)
    return found[0][0] if found and found[0][1] == 0 else ""


# --- who sat at the table: the attendance list of minutes ------------------------------------------------------
_PRESENT = re.compile(r"(?:^|\n)[ \t]*(?:#{1,6}[ \t]*)?\**(?:Presenti|Partecipanti|Present|Attendees|Participants)\**"
                      r"[ \t]*:?[ \t]*\**[ \t]*(?=\n|[-•|])", re.I)  # fmt: skip
_ROW = re.compile(r"\|[ \t]*\n?[ \t]*\|")  # the end of a table row and the start of the next, on one line or two
_ITEM = re.compile(r"(?:^|\s)[-•*][ \t]+")  # a bullet, one a line or run together on one line


# An attendee marked as an observer or a guest: "Associazione X (uditore)", "Y, osservatrice", "Z (observer)".
_OBSERVER = re.compile(r"\b(?:uditor[ei]|uditric[ei]|osservator[ei]|osservatric[ei]|observers?|invitat[oaie]\s+"
                       r"(?:come\s+)?uditor\w*|in\s+qualit[àa]\s+di\s+(?:uditor|osservator)\w*)\b", re.I)  # fmt: skip


# An attendee's role before the organisation it is held for: "coordinatore del progetto per la cooperativa X",
# "assistente sociale dell'Unité des Communes Y"
_ROLE_OF = re.compile(r"^(?:[a-zà-ù'’]+\s+){1,6}?(?:del|della|dello|dell['’]|dei|degli|delle|"
                      r"per\s+(?:il|la|l['’]|i|le))\s*(?=(?:cooperativa|associazione|fondazione)\s|[A-ZÀ-Ý])",
                      )  # fmt: skip


# The columns of an attendance table: whom a row's person is there for ("Nome | Ente | Ruolo", "Name | Organisation"),
# and the person's own ("Nominativo", "Partecipante"): a row's organisation is the first's cell, never the person's
_BODY_COLUMN = re.compile(r"^(?:ente|enti|organizzazione|organismo|soggetto|struttura|servizio|istituzione|"
                          r"amministrazione|(?:ente\s+di\s+)?appartenenza|organi[sz]ation|body|affiliation|agency|"
                          r"institution)\b", re.I)  # fmt: skip
_PERSON_COLUMN = re.compile(r"^(?:nome|nominativo|cognome|partecipante|componente|name|participant|attendee|"
                            r"full\s+name)\b", re.I)  # fmt: skip
# A person's name in a cell: two to four capitalised words, no organisation's keyword or acronym ("Anna Maria Rossi")
_PERSON = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ'’]+\s+){1,3}(?:(?:De|Di|Da|Del|Della|El|Al|Lo|La)\s+)?[A-ZÀ-Ý][a-zà-ÿ'’]+")
# A row's guest, invited for one item of the agenda, or observer: no one who works with the city
_GUEST = re.compile(r"\b(?:invitat[oaie]|ospit[ei]|guests?|invited)\b", re.I)


def _table_attendees(rows: list[list[str]]) -> list[str]:
    """The organisations of an attendance table's rows (its first row the header): the cell of the column headed by a
    body ("Ente", "Organizzazione"), else the first cell that is no person's name; no row of a guest or observer."""
    if len(rows) < 2:
        return []
    header = [c.strip() for c in rows[0]]
    body = next((i for i, c in enumerate(header) if _BODY_COLUMN.match(c)), None)
    person = {i for i, c in enumerate(header) if _PERSON_COLUMN.match(c)}
    out = []
    for row in rows[1:]:
        cells = [c.strip() for c in row]
        if any(_GUEST.search(c) or _OBSERVER.search(c) for c in cells[1:]):
            continue  # invited for one point, or sat in to listen
        if body is not None and body < len(cells):
            out.append(cells[body])
            continue
        named = [c for i, c in enumerate(cells) if c and i not in person and not _PERSON.fullmatch(c)]
        if named:
            out.append(named[0])
    return out


# An attendee's body: a kind or an acronym, "Comune di", or an English name its kind closes ("Il Faggio social
# cooperative", "Amici Lontani association")
_BODY_LIKE = re.compile(
    rf"\b(?:{ORG_KEYWORDS})\b|\b[A-Z]{{2,}}\b|Comune\s+di\s|^(?:[Cc]ooperativa|[Aa]ssociazione|"
    r"[Ff]ondazione)\s|\s(?:co-?operative|association|foundation|charity|consortium)$"
)


def _attendance(text: str) -> list[tuple[re.Match, str]]:
    """Each attendance list's heading ("Presenti:") and the list under it (a table, or items)."""
    out = []
    for m in _PRESENT.finditer(text):
        end = text.find("\n\n", m.end() + 1)
        # a list whose items a blank line separates ("- A, ...\n\n- B, ..."): to the first paragraph no item opens
        while end >= 0 and _ITEM.match(text[end:].lstrip("\n")) and text[m.end() : end].strip()[:1] in "-•*":
            nxt = text.find("\n\n", end + 2)
            end = nxt if nxt >= 0 else len(text)
        out.append((m, text[m.end() : end if end >= 0 else len(text)].strip()))
    return out


def guests(text: str) -> list[str]:
    """The bodies an attendance table lists only for a guest or an observer ("| A. Rossi | ACER X | invitata per il
    punto 2 |"): invited to one item, or sitting in, they are no partners anywhere in the document
    (`knowledge.partner_denials`)."""
    out = []
    for _, segment in _attendance(text):
        if not segment.startswith("|"):
            continue
        rows = [[c.strip() for c in r.strip(" |\n").split("|")] for r in _ROW.split(segment)]
        rows = [r for r in rows if any(r) and not set("".join(r)) <= set("-: ")]
        if len(rows) < 2:
            continue
        body = next((i for i, c in enumerate(rows[0]) if _BODY_COLUMN.match(c)), None)
        for cells in rows[1:]:
            if body is not None and body < len(cells) and any(_GUEST.search(c) or _OBSERVER.search(c)
                                                              for c in cells[1:]):  # fmt: skip
                out.append(cells[body].split(",")[0])  # "ACER X, filiale di Y": the body
    return out


def attendees(text: str, city: str | None = None) -> list[PartnerFact]:
    """The organisations of an attendance list ("Presenti:"): a bullet "Name, role, Organisation" gives its last
    part when that is an organisation's name; a table row gives its first cell. The city's own offices and
    the network are left out, like everywhere else."""
    out: list[PartnerFact] = []
    own = fold(city) if city else None
    for m, segment in _attendance(text):
        if segment.startswith("|"):
            rows = [r.strip(" |\n") for r in _ROW.split(segment)]
            candidates = _table_attendees([r.split("|") for r in rows if r and not set(r) <= set("-:| ")])
        elif _ITEM.match(segment):
            candidates = []
            for item in _ITEM.split(segment):
                if _OBSERVER.search(item):
                    continue  # who sat in to listen is not who works with the city
                # a person, then the body in brackets: "Anna Neri (Il Faggio social cooperative)", "Bruno Sala
                # (presidente, associazione Amici Lontani APS)": the body; else the brackets say the role
                bracket = re.search(r"\(([^()]*)\)\s*$", item.strip())
                body = bracket.group(1).rsplit(", ", 1)[-1] if bracket else ""
                person = item.strip()[: bracket.start()].strip(" ,–-") if bracket else ""
                if bracket and _PERSON.fullmatch(person) and _BODY_LIKE.search(body):
                    item = body
                item = re.sub(r"\s*\([^)]*\)\s*$", "", item.strip())
                last = _ROLE_OF.sub("", item.rsplit(", ", 1)[-1])  # "assistente sociale dell'Unité des Communes X"
                if re.match(r"(?:cooperativa|associazione|fondazione)\s", last):
                    last = last[0].upper() + last[1:]
                if _BODY_LIKE.search(last):
                    candidates.append(last)  # else a person, or a person's role
        else:
            continue
        for candidate in candidates:
            name = tidy(re.sub(r"^(?:rappresentant\w+|delegat\w+)\s+(?:del|della|dell['’]|dei|di)\s*", "", candidate))
            other = OTHER_COMUNE.match(name or "")
            if not name or (other and (own is None or fold(other.group("place")).strip() == own)):
                continue
            if funder_by_nature(name):
                continue  # a banking foundation at the table funds, it does not work with the city
            at = text.find(candidate, m.end())
            out.append(PartnerFact(name, clean(candidate), at, at + len(candidate), how="attended"))
    return out
