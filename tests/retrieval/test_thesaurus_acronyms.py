"""Acronyms of the field the thesaurus (lgnet/data/thesaurus.json) expands: a query that writes the acronym finds
the passages that write the words, and the other way round."""

from __future__ import annotations

import pytest

from retrieval.thesaurus import Thesaurus


@pytest.mark.parametrize(
    "acronym, words",
    [
        ("ssr", "servizio sanitario regionale"),
        ("pds", "permesso di soggiorno"),
        ("nai", "neo arrivati in italia"),
        ("ets", "enti del terzo settore"),
        ("pua", "punto unico di accesso"),
    ],
)
def test_acronym_and_its_words(acronym, words):
    thesaurus = Thesaurus.default()
    assert words in thesaurus.alternatives[acronym]
    assert acronym in thesaurus.alternatives[words]


def test_an_acronym_is_found_in_a_query():
    [match] = [m for m in Thesaurus.default().find("iscrizione al ssr dei lavoratori") if m.phrase == "ssr"]
    assert "servizio sanitario regionale" in match.alternatives


def test_glossary_is_read_both_ways():
    """An Italian word the glossary gives as an English term's equivalent has that English term as an alternative:
    an Italian question finds an English report that says it in English."""
    thesaurus = Thesaurus([], {"flats": ["appartamenti", "alloggi"]})
    assert thesaurus.alternatives["flats"] == ("appartamenti", "alloggi")
    assert "flats" in thesaurus.alternatives["appartamenti"]
    assert thesaurus.language["flats"] == "en"
    [match] = thesaurus.find("braccianti spostati in appartamenti in affitto")
    assert match.alternatives == ("flats",)


def test_an_english_word_is_found_in_the_other_number():
    """The thesaurus writes "greenhouses" and "rental": a query's "greenhouse" and "rentals" are the same words."""
    thesaurus = Thesaurus([{"it": ["serre"], "en": ["greenhouses"]}], {"rental": ["affitto", "locazione"]})
    found = {m.phrase: m.alternatives for m in thesaurus.find("a greenhouse with rentals for the neighbourhoods")}
    assert found["greenhouse"] == ("greenhouses", "serre")
    assert found["rentals"] == ("rental", "affitto", "locazione")
    assert "neighbourhoods" not in found  # not a word of the thesaurus in either number
    assert [m.phrase for m in thesaurus.find("le serre")] == ["serre"]  # an Italian word as written, as before


@pytest.mark.parametrize(
    "query, phrase, alternative",
    [
        ("msna diventati maggiorenni senza casa", "diventati maggiorenni", "neomaggiorenni"),
        ("hotels used as emergency accommodation", "hotels", "alberghi"),
        ("contracts regularised through the union desk", "union", "sindacato"),
        ("trained as lifeguards", "lifeguards", "bagnini"),
        ("a former mining town", "mining", "minerario"),
        ("students after the scholarship", "scholarship", "borsa di studio"),
    ],
)
def test_field_words_in_italian_and_english(query, phrase, alternative):
    found = {m.phrase: m.alternatives for m in Thesaurus.default().find(query)}
    assert alternative in found[phrase]


@pytest.mark.parametrize(
    "query, phrase, alternative, not_alternative",
    [
        ("a course for workers who arrived last year", "workers", "lavoratori", "operatori"),
        ("language classes for people who work shifts", "shifts", "turni", "fabbrica"),
    ],
)
def test_workers_are_lavoratori_and_shifts_are_turni(query, phrase, alternative, not_alternative):
    """ "Workers" are the people who work (lavoratori), not a service's staff (operatori); a shift is a turn of work,
    not a factory."""
    found = {m.phrase: m.alternatives for m in Thesaurus.default().find(query)}
    assert alternative in found[phrase] and not_alternative not in found[phrase]
