"""The terminal rendering of `lgnet search`: what the query was read as, the suggestion, a clean citation."""

from __future__ import annotations

from retrieval.analysis import ParsedQuery
from retrieval.models import Answer, SearchResult
from retrieval.render import render_text


def _result(parsed: ParsedQuery, answer: Answer | None = None) -> SearchResult:
    return SearchResult(query=parsed.text, parsed=parsed, total=0, page=1, k=10, hits=[], facets={}, answer=answer)


def test_the_terminal_says_how_the_query_was_read_and_what_it_suggests():
    parsed = ParsedQuery(text="alogio in Sicilia", language="it", interventions=["housing"], places=["Sicilia"],
                         corrections={"alogio": "alloggio"}, suggestion="alloggio in Sicilia")  # fmt: skip
    out = render_text(_result(parsed))
    assert 'did you mean: "alloggio in Sicilia"' in out
    assert "places Sicilia" in out and "areas housing" in out and "alogio -> alloggio" in out


def test_an_answer_cites_only_what_is_known():
    sentence = "Cinque ospiti hanno trovato casa."
    answer = Answer(sentence=sentence, highlighted=sentence.replace("casa", "<mark>casa</mark>"),
                    chunk_id="c:000", doc_id="c", title="Scheda progetto", score=1.0)  # fmt: skip
    out = render_text(_result(ParsedQuery(text="casa", language="it"), answer))
    assert "Answer: Cinque ospiti hanno trovato *casa*." in out
    assert "  (Scheda progetto)" in out
