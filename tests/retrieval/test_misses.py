"""The misses diagnostic's reading of a miss whose first five show the right document all the same."""

from retrieval.misses import near_miss

AGENCY = "agenzia-ciclofficina"
# Invented passages: a practice sheet's three passages, a press agency's article and another outlet's copy of it
# (the same document group), a passage of that copy in the article's near-duplicate group, and an unrelated one.
METAS = [
    {"doc_id": "scheda-orti-condivisi", "dup_group": "scheda-orti-condivisi:000"},  # 0: the sheet's opening
    {"doc_id": "scheda-orti-condivisi", "dup_group": "scheda-orti-condivisi:001"},  # 1: its figures
    {"doc_id": "agenzia-ciclofficina", "dup_group": "agenzia-ciclofficina:000", "doc_dup_group": AGENCY},
    {"doc_id": "copia-ciclofficina", "dup_group": "copia-ciclofficina:002", "doc_dup_group": AGENCY},
    {"doc_id": "copia-ciclofficina", "dup_group": "agenzia-ciclofficina:000", "doc_dup_group": AGENCY},
    {"doc_id": "verbale-consulta", "dup_group": "verbale-consulta:000"},  # 5: another document
]


def test_another_passage_of_the_relevant_document_in_the_first_five():
    assert near_miss(METAS, [5, 0], {1}) == "passage"


def test_a_copy_of_the_relevant_passage_or_of_its_document_in_the_first_five():
    assert near_miss(METAS, [5, 4], {2}) == "copy"  # the passage's own near-duplicate, from the other outlet
    assert near_miss(METAS, [3, 5], {2}) == "copy"  # another passage of the other outlet's copy


def test_neither_the_document_nor_a_copy_in_the_first_five():
    assert near_miss(METAS, [5], {1}) == ""
    assert near_miss(METAS, [0, 5], {2}) == ""
