"""The project's period from months, verbs, start-only dates and school years (only when about the project);
the project's own dates before dates of what happened in it; sums labelled by the words after them, parts and
per-person sums kept out of the budget. Sentences invented for the mechanism."""

import pytest

from knowledge.mentions import Mention, periods
from knowledge.money import amounts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lo sportello resta aperto da marzo 2024 ad aprile 2026.", [("start", "2024-03"), ("end", "2026-04")]),
        ("Le attività si svolgono tra ottobre 2023 e giugno 2025.", [("start", "2023-10"), ("end", "2025-06")]),
        ("Periodo di attuazione: maggio 2024 – novembre 2025.", [("start", "2024-05"), ("end", "2025-11")]),
        ("Il servizio è partito il 3 febbraio 2024 e si concluderà il 31/01/2026.",
         [("start", "2024-02-03"), ("end", "2026-01-31")]),
        ("Il laboratorio, avviato nel marzo 2023, è finanziato fino a giugno 2025.",
         [("start", "2023-03"), ("end", "2025-06")]),
        ("Nell'anno scolastico 2023/2024 le classi coinvolte erano nove.", []),
        ("Il progetto si è svolto nell'anno scolastico 2023/2024.", [("start", "2023-09"), ("end", "2024-06")]),
        ("Dal 1° marzo 2024 lo sportello apre anche il sabato.", [("start", "2024-03-01")]),
        ("Il servizio è attivo a partire da ottobre 2023 in tre quartieri.", [("start", "2023-10")]),
        ("Il progetto dura dal 1° aprile 2024 al 31 marzo 2026.", [("start", "2024-04-01"), ("end", "2026-03-31")]),
        ("The pilot ran from April 2023 to March 2025.", [("start", "2023-04"), ("end", "2025-03")]),
        # an English range without "from", as a fact sheet's row writes it
        ("| Duration | January 2023 to December 2025 (36 months) |", [("start", "2023-01"), ("end", "2025-12")]),
        ("Duration: 1 March 2024 until 28 February 2026.", [("start", "2024-03-01"), ("end", "2026-02-28")]),
        ("Il Fondo FAMI 2021-2027 sostiene la rete.", []),
    ],
)  # fmt: skip
def test_periods(sentence, expected):
    assert sorted((m.code, m.text) for m in periods(sentence)) == sorted(expected)


def kinds(sentence: str) -> list[tuple[float, str]]:
    return [(a.value, a.kind) for a in amounts(sentence)]


def test_a_sum_is_labelled_by_the_words_right_after_it():
    assert kinds("La spesa prevista è di € 90.000,00, di cui € 18.000,00 di cofinanziamento comunale.") == [
        (90000, "total"), (18000, "cofinancing")]  # fmt: skip
    assert kinds("The action costs EUR 120,500 in total, with EUR 12,050 as co-financing.") == [
        (120500, "total"), (12050, "cofinancing")]  # fmt: skip
    split = kinds("Il piano costa 70.000 euro: 60.000 euro dalla Regione e 10.000 euro sono il cofinanziamento.")
    assert split[-1] == (10000, "cofinancing")


def test_the_next_field_of_a_form_does_not_label_a_sum():
    assert kinds("Costo totale: € 50.000,00 Contributo regionale: € 45.000,00 Cofinanziamento: € 5.000,00") == [
        (50000, "total"), (45000, "funded"), (5000, "cofinancing")]  # fmt: skip


def test_the_nearest_kind_word_decides():
    assert kinds("Il servizio, finanziato per due anni, costa complessivamente 80.000 euro.") == [(80000, "total")]


def test_a_sum_per_person_or_month_is_not_the_budget():
    assert kinds("Ogni tirocinante riceve un'indennità mensile di 500 euro.") == [(500, "unit")]
    assert kinds("Il contributo medio per famiglia è stato di 900 euro.") == [(900, "unit")]


