"""An English query's word that the thesaurus lacks is read as the Italian word of the index nearest to it in the
multilingual model's space (retrieval/word_translation.py), counted in the Italian passages as a glossary
translation is, at the weight of what the word says of the question."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import retrieval.word_translation as wt
from retrieval.word_translation import WordTable, WordVectors, index_words, translations
from tests.retrieval.test_translated_terms import scores_by_id


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


TABLE = WordTable(("mobili", "notte"), np.vstack([unit(1, 0, 0), unit(0, 1, 0)]))


def test_a_word_takes_its_nearest_italian_word_weighed_by_what_it_says_of_the_query():
    query = unit(1, 0.2, 0)
    found = translations(["furniture", "night"], [unit(1, 0.05, 0), unit(0.5, 1, 0.6)], query, TABLE)
    assert found["furniture"][0] == "mobili"
    assert found["furniture"][1] == pytest.approx(1.0)  # the question's topic: counts fully
    assert "night" not in found  # its nearest word, 0.79 near, is not near enough


def test_a_word_the_question_only_asks_with_weighs_its_translation_less():
    query = unit(0, 0, 1)  # "how long does it last": the word says little of the whole question
    word = unit(1, 0.02, 0.03)
    weight = translations(["long"], [word], query, TABLE)["long"][1]
    assert 0 < weight < 1
    assert weight == pytest.approx(float(word @ query) / wt.CENTRALITY)


def test_a_word_whose_nearest_is_itself_or_unrelated_to_the_query_is_not_translated():
    table = WordTable(("mobili",), unit(1, 0, 0)[None, :])
    assert translations(["mobili"], [unit(1, 0, 0)], unit(1, 0, 0), table) == {}
    assert translations(["furniture"], [unit(1, 0, 0)], unit(-1, 0, 0), table) == {}


def test_the_index_words_are_italian_words_used_twice(monkeypatch):
    monkeypatch.setattr(wt, "italian_words", lambda: frozenset({"mobili", "notte", "casa", "sera"}))
    monkeypatch.setattr(wt, "english_words", lambda: frozenset({"furniture"}))
    freq = {"mobili": 3, "notte": 1, "casa": 2, "furniture": 5, "sera": 4, "mobili2": 4}
    assert index_words(freq, frozenset({"sera"})) == ["casa", "mobili"]
    # without the Italian list: any word the English list lacks
    monkeypatch.setattr(wt, "italian_words", lambda: frozenset())
    assert index_words(freq, frozenset({"sera"})) == ["casa", "mobili"]


def test_the_table_keeps_the_most_used_words_of_a_large_index(monkeypatch):
    monkeypatch.setattr(wt, "italian_words", lambda: frozenset({"mobili", "notte", "casa", "sera"}))
    monkeypatch.setattr(wt, "MAX_WORDS", 2)
    freq = {"mobili": 3, "notte": 9, "casa": 2, "sera": 3}
    assert index_words(freq, frozenset()) == ["mobili", "notte"]  # 9 uses, then 3: "mobili" ties "sera", sorts first


def test_each_word_is_embedded_once_per_process():
    calls: list[list[str]] = []

    def embed(words: list[str]) -> np.ndarray:
        calls.append(list(words))
        return np.ones((len(words), 3), dtype=np.float32)

    vectors = WordVectors(embed)
    vectors.vectors(["casa", "notte"])
    vectors.vectors(["notte", "mobili", "casa"])
    assert calls == [["casa", "notte"], ["mobili"]]


def test_the_words_are_embedded_in_a_second_thread_while_the_query_is_in_this_one():
    here = threading.current_thread().name
    seen: dict[tuple[str, ...], str] = {}
    query_started = threading.Event()

    def embed(words: list[str]) -> np.ndarray:
        query_started.wait(5)  # the query's embedding is under way meanwhile, not done before or after
        seen[tuple(words)] = threading.current_thread().name
        return np.ones((len(words), 3), dtype=np.float32)

    def query() -> str:
        query_started.set()
        return "query vector"

    vectors = WordVectors(embed, parallel=True)
    table = WordTable(("casa",), unit(1, 1, 1)[None, :])
    done, found = vectors.beside(["casa", "notte"], table, query)
    assert done == "query vector"
    assert seen[("casa", "notte")] != here
    assert [v.tolist() for v, _ in found] == [[1.0, 1.0, 1.0]] * 2
    assert [near[0] for _, near in found if near] == ["casa", "casa"]  # each word's nearest of the table
    assert found[0][1][1] == pytest.approx(3**0.5)
    assert vectors.vectors(["notte"])[0] is found[1][0]  # remembered as `vectors` remembers them


def test_without_a_second_core_or_new_words_everything_stays_in_this_thread():
    here = threading.current_thread().name
    seen: list[str] = []

    def embed(words: list[str]) -> np.ndarray:
        seen.append(threading.current_thread().name)
        return np.ones((len(words), 3), dtype=np.float32)

    WordVectors(embed).beside(["casa"], TABLE, lambda: None)  # parallel off (the settings' threads fill the cores)
    vectors = WordVectors(embed, parallel=True)
    vectors.vectors(["notte"])
    vectors.beside(["notte"], TABLE, lambda: None)  # nothing new to embed
    assert seen == [here, here]


def test_a_failing_query_still_waits_for_its_words_and_frees_the_second_thread():
    vectors = WordVectors(lambda words: np.ones((len(words), 3), dtype=np.float32), parallel=True)

    def fail() -> None:
        raise ValueError("the model failed")

    with pytest.raises(ValueError):
        vectors.beside(["casa"], TABLE, fail)
    assert vectors.vectors(["casa"])[0].shape == (3,)  # the words' call finished all the same
    seen: list[str] = []
    vectors._embed = lambda words: seen.append(threading.current_thread().name) or np.ones((len(words), 3))
    vectors.beside(["notte"], TABLE, lambda: None)
    assert seen and seen[0] != threading.current_thread().name  # the second thread is free again


def test_a_cold_english_query_embeds_its_words_beside_the_query(service, monkeypatch):
    seen: dict[str, str] = {}
    embed = service.words._embed

    def recording(words: list[str]) -> np.ndarray:
        seen.update(dict.fromkeys(words, threading.current_thread().name))
        return embed(words)

    monkeypatch.setattr(service.words, "_embed", recording)
    monkeypatch.setattr(service.words, "_parallel", True)  # as on any machine of two cores or more
    rows = [("mobili", "it", "Nel laboratorio i ragazzi restaurano i mobili usati per le famiglie.")]
    parsed, _ = scores_by_id(service, rows, "upholstered wardrobes for young people")
    assert parsed.language == "en"
    assert "wardrobes" in seen  # a word of its own, embedded ...
    assert seen["wardrobes"] != threading.current_thread().name  # ... in the second thread


def test_the_words_nearest_table_words_are_found_in_the_second_thread():
    here = threading.current_thread().name
    seen: list[str] = []

    class Table(WordTable):
        def nearest(self, vector: np.ndarray) -> tuple[str, float] | None:
            seen.append(threading.current_thread().name)
            return super().nearest(vector)

    table = Table(TABLE.words, TABLE.matrix)
    vectors = WordVectors(lambda words: np.vstack([unit(1, 0.05, 0)] * len(words)), parallel=True)
    query = unit(1, 0.2, 0)
    done, found = vectors.beside(["furniture"], table, lambda: query)
    assert seen and here not in seen
    # the same translation, and weight, as `translations` gives from the vectors
    assert wt.weighed(["furniture"], found, done) == translations(["furniture"], [found[0][0]], query, TABLE)


def test_an_english_word_the_thesaurus_lacks_finds_the_italian_passages_saying_it(service):
    rows = [
        ("mobili", "it", "Nel laboratorio i ragazzi restaurano i mobili usati. I mobili vanno alle famiglie."),
        ("cucina", "it", "Nel laboratorio i ragazzi imparano a cucinare. La cucina apre alle famiglie."),
        ("report", "en", "The workshop trains young people in cooking."),
    ]
    parsed, by_id = scores_by_id(service, rows, "furniture for young people")
    assert parsed.language == "en"
    assert "mobili" in parsed.translated
    assert by_id.get("mobili", 0.0) > by_id.get("cucina", 0.0)


def test_an_italian_word_s_nearest_words_of_another_family_are_its_synonyms():
    words = ("maestra", "maestre", "insegnanti", "docenti", "scuola", "cucina")
    rows = [unit(1, 0, 0), unit(1, 0.05, 0), unit(1, 0.3, 0), unit(1, 0.4, 0), unit(1, 1, 0), unit(0, 0, 1)]
    table = WordTable(words, np.vstack(rows))
    same = {frozenset({"maestra", "maestre"})}

    def family(a: str, b: str) -> bool:
        return a == b or frozenset({a, b}) in same

    # its own inflection and the word itself left out; at most RELATED, at least RELATED_SIMILARITY near
    assert table.related("maestra", family) == ["insegnanti", "docenti"]
    assert table.related("cucina", family) == []  # nothing near enough
    assert table.related("assente", family) == []  # not a word of the table


def test_an_italian_query_word_gets_the_index_s_related_words_as_synonyms(service, monkeypatch):
    table = WordTable(("maestra", "insegnanti"), np.vstack([unit(1, 0, 0), unit(1, 0.3, 0)]))
    monkeypatch.setattr(service, "word_table", lambda index: table)
    rows = [
        ("scuola", "it", "Le insegnanti della scuola incontrano le madri straniere ogni settimana."),
        ("casa", "it", "Le madri straniere cercano una casa in affitto ogni settimana."),
    ]
    parsed, by_id = scores_by_id(service, rows, "la maestra parla con le madri straniere")
    concept = next(c for c in parsed.concepts if c.text == "maestra")
    assert concept.alternatives == ["insegnanti"]
    assert by_id["scuola"] > by_id["casa"]


@pytest.mark.parametrize(
    "query, related",
    [
        ("le stanze comuni del dormitorio", []),  # the adjective: common rooms
        ("tre comuni della provincia", ["comunali"]),  # the municipalities
        ("altri comuni con dormitori", ["comunali"]),
    ],
)
def test_comuni_after_a_plural_noun_gets_no_municipal_related_word(service, monkeypatch, query, related):
    table = WordTable(("comuni", "comunali"), np.vstack([unit(1, 0, 0), unit(1, 0.3, 0)]))
    monkeypatch.setattr(service, "word_table", lambda index: table)
    rows = [
        ("dormitorio", "it", "Il dormitorio ha stanze comuni e una cucina per gli ospiti."),
        ("uffici", "it", "Gli uffici comunali della provincia aprono il dormitorio."),
    ]
    parsed, _ = scores_by_id(service, rows, query)
    assert next(c for c in parsed.concepts if c.text == "comuni").alternatives == related


def test_an_index_with_the_same_words_shares_the_table():
    class Index:  # any object a table is kept for (weakly)
        pass

    vectors = WordVectors(lambda words: np.ones((len(words), 3), dtype=np.float32))
    first, second, third = Index(), Index(), Index()
    table = vectors.table(first, lambda: ["casa", "notte"])
    assert vectors.table(second, lambda: ["casa", "notte"]) is table
    assert vectors.table(third, lambda: ["casa", "mobili", "notte"]).words == ("casa", "mobili", "notte")


def test_the_index_s_english_words_are_those_of_the_english_list_it_uses(monkeypatch):
    monkeypatch.setattr(wt, "english_words", lambda: frozenset({"housing", "shelter", "night", "the", "tenancy"}))
    freq = {"housing": 5, "shelter": 1, "alloggi": 9, "the": 40, "night": 2, "tenancy": 3}
    assert wt.english_index_words(freq, frozenset({"the"})) == ["housing", "night", "shelter", "tenancy"]
    monkeypatch.setattr(wt, "ENGLISH_WORDS", 2)  # the most used, when there are more
    assert wt.english_index_words(freq, frozenset({"the"})) == ["housing", "tenancy"]


def test_after_the_warm_up_an_english_query_in_the_index_s_own_english_words_calls_no_model_for_them(service):
    """The index's English words are embedded ahead, as the table's Italian words are: an English question asked
    in the words of the English passages makes no call of the model for its words."""
    from retrieval.analysis import STOP

    index = service.lexical.current()
    english = wt.english_index_words(service.vocabulary(index).freq, STOP)
    assert len(english) > 20  # the corpus's English reports
    calls: list[list[str]] = []
    embed = service.words._embed
    service.words._embed = lambda words: calls.append(list(words)) or embed(words)
    try:
        service.words.vectors(english)
    finally:
        service.words._embed = embed
    assert calls == []


def test_a_city_or_region_an_english_query_names_is_sent_to_no_translation(service, monkeypatch):
    """A comune's or a region's name is the same in the index: only the other words are sent for translation, and
    a query whose only untranslated words are places makes no call of the model for its words."""
    sent: list[list[str]] = []
    beside = service.words.beside
    monkeypatch.setattr(service.words, "beside", lambda words, *rest: sent.append(list(words)) or beside(words, *rest))
    rows = [("mobili", "it", "A Caserta i ragazzi restaurano i mobili usati per le famiglie della Sicilia.")]
    parsed, _ = scores_by_id(service, rows, "cushioned armchairs for families in Caserta and Sicily")
    assert parsed.language == "en" and "Caserta" in parsed.cities
    assert sent == [["cushioned", "armchairs"]]
    sent.clear()
    parsed, _ = scores_by_id(service, rows, "the families of Bolzano")
    assert parsed.language == "en" and "Bolzano" in parsed.cities
    assert sent == []
