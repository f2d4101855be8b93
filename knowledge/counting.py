"""Is a number followed by a noun a count of what a practice did? The context rules shared by the known units
and any counted noun: numbers that name (an article, a page, a street number, a phone), date, measure a
population or an age, or point back to a count stated elsewhere ("dei 200 contatti, ...") are not figures."""

from __future__ import annotations

import re

from knowledge.cues import PART

# The words right before a number that make it a name or a reference, not a count.
_NAMING = re.compile(
    r"(?:\b(?:art|artt|articol[oi]|comm[ai]|legge|l|d\.\s*lgs|d\.lgs|dlgs|decreto|dpr|d\.p\.r|n|nn|nr|num|numero|"
    r"pag|pagin[ae]|pp?|p|tel|telefono|fax|cell|cellulare|cap|civico|interno|lotto|tabella|figura|fig|allegato|"
    r"capitolo|sezione|punto|misura|azione|obiettivo|wp|no|page|section|table|phone|aged?|età)\.?"
    r"|n°|nº|#|\+\d{1,3})\s*$",
    re.I,
)
# A street and its number: "via Garibaldi 12", "piazza San Francesco 3"; the street's name is capitalised
# ("lo sportello di via Jannoni ha aperto 87 cartelle": the words after the name are the sentence going on).
_ADDRESS = re.compile(
    r"\b(?i:via|viale|piazza|piazzale|corso|largo|vicolo|contrada|località|loc\.|strada|borgo)\s+"
    r"(?:(?:[A-ZÀ-Ý0-9][\w'’.]*|d[ei]|del|della|dei|degli|delle|[Ss]an|[Ss]anta)\s+){0,5}$"
)
# The whole a count is part of: "312 votanti su circa 3.900 aventi diritto", "19 su 33", "12 out of 40".
_DENOMINATOR = re.compile(r"\d[\d.,]*\s+(?:[a-zà-ù]+,?\s+){0,4}?(?:su|out\s+of|of\s+the)\s+"
                          r"(?:(?:circa|oltre|un\s+totale\s+di|about|a\s+total\s+of)\s+)?$", re.I)  # fmt: skip
# Those who attended the meeting itself: "Presenti: 11 componenti; assenti: 2".
_ATTENDANCE = re.compile(r"\b(?:presenti|assenti|present|absent|attendees)\s*:\s*$|"
                         r"\b(?:riunione|seduta|tavolo|meeting)\b[^.;]{0,40}\b(?:erano|sono|risultano|were)\s+"
                         r"present[ie]\s+(?:(?:circa|oltre)\s+)?$", re.I)  # fmt: skip
# Members of a body present at its meeting: "8 assessori su 9", "12 consiglieri presenti su 15".
_QUORUM = re.compile(r"\d+\s+(?:assessori|consiglieri|componenti|membri|members|councillors)(?:\s+presenti)?\s+"
                     r"(?:su|out\s+of|of)\s+\d", re.I)  # fmt: skip
# A part of the count just stated: "N X, di cui M", "N X, of whom M", about that many ("di cui poco meno di 3.900",
# "of whom nearly 900").
_PART_OF = re.compile(rf"(?P<whole>\d[\d.,]*\s+(?:[\w'’]+\s+){{0,3}}?[\w'’]+)\s*,?\s*{PART}\s+"
                      r"(?:(?:circa|oltre|quasi|almeno|poco\s+(?:meno|più)\s+di|più\s+di|meno\s+di|about|around|"
                      r"nearly|almost|over|some|just\s+(?:under|over))\s+)?$", re.I)  # fmt: skip
# A part named after its number ("640 delle quali", "1,300 of whom") and the count right before it, its whole.
_PART_AFTER = re.compile(r"(?:\d[\d.,]*|[a-zà-ù]+)\s+(?:(?:dei|delle|degli)\s+quali|of\s+(?:whom|which))\b", re.I)
_WHOLE_BEFORE = re.compile(r"(?<![\w/.,-])\d[\d.,]*\d?\s+(?:[\w'’]+\s+){0,2}?[\w'’]+\s*,\s*$")
_OTHER_COUNT = re.compile(r"(?<![\w/.,-])(?!(?:19|20)\d\d\b)\d[\d.,]*\s+(?:[a-zà-ù]+\s+){0,2}$", re.I)
# A number per unit or a ceiling states a rule of the service, not what it did: "per ogni alloggio sono previsti 4
# posti", "ogni operatore segue al massimo 25 casi", "massimo 30 persone alla volta" ("2 appartamenti con 4 posti
# letto ciascuno" says what the flats hold: the corpus gold counts it).
_PER_EACH_BEFORE = re.compile(r"\b(?:per\s+ogni|per\s+ciascun[oa]?|for\s+each)\s+[a-zà-ù]+\b[^,;:.\d]{0,30}$|"
                              r"(?:^|[,;:]\s*)(?:ogni|ciascun[oa]?|each|every)\s+[a-zà-ù]+\s+[^,;:.\d]{0,30}$",
                              re.I)  # fmt: skip