def test_the_projects_own_dates_outrank_dates_of_what_happened_in_it():
    from knowledge.records import Passage, Read, stated_period
    from knowledge.sentences import Sentence

    def read(text: str) -> list:
        r = Read(Passage("p:0", text, {}), Sentence(text, 0, len(text)), text, [])
        return [(r, m) for m in periods(text)]

    found = read("Tra marzo 2024 e maggio 2025 lo sportello ha ricevuto 300 richieste.")
    found += read("Periodo di realizzazione: dal 01/02/2024 al 30/06/2025.")
    period = stated_period(found)
    assert (period.start, period.end) == ("2024-02-01", "2025-06-30")
    alone = stated_period(read("Tra marzo 2024 e maggio 2025 lo sportello ha ricevuto 300 richieste."))
    assert (alone.start, alone.end) == ("2024-03", "2025-05")
    same_month = read("Il progetto è partito a marzo 2024.") + read("Il progetto è partito il 4 marzo 2024.")
    assert stated_period(same_month).start == "2024-03-04"


def test_what_the_people_served_pay_is_neither_a_figure_nor_the_budget():
    assert kinds("Gli ospiti contribuiscono alle spese con una quota mensile di 60 euro.") == [(60, "paid")]
    assert kinds("Ogni famiglia riceve un contributo mensile di 250 euro per l'affitto.") == [(250, "unit")]


def test_the_municipalitys_own_share_is_its_cofinancing():
    assert kinds("Il progetto costa 90.000 euro, di cui 30.000 euro a carico del Comune.") == [
        (90000, "total"), (30000, "cofinancing")]  # fmt: skip


def test_a_label_holds_no_sum_of_its_own_and_a_share_in_parentheses_does_not_hide_the_label():
    sentence = "Il costo complessivo è di 120.000 euro: 100.000 euro dalla Regione e 20.000 euro di cofinanziamento."
    assert kinds(sentence)[0] == (120000, "total")
    assert kinds("The City's budget is EUR 200,000.00, of which EUR 30,000.00 (15%) is the City's co-financing.") == [
        (200000, "total"),
        (30000, "cofinancing"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # plural verbs, and an aside between the verb and its date
        ("Le attività sono partite il 2 marzo 2024 e si concluderanno con il programma regionale, il 30 giugno 2026.",
         [("start", "2024-03-02"), ("end", "2026-06-30")]),
        # who started it, and the elided article
        ("Il laboratorio, avviato dalla Caritas nell'ottobre 2023, ospita dieci donne.", [("start", "2023-10")]),
        ("Il servizio, partito nell'aprile 2024 e finanziato fino all'aprile 2026, costa 50.000 euro.",
         [("start", "2024-04"), ("end", "2026-04")]),
        # the end as a year's end, and an English closing verb; a service's opening is its start (the gold of
        # batches 11 and 12: Alghero, Sorso, Amelia, Roseto degli Abruzzi; tests/knowledge/test_period_words.py)
        ("Lo sportello, aperto a maggio 2024, si chiuderà a fine 2025.", [("start", "2024-05"), ("end", "2025-12")]),
        ("The shelter opened on 3 May 2024 and will close on 30 April 2026.",
         [("start", "2024-05-03"), ("end", "2026-04-30")]),
    ],
)  # fmt: skip
def test_periods_told_by_verbs_with_asides_and_year_ends(sentence, expected):
    assert sorted((m.code, m.text) for m in periods(sentence) if m.code != "duration") == sorted(expected)


