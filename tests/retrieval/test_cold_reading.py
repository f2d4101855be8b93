"""What reading a never-seen query no longer computes (issue 11's cold latency): each test checks the work skipped
and that the reading is the same. No timings here (the bench has them)."""

from __future__ import annotations

import pytest

from lgnet.gazetteer import Gazetteer
from retrieval.query_cities import city_mentions
from retrieval.spelling import Vocabulary


@pytest.fixture
def looked_up(monkeypatch):
    """The words the gazetteer looks up as possibly misspelt cities."""
    gazetteer = Gazetteer.default()
    words: list[str] = []
    original = gazetteer._closest_name

    def closest_name(word: str) -> str | None:
        words.append(word)
        return original(word)

    monkeypatch.setattr(gazetteer, "_closest_name", closest_name)
    return gazetteer, words


def test_a_word_the_index_uses_is_not_looked_up_as_a_misspelt_city(looked_up):
    gazetteer, words = looked_up
    vocabulary = Vocabulary(["Accoglienza di persone in transito nella stazione, con mediatori."])
    found = city_mentions(gazetteer, "mediatori per persone in transito a Turino", lambda: vocabulary)
    assert [m.city.name for m in found] == ["Torino"]
    assert "turino" in words  # a word the index lacks is still read as a misspelt city
    assert "transito" not in words and "mediatori" not in words and "persone" not in words


def test_the_same_mentions_but_for_the_typos_city_mentions_drops(looked_up):
    gazetteer, _ = looked_up
    vocabulary = Vocabulary(["Persone in transito alla stazione di Taranto e Palermo, con lo sportello."])
    for text in ("persone in tranzito", "sportello a Palremo per persone in transito", "stazione Tarranto"):
        everything = [
            m for m in gazetteer.query_mentions(text) if m.evidence != "typo" or m.form.lower() not in vocabulary
        ]
        assert gazetteer.query_mentions(text, not_typos=vocabulary.freq) == everything
