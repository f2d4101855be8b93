"""What the words around an organisation's name say of its role when it is no partner of the city: who pays ("con il
contributo della Fondazione X", "X (25.000 euro)", "X ha finanziato"), a funder's label in a table, an observer ("X
(uditore)"), and other roles said right before the name (where a service is housed, where people are sent, who
evaluates, who only teaches a course, whose call it is). Read by `knowledge.partners`."""

from __future__ import annotations

import re

# A relative clause after a listed name saying it pays: "la Fondazione X, che lo finanzia, e ..."
FUNDS_RELATIVE = re.compile(
    r"^(?:che|which|who)\s+(?:(?:lo|la|li|le|ne|l['’])\s*)?(?:(?:ha|hanno|has|have)\s+)?"
    r"(?:anche\s+|also\s+)?(?:co-?)?"
    r"(?:finanzia|finanziano|finanziato|paga|pagano|pagato|sponsorizza|sponsorizzato|funds|funded|"
    r"pays|paid)\b",
    re.I,
)  # fmt: skip (also in the past: "che ha finanziato gli arredi")
# Who pays is not a partner: "con il contributo della Fondazione X", "finanziato da".
FUNDER = re.compile(
    r"(?:(?:contribut\w*|finanziat\w*|finanziament\w*|sostegno(?:\s+economico)?|sponsor\w*|cofinanziat\w*)"
    r"\s+(?:\w+\s+){0,2}?(?:di|da|del|della|dello|dei|degli|delle|dal|dalla|dall['’])?|"
    r"(?:euro|€|EUR)\s+(?:\w+\s+){0,3}?(?:da|dal|dalla|dall['’]|dai|dagli|dalle|from)|"
    # a cost someone covers or pays: "La spesa, 9.000 euro per magliette, è stata coperta dalla Fondazione X"
    r"\b(?:copert|pagat|rimborsat)[oaie]\s+(?:\w+\s+){0,2}?(?:da|dal|dalla|dall['’]|dai|dagli|dalle)|"
    # the project itself supported by someone: "Il progetto è sostenuto dalla Fondazione X" (not the people it helps,
    # "le famiglie sono sostenute dalla cooperativa")
    r"\b(?:progett|iniziativ|servizi|sportell|attivit)\w*\s+(?:è|sono|viene|vengono)\s+(?:stat[oaie]\s+)?(?:anche\s+)?"
    r"sostenut[oaie]\s+(?:anche\s+)?(?:da|dal|dalla|dall['’]|dai|dagli|dalle)|"
    # a sum that comes from someone: "30.000 arrivano dalla Fondazione X", "il resto viene dalla Regione"
    r"(?:\d[\d.,]*|rest[oa]|restante)\s+(?:\w+\s+){0,2}?(?:arriv|proven|vien|vengon|giung)\w*\s+d(?:a|al|alla|all['’]|ai|agli|alle)|"
    # ... in English: "funded by the X Foundation", "a grant from", "with funding from", "sponsored by"
    r"\b(?:co-?funded|funded|financed|sponsored|paid\s+for)\s+(?:\w+\s+){0,2}?by(?:\s+the)?|"
    r"\b(?:grant|funding|financing|contribution)\b[^.;:]{0,40}?\bfrom(?:\s+the)?)\s*$|"
    # the rest of a funder's name after a comma: "221.000 euro dal Fondo Asilo, Migrazione e Integrazione"
    r"(?:euro|€|EUR)\s+(?:\w+\s+){0,3}?(?:da|dal|dalla|dall['’]|dai|dagli|dalle|from)\s+(?:[\w'’]+\s+){1,3}?[\w'’]+,\s*$",
    re.I,
)

# ... or its label in a table or form: "Ente finanziatore | Fondazione X", "Finanziatore: X", "Funder | X"
FUNDER_LABEL = re.compile(r"\b(?:co-?finanziator[ei]|finanziator[ei]|fonte\s+di\s+finanziamento|funders?|"
                           r"funding\s+body|(?:finanziat[oa]|co-?finanziat[oa])\s+da|(?:co-?)?funded\s+by)\s*[|:]\s*$",
                           re.I)  # fmt: skip

