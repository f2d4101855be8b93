"""A phase whose programme documents state no years takes the period its cities' documents agree on
(knowledge/programme.agreed_phases, used by the read model and figure_cv alike). Records made up for the test."""

from knowledge.programme import agreed_phases, with_phase
from lgnet.practice import Period, PhaseFacts, ProjectFacts


def _project(city: str, phase: str, start: str | None, end: str | None) -> ProjectFacts:
    basis = "stated" if start or end else None
    return ProjectFacts(id=f"{city}-{phase}", city=city, phase=phase, period=Period(start=start, end=end, basis=basis))


def test_the_period_two_cities_state_in_full_is_the_phase_s_when_its_own_documents_state_none():
    items = [
        _project("Lecco", "Alfa", "2020-03-01", "2022-02-28"),
        _project("Como", "Alfa", "2020-03-01", "2022-02-28"),
        _project("Lodi", "Alfa", "2021-01-01", "2021-12-31"),
        _project("Pavia", "Alfa", None, "2022-02-28"),
    ]
    phases = agreed_phases(items, {})
    assert (phases["Alfa"].period.start, phases["Alfa"].period.end) == ("2020-03-01", "2022-02-28")
    pavia = items[-1]
    with_phase(pavia, phases["Alfa"])
    assert (pavia.period.start, pavia.period.end) == ("2020-03-01", "2022-02-28")  # its stated end, the phase's start


def test_one_city_s_period_or_a_phase_s_own_years_are_not_overridden():
    items = [_project("Lecco", "Beta", "2020-03-01", "2022-02-28"), _project("Como", "Beta", None, None)]
    assert "Beta" not in agreed_phases(items, {})  # one city is no agreement
    own = PhaseFacts(phase="Beta", period=Period(start="2019-01-01", end="2021-12-31", basis="stated"))
    items.append(_project("Lodi", "Beta", "2020-03-01", "2022-02-28"))
    assert agreed_phases(items, {"Beta": own})["Beta"] is own
