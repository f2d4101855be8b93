"""A result its own clause credits to the practice ("...; grazie allo sportello, 28 persone hanno ottenuto ...") is not
dated by the clause before it, which tells the time before as a contrast. Sentences invented for the mechanism."""


def test_a_result_its_own_clause_credits_to_the_practice_is_not_dated_by_the_clause_before_it():
    from knowledge.timeframe import before_project

    text = ("Nel 2022, quando il servizio non c'era, i permessi rinnovati erano stati appena 14; grazie al nuovo "
            "sportello, 53 persone hanno rinnovato il permesso.")  # fmt: skip
    assert not before_project(text, "2024-01-01", (text.index("53"), text.index("53") + 11))
    assert before_project(text, "2024-01-01", (text.index("14"), text.index("14") + 2))
    plain = "Nel 2022 i permessi rinnovati erano stati 14; 9 di loro erano di donne."
    assert before_project(plain, "2024-01-01", (plain.index("9 di"), plain.index("9 di") + 1))
