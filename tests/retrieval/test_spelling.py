"""Typo tolerance: the Italian typos of the field are corrected to the index's word, real words are not."""

from __future__ import annotations

import pytest

from lgnet.text import fold
from retrieval.analysis import QueryAnalyzer
from retrieval.dictionary import is_word
from retrieval.spelling import Vocabulary, typo_distance, undoubled

# Many words ending like "regione" (80 made-up "-gione"s, more than the trigram candidates kept): a typo at its
# start leaves it only the trigrams they share.
_IONE = " ".join(f"{a}{b}gione" for a in "bcdfghlmnp" for b in "aeioustv")
TEXTS = [
    "alloggio alloggio alloggi accoglienza accoglienza accoglienza appoggio",
    "sportello sportello sportello orientamento lavoro stranieri stranieri strano",
    _IONE + " regione regione regione rione",
    "mediatori culturali culturali cultura cultura quali quali quali",
]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(TEXTS)


def test_a_doubled_letter_missed_or_added_costs_half():
    assert typo_distance("alogio", "alloggio", 2) == 1.0
    assert typo_distance("sportelo", "sportello", 2) == 0.5
    assert typo_distance("culturalli", "culturali", 2) == 0.5
    assert typo_distance("rgeione", "regione", 2) == 1.0  # a transposition is one edit
    assert typo_distance("accoglenza", "accoglienza", 2) == 1.0
    assert typo_distance("abcdef", "uvwxyz", 2) > 2  # gave up above the limit


def test_undoubled():
    assert undoubled("accoglienza") == "acoglienza"
    assert undoubled("alloggio") == undoubled("alogio")


@pytest.mark.parametrize(
    "typo, word",
    [
        ("alogio", "alloggio"),  # two doublings missed
        ("accoglenza", "accoglienza"),
        ("sportelo", "sportello"),
        ("orientamneto", "orientamento"),
        ("stranieir", "stranieri"),
        ("rgeione", "regione"),  # its trigrams are those of every '-zione': found one edit away
    ],
)
def test_typos_of_the_field_are_corrected(vocab, typo, word):
    fix = vocab.correct(typo)
    assert fix is not None and fix.correct == word


def test_a_known_word_is_kept(vocab):
    assert vocab.correct("strano") is None
    assert vocab.correct("rione") is None


def test_a_closer_word_of_the_language_that_the_index_lacks_is_no_typo(vocab):
    assert vocab.correct("quatni").correct == "quali"  # the index's word, two edits away
    assert vocab.correct("quatni", language={"quanti"}) is None  # the user meant "quanti" (one edit)
    assert vocab.correct("sportelo", language={"sportelli"}).correct == "sportello"  # as close: the index's


def test_the_vocabulary_keeps_its_keys_when_a_word_goes_and_comes_back():
    vocab = Vocabulary.of_index(["a", "b"], ["alloggio accoglienza", "regione"], ["", ""], frozenset())
    assert vocab.correct("alogio").correct == "alloggio"
    changed = vocab.updated(["b"], ["regione"], [""])  # "alloggio" gone
    assert changed.correct("alogio") is None
    assert vocab.correct("alogio").correct == "alloggio"  # the earlier version is unchanged
    back = changed.updated(["a", "b"], ["alloggio", "regione"], ["", ""])
    assert back.correct("alogio").correct == "alloggio"


def test_italian_forms_the_word_list_lacks_are_words():
    assert is_word("accogliendo")  # gerund of "accogliere"
    assert not is_word("stranieir")
    assert not is_word("accoglenza")


@pytest.mark.parametrize(
    "query, corrected",
    [
        ("consulta stranieir", {"stranieir": "stranieri"}),  # "stran" is a stem of the index: still a typo
        ("mediatori culturalli", {"culturalli": "culturali"}),
        ("sportelo di orientamneto", {"sportelo": "sportello", "orientamneto": "orientamento"}),
    ],
)
def test_queries_search_with_the_correction_and_suggest_it(query, corrected):
    vocab = Vocabulary(TEXTS)
    known_stems = {"stran", "cultur", "sportell", "orient"}
    parsed = QueryAnalyzer().parse(query, vocabulary=lambda: vocab, known_stems=known_stems)
    assert parsed.corrections == corrected
    assert all(word in parsed.main_text for word in corrected.values())
    assert parsed.suggestion is not None and all(word in parsed.suggestion for word in corrected.values())


