"""The target groups a document states, as it words them: the people a service is for, read as whole noun phrases
("titolari di protezione internazionale in uscita dai CAS", "Third-country nationals living in the station area")
where the text names them as its object: a section or a table's column headed "Destinatari", "Gruppi destinatari",
"Beneficiari", "Target groups" (also qualified by who chose them: "Destinatari richiamati dal tavolo"; its items on
the same line or the lines after it; a spreadsheet's key-value row,
"Voce: Destinatari; Dato: ...", whose value may be the next sentence; a key-facts label a PDF's text layer ran into
its line, "... Destinatari adulti stranieri ... Il contesto", up to the next heading run into it), or a clause
"rivolto a", "si rivolge a" (in any tense: "continuerà a rivolgersi a"), "destinatari del piano", "come destinatari
prioritari i ...", "I destinatari restano le ...", "aimed at", "Most
users are"; a heading closing the line a PDF's text layer ran it into ("... Staff trained 30 31 Who the project was
for") opens its bullets. A document that states none may still name them in passing, as whom a service is for or a
count counts or a service's verb serves (or lets homes to at a stated rent, "le ha affittate a canone concordato a
famiglie ..."), with what kind of people they are ("un punto di orientamento per persone in transito", "47 persone
titolari di protezione internazionale", "le assegna a famiglie titolari di protezione"): those
are its groups then (`inline_groups`; the record builder keeps them
only for a document that states none). The fixed codes of `knowledge.mentions` still say which kind of group a phrase
is (`code`, "other" for none), for facets.

A phrase runs to the end of its clause; a list is cut into groups at commas, semicolons and "e/and" before an
article, each piece a group when its first word names persons (`knowledge.persons`, or a word of the codes:
"famiglie", "minori", "donne"), else a qualifier of the group before it ("tra i 18 e i 45 anni, residenti ..."); a
group with a long qualifier of its own ends at an "e" before another noun of persons (`_closed_groups`)."""

from __future__ import annotations

import re

from knowledge.mentions import TARGET_GROUPS, Mention
from knowledge.persons import counts_persons
from lgnet.text import fold

