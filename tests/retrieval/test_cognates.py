"""English words read as their Italian cognates in the index's vocabulary (the corpus is Italian)."""

from __future__ import annotations

import pytest

from retrieval.analysis import QueryAnalyzer
from retrieval.cognates import cognate, italianised
from retrieval.spelling import Vocabulary

TEXTS = [
    "patto di collaborazione con il mediatore culturale e la psicologa",
    "deposito cauzionale per la locazione, comunità e municipalità, lo psicologo",
    "the municipality signed an agreement with the historic centre",
]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(TEXTS)


def test_english_endings_and_spellings_become_italian():
    assert italianised("collaboration") == ("collaborazione", True)
    assert italianised("psychologist") == ("psicologo", True)
    assert italianised("deposit") == ("deposit", False)


@pytest.mark.parametrize(
    "english, italian",
    [
        ("collaboration", "collaborazione"),
        ("mediator", "mediatore"),
        ("cultural", "culturale"),
        ("psychologist", "psicologo"),
        ("community", "comunita"),  # the doubled letter English keeps
        ("municipality", "municipalita"),
        ("deposit", "deposito"),  # Italian adds the final vowel
    ],
)
def test_an_english_word_finds_its_italian_cognate_in_the_index(vocab, english, italian):
    assert cognate(english, vocab) == italian


@pytest.mark.parametrize("english", ["agreement", "historic", "street", "housing", "team"])
def test_no_cognate_without_an_italian_word_of_the_same_making(vocab, english):
    assert cognate(english, vocab) is None  # "agreement" is in the index, but as English


def test_an_english_query_searches_the_cognates_as_its_own_words(vocab):
    parsed = QueryAnalyzer().parse("what collaboration for the mediator", vocabulary=lambda: vocab)
    assert parsed.language == "en"
    assert parsed.translations == {"collaboration": "collaborazione", "mediator": "mediatore"}
    assert "collaborazione" in parsed.main_text and parsed.suggestion is None  # no "did you mean"
    italian = QueryAnalyzer().parse("la collaborazione per il mediatore", vocabulary=lambda: vocab)
    assert italian.translations == {}


def test_a_thesaurus_term_is_read_through_the_thesaurus_not_as_a_cognate(vocab):
    parsed = QueryAnalyzer().parse("what collaboration for the deposit", vocabulary=lambda: vocab)
    assert "deposit" not in parsed.translations
    assert "deposito cauzionale" in parsed.expansions  # the field's own phrase, not the bare cognate


MORE_TEXTS = [
    "contratti di lavoro regolarizzati, patentini per trattori e macchine agricole",
    "i servizi attivati nel centro per gli studenti, la cultura e le organizzazioni",
]


@pytest.mark.parametrize(
    "english, italian",
    [
        ("contracts", "contratti"),  # ct -> tt, and the English plural's -s an Italian -i
        ("regularised", "regolarizzati"),  # -ised -> -izzati (and one edit: regul- / regol-)
        ("activated", "attivati"),  # -ated -> -ati
        ("tractor", "trattori"),  # -or -> -ore, the index's plural one edit away
        ("services", "servizi"),  # -ices -> -izi
        ("centre", "centro"),  # -tre -> -tro
        ("students", "studenti"),  # -ents -> -enti
        ("culture", "cultura"),  # -ure -> -ura
        ("organisations", "organizzazioni"),  # -isations -> -izzazioni
    ],
)
def test_more_of_the_regular_endings_cross(english, italian):
    assert cognate(english, Vocabulary(MORE_TEXTS)) == italian
