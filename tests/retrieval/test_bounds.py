"""Request bounds and the one filter object (SearchFilters), for search, browse, the catalogue and the site."""

from __future__ import annotations

import pytest

from lgnet.errors import InvalidRequest
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_QUERY_CHARS, check_k, check_page, check_query
from retrieval.filters import NO_PHASE, FilterVocabulary, SearchFilters

VOCABULARY = FilterVocabulary.default()


def test_cities_resolve_to_their_one_name_and_values_are_checked():
    f = SearchFilters.parse({"city": ["Turin", "bozen", "Torino"], "intervention": "housing", "year": ["2023"]},
                            VOCABULARY)  # fmt: skip
    assert f.city == ("Torino", "Bolzano") and f.intervention == ("housing",) and f.year == (2023,)
    assert f.as_dict() == {"city": ["Torino", "Bolzano"], "intervention": ["housing"], "year": [2023]}
    assert SearchFilters.parse({"region": ["Piedmont"]}, VOCABULARY).region == ("Piemonte",)


@pytest.mark.parametrize(
    ("raw", "field"),
    [({"city": ["Atlantide"]}, "city"), ({"intervention": ["gardening"]}, "intervention"), ({"phase": ["x"]}, "phase"),
     ({"area": ["gardening"]}, "area"), ({"doc_type": ["poem"]}, "doc_type")],
)  # fmt: skip
def test_an_unknown_value_names_its_field_and_what_it_allows(raw, field):
    with pytest.raises(InvalidRequest) as err:
        SearchFilters.parse(raw, VOCABULARY)
    allowed = VOCABULARY.allowed()["intervention" if field == "area" else field]
    assert err.value.detail["field"] == field and err.value.detail["allowed"] == allowed


def test_years_outside_the_bounds_and_no_phase_outside_the_catalogue_are_refused():
    for raw in ({"year": [1800]}, {"year": ["20x3"]}, {"phase": [NO_PHASE]}):
        with pytest.raises(InvalidRequest):
            SearchFilters.parse(raw, VOCABULARY)
    assert SearchFilters.parse({"phase": [NO_PHASE]}, VOCABULARY, no_phase=True).phase == (NO_PHASE,)


def test_lenient_parsing_drops_and_reports_unknown_values():
    f, ignored = SearchFilters.lenient({"city": ["Atlantide", "Latina"], "year": ["1800"]}, VOCABULARY)
    assert f == SearchFilters(city=("Latina",)) and ignored == ["Atlantide", "1800"]


def test_matching_where_and_record_part():
    f = SearchFilters(city=("Torino",), intervention=("housing", "taking_charge"), year=(2023,))
    assert f.matches({"city": "Torino", "interventions": ["taking_charge"], "year": 2023})
    assert not f.matches({"city": "Torino", "interventions": ["jobs"], "year": 2023})
    assert not f.matches({"city": "Latina", "interventions": ["housing"], "year": 2023})
    assert SearchFilters(phase=(NO_PHASE,)).matches({"phase": None})
    assert f.matches({"city": None, "section_cities": ["Torino"], "interventions": ["housing"], "year": 2023})
    assert f.where() == {"$and": [{"$or": [{"city": {"$in": ["Torino"]}}, {"section_cities": {"$contains": "Torino"}}]},
                                  {"$or": [{"interventions": {"$contains": "housing"}},
                                           {"interventions": {"$contains": "taking_charge"}}]},
                                  {"year": {"$in": [2023]}}]}  # fmt: skip
    assert SearchFilters().where() is None and not SearchFilters()
    assert f.for_records() == SearchFilters(city=("Torino",), intervention=("housing", "taking_charge"))


def test_bounds():
    check_query("x" * MAX_QUERY_CHARS)
    check_k(MAX_K)
    check_page(MAX_PAGE)
    for bad in (lambda: check_query("x" * (MAX_QUERY_CHARS + 1)), lambda: check_k(0), lambda: check_page(MAX_PAGE + 1)):
        with pytest.raises(InvalidRequest):
            bad()