# The words qualifying "destinatari" by who chose them or how much they count: "prioritari", "principali",
# "richiamati dal tavolo", "individuati dalla Giunta"
_RANKED = r"(?:prioritari|principali|privilegiati|primari)"  # "destinatari prioritari"
_QUALIFIED = (
    r"(?:\s+(?:" + _RANKED + r"|[a-zà-ù]{3,}(?:at|it|ut)i)"
    r"(?:\s+(?:da|dal|dalla|dai|dagli|dalle|nel|nella|per)\s+[\w'’]+)?)?"
)
# A heading of the section ("3. Destinatari", "### Gruppi destinatari", "Art. 2 – Destinatari", "7. Target groups"),
# alone on its line or followed by its list.
_HEADING = re.compile(
    r"^\W{0,4}(?:\d{1,2}\s*[.)–-]\s*|art\.\s*\d+\s*[–-]\s*)?(?:gruppi\s+(?:di\s+)?destinatari|gruppi\s+target|"
    r"destinatari(?:\s+(?:del\s+progetto|dell['’]intervento|finali|diretti))?"
    # ... qualified by who named or chose them: "## Destinatari richiamati dal tavolo", "Destinatari prioritari"
    rf"{_QUALIFIED}|beneficiari|beneficiaries|target\s+groups?|"
    r"target\s+population|chi\s+può\s+accedere|who\s+can\s+(?:apply|use\s+it)\??|"
    # ... or asked as a question: "A chi si rivolge", "A chi è rivolto il servizio", "Who is it for"
    r"a\s+chi\s+(?:si\s+rivolge|è\s+rivolt[oa])(?:\s+(?:il|la|lo|l['’])\s*(?:[\w'’-]+\s+){0,2}[\w'’-]+)?\??|"
    # ... whatever it names: "Who the help point is for", "A chi si rivolge lo sportello casa", "Who are the people?"
    r"who\s+is\s+it\s+for\??|who\s+(?:the\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|it)\s+(?:is|was|are|were)\s+for\??|"
    r"who\s+are\s+the\s+people\??|"
    r"per\s+chi\s+è\??)"
    # ... an aside before its colon: "Destinatari del progetto, come da scheda approvata: ..."
    r"(?:,[^:.;|\n]{1,40}(?=:))?"
    r"(?=\s|$|[:|–-])\s*[:|–-]?\s*",
    re.I,
)
# A clause naming whom a service is for ("Il servizio è rivolto a", "si rivolge a", "destinatari del piano le").
_CUE = re.compile(
    r"\b(?:rivolt[oaie]|dedicat[oaie])\s+(?:(?:in\s+particolare|soprattutto|principalmente)\s+)?"
    r"(?:a|ad|ai|agli|alle|alla|al|all['’])(?=\s|['’])|"
    # ... whatever the verb's tense or mood: "si rivolgerà a", "continuerà a rivolgersi a", "rivolgendosi a"
    r"\b(?:si\s+rivolg[a-zà-ù]*|rivolgers[ie]|rivolgendosi)\s+(?:(?:in\s+particolare|soprattutto|principalmente)\s+)?"
    r"(?:a|ad|ai|agli|alle|alla|al)\b|"
    r"\b(?:is|are)\s+open\s+to\b|\b(?:targets|targeted)\b(?=\s)|\bdesigned\s+for\b|"
    # "Il corso è aperto a giovani rifugiati ... e ai richiedenti asilo", "The project is for refugees ..., for ..."
    r"\b(?:è|sono)\s+apert[oaie]\s+(?:a|ad|ai|agli|alle|alla|al|all['’])(?=\s|['’])|"
    r"\b(?:project|service|programme|scheme|desk|course|initiative)\s+(?:is|was)\s+(?:meant\s+)?for\b|"
    r"\b(?:main\s+)?(?:users|beneficiaries)\s+(?:are|were|include)\b|"
    # ... qualified, or said to stay so: "di individuare come destinatari prioritari i ...", "I destinatari restano le"
    r"\bdestinatari\s+(?:del\s+(?:piano|progetto|servizio|intervento)\s+)?"
    rf"(?:{_RANKED}\s+)?(?:(?:sono|restano|rimangono)\s+)?(?=(?:i|gli|le)\s)|"
    # ... of whatever project, named or described, then a colon or "essere" in any tense and the list: "Destinatari del
    # progetto erano i braccianti ...", "i destinatari di «X»: A, B e C", "I destinatari dello sportello saranno ..."
    # (never "destinatari di una eventuale prosecuzione i braccianti": the people of what may come)
    r"\bdestinatari\s+(?:(?:di|del|della|dello|dell['’]|dei|degli|delle)\s*(?:«[^«»]{1,60}»|“[^“”]{1,60}”|"
    r"\"[^\"]{1,60}\"|(?:[\w'’]+\s+){0,3}?[\w'’]+)\s*)?(?::\s*|(?:sono|erano|saranno|furono|sono\s+stat[ei])\s+)|"
    r"\b(?:aimed|targeted)\s+at\b|\bintended\s+for\b|\bmost\s+users\s+are\b|"
    r"\bwho\s+are\s+the\s+people\?\s+(?:mostly\s+)?",
    re.I,
)
# Where a list of groups is cut: a comma or semicolon, "e"/"and" before an article or a preposition.
_CUT = re.compile(r"(,?\s+con\s+particolare\s+attenzione\s+(?=a|ad|ai|agli|alle|alla|al|all['’])|"
                  # (first: the groups a list singles out after its first, "..., con particolare attenzione alle donne")
                  r"\s*[;,]\s*(?:(?:e|ed|and)\s+)?|\s+(?:e|ed)\s+(?=(?:a|ai|agli|alle|i|gli|le|la|il)\s)|"
                  r"\s+and\s+(?=the\s))", re.I)  # fmt: skip
