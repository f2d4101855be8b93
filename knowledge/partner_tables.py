"""A project's partners written as a table: a table of the partnership ("Partner | Ruolo", a row per organisation,
its name in the first cell) and a row of a key-value table whose label is the partnership ("Partners in Italy |
A; B; C", "Partenariato: A, B, C").

A word processor's table reaches a passage flattened into one line, each row's last cell run into the next row's
first ("Partner | Ruolo ACER Modena | alloggi pubblici Cooperativa sociale Il Portico | sportello casa"): a middle
cell is then a role and the next organisation's name, which ends the cell (`_trailing_name`).
"""

from __future__ import annotations

import re

from knowledge import organisations

# The header of a partnership table: the organisation's column, then its role's
_HEADER = re.compile(
    r"(?<![\w|])(?:Partners?(?:\s+(?:di|del)\s+progetto)?|Enti?\s+partner|Soggett[oi](?:\s+partner)?|Organizzazion[ei]|"
    r"Organi[sz]ations?|Ente)\s*\|\s*(?P<role>Ruolo|Ruoli|Funzione|Attivit[àa](?:\s+svolte)?|Compiti|Role|Tasks?|"
    r"Responsabilit[àa])\b[ \t]*(?P<rest>[^\n]*)"
)
# ... or a table a row a line whose header has the organisation's column and its role's anywhere, other columns between
# or after them, or the role's first: "Soggetto | Natura giuridica | Ruolo nel progetto", "Ente | Tipologia | Ruolo |
# Contributo", "Ruolo | Ente" (each row's cells under those headers)
_NAME_COLUMN = re.compile(r"(?:Partners?(?:\s+(?:di|del)\s+progetto)?|Ent[ei](?:\s+partner)?|"
                          r"Soggett[oi](?:\s+partner)?|Organizzazion[ei]|Organi[sz]ations?|Partner\s+organi[sz]ations?|Denominazione)",
                          re.I)  # fmt: skip
# (what each body does or commits to, however the column words it: "Che cosa fa nel progetto", "Forma dell'impegno",
# "What it does")
_DOES = (
    r"(?:che\s+)?cosa\s+fa(?:nno)?(?:\s+nel\s+progetto)?|(?:forma|tipo)\s+(?:di\s+|dell['’]\s*)?impegno|impegno|"
    r"what\s+(?:it|they)\s+do(?:es)?(?:\s+in\s+the\s+project)?"
)
_ROLE_COLUMN = re.compile(rf"(?:Ruol[oi]|Funzione|Attivit[àa]|Compiti|Role|Tasks?|Responsabilit[àa]|{_DOES})\b", re.I)
# ... or who runs the service for the city: "Ente gestore", "Managing body" (not the "Ente attuatore", the city itself)
_MANAGER = r"(?:ente|soggetto)[ \t]+gestore|managing[ \t]+(?:body|organi[sz]ation)"
# A key-value row whose label is the partnership: "| Partners in Italy | A; B; C |", "Partenariato | A, B e C"
_ROW = re.compile(
    r"(?:^|\|)[ \t]*(?:Partners?(?:\s+(?:in\s+[A-Z]\w+|di\s+progetto|del\s+progetto))?|Partenariato|Enti\s+partner|"
    rf"Soggetti\s+partner|(?i:{_MANAGER}))[ \t]*(?:\||:)[ \t]*(?P<value>[^|\n]{{3,400}})",
    re.M,
)
# ... and a spreadsheet's key-value row read as "key: value" pairs, whose first value is the label: "Voce: Altri
# partner; Dato: A (presidio sanitario), B, C Voce: Destinatari; ..." (the passage runs its rows on: the next key ends
# it)
_PAIR_ROW = re.compile(
    r"\b\w+:[ \t]*(?i:(?:altri[ \t]+)?(?:partners?(?:[ \t]+(?:di|del)[ \t]+progetto)?|partenariato|enti[ \t]+partner|"
    rf"soggetti[ \t]+partner|{_MANAGER}))[ \t]*;[ \t]*\w+:[ \t]*(?P<value>[^|\n;]{{3,400}}?)(?=\s+[A-Z]\w*:\s|;|\n|$)"
)
# ... and a PDF's key-value header that lost its cells' rules: "Partner A, B, C Destinatari adulti ...": a label, then
# a list of capitalised names up to the next field's label (read only when every item is a short capitalised name)
_BARE_ROW = re.compile(
    r"(?:^|(?<=[\s)]))(?:Partners?|PARTNERS?|Partenariato)[ \t]+(?P<value>[A-ZÀ-Ý][^|\n:]{3,300}?)"
    r"(?=\s+(?:Destinatari|Beneficiari|Referente|Contatti|Periodo|Durata|Budget|Costo|Finanziamento|Risultati|"
    r"Obiettivi|Azioni|Target|Sede|Luogo|Area|Tempi)\b)"
)
# ... and a spreadsheet's partnership sheet read as "key: value" pairs, one organisation a row: "Soggetto: A; Tipo:
# cooperativa sociale; Ruolo: gestione dello sportello; Accordo: convenzione Soggetto: B; ..." (its name and its role)
# (never a value's first word after its own key: "Ruolo: Partner: gestione dei posti" is a role, not a row)
_RECORD_NAME = re.compile(r"(?:^|(?<=[\s;|]))(?<!:[ \t])(?P<key>Soggetto|Ente|Partner|Organizzazione|Organi[sz]ation|"
                          r"Denominazione):[ \t]*(?P<name>[^;|\n]{3,200}?)[ \t]*;")  # fmt: skip
