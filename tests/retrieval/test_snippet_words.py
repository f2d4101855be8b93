"""The words of a snippet's window (retrieval/snippets._words_within): the same words as the whole text's, cut to
the window, kept as columns the collector does not scan (no timings)."""

from __future__ import annotations

import gc

from retrieval.snippets import _word_spans, _words_within, highlight
from retrieval.terms import stem_terms

TEXT = (
    "L'accoglienza abitativa a Bari: 12 famiglie hanno trovato casa. Il servizio di portierato sociale "
    "accompagna i nuclei senza fissa dimora verso l'autonomia abitativa, con 3 appartamenti."
)


def _reference(text: str, lo: int, hi: int) -> list[tuple[int, int, frozenset[str]]]:
    return [w for w in _word_spans(text) if w[0] >= lo and w[1] <= hi]


def test_the_window_holds_the_words_lying_whole_inside_it():
    for lo in range(0, len(TEXT), 7):  # windows cutting words at either end, or not
        for hi in range(lo, len(TEXT) + 1, 11):
            starts, ends, stems = _words_within(TEXT, lo, hi)
            assert list(zip(starts, ends, stems, strict=True)) == _reference(TEXT, lo, hi), (lo, hi)


def test_a_window_kept_is_a_few_objects_for_the_collector_not_one_per_word():
    starts, ends, stems = _words_within(TEXT, 0, len(TEXT))
    assert len(starts) > 20
    gc.collect()  # tuples of numbers are left out of the collector's passes once it has seen them
    assert not gc.is_tracked(starts) and not gc.is_tracked(ends)


def test_marks_are_whole_words_and_whole_phrases():
    terms = stem_terms(frozenset({"abit"}))
    terms.phrases = ["senza fissa dimora"]  # a multi-word alternative: its words marked where it occurs whole
    marked = highlight(TEXT, terms)
    assert marked.count("<mark>abitativa</mark>") == 2
    assert "<mark>senza</mark> <mark>fissa</mark> <mark>dimora</mark>" in marked
    assert marked.count("<mark>") == 5
