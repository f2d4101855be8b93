"""Amounts of money in a sentence, with what they are: the total, what a funder gives, the co-financing, the
city's share, a part of a total, a sum per person or month (a figure, never the budget), what the people served pay
(neither). The words right after a sum label it first ("€ 30.000 di cofinanziamento"), then the words before it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.cues import PART
from knowledge.figures import number

# Italian "180.000,00" or English "180,000.00" (an English report writes its sums the English way).
_AMOUNT_NUM = r"(?P<num>\d{1,3}(?:[.\s]\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:,\d{1,2})?)"
_AMOUNT = re.compile(
    # the currency before the sum, also as a word: "€ 30.000", "EUR 45,000", an act's "pari a euro 36.000,00"
    rf"(?:(?:€|EUR(?:O\b)?)\s*{_AMOUNT_NUM}(?:\s*(?P<mil>milioni|mila))?|{_AMOUNT_NUM.replace('num', 'num2')}"
    rf"(?:\s*(?P<mil2>milioni|mila))?\s*(?:di\s+)?(?:euros?\b|EUR\b|€))",  # "17.650,00 €" (no word after €)
    re.I,
)
# A label then a bare number: "Costo totale del progetto: 11.434.653,45".
# A table row read as text is the same: "Totale progetto | 250.000,00", "Cofinanziamento Comune | 37.500,00".
_LABELLED = re.compile(
    r"(?P<label>(?:costo|importo|budget|valore|finanziamento|cofinanziamento|co-finanziamento|contributo|"
    r"quota|totale)(?:(?!euro|€)[^:|\n]){0,80})[:|]\s*(?:€\s*)?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{2})",
    re.I,
)
# What the people served pay ("contribuiscono alle spese con una quota mensile di 80 euro", "pagano un canone"):
# neither what the practice gave nor its budget.
_PAID_BY_THEM = re.compile(
    r"\b(?:contribuisc\w+|contribuiv\w+|pag(?:a|ano|ava|avano)|vers(?:a|ano|ava|avano)|pay|pays|paid)\b|"
    r"\b(?:quota|canone|retta|affitto)\s+(?:mensile|settimanale|annu[ao]|di\s+partecipazione)\b|"
    r"\ba\s+carico\s+(?:dei|degli|delle)\s+(?:ospiti|ragazzi|beneficiari|inquilini|famiglie|utenti)\b",
    re.I,
)
# A sum per person, per month or on average is what a practice gives each one: a figure, never the budget.
_PER_UNIT = re.compile(
    r"\b(?:medi[oa]|mensil[ei]|al\s+mese|a\s+persona|pro\s+capite|a\s+testa|per\s+(?:ciascun[oa]?|ogni|"
    r"famiglia|nucleo|persona|beneficiari[oa])|average|monthly|per\s+(?:month|person|family)|"
    # a lump sum each one gets once: "riceve dal Comune 1.500 euro una tantum", "a one-off grant of EUR 500"
    r"una\s+tantum|one-?off)\b",
    re.I,
)
# ... or said right after the sum: "2.300 euro ciascuno", "EUR 250 a month", "500 euro a settimana"
_PER_UNIT_AFTER = re.compile(
    r"^\s*(?:ciascun[oa]|cadauno|each|a\s+testa|a\s+persona|a\s+famiglia|a\s+(?:month|week|day)|"
    r"a\s+settimana|al\s+giorno|per\s+(?:month|week|day))\b",
    re.I,
)
# One year's sum of several is not the project's total: "è costato nel primo anno 38.000 euro"; a yearly sum is
# (a service's "Costa 35.000 euro l'anno"), unless the people served pay it ("paga 20 euro l'anno per l'acqua").
_FIRST_YEAR = re.compile(r"\b(?:nel|il|al|per\s+il)\s+(?:primo|secondo|terzo)\s+anno\b|"
                         r"\bin\s+the\s+(?:first|second)\s+year\b", re.I)  # fmt: skip
_PER_YEAR = re.compile(r"\bannu[oaie]\b|\bper\s+year\b|\ba\s+year\b|\bogni\s+anno\b|\bper\s+anno\b|"
                       r"\b(?:al)?l['’]anno\b", re.I)  # fmt: skip
# What was spent or reported is not the budget: "la spesa rendicontata ammonta a", "le economie", "spent"
_SPENT = re.compile(r"\bspes[ae]\s+(?:rendicontat|sostenut|effettiv|liquidat)\w*|\brendicont\w*|\bspeso\b|\bspent\b|"
                    r"\beconomie\b|\bexpenditure\b", re.I)  # fmt: skip
# ... and what remains of a total after a share ("la Regione trasferisce i restanti 558.000 euro") is a part of it
_REMAINING = re.compile(r"\b(?:i\s+|gli\s+|le\s+)?(?:restant[ei]|rimanent[ei]|remaining)\s*$", re.I)
# A number without its currency after a sum in euro, the rest of its sentence saying whose money it is: "costa
# 145.000 euro: 120.000 arrivano dalla Regione e 25.000 sono messi dal Comune", "di cui 62.000 a carico del bilancio"
_BARE = re.compile(
    r"(?<![\d.,€\w])(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+)(?![\d.,]*\s*(?:%|euros?\b|€|EUR\b))"
    r"(?![.,]?\d)"
)  # fmt: skip (an English report's "15,000 of which ...")
# A sum its sentence says is outside the project's cost or budget: "lavori pagati con 310.000 euro di fondi PNRR, che
# non rientrano nel costo del progetto", "esclusi dal quadro economico", "not included in the project's budget"
_OUTSIDE = re.compile(
    r"\bnon\s+(?:rientr\w+|(?:sono|è|vengono|viene|sono\s+stat[ie]|è\s+stat[oa])\s+(?:compres|inclus|contat|conteggiat|"
    r"calcolat)\w*)\s+(?:nel|nella|nei|negli|in|tra|fra)\s+(?:(?:il|lo|la|i|gli|le|l['’])\s*)?(?:[a-zà-ù]+\s+){0,2}?"
    r"(?:costo|costi|budget|bilancio|totale|quadro\s+economico|spesa|piano\s+finanziario)\b|"
    r"\b(?:esclus[oaie]|fuori)\s+dal(?:l['’])?\s*(?:costo|budget|bilancio|totale|quadro\s+economico|piano\s+finanziario)\b|"
    r"\bnot\s+(?:included|counted|part)\s+(?:in|of)\s+the\s+(?:project['’]s\s+)?(?:cost|budget|total)\b",
    re.I,
)
_ANOTHER_PREDICATE = re.compile(r"\b(?:e|ed|ma|mentre|and|but|while|whereas)\s", re.I)
# A sentence opening with the sum of the sentence before as what it shares out: "Di questi, ...", "Of this sum, ..."
_OF_THESE = re.compile(r"^\W*(?:di\s+quest[ieao]|di\s+tale\s+(?:somma|importo|cifra)|di\s+questa\s+(?:somma|cifra)|"
                       r"of\s+th(?:is|ese|at)(?:\s+(?:sum|amount|total))?)\s*[,:]", re.I)  # fmt: skip
# ... whose plain numbers are money, not a count of something named right after them
_COUNTED_AFTER = re.compile(r"\s+(?:persone|famiglie|nuclei|posti|ore|utenti|abitanti|alloggi|people|persons|families|"
                            r"places|hours)\b", re.I)  # fmt: skip
# An organisation's own accounts are not a project's budget: "il valore della produzione è stato di 6.412.000 euro",
# "nel 2025 le entrate complessive sono state di 231.000 euro".
_OWN_ACCOUNTS = re.compile(r"\b(?:valore\s+della\s+produzione|fatturato|ricavi|entrate|turnover|revenues?)\b",
                           re.I)  # fmt: skip
AMOUNT_KINDS = (
    # The municipality's own share of a project others fund is its co-financing ("di cui 20.000 euro a carico
    # del Comune").
    (
        "cofinancing",
        re.compile(
            r"co-?finanziament|cofinanced|co-financ|a\s+carico\s+dell?['’]?\s*(?:comune|ente|"
            r"amministrazione|bilancio\s+comunale|bilancio\s+del(?:l['’])?\s*(?:comune|ente))|"
            # the municipality's own money in other words: "fondi (propri) del Comune", "messi dalla Città",
            # "li mette il Comune", "from the city's own budget"
            r"bilancio\s+comunale|"
            # its own money, whatever the noun: "quota propria", "fondi propri", "risorse proprie", "propria quota"
            r"\b(?:quota|fondi|risorse|contributo|mezzi)\s+propri[oaie]?\b|\bpropri[oaie]?\s+(?:quota|fondi|risorse|"
            r"contributo|mezzi)\b|"
            # "18.500 euro di fondi comunali", "12.000 sono la parte del Comune"
            r"(?:fondi|risorse)\s+comunali|\b(?:fondo|risorsa)\s+comunale\b|\bparte\s+(?:del|a\s+carico\s+del)\s+comune\b|"
            # "la compartecipazione comunale", "quota di compartecipazione del Comune", "match funding from the City"
            r"compartecipazione\s+(?:comunale|del(?:l['’])?\s*(?:comune|ente))|\bmatch(?:ing)?\s+fund\w*|"
            # "EUR 20,000 from the municipal budget", "of municipal funds", "a municipal contribution of"
            r"\bmunicipal\s+(?:budget|funds|resources|contribution|co-?financing|co-?funding)\b|"
            # "dal bilancio del Comune di X", "di quota comunale" (the municipality's quota, an adjective: its own)
            r"bilancio\s+del(?:l['’])?\s*(?:comune|ente)\b|quota\s+comunale|"
            r"(?:city|municipality)['’]s\s+own(?:\s+(?:contribution|budget|funds|resources|share))?|"
            # "the Municipality's share (EUR 15,000)", "the City's in-kind contribution"
            r"(?:city|municipality|council)['’]s\s+(?:in-kind\s+)?(?:share|contribution|part|co-?financing)|"
            # the sum taken up by a pronoun, the municipality the subject of its verb, whatever the verb: "5.000 euro
            # li mette il Comune", "12.000 li ha stanziati il Comune di X", "36.000 euro li ha iscritti il Comune"
            r"\bl[aei]?\s+(?:ha\s+|hanno\s+)?[a-zà-ù]+\s+(?:il\s+comune|la\s+citt[àa]|l['’]\s*amministrazione)"
            r"(?!\s+(?:metropolitan|regional|provincial|central|statal))|"
            # its own revenue or surplus: "con proprie entrate da canoni", "presi dall'avanzo di amministrazione"
            r"\b(?:proprie\s+entrate|entrate\s+proprie|avanzo\s+di\s+amministrazione)\b|"
            # "dal proprio bilancio", "own contribution of the Municipality", "of its own budget"
            r"propri[oa]\s+bilancio|\bown\s+(?:contribution|budget|funds|resources)\b",
            re.I,
        ),
    ),
    ("city_share", re.compile(r"quota\s+(?:per\s+il|del)\s+comune|assegnat\w+\s+al\s+comune", re.I)),
    ("funded", re.compile(r"finanziat|(?<!co)(?<!co-)finanziament|contribut|funded|grant", re.I)),
    ("total", re.compile(r"totale|complessiv|budget|costo|valore|importo|total", re.I)),
)


# The municipality giving its share, its verb right before the sum: "il Comune ha contribuito con 18.500 euro", "il
# Comune di X concorre con 22.000 euro propri", "la Città ci mette di suo 41.200 euro" (a share of what others fund;
# "il Comune ha stanziato 28.000 euro" says who pays the whole, not a share).
_COMUNE_GIVES = re.compile(
    r"\b(?:(?:il|del|dal)\s+comune(?:\s+di\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,3}?)?|la\s+citt[àa](?!\s+metropolitan)|"
    r"l['’]\s*amministrazione(?:\s+comunale)?|the\s+(?:municipality|city))\s+(?:"
    # ... whatever the verb when a pronoun says the sum is part of the whole or added to it: "il Comune ne copre
    # 15.000", "il Comune ci aggiunge 14.000 euro", "il Comune ne mette 20.000"
    r"(?:ci|ne|vi)\s+(?:ha\s+|hanno\s+)?[a-zà-ù]+|(?:ha\s+|hanno\s+)?"
    r"(?:contribuit[oa]|contribuisce|concorre|partecipa|aggiunge|mette|cofinanzia|contributes|contributed|adds|added|"
    r"provides|provided|covers|covered|puts\s+in|put\s+in))\s+"
    r"(?:di\s+suo\s+|con\s+|per\s+|with\s+)?(?:(?:una\s+quota|un\s+contributo|a\s+share|a\s+contribution)\s+"
    r"(?:di|of)\s+)?(?:(?:altri|ulteriori|another)\s+)?$",
    re.I,
)


# ... or another source: "31.000 euro dal Consorzio", "dalla Regione", "from the Foundation"
# ... said with its verb: "50.000 arrivano dalla Fondazione X" (not the municipality: "arrivano dal Comune")
_FROM_ANOTHER = re.compile(r"\s+(?:(?:arriv\w+|proveng\w+|provien\w+|vengono|viene|giung\w+|comes?)\s+)?"
                           r"(?:(?:da[li]?|dalla|from)\b|dall['’])\s*(?!(?:il\s+|the\s+)?(?:comune|citt[àa]|municipality|"
                           r"city|council)\b)\w", re.I)  # fmt: skip


# Whose money a sum is, read from its own clause: the municipality (its council, its administration) as the agent of
# the sum's verb, its owner, or the subject a pronoun takes the sum up for, whatever the verb.
_COMUNE = (r"(?:(?:il|lo|la|the)\s+|l['’]\s*)?(?:comune|municipality|city|council|citt[àa]|"
           # its organs: "stanziati dal Consiglio comunale", "dalla Giunta comunale"
           r"consiglio\s+comunale|giunta(?!\s+regionale)(?:\s+comunale)?|"
           r"amministrazione(?:\s+comunale)?)\b(?!\s+(?:metropolitan|regional|provincial|central|statal))")  # fmt: skip
# ... and its place's name after it, if written: "il Comune di Reggio Emilia", "the City of Forlì"
_OF_PLACE = r"(?:\s+(?:di|of)\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2})?"
_COMUNE_CLAUSE = re.compile(
    # the agent of a passive: "(, EUR 147,080,) was borne by the Municipality", "è stato coperto dal Comune"
    # ... also the second of two predicates of the sum's subject: "La quota, pari a 19.600 euro, resta a carico del
    # proponente ed è garantita dal Comune" (no number between: "... dalla Regione e 20.000 sono messi dal Comune")
    rf"^,?\s*(?:[^.;:\d]{{0,80}}?\s(?:e|ed|and)\s+)?"
    rf"(?:{PART}\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|will\s+be|è|sono|viene|vengono|verrà|"
    rf"verranno|sarà|saranno)\s+)?(?:stat[oaie]\s+)?(?:[a-zà-ù-]+\s+){{0,3}}?(?:by|da|dal|dalla|dall['’])\s*{_COMUNE}|"
    # its owner or source: "sono risorse dell'Amministrazione comunale", "are funds of the City", "fondi propri del
    # Comune", "(di cui 30.000 euro) del Comune", "arrivano dal Comune", "comes from the Municipality"
    rf"^\s*(?:(?:sono|è|are|is|were|was|rappresentano|costituiscono|arriv\w+|proveng\w+|provien\w+|vengono|viene|"
    rf"giung\w+|comes?|came)\s+)?(?:(?:le|i|gli|la|il|lo|l['’]|the)\s*)?(?:(?:risorse|fondi|soldi|mezzi|quota|parte|"
    rf"resources|funds|"
    rf"money|share)\s+(?:propri[oaie]?\s+)?)?(?:del|dello|della|dell['’]|dal|dalla|dall['’]|of\s+the|from\s+the|from)"
    rf"\s*{_COMUNE}(?!\s+(?:di|of)\s+[A-ZÀ-Ý][\w'’-]*\s+(?:e|and)\b)|"
    # the subject a pronoun takes the sum up for: "gli altri 80.000 euro il Comune li ha trovati nel proprio bilancio"
    rf"^\s*{_COMUNE}(?:\s+di\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,2}})?\s+(?:l[aeio]|l['’]|ne|ci)\s*"
    rf"(?:ha|hanno|aveva|avevano)?\s*[a-zà-ù]+|"
    # ... the pronoun and its verb first, the municipality their subject after them: "la parte restante, 15.000 euro, la
    # copre il Comune con fondi propri"
    rf"^,?\s*(?:l[aeio]|l['’]|ne|ci)\s*(?:(?:ha|hanno)\s+)?[a-zà-ù]+\s+{_COMUNE}|"
    # ... or no verb at all, a list of shares whose verb was said once, each sum then whose it is: "150.000 li mette la
    # Regione, 20.000 un gruppo di imprese e i restanti 28.000 il Comune di X, che ..."
    rf"^\s*(?:euro\s+)?{_COMUNE}(?:\s+(?:di|of)\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,2}})?\s*(?:,|$)",
    re.I,
)
# ... or the municipality among those a sum is shared between, each's part said after it: "divisi a metà tra il Comune
# di X e la Fondazione Y (9.000 euro ciascuno)", "split equally between the Municipality and Z (EUR 9,000 each)"
_SHARED_WITH_COMUNE = re.compile(rf"\b(?:divis|ripartit|suddivis|split|shared)\w*\b[^.;:]{{0,40}}?\b(?:tra|fra|between)"
                                 rf"\b[^.;:()]{{0,80}}?\b{_COMUNE}[^.;:()]{{0,80}}\(\s*$", re.I)  # fmt: skip
_EACH = re.compile(r"^\s*(?:ciascun[oa]|cadauno|each|a\s+testa|per\s+parte)\b", re.I)


# ... or the municipality named right before the sum in a list of shares whose verb is said once: "la Regione ne mette
# 80.000 e il Comune 20.000", "the Region EUR 80,000 and the City EUR 20,000"
_COMUNE_ELLIPSIS = re.compile(rf"(?:,|\b(?:e|ed|and))\s+{_COMUNE}{_OF_PLACE}\s*(?:€|EUR)?\s*$", re.I)  # fmt: skip
# ... or the municipality the subject of a verb of paying whose clause gives the sum as what it pays with: "Il Comune
# ha cofinanziato il progetto con 20.000 euro", "The City of X contributed EUR 20,000" (its object is the whole:
# "il Comune ha stanziato 118.000 euro, di cui 38.000 dal proprio bilancio e il resto dalla Prefettura")
_COMUNE_PAYS = re.compile(
    rf"\b{_COMUNE}{_OF_PLACE}\s+(?:(?:ha|hanno|has|have)\s+)?"
    r"(?:(?:co-?finanzi|finanzi|contribui|paid|pays|pag|cover|stanzi|destin|invest|co-?fund|fund)\w*"
    r"[^.;:,]{0,50}?\b(?:con|per|with)\s+|contribut(?:ed|es)\s+)"
    r"(?:(?:altri|ulteriori|another|the\s+remaining|i\s+restanti)\s+)?(?:€|EUR)?\s*$",
    re.I,
)


# ... or the means it is paid with, right after it, the municipality's own: "per la parte restante, pari a euro
# 34.000,00, con risorse del bilancio comunale", "EUR 20,000, from the municipal budget"
_OWN_MEANS = re.compile(
    r"^\s*,?\s*(?:(?:è|sono|viene|vengono|is|are)\s+(?:stat[oaie]\s+)?(?:copert|finanziat|pagat|"
    r"garantit|covered|paid|funded)\w*\s+)?"  # "..., 41.000 euro, è coperta con il fondo comunale"
    r"(?:con|attraverso|mediante|tramite|coperti\s+con|with|from|through)\s+"
    r"(?:[^,;.]|\.(?=\d)){0,70}"
)  # fmt: skip (a number's point is no clause's end)
# ... or the municipality covering the rest, its means between its verb and the sum: "il Comune di X ha coperto con
# proprie entrate da canoni i restanti 58.000 euro", "the City covered the remaining EUR 20,000"
_COMUNE_COVERS_REST = re.compile(
    rf"\b{_COMUNE}{_OF_PLACE}\s+(?:(?:ha|hanno|has|have)\s+)?(?:copert|cope|pagat|paga|mess|mette|garantit|garantisce|"
    r"assicurat|assicura|covered|covers|paid|pays|provided|provides)\w*\s+(?:[^.;:,]{0,60}?\s+)?"
    r"(?:i\s+restanti|i\s+rimanenti|gli\s+altri|la\s+parte\s+restante(?:,\s+pari\s+a)?|the\s+remaining|the\s+rest(?:,)?)\s*"
    r"(?:(?:€|EUR)\s*|euro\s+)?$",
    re.I,
)


def comune_money(sentence: str, start: int, end: int) -> bool:
    """Whether the sum at `start:end` is the municipality's own, by what its clause says of it (`_COMUNE_CLAUSE`,
    `_COMUNE_PAYS`, `_COMUNE_ELLIPSIS`) or by a share between the municipality and others (`_SHARED_WITH_COMUNE`)."""
    tail = re.split(r"[;:.](?:\s|$)", sentence[end : end + 160])[0]
    tail = re.sub(r"^\s*\)", "", tail)  # a sum in brackets after its share: "il restante 15% (15.000 euro) è ..."
    if _COMUNE_CLAUSE.match(tail):
        return True
    before = re.split(r"[;:.](?:\s|$)", sentence[max(0, start - 160) : start])[-1]
    if _COMUNE_PAYS.search(before) or _COMUNE_ELLIPSIS.search(before) or _COMUNE_COVERS_REST.search(before):
        return True
    means = _OWN_MEANS.match(tail)
    if means and AMOUNT_KINDS[0][1].search(means.group(0)) and not re.search(r"\d[.,]\d{3}|€|\beuro", means.group(0)):
        return True  # (not another sum's own words: "(25.000 euro), con un cofinanziamento comunale di 15.000 euro")
    return bool(_EACH.match(tail) and _SHARED_WITH_COMUNE.search(sentence[max(0, start - 200) : start]))


@dataclass(frozen=True)
class AmountFact:
    value: float
    kind: str  # total, funded, cofinancing, city_share
    label: str
    text: str
    start: int
    end: int
    table: bool = False  # read from a budget's table by its row and column (`knowledge.budget_tables`)


# An average says what the practice gave each one ("un importo medio di 1.150 euro"): a result. A monthly allowance
# or a ceiling ("500 euro al mese", "fino a 250 euro") is a rule of the scheme, not what it achieved.
_AVERAGE = re.compile(r"\bmedi[oa]\b|\bin\s+media\b|\baverage\b|\bon\s+average\b", re.I)


# A spreadsheet's key-value row read across a sentence break: "Voce: Costo complessivo; Dato: € 330.600,00" is cut at
# the semicolon, so the sum's sentence opens with the value's key and its label is the sentence before.
_VALUE_KEY = re.compile(r"^\W*(?:dato|valore|value|importo|amount|cifra|euro)\s*:?\s*$", re.I)


# ... and a value key naming its currency, then a plain number: "Importo (euro): 27600" (a workbook's funding sheet,
# its source in the cell before: "Fonte: Cofinanziamento del Comune di X; Importo (euro): 27600").
_KEY_IN_CURRENCY = re.compile(
    r"^\W*(?:importo|amount|valore|value|dato|cifra|costo|cost)\s*\(\s*(?:euro|€|eur)\s*\)\s*:\s*"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)(?![\d.,]*\s*%)",
    re.I,
)


def cell_kind(before: str) -> str | None:
    """The kind of a sum whose label is the text right before its sentence (a row's label cell): the kind word
    nearest its end, of that row only (after its last "Voce:"-like key)."""
    row = re.split(r"\b\w+:\s", before)[-1]
    if AMOUNT_KINDS[0][1].search(row):
        return "cofinancing"
    nearest = [(m.end(), k) for k, p in AMOUNT_KINDS[1:] for m in p.finditer(row)]
    return max(nearest)[1] if nearest else None


def average(sentence: str, a: AmountFact) -> bool:
    """A sum per unit stated as an average in its own segment (up to the nearest comma or ";")."""
    left = max(sentence.rfind(c, 0, a.start) for c in ",;:") + 1
    rights = [i for i in (sentence.find(c, a.end) for c in ",;:") if i >= 0]
    return bool(_AVERAGE.search(sentence[left : min(rights) if rights else len(sentence)]))


def amounts(sentence: str) -> list[AmountFact]:
    """Sums of money in a sentence, each with its kind decided by the words before it in the sentence."""
    found: list[AmountFact] = []
    spans: list[tuple[int, int]] = []
    for m in _LABELLED.finditer(sentence):
        value = amount_number(m.group("num"))
        if value:
            found.append(_amount(sentence, value, m.group("label"), m.group(0), m.start(), m.end()))
            spans.append((m.start(), m.end()))
    if (keyed := _KEY_IN_CURRENCY.match(sentence)) and (value := amount_number(keyed.group("num"))):
        found.append(AmountFact(value, "cell", "", keyed.group(0), keyed.start("num"), keyed.end()))
        spans.append((keyed.start(), keyed.end()))  # labelled by the sentence before (`cell_kind`)
    for m in _AMOUNT.finditer(sentence):
        if any(s <= m.start() < e for s, e in spans):
            continue
        raw = m.group("num") or m.group("num2")
        value = amount_number(raw)
        scale = (m.group("mil") or m.group("mil2") or "").lower()
        if not value:
            continue
        value *= 1_000_000 if scale == "milioni" else 1000 if scale == "mila" else 1
        head = sentence[max(0, m.start() - 90) : m.start()]
        head = re.split(r"[.;]\s", head)[-1]
        found.append(_amount(sentence, value, head, m.group(0), m.start(), m.end()))
        spans.append((m.start(), m.end()))
    # a sentence whose numbers share out the sum of the sentence before it, "Di questi, 168.000 arrivano dalla Regione,
    # i restanti 42.000 li mette il Comune": its plain numbers, when their words say whose share they are
    shares_of_before = not found and _OF_THESE.match(sentence) is not None
    if found or shares_of_before:
        for m in _BARE.finditer(sentence):
            if any(s <= m.start() < e for s, e in spans) or (spans and m.start() < min(s for s, _ in spans)):
                continue
            if shares_of_before and _COUNTED_AFTER.match(sentence, m.end()):
                continue  # "Di questi, 1.200 persone ...": a count, not money
            value = amount_number(m.group("num"))
            head = re.split(r"[.;:]\s", sentence[max(0, m.start() - 90) : m.start()])[-1]
            bare = _amount(sentence, value, head, m.group(0), m.start(), m.end()) if value else None
            if bare and bare.kind in ("cofinancing", "funded", "city_share", "part"):
                found.append(bare)  # a plain number whose words say it is a share of the sum stated before it
    return found


def amount_number(raw: str) -> float | None:
    """A sum as written: "180.000,00", "180 000", or English "180,000.00"."""
    raw = raw.replace(" ", ".")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", raw):
        return float(raw.replace(",", ""))
    return number(raw)


# Another public body or a funder paying the sum, the subject of its verb before it ("La Regione copre 240.000 euro",
# "la Fondazione X ha finanziato 140.000 euro") or after it, the sum taken up by a pronoun ("90.000 euro li ha
# messi la Città Metropolitana di Genova"): a funder's sum, never the Comune's
_OTHER_BODY = (
    r"(?:(?:la|il|lo|l['’]|the)\s*)?(?:regione|provincia|citt[àa]\s+metropolitana|prefettura|ministero|"
    r"stato|fondazione|unione\s+europea|region|province|ministry|foundation)\b"
    r"(?:\s+(?:di\s+|of\s+)?[A-ZÀ-Ý][\w'’-]*){0,4}"
)
_OTHER_PAYS = re.compile(
    rf"\b{_OTHER_BODY}\s+(?:(?:ne|ci)\s+)?(?:(?:ha|hanno|has|have)\s+)?(?:copre|coprono|copert\w*|mette|mess\w*|"
    r"finanzia|finanziat\w*|stanzia|stanziat\w*|eroga|erogat\w*|versa|versat\w*|paga|pagat\w*|garantisce|garantit\w*|"
    r"covers|covered|provides|provided|gives|gave|pays|paid)\s+(?:con\s+|per\s+|with\s+)?(?:(?:€|EUR)\s*)?$",
    re.I,
)
_OTHER_TAKES_IT = re.compile(rf"^\s*(?:euro\s+)?l[aei]\s+(?:ha|hanno)\s+[a-zà-ù]+\s+{_OTHER_BODY}", re.I)
# A yearly sum and, right after it, the whole for the years: "costa 96.000 euro l'anno, 288.000 euro per i tre anni
# della convenzione" (the yearly one is a part)
_YEARLY_THEN_WHOLE = re.compile(
    r"\s*(?:l['’]anno|all['’]anno|annui|ogni\s+anno|per\s+anno|a\s+year|per\s+year)\s*[,;(]\s*(?:e\s+|and\s+)?"
    r"(?:€\s*|EUR\s*)?\d[\d.,]*\s*(?:mila\s+)?(?:euros?|€|EUR)?\s*(?:per\s+(?:i|gli|le)\s+(?:\w+\s+)?(?:anni|annualità)|"
    r"in\s+tutto|complessiv\w+|nel\s+(?:biennio|triennio|quadriennio)|in\s+total|over\s+(?:the\s+)?\w+\s+years|"
    r"for\s+the\s+\w+\s+years)",
    re.I,
)


def _amount(sentence: str, value: float, context: str, text: str, start: int, end: int) -> AmountFact:
    """What a sum is: the words right after it label it first ("€ 30.000 di cofinanziamento"), then the words
    before it; a part ("di cui € X") is never the total; a sum per person or month is per unit."""
    # a share in parentheses right after the sum says how big it is, not what it is: "EUR 47,790.00 (15%) is the
    # City's co-financing"
    tail = re.sub(r"^\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\)", "", sentence[end : end + 70])
    # "30.000 dei quali a carico del Comune": the words after "of which" say what this part is
    tail = re.sub(rf"^\s*{PART}\s+", " ", tail)
    after = re.split(rf"[,;.()|:]|\s(?:e|ed|{PART})\s", tail)[0]
    own = sentence[max(0, start - 30) : end + len(after)]
    if not re.match(
        r"\s+(?:di|of|as|a\s+titolo\s+di|a\s+carico|quale|come|in|per|con|mess[oaie]|stanziat[oaie]|"
        r"l[aei]?\s+(?:ha\s+|hanno\s+)?[a-zà-ù]+\s+(?=(?i:il\s+comune|la\s+citt[àa](?!\s+metropolitan)|"
        r"l['’]\s*amministrazione(?!\s+(?:regional|provincial))))|"
        r"arriv\w+\s+da|proveng\w+\s+da|vengono\s+da|"
        r"(?:comes?|came)\s+from|(?:sono|è|rappresentano|costituiscono|are|is)\s+(?:il|la|lo|l['’]|the)?|"
        # where the sum comes from or goes: "dal bilancio comunale", "del Comune", "nel cofinanziamento", "own ..."
        r"da[li]?|dall['’]|dalla|del|dell['’]|della|nel|nella|from|own)\s*",
        after,
    ):
        after = ""  # what follows is the next field ("... € 40.000 Cofinanziamento: € 24.000"), not this sum's label
    rest = re.split(r"[;.](?:\s|$)", sentence[end : end + 200])[0]
    out = _OUTSIDE.search(rest)
    if out and not _AMOUNT.search(rest, 0, out.start()) and not _ANOTHER_PREDICATE.search(rest, 0, out.start()):
        # "pagati con 310.000 euro di fondi PNRR, che non rientrano nel costo del progetto": spent beside the project
        # (said of the sum itself, not of what another predicate after it names: "... i restanti 58.000 euro e ha
        # sostenuto a parte i lavori, che non rientrano nel costo del progetto")
        return AmountFact(value, "outside", "fuori dal costo del progetto", text, start, end)
    if comune_money(sentence, start, end):  # its clause's own words label it
        words = re.split(r"[;:.](?:\s|$)", sentence[end : end + 160])[0].strip(" ,").split()
        return AmountFact(value, "cofinancing", " ".join(words[:8]).lower(), text, start, end)
    if _OTHER_PAYS.search(context) or _OTHER_TAKES_IT.match(tail):
        return AmountFact(value, "funded", " ".join(context.split()[-6:]).lower(), text, start, end)
    if _YEARLY_THEN_WHOLE.match(sentence, end):
        return AmountFact(value, "part", "quota di un anno", text, start, end)
    if _FROM_ANOTHER.match(after) and not AMOUNT_KINDS[0][1].search(after):
        return AmountFact(value, "funded", after.strip().lower(), text, start, end)  # "60.000 euro dalla Regione"
    if _COMUNE_GIVES.search(context):
        return AmountFact(value, "cofinancing", " ".join(context.split()[-6:]).lower(), text, start, end)
    per_unit = _PER_UNIT.search(own) or _PER_UNIT_AFTER.match(tail)
    if per_unit and _PAID_BY_THEM.search(sentence[max(0, start - 90) : end + 40]):
        return AmountFact(value, "paid", "quota a carico delle persone", text, start, end)
    if _OWN_ACCOUNTS.search(sentence[max(0, start - 60) : start]):
        return AmountFact(value, "accounts", "conti dell'organizzazione", text, start, end)
    near = sentence[max(0, start - 30) : end + 20]
    if _PER_YEAR.search(near) and _PAID_BY_THEM.search(sentence[max(0, start - 90) : end + 40]):
        return AmountFact(value, "paid", "quota a carico delle persone", text, start, end)
    if _FIRST_YEAR.search(near) and not AMOUNT_KINDS[0][1].search(after):
        return AmountFact(value, "part", "quota di un anno", text, start, end)
    if _SPENT.search(context[-60:]) and not AMOUNT_KINDS[0][1].search(after):
        return AmountFact(value, "spent", "spesa", text, start, end)
    if _REMAINING.search(sentence[max(0, start - 30) : start]) and not AMOUNT_KINDS[0][1].search(after):
        # (unless its own words say it is the co-financing: "i restanti 14.000 euro sono il cofinanziamento")
        return AmountFact(value, "part", "quota restante", text, start, end)
    if per_unit:
        words = re.sub(r"\s+", " ", context).strip(" :,-–").split()
        return AmountFact(value, "unit", " ".join(words[-6:]).lower() or "importo", text, start, end)
    kind = next((k for k, p in AMOUNT_KINDS[:3] if p.search(after)), None)
    if kind:
        return AmountFact(value, kind, re.sub(r"^(?:di|of|as)\s+", "", after.strip()).lower(), text, start, end)
    if kind is None and re.search(rf"\b{PART}\s*$", context):
        kind = "part"
    if kind is None and _VALUE_KEY.match(context) and start < len(context) + 5:
        return AmountFact(value, "cell", "", text, start, end)  # labelled by the sentence before (`cell_kind`)
    # The kind word nearest the sum decides ("finanziato fino al 2025, costa complessivamente 110.000 euro").
    # ... the more specific kind where two end at one word ("The Municipality's own contribution, EUR 45,000": its own
    # money, not a funder's contribution)
    nearest = [(m.end(), -i, k) for i, (k, p) in enumerate(AMOUNT_KINDS) for m in p.finditer(context)]
    kind = kind or (max(nearest)[2] if nearest else "total")
    words = re.sub(r"\s+", " ", context).strip(" :,-–").split()
    label_text = " ".join(words[-8:]).lower() if words else "importo"
    return AmountFact(value, kind, label_text, text, start, end)