_END = re.compile(r"[.!?()\[\]|«»\"“”]|\s[–—]\s|\n")
# A heading in a table's cell: "| Target group | refugees leaving reception centres |", "Destinatari | ...", or a
# spreadsheet's key-value row read as "key: value" pairs: "Voce: Destinatari; Dato: famiglie straniere, ...".
# ... or asking whom it is for: "Persone a cui si rivolge l'azione | ...", "A chi si rivolge | ..."
_LABEL = (
    r"(?:destinatari(?:\s+del\s+progetto)?|gruppi\s+destinatari|beneficiari|target\s+groups?|"
    r"(?:persone|soggetti)\s+a\s+cui\s+si\s+rivolge(?:\s+(?:il|la|l['’])\s*\w+)?|a\s+chi\s+si\s+rivolge)"
)
_CELL = re.compile(rf"(?:^|\||\n)\s*{_LABEL}\s*\||(?:^|\n|;\s)[ \t]*\w+:[ \t]*{_LABEL}[ \t]*;[ \t]*\w+:[ \t]*", re.I)
# ... or a row of a table whose rows a sentence joined into one line ("... Durata | 24 mesi Destinatari | giovani adulti
# ... Referente | Ufficio X"): the label in capitals after the row before, its value up to the next row's label
_JOINED_CELL = re.compile(r"(?<=\s)(?-i:(?:Gruppi\s+)?Destinatari(?:\s+del\s+progetto)?|Beneficiari|Target\s+groups?)"
                          r"[ \t]*\|[ \t]*")  # fmt: skip
# The next row's label closing a joined row's value: capitalised words, a few, right before its cell's bar
_NEXT_LABEL = re.compile(r"\s(?-i:[A-ZÀ-Ý])[\w'’]*(?:\s+[\w'’]+){0,3}\s*$")
# ... whose label ends its sentence ("Voce: Destinatari;"): the next sentence is its value ("Dato: famiglie ...")
_LABEL_ROW = re.compile(rf"(?:^|\s)\w+:[ \t]*{_LABEL}[ \t]*;[ \t]*$", re.I)
_VALUE_KEY = re.compile(r"^[ \t]*(?:dato|dati|valore|contenuto|value|data|risposta|testo)[ \t]*:[ \t]*", re.I)
# ... or a key-facts label a PDF's text layer ran into its line, capitalised, its groups in lower case after it:
# "... (28.000 euro) Destinatari residenti stranieri in cerca di lavoro Il contesto ..."
_RUN_LABEL = re.compile(r"(?<=[\s)])(?-i:Destinatari|Beneficiari|Target\s+groups?)[ \t]+(?=[a-zà-ù])")
# The next heading run into a group's line: an article in capitals then a word in lower case ("... famiglie Il
# contesto"), or a heading's word ("... del territorio Attività realizzate", "... Referente Ufficio ...")
_RUN_ON = re.compile(r"\s(?=(?:(?:Il|La|Lo|Le|I|Gli|Un|Una|The)\s+[a-zà-ù]|L['’][a-zà-ù])|"
                     r"(?:Durata|Referente|Referenti|Contatti|Contatto|Periodo|Attività|Argomento|Obiettivi|Risultati|"
                     r"Costo|Budget|Partner|Partners|Partenariato|Ente|Sede|Luogo|Tempi|Scheda|Finanziamento|"
                     r"Trasferibilità|Contesto|Descrizione|Azioni|Note|Contacts?|Duration|Period|Results|Activities|"
                     r"Funding|Lessons|Background|Final)\b)")  # fmt: skip
_LEAD = re.compile(r"^(?:(?:a|ad|ai|agli|alle|alla|al|i|gli|le|la|il|lo|l['’]|the|at|to|for|per\s+lo\s+più|mostly|"
                   r"in\s+particolare|soprattutto)\s+)+", re.I)  # fmt: skip
