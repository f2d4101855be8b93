"""What kind of document a text is, from its content: practice report, project sheet, press article, press review,
report, minutes or other (lgnet/vocabulary.py DOC_TYPES).

Each genre has its tell-tale structure, written from the corpus and from how Italian public administrations and
newsrooms write them: a project sheet is a form of field labels ("Titolo del progetto:", "Ente capofila",
"Partenariato", "Importo"); minutes have an agenda, those present and the times a meeting opened and closed;
a good-practice report has the headings of EU practice databases ("Buona pratica", "Trasferibilità", "Lezioni
apprese"); a press article a dateline, an agency tag or a byline and quoted speakers; a report sections such as
"Introduzione", "Metodologia", "Conclusioni", monitoring periods and indicators. Every cue adds to its genre's
score (capped, so one repeated word cannot decide); the best score wins if it reaches `threshold`, else `other`.
A catalogue entry or an upload field overrides the decision (ingest/documents.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.messages import is_email, own_part
from lgnet.gazetteer import Gazetteer
from lgnet.text import fold

_MONTHS = r"(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)[a-z]*\.?"
_MONTHS_RAW = r"(?i:" + _MONTHS + r")"  # months in any case inside a case-sensitive pattern: "23 NOV"
# A dateline's place of one or two words, in capitals too: "Roma - Intercettare ...", "NOCI – Alle sei ..."
_DATELINE_PLACE = r"(?:[A-ZÀ-Ý][a-zà-ÿ']+(?: [A-ZÀ-Ý][a-zà-ÿ']+)?|[A-ZÀ-Ý]{2}[A-ZÀ-Ý']*(?: [A-ZÀ-Ý]{2}[A-ZÀ-Ý']*)?)"
_AGENCIES = r"(?:ansa|agi|askanews|adnkronos|dire|italpress|lapresse|redattore sociale|reuters|ap|afp|nova)"


@dataclass(frozen=True)
class Cue:
    doc_type: str
    weight: float
    pattern: re.Pattern[str]
    where: str  # "title" (title and first lines), "lines" (a line starts with it), "body" (anywhere)
    cap: int = 1  # at most this many occurrences count
    raw: bool = False  # matched on the text as written (capitals matter), not on the folded text


def _cue(doc_type: str, weight: float, pattern: str, where: str = "body", cap: int = 1, raw: bool = False) -> Cue:
    return Cue(doc_type, weight, re.compile(pattern, re.M if where == "lines" else 0), where, cap, raw)


_LINE = r"^[ \t>*#•\-–\d.)]*"  # list bullets, markdown headings and numbering before a label

# Patterns run on folded text (lower case, no accents) unless marked RAW (case matters: datelines, bylines).
CUES: tuple[Cue, ...] = (
    # A press review that could not be split into its articles stays one document of its own type
    _cue("press_review", 6, r"\brassegna (?:stampa|web)\b|\bpress (?:review|clippings?)\b", "title"),
    # Minutes (verbale)
    _cue(
        "minutes", 5, r"\bverbale\b|\bminutes\b|\bresoconto (?:della|dell'|del) (?:riunione|incontro|seduta)", "title"
    ),
    _cue("minutes", 2, r"\bverbale\b", "body"),
    _cue("minutes", 3, r"\bordine del giorno\b|\bo\.?\s?d\.?\s?g\.|\bagenda\b", "body"),
    _cue(
        "minutes",
        2,
        _LINE + r"(?:presenti|assenti|partecipanti|sono presenti|risultano presenti|attendees|present)\b",
        "lines",
        cap=2,
    ),
    _cue("minutes", 2, r"\b(?:riunione|seduta|incontro|meeting)\b[^.\n]{0,60}\b(?:alle ore|at \d)", "body"),
    _cue(
        "minutes",
        2,
        r"\b(?:si apre|si chiude|ha inizio|termina|si conclude|e tolta|viene chiusa)\b[^.\n]{0,40}"
        r"\balle ore\b",
        "body",
    ),
    _cue("minutes", 1, r"\balle ore \d", "body", cap=2),
    _cue(
        "minutes",
        2,
        r"\b(?:segretario verbalizzante|verbalizza|letto,? approvato|il presidente (?:apre|dichiara))",
        "body",
    ),
    _cue(
        "minutes",
        1,
        r"\b(?:si decide|si concorda|il gruppo (?:concorda|decide)|decisioni|action points?|"
        r"prossim[oa] (?:riunione|incontro|seduta))",
        "body",
        cap=2,
    ),
    _cue("minutes", 1, _LINE + r"punto \d", "lines", cap=2),
    # An administrative act (a resolution of the council, a manager's determination, a decree): its formal structure,
    # the recitals ("Premesso che", "Visto", "Considerato", "Richiamata"), the body deciding on a line of its own
    # ("LA GIUNTA COMUNALE" ... "DELIBERA"), the vote and the law on local government. Not a genre of the vocabulary:
    # an act that wins is `other` (a resolution is no minutes, though its preamble says when the body met).
    _cue(
        "act",
        5,
        r"\bdeliberazion[ei]\b|\bdelibera (?:di|della|del) (?:giunta|consiglio)\b|"
        r"\bdeterminazione (?:dirigenziale|n\.)|\bdecreto (?:sindacale|dirigenziale)\b|\bordinanza (?:sindacale|n\.)",
        "title",
    ),
    # A call for proposals or for expressions of interest is an act of the administration too, however many form
    # labels of a project sheet it carries ("Importo", "Durata", "Destinatari")
    _cue(
        "act",
        5,
        r"\bavviso pubblico\b|\bbando (?:pubblico|di (?:gara|concorso|selezione))\b|\bmanifestazion[ei] di interesse\b|"
        r"\bcall for (?:proposals|applications|expressions of interest)\b",
        "title",
    ),
    # ... and its sections: who may apply, how and by when, how proposals are scored
    _cue(
        "act",
        1.5,
        _LINE + r"(?:art\.?\s*\d+\s*[-–.:]\s*)?(?:requisiti di (?:partecipazione|ammissione)|soggetti ammessi|"
        r"modalit[aà] (?:e termini )?di presentazione|termini? (?:e modalit[aà] )?(?:di|per la) presentazione|"
        r"criteri di (?:valutazione|selezione)|commissione (?:giudicatrice|di valutazione)|eligibility|"
        r"how to apply|selection criteria)\b",
        "lines",
        cap=3,
    ),
    _cue(
        "act",
        1,
        _LINE + r"(?:premesso|visto|vista|visti|viste|considerato|considerata|richiamat[oaie]|ritenuto|ritenuta|"
        r"dato atto|preso atto|acquisit[oaie]|accertato|rilevato)\b",
        "lines",
        cap=5,
    ),
    _cue(
        "act",
        2,
        _LINE + r"(?:la giunta (?:comunale|municipale)|il consiglio comunale|il dirigente|il sindaco)\s*$",
        "lines",
    ),  # fmt: skip
    _cue("act", 3, _LINE + r"(?:delibera|determina|decreta|ordina)\s*:?\s*$", "lines"),
    _cue(
        "act",
        1,
        r"\bcon voti unanimi\b|\bimmediatamente eseguibile\b|\bregolarita (?:tecnica|contabile)\b|"
        r"\bd\.?\s?lgs\.?\s*(?:n\.?\s*)?267/2000\b|\btesto unico (?:delle leggi sull'ordinamento degli )?enti locali\b",
        "body",
        cap=3,
    ),
    # Project sheet (scheda progetto): a form of field labels
    _cue("project_sheet", 4, r"\bscheda (?:di )?progetto\b|\bproject (?:sheet|fiche|summary)\b", "title"),
    _cue(
        "project_sheet",
        1.5,
        _LINE + r"(?:titolo|nome|denominazione) del progetto\b|" + _LINE + r"project (?:title|name)",
        "lines",
    ),
    _cue(
        "project_sheet",
        1.5,
        _LINE + r"(?:ente |soggetto )?(?:capofila|proponente|beneficiario)\b|" + _LINE + r"lead (?:partner|applicant)",
        "lines",
    ),
    _cue(
        "project_sheet",
        1.5,
        _LINE
        + r"(?:partenariato|partner(?: del progetto| di progetto)?|partners)\s*(?::|$)|"
        + _LINE
        + r"partner del progetto",
        "lines",
    ),
    _cue(
        "project_sheet",
        1.5,
        _LINE + r"(?:importo|costo totale|budget|finanziamento|contributo|quota|"
        r"total budget|total cost)\b[^\n]{0,60}(?::|€|eur)",
        "lines",
        cap=2,
    ),
    _cue(
        "project_sheet",
        1,
        _LINE + r"(?:durata|data di (?:inizio|avvio|fine)|inizio (?:del )?progetto|"
        r"fine (?:del )?progetto|periodo di (?:realizzazione|attuazione)|duration|start date|end date)\b",
        "lines",
        cap=2,
    ),
    _cue(
        "project_sheet",
        1,
        _LINE + r"(?:cup|codice progetto|fondo|programma|asse|obiettivo specifico|"
        r"ruolo del comune|ufficio di riferimento|stato del progetto|anno di presentazione|"
        r"obiettivi?(?: generale| specifici)?|destinatari|beneficiari(?: finali)?|attivita previste|"
        r"risultati attesi|expected results|objectives|target groups?)\b",
        "lines",
        cap=4,
    ),
    # Project presentations: the headings and funding line of a project's own description
    _cue(
        "project_sheet",
        1.5,
        _LINE + r"(?:il progetto|the project|descrizione del progetto|project description|enti co-?beneficiari|"
        r"partner di progetto|l'impatto del progetto|obiettivo del progetto|aree di intervento|ambiti di intervento|"
        r"areas of intervention)\s*:?\s*$",
        "lines",
        cap=2,
    ),
    _cue("project_sheet", 1, r"\bco-?finanziat[oa] da|\bco-?financed by|\bco-?funded by", "body"),
    # a project describing itself in running text (an English presentation has no form labels)
    _cue(
        "project_sheet",
        1,
        r"\b(?:partners? of the project|(?:the )?objective of the project|the project aims|"
        r"partner del progetto|obiettivo del progetto|il progetto (?:mira|intende|si propone))\b",
        "body",
        cap=2,
    ),
    # Good-practice report (scheda di buona pratica)
    _cue(
        "practice_report",
        5,
        r"\bbuon[ae] pratic[ah]e?\b|\bgood practices?\b|\bbest practices?\b|"
        r"\bscheda (?:di )?(?:buona )?pratica\b|\bpratica replicabile\b|"
        # a catalogue of practices naming itself: "Banca dati regionale delle pratiche di inclusione"
        # or "Osservatorio regionale sulle pratiche di inclusione", "Atlante delle pratiche", "Practice database"
        r"\b(?:banca dati|catalogo|repertorio|raccolta|database|osservatorio|archivio|atlante|mappa)(?: \w+){0,2} "
        r"(?:delle|di|sulle) (?:buone )?pratiche\b|\bpractices? (?:database|catalogue|observatory|repository)\b|"
        # a case study of a local practice names itself so: "Case study: X's ...", "Local practice case studies, No. 7"
        r"\bcase stud(?:y|ies)\b|\bcas[oi] di studio\b|\bstudi[oi] di caso\b",
        "title",
    ),
    _cue("practice_report", 2, r"\bbuon[ae] pratic[ah]e?\b|\bgood practices?\b", "body"),
    # a heading of its own: "Trasferibilità", "Risultati e trasferibilità", "Results and transferability"
    _cue(
        "practice_report",
        2.5,
        _LINE + r"(?:(?:risultati|esiti|results|outcomes) (?:e|and) )?"
        r"(?:trasferibilita|replicabilita|transferability|replicability)\b",
        "lines",
    ),
    _cue(
        "practice_report",
        2,
        _LINE + r"(?:elementi di innovazione|innovativita|lezioni apprese|punti di forza|"
        r"fattori di successo|criticita(?: incontrate)?|sostenibilita|lessons(?: learn[te]d?)?|success factors|"
        r"descrizione della pratica|come (?:e nata|funziona)|risultati raggiunti|"
        # the practice named as the subject of a heading ("La pratica in breve", "The practice at a glance"), and what
        # did not work, a practice database's own section ("Che cosa non ha funzionato", "What did not work")
        r"la pratica(?: in (?:breve|sintesi))?\s*$|the practice(?: in brief| at a glance)?\s*$|"
        r"(?:che )?cosa non ha funzionato|what (?:did not|didn't|has not) work(?:ed)?)\b",
        "lines",
        cap=3,
    ),
    _cue("practice_report", 1, r"\b(?:trasferibil|replicabil|transferab|replicab)\w*", "body", cap=2),
    # Report (rapporto, relazione, monitoraggio, valutazione)
    _cue(
        "report",
        4,
        r"\b(?:rapporto|relazione|report|monitoraggio|valutazione|evaluation|assessment|"
        r"executive summary|sintesi dei risultati|riepilogo|consuntivo|rendicontazione)\b",
        "title",
    ),
    # ... stated as the document's own kind, a report of a stage or a year ("Final report to the Foundation", "Relazione
    # finale", "Rapporto di monitoraggio"): the genre named, stronger than a form's labels a report also carries (its
    # lead applicant, partners, target groups)
    _cue(
        "report",
        3,
        r"\b(?:final|annual|interim|progress|monitoring|evaluation|activity|mid-term|closing) report\b|"
        r"\breport (?:finale|annuale|intermedio|conclusivo)\b|"
        r"\b(?:relazione|rapporto) (?:finale|annuale|intermedi[ao]|conclusiv[ao]|di (?:monitoraggio|valutazione))\b",
        "title",
    ),
    # An organisation's accounts of its year (a third-sector body's social report, art. 14 of d.lgs. 117/2017),
    # or a chapter of one: a report, though none of the words above names it
    _cue(
        "report",
        4,
        r"\bbilancio (?:sociale|di sostenibilita|di missione)\b|\brendiconto (?:sociale|annuale|di attivita)\b|"
        r"\bsocial (?:report|accounts)\b",
        "title",
    ),
    _cue("report", 1, _LINE + r"(?:capitolo|chapter) \d+\b", "lines"),
    _cue(
        "report",
        1,
        _LINE + r"(?:indice|sommario|introduzione|premessa|metodologia|methodology|methods?|"
        r"conclusioni|conclusions?|raccomandazioni|recommendations?|findings|key findings|executive summary|"
        r"sintesi|indicatori|indicators|stato di (?:attuazione|avanzamento)|avanzamento|"
        r"periodo di riferimento|reporting period|scostamenti|spesa sostenuta|next steps|prossimi passi)\b",
        "lines",
        cap=4,
    ),
    _cue(
        "report",
        1.5,
        r"\b(?:periodo di (?:riferimento|monitoraggio|rendicontazione)|reporting period|period covered|"
        r"(?:primo|secondo|i|ii) semestre|mid-term|intermedia|ex post|indicatori di (?:risultato|output))\b",
        "body",
        cap=2,
    ),
    # An indicator workbook's rows (a spreadsheet read as "Indicatore: X; Atteso: 24; 2020: 24; Totale progetto: 36"):
    # an indicator with a value per year or a value achieved is a monitoring report's table (a project sheet's
    # indicators have expected values only); in long format, a row whose kind of value is a result ("Area: Alloggi;
    # Indicatore: X; Periodo: 2020; Tipo di valore: Risultato; Valore: 148"), the indicator maybe after an area
    _cue(
        "report",
        2,
        _LINE + r"(?:[^\n:;|]{1,40}[:|][^\n;|]*[;|]\s*)?(?:indicatore|indicator)\s*[:|][^\n]*[;|]\s*"
        r"(?:(?:20\d\d|realizzat\w*|raggiunt\w*|conseguit\w*|achieved|actual)\b[^:;|\n]{0,20}[:|]\s*\d|"
        r"(?:tipo|value type)[^:;|\n]{0,20}[:|]\s*(?:risultat[oi]|realizzat\w*|raggiunt\w*|consuntiv\w*|achieved|"
        r"actual)\b)",
        "lines",
        cap=2,
    ),
    # A results table setting what was achieved beside what was planned: a header "Target | Achieved", "Atteso |
    # Raggiunto", "Previsto | Realizzato" (a project sheet's indicators have targets only)
    _cue(
        "report",
        1.5,
        r"\b(?:target|expected|planned|atteso|attesi|previsto|previsti|obiettivo)\s*[|\t;]\s*"
        r"(?:achieved|actual|reached|delivered|raggiunt[oi]|realizzat[oi]|conseguit[oi]|ottenut[oi])\b",
        "body",
    ),
    # What was done, as a final or monitoring report states it ("Attività realizzate", a column "Risultato finale
    # (cumulato al ...)"); a project sheet states what is planned ("Attività previste", "Risultati attesi")
    _cue(
        "report",
        1.5,
        r"\b(?:attivita (?:realizzate|svolte|concluse)|risultat[oi] (?:finale|finali|conseguit[oi]|ottenut[oi])|"
        r"cumulat[oi] al|valore (?:raggiunto|finale)|activities (?:carried out|delivered)|results achieved)\b",
        "body",
        cap=2,
    ),
    # Press article: the genre named ("Comunicato stampa", "Intervista a ...", a newsletter's issue)
    _cue(
        "press_article",
        3,
        r"\bcomunicato stampa\b|\bnota stampa\b|\bpress release\b|\bintervista\b|\binterview\b|"
        r"\bnewsletter\b|\bnotiziario\b",
        "title",
    ),
    # Press article: agency tags, datelines ("ROMA, 23 NOV -", "Bra, 12 marzo 2025 -", "Roma - Intercettare")
    _cue(
        "press_article",
        4,
        r"\(" + _AGENCIES + r"\)\s*[-–]|\((?:agenzia|agency|news agency)\b[^()\n]{0,40}\)\s*[-–]",
        "body",
    ),
    # the place may carry its province: "PAOLA (Cosenza), 9 ottobre 2025", "Vasto (CH) - 3 marzo"
    _cue(
        "press_article",
        3,
        r"^\s*[A-ZÀ-Ý][A-Za-zÀ-ÿ' ]{1,30}(?:\s*\([A-Za-zÀ-ÿ' ]{2,30}\))?(?:,|\s[-–])\s*\d{1,2}\s" + _MONTHS_RAW,
        "lines",
        raw=True,
    ),
    _cue("press_article", 2, r"^\s*" + _DATELINE_PLACE + r" [-–] [A-ZÀ-Ý]", "lines", raw=True),
    # a publication date on its own near the top: "23 ottobre 2023", "[23/10/2023] - ", "17-10-2023 18:22"
    _cue("press_article", 2, r"^\W{0,3}\d{1,2}(?: " + _MONTHS + r" |[/.\-]\d{1,2}[/.\-])\d{2,4}\b", "lines"),
    # bylines: "di Giulia Serra", "DI GIULIA MASCIA", "By Marco Piras"
    _cue(
        "press_article",
        2,
        r"^\s*(?:[Dd]i|DI|[Bb]y|BY|[Aa] cura di)\s+\[?[A-ZÀ-Ý][A-Za-zà-ÿ']+ [A-ZÀ-Ý][A-Za-zà-ÿ']+",
        "lines",
        raw=True,
    ),
    _cue(
        "press_article",
        2,
        r"\b(?:ha (?:dichiarato|spiegato|detto|sottolineato|commentato|aggiunto|annunciato)|"
        r"spiega|commenta|sottolinea|dichiara|afferma|racconta|said|explained)\b",
        "body",
        cap=3,
    ),
    _cue(
        "press_article",
        1,
        r"\b(?:l'assessor[ea]|il sindaco|la sindaca|l'assessorato|the mayor|councillor)\b",
        "body",
        cap=2,
    ),
    _cue(
        "press_article",
        1.5,
        r"\b(?:leggi anche|condividi|pubblicato il|ultimo aggiornamento|fonte:|riproduzione riservata|redazione|"
        r"tutti i diritti|minuti di lettura|tempo di lettura|leggi tutta la notizia|read more)\b",
        "body",
        cap=2,
    ),
)
# A press review's structure: several articles, each under its outlet and date ("Il Piccolo, 25 novembre 2025 –
# Monfalcone, ...", "La Nazione, edizione di La Spezia, 13 novembre 2025") or opening on a dateline of its own place
# ("SARZANA. Sono 180 ..."). One article has one of each (its own dateline); a newsletter's news name no outlet.
_ATTRIBUTION = re.compile(
    r"^[ \t•*#>\-]*([A-ZÀ-Ý][^\n,;.:!?]{1,40}?),(?:[ \t]*edizione d[i'’][^\n,]{1,30},)?[ \t]*"
    r"(\d{1,2})(?:°|º)?[ \t]+(" + _MONTHS_RAW + r")[ \t]+(\d{4})[ \t]*(?:$|[–—-][ \t])",
    re.M,
)
_UPPER_DATELINE = re.compile(
    r"^[ \t]*([A-ZÀ-Ý][A-ZÀ-Ý'’ ]{2,40}?)(?:[ \t]*\([^)\n]{2,30}\))?[ \t]*[.,][ \t]+(?=[A-ZÀ-Ý0-9«\"“])", re.M
)
REVIEW_HEAD_WEIGHT = 5.0  # per article head when a text has two or more (at most three count)
# A workbook is a table of figures: of the genres, a report (indicators, accounts, monitoring) unless its content
# makes it something else; as strong as the threshold, so a form of project-sheet labels or minutes still wins.
SPREADSHEET_FORMATS = frozenset({"xlsx", "xls", "ods", "csv"})
SPREADSHEET_REPORT_PRIOR = 3.0
# An e-mail is a message (`other`): a covering note, an answer, news sent to a network, whatever report, sheet or
# call its subject or greeting names ("i numeri per la relazione al Consiglio", "dati per la relazione regionale").
# It is of a genre only when its own part carries a document of that genre (the minutes of a meeting written out in
# the body), so its genre must outscore this, twice the threshold; what it forwards or quotes is another sender's
# (ingest/messages.py).
MESSAGE_PRIOR = 6.0


def article_heads(text: str) -> int:
    """How many articles a text holds by their heads: distinct outlet-and-date lines, or distinct places opening
    an upper-case dateline, whichever is more (0 or 1: one article at most)."""
    outlets = {(m.group(1).strip().lower(), m.group(2), m.group(3)[:3].lower(), m.group(4))
               for m in _ATTRIBUTION.finditer(text)}  # fmt: skip
    gazetteer = Gazetteer.default()  # a dateline's place is a comune (not a speaker: "CONSIGLIERE ROSSI.")
    places = {m.group(1).strip() for m in _UPPER_DATELINE.finditer(text) if gazetteer.homonyms(m.group(1).strip())}
    return max(len(outlets), len(places))


# When two genres tie, the more specific form wins.
_PRIORITY = ("press_review", "act", "minutes", "practice_report", "project_sheet", "report", "press_article", "message")
_NOT_A_GENRE = frozenset({"act", "message"})  # a winner of these is `other`


@dataclass
class TypeDecision:
    doc_type: str
    scores: dict[str, float] = field(default_factory=dict)
    source: str = "content"  # "content", "catalogue" (an entry or upload field), "splitter"


class DocTypeClassifier:
    """Pipeline stage: a document's type from its title, text and language. Pure rules, nothing to load."""

    def __init__(self, threshold: float = 3.0, head_chars: int = 20_000) -> None:
        if threshold <= 0 or head_chars < 1000:
            raise ValueError(f"need threshold > 0 and head_chars >= 1000, got {threshold}, {head_chars}")
        self.threshold = threshold
        self.head_chars = head_chars

    def scores(
        self,
        title: str,
        text: str,
        language: str | None = None,
        file_format: str | None = None,
        email: bool | None = None,
    ) -> dict[str, float]:
        """Each genre's score; `email`: whether the text is an e-mail (ingest/documents.py decides it once for the
        document), else decided here by ingest/messages.is_email."""
        email = is_email(text, file_format) if email is None else email
        if email:
            text = own_part(text)  # a forwarded sheet or the quoted questions are another sender's document
        head = text[: self.head_chars]  # genres show in their first pages; bounds the work on huge files
        first_lines = "\n".join([title, *[ln for ln in head.splitlines() if ln.strip()][:3]])
        folded = {"title": fold(first_lines), "body": fold(head), "lines": fold(head)}
        raw = {"title": first_lines, "body": head, "lines": head}
        scores = dict.fromkeys(_PRIORITY, 0.0)
        for cue in CUES:
            if email and cue.where == "title":
                continue  # an e-mail's subject says what it is about ("dati per il rapporto ..."), not what it is
            haystack = (raw if cue.raw else folded)[cue.where]
            count = sum(1 for _ in zip(range(cue.cap), cue.pattern.finditer(haystack), strict=False))
            scores[cue.doc_type] += cue.weight * count
        heads = article_heads(head)
        if heads >= 2:
            scores["press_review"] += REVIEW_HEAD_WEIGHT * min(heads, 3)
        words = len(head.split())
        if words > 2500:
            scores["press_article"] -= 3  # articles are short
        if language == "en" and words > 300:
            scores["report"] += 1  # the network's English documents are reports for an EU audience
        if file_format in SPREADSHEET_FORMATS:
            scores["report"] += SPREADSHEET_REPORT_PRIOR
        if email:
            scores["message"] = MESSAGE_PRIOR
        return scores

    def run(
        self,
        title: str,
        text: str,
        language: str | None = None,
        file_format: str | None = None,
        email: bool | None = None,
    ) -> TypeDecision:
        """The type of one document; `file_format` is the reader's (RawText.format), when the document is a whole
        file; `email` as for `scores`."""
        scores = self.scores(title, text, language, file_format, email)
        best = max(_PRIORITY, key=lambda t: (scores[t], -_PRIORITY.index(t)))
        doc_type = best if scores[best] >= self.threshold and best not in _NOT_A_GENRE else "other"
        return TypeDecision(doc_type, scores)
