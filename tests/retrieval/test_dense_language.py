"""The dense list's cross-language lift (Settings.dense_other_language): the multilingual model scores a passage
in the query's language above its translation, so a passage in the other language is lifted by a constant before
fusion. Made-up passages and similarities."""

from __future__ import annotations

from lgnet.config import Settings
from retrieval.lexical import LexicalIndex
from retrieval.stages import _other_language_lifted


def _index() -> LexicalIndex:
    rows = [
        ("it:000", "it", "Alloggi ponte per i rifugiati in uscita dall'accoglienza."),
        ("en:000", "en", "Refugees leaving reception often sleep at the railway station."),
        ("en:001", "en", "The night shelter was full every winter."),
    ]
    return LexicalIndex.empty().apply(
        [{"id": i, "text": t, "meta": {"doc_id": i, "language": lang}} for i, lang, t in rows], set()
    )


def test_an_english_question_s_italian_answer_is_lifted_above_english_passages_sharing_its_words():
    index = _index()
    at = index.corpus.position
    dense = [(at["en:000"], 0.58), (at["it:000"], 0.55), (at["en:001"], 0.41)]
    lift = Settings().dense_other_language
    assert lift > 0.03
    lifted = _other_language_lifted(index, dense, "en", lift)
    assert [index.corpus.ids[p] for p, _ in lifted] == ["it:000", "en:000", "en:001"]
    assert dict(lifted)[at["en:000"]] == 0.58  # a passage in the query's language keeps its similarity
    # an Italian question: the English passages are the other language's
    lifted = _other_language_lifted(index, [(at["it:000"], 0.60), (at["en:000"], 0.57)], "it", lift)
    assert [index.corpus.ids[p] for p, _ in lifted] == ["en:000", "it:000"]
