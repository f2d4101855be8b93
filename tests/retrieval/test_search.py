"""The search service over the real corpus index (real model, real Chroma store)."""

from __future__ import annotations

import html
from dataclasses import replace

import numpy as np
import pytest

from lgnet.errors import InvalidRequest, NotFound
from lgnet.similarity import jaccard
from lgnet.text import fold
from retrieval.analysis import get_analyzer
from retrieval.models import SearchRequest
from retrieval.snippets import highlight
from retrieval.terms import translated_into, translation_share, translation_weight


def search(service, q="", **kw):
    return service.search(SearchRequest(q=q, **kw))


def test_english_city_name_finds_the_city(service):
    result = search(service, "how many people found a home in Turin")
    assert result.parsed.cities == ["Torino"]
    assert result.hits[0].city == "Torino"
    assert any("160" in h.text for h in result.hits[:3])


def test_city_is_a_boost_not_a_filter(service):
    result = search(service, "unità di strada Sassari", k=20)
    assert result.hits[0].city == "Sassari"
    assert any(h.city != "Sassari" for h in result.hits)  # other cities still shown
    assert not result.filters and result.to_contract()["filters"] == {}


def test_a_region_s_cities_lead_as_a_named_city_would(service):
    result = search(service, "unità di strada in Lazio", k=10)
    assert set(result.parsed.region_cities) == {"Roma", "Latina"}
    assert [h.city for h in result.hits[:3]] == [h.city for h in result.hits[:3] if h.city in {"Roma", "Latina"}]
    assert any(h.city not in {"Roma", "Latina"} for h in result.hits)  # a boost, not a filter


def test_duplicates_are_collapsed_and_listed(service):
    result = search(service, "Torino nel progetto inclusivo, in 160 trovano un tetto", k=10)
    groups = [h.dup_group for h in result.hits]
    assert len(groups) == len(set(groups))
    top = result.hits[0]
    assert top.duplicates, "the syndicated copies of the Torino text should be listed"
    assert all(d.id != top.id for d in top.duplicates)
    for a in range(len(result.hits)):
        for b in range(a + 1, len(result.hits)):
            assert jaccard(result.hits[a].text, result.hits[b].text) < 0.6


def test_diversity_limits_passages_per_article(service):
    result = search(service, "progetto LgNet2 migranti inclusione", k=10)
    docs = [h.doc_id for h in result.hits]
    assert max(docs.count(d) for d in docs) <= 2


def test_facets_count_the_whole_matching_set(service):
    first = search(service, "alloggi", k=3)
    second = search(service, "alloggi", k=3, page=2)
    assert first.total > 3
    assert first.facets == second.facets
    assert sum(f["count"] for f in first.facets["doc_type"]) == first.total
    assert {h.id for h in first.hits}.isdisjoint({h.id for h in second.hits})


def test_filters_are_applied_and_validated(service):
    result = search(service, "accoglienza", city=["Florence"], k=20)
    assert result.hits and all(h.city == "Firenze" for h in result.hits)
    result = search(service, "accoglienza", intervention=["housing"], k=20)
    assert all("housing" in h.interventions for h in result.hits)
    with pytest.raises(InvalidRequest) as err:
        search(service, "x", city=["Atlantide"])
    assert "Torino" in err.value.detail["allowed"]
    with pytest.raises(InvalidRequest):
        search(service, "x", intervention=["teleport"])
    with pytest.raises(InvalidRequest):
        search(service, "x" * 600)


def test_hostile_query_is_escaped(service):
    result = search(service, '<script>alert("x")</script> alloggi <img src=x onerror=alert(1)>')
    for hit in result.hits:
        assert "<script" not in hit.snippet and "<img" not in hit.snippet
    marked = highlight('Case <b onmouseover="x">alloggi</b> & <script>1</script>', {"allogg"})
    assert "<b " not in marked and "<script>" not in marked
    assert "<mark>alloggi</mark>" in marked
    assert html.unescape(marked.replace("<mark>", "").replace("</mark>", "")).startswith("Case <b")


def test_markdown_heading_markers_never_show_in_a_highlight_and_hashtags_stay():
    marked = highlight("Intro.\n\n### 3.2 Inclusione abitativa Sono operativi 4 alloggi #LGNet3", {"allogg"})
    assert "#" not in marked.replace("#LGNet3", "")
    assert "3.2 Inclusione abitativa Sono operativi 4 <mark>alloggi</mark> #LGNet3" in marked
    heading_word = highlight("Intro.\n\n## Alloggi di transizione", {"allogg"})  # the marker right before a mark
    assert "#" not in heading_word and "<mark>Alloggi</mark> di transizione" in heading_word


def test_snippets_mark_query_terms(service):
    result = search(service, "posti letto per donne e minori")
    assert "<mark>" in result.hits[0].snippet


def test_answer_sentence_with_citation(service):
    result = search(service, "quante persone hanno trovato una soluzione abitativa a Torino?")
    assert result.answer is not None
    assert "160" in result.answer.sentence
    assert result.answer.doc_id and result.answer.title


def test_browse_without_query_sorts_by_date(service):
    result = search(service, "", doc_type=["press_article"], k=50)
    dates = [h.date for h in result.hits]
    assert dates == sorted(dates, reverse=True)


def test_similar_passages_come_from_other_documents(service):
    hit = search(service, "unità mobili ASL Roma Capitale").hits[0]
    similar = service.similar(hit.id, k=5)
    assert similar and all(s.doc_id != hit.doc_id for s in similar)
    with pytest.raises(NotFound):
        service.similar("no-such-passage")


