"""The answer sentence: among the top passages, one whole sentence that answers the query, or none.

Scored lexically (the query's concepts weighted by their rarity in the index, alternatives from the thesaurus
counting less), so it costs microseconds, not another round of embeddings. Never offered: boilerplate,
fragments (a PDF line that starts mid-sentence, a list item ending in ";", a bulleted list) and letterheads a
PDF ran into the text. A figure question wants a sentence with a number that counts something (a name's, a
year's, a date's or a time's is none: "LgNet2", "nel 2024", "ore 17.30"), and prefers one with a number of
what it asks about ("quante persone": "74 persone"); a question about two things or more wants a sentence that
says two of them at least ("orientamento al lavoro per donne" is not answered by a sentence about housing for
women).

Which passage answers is mostly the ranking's call: a lower passage's sentence must clear a higher bar
(RANK_PENALTY per rank), both to answer at all and to take the answer from a better-ranked passage, unless it
says every concept of a long question (EVERY_CONCEPT). The ranking
weighs the whole passage (its other sentences, its meaning, its city); one sentence's words do not, and a lower
passage's sentence that says a word more of the query often says it about something else (on the development
queries, 1 answer in 6 taken from the second or third passage came from a relevant one, 3 in 4 from the first).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container

from lgnet.text import fold
from retrieval.figures import gives_figure
from retrieval.models import Answer, Hit
from retrieval.sentence_stems import NUMBER as _NUMBER
from retrieval.sentence_stems import passage_sentences
from retrieval.sentences import Boilerplate
from retrieval.snippets import _score, _word_spans, highlight
from retrieval.terms import QueryTerms

MIN_WORDS, MAX_WORDS = 6, 70
# Share of the query's weight a sentence must carry to be offered as the answer. A long question is seldom
# covered whole by one sentence, so each concept beyond two asks a little less, down to a floor.
MIN_COVERAGE, COVERAGE_STEP, COVERAGE_FLOOR = 0.5, 0.04, 0.3
RANK_PENALTY = 0.2  # per rank: a lower passage's sentence must say clearly more to answer at all, or to take the answer
_STARTS_WELL = re.compile(r"[«“\"'(\[]?[A-ZÀ-Ý0-9]")
# A letterhead a PDF ran into the text ("COMUNE DI LECCE Settore Politiche Sociali ... SCHEDA BUONA PRATICA"):
# a word in capitals (longer than an acronym) followed by another.
_LETTERHEAD = re.compile(r"[A-ZÀ-Ý]{4,}\s+[A-ZÀ-Ý]{2,}\b")
# Numbers that are no figure of anything: inside a name ("LGNet2", "FAMI", "Covid-19"), a year, a date, a time.
_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_NO_FIGURE = re.compile(
    r"\w*[^\W\d_]-?\d+\w*|\d+[^\W\d_]+\w*"  # glued to letters
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 01/03/2024
    r"|\b\d{1,2}[.:]\d{2}\b"  # 17.30
    r"|\b(?:19|20)\d{2}\b"  # a year
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\b",  # 12 dicembre
    re.I,
)
# A number that names a body, a place or a part ("il CPIA 4 di Roma", "ASL Roma 2", "Municipio 9", "sezione 3", "art.
# 5", "pagina 9"): after an acronym or a numbering word, and not followed by a word it counts ("dall'ATERP 4
# appartamenti": four flats), only by a preposition, a conjunction, a capital or punctuation.
_NUMBERING = (
    "municipio|distretto|circoscrizione|quartiere|ambito|zona|lotto|sezione|pagina|pag|art|articolo|comma|capitolo|"
    "allegato|azione|misura|asse|legge|punto|lettera|tabella|scheda|n|nr|section|page|article|annex|table|district"
)
_IDENTIFIER = re.compile(
    rf"(?:\b[A-Z]{{2,}}|\b(?i:{_NUMBERING})\.?)\s+(?:[A-Z][a-zà-ù]+\s+)?\d+\b"
    r"(?!\s+(?!(?:di|del|della|dello|dei|degli|delle|e|ed|o|a|in|per|and|or|of|in|for)\b)[a-zà-ù])"
)
# A table run into one line ("Voce | Importo Personale | 148.200,00 ...") weighs less than prose saying as much: the
# answer is a sentence ("lo sportello ha preso in carico 187 persone, contro un obiettivo di 250"), a table when
# nothing else says it.
TABLE_FACTOR = 0.85
# A sentence that says every concept of a question of this many concepts or more answers from any of the top
# passages, without the rank's higher bar: a short query's every word is easily said by chance, a long question's is
# not ("... trovare casa alle famiglie migranti in uscita dall'accoglienza?": "assegna ... a famiglie straniere in
# uscita dall'accoglienza" in the third passage, before the first passage's sentence about families and reception).
EVERY_CONCEPT = 4
UNIT_FACTOR = 1.2  # a figure question's sentence with a number of the asked unit ("quante persone": "74 persone")


def best_answer(
    terms: QueryTerms, hits: list[Hit], boilerplate: Container[str] = (), places: Collection[str] = ()
) -> Answer | None:
    """`places`: the cities the query asks about (named, or of the region named). When a top passage is of one
    of them, a passage filed under another city that does not name one of them does not answer ("Bari LGNet3
    total cost" is not Campobasso's budget)."""
    if not terms.concepts or not hits:
        return None
    elsewhere = any(h.city in places for h in hits)  # then the other cities' passages are out
    # a passage filed under the city asked about says the city in every sentence ("quanti tutori ha formato
    # Perugia?" is answered by "17 cittadini ... tutori volontari" in a Perugia report)
    place_stems = frozenset(s for _, _, stems in _word_spans(" ".join(places)) for s in stems)
    needed = max(COVERAGE_FLOOR, MIN_COVERAGE - COVERAGE_STEP * max(0, len(terms.concepts) - 2))
    best: tuple[float, int, str] | None = None
    for rank, hit in enumerate(hits):
        if elsewhere and hit.city is not None and hit.city not in places and not _names(hit.text, places):
            continue
        said = place_stems if hit.city in places else frozenset()
        # the passage's sentences with their stems and numbers, made once per passage (at warm-up: a cold query's
        # answer split and stemmed its top passages' sentences and read city names in them, sentence_key)
        found = passage_sentences(hit.text)
        flags = boilerplate.sentence_flags(hit.id, hit.text) if isinstance(boilerplate, Boilerplate) else None
        for i, (start, end) in enumerate(found.spans):
            raw = hit.text[start:end]
            sentence = " ".join(raw.split())
            if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS or not _STARTS_WELL.match(sentence):
                continue
            # a sentence written on one line is the passage's own, whose flag is known; one run over lines is
            # asked as joined (its key may differ: a line's start can be a dateline's)
            repeated = flags[i] if flags is not None and sentence == raw else sentence in boilerplate
            if repeated or sentence.endswith((":", ";")) or not is_prose(sentence):
                continue
            figure = terms.intent == "figure"
            counted = _NO_FIGURE.sub(" ", _IDENTIFIER.sub(" ", sentence)) if figure else ""  # numbers that count
            if figure and not _NUMBER.search(counted):
                continue
            # the sentence's words are the passage's words between its bounds (sentences are cut at whitespace)
            stems = frozenset(found.stems[i]) | said
            carried = _carried(stems, terms)
            if carried < min(2, len(terms.concepts)):
                continue
            score = _score(terms, stems, found.numbers[i], repeated)
            if sentence.count("|") >= 2:  # a table's rows run into one line
                score *= TABLE_FACTOR
            if figure and terms.unit and gives_figure(counted, terms.unit):
                score *= UNIT_FACTOR
            if not carried == len(terms.concepts) >= EVERY_CONCEPT:
                score -= RANK_PENALTY * rank  # a lower passage clears a higher bar
            if score >= needed and (best is None or score > best[0]):
                best = (score, rank, sentence)
    if best is None:
        return None
    score, rank, sentence = best
    hit = hits[rank]
    return Answer(
        sentence=sentence,
        highlighted=highlight(sentence, terms),
        chunk_id=hit.id,
        doc_id=hit.doc_id,
        title=hit.title,
        outlet=hit.outlet,
        date=hit.date,
        url=hit.url,
        city=hit.city,
        score=round(score, 4),
    )


def _names(text: str, places: Collection[str]) -> bool:
    folded = fold(text)
    return any(re.search(rf"\b{re.escape(fold(p))}\b", folded) for p in places)


def is_prose(sentence: str) -> bool:
    """Not a letterhead that lost its line break, not a bulleted list run into one line."""
    return not _LETTERHEAD.match(sentence) and "•" not in sentence


def concepts_carried(sentence: str, terms: QueryTerms, said: frozenset[str] = frozenset()) -> int:
    """How many of the query's concepts the sentence says: the concept itself, an alternative, or a word of
    the phrase as written ("the shop" says "one stop shop"). `said`: stems its passage says for it (its city)."""
    return _carried({s for _, _, word_stems in _word_spans(sentence) for s in word_stems} | said, terms)


def _carried(stems: set[str] | frozenset[str], terms: QueryTerms) -> int:
    return sum(
        c.score(stems) > 0 or any(not word.isdisjoint(stems) for phrase in c.own for word in phrase)
        for c in terms.concepts
    )
