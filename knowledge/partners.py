"""Organisations that worked with a city: the lists after "hanno collaborato", "in collaborazione con",
"realizzate da", "convenzioni con"...; organisations named with a strong keyword; who issued a document. What a
name is (`tidy`, `split_items`) is `knowledge.partner_names`'s. The formal partnership of a project sheet
("Partenariato: Capofila: ... • Fondazione ...") and the attendance list of minutes are read by
`knowledge.partner_lists`.

The network itself (ANCI, Cittalia, the Ministry) and the municipality's own offices are not partners of a city,
except where a project sheet lists them as the project's partnership.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import org_phrases, organisations
from knowledge import partner_roles as roles
from knowledge.counting import COMPARISON
from knowledge.funders import funder_by_nature
from knowledge.issuers import RUNS_IT, issuer_line, masthead  # noqa: F401 (part of this module's API)
from knowledge.org_names import comparable_name, same_org  # noqa: F401 (part of this module's API)
from knowledge.partner_names import (  # noqa: F401 (split_items, tidy: part of this module's API)
    MUNICIPAL,
    NETWORK,
    NUMBERED,
    ORG_KEYWORDS,
    OTHER_COMUNE,
    split_items,
    tidy,
)
from knowledge.sentences import Sentence, clean, sentences
from lgnet.text import fold

# --- cue lists ----------------------------------------------------------------------------------------------
# Phrases after which a sentence names who did the work with the city.
_PARTNER_CUE = re.compile(
    r"\b(?:hanno|ha)\s+(?:collaborato|lavorato|partecipato)(?:\s+al\s+progetto)?|"
    r"\bin\s+collaborazione\s+con|\bin\s+partenariato\s+con|\bcon\s+il\s+supporto\s+d(?:i|el|ella|ell'|ei)|"
    r"\b(?:sono|è|sono\s+stat[ei]|è\s+stat[oa])\s+(?:realizzat|gestit|promoss|svolt)[aeio]\s+(?:da(?:ll[oa]|l|i|gli|lle)?\b|dall['’])|"
    r"\b(?:sviluppat|realizzat|gestit)[aeio]\s+(?:da(?:ll[oa]|l|i|gli|lle)?\b|dall['’])|\bconvenzion[ie]\s+con|\baccordi?\s+con|"
    r"\bprotocoll[oi]\s+d'intesa\s+con|\bpartners?\s*:|"
    # an intro naming the partnership, its list after a colon: "con questi partner, che ringraziamo: a) X; b) Y", "led a
    # partnership of four organisations: the social cooperative X, which ...; the ..." (words in lower case: no
    # field's label, "Tipo di rapporto: partner Municipalità: IV")
    r"\b(?:partners?|partnership|partenariato)\b(?-i:[^:.;\nA-ZÀ-Ý]){1,60}:|"
    # entrusted to whom runs it: "è affidata in partenariato alla Cooperativa X", "affidato in gestione all'ente Y"
    r"\baffidat[oaie]\s+(?:in\s+(?:partenariato|gestione|convenzione)\s+)?(?:a(?:l|i|gli|lla|llo|lle)?\b|all['’])|"
    # "sono stati ammessi al partenariato: 1) A ...", "compongono il partenariato"
    r"\bammess[oi]\s+al\s+partenariato\b|\bcompongono\s+il\s+partenariato\b|"
    r"\brete\s+(?:composta|formata|costituita)\s+da|\bin\s+rete\s+con|"
    # the network or partnership, a few words about it, then what it holds: "La rete del progetto comprende tre enti:",
    # "The partnership includes", "Fanno parte della rete X e Y" (not "non fa parte": a denial)
    r"\b(?:rete|partenariato|partnership|network)\b[^.;:]{0,30}?\b(?:comprende|include|riunisce|includes|comprises|"
    r"brings\s+together)\b|(?<!non\s)\bfa(?:nno)?\s+parte\s+(?:della\s+rete|del\s+partenariato)\b|"
    # who runs it, the sentence turned round: "A gestire la struttura è la cooperativa X"; a form's "Soggetto gestore:"
    r"^\W*a\s+(?:gestire|realizzare|curare|coordinare|condurre)\b[^.;:]{0,60}?\s(?:è|sono|sarà|saranno)\b|"
    r"\b(?:soggetto|ente)\s+gestore\s*:|"
    r"\b(?:enti|soggetti|organizzazioni|realt[àa])\s+partners?(?:\s+(?:coinvolt\w+|del\s+progetto))?\s*:?|"
    r"\bpartners?\s+(?:del\s+progetto|di\s+progetto|coinvolti)\s*(?:sono|:)|"
    # who does the work, said actively: "Lo realizzano X e Y", "I partner sono X", "con la collaborazione di X"
    r"\b(?:lo|la|li|le)\s+(?:realizzano|gestiscono|promuovono|conducono|curano)\b|\b(?:i|gli)\s+partners?\s+sono\b|"
    r"\b(?:al\s+progetto|all['’]iniziativa|vi)\s+(?:partecipano|aderiscono|collaborano|(?:hanno|ha)\s+(?:aderito|"
    r"partecipato|collaborato))\b|\b(?:hanno|ha)\s+aderito\s+(?:al\s+progetto|all['’]iniziativa|al\s+partenariato)\b|"
    # "Sono partner del progetto X e Y", "Tra i partner figurano X e Y", "co-gestito con X"
    r"^\W*(?:sono|è)\s+partners?(?:\s+del\s+progetto)?\b|\btra\s+i\s+partners?\s+(?:figurano|ci\s+sono|sono)\b|"
    r"\bco-?gestit[oaie]\s+con\b|"
    # ... or the sentence opens with it: "Collaborano l'Associazione X e la parrocchia Y", "Collaborano con il Comune X"
    r"^\W*(?:collaborano|partecipano|aderiscono)(?:\s+(?:al\s+progetto|all['’]iniziativa|con\s+il\s+comune|"
    r"con\s+l['’]\s*amministrazione|al\s+(?:tavolo|gruppo)(?:\s+(?:di\s+[a-zà-ù]+|[a-zà-ù]+))?|alla\s+(?:rete|cabina\s+di\s+regia)))?\b|"
    r"\b(?:organizzat|realizzat|svolt|condott)[oaie]\s+(?:insieme\s+)?con\b|"
    r"\bcon\s+la\s+(?:collaborazione|partecipazione)\s+d(?:i|el|ella|ell['’]|ei|egli|elle)\b|"
    # ... and in English: "we work with X", "run with X", "held with X", "in cooperation with X", "partners are X"
    r"\b(?:we|they|it|municipality|city|council|project|service|organi[sz]ations|partners|bodies|NGOs)\s+"
    r"(?:has\s+|have\s+)?(?:\w+ly\s+)?(?:work|works|worked|"
    r"collaborate|collaborates|collaborated|partnered)\s+(?:\w+ly\s+)?with\b|"
    r"\b(?:run|held|implemented|delivered|carried\s+out|managed|organi[sz]ed|developed)\s+(?:together\s+)?with\b|"
    r"\bin\s+(?:collaboration|cooperation)\s+with\b|\bpartners\s+(?:are|were|include|included)\b|"
    # "The Municipality relied on X", "co-designed with X", "si avvale della
    # cooperativa X", "co-progettato con X", "un accordo tra il Comune, X e Y", "an agreement between the City and X"
    r"\brel(?:ied|ies|y)\s+on\b|\bco-?designed\s+with\b|"
    r"\bsi\s+(?:è\s+)?avval(?:e|so|sa|gono)\s+(?:di|del|della|dello|dell['’]|dei|degli|delle)|"
    r"\bco-?progettat[oaie]\s+con\b|\baccord[oi]\s+(?:[\w'’]+\s+){0,2}?tra\b|\bagreement\s+(?:\w+\s+){0,2}?between\b|"
    # ... and who runs it, said passively: "the flats are managed by the X Social Cooperative", "run by ASGI"
    r"\b(?:is|are|was|were|been|be)\s+(?:(?:jointly|also)\s+)?(?:managed|run|operated|delivered|coordinated|"
    r"implemented|staffed)\s+by\b",
    re.I,
)
# An item opening a possessive relative clause ("whose Department of X, Y and Z", "il cui comitato di A, B e C"): it
# and the items after it that are no organisation describe the partner before it. A plain relative ("che gestisce
# il SAI,", "which runs the flats,") ends at its comma, and the list goes on.
_RELATIVE = re.compile(r"^(?:whose|il\s+cui|la\s+cui|i\s+cui|le\s+cui)\b", re.I)
# An office of a body, named right after it ("Comune di X, Servizio Politiche sociali"): the body's own, no other one
_OFFICE = re.compile(r"\s*(?:(?:il|lo|la|l['’])\s*)?(?:serviz(?:io|i)|settor[ei]|uffic(?:io|i)|ripartizione|direzione|"
                     r"assessorato|dipartimento|unit[àa]\s+operativa|area)\b", re.I)  # fmt: skip
# What follows "svolto da", "realizzato da" when it is a time: a month, a year, a date.
_IT_MONTH = r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\b"
_WHEN = re.compile(r"\s*(?:" + _IT_MONTH + r"|\d)", re.I)
# Looser cues ("insieme a", "grazie a", "coinvolgendo"): what follows is a partner only when it looks like an
# organisation (a keyword or an acronym), never a place or a person ("grazie a Milano", "insieme a Maria").
_LOOSE_CUE = re.compile(
    r"\binsieme\s+(?:alla|allo|alle|agli|all['’]|al|ai|a)\b|\bgrazie\s+(?:alla|allo|alle|agli|all['’]|al|ai|a)\b(?!\s*"
    r"(?:contribut|finanziament|sostegno))|\bcoinvolgendo|\bcon\s+il\s+coinvolgimento\s+d(?:i|el|ella|ell['’]|ei|egli|elle)|"
    r"\bin\s+raccordo\s+con|\bin\s+sinergia\s+con|\btogether\s+with|\bin\s+partnership\s+with|\bwith\s+the\s+support\s+of|"
    # "con" and an organisation: "Con la Cooperativa X ... sono stati attivati", "avviato nel 2024 con l'associazione
    # Y", "è nato con le Acli e il patronato Z" (kept to organisation-like names, like every loose cue)
    r"\bcon\s+(?=(?:il|lo|la|i|gli|le)\s+(?-i:[A-Z])|l['’]\s*(?-i:[A-Z])|(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){0,2}\s+(?-i:S\.?p\.?A|S\.?r\.?l)\b|"
    r"(?:il|lo|la|i|gli|le|l['’])\s*"
    r"(?:cooperativ|associazion|fondazion|patronat|oratori|circol|comitat|consult|polisportiv)\w*\s|"
    # ... any kind in lower case, what it does or its qualifiers, then its name: "con il centro di formazione X",
    # "con l'agenzia formativa Y"
    r"(?:il|lo|la|i|gli|le|l['’])\s*" + org_phrases.KIND_AHEAD + r")",
    re.I,
)
# A named organisation anywhere in a sentence: a strong keyword and capitalised words ("Cooperativa Astrolabio").
_NAMED_ORG = re.compile(
    r"(?<![\w'’])(?:(?:Cooperativa|Associazione|Fondazione|Consorzio)(?:\s+[Ss]ociale)?"
    r"(?:\s+(?:di|del|della|per\s+la|dei)?\s*(?:(?!(?:Partners?|Capofila|Ruolo|Role)\b)[A-Z][\w'’.&-]+(?![\w'’.&-]*:)|"
    r"[dl]['’][A-Z][\w'’.-]*|"
    r"\d+(?![\d.,]*\d)(?![.)](?:\s|$))))+|"
    r"Caritas(?:\s+[A-Z][\w-]+)+|"
    r"(?:ASL|ASP|AUSL)\s+(?:[A-Z][\w]*\s*\d*|\d+))"
)
_ORGANISATION_LIKE = re.compile(
    rf"\b(?:{ORG_KEYWORDS})\b|\b[A-Z]{{2,}}\b|^Comune\s+di\s|"
    # ... an English name its kind closes in lower case: "the Il Faggio social cooperative"
    r"^[A-ZÀ-Ý].*\s(?:co-?operative|association|foundation|charity|consortium|trust)$"
)
# Who works in a service for an organisation, in the plural, then the organisation: it runs that part of the service
# ("tenuto dagli operatori della FLAI CGIL Salerno", "I 22 volontari della parrocchia di Santa Cecilia preparano il tè",
# "i medici di Medici per i Diritti Umani passano una domenica al mese"); one person of it is no such sign ("una
# volontaria della Caritas", `roles.OTHER_ROLE`)
STAFF_OF = re.compile(
    r"\b(?:operatori|operatrici|volontari|volontarie|medici|educatori|educatrici|mediatori|mediatrici|avvocati|"
    r"insegnanti|psicologi|psicologhe|infermieri|infermiere|legali|staff|volunteers|doctors|lawyers|workers)\s+"
    r"(?:del|della|dello|dell['’]|dei|degli|delle|di|of(?:\s+the)?|from(?:\s+the)?)\s*"
    r"(?P<name>(?:(?:parrocchia|associazione|cooperativa|fondazione|comunità|sindacato)\s+(?:(?:di|del|della)\s+)?)?"
    r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:di|del|della|dei|per|per\s+i|per\s+la|e)\s+)?[A-ZÀ-Ý][\w'’.-]*)*)"
)


def _staff_org(name: str) -> bool:
    """An organisation's name after its staff: a keyword or an acronym (no programme's: "gli operatori del SAI"), or
    three capitalised words; not a place or a person ("l'Ordine degli avvocati di Matera", "volontari di Châtillon")."""
    acronym = re.match(r"[A-Z]{2,}\b", name)
    if acronym and acronym.group(0) in organisations.NOT_ORGANISATIONS:
        return False
    capitalised = [w for w in name.split() if w[:1].isupper()]
    return bool(re.search(rf"\b(?:{ORG_KEYWORDS})\b|\b[A-Z]{{2,}}\b", name)) or len(capitalised) >= 3


@dataclass(frozen=True)
class PartnerFact:
    name: str
    sentence: str
    start: int  # the sentence's offsets in the passage
    end: int
    role: str | None = None
    # how it was found: "formal" (a partnership list, a cue naming the partnership, an apposition "X, partner del
    # Comune"), "cue" (a phrase saying who worked with the city), "listed" (a list's item of its own), "named" (an
    # organisation named with no role), "attended" (an attendance list)
    how: str = "cue"


_SUM = re.compile(r"\d[\d.,]*\s*(?:mila\s+)?(?:euro|€)|€|\bEUR\b", re.I)  # money said in a clause: a funder's
_FORMAL_CUE = re.compile(r"partner|partenariat", re.I)  # a cue that names the partnership itself
# ... or an apposition giving a name its role: "la cooperativa sociale X, partner del Comune nella gestione"
_PARTNER_AFTER = re.compile(r"\s*,\s*(?:che\s+è\s+)?(?:partner|capofila)\s+(?:del|dell['’]|della|di)\b", re.I)


def _how_named(body: str, start: int, end: int) -> str:
    """How an organisation named without a cue was found: "formal" when an apposition gives it the partnership
    ("X, partner del Comune"), "listed" when it opens a list's item of its own ("Cidis Onlus, per la mediazione;",
    the items after "in collaborazione con i seguenti enti:"), else "named"."""
    if _PARTNER_AFTER.match(body, end):
        return "formal"
    item = not body[:start].strip(" -•*·\t") and (body.rstrip().endswith(";") or len(body.split()) <= 12)
    return "listed" if item else "named"


_LEGAL_FORM = re.compile(r"\s(?:Onlus|ONLUS|APS|ODV|ETS)$")


def partners(text: str, city: str | None = None, named_orgs: bool = True) -> list[PartnerFact]:
    """Organisations that worked with the city: the lists after "hanno collaborato", "in collaborazione con",
    "realizzate da", "convenzioni con", "insieme a"...; organisations named by a keyword or an acronym with its
    place anywhere (not a funder; only with `named_orgs`: the programme's boilerplate names the network's
    members, who are not the city's partners); other municipalities ("Comune di X") but never `city` itself."""
    return _partners(text, city, named_orgs)[0]


def partners_both(text: str, city: str | None = None) -> tuple[list[PartnerFact], list[PartnerFact]]:
    """(`partners(text, city, True)`, `partners(text, city, False)`): of one sentence in one pass (the second is what
    the first found before the named organisations), else each in its own."""
    named, unnamed = _partners(text, city, True, both=True)
    return named, unnamed if unnamed is not None else partners(text, city, False)


def _partners(text: str, city: str | None, named_orgs: bool, both: bool = False
              ) -> tuple[list[PartnerFact], list[PartnerFact] | None]:  # fmt: skip
    found: dict[str, PartnerFact] = {}
    unnamed: list[PartnerFact] | None = None
    own = fold(city) if city else None

    def add(name: str | None, s: Sentence, body: str, how: str = "cue") -> None:
        if not name:
            return
        if (known := found.get(comparable_name(name))) is not None:
            if how == "formal" and known.how != "formal":  # named the partnership's too: "X, capofila dell'ATI"
                found[comparable_name(name)] = PartnerFact(known.name, known.sentence, known.start, known.end,
                                                           known.role, "formal")  # fmt: skip
            return
        other = OTHER_COMUNE.match(name)
        if other and (own is None or fold(other.group("place")).strip() == own):
            return  # the city's own municipality is who does the work, not a partner
        if how != "formal" and funder_by_nature(name):
            return  # a banking foundation gives money, whatever the verb, unless named the partnership's
        found[comparable_name(name)] = PartnerFact(name, body, s.start, s.end, how=how)

    read = sentences(text)
    for s in read:
        body = clean(s.text)
        if COMPARISON.search(body):
            continue  # "Per confronto, il CPIA di X ha avuto ...": another service, named to compare
        cues = [(c, False) for c in _PARTNER_CUE.finditer(body)] + [(c, True) for c in _LOOSE_CUE.finditer(body)]
        cues = sorted((c for c in cues if not _name_with(body, *c)), key=lambda c: c[0].start())
        cues = [c for i, c in enumerate(cues) if not any(o.start() <= c[0].start() < o.end() for o, _ in cues[:i])]
        strong = False
        for i, (cue, loose) in enumerate(cues):
            segment = body[cue.end() : cues[i + 1][0].start() if i + 1 < len(cues) else len(body)]
            with_ = loose and cue.group(0).lower().startswith("con")
            # a semicolon ends the list ("con la cooperativa X; la Y garantisce", "in rete con A, B e C, come da
            # protocollo ...; 7. di nominare ...")
            pieces = org_phrases.unlettered(segment).split(";")
            segment = org_phrases.list_piece(pieces[0].lstrip(" :")) if len(pieces) > 1 else pieces[0]
            head, colon, listed_after = segment.partition(":")
            short = len(head.split()) <= 4 and not tidy(head)  # "worked with the City: the social cooperative X, ..."
            if colon and (short or not re.search(r"[A-ZÀ-Ý]", head) or re.match(r"\s*(?:\d{1,2}[.)]|[a-z]\))\s",
                                                                                 listed_after)):  # fmt: skip
                segment = org_phrases.list_piece(listed_after.lstrip())  # "comprende tre enti: la cooperativa X; ..."
            loose = loose and not (strong and with_)  # "realizzato dal Comune con A, B e C": the cue before's list
            strong = strong or not loose
            if _WHEN.match(segment):
                continue  # "si è svolto da gennaio 2024 a dicembre 2025": a time, not who did it
            if loose and roles.DEALS_WITH.search(body[: cue.end()]):
                continue  # "un progetto individuale con il Centro per l'impiego": where the people go
            if roles.EVALUATED_BY.search(body[: cue.end()]):
                continue  # "La valutazione è stata affidata all'Università di X": who evaluates
            clause = False
            listed = split_items(segment)
            for i, item in enumerate(listed):
                if i + 1 < len(listed) and roles.FUNDS_RELATIVE.match(listed[i + 1]):
                    continue  # "grazie alla Fondazione X, che lo finanzia, e alla Cooperativa Y": a funder
                if _RELATIVE.match(item):
                    clause = True
                    continue
                if i and _OFFICE.match(item) and MUNICIPAL.search(listed[i - 1]):
                    continue  # "dal Comune di X, Servizio Politiche sociali, ...": the municipality's own office
                name = tidy(item)
                if clause and not (name and _ORGANISATION_LIKE.search(name)):
                    continue
                clause = False
                if name and loose and (not _ORGANISATION_LIKE.search(name) or (with_ and OTHER_COMUNE.match(name))):
                    continue  # a loose cue's name must look like an organisation's ("con il Comune di X": no)
                add(name, s, body, "formal" if _FORMAL_CUE.search(cue.group(0)) else "cue")
            # ... unless its items are separated by semicolons, each an organisation and what it does ("con X, che mette
            # i locali; la cooperativa Y, che gestisce il doposcuola; l'associazione Z, che ..."): on to the first piece
            # that opens with no organisation
            for piece in pieces[1:] if listed else []:
                item = (split_items(org_phrases.list_piece(piece)) or [""])[0]
                name = tidy(item)
                if not (name and _ORGANISATION_LIKE.search(name) and org_phrases.name_only(item)):
                    break  # no organisation, or a clause of its own ("; la parrocchia X ha messo a disposizione ...")
                add(name, s, body, "formal" if _FORMAL_CUE.search(cue.group(0)) else "cue")
        # an organisation opening a clause as the subject of what it does in the service: "la Banca X ha offerto ..."
        for raw, start, end in org_phrases.subjects(body):
            name = tidy(raw)
            said = re.split(r"[;:]", body[end:], maxsplit=1)[0]  # the rest of its clause: a sum is a funder's
            if (
                name
                and _ORGANISATION_LIKE.search(name)
                and not roles.other_role(body, start, end)
                and not _SUM.search(said)
            ):
                add(name, s, body, "cue")
        for m in STAFF_OF.finditer(body):  # "dagli operatori della FLAI CGIL X", "i volontari della parrocchia di Y"
            name, before = tidy(m.group("name")), body[: m.start()]
            if name and _staff_org(name) and not (roles.FUNDER.search(before) or roles.OTHER_ROLE.search(before)):
                add(name, s, body, "cue")
        if both and len(read) == 1:
            unnamed = list(found.values())  # all `partners(text, city, False)` would find
        if not named_orgs:
            continue
        spans = []
        known = organisations.named(body)
        for m in _NAMED_ORG.finditer(body):
            # the name a legal form closes past where the keyword's capitalised words stop: "Associazione Donne nel
            # Mondo APS" (`organisations.named`)
            whole = next((n for n in known if n[1] == m.start() and n[2] > m.end() and _LEGAL_FORM.search(n[0])), None)
            start, end = (whole[1], whole[2]) if whole else m.span()
            spans.append((start, end))
            name = tidy(body[start:end])
            if name and not any(comparable_name(name) in k for k in found) and not _other_role(body, start, end):
                add(name, s, body, _how_named(body, start, end))
        for raw, start, end in known:
            if any(a <= start < b or start <= a < end for a, b in spans) or _other_role(body, start, end):
                continue
            name = tidy(raw)
            if name and not any(comparable_name(name) in k for k in found):
                add(name, s, body, _how_named(body, start, end))
    return list(found.values()), unnamed


# A name its date follows is an outlet's, heading the article it published ("L'Unione Sarda, 9 ottobre 2026 – X, ...",
# "Il Secolo XIX, edizione di Savona, 11 novembre 2025"), never a partner named with no role
_OUTLET_DATE = re.compile(r"[»\"”]?,\s*(?:edizione\s+d[i'’]\s*[^,]{1,30},\s*)?\d{1,2}°?\s+" + _IT_MONTH, re.I)


def _other_role(body: str, start: int, end: int) -> bool:
    """Whether the name at body[start:end] has a role other than partner: a funder, a host, an observer...
    (`partner_roles`), or the outlet heading the article its date follows."""
    return bool(roles.other_role(body, start, end) or _OUTLET_DATE.match(body, end))


def _name_with(body: str, cue: re.Match, loose: bool) -> bool:
    """A "con" that is no cue: inside a name ("A Tavola con lo Chef"), or naming a programme after a funder
    ("finanziato dalla Regione con il PR FSE+")."""
    if not loose or not cue.group(0).lower().startswith("con"):
        return False
    before = re.split(r"[,;:]", body[: cue.start()])[-1]
    last = before.split()[-1:] or [""]
    if _KIND_AFTER.match(body, cue.end()):
        # "la Caritas X con la cooperativa Y": another organisation, its kind said
        return bool(roles.FUNDED.search(before))
    return bool((last[0][:1].isupper() and not MUNICIPAL.search(before)) or roles.FUNDED.search(before))


# An organisation's kind opening what follows "con": "con la cooperativa Il Mosaico", "con l'associazione X"
_KIND_AFTER = re.compile(r"\s*(?:(?:il|lo|la|i|gli|le)\s+|l['’]\s*)?(?:cooperativ|associazion|fondazion|consorzi|"
                         r"parrocchi|caritas)\w*\s", re.I)  # fmt: skip