def test_lexical_index_follows_the_store_revision(service):
    index = service.lexical.current()
    assert service.lexical.current() is index
    service.store.bump_revision("test-revision")
    followed = service.lexical.current()  # nothing in the change log: the same passages, not rebuilt
    assert followed.revision.endswith(":test-revision")
    assert followed.corpus.ids == index.corpus.ids


def _with_and_without(service, index, parsed, language):
    """BM25 of the parsed query, and of the same without its alternatives in `language`."""
    languages = service.analyzer.thesaurus.language
    other = replace(
        parsed,
        concepts=[
            replace(c, alternatives=[a for a in c.alternatives if languages.get(fold(a)) != language])
            for c in parsed.concepts
        ],
    )
    return _whole(index, service._lexical_scores(index, parsed, True)), _whole(
        index, service._lexical_scores(index, other, True)
    )


def _whole(index, found):
    """The candidate set's scores (positions, scores) as one score per passage of the corpus."""
    positions, scores = found
    whole = np.zeros(len(index.corpus.ids), dtype=np.float32)
    whole[positions] = scores
    return whole


@pytest.mark.parametrize(
    "q",
    [
        "come hanno fatto altri comuni a trovare casa alle famiglie migranti in uscita dall'accoglienza?",
        "day centre with showers and laundry for homeless migrants",
        "senzatetto e senza dimora a Torino",
        "progetti di impegno civico",
    ],
)
def test_bm25_over_the_candidate_set_equals_scoring_the_whole_corpus(service, q):
    """The user's words and each thesaurus alternative are scored over the passages holding one of the
    query's words only: the same scores, so the same top candidates, as scoring every passage for each."""
    index = service.lexical.current()
    parsed = service.parse(q, index)
    assert any(c.alternatives for c in parsed.concepts)
    analyzer = get_analyzer()
    languages = service.analyzer.thesaurus.language
    main = analyzer.query_tokens(" ".join([parsed.main_text, *[e for e in parsed.expansions if e in parsed.cities]]))
    expected = index.scores(main)  # every passage scored, for the words and each alternative
    idf = index.idf

    def rarity(texts: list[str]) -> float:
        return max((idf[t] for text in texts for t in analyzer.query_tokens(text) if t in idf), default=0.0)

    for concept in parsed.concepts:
        best = None
        for alternative in concept.alternatives:
            language = languages.get(fold(alternative))
            weight = translation_weight(parsed.language, language)
            only = translated_into(parsed.language, language)
            if only is not None:
                weight = 1.0 if only in index.positions("language") else 0.0
                if only == "en":  # no rarer than the user's word (terms.translation_share)
                    weight *= translation_share(rarity([concept.text, *concept.corrections]), rarity([alternative]))
            tokens = [t for t in analyzer.query_tokens(alternative) if t not in main] if weight else []
            if tokens:
                found = index.scores(tokens) * (weight / max(1, len(alternative.split())))
                if only is not None:
                    found = np.where(index.mask("language", [only]), found, np.float32(0))
                best = found if best is None else np.maximum(best, found)
        if best is not None:
            expected = expected + best
    positions, scores = service._lexical_scores(index, parsed, True)
    got = _whole(index, (positions, scores))
    assert np.count_nonzero(expected) > 10
    assert np.array_equal(got, expected)  # the same floats, and 0 outside the candidate set
    assert np.array_equal(positions, np.sort(positions))
    top = np.lexsort((np.arange(expected.size), -expected))[:20]
    found_top = positions[np.lexsort((positions, -scores))][:20]
    assert found_top.tolist() == top.tolist()


def test_an_italian_word_s_english_translation_counts_fully_in_the_english_passages_only(service):
    """'impegno civico' is 'civic engagement' in the English presentation: its translation scores the English
    passages as the word itself would, and adds nothing to the Italian ones (where it is a loanword)."""
    index = service.lexical.current()
    parsed = service.parse("progetti di impegno civico", index)
    assert parsed.language == "it"
    scores, without = _with_and_without(service, index, parsed, "en")
    english = [
        p
        for p, (m, t) in enumerate(zip(index.corpus.metas, index.corpus.texts, strict=True))
        if m.get("language") == "en" and "civic engagement" in t.lower()
    ]
    assert english and all(scores[p] > without[p] for p in english)
    italian = [p for p, m in enumerate(index.corpus.metas) if m.get("language") != "en"]
    assert (scores[italian] == without[italian]).all()
    # as the Italian word scores the Italian passages: its weight (a phrase's words a share each), not a
    # synonym's half, and no more than the Italian word's rarity (terms.translation_share)
    idf = index.idf
    analyzer = get_analyzer()
    own = max(idf[t] for t in analyzer.query_tokens("impegno civico") if t in idf)
    rare = max(idf[t] for t in analyzer.query_tokens("civic engagement") if t in idf)
    alone = index.scores(analyzer.query_tokens("civic engagement")) / 2 * translation_share(own, rare)
    assert all(scores[p] >= alone[p] - 1e-6 for p in english)


def test_an_english_word_s_italian_translation_counts_in_the_italian_passages_only(service):
    """The other way round: 'migrants' -> 'migranti' scores the Italian passages as the word itself, and adds
    nothing to the English presentation, which the user's own word already matches ('migranti' shares its
    stem with 'migrants' there: it counted twice)."""
    index = service.lexical.current()
    parsed = service.parse("day centre with showers and laundry for homeless migrants", index)
    assert parsed.language == "en"
    scores, without = _with_and_without(service, index, parsed, "it")
    english = [p for p, m in enumerate(index.corpus.metas) if m.get("language") == "en"]
    italian = [p for p, m in enumerate(index.corpus.metas) if m.get("language") == "it"]
    assert english and (scores[english] == without[english]).all()
    assert (scores[italian] > without[italian]).any()
