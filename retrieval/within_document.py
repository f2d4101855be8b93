"""Which passage of a document comes first: the passages of one document among the first results are reordered
among themselves, each keeping the document's places in the list, by how much of the query their best sentence
says once the document's own words are credited to every passage of it.

A document's opening passage carries its title, headline and city, which the query often names; its other
passages do not repeat them, so the opening passage led the document even when another passage holds the
sentence that answers ("how many people did the Catanzaro street unit meet": the headline names Catanzaro,
the second passage the 215 people the unit met). The title, the first sentences of the opening passage and
the city the document is filed under are what the document says of itself: credited to each of its passages,
a passage wins its document's first place by its own sentences. The passage the ranking put first in its
document keeps that place unless another says at least MARGIN more of the query: the share is a coarse count of
the query's words in one sentence, and the ranking before it (BM25, the dense similarity, the reranker's
features) had read the whole passage ("childcare for migrant mothers": the reranker's passage says where the
children are kept, its document's indicator table says a few more of the words, 0.44 against 0.47). A tie keeps
the order the ranking gave. For a figure question, a passage whose prose gives a number of the unit asked
(retrieval/figures.py) gets FIGURE_SHARE.
"""

from __future__ import annotations

import weakref
from collections import defaultdict

import numpy as np

from retrieval.analysis import get_analyzer
from retrieval.candidates import Candidates, Codes, PerIndex
from retrieval.figures import gives_figure
from retrieval.lexical import LexicalIndex
from retrieval.sentence_stems import passage_sentences
from retrieval.terms import QueryTerms

HEAD = 50  # the first results reordered: a document's passages further down are not looked at
HEADING_SENTENCES = 2  # of the opening passage: a headline and its subtitle, or a letterhead and a title
# A figure question's passage whose sentence gives a number of what was asked ("46 famiglie" for "quante
# famiglie") counts this share of the query more: it answers, where the headline only names the subject.
FIGURE_SHARE = 0.25
# The share of the query another passage of a document must say beyond the document's best-ranked passage to lead
# it (chosen on the old part and batches 1-10, 0.05 against 0.1 and 0.2; checked on batches 11-19).
MARGIN = 0.05


def _words(text: str) -> set[str]:
    analyzer = get_analyzer()
    return {s for w in analyzer.words(text) for s in analyzer.word_stems(w)}


# Each passage's document as a number (an index made by a change codes its changed rows only).
documents = Codes(lambda meta, cid: str(meta.get("doc_id") or cid))


def _opening(index: LexicalIndex, doc: str) -> int | None:
    """The document's opening passage (its lowest chunk, the first such position), found among the positions of
    its number: a scan of one array, not a pass over every passage's metadata per index (~190 ms at 100k)."""
    number = documents.number(index, doc)
    if number is None:
        return None
    metas = index.corpus.metas
    found = np.flatnonzero(documents(index) == number).tolist()
    return min(found, key=lambda p: (int(metas[p].get("chunk_index") or 0), p)) if found else None


class _DocumentWords:
    """The stems a document says of itself (title, opening sentences, city), per index, made when first asked.
    It holds its index weakly: it is the value `document_words` keeps under that index in a WeakKeyDictionary, and a
    strong reference there kept every index a process had searched alive, with all that was kept for each."""

    def __init__(self, index: LexicalIndex) -> None:
        self._index = weakref.ref(index)
        self.kept: dict[str, frozenset[str]] = {}

    def __call__(self, doc: str) -> frozenset[str]:
        found = self.kept.get(doc)
        if found is None:
            index = self._index()
            if index is None:  # asked through `document_words(index)`, which holds it: never gone here
                return frozenset()
            corpus = index.corpus
            opening = _opening(index, doc)
            words: set[str] = set()
            if opening is not None:
                meta = corpus.metas[opening]
                title = meta.get("title") or ""
                if " " in title.strip():  # a file name standing in for a title says nothing
                    words |= _words(title)
                if meta.get("city"):
                    words |= _words(str(meta["city"]))
                for stems in passage_sentences(corpus.texts[opening]).stems[:HEADING_SENTENCES]:
                    words.update(stems)
            found = self.kept[doc] = frozenset(words)
        return found


document_words = PerIndex(_DocumentWords)


def _said(index: LexicalIndex, position: int, terms: QueryTerms, credited: frozenset[str]) -> float:
    """The share of the query the passage's best sentence says, the document's own words credited."""
    asked = terms.stem_set
    found = passage_sentences(index.corpus.texts[position])
    best = terms.coverage(credited)
    if asked.isdisjoint(found.all_stems) or asked.intersection(found.all_stems) <= credited:
        return best  # nothing of the query the document does not already say
    for said in {asked.intersection(stems) for stems in found.stems}:  # most sentences say the same few words
        if not said <= credited:
            best = max(best, terms.coverage(said | credited))
    return best


def _gives(index: LexicalIndex, position: int, terms: QueryTerms) -> bool:
    """Whether a sentence of the passage's prose gives a number of the figure question's asked unit and says
    something of the query: a table row is left out (its number's unit is in a header or a label before it)."""
    text = index.corpus.texts[position]
    found = passage_sentences(text)
    return any(
        "|" not in text[s:e] and terms.coverage(stems) > 0 and gives_figure(text[s:e], terms.unit)
        for (s, e), n, stems in zip(found.spans, found.numbers, found.stems, strict=True)
        if n
    )


def order_within_documents(index: LexicalIndex, ranked: Candidates, terms: QueryTerms, head: int = HEAD) -> Candidates:
    """`ranked` with the passages of each document among its first `head` reordered among themselves (each
    document keeps its places, and the places keep their scores)."""
    if not terms.concepts or len(ranked) < 2:
        return ranked
    positions = ranked.positions[:head]
    codes = documents(index)[positions]
    places: dict[int, list[int]] = defaultdict(list)
    for place, code in enumerate(codes.tolist()):
        places[code].append(place)
    shared = [slots for slots in places.values() if len(slots) > 1]
    if not shared:
        return ranked
    words = document_words(index)
    order = np.arange(len(ranked))
    for slots in shared:
        doc = str(index.corpus.metas[int(positions[slots[0]])].get("doc_id") or index.corpus.ids[positions[slots[0]]])
        credited = terms.stem_set.intersection(words(doc))
        said = [_said(index, int(positions[s]), terms, credited) for s in slots]
        if terms.unit:  # a figure question: the passage with a number of what was asked leads its document
            gives = [_gives(index, int(positions[s]), terms) for s in slots]
            said = [v + FIGURE_SHARE * g for v, g in zip(said, gives, strict=True)]
        said[0] += MARGIN  # the ranking's first of the document leads unless clearly outsaid
        best_first = sorted(range(len(slots)), key=lambda i: (-said[i], i))
        order[slots] = [slots[i] for i in best_first]
    if (order == np.arange(len(ranked))).all():
        return ranked
    return Candidates(ranked.positions[order], ranked.scores.copy())
