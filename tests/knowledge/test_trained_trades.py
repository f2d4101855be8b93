"""The trades a project trains so that they serve its public (knowledge/areas.py, PROFESSIONS): employers, labour
consultants, firms' tutors, the housing market's professions are capacity building when trained, like staff.
Invented sentences."""

from tests.knowledge.figure_text import built


def test_employers_and_consultants_trained_are_capacity_building():
    found = built("Un seminario di due pomeriggi sul lavoro stagionale ha formato 31 titolari di aziende agricole e "
                  "consulenti del lavoro.")  # fmt: skip
    assert (31, "capacity_building") in found


def test_the_housing_market_s_professions_trained_in_a_table_row_are_capacity_building():
    text = ("Indicatore | Obiettivo | Risultato\n"
            "Amministratori di condominio e agenti immobiliari formati | 40 | 27\n"
            "Famiglie entrate negli alloggi | 12 | 9\n")  # fmt: skip
    found = built(text, doc_type="project_sheet")
    assert (27, "capacity_building") in found and (40, "capacity_building") in found


def test_holders_of_protection_trained_for_a_trade_are_not_a_trade_the_project_trains():
    found = built("Il corso da saldatore ha formato 12 titolari di protezione internazionale, poi assunti in "
                  "officina.")  # fmt: skip
    assert (12, "capacity_building") not in found