_RECORD_ROLE = re.compile(r"(?:^|(?<=[\s;|]))(?i:Ruolo(?:\s+nel\s+progetto)?|Role|Funzione|Compiti|"
                          + _DOES + r"):[ \t]*"
                          r"(?P<role>[^;|\n]{2,300}?)[ \t]*(?=;|\s+[A-ZÀ-Ý]\w*:\s|\n|$)")  # fmt: skip
_RECORD_RELATION = re.compile(r"(?:^|(?<=[\s;|]))(?:Tipo\s+di\s+rapporto|Rapporto|Relazione|Relationship|"
                              r"Tipo\s+di\s+relazione):[ \t]*(?P<relation>[^;|\n]{2,200}?)[ \t]*"
                              r"(?=;|\s+[A-ZÀ-Ý]\w*:\s|\n|$)")  # fmt: skip
# A column saying whether the row's body signed the partnership's agreement ("Sottoscrittore dell'accordo: no",
# "Firmatario | no", "Signatory: no"): who did not sign it is no partner, whatever its role
# ... or asking, any way it is worded, whether the body is a member of it ("Aderisce all'accordo: no", "Fa parte del
# partenariato | no", "Member of the partnership: no")
_AGREEMENT = r"(?:accordo|convenzione|protocollo|partenariato|rete|agreement|partnership|network)"
_SIGNATORY = (
    r"(?:(?:sottoscrittor[ei]|firmatari[oa]|signator(?:y|ies)|signed|(?:ha|hanno|has|have)\s+(?:firmato|sottoscritto|"
    rf"signed))(?:\s+(?:del|della|dell['’]|dei|of\s+the|the|l['’]|la|il)\s*{_AGREEMENT})?|"
    r"(?:aderisc[eo](?:no)?|aderent[ei]|(?:fa|fanno)\s+parte|partecipa(?:no)?|membr[oi]|members?|joins?|part)\s+"
    rf"(?:al|alla|all['’]|del|della|dell['’]|nel|nella|nell['’]|of\s+the|to\s+the|in\s+the|the)\s*{_AGREEMENT})"
)
_RECORD_SIGNED = re.compile(rf"(?:^|(?<=[\s;|]))(?i:{_SIGNATORY}|firma(?:to)?):[ \t]*(?P<signed>[^;|\n]{{1,40}}?)[ \t]*"
                            r"(?=;|\s+[A-ZÀ-Ý]\w*:\s|\n|$)")  # fmt: skip
_NOT_SIGNED = re.compile(r"^\W*(?:no|non|not|none|nessun[oa]?)\b", re.I)
_SIGNATORY_CELL = re.compile(_SIGNATORY + r"\??", re.I)
# A cell of a row, whichever column, that says its body is no partner ("lettera di interesse, non partner", "senza
# convenzione", "non firmatario"): believed over the role the row gives it
_DENYING_CELL = re.compile(r"\bnon[\s-]+(?:è\s+)?partner\b|\bnot\s+a\s+partner\b|"
                           r"\bsenza\s+(?:essere\s+)?(?:partenariato|partner)\b|"
                           r"\bnon[\s-]+(?:sottoscrittor\w*|firmatari\w*|signator\w*|aderent\w*)|"
                           r"\bdid\s+not\s+sign\b|\bsenza\s+(?:(?:un|una|alcun|alcuna)\s+)?(?:accordo|convenzione|"
                           r"protocollo)\b|\blettera\s+di\s+(?:sostegno|supporto)\b|\bletters?\s+of\s+support\b",
                           re.I)  # fmt: skip
