"""Hostile text through the gazetteer, city detection and the type classifier: never a crash, offsets always
valid, a result from the closed vocabularies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.city import main_city
from ingest.doctype import DocTypeClassifier
from lgnet.gazetteer import Gazetteer
from lgnet.vocabulary import DOC_TYPES

# Words that exercise the matcher: names, homonyms, common-word comuni, aliases, streets, articles, punctuation.
PIECES = [
    "Roma",
    "ROMA",
    "Lecce",
    "Lecce nei Marsi",
    "Castro",
    "(LE)",
    "Vita",
    "Bra",
    "via",
    "Comune di",
    "dell'",
    "Aquila",
    "L'Aquila",
    "Friuli Venezia Giulia",
    "capoluogo ionico",
    "Sant'Agata",
    "(ANSA) -",
    ", 12 marzo -",
    "\n",
    "\n\n",
    " ",
    "|",
    "\t",
    "-",
    "’",
    ".",
    "Verbale",
    "Presenti:",
    "Titolo del progetto:",
    "https://x.it/",
    "Torino",
    "Bozen",
    "di",
    "a",
    "É",
    "ß",
    "İ",
    "\u0301",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_mentions_have_valid_offsets(text):
    for m in Gazetteer.default().mentions(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.form


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_city_and_type_never_crash(title, text):
    city = main_city(title, text)
    assert city is None or Gazetteer.default().get(city) is not None
    assert DocTypeClassifier().run(title, text).doc_type in DOC_TYPES
    for m in Gazetteer.default().query_mentions(text):
        assert 0 <= m.start < m.end <= len(text)