def test_an_inflection_of_a_word_of_the_index_is_not_corrected():
    vocab = Vocabulary(["raccogliendo fondi", "accoglienza accogliere"])
    parsed = QueryAnalyzer().parse("accogliendo famiglie", vocabulary=lambda: vocab, known_stems={"accogl"})
    assert parsed.corrections == {} and parsed.suggestion is None


def test_only_the_repeated_letter_is_cheap():
    assert typo_distance("sardiia", "sarda", 2) == 1.5  # one "i" is the doubling, the other a real deletion
    assert typo_distance("sardiia", "sardinia", 2) == 1.0


def test_a_corrected_city_name_keeps_its_capital_and_is_the_city():
    vocab = Vocabulary(["Avezzano avezzano abitare"])
    parsed = QueryAnalyzer().parse("Avezano abitare", vocabulary=lambda: vocab)
    assert parsed.suggestion == "Avezzano abitare"
    assert parsed.cities == ["Avezzano"]
    assert parsed.corrections == {"avezano": "avezzano"}


@pytest.mark.parametrize(
    "typed, words",
    [("senzadimora", "senza dimora"), ("sportellounico", "sportello unico"), ("dellaccoglienza", "dell'accoglienza")],
)
def test_words_run_together_are_split(typed, words):
    from retrieval.spelling import split

    vocab = Vocabulary(["senza dimora senza dimora", "sportello unico sportello unico", "accoglienza accoglienza"])
    assert vocab.correct(typed) is None  # no single word is close
    fix = split(vocab, typed)
    assert fix is not None and fix.correct == words


def test_a_known_or_unsplittable_word_is_not_split():
    from retrieval.spelling import split

    vocab = Vocabulary(["senza dimora senza dimora senzadimora", "unico"])
    assert split(vocab, "senzadimora") is None  # the index has it
    assert split(vocab, "rosatelli") is None


def test_a_typo_after_an_elided_article_is_corrected():
    """The word after an elision ("dall'acoglienza") is the one misspelt (it was skipped whole, apostrophe and all)."""
    vocab = Vocabulary(TEXTS)
    parsed = QueryAnalyzer().parse("uscita dall'acoglienza", vocabulary=lambda: vocab)
    assert parsed.corrections == {"acoglienza": "accoglienza"}
    assert parsed.suggestion == "uscita dall'accoglienza"


def test_a_word_of_the_documents_is_not_a_misspelt_city():
    """A word the documents use ("transito", close to "Taranto") is not a misspelt city."""
    with_word = Vocabulary(["migranti in transito lungo la rotta balcanica"])
    parsed = QueryAnalyzer().parse("migranti in transito", vocabulary=lambda: with_word)
    assert parsed.cities == [] and parsed.suggestion is None
    without = Vocabulary(["migranti lungo la rotta balcanica"])
    assert QueryAnalyzer().parse("migranti in transito", vocabulary=lambda: without).cities == ["Taranto"]


def test_a_misspelt_city_typed_in_lower_case_is_suggested_with_its_capital():
    vocab = Vocabulary(["progetti a Palermo, progetti a Catania"])
    parsed = QueryAnalyzer().parse("progetti a palremo", vocabulary=lambda: vocab)
    assert parsed.cities == ["Palermo"]
    assert parsed.suggestion == "progetti a Palermo"