# A role that is no partner's: a supporter (a letter of support), a funder, an observer, an evaluator, or none
NOT_A_PARTNER_ROLE = re.compile(r"^\W*(?:(?:ente|soggetto|organismo|istituto|body|organi[sz]ation)\s+)?"
                                r"(?:sostenitor\w*|supporter|(?:co-?)?finanziator\w*|(?:co-?)?funder|funding|"
                                r"uditor\w*|osservator\w*|observer|valutator\w*|evaluator)\b|\bnessun\s+ruolo\b|\bno\s+role\b|"
                               # ... or a relationship that says so: "collaborazione senza partenariato", "non partner"
                               r"\bsenza\s+(?:essere\s+)?(?:partenariato|partner)\b|\bnon\s+(?:è\s+)?partner\b|"
                               # ... or who only supports it on paper: "Aderente senza oneri (lettera di sostegno)"
                               r"\baderent\w*\s+senza\s+oneri\b|\blettera\s+di\s+(?:sostegno|supporto)\b|"
                               r"\bletters?\s+of\s+support\b|"
                               # ... or who did not sign the agreement: "Tavolo di coordinamento (non sottoscrittore)",
                               # "non firmatario", "non-signatory", "did not sign"
                               r"\bnon[\s-]+(?:sottoscrittor\w*|firmatari\w*|signator\w*)|\bdid\s+not\s+sign\b|"
                               r"\bwithout\s+(?:being\s+)?(?:a\s+)?partner|\bnot\s+a\s+partner\b|"
                               # ... or that there is no agreement: "Rete informale (senza accordo)", "senza
                               # convenzione", "informal network", "without an agreement"
                               r"\bsenza\s+(?:(?:un|una|alcun|alcuna)\s+)?(?:accordo|convenzione|protocollo|"
                               r"rapporto\s+formale)\b|\b(?:rete|rapporto|collaborazione)\s+informale\b|"
                               r"\binformal\s+(?:network|relationship|contact)|\bwithout\s+(?:an?\s+|any\s+)?"
                               r"(?:formal\s+)?(?:agreement|contract)\b",
                                re.I)  # fmt: skip
_WORDS_OF_NAME = re.compile(r"[A-ZÀ-Ý0-9][\w'’.&-]*|di|del|della|dello|dei|degli|delle|per|e|la|il|le|lo|in|of|the|and")


# A person's column right before the organisation's: an attendance table ("Nome | Ente | Ruolo"), whose rows are
# people (`knowledge.partner_lists.attendees` reads it)
_PERSON_BEFORE = re.compile(r"(?i:nome|nominativo|cognome(?:\s+e\s+nome)?|partecipante|componente|name|participant|"
                            r"attendee)[ \t]*\|[ \t]*$")  # fmt: skip


