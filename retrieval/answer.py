"""The answer sentence: among the top passages, the one sentence that best answers the query.

Scored lexically (query terms weighted by their rarity in the corpus), so it costs microseconds, not
another round of embeddings; cross-language queries reach Italian sentences through the glossary expansion.
"""

from __future__ import annotations

import re

from lgnet.text import split_sentences
from retrieval.analysis import get_analyzer
from retrieval.models import Answer, Hit
from retrieval.snippets import highlight

MIN_WORDS, MAX_WORDS = 6, 70
MIN_COVERAGE = 0.35  # share of the query's weight a sentence must carry to be offered as the answer


def best_answer(query_stems: set[str], idf: dict[str, float], hits: list[Hit]) -> Answer | None:
    if not query_stems or not hits:
        return None
    analyzer = get_analyzer()
    weights = {s: idf.get(s, 0.0) for s in query_stems}
    total = sum(weights.values())
    if total <= 0:
        return None
    best: tuple[float, int, str] | None = None
    for rank, hit in enumerate(hits):
        for paragraph in hit.text.split("\n\n"):
            for sentence in split_sentences(paragraph):
                n = len(sentence.split())
                if not MIN_WORDS <= n <= MAX_WORDS:
                    continue
                stems = {st for w in re.findall(r"\w+", sentence) for st in analyzer.word_stems(w)}
                coverage = sum(w for s, w in weights.items() if s in stems) / total
                score = coverage - 0.05 * rank  # the better-ranked passage wins a tie
                if best is None or score > best[0]:
                    best = (score, rank, sentence)
    if best is None or best[0] < MIN_COVERAGE:
        return None
    score, rank, sentence = best
    hit = hits[rank]
    return Answer(
        sentence=sentence,
        highlighted=highlight(sentence, query_stems),
        chunk_id=hit.id,
        doc_id=hit.doc_id,
        title=hit.title,
        outlet=hit.outlet,
        date=hit.date,
        url=hit.url,
        city=hit.city,
        score=round(score, 4),
    )