_CEILING = re.compile(r"\b(?:al\s+massimo|fino\s+a(?:\s+un\s+massimo\s+di)?|massimo(?:\s+di)?|up\s+to|at\s+most|"
                      r"a\s+maximum\s+of|maximum(?:\s+of)?)\s+$", re.I)  # fmt: skip
# People who live in the housing the practice provides ("5 appartamenti ..., dove oggi vivono 12 persone", "Nelle case
# trovate dall'agenzia vivono oggi 46 persone"): housed. Not the homes of a place ("nelle case del quartiere", "nelle
# case popolari").
_HOUSED = re.compile(r"\b(?:alloggi|appartament[io]|case|abitazioni|coabitazioni|flats|apartments|homes)\b[^.;]*"
                     r"\b(?:dove|in\s+cui|nei\s+quali|nelle\s+quali|where)\s+(?:\w+\s+){0,2}$|"
                     r"(?:^|[,;:]\s*)(?:(?:oggi|ora|adesso|attualmente|ancora)\s+)?(?:nei|negli|nelle|in\s+quest[ie])\s+"
                     r"(?:alloggi|appartament[io]|case|abitazioni|"
                     r"coabitazioni)\b(?![^,;:]*\b(?:(?:del|della|dei|delle)\s+(?:quartiere|città|citta|paese|comune|zona|"
                     r"provincia|centro|rione)|popolari|erp|di\s+edilizia)\b)[^,;:.]*$", re.I)  # fmt: skip
# A determiner before the number: the count was stated before and is referred to ("dei 200 contatti, 40...").
# "dei 20 ...", "tutti i 14 ragazzi inseriti", "all 14 of": the count stated elsewhere, referred back to.
_REFERENCE = re.compile(r"\b(?:dei|degli|delle|sui|sugli|sulle|tra\s+i|tra\s+le|fra\s+i|fra\s+le|of\s+the|"
                        r"tutt[ie]\s+(?:e\s+)?(?:i|gli|le))\s+$", re.I)  # fmt: skip
# A definite article before a number word names things already known ("i due appartamenti sono occupati",
# "le tre sedi"): a description, not a count of what was done.
_ARTICLE = re.compile(r"(?:^|\s)(?:i|gli|le|the)\s+$", re.I)
# What follows a number that makes it a date, a share, an age, a time of day or part of a phone number.
_AFTER = re.compile(r"^(?:\s*[/.-]\s*\d|\s*%|\s*per\s*cento|\s*percent|\s+anni\b|\s+years?\s+old|\s*[:.]\d\d\b|"
                    r"\s+\d{3,})", re.I)  # fmt: skip
# A sentence that states how many people live somewhere: its counts of people are context, not results.
POPULATION = re.compile(
    r"\b(?:abitanti|residenti|popolazione|abitav\w+|censiti|inhabitants|residents|"
    # ... and residing in the housing provided too: "risiedono negli alloggi 33 persone"
    r"risied\w+(?!\s+(?:\w+\s+){0,2}(?:alloggi|appartament\w*|cas[ae]|coabitazion\w*|struttur\w*)\b)|"
    # living in the housing provided is being housed: "altri 9 vivono negli alloggi ponte", "7 vivono oggi in un
    # alloggio in affitto"
    r"(?<!\bci\s)(?<!\bvi\s)viv(?:ono|evano)(?!\s+(?:\w+\s+){0,3}(?:allogg\w*|appartament\w*|cas[ae]|"
    r"coabitazion\w*|struttur\w*|affitto)\b)|"
    # ... and living there ("ci vivono 29 persone": `_LIVE_THERE`), or in flats of the
    # project's ("34 people lived in the project flats")
    r"population|(?:live|lived)\s+in(?!\s+(?:them|it|the\s+(?:[\w-]+\s+){0,2}(?:flats?|apartments?|houses?|homes?))"
    r"\b))\b",
    re.I,
)
# The size of a place: "una città di circa 40.000 persone", "a town of about 12,000 people".
_PLACE_SIZE = re.compile(r"\b(?:city|town|village|comune|citt[àa]|paese|centro)\s+(?:of|di)\s+(?:(?:about|around|some|"
                         r"over|nearly|circa|oltre|quasi|poco\s+(?:più|meno)\s+di)\s+)?$", re.I)  # fmt: skip