def test_a_project_s_duration_gives_its_end_from_its_start():
    from knowledge.records import Passage, Read, stated_period
    from knowledge.sentences import Sentence

    def read(text: str) -> list:
        r = Read(Passage("p:0", text, {}), Sentence(text, 0, len(text)), text, [])
        return [(r, m) for m in periods(text)]

    period = stated_period(read("Il progetto è partito a marzo 2025 e durerà diciotto mesi."))
    assert (period.start, period.end) == ("2025-03", "2026-08")
    # how long something else lasts says nothing of the project's end
    lent = read("Il progetto è partito a marzo 2025.") + read("Le case sono date in comodato per dieci anni.")
    assert stated_period(lent).end is None
    # a stated end wins over a duration
    both = read("Il progetto è partito a marzo 2025, durerà due anni e si concluderà il 31 gennaio 2027.")
    assert stated_period(both).end == "2027-01-31"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the municipality's own money in other words
        ("Il servizio costa 90.000 euro: 80.000 euro arrivano dalla Regione e 10.000 euro sono fondi del Comune.",
         (10000, "cofinancing")),
        ("Il laboratorio dispone di 40.000 euro, di cui 4.000 euro messi dalla Città.", (4000, "cofinancing")),
        ("Costa 20.000 euro: 15.000 li copre la Fondazione e 5.000 euro li mette il Comune.", (5000, "cofinancing")),
        ("The shelter costs EUR 300,000; EUR 60,000 comes from the city's own budget.", (60000, "cofinancing")),
        ("La spesa è di 50.000 euro, di cui 5.000 euro a carico del bilancio comunale.", (5000, "cofinancing")),
        # a sum written with the euro sign after it, as in a table
        ("Costo totale del progetto | 120.500,00 €", (120500, "total")),
        ("Totale progetto | 98.000,00", (98000, "total")),
        # a sum for each one, or a month, is no budget; nor are an organisation's own accounts
        ("Sono previsti 10 contributi per un massimo di 1.500 euro ciascuno.", (1500, "unit")),
        ("The rent each household pays, up to EUR 200 a month, is returned as a deposit.", (200, "paid")),
        ("Il valore della produzione della cooperativa è stato di 3.100.000 euro.", (3100000, "accounts")),
    ],
)  # fmt: skip
def test_the_kind_of_a_sum_in_other_words(sentence, expected):
    assert expected in kinds(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il progetto si svolge dal 2024 al 2026.", [("range", "2024/2026")]),
        ("Il progetto, avviato nel 2023, si concluderà nel 2025.", [("start", "2023"), ("end", "2025")]),
        ("Periodo di attuazione: gennaio-dicembre 2025.", [("start", "2025-01"), ("end", "2025-12")]),
        ("Il progetto ha preso il via nel marzo 2024 e si chiuderà nel febbraio 2026.",
         [("start", "2024-03"), ("end", "2026-02")]),
        ("Nel 2023 il centro ha accolto 40 persone.", []),
    ],
)  # fmt: skip
def test_periods_by_years_and_months_of_one_year(sentence, expected):
    assert sorted((m.code, m.text) for m in periods(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the municipality's money said by where it comes from, in Italian and English
        ("La mensa costa 50.000 euro, di cui 10.000 euro del Comune e il resto della Fondazione.",
         (10000, "cofinancing")),
        ("Il dormitorio costa 90 mila euro: 40 mila euro dalla Regione e 50 mila euro dal bilancio comunale.",
         (50000, "cofinancing")),
        ("L'Unione ha stanziato 70.000 euro, di cui 20.000 euro dal proprio bilancio.", (20000, "cofinancing")),
        ("| Budget | EUR 200,000 for the pilot, of which EUR 20,000 own contribution of the Municipality |",
         (20000, "cofinancing")),
        ("The grant was €150,000; the Municipality added €15,000 of its own budget, bringing the total to €165,000.",
         (15000, "cofinancing")),
        ("La spesa copre il servizio per € 80.000,00 nel finanziamento regionale e per € 8.000,00 nel "
         "cofinanziamento comunale.", (8000, "cofinancing")),
        # another source is a funder, not the total
        ("Il doposcuola costa 30.000 euro: 25.000 euro dal Consorzio su fondi regionali e 5.000 euro dal bilancio "
         "comunale.", (25000, "funded")),
    ],
)  # fmt: skip
def test_co_financing_and_funders_by_the_source_written_after_the_sum(sentence, expected):
    assert expected in kinds(sentence)
    assert (expected[0], "total") not in kinds(sentence)


def _read(text: str) -> list:
    from knowledge.records import Passage, Read
    from knowledge.sentences import Sentence

    r = Read(Passage("p:0", text, {}), Sentence(text, 0, len(text)), text, [])
    return r


