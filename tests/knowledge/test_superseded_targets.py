"""A target the text says was replaced by a new one is no figure; the new one is (knowledge/figures.py,
`_superseded`). Invented sentences."""

from knowledge.figures import figures


def _values(sentence: str) -> list[float]:
    return [f.value for f in figures(sentence)]


def test_a_target_lowered_in_the_same_sentence_leaves_only_the_new_one():
    assert _values("Il progetto aveva previsto 14 appartamenti, ma un proprietario si è ritirato: il comitato decide "
                   "di abbassare l'obiettivo a 11 appartamenti.") == [11]  # fmt: skip
    assert _values("Il sindaco ricorda che il progetto aveva promesso 50 posti: la giunta fissa il nuovo obiettivo a "
                   "35 posti letto entro il 2027.") == [35]  # fmt: skip
    assert _values("The project had promised 60 places; the target was lowered to 45 places after the fire.") == [45]


def test_a_target_kept_or_met_stays_a_figure():
    assert _values("Il progetto aveva previsto 12 alloggi e ne ha consegnati 12.") == [12]
    assert _values("Il progetto aveva previsto 30 posti e oggi ne conta 28; l'obiettivo resta quello.") == [30, 28]