# "il cento per cento": a number word after "per" is a share ("per cento", "per mille"), never a count.
_PER_CENT = re.compile(r"\bper\s*$", re.I)
PEOPLE_UNITS = {"people", "families", "minors", "women"}
# Residents who took part in something are a count of the practice ("35 residents have joined the council",
# "un gruppo di 12 donne già residenti sarà formato"), not the size of a population.
_TOOK_PART = re.compile(
    r"\b(?:have|has)\s+(?:joined|attended|taken\s+part|participated|volunteered)|\bjoined\b|"
    r"\bsi\s+sono\s+iscritt|\bcoinvolg\w+|\bcome\s+volontar|"
    r"\b(?:hanno|ha)\s+(?:partecipato|aderito|preso\s+parte|frequentato|richiamato|coinvolto|votato)|\bvoted\b|"
    r"\bsono\s+stat[ie]\s+elett|\bwere\s+elected|\b(?:volunteered|participated|attended|took\s+part)\b|\breached\b|\bha(?:nno)?\s+raggiunto\b|"
    r"\bsar(?:à|anno)\s+format|\bsono\s+stat[ie]\s+(?:coinvolt|format|accolt|inserit)",
    re.I,
)
# Residents with whom an event was held took part in it: "la festa di contrada, con una cinquantina di residenti",
# "a dinner with 40 residents" (not "un comune con 12.000 residenti": no event in the clause).
_WITH = re.compile(r"\b(?:con|with)\s+(?:(?:circa|oltre|almeno|quasi|about|over|some|una?|a)\s+)?$", re.I)
_PLACE_WITH = re.compile(r"\b(?:comune|citt[àa]|paese|quartiere|frazione|centro|town|city|village|district)\s+"
                         r"(?:[\w'’]+\s+){0,3}(?:con|with)\s+(?:[\w'’]+\s+)?$", re.I)  # fmt: skip
_EVENT = re.compile(r"\b(?:fest[ae]|cen[ae]|pranz[oi]|event[oi]|incontr[oi]|assemble[ae]|laborator[io]|"
                    r"spettacol[oi]|events?|dinners?|lunch(?:es)?|parties|party|meetings?|workshops?)\b",
                    re.I)  # fmt: skip
# "a Genova sono presenti 12 musei": what a place has, not what a practice did (only for nouns of any kind).
_EXISTS = re.compile(
    r"\b(?:sono\s+presenti|ci\s+sono|esistono|si\s+contano|there\s+are)\s+(?:(?:circa|oltre|ben|almeno)\s+)?$", re.I
)

# ... but the practice's own rooms, flats or places that people have lived in since ("nella canonica ci sono 5 stanze
# e finora ci hanno abitato 9 persone", "due appartamenti ...: ci sono 8 posti, e da gennaio ci hanno vissuto 19
# ragazzi"): a past participle of living or being hosted there, in the clause after the count; a city's stock where
# people live now ("In città ci sono 300 alloggi popolari, in cui vivono circa 900 famiglie") stays what a place has.
# Dwellings on record as vacant ("a Este risultano 11 alloggi sfitti in attesa di manutenzione", "ne risultano 48
# sfitti"): the owner's stock, not what the practice did with it ("ha recuperato 9 case sfitte" is).
_ON_RECORD = re.compile(r"\b(?:ne\s+)?(?:risulta(?:no)?|sono\s+censit[ie]|si\s+registrano)\s+(?:(?:circa|oltre|ben|"
                        r"almeno|ancora)\s+)?$", re.I)  # fmt: skip
_VACANT = re.compile(r"(?:\s+[a-zà-ù]+){0,2}?\s+(?:sfitt|vuot|inutilizzat|disabitat|vacant|empty)\w*\b", re.I)
_LIVED_IN = re.compile(r"[^;:.]{0,60}?\b(?:ci|vi)\s+(?:hanno|sono)\s+(?:già\s+)?(?:abitat|vissut|stat[ie]\s+(?:accolt|"
                       r"ospitat))\w*|[^;:.]{0,60}?\bhanno\s+(?:già\s+)?(?:ospitato|accolto)\b", re.I)  # fmt: skip


# An organisation's or a place's own workforce and members ("Al 31 dicembre conta 112 soci e 187 lavoratrici e
# lavoratori", "nella zona industriale lavorano oltre 8.000 addetti", "the cooperative employs 40 people"): who
# does the work or owns the body, not whom the practice served.
_WORKFORCE = re.compile(r"(?:soci[ae]?|associat[ie]|addett[ie]|lavorat(?:ori|rici)|braccianti|dipendenti|employees|"
                        r"members|"
                        r"workers|staff)\b", re.I)  # fmt: skip
# ... and a part of them ("148 lavoratori (di cui 31 svantaggiati)")
_OF_WORKFORCE = re.compile(_WORKFORCE.pattern + r"\s*\(?\s*(?:di\s+cui|of\s+whom)\s+$", re.I)
# ... but the members of a council, committee or group the practice set up are what it did ("la consulta conta 15
# membri", "the new residents' committee counts 12 members").
_BODY = re.compile(r"\b(?:consiglio|consulta|comitato|assemblea|gruppo|rete|council|committee|board|group|network|"
                   r"forum|associazione\s+(?:dei|delle|di)\s+(?:nuovi|migranti|stranieri|residenti|inquilini))\b",
                   re.I)  # fmt: skip
