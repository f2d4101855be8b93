"""The intervention taxonomy's classification of a sentence (kept for the sentences classified again)."""

from __future__ import annotations

from lgnet.taxonomy import Taxonomy


def test_a_sentence_classified_again_gives_a_fresh_list():
    taxonomy = Taxonomy.default()
    sentence = "Lo sportello offre orientamento al lavoro e un alloggio temporaneo."
    first = taxonomy.classify(sentence)
    assert first and first == [code for code, n in taxonomy.counts(sentence).items() if n]
    first.append("not an area")
    assert taxonomy.classify(sentence) == [code for code, n in taxonomy.counts(sentence).items() if n]
    assert taxonomy.classify("Nessuna parola del catalogo qui.") == []
