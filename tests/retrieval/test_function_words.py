"""Question phrasing is not content: English function words beyond the index's short stop list ("under", "during",
"can", "other") are neither concepts nor words of the lexical query (they chased the English passages that say
them), and Italian frames take the places asked for with them ("ci sono comuni che", "quale comune ha")."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer, get_analyzer
from retrieval.language import FUNCTION_WORDS
from retrieval.question import read_question


@pytest.fixture(scope="module")
def qa() -> QueryAnalyzer:
    return QueryAnalyzer()


def test_english_function_words_are_not_concepts(qa):
    parsed = qa.parse("how many people did the mobile unit reach under the first phase?")
    words = {c.text for c in parsed.concepts}
    assert "under" not in words and "reach" in words


def test_what_can_other_towns_asks_about_towns(qa):
    parsed = qa.parse("what can other tourist towns copy from the housing scheme?")
    # "tourist towns" is one thesaurus phrase (comuni turistici): its words are what is asked
    assert {w for c in parsed.concepts for w in c.text.split()} >= {"tourist", "towns", "scheme"}
    assert not {"what", "can", "other", "from"} & {c.text for c in parsed.concepts}


def test_the_lexical_query_drops_them():
    tokens = get_analyzer().query_tokens("night shelter beds during the winter", drop=FUNCTION_WORDS)
    assert "dure" not in tokens and "during" not in tokens
    assert "shelter" in tokens and "winter" in tokens


@pytest.mark.parametrize("word", ["senza", "dopo", "sotto", "via", "durante"])
def test_italian_words_that_may_be_what_is_asked_stay(word):
    # "senza casa", "dopo l'accoglienza", "sotto-azione", "via Tonale", "durante la pandemia"
    assert word not in FUNCTION_WORDS


@pytest.mark.parametrize(
    "query, frame, core",
    [
        ("come hanno fatto i comuni ad aiutare i braccianti", "come hanno fatto i comuni ad", "aiutare i braccianti"),
        ("ci sono comuni che coinvolgono i ragazzi", "ci sono comuni che", "coinvolgono i ragazzi"),
        ("quale comune ha fatto un'indagine", "quale comune ha", "fatto un'indagine"),
        ("cosa succede ai ragazzi stranieri", "cosa succede", "ai ragazzi stranieri"),
        ("chi faceva parte dell'equipe", "chi faceva parte", "dell'equipe"),
    ],
)
def test_italian_question_frames(query, frame, core):
    # the places asked for ("i comuni", "ci sono comuni che", "quale comune") are the asking, not the topic
    asked = read_question(query)
    assert asked.frame == [frame] and asked.core == core