_HAS_WORKFORCE = re.compile(
    r"\b(?:conta|contano|contava|contavano|impiega|impiegano|impiegava|(?:ha|hanno|aveva|avevano)\s+impiegato|"
    r"occupa|occupano|lavorano|lavoravano|"
    r"employs|employ|employed|counts|"
    # ... or is looking for: "il porto cerca almeno 200 nuovi addetti" (jobs wanted, not people served)
    r"cerca|cercano|cercherà|ricerca|seeks|needs|(?:is|are)\s+looking\s+for)\s+"
    # ... in a season ("nell'area ... lavorano in estate circa 2.000 braccianti")
    r"(?:(?:in|d['’]|ogni|during|in\s+the)\s*(?:estate|inverno|stagione|anno|summer|winter|season)\s+)?"
    r"(?:(?:circa|oltre|più\s+di|quasi|almeno|about|over|some|nearly|more\s+than|at\s+least)\s+)?"
    # the counts listed after the verb ("conta 112 soci, 148 lavoratori (di cui 31 svantaggiati) e ...")
    r"(?:\d[\d.,]*\s+[\w'’]+(?:\s+[\w'’]+)?\s*(?:,|\(?\s*di\s+cui\b|\s(?:e|and)\b)\s*)*$",
    re.I,
)


# Damage a disaster did ("the May 2023 floods, which damaged more than 1,500 homes", "il sisma ha reso inagibili 300
# case"): the setting a practice answers, not what it did.
_DAMAGE = re.compile(r"\b(?:damaged|destroyed|flooded|danneggiat[oaie]|distrutt[oaie]|allagat[oaie]|"
                     r"res[oaie]\s+inagibili|(?:ha|hanno)\s+(?:danneggiato|distrutto|allagato))\s+"
                     r"(?:(?:more\s+than|over|about|around|some|nearly|almost|oltre|circa|quasi|più\s+di)\s+)?$",
                     re.I)  # fmt: skip
# The size of a survey's sample ("a survey of 120 users"): how a study was made, not what the practice did.
_SAMPLE = re.compile(r"\b(?:survey|sample|questionnaire|indagine|campione|questionari\w*|sondaggio)\s+"
                     r"(?:of|on|among|su|di|a|tra)\s+(?:(?:about|circa|oltre|the|i|gli|le)\s+)?$", re.I)  # fmt: skip
# How a study was made ("is based on 14 interviews", "si basa su 20 questionari"): its sources, not results.
_METHOD = re.compile(r"\b(?:(?:is|are|was)\s+based\s+on|based\s+on|si\s+basa\s+su|basat[aoie]\s+su|metodologi\w+|"
                     r"methodology|fonti\s+dei\s+dati|data\s+sources|"
                     # ... drawn from its sources ("It draws on the monitoring database, 42 interviews and ...", "was
                     # written from the project's monitoring data, twelve interviews and two focus groups")
                     r"draws?\s+on|drawing\s+on|drawn\s+(?:up\s+)?from|(?:written|compiled|prepared)\s+(?:from|on\s+the"
                     r"\s+basis\s+of)|(?:redatt|elaborat|scritt)[oa]\s+(?:sulla\s+base\s+d|a\s+partire\s+da)|"
                     # interviews listed with focus groups are a study's sources
                     r"(?:interviews?|interviste)\b[^.;]*\bfocus\s+groups?\b|"
                     # the evaluators' own interviews and visits ("The evaluation team carried out 45 interviews")
                     r"(?:evaluation|evaluators?|valutator\w+|valutazione)\b[^.;]*\b(?:interviews?|interviste|focus\s+groups?"
                     r"|questionnaires?|questionari))\b", re.I)  # fmt: skip

# Who waits is not who was served: "140 domande in attesa", "altre 15 famiglie sono in lista", "4.000 domande in
# graduatoria", "200 persone in lista d'attesa" ("88 richiedenti asilo in attesa di un posto" says what they wait for
# while the practice serves them: a count).
_WAITING = re.compile(r"\bin\s+(?:lista(?:\s+d['’]\s*attesa)?|graduatoria)\b|\bgraduatori[ae]\b|"
                      r"\blist[ae]\s+d['’]\s*attesa\b|"
                      r"\bin\s+attesa\b(?!\s+(?:di|del|della|dello|dei|degli|delle|d['’]))|\bwaiting\s+lists?\b|"
                      r"\bon\s+(?:the\s+|a\s+)?waiting\b", re.I)  # fmt: skip