# An organisation named in another role than working with the city, said right before its name: where a service
# is housed ("nei locali della Parrocchia X", "presso"), where people are sent or accompanied ("accompagnate ai
# servizi sanitari dell'ASL X", "inviare gli elenchi all'Azienda USL"), who wrote an evaluation ("a cura del
# Dipartimento ... dell'Università X"), whose call funds it ("dal bando «Inclusione» della Fondazione X").
OTHER_ROLE = re.compile(
    r"(?:\b(?:nei|negli|nel|nella|nelle|nello|nell['’])\s*(?:locali|spazi|sede|sala|sale|struttura|cortile|chiostro|"
    r"giardino|palazzo|palazzina|edificio|immobile|salone|auditorium|teatro|aule|aula|piazzale|magazzin[oi]|"
    r"capannone|stanze|campo)\s+(?:di|del|della|dello|dell['’]|dei|degli)|"
    r"\bpresso\s+(?:il|lo|la|l['’]|i|gli|le)?|\bhosted\s+by(?:\s+the)?|\bon\s+the\s+premises\s+of(?:\s+the)?)\s*$|"
    r"\b(?:accompagnat\w*|accompagnare|accompagnament\w*|inviat\w*|inviare|indirizzat\w*|rinviat\w*|referred|sent|"
    r"frequent(?:a|ano|ato|ati|ate|ava|avano)|attend(?:s|ed|ing)?|"
    # ... or where they enrol: "26 sono state iscritte ai corsi di italiano del CPIA X", "enrolled in the courses of"
    r"iscritt[oaie]|enrolled)\b[^.;:]{0,60}$|"
    # whose plan or territory a service is part of: "si inserisce nel Piano di zona dell'Azienda ULSS X", "nei Comuni
    # del distretto Mirano-Dolo dell'Azienda ULSS X"
    r"(?:\bpian[oi]\s+(?:di\s+zona|social[ei]|regional[ei]|locale)|\b(?-i:distrett[oi]))\b[^.;:]{0,30}?"
    r"\b(?:di|del|della|dello|dell['’]|dei)\s*$|"
    r"\ba\s+cura\s+d(?:i|el|ella|ello|ell['’]|ei|egli|elle)\b[^.;:]{0,80}$|"
    # who teaches a course or trains people, by itself or by its teachers: "il corso, tenuto dai docenti
    # dell'Università X", "i corsi serali (tenuti dal Centro Y)", "volontari formati dall'associazione Z", "taught by
    # lecturers of the University of W": a provider of teaching, no partner unless a cue or a list says so
    r"\b(?:tenut[oaie]|insegnat[oaie]|impartit[oaie]|format[ie]|addestrat[ie]|taught|trained)\s+(?:\w+\s+){0,2}?"
    r"(?:da|dal|dalla|dallo|dall['’]|dai|dagli|dalle|by)\s*(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)?"
    r"(?:(?:docenti|insegnanti|formatori|formatrici|esperti|esperte|ricercatori|ricercatrici|teachers|trainers|"
    r"lecturers|experts|staff)\s+(?:\w+\s+)?(?:del|della|dello|dell['’]|dei|degli|delle|di|of(?:\s+the)?|"
    r"from(?:\s+the)?)\s*)?(?:(?:centro|istituto|scuola|ente|agenzia)\s+)?$|"
    # whose data or estimate a sentence quotes: "Secondo i dati della Caritas X", "according to the Caritas"
    r"\b(?:secondo|stando\s+a|according\s+to)\s+(?:(?:i|gli|le|la|il|l['’]|the)\s*)?(?:(?:dati|stime|numeri|rilevazioni|"
    r"data|figures|estimates)\s+)?(?:del|della|dello|dell['’]|dei|degli|delle|of\s+the|of|from\s+the|from)?\s*$|"
    # someone unnamed from the organisation, an attendee or a guest: "una volontaria della Caritas X"
    r"\b(?:un|una|un['’])\s*(?:volontari[oa]|funzionari[oa]|referente|rappresentante|delegat[oa]|operat(?:ore|rice)|"
    r"dipendente|responsabile|esperto|esperta|educat(?:ore|rice))\s+(?:del|della|dello|dell['’]|dei|degli|delle)\s*$|"
    # who a recommendation or a proposal for later names: "The evaluators recommend ... negotiating with the Regional
    # Housing Agency (ATERP X)", "si raccomanda di coinvolgere l'ASL"
    r"\b(?:recommend\w*|raccomand\w*|suggest\w*|suggeri\w*)\b[^.;:]{0,160}$|"
    r"\bletter[ae]\s+di\s+(?:sostegno|supporto|adesione|gradimento)\b[^.;:]{0,150}$|\bletters?\s+of\s+support\b[^.;:]{0,150}$|"
    # whose call it is: "dal bando «Inclusione» della Fondazione X", a form's head "Bando «Scuola» 2026 – Fondazione Y"
    r"\bband[oi]\b[^.;:]{0,40}?(?:\b(?:di|del|della|dello|dell['’]|dei|degli|delle)|\s[–—-])\s*$",
    re.I,
)

# With whom the people a service helps deal themselves, said before "con"/"with": "un operatore li affianca nei
# rapporti con il Centro per l'impiego", "per 37 di loro è stato costruito un progetto individuale con il Centro per
# l'impiego", "un colloquio con l'ASL", "in their dealings with the job centre": where people go, no partner
DEALS_WITH = re.compile(r"\b(?:(?:nei|nel|ai|negli)\s+rapport[oi]|colloqui?o?|appuntament[oi]|"
                        r"progett[oi]\s+individual[ei]|(?:their|its)\s+dealings|appointments?|interviews?)\s+"
                        r"(?:con|with)\s*(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)?$", re.I)  # fmt: skip
