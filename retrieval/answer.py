"""The answer sentence: among the top passages, one whole sentence that answers the query, or none.

Scored lexically (the query's concepts weighted by their rarity in the index, alternatives from the thesaurus
counting less), so it costs microseconds, not another round of embeddings. Boilerplate and fragments (a PDF
line that starts mid-sentence) are never offered; a figure question wants a sentence with a number.
"""

from __future__ import annotations

import re
from collections.abc import Container

from retrieval.models import Answer, Hit
from retrieval.sentences import sentence_spans
from retrieval.snippets import _NUMBER, highlight, sentence_score
from retrieval.terms import QueryTerms

MIN_WORDS, MAX_WORDS = 6, 70
# Share of the query's weight a sentence must carry to be offered as the answer. A long question is seldom
# covered whole by one sentence, so each concept beyond two asks a little less, down to a floor.
MIN_COVERAGE, COVERAGE_STEP, COVERAGE_FLOOR = 0.5, 0.04, 0.3
RANK_PENALTY = 0.05  # the better-ranked passage wins a near tie
_STARTS_WELL = re.compile(r"[«“\"'(\[]?[A-ZÀ-Ý0-9]")


def best_answer(terms: QueryTerms, hits: list[Hit], boilerplate: Container[str] = ()) -> Answer | None:
    if not terms.concepts or not hits:
        return None
    best: tuple[float, int, str] | None = None
    for rank, hit in enumerate(hits):
        for start, end in sentence_spans(hit.text):
            sentence = " ".join(hit.text[start:end].split())
            if not MIN_WORDS <= len(sentence.split()) <= MAX_WORDS or not _STARTS_WELL.match(sentence):
                continue
            if sentence in boilerplate or sentence.endswith(":"):
                continue
            if terms.intent == "figure" and not _NUMBER.search(sentence):
                continue
            score = sentence_score(sentence, terms, boilerplate) - RANK_PENALTY * rank
            if best is None or score > best[0]:
                best = (score, rank, sentence)
    needed = max(COVERAGE_FLOOR, MIN_COVERAGE - COVERAGE_STEP * max(0, len(terms.concepts) - 2))
    if best is None or best[0] < needed:
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