def test_a_city_s_share_and_its_co_financing_adding_up_to_a_total_are_its_parts():
    from knowledge.merging import budget_of

    text = ("Il costo complessivo del progetto, pari a € 300.000,00, trova copertura per € 270.000,00 nel "
            "finanziamento assegnato al Comune di Alfa e per € 30.000,00 nel cofinanziamento comunale.")  # fmt: skip
    budget = budget_of([(_read(text), a) for a in amounts(text)])
    assert (budget.total.value, budget.cofinancing.value) == (300000, 30000)
    # a share with no total it adds up to stays the city's budget
    share = "La quota assegnata al Comune di Alfa è di 270.000 euro, oltre a 30.000 euro di cofinanziamento."
    assert budget_of([(_read(share), a) for a in amounts(share)]).total.value == 270000


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il progetto è partito a marzo 2024 e finirà a febbraio 2026.", [("start", "2024-03"), ("end", "2026-02")]),
        ("Il laboratorio è nato nell'ottobre 2023 da un progetto del Comune.", [("start", "2023-10")]),
        ("Avvio previsto | 1° marzo 2026 Conclusione prevista | 28 febbraio 2028",
         [("start", "2026-03-01"), ("end", "2028-02-28")]),
        ("End date (planned): 30 June 2027", [("end", "2027-06-30")]),
    ],
)  # fmt: skip
def test_periods_told_by_more_verbs_and_qualified_labels(sentence, expected):
    assert sorted((m.code, m.text) for m in periods(sentence) if m.code != "duration") == sorted(expected)


def test_a_range_of_years_runs_from_january_to_december():
    from knowledge.merging import stated_period

    text = "L'agenzia dispone di 100.000 euro per il triennio 2025-2027."
    period = stated_period([(_read(text), m) for m in periods(text)])
    assert (period.start, period.end) == ("2025-01", "2027-12")


def test_an_act_s_recital_quoting_the_programme_s_dates_is_below_the_dates_the_act_decides():
    from knowledge.merging import stated_period

    recital = ("Vista la deliberazione n. 40 del 2 aprile 2024 di adesione al progetto nazionale, della durata "
               "complessiva dal 16/01/2024 al 31/12/2026;")  # fmt: skip
    decision = "1. di approvare il progetto esecutivo, che si svolgerà dal 1° settembre 2024 al 31 dicembre 2026;"
    found = [(_read(t), m) for t in (recital, decision) for m in periods(t)]
    period = stated_period(found)
    assert (period.start, period.end) == ("2024-09-01", "2026-12-31")
    # a recital alone still dates the project (an act that only quotes the programme's years)
    alone = stated_period([(_read(recital), m) for m in periods(recital)])
    assert (alone.start, alone.end) == ("2024-01-16", "2026-12-31")


