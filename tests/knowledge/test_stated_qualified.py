"""A count stated after its subject and followed by who its persons are or when it was reached ("I mediatori
formati sono 12 tra educatori, vigili e bibliotecari", "Le merende in cortile, aperte alle famiglie del quartiere,
sono state 7 in un anno"), or said as what the subject became ("sono diventati 14"). Sentences invented for the
mechanism."""

from knowledge.figures import figures


def _counts(sentence: str) -> dict[float, str]:
    return {f.value: f.unit for f in figures(sentence)}


def test_a_stated_count_followed_by_who_its_persons_are():
    assert _counts("I mediatori formati sono 12 tra la città e i comuni vicini.") == {
        12.0: "mediatori"}  # fmt: skip
    assert _counts("The volunteers of the reading club were 18 by the end of the year.") == {
        18.0: "volontari"}  # fmt: skip


def test_a_stated_count_after_an_apposition_followed_by_when():
    found = _counts("Le merende in cortile, aperte alle famiglie del quartiere, sono state 7 in un anno.")
    assert found == {7.0: "merende"}


def test_a_count_the_subject_became():
    assert _counts("Gli orti condivisi del quartiere sono diventati 14.") == {14.0: "orti"}
