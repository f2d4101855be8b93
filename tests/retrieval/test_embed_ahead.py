"""A never-seen query is embedded in a worker thread while it is read (`SearchStages.embed_ahead`): the search waits
for that vector instead of embedding the query again. No timings here (the bench has them): each test checks who
embeds what, how many times, and that the results are those of a search that embedded the query itself."""

from __future__ import annotations

import threading

import pytest

from retrieval.models import SearchRequest
from retrieval.spelling import Vocabulary


class ThreadRecordingEmbedder:
    """The service's own model, noting each text it embeds and the thread that asked; `gate` holds a call back
    until it is set."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.calls: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()

    def __getattr__(self, name):
        return getattr(self.embedder, name)

    def embed(self, texts):
        self.calls.extend((t, threading.current_thread().name) for t in texts)
        self.gate.wait(10)
        return self.embedder.embed(texts)


@pytest.fixture
def recording(service):
    original = service.embedder
    service.embedder = ThreadRecordingEmbedder(original)
    service._vectors.clear()  # the remembered query vectors of other tests' searches
    service._readings.of(service.lexical.current()).clear()
    try:
        yield service.embedder
    finally:
        service.embedder = original
        service._vectors.clear()


def test_a_new_query_spelt_right_is_embedded_once_in_a_worker_while_it_is_read(service, recording):
    q = "sportello casa per le famiglie dei rifugiati"
    result = service.search(SearchRequest(q=q))
    assert result.parsed.suggestion is None
    assert [text for text, _ in recording.calls] == [q]
    assert recording.calls[0][1] != threading.current_thread().name  # not the searching thread
    assert service._ahead == {}  # nothing left waiting once it is done


def test_the_ranking_is_the_same_as_embedding_the_query_in_the_search(service, recording):
    q = "mediazione culturale negli ospedali per donne straniere"
    ahead = service.search(SearchRequest(q=q))
    service._vectors.clear()
    service._readings.of(service.lexical.current()).clear()
    service.embed_ahead = lambda text, likely: None  # the search embeds the query itself
    try:
        itself = service.search(SearchRequest(q=q))
    finally:
        del service.embed_ahead
    assert [h.id for h in ahead.hits] == [h.id for h in itself.hits]
    assert [h.score for h in ahead.hits] == [h.score for h in itself.hits]
    assert [h.snippet for h in ahead.hits] == [h.snippet for h in itself.hits]
    assert ahead.answer == itself.answer


def test_a_query_the_reading_corrects_is_embedded_as_corrected_while_it_is_read_again(service, recording):
    result = service.search(SearchRequest(q="alloggi per famiglie a Palremo"))
    assert result.parsed.suggestion
    assert [text for text, _ in recording.calls] == [result.parsed.suggestion]  # never as typed
    assert recording.calls[0][1] != threading.current_thread().name
    assert service._ahead == {}


def test_a_lexical_search_embeds_nothing(service, recording):
    service.search(SearchRequest(q="orientamento al lavoro per donne", mode="lexical"))
    assert recording.calls == []


def test_asking_for_the_vector_while_it_is_on_its_way_waits_for_it(service, recording):
    recording.gate.clear()  # the worker's call is held until the second ask has been made
    service.embed_ahead("laboratori di italiano per adulti", lambda: True)
    waiter = threading.Thread(target=service.embed_query, args=("laboratori  di italiano per adulti",))
    waiter.start()
    recording.gate.set()
    waiter.join(10)
    vector = service.embed_query("laboratori di italiano per adulti")
    assert [text for text, _ in recording.calls] == ["laboratori di italiano per adulti"]
    assert vector.shape == (service.embedder.dim,)


def test_nothing_is_embedded_ahead_when_it_is_unlikely_to_be_asked_for(service, recording):
    service.embed_ahead("tirocini per giovani", lambda: False)
    assert recording.calls == [] and service._ahead == {}


def test_a_query_is_spelt_right_when_each_word_is_the_index_s_or_never_corrected(service):
    vocabulary = Vocabulary(["Alloggi temporanei per le famiglie a Torino, con lo sportello."])
    spelt_right = service.analyzer.spelt_right
    assert spelt_right("alloggi per famiglie", vocabulary)
    assert spelt_right("sportello casa a Torino nel 2024", vocabulary)  # a word of the language, a city, a year
    assert not spelt_right("aloggi per famiglie", vocabulary)  # neither the index's nor a word of the language
    assert not spelt_right("sportello a Palremo", vocabulary)


def test_the_reading_names_the_text_searched_as_soon_as_it_knows_it(service):
    index = service.lexical.current()
    vocabulary = service.vocabulary(index)
    for q, expected in (
        ("alloggi   per famiglie a Palremo", None),  # typos: the suggestion, before the corrected query is read
        ("alloggi   per famiglie a Torino", "alloggi per famiglie a Torino"),  # else the query, spaces tidied
    ):
        named: list[str] = []
        parsed = service.analyzer.parse(
            q,
            vocabulary=lambda: vocabulary,
            known_stems=index.idf,
            known_cities=index.values("city"),
            searched=named.append,
        )
        assert named == [expected or parsed.suggestion]
        assert parsed.suggestion == (None if expected else named[0])
