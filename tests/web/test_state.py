"""The search state in the URL: read leniently, written canonically, one filter removed by a chip."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import QueryParams

from retrieval.filters import FilterVocabulary
from web.state import MAX_PAGE, SearchState

VOCABULARY = FilterVocabulary.default()  # the real gazetteer, taxonomy and vocabulary


def state(query: str) -> SearchState:
    return SearchState.from_params(QueryParams(query), VOCABULARY)


def test_values_are_read_canonical_and_unknown_ones_are_reported_not_raised():
    s = state(
        "q=+casa+&city=turin&city=Torino&city=Atlantide&intervention=housing&intervention=magic"
        "&year=2023&year=20x3&year=1800&sort=weird&page=-2&phase=LGNet2"
    )
    assert s.q == "casa"
    assert s.city == ["Torino"] and s.intervention == ["housing"] and s.year == [2023] and s.phase == ["LGNet2"]
    assert sorted(s.ignored) == ["1800", "20x3", "Atlantide", "magic"]
    assert s.sort == "relevance" and s.page == 1
    assert state(f"page={MAX_PAGE * 10}").page == MAX_PAGE


def test_url_round_trips_and_leaves_defaults_out():
    s = state("q=alloggi ponte&city=Latina&city=Torino&doc_type=press_article&sort=date&page=3")
    url = s.url()
    assert url.startswith("/?q=alloggi+ponte&city=Latina&city=Torino&doc_type=press_article&sort=date&page=3")
    again = state(urlsplit(url).query)
    assert again.to_dict() == s.to_dict()
    assert state("").url() == "/" and state("q=x&sort=relevance&page=1").url() == "/?q=x"


def test_a_chip_removes_one_filter_and_goes_back_to_page_one():
    s = state("q=casa&city=Latina&city=Torino&year=2023&page=4")
    params = parse_qs(urlsplit(s.without("city", "Latina")).query)
    assert params == {"q": ["casa"], "city": ["Torino"], "year": ["2023"]}
    assert parse_qs(urlsplit(s.with_filter("intervention", "housing")).query)["intervention"] == ["housing"]
    assert s.with_filter("city", "Torino").count("city=Torino") == 1
    assert s.active == [("city", "Latina"), ("city", "Torino"), ("year", 2023)]
    request = s.request()
    assert request.city == ["Latina", "Torino"] and request.year == [2023] and request.page == 4