_KIND_WORDS = re.compile(r"(?:famigli|nucle|minor|donn|madr|mamm|bambin|ragazz|giovan|famil|women|mothers|children|"
                         r"young|homeless|refugee|asylum|third|newcomer|single|neomaggiorenn|braccian|colf|badant|"
                         r"pescator)\w*", re.I)  # fmt: skip
# Inline, the people a service is for or a count counts, when the phrase says what kind of people they are (a
# condition the codes know, or being foreign, in transit, newly arrived): "un punto di orientamento per persone in
# transito", "ha preso in carico 530 persone, in gran parte famiglie srilankesi", "In venti mesi 47 persone
# titolari di protezione internazionale", "Diciotto giovani titolari di protezione".
_INLINE = re.compile(
    # (never the "per" of "per lo più", its own cue below: "12 persone, per lo più giovani ...")
    r"(?:\b(?:per|for)\s+(?!lo\s+più\b)(?:i|le|gli|l['’])?|"
    # the people a service lets homes to at a stated rent, the rent between the verb and its people: "le ha
    # affittate a canone concordato a famiglie ...", "le assegna con contratti a canone concordato a ..."
    r"\b(?:assegn|affitt|loc)[a-zà-ù]*\s+(?:con\s+(?:un\s+|dei\s+)?contratt[oi]\s+)?a\s+canone\s+"
    r"(?:concordato|calmierato|agevolato|sociale|ridotto|moderato)\s+(?:a|ad|ai|agli|alle|al)\s+|"
    # the people a service's verb serves: "le assegna a famiglie e giovani titolari di protezione", "aiuta le donne
    # straniere a prenotare", "per dare una risposta ai lavoratori stranieri", "accoglie giovani richiedenti asilo"
    r"\b(?:accoglie|accolgono|ospita|ospitano|assegna|assegnano|aiuta|aiutano|accompagna|accompagnano|sostiene|"
    r"sostengono|risposta|houses|welcomes|supports)\s+(?:(?:a|ad|ai|agli|alle|i|le|gli|the)\s+)?|"
    # the object of a service's noun: "per l'accoglienza e la tutela dei braccianti stranieri", "l'inclusione dei"
    r"\b(?:inclusione|accoglienza|tutela|presa\s+in\s+carico(?:\s+rapida)?|integrazione|inserimento|"
    r"accompagnamento|orientamento|sostegno|supporto|assistenza)\s+(?:dei|delle|degli|di)\s+|\b(?:in\s+gran\s+parte|per\s+lo\s+più|soprattutto|in\s+prevalenza|in\s+maggioranza|"
    r"per\s+la\s+maggior\s+parte|"
    # ... "48 persone, tutte titolari di protezione", "all of them refugees"
    r"(?<=,\s)tutt[ei]|all\s+of\s+them|"
    r"prevalentemente|mostly|mainly)\s+(?:(?:a|ai|alle|agli|i|le|gli)\s+)?|"
    r"(?<![\d.,])\b\d{1,3}(?:\.\d{3})*\s+(?:(?:i|le|gli)\s+)?|"
    r"\b(?:dodici|quindici|diciotto|venti|trenta|quaranta|cinquanta|cento)\s+)(?=\w)",
    re.I,
)
_CONDITION = re.compile(
    r"senza\s+(?:fissa\s+)?dimora|richiedenti|titolari\s+di\s+protezione|msna|unaccompanied|stranier\w*|migrant\w*|paesi\s+terzi|protezione|asilo|neomaggiorenn\w*|braccianti|origine\s+straniera|"
    r"in\s+transito|vulnerabil\w*|foreign\w*|newcomers?|third.country|refugees?|asylum|homeless|rifugiat\w*|"
    r"srilankes\w*|ucrain\w*|tunisin\w*",
    re.I,
)
_INLINE_END = re.compile(r"[,;.:!?()\[\]|\n«»\"“”]|\s[–—]\s|\s(?:e\s+)?\d|"
                         r"\s(?:che|chi|hanno|ha|sono|è|sarà|saranno|erano|era|who|have|has|had|were|was|are|is|will)\b",
                         re.I)  # fmt: skip