# People landing by sea are the flows a place sees, like "arrivi" and "sbarchi" (`knowledge.counted_nouns`), told by
# their verb ("where 2,310 people disembarked in 2024", "nel porto sono sbarcate 1.800 persone"): never a practice's
# count; "120 persone sbarcate a Pozzallo" accolte by a service are its own.
_LANDING_AFTER = re.compile(r"[\d.,]+\s+(?:(?!(?:who|that|which|whom)\b)[\w'’-]+\s+){0,3}?(?:have\s+|had\s+)?"
                            r"(?:disembarked|landed|came\s+ashore)\b", re.I)  # fmt: skip
_LANDING_BEFORE = re.compile(r"\b(?:sono|erano|sono\s+stat[ie])\s+(?:sbarcat[ei]|approdat[ei])\s+"
                             r"(?:(?:circa|oltre|ben|quasi|più\s+di)\s+)?$", re.I)  # fmt: skip
# A daily rate measures a service's throughput, not what it did ("ci aiutano a servire 70 pasti al giorno", "an average
# of 40 people a day"; the gold reads such counts as optional at most).
_DAILY = re.compile(r"[^,;:.]{0,40}?\b(?:al\s+giorno|ogni\s+giorno|al\s+dì|a\s+day|per\s+day|each\s+day)\b", re.I)
# A count said of what happens every day, month or summer, its verb in the present ("la mensa serve ogni giorno circa
# 140 pasti", "Ogni estate, ..., arrivano oltre 8.000 lavoratori", "fa ogni anno più di 900 visite"): a rate or the
# place's setting, not what was done; a past or a result in its clause ("ha effettuato", "c'erano") is no rate.
_HABITUAL = re.compile(r"\b(?:ogni|every|each)\s+(?:giorno|settimana|mese|anno|estate|inverno|sera|notte|day|week|"
                       r"month|year|summer|winter|evening|night)\b(?![^;:]*\b(?:ha|hanno|è|sono|era|erano|c['’]erano|"
                       r"aveva|avevano|has|have|had|was|were)\b)(?![^;:]*\b[a-zà-ù]+(?:ato|ati|ata|ate|uto|uti|ito|iti|"
                       r"ed)\b)[^;:]*$", re.I)  # fmt: skip
# A sentence that opens as a comparison is about something else ("Per confronto, il CPIA di Tortona ha avuto circa
# 300 iscritti", "By comparison, the regional service followed 900 people").
COMPARISON = re.compile(r"^\W*(?:per|a\s+titolo\s+di|in)\s+confronto\b|^\W*(?:by|for|in)\s+comparison\b", re.I)
# Figures of the place quoted from someone else's statistics ("secondo i dati della Prefettura, ... circa 14.000
# respingimenti", "secondo le stime della Coldiretti, lavorano circa 3.000 braccianti", "secondo una stima della
# Regione", someone's estimate "la Regione stima che ... 300 marinai"): the context, not results.
_QUOTED_STATISTICS = re.compile(r"\b(?:secondo\s+(?:i\s+dati|le\s+stime|le\s+statistiche|l['’]\s*istat|il\s+censimento|"
                                r"l['’]\s*osservatorio|il\s+rapporto|(?:una|la|un['’]\s*|l['’]\s*)\s*(?:stima|"
                                r"rilevazione|indagine|elaborazione|analisi)\s+(?:del|della|dell['’]|dei|delle|degli|di))|"
                                r"stando\s+(?:ai\s+dati|alle\s+stime)|"
                                r"according\s+to\s+(?:the\s+|an?\s+)?(?:data|estimates?|figures|statistics|census|survey))\b|"
                                # someone else's estimate of the place: "La Regione stima che nei porti manchino
                                # almeno 300 marinai", "the Province estimates that ..." (not the project's own)
                                r"(?<!progetto\s)(?<!abbiamo\s)(?<!we\s)\b(?:stima|stimano|ha\s+stimato|hanno\s+stimato|"
                                r"si\s+stima|estimates|estimated)\s+(?:che|that)\b", re.I)  # fmt: skip


# The State's offices in the province, the prefecture and the police headquarters, as the subject of a count's clause
# or its source ("la Questura di X, che nel 2025 ha rilasciato in provincia oltre 2.400 permessi", "The prefecture's
# reception centres in the area host around 260 asylum seekers", "..., secondo la Prefettura"): their own figures of
# the province, never the project's; not where the project's people are accompanied ("accompagnate in Questura",
# "presso la Questura di X": a preposition before it).
_STATE_OFFICE = r"(?:prefettur[ae]|questur[ae]|prefectures?|police\s+headquarters)"
_STATE_SOURCE = re.compile(rf"\b(?:secondo|according\s+to)\s+(?:la|le|the)\s+{_STATE_OFFICE}\b", re.I)
_STATE_SUBJECT = re.compile(rf"(?:^|[,;:(]\s*|\b(?:e|ed|che|mentre|and|while|that)\s+)(?:la|le|the)\s+"
                            rf"{_STATE_OFFICE}\b|" + _STATE_SOURCE.pattern, re.I)  # fmt: skip