def partner_tables(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, role) of the organisations a partnership table or row lists."""
    out: list[tuple[str, int, int, str]] = []
    found = [m for m in _HEADER.finditer(text) if not _PERSON_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1,
                                                                             m.start())]  # fmt: skip
    headers = [m.span() for m in found]
    for m in found:
        rest, at = m.group("rest"), m.start("rest")
        if rest.strip() and not re.match(r"\n(?:[ \t]*\n)*[^\n]*\|", text[m.end() :]):
            out += _flattened(rest, at, m.group("role"))  # the rows run on after the header (no row a line)
        else:  # a row a line (the header's further columns, "| Impegno", end its line): each row's first cell
            pos = m.end()
            further = [c.strip() for c in rest.strip(" |\t").split("|")] if rest.strip(" |\t") else []
            signed = next((2 + i for i, c in enumerate(further) if _SIGNATORY_CELL.fullmatch(c)), None)
            for line in re.finditer(r"[^\n]+", text[pos:]):  # (an ODT's table has a blank line between rows)
                cells = line.group(0).strip(" |").split("|")
                if len(cells) < 2 or _HEADER.match(line.group(0).strip(" |")):
                    break  # the table ends at a line with no cells, or at the next table's header
                name = cells[0].strip()
                if set(name) <= set("-: "):
                    continue  # a markdown table's rule under its header
                start = pos + line.start() + line.group(0).find(name)
                said = cells[1].strip()
                if signed is not None and signed < len(cells) and _NOT_SIGNED.match(cells[signed].strip()):
                    said = f"{said}; non sottoscrittore"  # "| Ente | Ruolo | Firmatario |" over "| X | ... | no |"
                out.append((name, start, start + len(name), _denied_by_cells(said, cells[2:])))
    read = {(a, b) for _, a, b, _ in out}
    out += [row for row in _wide_rows(text) if (row[1], row[2]) not in read]
    out += _records(text)
    bare = [m for m in _BARE_ROW.finditer(text) if _list_of_names(m.group("value"))]
    for m in [*_ROW.finditer(text), *bare, *_PAIR_ROW.finditer(text)]:
        value, at = m.group("value"), m.start("value")
        if any(a <= at < b for a, b in headers):
            continue  # the header of a partnership table, read above
        if m.re is _ROW and _table_header(text, m.start()):
            continue  # "Partner | Natura | Attività" over rows of as many cells: a table's header, no key-value row
        parts = _items(value)
        pos = at
        for part in parts:
            name = re.sub(r"\s*\([^()]*\)\s*$", "", part.strip(" ."))  # "ASP X (presidio sanitario)": its task
            start = text.find(name, pos) if name else -1
            if len(name) >= 3 and start >= 0:
                out.append((name, start, start + len(name), "partner di progetto"))
                pos = start + len(name)
    return out


_PERSON_COLUMN = re.compile(r"(?:nome|nominativo|cognome(?:\s+e\s+nome)?|partecipante|componente|referente|"
                            r"participant|attendee|contact(?:\s+person)?|full\s+name)", re.I)  # fmt: skip


def _wide_rows(text: str) -> list[tuple[str, int, int, str]]:
    """The rows of a partnership table a row a line whose header names the organisation's column and the role's
    anywhere (`_NAME_COLUMN`, `_ROLE_COLUMN`; not an attendance table's, a person's column among them): each row's
    cell under the organisation's header and the cell under the role's."""
    out = []
    lines = list(re.finditer(r"^.*$", text, re.M))
    for k, header in enumerate(lines):
        cells = [c.strip(" *\t") for c in header.group(0).strip().strip("|").split("|")]
        if len(cells) < 2 or any(_PERSON_COLUMN.fullmatch(c) for c in cells):
            continue
        name = next((i for i, c in enumerate(cells) if _NAME_COLUMN.fullmatch(c)), None)
        role = next((i for i, c in enumerate(cells) if _ROLE_COLUMN.match(c)), None)
        if name is None or role is None or name == role:
            continue
        signed = next((i for i, c in enumerate(cells) if _SIGNATORY_CELL.fullmatch(c)), None)
        for line in lines[k + 1 :]:
            row = line.group(0)
            if "|" not in row:
                break  # the table ends at a line with no cells (a blank one too)
            if set(row) <= set("|-: \t"):
                continue  # a markdown table's rule under its header
            parts = row.strip().strip("|").split("|")
            if len(parts) <= max(name, role):
                break
            value = parts[name].strip()
            if value:
                at = line.start() + row.find(value)
                said = parts[role].strip()
                if signed is not None and signed < len(parts) and _NOT_SIGNED.match(parts[signed].strip()):
                    said = f"{said}; non sottoscrittore"  # "| Firmatario | no |"
                others = [c for i, c in enumerate(parts) if i not in (name, role)]
                out.append((value, at, at + len(value), _denied_by_cells(said, others)))
    return out


def _records(text: str) -> list[tuple[str, int, int, str]]:
    """The organisations of a partnership sheet read as "key: value" pairs (`_RECORD_NAME`): a row's name and the
    role its row states (a row with no role is no partnership's)."""
    found = list(_RECORD_NAME.finditer(text))
    out = []
    for i, m in enumerate(found):
        row_end = found[i + 1].start() if i + 1 < len(found) else len(text)
        role = _RECORD_ROLE.search(text, m.end(), row_end)
        if role and m.group("key") == found[0].group("key"):
            # the row's relationship, when it has one, says what kind of role it is ("Tipo di rapporto: collaborazione
            # senza partenariato")
            relation = _RECORD_RELATION.search(text, m.end(), row_end)
            said = f"{role.group('role')}; {relation.group('relation')}" if relation else role.group("role")
            signed = _RECORD_SIGNED.search(text, m.end(), row_end)
            if signed and _NOT_SIGNED.match(signed.group("signed")):
                said = f"{said}; non sottoscrittore"  # "Sottoscrittore dell'accordo: no"
            out.append(
                (m.group("name"), m.start("name"), m.end("name"), _denied_by_cells(said, [text[m.end() : row_end]]))
            )
    return out


def _denied_by_cells(said: str, cells: list[str]) -> str:
    """A row's role, said to be no partner's when another of its cells denies it the partnership (`_DENYING_CELL`)."""
    if any(_DENYING_CELL.search(c) for c in cells) and not NOT_A_PARTNER_ROLE.search(said):
        return f"{said}; non partner"
    return said


def denied_rows(text: str) -> list[str]:
    """The names a partnership table lists with a role that is no partner's (`NOT_A_PARTNER_ROLE`), and the first
    cell of any table's row another of whose cells denies it the partnership (`_DENYING_CELL`: a row whose table's
    header is in another passage, "X | consulenza sui contratti | lettera di interesse, non partner")."""
    named = [name for name, _, _, role in partner_tables(text) if NOT_A_PARTNER_ROLE.search(role)]
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] and any(_DENYING_CELL.search(c) for c in cells[1:]):
            named.append(cells[0])
    return list(dict.fromkeys(named))


