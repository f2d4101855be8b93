"""Organisations that worked with a city: the lists after "hanno collaborato", "in collaborazione con",
"realizzate da", "convenzioni con"...; organisations named with a strong keyword; and the formal partnership of a
project sheet ("Partenariato: Capofila: ... • Fondazione ..."), with the role it states.

The network itself (ANCI, Cittalia, the Ministry) and the municipality's own offices are not partners of a city,
except where a project sheet lists them as the project's partnership.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import organisations
from knowledge.counting import COMPARISON
from knowledge.org_names import comparable_name, same_org  # noqa: F401 (part of this module's API)
from knowledge.partner_tables import partner_tables
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
    # "sono stati ammessi al partenariato: 1) A ...", "compongono il partenariato"
    r"\bammess[oi]\s+al\s+partenariato\b|\bcompongono\s+il\s+partenariato\b|"
    r"\brete\s+(?:composta|formata|costituita)\s+da|\b(?:rete|partenariato)\s+(?:comprende|include|riunisce)\b|\bin\s+rete\s+con|"
    r"\b(?:enti|soggetti|organizzazioni|realt[àa])\s+partners?(?:\s+(?:coinvolt\w+|del\s+progetto))?\s*:?|"
    r"\bpartners?\s+(?:del\s+progetto|di\s+progetto|coinvolti)\s*(?:sono|:)|"
    # who does the work, said actively: "Lo realizzano X e Y", "I partner sono X", "con la collaborazione di X"
    r"\b(?:lo|la|li|le)\s+(?:realizzano|gestiscono|promuovono|conducono|curano)\b|\b(?:i|gli)\s+partners?\s+sono\b|"
    r"\b(?:al\s+progetto|all['’]iniziativa|vi)\s+(?:partecipano|aderiscono|collaborano)\b|"
    # ... or the sentence opens with it: "Collaborano l'Associazione X e la parrocchia Y"
    r"^\W*(?:collaborano|partecipano|aderiscono)(?:\s+(?:al\s+progetto|all['’]iniziativa))?\b|"
    r"\b(?:organizzat|realizzat|svolt|condott)[oaie]\s+(?:insieme\s+)?con\b|"
    r"\bcon\s+la\s+(?:collaborazione|partecipazione)\s+d(?:i|el|ella|ell['’]|ei|egli|elle)\b|"
    # ... and in English: "we work with X", "run with X", "held with X", "in cooperation with X", "partners are X"
    r"\b(?:we|they|it|municipality|city|council|project|service)\s+(?:has\s+|have\s+)?(?:work|works|worked|"
    r"collaborate|collaborates|collaborated|partnered)\s+with\b|"
    r"\b(?:run|held|implemented|delivered|carried\s+out|managed|organi[sz]ed|developed)\s+(?:together\s+)?with\b|"
    r"\bin\s+(?:collaboration|cooperation)\s+with\b|\bpartners\s+(?:are|were|include|included)\b",
    re.I,
)
# An item opening a possessive relative clause ("whose Department of X, Y and Z", "il cui comitato di A, B e C"): it
# and the items after it that are no organisation describe the partner before it. A plain relative ("che gestisce
# il SAI,", "which runs the flats,") ends at its comma, and the list goes on.
_RELATIVE = re.compile(r"^(?:whose|il\s+cui|la\s+cui|i\s+cui|le\s+cui)\b", re.I)
# What follows "svolto da", "realizzato da" when it is a time: a month, a year, a date.
_WHEN = re.compile(r"\s*(?:(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
                   r"dicembre)\b|\d)", re.I)  # fmt: skip
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
    r"(?:cooperativ|associazion|fondazion|patronat|oratori|circol|comitat|consult|polisportiv)\w*\s)",
    re.I,
)
ORG_KEYWORDS = (
    r"Cooperativ[ae]|Coop\.|Associazion[ei]|Fondazione|Caritas|Consorzio|Azienda|ASL|Asl|ASP|Asp|AUSL|USL|"
    r"Onlus|ONLUS|Aps|APS|Odv|ODV|Arci|ARCI|Parrocchia|Confraternita|Comitato|Federazione|Istituto|Università|"
    r"Centro|Gruppo|Rete|Croce\s+Rossa|Diocesi|Unione|Ente|Agenzia|"
    r"University|Foundation|Association|Cooperative|Agency|Diocese|Charity|Trust|Unit[ée]\s+des\s+Communes|"
    r"Oratorio|Patronato|Polisportiva|Pro\s+Loco|Consulta|Acli|ACLI|SpA|S\.p\.A\.|Misericordia|Sindacato"
)
# A named organisation anywhere in a sentence: a strong keyword and capitalised words ("Cooperativa Astrolabio").
_NAMED_ORG = re.compile(
    r"(?<![\w'’])(?:(?:Cooperativa|Associazione|Fondazione|Consorzio)(?:\s+[Ss]ociale)?"
    r"(?:\s+(?:di|del|della|per\s+la|dei)?\s*(?:[A-Z][\w'’.-]+(?![\w'’.-]*:)|[dl]['’][A-Z][\w'’.-]*|"
    r"\d+(?![.)](?:\s|$))))+|"
    r"Caritas(?:\s+[A-Z][\w-]+)+|"
    r"(?:ASL|ASP|AUSL)\s+(?:[A-Z][\w]*\s*\d*|\d+))"
)
_ARTICLE = re.compile(
    r"^(?:(?:(?:e|ed|inoltre|con|anche|tra\s+cui|quali|come|al\s+progetto|il|lo|la|i|gli|le|un|una|uno|dal|dalla|"
    r"dallo|dai|dalle|del|della|dello|al|allo|alla|ai|agli|alle|and|with|the|also)\s+)|(?:l|un|dall|dell|all)['’]\s*)+",
    re.I,
)
_PLURAL_DESCRIPTOR = re.compile(
    r"^(?:le\s+)?(?:associazioni|cooperative|realtà|organizzazioni|enti)\s+(?=(?-i:[A-Z]))", re.I  # a name follows
)
_CLAUSE = re.compile(
    r"\s(?:hanno|ha|abbiamo|che|sono|è|sarà|nonché|si\s|(?:e|ed)\s+con\s|(?:per|con)\s+\d|nell['’]ambito\b|"
    r"con\s+(?:il|i)\s+(?:contribut|finanziament|fondi|sostegno)|\d+\s+(?!d[ei]\w*\b)[a-zà-ù]{3,}|dedicat\w*|operant\w*|attiv[aoi]\s|grazie|presso|ovvero|"
    r"per\s+(?!la\s|il\s|le\s|i\s|gli\s|l')\w+(?:are|ere|ire)\b)"
)
# Who is not a partner of a city: the network itself and the municipality's own offices.
NETWORK = re.compile(
    r"^(?:anci(?:\s+(?:nazionale|comunicare))?|cittalia|fondazione\s+(?:anci|cittalia)|associazione\s+dei\s+comuni.*|"
    r"ministero.*|dipartimento.*|viminale|direzione\s+centrale.*|unione\s+europea|fondo\s+fami.*)$",
    re.I,
)
# Who reports the news is never a partner: a press agency ("AGIL – Agenzia Giornalistica Lombarda", "news agency").
_PRESS = re.compile(r"\bagenzia\s+(?:giornalistica|di\s+stampa|stampa)\b|\b(?:news|press)\s+agency\b", re.I)
_MUNICIPAL = re.compile(
    r"^(?:il\s+|i\s+)?Comun[ei]\b|\bComun[ei]\s+(?:di|del|della|dell['’]|dei)\b|\b(?:del|dal|al|nel|dei|ai)\s+Comun[ei]\b|"
    r"\bcomunal[ei]\b|\bMunicipi|\bMunicipalit[àa]\b|\bMunicipality\b|\bRoma\s+Capitale\b|\bassessorat|"
    r"^Serviz[io]\s+social[ei]|^(?:la\s+)?Giunta\b|^Consiglio\s+comunale\b|^Sindac[oa]\b", re.I
)
_ORGANISATION_LIKE = re.compile(rf"\b(?:{ORG_KEYWORDS})\b|\b[A-Z]{{2,}}\b|^Comune\s+di\s")
# Another municipality named as a partner ("Comune di X"): kept, unless it is the city itself (see `partners`).
_OTHER_COMUNE = re.compile(r"^Comune\s+di\s+(?P<place>[A-Z][\w'’ -]+)$")
# A relative clause after a listed name saying it pays: "la Fondazione X, che lo finanzia, e ..."
_FUNDS_RELATIVE = re.compile(r"^(?:che|which|who)\s+(?:(?:lo|la|li|le|ne|l['’])\s*)?(?:anche\s+)?(?:co-?)?"
                             r"(?:finanzia|finanziano|finanziato|paga|pagano|sponsorizza|funds|funded|pays)\b",
                             re.I)  # fmt: skip
# Who pays is not a partner: "con il contributo della Fondazione X", "finanziato da".
_FUNDER = re.compile(
    r"(?:(?:contribut\w*|finanziat\w*|finanziament\w*|sostegno(?:\s+economico)?|sponsor\w*|cofinanziat\w*)"
    r"\s+(?:\w+\s+){0,2}?(?:di|da|del|della|dello|dei|degli|delle|dal|dalla|dall['’])?|"
    r"(?:euro|€|EUR)\s+(?:\w+\s+){0,3}?(?:da|dal|dalla|dall['’]|dai|dagli|dalle|from)|"
    # a sum that comes from someone: "30.000 arrivano dalla Fondazione X", "il resto viene dalla Regione"
    r"(?:\d[\d.,]*|rest[oa]|restante)\s+(?:\w+\s+){0,2}?(?:arriv|proven|vien|vengon|giung)\w*\s+d(?:a|al|alla|all['’]|ai|agli|alle)|"
    # ... in English: "funded by the X Foundation", "a grant from", "with funding from", "sponsored by"
    r"\b(?:co-?funded|funded|financed|sponsored|paid\s+for)\s+(?:\w+\s+){0,2}?by(?:\s+the)?|"
    r"\b(?:grant|funding|financing|contribution)\b[^.;:]{0,40}?\bfrom(?:\s+the)?)\s*$|"
    # the rest of a funder's name after a comma: "221.000 euro dal Fondo Asilo, Migrazione e Integrazione"
    r"(?:euro|€|EUR)\s+(?:\w+\s+){0,3}?(?:da|dal|dalla|dall['’]|dai|dagli|dalle|from)\s+(?:[\w'’]+\s+){1,3}?[\w'’]+,\s*$",
    re.I,
)


# An organisation named in another role than working with the city, said right before its name: where a service
# is housed ("nei locali della Parrocchia X", "presso"), where people are sent or accompanied ("accompagnate ai
# servizi sanitari dell'ASL X", "inviare gli elenchi all'Azienda USL"), who wrote an evaluation ("a cura del
# Dipartimento ... dell'Università X"), whose call funds it ("dal bando «Inclusione» della Fondazione X").
_OTHER_ROLE = re.compile(
    r"(?:\b(?:nei|negli|nel|nella)\s+(?:locali|spazi|sede|sala|struttura)\s+(?:di|del|della|dello|dell['’]|dei|degli)|"
    r"\bpresso\s+(?:il|lo|la|l['’]|i|gli|le)?|\bhosted\s+by(?:\s+the)?|\bon\s+the\s+premises\s+of(?:\s+the)?)\s*$|"
    r"\b(?:accompagnat\w*|accompagnare|accompagnament\w*|inviat\w*|inviare|indirizzat\w*|rinviat\w*|referred|sent|"
    r"frequent(?:a|ano|ato|ati|ate|ava|avano)|attend(?:s|ed|ing)?)\b[^.;:]{0,60}$|"
    # whose plan or territory a service is part of: "si inserisce nel Piano di zona dell'Azienda ULSS X", "nei Comuni
    # del distretto Mirano-Dolo dell'Azienda ULSS X"
    r"(?:\bpian[oi]\s+(?:di\s+zona|social[ei]|regional[ei]|locale)|\b(?-i:distrett[oi]))\b[^.;:]{0,30}?"
    r"\b(?:di|del|della|dello|dell['’]|dei)\s*$|"
    r"\ba\s+cura\s+d(?:i|el|ella|ello|ell['’]|ei|egli|elle)\b[^.;:]{0,80}$|"
    # someone unnamed from the organisation, an attendee or a guest: "una volontaria della Caritas X"
    r"\b(?:un|una|un['’])\s*(?:volontari[oa]|funzionari[oa]|referente|rappresentante|delegat[oa]|operat(?:ore|rice)|"
    r"dipendente|responsabile|esperto|esperta|educat(?:ore|rice))\s+(?:del|della|dello|dell['’]|dei|degli|delle)\s*$|"
    r"\bletter[ae]\s+di\s+(?:sostegno|supporto|adesione|gradimento)\b[^.;:]{0,150}$|\bletters?\s+of\s+support\b[^.;:]{0,150}$|"
    r"\bband[oi]\b[^.;:]{0,40}?\b(?:di|del|della|dello|dell['’]|dei|degli|delle)\s*$",
    re.I,
)

_FUNDED = re.compile(r"\b(?:co-?finanziat|finanziat|sostenut|pagat|sponsorizzat)\w*\b", re.I)
# Who pays, said after the name in its clause: "La Regione e la Fondazione X hanno finanziato il progetto".
_FUNDS_AFTER = re.compile(r"[^.;:,]{0,80}?\b(?:hanno|ha|che\s+ha|che\s+hanno)\s+(?:anche\s+)?(?:co-?finanziat|"
                          r"finanziat|sponsorizzat|erogat)\w*|"
                          # ... in the present: "La Fondazione X finanzia il progetto e ne segue il monitoraggio"
                          r"[^.;:,]{0,80}?\b(?:co-?finanzia(?:no)?|finanzia(?:no)?|funds|sponsorizza(?:no)?)\b|"
                          # ... or by the sum it gives: "La Fondazione X ha coperto 98.000 euro", "mette 40.000 euro"
                          r"\s+(?:(?:ha|hanno)\s+(?:coperto|messo|dato|stanziato|erogato|versato|donato)|copre|coprono|"
                          r"mette|mettono|stanzia|eroga|versa|dona|provided|gave|contributed)\s+(?:\w+\s+){0,2}?"
                          r"(?:€\s*|EUR\s*)?\d[\d.,]*\s*(?:mila\s+)?(?:euro|€|EUR)?(?!\s*(?:persone|posti|ore))|"
                          # ... or who evaluates it: "L'Università di X seguirà la valutazione"
                          r"[^.;:,]{0,40}?\b(?:segu|cur|condu|svolg|far)\w*\s+(?:anche\s+)?(?:la\s+)?valutazione\b",
                          re.I)  # fmt: skip
# A sum in parentheses right after a name is what that body gives: a funder's share, "Fondazione X (25.000 euro)".
_SHARE_AFTER = re.compile(r"\s*\(\s*(?:€|EUR)?\s*\d[\d.,\s]*(?:mila\s+)?(?:euro|€|EUR)?\s*\)")


@dataclass(frozen=True)
class PartnerFact:
    name: str
    sentence: str
    start: int  # the sentence's offsets in the passage
    end: int
    role: str | None = None


# Words of a kind before the name it opens: "consorzio di cooperative Nord Ovest Lavoro", "parrocchia di San Michele",
# "consultorio familiare della ASL n. 1"
_KIND_WORDS = r"(?:\s+(?:di|del|della|dei|delle|familiare|sociale|cooperative)){0,3}"
_AND = re.compile(r"\s+(?:e|ed|and)\s+(?=(?:con\s+)?(?:il\s|lo\s|la\s|l['’]|i\s|gli\s|le\s|the\s|al\s|allo\s|alla\s|"
                  r"all['’]|ai\s|agli\s|alle\s)?"
                  r"(?:[A-Z\"«“]|(?:associazion|cooperativ|fondazion|association|foundation)\w*\s|"
                  r"(?:circolo|comitato|gruppo|consorzio|centro|istituto|patronato|oratorio|polisportiva|consulta|"
                  r"parrocchia|consultorio|sindacato)" + _KIND_WORDS + r"\s+(?-i:[A-Z])|"
                  # a kind, a word or two saying of whom, then its acronym: "il sindacato inquilini SUNIA"
                  r"(?:sindacato|associazione|cooperativa|consorzio|comitato|centro)(?:\s+[a-zà-ù]+){1,2}\s+"
                  r"(?-i:[A-Z]{3,})\b)|"
                  r"(?:with\s+)?the\s)")  # fmt: skip


# A number opening an item of a list run on one line ("1) A 2) B", "1. A; 2. B"), never a name's ("CPIA 2 Novi")
_NUMBERED = re.compile(r"(?:^|[\s;,])\(?\d{1,2}[.)]\s+(?=(?:(?:il|lo|la|i|gli|le)\s+|l['’]\s*)?[A-ZÀ-Ý«\"“])")


# The last item of a list whose lines were joined runs into the next sentence: "3) Misericordia di X La Società Y
# finanzia ...": a name's last capitalised word (not a kind, "Cooperativa La Rupe"), then an article in capitals.
_RUN_ON_SENTENCE = re.compile(r"\b(?P<w>[A-ZÀ-Ý][\w'’-]+)(?P<cut>\s+)(?=(?:La|Il|Lo|Le|Gli|L['’])\s*[A-ZÀ-Ý])")


def _run_on_cut(item: str) -> str:
    for m in _RUN_ON_SENTENCE.finditer(item):
        if not re.fullmatch(ORG_KEYWORDS, m.group("w")):
            return item[: m.start("cut")]
    return item


def _split_items(segment: str) -> list[str]:
    """'A, B, C e D' -> [A, B, C, D]; a dash separates organisations unless it spells out an acronym, qualifies a
    place ('IPRS – Istituto ...', 'Segretariato sociale – Distretto Latina 2') or stands inside a quoted name
    ('Istituto Comprensivo «Da Vinci – Ungaretti»')."""
    # a numbered list run on one line: "1) A (capofila) 2) B – gruppo X 3) C", "1. A; 2. B": each number opens an item
    numbered = _NUMBERED.split(segment)
    if len(numbered) > 2:  # an item's role in parentheses is no item: "1) A (ente attuatore, capofila) 2) B"
        numbered[-1] = _run_on_cut(numbered[-1])
        return [i for part in numbered for i in _split_items(re.sub(r"\s*\([^()]*\)", "", part)) if i]
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
            place = re.match(r"(?:Distretto|Comune|Sede|Comitato|Sezione|Delegazione)\b", nxt)
            if quoted or place or re.fullmatch(r"[A-Z][A-Z0-9.&]{1,9}", current):
                current = f"{current} – {nxt}"
            else:
                items.append(current)
                current = nxt
        items.append(current)
    return items


def _tidy(item: str) -> str | None:
    item = re.split(r":\s", item)[0]  # a colon ends the name: what follows says something of it, or a next field
    item = item.strip(" .;:*\"«»“”'")
    item = _PLURAL_DESCRIPTOR.sub("", item)
    item = _ARTICLE.sub("", item).strip()
    item = _PLURAL_DESCRIPTOR.sub("", item)
    cut = _CLAUSE.search(item)
    if cut:
        item = item[: cut.start()]
    tail = re.search(r"\s(?:(?:per|con|a|di|da|su|tra|fra)\s+)?(?:il|lo|la|i|gli|le)\s+[a-zà-ù]+(?:\s+[a-zà-ù]+)*\s*$",
                     item)  # fmt: skip
    if tail and re.search(r"\s[A-ZÀ-Ý]", item[: tail.start()]) and re.search(rf"\b(?:{ORG_KEYWORDS})\b", item, re.I):
        item = item[: tail.start()]  # "Istituto comprensivo Dante Alighieri gli alunni": the sentence's subject
    item = re.sub(r"\s+(?:e|ed|and|o)$", "", item.strip(" .;:,*\"«»“”'"))  # "A e" before "con B"
    if not item or len(item) < 3 or len(item.split()) > 12:
        return None
    if not (item[0].isupper() or item[0].isdigit()):
        # a kind in lower case before its name: the name right after it ("la cooperativa sociale Arcobaleno"; not
        # "la cooperativa scade il 31 marzo")
        # ... and in English: "the social cooperative Arcobaleno", "the association X"
        if re.match(r"(?i:associazione|cooperativa|fondazione|association|social\s+cooperative|foundation)"
                    r"(?:\s+(?i:sociale))?\s+(?:(?i:di|del|della|of)\s+)?"
                    r"[A-Z0-9«\"“]", item):
            item = item[0].upper() + item[1:]
        elif re.match(r"(?:circolo|comitato|gruppo|consorzio|centro|istituto|patronato|oratorio|polisportiva|"
                      r"consulta|sindacato|parrocchia|consultorio)" + _KIND_WORDS + r"\s+(?-i:[A-Z])", item, re.I):
            item = item[0].upper() + item[1:]  # a kind in lower case before the name: "il circolo Legambiente X"
        elif m := re.match(r"(?:sindacato|associazione|cooperativa|consorzio|comitato|centro)(?:\s+[a-zà-ù]+){1,2}\s+"
                           r"(?P<acronym>(?-i:[A-Z]{3,}))\b", item, re.I):
            item = m.group("acronym")  # "sindacato inquilini SUNIA": the organisation is its acronym
        else:
            return None
    if NETWORK.match(item) or _PRESS.search(item) or not _looks_like_name(item):
        return None
    if _MUNICIPAL.search(item) and not _OTHER_COMUNE.match(item):
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


def partners(text: str, city: str | None = None, named_orgs: bool = True) -> list[PartnerFact]:
    """Organisations that worked with the city: the lists after "hanno collaborato", "in collaborazione con",
    "realizzate da", "convenzioni con", "insieme a"...; organisations named by a keyword or an acronym with its
    place anywhere (not a funder; only with `named_orgs`: the programme's boilerplate names the network's
    members, who are not the city's partners); other municipalities ("Comune di X") but never `city` itself."""
    found: dict[str, PartnerFact] = {}
    own = fold(city) if city else None

    def add(name: str | None, s: Sentence, body: str) -> None:
        if not name or comparable_name(name) in found:
            return
        other = _OTHER_COMUNE.match(name)
        if other and (own is None or fold(other.group("place")).strip() == own):
            return  # the city's own municipality is who does the work, not a partner
        found[comparable_name(name)] = PartnerFact(name, body, s.start, s.end)

    for s in sentences(text):
        body = clean(s.text)
        if COMPARISON.search(body):
            continue  # "Per confronto, il CPIA di X ha avuto ...": another service, named to compare
        cues = [(c, False) for c in _PARTNER_CUE.finditer(body)] + [(c, True) for c in _LOOSE_CUE.finditer(body)]
        cues = sorted((c for c in cues if not _name_with(body, *c)), key=lambda c: c[0].start())
        strong = False
        for i, (cue, loose) in enumerate(cues):
            segment = body[cue.end() : cues[i + 1][0].start() if i + 1 < len(cues) else len(body)]
            with_ = loose and cue.group(0).lower().startswith("con")
            if with_:
                segment = segment.split(";")[0]  # a semicolon ends the list ("con la cooperativa X; la Y garantisce")
            loose = loose and not (strong and with_)  # "realizzato dal Comune con A, B e C": the cue before's list
            strong = strong or not loose
            if _WHEN.match(segment):
                continue  # "si è svolto da gennaio 2024 a dicembre 2025": a time, not who did it
            clause = False
            listed = _split_items(segment)
            for i, item in enumerate(listed):
                if i + 1 < len(listed) and _FUNDS_RELATIVE.match(listed[i + 1]):
                    continue  # "grazie alla Fondazione X, che lo finanzia, e alla Cooperativa Y": a funder
                if _RELATIVE.match(item):
                    clause = True
                    continue
                name = _tidy(item)
                if clause and not (name and _ORGANISATION_LIKE.search(name)):
                    continue
                clause = False
                if name and loose and (not _ORGANISATION_LIKE.search(name) or (with_ and _OTHER_COMUNE.match(name))):
                    continue  # a loose cue's name must look like an organisation's ("con il Comune di X": no)
                add(name, s, body)
        if not named_orgs:
            continue
        spans = []
        for m in _NAMED_ORG.finditer(body):
            spans.append((m.start(), m.end()))
            name = _tidy(m.group(0))
            funder = _FUNDER.search(body[: m.start()]) or _SHARE_AFTER.match(body, m.end())
            funder = funder or _OBSERVER_AFTER.match(body, m.end())  # or an observer: "X (uditore)"
            funder = funder or _OTHER_ROLE.search(body[: m.start()]) or _FUNDS_AFTER.match(body, m.end())
            funder = funder or _FUNDS_RELATIVE.match(body[m.end() :].lstrip(" ,"))  # "X, che lo finanzia"
            if name and not any(comparable_name(name) in k for k in found) and not funder:
                add(name, s, body)
        for raw, start, end in organisations.named(body):
            if any(a <= start < b or start <= a < end for a, b in spans) or _FUNDER.search(body[:start]):
                continue
            if _OTHER_ROLE.search(body[:start]):
                continue
            if _SHARE_AFTER.match(body, end) or _OBSERVER_AFTER.match(body, end) or _FUNDS_AFTER.match(body, end):
                continue
            if _FUNDS_RELATIVE.match(body[end:].lstrip(" ,")):
                continue
            name = _tidy(raw)
            if name and not any(comparable_name(name) in k for k in found):
                add(name, s, body)
    return list(found.values())


def _name_with(body: str, cue: re.Match, loose: bool) -> bool:
    """A "con" that is no cue: inside a name ("A Tavola con lo Chef"), or naming a programme after a funder
    ("finanziato dalla Regione con il PR FSE+")."""
    if not loose or not cue.group(0).lower().startswith("con"):
        return False
    before = re.split(r"[,;:]", body[: cue.start()])[-1]
    last = before.split()[-1:] or [""]
    return bool((last[0][:1].isupper() and not _MUNICIPAL.search(before)) or _FUNDED.search(before))


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


# --- the partnership of a project sheet ---------------------------------------------------------------------
_SECTION = re.compile(r"(?:(?:^|\n)\s*(?:#{1,6}\s*)?|(?<=[.!?] ))(?:Partenariato(?:\s+(?:locale|territoriale|"
                      r"di\s+progetto|del\s+progetto))?|Partnership|"
                      r"Partner(?:s)?\s+(?:di|del)\s+progetto|Soggetti\s+partner|(?:Enti|Soggetti|Organizzazioni)\s+coinvolt[ie]|"
                      r"Partners?(?=[ \t]*:?[ \t]*(?:\n|[•\-][ \t]))|"
                      # a heading in capitals a passage's display glued to its first line: "PARTNER Cooperativa X"
                      r"(?-i:PARTNERS?|PARTENARIATO)(?=[ \t]+(?-i:[A-Z])))[ \t]*:?[ \t]*", re.I)  # fmt: skip
_INLINE_BULLET = re.compile(r"[ \t]+[•·\-*][ \t]+")
_ROLE_LINE = re.compile(r"^(?P<role>Capofila|Soggetto\s+proponente|Lead\s+partner|Partner|Co-?beneficiari?o?)\s*:\s*"
                        r"(?P<name>.*)$", re.I)  # fmt: skip
_BULLET = re.compile(r"^(?:[•·\-–*]|\d{1,2}[.)])\s*")
_OTHER_CITIES = re.compile(r"^(?:Comuni|Città|Municipalities)\b", re.I)


def partnership(text: str) -> list[PartnerFact]:
    """The organisations a "Partenariato:" section lists, one a line (bullets, "Capofila: ..."), several bullets
    run together on one line, or one name a paragraph, with their role; the list of member municipalities
    ("Comuni di: 1. Agrigento ...") is the network, not a partner."""
    out: list[PartnerFact] = []
    for m in _SECTION.finditer(text):
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
            role = _ROLE_LINE.match(line)
            bullet = _BULLET.match(line)
            end = start + len(raw.rstrip())
            if role:
                current = [start, end, role.group("name"), role.group("role").lower()]
                items.append(current)
            elif not items and len(_NUMBERED.split(line)) > 2:
                # a numbered list run on one line: "1. Cooperativa A (capofila) 2. Associazione B 3. C"
                for piece in _NUMBERED.split(line)[1:]:
                    current = [start, end, _item_name(re.sub(r"\s*\([^()]*\)", "", piece)), "partner di progetto"]
                    items.append(current)
                break
            elif bullet and not re.match(r"^\d", line):
                # One bullet a line, or several run together on one line ("- A - B", "• A • B").
                for piece in _INLINE_BULLET.split(line[bullet.end() :]):
                    current = [start, end, _item_name(piece), "partner di progetto"]
                    items.append(current)
            elif paragraph and all(i[3] == "paragraph" for i in items) and _paragraph_name(line):
                current = [start, end, line, "paragraph"]  # "Partner\n\nAzienda X\n\nCooperativa Y"
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
                parts = line.rstrip(" .").split(";") if ";" in line else _split_items(line)
                names = [_tidy(item) for item in parts]
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
            out.append(PartnerFact(organisation, clean(text[start:end]), start, end, kind))
    # ... and a partnership table ("Partner | Ruolo", a row per organisation) or row ("Partners | A; B; C")
    for raw, start, end, cell in partner_tables(text):
        name = _tidy(raw)
        if _NOT_A_PARTNER_ROLE.search(cell):
            continue  # a row whose role says it is no partner: a supporter, a funder, an observer, an evaluator
        if name and not (_MUNICIPAL.search(name) and re.search(r"capofila|lead|titolare|proponente", cell, re.I)):
            out.append(PartnerFact(name, clean(text[start:end]), start, end, cell))
    return out


# A role in a partnership table that is no partner's: "sostenitore" (a letter of support), a funder, an observer
_NOT_A_PARTNER_ROLE = re.compile(r"^\W*(?:sostenitor\w*|supporter|finanziator\w*|funder|uditor\w*|osservator\w*|"
                                 r"observer|valutator\w*|evaluator)\b", re.I)  # fmt: skip


def _paragraph_name(line: str) -> bool:
    """A short line of its own that is an organisation's name, not a sentence or the next heading (a heading is
    written in sentence case, "Durata e risorse"; a name in title case or opened by its kind, "Cooperativa ...")."""
    words = line.split()
    heading = len(words) >= 2 and all(w[:1].islower() for w in words[1:]) and not organisations.named(line)
    return not line.endswith((".", ":")) and len(words) <= 12 and not heading and _tidy(line) is not None


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


_OBSERVER_AFTER = re.compile(r"[^()\n,;]{0,25}[(,]\s*(?:in\s+qualit[àa]\s+di\s+)?(?:uditor|osservator|observer)", re.I)


# An attendee's role before the organisation it is held for: "coordinatore del progetto per la cooperativa X",
# "assistente sociale dell'Unité des Communes Y"
_ROLE_OF = re.compile(r"^(?:[a-zà-ù'’]+\s+){1,6}?(?:del|della|dello|dell['’]|dei|degli|delle|"
                      r"per\s+(?:il|la|l['’]|i|le))\s*(?=(?:cooperativa|associazione|fondazione)\s|[A-ZÀ-Ý])",
                      )  # fmt: skip


def attendees(text: str, city: str | None = None) -> list[PartnerFact]:
    """The organisations of an attendance list ("Presenti:"): a bullet "Name, role, Organisation" gives its last
    part when that is an organisation's name; a table row gives its first cell. The city's own offices and
    the network are left out, like everywhere else."""
    out: list[PartnerFact] = []
    own = fold(city) if city else None
    for m in _PRESENT.finditer(text):
        end = text.find("\n\n", m.end() + 1)
        # a list whose items a blank line separates ("- A, ...\n\n- B, ..."): to the first paragraph no item opens
        while end >= 0 and _ITEM.match(text[end:].lstrip("\n")) and text[m.end() : end].strip()[:1] in "-•*":
            nxt = text.find("\n\n", end + 2)
            end = nxt if nxt >= 0 else len(text)
        segment = text[m.end() : end if end >= 0 else len(text)].strip()
        if segment.startswith("|"):
            rows = [r.strip(" |\n") for r in _ROW.split(segment)]
            candidates = [r.split("|")[0].strip() for r in rows if r and not set(r) <= set("-:| ")][1:]  # no header
        elif _ITEM.match(segment):
            candidates = []
            for item in _ITEM.split(segment):
                if _OBSERVER.search(item):
                    continue  # who sat in to listen is not who works with the city
                item = re.sub(r"\s*\([^)]*\)\s*$", "", item.strip())
                last = _ROLE_OF.sub("", item.rsplit(", ", 1)[-1])  # "assistente sociale dell'Unité des Communes X"
                if re.match(r"(?:cooperativa|associazione|fondazione)\s", last):
                    last = last[0].upper() + last[1:]
                if re.search(rf"\b(?:{ORG_KEYWORDS})\b|\b[A-Z]{{2,}}\b|Comune\s+di\s", last):
                    candidates.append(last)  # else a person, or a person's role
        else:
            continue
        for candidate in candidates:
            name = _tidy(re.sub(r"^(?:rappresentant\w+|delegat\w+)\s+(?:del|della|dell['’]|dei|di)\s*", "", candidate))
            other = _OTHER_COMUNE.match(name or "")
            if not name or (other and (own is None or fold(other.group("place")).strip() == own)):
                continue
            at = text.find(candidate, m.end())
            out.append(PartnerFact(name, clean(candidate), at, at + len(candidate)))
    return out