def test_a_typo_sharing_the_stem_of_its_correction_is_still_suggested():
    """A typo ("rifugati") stems as its correction does, so it matched already, but it is misspelt inside: the
    suggestion writes it right. An inflection differing only in its ending vowels is left as typed."""
    vocab = Vocabulary(["rifugiati rifugiati accolti", "coprogettazione coprogettazione con il terzo settore"])
    known = {"rifug", "coprogett", "accolt"}
    parsed = QueryAnalyzer().parse("alloggi per rifugati", vocabulary=lambda: vocab, known_stems=known)
    assert parsed.corrections == {"rifugati": "rifugiati"} and parsed.suggestion == "alloggi per rifugiati"
    inflected = QueryAnalyzer().parse("coprogettazioni locali", vocabulary=lambda: vocab, known_stems=known)
    assert inflected.corrections == {} and inflected.suggestion is None


def test_a_remembered_correction_is_the_word_s_for_that_word_list():
    vocab = Vocabulary(TEXTS)
    assert vocab.correct("quatni", frozenset()).correct == "quali"
    assert vocab.correct("quatni", frozenset({"quanti"})) is None  # another word list, another answer
    assert vocab.correct("quatni", frozenset()).correct == "quali"  # remembered, as computed
    assert vocab.correct("alogio", ()) == vocab._correct("alogio", ())


def test_a_prefixed_word_is_not_a_typo_of_the_word_it_is_made_from():
    """'riusare' (to reuse) is not in the word lists; its nearest index word is 'usare', the same word without
    its prefix: a derivative, not a typo ('rifugati' is still one, of 'rifugiati')."""
    vocab = Vocabulary(["usare usare usare edifici pubblici", "rifugiati rifugiati rifugiati"])
    parsed = QueryAnalyzer().parse("riusare edifici pubblici per i rifugati", vocabulary=lambda: vocab)
    assert parsed.corrections == {"rifugati": "rifugiati"}
    assert "riusare" in parsed.core


@pytest.mark.parametrize(
    "query, city",
    [("night shelters in Turin", "Torino"), ("job desk for refugees in Milan", "Milano"), ("Rome co-housing", "Roma")],
)
def test_a_city_named_in_english_is_no_typo(query, city):
    """ "Turin" is Torino's English name, not a misspelling: no "Forse cercavi" (a suggestion also reads and
    searches the query twice); the query is read with the name the documents use."""
    vocab = Vocabulary(["dormitori a Torino, sportello lavoro a Milano, coabitazione a Roma"])
    parsed = QueryAnalyzer().parse(query, vocabulary=lambda: vocab)
    assert parsed.cities == [city]
    assert parsed.suggestion is None and parsed.corrections == {}
    assert fold(city) in [c.text for c in parsed.concepts]  # read by the name the documents use


def test_a_city_called_by_a_nickname_is_read_by_its_name():
    vocab = Vocabulary(["sportello per rifugiati a Taranto"])
    parsed = QueryAnalyzer().parse("nel capoluogo ionico c'è uno sportello per rifugiati?", vocabulary=lambda: vocab)
    assert parsed.cities == ["Taranto"] and parsed.suggestion is None
    assert "taranto" in [c.text for c in parsed.concepts]


def test_an_english_city_name_stays_as_typed_when_another_word_is_corrected():
    vocab = Vocabulary(["alloggio alloggio alloggi a Torino"])
    parsed = QueryAnalyzer().parse("alogio Turin", vocabulary=lambda: vocab)
    assert parsed.suggestion == "alloggio Turin"
    assert parsed.cities == ["Torino"]


def test_a_plural_in_ch_or_gh_is_an_inflection_not_a_typo():
    """A plural of a -co/-ca word writes an "h" before its ending or not ("psichiatrici", "psichiatriche"), and
    the stemmer cuts them apart: with the index holding the other form, that form is searched, but the word is
    no typo, so nothing is suggested."""
    vocab = Vocabulary(["servizi per persone con disturbi psichiatriche", "psichiatriche psichiatriche"])
    parsed = QueryAnalyzer().parse(
        "centri psichiatrici per stranieri", vocabulary=lambda: vocab, known_stems={"psichiatr"}
    )
    assert parsed.suggestion is None
    assert parsed.corrections == {"psichiatrici": "psichiatriche"}