_CODES = {code: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for code, p in TARGET_GROUPS.items()}
MAX_CHARS = 140


# English qualifiers before the noun of persons: "foreign seasonal workers", "older single women"
_EN_BEFORE = re.compile(r"(?:foreign|seasonal|older|elderly|local|migrant|vulnerable|unaccompanied|undocumented|"
                        r"low-income|isolated|working|recently|newly|arrived|resettled|displaced)", re.I)  # fmt: skip


def _names_persons(piece: str) -> bool:
    words = re.findall(r"[\w'-]+", piece)
    if not words:
        return False
    first = words[0]
    if len(words) > 1 and _EN_BEFORE.fullmatch(first):
        return _names_persons(" ".join(words[1:]))
    return (
        bool(_KIND_WORDS.fullmatch(fold(first)))
        or counts_persons(first)
        or (len(words) > 1 and counts_persons(f"{first} {words[1]}"))
    )


def code_of(phrase: str) -> str:
    """The fixed code a phrase is of ("other" when none fits)."""
    found = [(m.start(), code) for code, p in _CODES.items() if (m := p.search(phrase))]
    return min(found)[1] if found else "other"


def groups_in(text: str) -> list[str]:
    """The groups of a list of groups (the text after a heading or a cue, up to its clause's end)."""
    end = _END.search(text)
    text = text[: end.start()] if end else text
    if run_on := _RUN_ON.search(text):
        text = text[: run_on.start()]
    if ":" in text:  # an umbrella and its list: "Cittadini ... vulnerabili: persone senza dimora, donne sole, ..."
        before, after = text.split(":", 1)
        listed = groups_in(after)
        return listed if len(listed) >= 2 else groups_in(before)
    out: list[str] = []
    parts = _CUT.split(text)  # pieces and, between them, their separators
    for i in range(0, len(parts), 2):
        piece = _LEAD.sub("", parts[i].strip())
        if not piece:
            continue
        if _names_persons(piece) and not _ADJECTIVES.fullmatch(piece) and not (out and _QUALIFIER.match(piece)):
            out.append(piece)
        elif out:  # a qualifier of the group before it, with its own separator
            out[-1] = f"{out[-1]}{parts[i - 1]}{parts[i].strip()}"
        else:
            break  # the clause does not open with people
    return [_trim(g) for group in out for g in _closed_groups(group)]


# A group named with a long qualifier of its own is whole: an "e"/"o" after it before another noun of persons opens
# another group ("famiglie straniere sotto sfratto o in alloggi sovraffollati e lavoratori stranieri della
# logistica", "cittadini stranieri appena arrivati nel Tigullio e famiglie ricongiunte"); a pair named together
# stays one ("richiedenti asilo e titolari di protezione", "donne straniere in gravidanza e madri di bambini")
_AND_PERSONS = re.compile(r"\s+(?:e|ed|o|and|or)\s+(?:(?:i|gli|le|the)\s+)?(?=\w)", re.I)
_CLOSED_WORDS = 5


def _closed_groups(group: str) -> list[str]:
    for m in _AND_PERSONS.finditer(group):
        before, after = group[: m.start()], group[m.end() :]
        # (its words since its last comma: "..., disoccupati o inattivi" joins two qualifiers of one group)
        words = [w for w in re.findall(r"[\w'’]+", before.rsplit(",", 1)[-1]) if fold(w) not in _SMALL_WORDS]
        if len(words) >= _CLOSED_WORDS and _names_persons(after) and not _QUALIFIER.match(after):
            return [before, *_closed_groups(after)]
    return [group]


