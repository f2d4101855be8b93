"""An English query's Italian alternatives (thesaurus and glossary translations) say its concept as fully as the
English word does: an Italian sentence with "rifugiati" covers "refugees" as an English one with "refugees" does,
where a synonym ("profughi" for "rifugiati") covers less. What the reranker, the within-document order, the
snippets and the answer weigh (retrieval/terms.py)."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer, get_analyzer
from retrieval.terms import ALTERNATIVE_COVERAGE, query_terms, translation_share
from tests.retrieval.idf import EveryStemCounts


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer()


def stems(text: str) -> set[str]:
    return {s for w in get_analyzer().words(text) for s in get_analyzer().word_stems(w)}


def lexical_index(rows: list[tuple[str, str, str]]):
    """A lexical index of (id, language, text) passages, each its own document."""
    from retrieval.lexical import LexicalIndex

    return LexicalIndex.empty().apply(
        [{"id": i, "text": t, "meta": {"doc_id": i, "language": lang, "title": i}} for i, lang, t in rows], set()
    )


def scores_by_id(service, rows: list[tuple[str, str, str]], query: str):
    """The query as the service reads it, and each passage's lexical score for it."""
    index = lexical_index(rows)
    parsed, _ = service.read_query(query, index)
    positions, scores = service._lexical_scores(index, parsed, True)
    return parsed, {index.corpus.ids[p]: float(s) for p, s in zip(positions.tolist(), scores, strict=True)}


def test_an_italian_translation_covers_an_english_query_as_its_own_word(analyzer):
    terms = query_terms(analyzer.parse("rent deposit grants for refugees"), EveryStemCounts())
    italian = terms.coverage(stems("Sono stati erogati 47 contributi per il deposito cauzionale dei rifugiati"))
    english = terms.coverage(stems("47 grants paid the rent deposit of refugees"))
    assert italian == pytest.approx(english) == pytest.approx(1.0)


def test_an_italian_synonym_of_an_italian_query_still_covers_less(analyzer):
    terms = query_terms(analyzer.parse("rifugiati"), EveryStemCounts())
    assert terms.coverage(stems("profughi")) == pytest.approx(ALTERNATIVE_COVERAGE)
    assert terms.coverage(stems("rifugiati")) == pytest.approx(1.0)


def test_an_italian_query_s_english_alternative_is_no_own_word(analyzer):
    terms = query_terms(analyzer.parse("rifugiati"), EveryStemCounts())
    assert terms.coverage(stems("refugees")) == pytest.approx(ALTERNATIVE_COVERAGE)


@pytest.mark.parametrize(
    "own, rarity, share",
    [
        (2.0, 4.0, 0.5),  # "accoglienza" common, "reception" rare: the translation weighs as the user's word
        (4.0, 2.0, 1.0),  # never more than its own BM25
        (0.0, 4.0, 1.0),  # the user's word unknown to the index: the translation carries it
        (2.0, 0.0, 1.0),
    ],
)
def test_a_translation_weighs_at_most_as_the_user_s_word(own, rarity, share):
    assert translation_share(own, rarity) == pytest.approx(share)


def test_a_phrase_the_index_says_only_in_part_weighs_as_its_translation(analyzer):
    """A "social supermarket": the index has "social" (common) and no "supermarket"; its Italian words, "emporio
    solidale", are rare. The concept weighs as the phrase the index can say whole, not as its common word."""
    idf = {s: 0.3 for s in stems("social")} | {s: 6.0 for s in stems("emporio solidale")}
    idf |= {s: 2.0 for s in stems("partners partner")}
    terms = query_terms(analyzer.parse("partners for a social supermarket"), idf)
    weights = {c.weight for c in terms.concepts}
    assert 6.0 in weights and 0.3 not in weights


def test_an_italian_word_quoted_by_an_english_passage_weighs_as_the_word_does(service):
    """A passage is stemmed in its own language only: "accoglienza" is "accoglient" in the Italian passages and
    stays "accoglienza" in an English report that quotes it, where it is rare (before, 0.65 against the Italian
    passages' 0.06 here). That stem weighs no more than the word's own (Italian) stem does."""
    rows = [(f"i{n}", "it", f"Il centro di accoglienza numero {n} ha aperto.") for n in range(8)]
    rows += [
        ("en", "en", 'The city runs an "accoglienza" service for people who leave it.'),
        ("it", "it", "I migranti usciti dall'accoglienza trovano casa."),
    ]
    parsed, by_id = scores_by_id(service, rows, "accoglienza e uscita")
    assert parsed.language == "it"
    assert by_id["en"] <= by_id["i0"] < by_id["it"]


def test_an_english_word_weighs_no_more_than_its_italian_translation(service):
    """English is the corpus's minority language, where every word is rare: an English query's "reception" in
    the few English passages weighed six times the Italian "accoglienza" (its translation) in the Italian ones
    that say the same (1.94 against 0.31 here). It now weighs as the translation does."""
    rows = [(f"i{n}", "it", f"Il centro di accoglienza numero {n} ha aperto per i rifugiati.") for n in range(8)]
    rows += [
        ("e1", "en", "The city report on the project."),
        ("e2", "en", "Another city report."),
        ("en", "en", "The reception of refugees in the city."),
        ("it", "it", "L'accoglienza dei rifugiati in città."),
    ]
    parsed, by_id = scores_by_id(service, rows, "reception of refugees")
    assert parsed.language == "en"
    assert by_id["en"] <= by_id["it"]


def test_an_english_stem_weighs_its_idf_among_the_english_passages():
    """In a corpus mostly Italian every English word is rare: "city", in every English passage, weighed as much as
    "tractor" in one. A stem only English passages have keeps its IDF among them over its IDF among all; a
    stem Italian passages have too (the loanword "housing") keeps its whole weight."""
    from retrieval.fusion import idf
    from retrieval.query_weights import english_share as _english_share

    rows = [(f"i{n}", "it", f"Il centro numero {n} ha aperto per i rifugiati.") for n in range(9)]
    rows += [("ih", "it", "Il progetto di housing sociale.")]
    rows += [(f"e{n}", "en", f"The city report number {n}.") for n in range(3)]
    rows += [("et", "en", "The city runs a tractor course and a housing scheme.")]
    index = lexical_index(rows)
    assert _english_share(index, "citi") == pytest.approx(idf(4, 4) / idf(14, 4))
    assert _english_share(index, "tractor") == pytest.approx(idf(4, 1) / idf(14, 1))
    assert _english_share(index, "citi") < _english_share(index, "tractor") < 1.0
    assert _english_share(index, "housing") == 1.0  # an Italian passage's loanword: the corpus's own


def test_a_stem_in_more_passages_than_the_english_ones_keeps_its_weight_without_reading_their_languages(
    monkeypatch,
):
    """A stem held by more passages than there are English ones cannot be only theirs: its whole weight, without
    reading the language of each passage holding it (a common stem's postings, most of a large corpus)."""
    from retrieval.lexical import LexicalIndex
    from retrieval.query_weights import english_share as _english_share

    rows = [(f"i{n}", "it", f"Il centro numero {n} ha un tutor per i rifugiati.") for n in range(9)]
    rows += [(f"e{n}", "en", f"The tutor report number {n}.") for n in range(3)]
    index = lexical_index(rows)
    index.positions("language")
    read = []
    monkeypatch.setattr(index, "in_value", lambda *a: read.append(a) or LexicalIndex.in_value(index, *a))
    assert _english_share(index, "tutor") == 1.0  # in 12 passages, 3 of them English
    assert read == []
    assert _english_share(index, "report") < 1.0  # only the English ones: their languages read
    assert read
