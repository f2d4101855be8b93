"""How the scorer joins two names of one partner (knowledge/evaluation.py `_org_match`). Names invented."""

from knowledge.evaluation import _org_match
from knowledge.partners import comparable_name


def _same(a: str, b: str) -> bool:
    return _org_match(comparable_name(a), comparable_name(b))


def test_an_acronym_and_the_long_name_whose_words_it_abbreviates_are_one_partner():
    assert _same("AREL", "Agenzia regionale per l'edilizia e il lavoro")
    assert _same("Agenzia regionale per l'edilizia e il lavoro", "AREL")
    assert not _same("AREL", "Agenzia regionale per la salute")
    assert not _same("ASL", "Associazione San Luca")  # three letters: too many names share them