_SMALL_WORDS = frozenset(
    re.findall(
        r"\w+",
        "di del della dello dei degli delle da dal dalla dai dagli dalle a al alla ai agli alle in nel "
        "nella nei negli nelle con su sul sulla per tra fra il lo la i gli le l un una e ed o the of and "
        "or with in on at to for from",
    )
)


def _trim(group: str) -> str:
    group = group.strip(" ,;")
    if len(group) > MAX_CHARS:
        group = group[:MAX_CHARS].rsplit(" ", 1)[0]
    return group


def bare_heading(sentence: str) -> bool:
    """Whether the sentence is a heading of a section of target groups alone ("Destinatari", "### Gruppi
    destinatari"): its items follow."""
    m = _HEADING.match(sentence.strip())
    return m is not None and not sentence.strip()[m.end() :].strip()


def stated_groups(sentence: str, after_heading: bool = False) -> list[Mention]:
    """The groups a sentence states: after a heading of the section (in it, or `after_heading`: the sentence is an
    item of a section whose heading came before), or after a cue."""
    texts: list[str] = []
    cues = list(_CUE.finditer(sentence))
    if cues:
        texts += [sentence[m.end() :] for m in cues]
    elif (m := _HEADING.match(sentence)) and sentence[m.end() :].strip():
        texts.append(sentence[m.end() :])
    elif after_heading:  # the section's items: a line each, or a list on one line ("Dato: ..." after a label row)
        texts += [_VALUE_KEY.sub("", line.lstrip("•-*–· \t")) for line in sentence.splitlines() if line.strip()]
    elif m := _RUN_LABEL.search(sentence):
        texts.append(sentence[m.end() :])
    cells = list(_CELL.finditer(sentence))
    for m in cells:
        texts.append(sentence[m.end() :])
    for m in _JOINED_CELL.finditer(sentence):
        if not any(c.start() <= m.start() < c.end() for c in cells):
            value, bar, _ = sentence[m.end() :].partition("|")
            texts.append(_NEXT_LABEL.sub("", value) if bar else value)
    found = [g for t in texts for g in groups_in(t)]
    return [Mention(code_of(g), g) for g in dict.fromkeys(found)]


def inline_groups(sentence: str) -> list[Mention]:
    """The people a sentence's service is for or its count counts, named with what kind of people they are."""
    out = []
    for m in _INLINE.finditer(sentence):
        rest = sentence[m.end() :]
        end = _INLINE_END.search(rest)
        if (run_on := _RUN_ON.search(rest)) and (end is None or run_on.start() < end.start()):
            end = run_on  # the next heading run into its line ("... non accompagnati Referente Ufficio ...")
        phrase = _LEAD.sub("", rest[: end.start()] if end else rest).strip()
        # "famiglie srilankesi, ucraine e nigeriane": adjectives after a comma still qualify the group
        while (
            end
            and rest[end.start()] == ","
            and (
                more := re.match(
                    r",\s*([a-zà-ù]+(?:\s+(?:e|ed)\s+[a-zà-ù]+)?)"
                    r"(?=[\s,.;]|$)",
                    rest[end.start() :],
                )
            )
        ):
            words = more.group(1).split()
            if (
                words[0] in ("e", "ed")
                or _KIND_WORDS.fullmatch(fold(words[0]))
                or not all(_NATIONALITY.search(w) for w in words if w not in ("e", "ed"))
            ):  # fmt: skip (", e 19 sono": no)
                break
            phrase = f"{phrase}, {more.group(1)}"
            end = _INLINE_END.search(rest, end.start() + more.end())
        head = " ".join(phrase.split()[:6])  # what kind of people: said right with the noun
        if (phrase and _names_persons(phrase) and _CONDITION.search(head) and fold(phrase) not in _GENERIC_ONLY
                and not (_nationalities(phrase) and not m.group(0)[:1].isdigit())):  # fmt: skip
            # (nationalities alone after "in maggioranza" say what the people counted are made of: no group)
            out.append(_trim(phrase))
    return [Mention(code_of(g), g) for g in dict.fromkeys(out)]