# Who an evaluation is entrusted to or carried out by: "La valutazione è stata affidata all'Università di X",
# "the evaluation was carried out by the University of X": an evaluator, no partner
EVALUATED_BY = re.compile(
    r"\b(?:valutazion[ei]|evaluation|assessment)\b[^.;:]{0,40}?"
    r"\b(?:affidat[oaie]|svolt[oaie]|condott[oaie]|realizzat[oaie]|curat[oaie]|entrusted|carried\s+out|conducted|"
    r"done|made)\s+(?:\w+\s+){0,2}?(?:a|al|alla|all['’]|ai|agli|alle|da|dal|dalla|dall['’]|dai|to|by)\s*"
    r"(?:(?:il|lo|la|i|gli|le|the)\s+)?$",
    re.I,
)
FUNDED = re.compile(r"\b(?:co-?finanziat|finanziat|sostenut|pagat|sponsorizzat)\w*\b", re.I)
# Who pays, said after the name in its clause: "La Regione e la Fondazione X hanno finanziato il progetto".
FUNDS_AFTER = re.compile(r"[^.;:,]{0,80}?\b(?:hanno|ha|che\s+ha|che\s+hanno)\s+(?:anche\s+)?(?:co-?finanziat|"
                          r"finanziat|sponsorizzat|erogat)\w*|"
                          # ... in the present: "La Fondazione X finanzia il progetto e ne segue il monitoraggio"
                          r"[^.;:,]{0,80}?\b(?:co-?finanzia(?:no)?|finanzia(?:no)?|funds|sponsorizza(?:no)?)\b|"
                          # ... or by the sum it gives: "La Fondazione X ha coperto 98.000 euro", "mette 40.000 euro"
                          r"\s+(?:(?:ha|hanno)\s+(?:coperto|messo|dato|stanziato|erogato|versato|donato)|copre|coprono|"
                          r"mette|mettono|stanzia|eroga|versa|dona|provided|gave|contributed)\s+(?:\w+\s+){0,2}?"
                          r"(?:€\s*|EUR\s*)?\d[\d.,]*\s*(?:mila\s+)?(?:euro|€|EUR)?(?!\s*(?:persone|posti|ore))|"
                          # ... or by a verb of support whose clause gives a sum: "La Fondazione X ha sostenuto la
                          # ristrutturazione con 100.000 euro", "supported the flats with EUR 50,000"
                          r"\s+(?:(?:ha|hanno|has|have)\s+)?(?:sostenut[oa]|sostiene|sostengono|supportat[oa]|supported|"
                          r"supports)\b[^.;:,]{0,80}?(?:€\s*|EUR\s*)?\d[\d.,]*\s*(?:mila\s+)?(?:euro|€|EUR)|"
                          # ... or who evaluates it: "L'Università di X seguirà la valutazione"
                          r"[^.;:,]{0,40}?\b(?:segu|cur|condu|svolg|far)\w*\s+(?:anche\s+)?(?:la\s+)?valutazione\b",
                          re.I)  # fmt: skip
# A sum in parentheses right after a name is what that body gives: a funder's share, "Fondazione X (25.000 euro)".
# ... each's when a sum is shared ("divisi a metà tra il Comune e la Fondazione X (9.000 euro ciascuno)"); and a sum
# right after a name in a list of shares is that body's, its verb said once ("la Regione ne copre 210.000, la
# Fondazione X 80.000 e ...")
SHARE_AFTER = re.compile(
    r"\s*\(\s*(?:€|EUR)?\s*\d[\d.,\s]*(?:mila\s+)?(?:euro|€|EUR)?\s*(?:ciascun[oa]|each)?\s*\)|"
    r"\s+(?:€\s*|EUR\s*)?\d{1,3}(?:[.,]\d{3})+(?:,\d{2})?(?:\s*(?:euro|€))?(?=\s*(?:,|;|\.|e\s|and\s|$))"
)


# An attendee or a named organisation marked as an observer: "X (uditore)", "Y, in qualità di osservatore".
OBSERVER_AFTER = re.compile(r"[^()\n,;]{0,25}[(,]\s*(?:in\s+qualit[àa]\s+di\s+)?(?:uditor|osservator|observer)", re.I)
# ... or a table row's next cell saying the one there for it is a guest or an observer: "| Nome | Ente | Ruolo |" over
# "| A. Rossi | Caritas X | invitata per il punto 3 |"
GUEST_CELL = re.compile(r"[ \t]*\|[ \t]*(?:(?:ospite|guest)\b|(?:invitat[oaie]|invited|uditor\w*|uditric\w*|"
                        r"osservat(?:or|ric)\w*|observers?)\b)", re.I)  # fmt: skip


