"""A reported statement's bare count ("riferisce che 14 sono stati assunti"): persons, as in speech. Sentences
invented for the mechanism."""

from knowledge.figures import figures


def _read(sentence: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(sentence)]


def test_a_bare_count_in_a_reported_statement_counts_persons():
    said = "La coordinatrice racconta che 14 sono stati assunti in cantiere e che 9 hanno ottenuto la patente."
    assert _read(said) == [(14.0, "people"), (9.0, "people")]
    assert _read("Il tutor spiega che 31 hanno concluso il tirocinio.") == [(31.0, "people")]


def test_a_reported_statement_s_number_that_is_no_subject_is_no_count():
    assert _read("Il sindaco dice che 2025 sono stati mesi difficili.") == []
    assert _read("Il verbale ricorda che 12 sono le famiglie in lista d'attesa.") == []