# A currency before the number makes it a sum ("EUR 384,000 comes from ...", "€ 12.000 sono andati ..."): money is
# read by `knowledge.money`, never as a count of its next word.
_CURRENCY = re.compile(r"(?:\b(?:EUR|euro|USD)|[€$£])\s*$", re.I)
# Facts of the province or the region, not of the comune ("nel territorio della provincia sono impiegati circa 12.000
# lavoratori"): said before the count in its own segment ("nella provincia di Pisa il progetto ha ospitato 31
# persone" places the project, not a wider fact).
_WIDER_PLACE = re.compile(r"\b(?:nel(?:l['’]\s*intero)?\s+territorio\s+"
                          r"(?:della\s+provincia|provinciale|regionale|della\s+regione)|"
                          r"in\s+tutta\s+la\s+(?:provincia|regione)|nell['’]\s*intera\s+(?:provincia|regione)|"
                          r"across\s+the\s+(?:whole\s+)?(?:province|region)|"
                          # a wider place as the subject of what it has ("The region hosts around 4,500 asylum seekers")
                          r"(?:the|this)\s+(?:region|province|metropolitan\s+area|country)\s+(?:hosts|has|had|counts|"
                          r"counted|saw|recorded)|(?:la|questa)\s+(?:regione|provincia)\s+(?:ospita|conta|contava|"
                          r"ha\s+registrato|accoglie))\b", re.I)  # fmt: skip


# A ratio: "1 in 5 families", "una famiglia su 4" (the latter: `_DENOMINATOR`).
_RATIO = re.compile(r"\b\d+\s+in\s+$")


# ... said after the count, of official statistics only ("2,100 people slept rough, according to the national
# statistics office"; the project's own monitoring data said after a count stay its figures).
_STATISTICS_AFTER = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:statistics|census)|"
                               r"\bsecondo\s+(?:l['’]\s*istat|il\s+censimento|le\s+statistiche)", re.I)  # fmt: skip


# The practice's own dwellings, named as known ("I due appartamenti ... ospitano 10 ragazzi", "nei due appartamenti per
# l'autonomia hanno vissuto 6 ragazzi", "dei 3 alloggi di transizione ...: vi sono state accolte 8 persone", "5 dei 6
# alloggi, con 19 persone accolte"): a definite article or an articulated preposition before the number, and persons
# said to live or be hosted there later in the sentence. Dwellings are few and a practice's own are named this way;
# a place's stock names none who lives there, and "ospitate in due appartamenti" (no article) only says where.
_DEFINITE = re.compile(r"(?:^|[\s'’])(?:i|gli|le|the|dei|degli|delle|nei|negli|nelle|of\s+the|in\s+the)\s+$", re.I)
_DWELT = re.compile(r"\b(?:viv(?:e|ono|evano)|abit(?:a|ano|avano)|(?:hanno|ha)\s+(?:già\s+)?(?:vissuto|abitato|"
                    r"ospitato|accolto)|ospit(?:a|ano|ava|avano|at[oaie])|accol(?:t[oaie]|gono)|accoglie|"
                    r"lives?|lived|living|hosts?|hosted|housed)\b", re.I)  # fmt: skip


def own_dwellings(sentence: str, num_start: int, end: int) -> bool:
    """A count of dwellings named as known whose sentence says persons live or are hosted in them (see `_DEFINITE`)."""
    stop = min([i for i in (sentence.find(c, end) for c in ".") if i >= 0] or [len(sentence)])
    return bool(_DEFINITE.search(sentence, max(0, num_start - 12), num_start) and _DWELT.search(sentence, end, stop))