# Who lends things and does nothing else in its clause, said right after its name: "L'ARCI di X ha messo a disposizione
# le attrezzature per le serate", "la parrocchia Y presta il furgone" (not "ha offerto conti ... e ha messo a
# disposizione la filiale", nor who lends people, "istruttori e veicoli")
LENDS_AFTER = re.compile(
    # the other names of the verb's subject first: "Lo IACP X e il CPIA Y hanno messo a disposizione gli spazi"
    r"(?:(?:\s*,|\s+(?:e|ed|and))\s+(?:(?:il|lo|la|i|gli|le|the)\s+|l['’]\s*)?(?-i:[A-ZÀ-Ý])[\w'’.-]*"
    r"(?:\s+(?:di|del|della|of)?\s*(?-i:[A-ZÀ-Ý0-9])[\w'’.-]*)*)*"
    r"\s+(?:(?:ha|hanno|has|have)\s+)?(?:anche\s+|also\s+)?(?:(?:messo|mette|mettono)\s+a\s+disposizione|prest(?:a|ano|ato)|"
    r"concess[oi]\s+in\s+(?:uso|comodato)|concede|lends|lent|loaned|loans)\s+(?:(?:le|i|gli|la|il|lo|l['’]|the|its|their|"
    r"propri[oaie]|suoi|sue|gratuitamente|free\s+of\s+charge)\s*)*"
    r"(?:attrezzatur[ae]|material[ei]|navett[ae]|furgon[ei]|pulmin[oi]|veicol[oi]|mezzi|aule|aula|locali|spazi|spazio|"
    r"sala|sale|stanze|stanza|impianti|strumenti|equipment|vans?|vehicles?|shuttles?|premises|rooms?|hall)\b"
    r"(?![^.;]*\s(?:e|ed|and)\s+(?:(?:ha|hanno|has|have)\s+)?(?:offert|offre|gestisc|gestit|cur[ao]|coordin|segu|"
    r"organizz|realizz|accompagn|tien[ei]|run|manag|coordinat|organi[sz]))",
    re.I,
)


# ... or who holds a course or lends its teachers and does nothing else in its clause, said after its name: "l'Istituto
# comprensivo X ha curato i corsi di italiano", "il CPIA Y collabora con i suoi docenti ai corsi", "la scuola Z e il
# circolo didattico collaborano mettendo a disposizione aule e insegnanti" (a provider of teaching, like `OTHER_ROLE`'s
# "tenuto dai docenti di X"; not who also runs something, "tiene i corsi e gestisce lo sportello")
TEACHES_AFTER = re.compile(
    r"[^.;:]{0,60}?\s(?:(?:(?:ha|hanno)\s+)?(?:curat[oi]|tenut[oi]|cura|curano|tiene|tengono)\s+(?:anche\s+)?"
    r"(?:i|il|le|gli)\s+(?:corsi|corso|lezioni|moduli)\b|"
    r"collabor\w*\s+con\s+(?:i\s+)?(?:suoi|propri|loro)\s+(?:docenti|insegnanti|formatori)\b|"
    r"(?:mett\w*|(?:ha|hanno)\s+mess[oi])\s+a\s+disposizione\s+(?:(?:i\s+|gli\s+|le\s+)?[\w'’]+\s+(?:e|ed)\s+)?"
    r"(?:(?:i|gli|propri|suoi)\s+)?(?:docenti|insegnanti|formatori)\b|"
    r"(?:taught|teaches|teach|held|holds)\s+(?:the\s+)?(?:\w+\s+)?(?:courses?|classes|lessons)\b|"
    r"(?:provided|provides|lent|lends)\s+(?:its\s+|their\s+)?(?:teachers|trainers)\b)"
    r"(?![^.;]*\s(?:e|ed|and)\s+(?:(?:ha|hanno|has|have)\s+)?(?:offert|offre|gestisc|gestit|coordin|segu|organizz|"
    r"realizz|accompagn|run|manag|coordinat|organi[sz]))",
    re.I,
)


def other_role(body: str, start: int, end: int) -> bool:
    """Whether the words around the name at body[start:end] say it pays, observes or has another role than working
    with the city."""
    before = body[:start]
    after = (SHARE_AFTER, OBSERVER_AFTER, GUEST_CELL, FUNDS_AFTER, LENDS_AFTER, TEACHES_AFTER)
    return bool(FUNDER.search(before) or FUNDER_LABEL.search(before) or OTHER_ROLE.search(before)
                or DEALS_WITH.search(before) or EVALUATED_BY.search(before) or any(p.match(body, end) for p in after)
                or FUNDS_RELATIVE.match(body[end:].lstrip(" ,")))  # fmt: skip