# A piece after a group that says where its people live or what they are, not other people: "Giovani richiedenti
# asilo tra i 18 e i 30 anni, residenti nella zona X", "..., maggiorenni, presenti nel territorio dell'Ambito"
_QUALIFIER = re.compile(r"(?:residenti|presenti|domiciliati|domiciliate|maggiorenni|disoccupati|disoccupate|"
                        r"inoccupati|occupati|regolarmente|living|resident|aged)\b", re.I)  # fmt: skip
_NATIONALITY = re.compile(r"(?:es[ei]|an[ei]|in[ei]|en[ei]|ian|ese)$")
# Adjectives of nationality after a group ("di origine straniera, in particolare cinese, pakistana e nigeriana").
_ADJECTIVES = re.compile(r"[a-zà-ù]+(?:es[ei]|an[ei]|in[ei])(?:(?:,\s*|\s+e\s+)[a-zà-ù]+(?:es[ei]|an[ei]|in[ei]))*")
_GENERIC_ONLY = frozenset({"persone", "people", "persons"})


def _nationalities(phrase: str) -> bool:
    """Whether a phrase is adjectives of nationality only ("rumeni e tunisini", "ucraine"), no noun of persons."""
    words = [w for w in re.findall(r"[\w'’]+", phrase) if w not in ("e", "ed")]
    return bool(words) and all(_NATIONALITY.search(w) and not _KIND_WORDS.fullmatch(fold(w)) for w in words)


def distinct_heads(found: list) -> list:
    """(Read, Mention) pairs, one per head word: the people a document names in passing are often named again with
    another qualifier ("12 neomaggiorenni con un progetto individuale", "neomaggiorenni nei settori della
    ristorazione"); the first naming stands for them."""
    out, heads = [], set()
    for read, m in found:
        words = [w for w in re.findall(r"\w+", fold(m.text)) if w not in _GENERIC_ONLY]
        head = words[0] if words else ""
        if head not in heads:
            heads.add(head)
            out.append((read, m))
    return out


# A heading of the section closing a sentence it was run into: a PDF's text layer joins a table's last row or a
# paragraph to the heading after it ("... Staff trained 30 31 Who the project was for", its bullets on the next lines)
_TRAILING_HEADING = re.compile(
    r"(?<=\S)\s+(?-i:Destinatari|Gruppi\s+destinatari|Target\s+groups?|A\s+chi\s+si\s+rivolge|"
    r"Who\s+(?:the\s+(?:project|service|programme|scheme)|it)\s+(?:is|was)\s+for|Who\s+is\s+it\s+for)\s*[?:]?\s*$"
)


def items_follow(body: str, text: str, items: bool) -> bool:
    """Whether the sentence after this one is an item of a section of target groups: this one is its bare heading
    (alone, or closing the sentence it was run into), or an item followed by more bullets, or an item written as a
    line of its own with no bullet (a word processor's list, "6. Target groups", then a paragraph per group): the
    list runs on while its lines name people."""
    return (bare_heading(body) or bool(_LABEL_ROW.search(body)) or bool(_TRAILING_HEADING.search(body))
            or (items and (text.lstrip().startswith(_BULLETS) or _line_item(text))))  # fmt: skip


_BULLETS = ("•", "-", "*", "·", "–")
# An item's line closed as a sentence or a label is prose or the next field, not an item of a list
_CLOSED_LINE = re.compile(r"[.!?:]\s*$")


def _line_item(text: str) -> bool:
    """Whether a sentence is an unbulleted item of a list of groups: one line, not closed as a sentence, whose words
    open with people (`groups_in`)."""
    line = text.strip()
    return bool(line) and "\n" not in line and not _CLOSED_LINE.search(line) and bool(groups_in(line))