def not_a_count(sentence: str, num_start: int, end: int, unit: str) -> bool:
    """True when the number at `num_start` (its count ending at `end`) names, dates, measures a population or
    refers back to a count stated elsewhere."""
    before = sentence[max(0, num_start - 60) : num_start]
    if _CURRENCY.search(before):
        return True
    dwellings = unit == "housing_units" and own_dwellings(sentence, num_start, end)
    if _REFERENCE.search(before) and not dwellings:
        return True
    if _NAMING.search(before) or _ADDRESS.search(before) or _PLACE_SIZE.search(before):
        return True
    if (part := _PART_OF.search(before)) and POPULATION.search(part.group("whole")):
        return True  # "12.300 abitanti, di cui 1.100 stranieri": a part of a population is a population
    whole = _WHOLE_BEFORE.search(sentence, 0, num_start) if _PART_AFTER.match(sentence, num_start) else None
    if whole and not_a_count(sentence, whole.start(), whole.end(), "people"):
        return True  # "risiedono circa 11.800 persone, 640 delle quali straniere": the part of a population
    if _DENOMINATOR.search(sentence[max(0, num_start - 80) : num_start]) or _RATIO.search(before):
        return True  # the whole the count before it is a part of
    if _QUORUM.match(sentence[num_start:]):
        return True  # "con la presenza di 8 assessori su 9": the members of a body at its own meeting
    if _PER_EACH_BEFORE.search(before) or _CEILING.search(before):
        return True  # "per ogni alloggio sono previsti 4 posti", "al massimo 25 casi": a rule, not a count
    if _DAMAGE.search(before):
        return True  # "the floods damaged more than 1,500 homes": what a disaster did, the setting of a practice
    if _SAMPLE.search(before):
        return True  # "a survey of 120 users": how a study was made, not what the practice did
    if _ARTICLE.search(before) and sentence[num_start].isalpha() and not dwellings:
        return True
    if _PER_CENT.search(before) and re.match(r"(?:cento|mille)\b", sentence[num_start:], re.I):
        return True
    num = re.match(r"[\d.,]+", sentence[num_start:])
    if num and _AFTER.match(sentence[num_start + len(num.group(0).rstrip(".,")) :]):
        return True
    if _ATTENDANCE.search(before):
        return True  # "Presenti: 11 componenti": who attended the meeting the minutes record
    if unit in ("generic", "housing_units") and _EXISTS.search(before) and not _LIVED_IN.match(sentence, end):
        return True
    if _ON_RECORD.search(before) and num and _VACANT.match(sentence, num_start + len(num.group(0).rstrip(".,"))):
        return True  # "a Imola ne risultano 48 sfitti", "risultano 11 alloggi sfitti": a stock, not what was done
    if _METHOD.search(_clause(sentence, num_start, end)):
        return True
    if _QUOTED_STATISTICS.search(sentence[:num_start]) or _STATISTICS_AFTER.search(sentence, end):
        return True  # "secondo i dati della Prefettura, ... circa 14.000 respingimenti", "..., according to the census"
    clause_end = sentence.find(";", end)
    if _STATE_SUBJECT.search(sentence, max(0, sentence.rfind(";", 0, num_start)), num_start) or _STATE_SOURCE.search(
        sentence, end, clause_end if clause_end >= 0 else len(sentence)
    ):
        return True  # "la Questura di X, che ... ha rilasciato oltre 2.400 permessi": the State's figure
    left, right = _segment_bounds(sentence, num_start, end)
    if _WAITING.search(sentence, left, right):
        return True  # "altre 15 famiglie sono in lista": waiting, not served
    if _DAILY.match(sentence, end):
        return True  # "70 pasti al giorno": a rate
    if _HABITUAL.search(sentence[max(0, *(sentence.rfind(c, 0, num_start) + 1 for c in ";:")) : num_start]):
        return True  # "la mensa serve ogni giorno circa 140 pasti": what happens every day or summer, a rate
    if _LANDING_AFTER.match(sentence, num_start) or _LANDING_BEFORE.search(before) or COMPARISON.search(sentence):
        return True  # "where 2,310 people disembarked": a flow; "Per confronto, ...": another service's count
    if _in_hardship(sentence, num_start, end):
        return True  # "almeno 300 braccianti dormono ancora nei casolari abbandonati": the need, not what was done
    if _WIDER_PLACE.search(sentence, left, num_start):
        return True  # "nel territorio della provincia sono impiegati circa 12.000 lavoratori"
    if (_HAS_WORKFORCE.search(before) and (_WORKFORCE.search(sentence, num_start, end) or _OF_WORKFORCE.search(before))
            and not _BODY.search(sentence[max(0, num_start - 120) : num_start])):  # fmt: skip
        return True  # "conta 112 soci": the organisation's own members and workers, not its beneficiaries
    if unit not in PEOPLE_UNITS | {"generic"}:
        return False
    # A population word counts in the count's own words, before it in its segment or in the two words after it
    # ("2.950 cittadini stranieri residenti"), not further on ("10 patti di collaborazione con gruppi di residenti").
    left, right = _segment_bounds(sentence, num_start, end)
    after = re.match(r"(?:\s+\S+){0,2}", sentence[end:right])
    scope_end = end + (len(after.group(0)) if after else 0)
    # A population word that is the noun of another count is that count's ("1,420 residents through 48 sessions").
    # Matched on the whole sentence (what follows a word may clear it: "vivono negli alloggi"), kept in the scope.
    population = [m for m in POPULATION.finditer(sentence) if left <= m.start() < scope_end
                  and not (m.start() < num_start and _OTHER_COUNT.search(sentence[left : m.start()]))]  # fmt: skip
    # living "there" is living in the place the text just named: housed where the sentence names housing ("ci vivono 29
    # persone: sei famiglie ... e alcuni anziani, a cui è riservata una parte degli appartamenti"), else a population
    there = _LIVE_THERE.search(sentence, left, scope_end)
    if there and not _HOUSING_WORDS.search(sentence):
        population.append(there)
    housed = _HOUSED.search(sentence[max(0, num_start - 200) : num_start])
    clause = _clause(sentence, num_start, end)
    attended = bool(_WITH.search(before) and _EVENT.search(clause) and not _PLACE_WITH.search(before))
    hosted = _HOSTS.search(sentence[max(0, num_start - 40) : num_start])
    return bool(population) and not _TOOK_PART.search(clause) and not housed and not attended and not hosted