def test_a_period_stated_on_one_side_within_its_phase_takes_the_other_side_from_the_phase():
    from knowledge.programme import _completed
    from lgnet.practice import Period

    phase = Period(start="2024-01-16", end="2026-12-31", basis="stated")
    ends = Period(end="2026-12-31", basis="stated")
    assert (_completed(ends, phase).start, _completed(ends, phase).end) == ("2024-01-16", "2026-12-31")
    starts = Period(start="2024-06", basis="stated")
    assert _completed(starts, phase).end == "2026-12-31"
    # a date outside the phase's years is not the phase's project: nothing added
    assert _completed(Period(start="2027-03", basis="stated"), phase).end is None
    both = Period(start="2024-07-01", end="2025-06-30", basis="stated")
    assert _completed(both, phase) == both


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a start without its year before an end with one: the end's year, or the year before
        ("Dal 15 novembre apre il rifugio invernale, che resterà aperto fino al 15 marzo 2027.",
         [("start", "2026-11-15"), ("end", "2027-03-15")]),
        ("Dal 2 febbraio lo sportello apre anche il sabato, fino al 30 giugno 2026.",
         [("start", "2026-02-02"), ("end", "2026-06-30")]),
        # with no end, a day and a month alone say no year: nothing
        ("Dal 1° dicembre riapre il dormitorio comunale.", []),
    ],
)  # fmt: skip
def test_a_start_without_its_year_takes_it_from_the_end_in_its_sentence(sentence, expected):
    assert sorted((m.code, m.text) for m in periods(sentence) if m.code != "duration") == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        # a plain number after a sum in euro, its words saying whose money it is
        (
            "Il progetto costa 90.000 euro: 70.000 arrivano dal bando regionale e 20.000 sono messi dal Comune.",
            (20000.0, "cofinancing"),
            None,
        ),
        (
            "Ha una dotazione di 400.000 euro, di cui 40.000 a carico del bilancio del Comune di Alfa.",
            (40000.0, "cofinancing"),
            None,
        ),
        # a count is no sum though the sentence states one
        ("Il progetto costa 80.000 euro e ha accolto 1.200 persone.", (80000.0, "total"), 1200.0),
        # one year's cost of several, what the people served pay each year, what remains, what was spent
        ("Lo sportello è costato nel primo anno 38.000 euro.", None, 38000.0),
        ("Ogni famiglia paga 20 euro l'anno per l'acqua.", None, 20.0),
        ("La Regione trasferisce i restanti 360.000 euro.", None, 360000.0),
        ("La spesa rendicontata ammonta a € 281.340,17.", None, 281340.17),
        # a grant admitted to funding is a funder's sum, not the total
        ("Il progetto è stato ammesso a finanziamento per € 223.200,00.", (223200.0, "funded"), None),
        # a service's yearly cost is its budget
        ("Il servizio costa 35.000 euro l'anno, coperti dalla Regione.", (35000.0, "total"), None),
    ],
)
def test_sums_without_their_currency_one_year_s_cost_what_remains_what_was_spent(sentence, expected, absent):
    from knowledge.merging import budget_of

    found = kinds(sentence)
    if expected:
        assert expected in found
    budget = budget_of([(_read(sentence), a) for a in amounts(sentence)])
    if absent is not None:
        assert absent not in {x.value for x in (budget.total, budget.cofinancing) if x}


def test_a_spreadsheet_row_cut_at_its_semicolon_takes_its_label_from_the_sentence_before():
    from knowledge.merging import budget_of
    from knowledge.records import Passage, Read
    from knowledge.sentences import sentences

    text = (
        "Voce: Quota di finanziamento assegnata; Dato: € 200.000,00 Voce: Quota a carico del bilancio comunale; "
        "Dato: € 20.000,00 Voce: Costo complessivo del progetto; Dato: € 220.000,00 Voce: Sedi; Dato: via Roma"
    )
    p = Passage("p:0", text, {})
    items = [(Read(p, s, s.text, []), a) for s in sentences(text) for a in amounts(s.text)]
    budget = budget_of(items)
    assert (budget.total.value, budget.cofinancing.value) == (220000, 20000)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sono 12 i contratti firmati da quando lo sportello ha aperto, nel maggio 2023.", [("start", "2023-05")]),
        (
            "Il progetto, avviato dal Comune di Alfa nella primavera del 2024 con una cooperativa, "
            "coinvolge 30 famiglie.",
            [("start", "2024")],
        ),
        ("Il laboratorio è partito nell'autunno del 2022.", [("start", "2022")]),
    ],
)
def test_a_start_since_a_service_opened_or_in_a_season(sentence, expected):
    assert [(m.code, m.text) for m in periods(sentence)] == expected


def test_a_side_the_project_s_own_sentences_leave_open_comes_from_what_happened_in_it():
    from knowledge.merging import stated_period

    own = "Il progetto durerà fino a dicembre 2026."
    happened = "Da gennaio 2024 ne sono passati 9."
    period = stated_period([(_read(t), m) for t in (own, happened) for m in periods(t)])
    assert (period.start, period.end) == ("2024-01", "2026-12")
    # a side the project states keeps outranking what happened in it
    both = "Il progetto si svolge da marzo 2024 a dicembre 2026."
    period = stated_period([(_read(t), m) for t in (both, happened) for m in periods(t)])
    assert period.start == "2024-03"


