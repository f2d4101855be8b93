"""Request bounds and filter checks, written once for search, browse and the catalogue."""

from __future__ import annotations

import pytest

from lgnet.errors import InvalidRequest
from lgnet.gazetteer import Gazetteer
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_QUERY_CHARS, check_filters, check_k, check_page, check_query

ALLOWED = {"city": ["Torino"], "intervention": ["housing", "taking_charge"], "phase": ["LGNet2"]}


def test_cities_resolve_to_their_one_name_and_values_are_checked():
    checked = check_filters({"city": ["Turin", "bozen"], "intervention": ["housing"]}, Gazetteer.default(), ALLOWED)
    assert checked == {"city": ["Torino", "Bolzano"], "intervention": ["housing"]}


@pytest.mark.parametrize(
    ("filters", "field"),
    [({"city": ["Atlantide"]}, "city"), ({"intervention": ["gardening"]}, "intervention"), ({"phase": ["x"]}, "phase")],
)
def test_an_unknown_value_names_its_field_and_what_it_allows(filters, field):
    with pytest.raises(InvalidRequest) as err:
        check_filters(filters, Gazetteer.default(), ALLOWED)
    assert err.value.detail["field"] == field and err.value.detail["allowed"] == ALLOWED[field]


def test_bounds():
    check_query("x" * MAX_QUERY_CHARS)
    check_k(MAX_K)
    check_page(MAX_PAGE)
    for bad in (lambda: check_query("x" * (MAX_QUERY_CHARS + 1)), lambda: check_k(0), lambda: check_page(MAX_PAGE + 1)):
        with pytest.raises(InvalidRequest):
            bad()