_LIVE_THERE = re.compile(r"\b(?:ci|vi)\s+viv(?:ono|evano|ranno)\b", re.I)
_HOUSING_WORDS = re.compile(r"\b(?:alloggi\w*|appartament\w+|abitazion\w+|case|coabitazion\w+|condomini\w*)\b", re.I)
# Residents a place to stay hosts are its guests ("the cohousing project hosts 22 residents in 8 apartments").
_HOSTS = re.compile(r"\b(?:hosts|hosted|houses|housed|ospita|ospitano|ospitava|accoglie|accolgono|ha\s+accolto|"
                    r"hanno\s+accolto|ha\s+ospitato|hanno\s+ospitato)\s+(?:(?:circa|oltre|about|over|some)\s+)?$",
                    re.I)  # fmt: skip


# Persons said to sleep or live where no one should (abandoned farmhouses, cars, the street, shacks, tents): the need
# a practice answers, never its count ("the evaluators estimate that at least 400 farm workers ... lived in abandoned
# farmhouses", "almeno 300 braccianti dormono ancora nei casolari", "avevano contato 23 persone che dormivano in
# macchina"): the count is the subject of that predicate, or of a relative clause after a census or an estimate
# ("l'unità di strada ha incontrato 120 persone che dormono in strada" counts whom the service met; "1,015 contacts
# with people sleeping rough" counts contacts).
_HARDSHIP = re.compile(r"\b(?P<verb>dorm(?:e|ono|iva|ivano)|viv(?:e|ono|eva|evano)|abit(?:a|ano|ava|avano)|"
                       r"sleep(?:s|ing)?|slept|li(?:ve|ves|ved|ving))\b[^,;:.]{0,40}?"
                       r"\b(?:casolar\w*|abbandonat\w*|baracc\w*|tend[ae]\b|tendopol\w*|macchin[ae]\b|in\s+auto\b|"
                       r"(?:per|in|sulla|nella)\s+strada\b|all['’]\s*aperto|ghett\w+|shacks?\b|farmhouses?\b|abandoned|"
                       r"in\s+(?:their\s+)?cars?\b|on\s+the\s+streets?\b|tents?\b|rough\b)", re.I)  # fmt: skip
_RELATIVE = re.compile(r"\b(?:che|who|which|that)\b", re.I)
_CENSUS = re.compile(r"\b(?:contat[oaie]|censit[oaie]|stimat[oaie]|stimano|stima|estimat\w*|counted|recorded)\b"
                     r"[^.;]{0,60}$", re.I)  # fmt: skip


def _in_hardship(sentence: str, num_start: int, end: int) -> bool:
    from knowledge.persons import counts_persons  # it reads the areas' staff words: imported when used

    num = re.match(r"[\d.,]+|\S+", sentence[num_start:])
    after = num_start + (num.end() if num else 0)
    m = _HARDSHIP.search(sentence, after, min(len(sentence), after + 160))
    if m is None or re.search(r"[,;:.]", sentence[after : m.start()]):
        return False
    phrase = re.split(
        r"\b(?:with|of|for|in|at|from|di|del|della|dei|delle|con|per|tra|fra|in|nel|nei)\b",
        sentence[after : m.start()],
        maxsplit=1,
    )[0]  # the count's own noun phrase
    words = re.findall(r"[^\W\d_]+", phrase)[:5]
    if not any(counts_persons(w) for w in words):
        return False  # "1,015 contacts with people sleeping rough" counts contacts
    if _RELATIVE.search(sentence, after, m.start()):
        return bool(_CENSUS.search(sentence[max(0, num_start - 80) : num_start]))
    return True


def _segment_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The words around a span up to the nearest comma, ";", ":" or sentence bound: where a count's own
    predicate is ("nel quartiere vivono 4.200 persone"; not "300 partecipanti, in gran parte residenti")."""
    # a comma between digits separates thousands ("4,500 asylum seekers"), not segments
    cuts = [m.start() for m in _SEGMENT_CUT.finditer(sentence)]
    left = max([i for i in cuts if i < start], default=-1)
    right = [i for i in cuts if i >= end]
    return left + 1, min(right) if right else len(sentence)


_SEGMENT_CUT = re.compile(r"[;:]|,(?!\d)|(?<!\d),")


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a span: up to the nearest ";", ":" or sentence bound (commas keep a clause whole)."""
    left = max(sentence.rfind(c, 0, start) for c in ";:")
    right = [i for i in (sentence.find(c, end) for c in ";:") if i >= 0]
    return sentence[left + 1 : min(right) if right else len(sentence)]