def test_the_municipality_s_budget_and_quota_in_other_words_are_its_co_financing():
    from knowledge.merging import budget_of

    text = ("Il servizio costa 150.000 euro: 30.000 euro dal bilancio del Comune di Alfa e 120.000 euro dal bando "
            "della Fondazione Beta.")  # fmt: skip
    assert (30000, "cofinancing") in kinds(text) and (30000, "funded") not in kinds(text)
    part = "Il progetto è finanziato con 200.000 euro del PNRR (di cui 25.000 euro di quota comunale)."
    budget = budget_of([(_read(part), a) for a in amounts(part)])
    assert (budget.total.value, budget.cofinancing.value) == (200000, 25000)  # the quota is no city's share


def test_a_flattened_budget_table_s_named_total_outranks_the_line_its_header_ran_into():
    from knowledge.merging import budget_of

    table = ("Voce | Importo Coordinamento e operatori | 40.000,00 € Affitto dei locali | 12.000,00 € "
             "Costo totale del progetto | 70.000,00 € Contributo della Regione (80%) | 56.000,00 € "
             "Cofinanziamento del Comune (20%) | 14.000,00 €")  # fmt: skip
    budget = budget_of([(_read(table), a) for a in amounts(table)])
    assert (budget.total.value, budget.cofinancing.value) == (70000, 14000)


def test_an_end_in_the_present_tense_after_an_aside_of_whom_it_is_for():
    assert periods("Il progetto si chiude per tutti i Comuni del consorzio il 30 giugno 2027.") == [
        Mention("end", "2027-06-30")]  # fmt: skip
    assert periods("Gli sportelli chiudono il 31 marzo 2026.") == [Mention("end", "2026-03-31")]


def test_a_funding_sheet_s_value_key_naming_its_currency_takes_its_label_from_the_row_before():
    from knowledge.merging import budget_of
    from knowledge.records import Passage, Read
    from knowledge.sentences import sentences

    text = (
        "Fonte: Contributo regionale; Importo (euro): 180000; Quota: 75% Fonte: Cofinanziamento del Comune di "
        "Alfa; Importo (euro): 60000; Quota: 25% Fonte: Totale progetto; Importo (euro): 240000; Quota: 100%"
    )
    p = Passage("p:0", text, {})
    items = [(Read(p, s, s.text, []), a) for s in sentences(text) for a in amounts(s.text)]
    budget = budget_of(items)
    assert (budget.total.value, budget.cofinancing.value) == (240000, 60000)


def test_what_remains_is_the_co_financing_when_its_own_words_say_so():
    text = ("La Fondazione Beta ha dato 50.000 euro; i restanti 12.000 euro sono il cofinanziamento del Comune di "
            "Alfa, in servizi.")  # fmt: skip
    assert [(a.value, a.kind) for a in amounts(text) if a.value == 12000] == [(12000, "cofinancing")]
    assert [a.kind for a in amounts("la Regione trasferisce i restanti 558.000 euro")] == ["part"]


def test_a_month_s_year_after_del():
    assert periods("Il Comune ha avviato nel marzo del 2024 un corso di italiano.") == [Mention("start", "2024-03")]


def test_a_range_is_searched_for_only_in_a_sentence_with_two_years(monkeypatch):
    import knowledge.mentions as mentions

    searched: list[str] = []

    class Counted:
        def finditer(self, text):
            searched.append(text)
            return pattern.finditer(text)

        def search(self, text):
            searched.append(text)
            return pattern.search(text)

    pattern = mentions._FROM_TO
    monkeypatch.setattr(mentions, "_FROM_TO", Counted())
    assert periods("Dal 1° marzo 2024 lo sportello apre anche il sabato.") == [Mention("start", "2024-03-01")]
    assert periods("Il servizio è partito il 3 febbraio 2024 con dodici volontari.") == [Mention("start", "2024-02-03")]
    assert searched == []  # one year each: no range
    assert periods("Lo sportello resta aperto da marzo 2024 ad aprile 2026.") == [
        Mention("start", "2024-03"),
        Mention("end", "2026-04"),
    ]
    assert len(searched) == 1