def _items(value: str) -> list[str]:
    return value.split(";") if ";" in value else re.split(r",\s*|\s+e\s+(?=[A-Z])", value)


def _list_of_names(value: str) -> bool:
    """Two or more items, each a short capitalised name (no clause: "Il Comune ha lavorato con ...")."""
    items = [i.strip(" .") for i in _items(value)]
    return len(items) >= 2 and all(i[:1].isupper() and len(i.split()) <= 8 for i in items)


def _flattened(rest: str, at: int, role_header: str) -> list[tuple[str, int, int, str]]:
    """A table flattened into one line: with two columns, the first cell is the first name, each middle cell a role
    and the next name, the last cell the last role; with more ("Soggetto | Ruolo | Impegno Comune di X | capofila |
    coordinamento Cooperativa Y | partner | ..."), the header's further cells run into the first name and each row's
    last cell into the next row's name, its role the cell after its name."""
    cells = []
    pos = 0
    for cell in rest.split("|"):
        cells.append((cell, pos))
        pos += len(cell) + 1
    if len(cells) < 2:
        return []
    if not cells[0][0].strip():  # more columns than the name's and the role's: the header's next cells come first
        named = next((i for i, (c, _) in enumerate(cells[1:], 1) if _trailing_name(c.rstrip()) is not None), None)
        return _wide(cells, at, named) if named is not None else []
    out: list[list] = []
    first, off = cells[0]
    name = first.strip()
    if name:
        start = at + off + first.find(name)
        out.append([name, start, start + len(name), ""])
    for cell, off in cells[1:-1]:
        body = cell.rstrip()
        found = _trailing_name(body)
        if found is None:
            break  # no organisation ends the cell: not a partnership table after all
        if out:
            out[-1][3] = body[:found].strip(" ,;")
        start = at + off + found
        out.append([body[found:].strip(), start, at + off + len(body), ""])
    if out and len(cells) >= 2:
        out[-1][3] = out[-1][3] or cells[-1][0].strip()
    return [(str(n), int(s), int(e), str(r or "partner di progetto")) for n, s, e, r in out if n]


def _wide(cells: list[tuple[str, int]], at: int, first: int) -> list[tuple[str, int, int, str]]:
    """A flattened table of `first` + 2 columns (`_flattened`: the name's, the role's and the `first` header cells
    after them, the last running into the first name): a name ends cell `first` and every (`first` + 1)-th cell
    after it, its role is the cell right after it."""
    out = []
    for i in range(first, len(cells), first + 1):
        cell, off = cells[i]
        body = cell.rstrip()
        found = _trailing_name(body)
        if found is None:
            break
        role = cells[i + 1][0].strip() if i + 1 < len(cells) else ""
        out.append((body[found:].strip(), at + off + found, at + off + len(body), role or "partner di progetto"))
    return [o for o in out if o[0]]


def _trailing_name(cell: str) -> int | None:
    """Where the organisation's name that ends a cell starts: the last organisation named by a keyword or an
    acronym (its name runs to the cell's end: "Centro per le Famiglie distrettuale"), else the capitalised words
    closing the cell ("... torneo Oratorio San Luigi")."""
    found = organisations.named(cell)
    if found:
        return found[-1][1]
    words = list(re.finditer(r"\S+", cell))
    start = None
    for w in reversed(words):
        if _WORDS_OF_NAME.fullmatch(w.group(0)):
            start = w.start()
        else:
            break
    while start is not None and not cell[start].isupper() and not cell[start].isdigit():
        nxt = re.search(r"\s+", cell[start:])
        start = start + nxt.end() if nxt else None
    return start


def _table_header(text: str, at: int) -> bool:
    """Whether the line at `at` has three cells or more and the next line that is not blank as many: a table's header
    row by its shape (a key-value row has two cells, its label's and its value's)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    cells = [c for c in line.split("|") if c.strip()]
    nxt = re.match(r"\n(?:[ \t]*\n)*([^\n]*)", text[end:]) if end >= 0 else None
    if len(cells) < 3 or nxt is None:
        return False
    following = [c for c in nxt.group(1).split("|") if c.strip() and not re.fullmatch(r"[\s:\-–]+", c)]
    return len(following) == len(cells)
