"""Shapes of counts the rules read: a number word opening its sentence before any plural verb, a change whose years
stand between its values, a predicate after a time that ends on its year, the unit a change's value is written in,
the next part of a "di cui" list, hires and job placements as persons. Sentences invented for the mechanisms."""

from knowledge.figures import figures


def _found(sentence: str) -> set[tuple[float, str]]:
    return {(f.value, f.unit) for f in figures(sentence)}


def test_a_number_word_opening_its_sentence_before_any_plural_verb():
    assert (7.0, "ragazze") in _found("Sette ragazze del laboratorio frequentano il corso serale.")
    assert _found("Dieci anni fa il quartiere contava due scuole.") == set()  # no count of a practice


def test_a_change_whose_years_stand_between_its_values_counts_the_value_reached():
    found = _found("The average wait fell from 60 days in 2022 to 18 days in 2025.")
    assert (18.0, "giorni") in found and (60.0, "giorni") not in found
    found = _found("L'attesa media è scesa da 50 giorni nel 2023 a 15 giorni.")
    assert (15.0, "giorni") in found and (50.0, "giorni") not in found


def test_a_predicate_count_after_a_time_that_ends_on_its_year():
    found = _found("Dall'apertura (marzo 2022) al 30 giugno 2025 le persone accompagnate al consultorio sono 312.")
    assert (312.0, "people") in found


def test_a_change_s_value_is_in_the_unit_it_is_written_in():
    assert _found("I tempi per il rinnovo del permesso sono scesi da 40 a 12 giorni.") == {(12.0, "giorni")}


def test_the_next_part_of_a_di_cui_list_is_a_part_of_the_whole():
    found = {
        (f.value, f.unit, f.label)
        for f in figures(
            "Il Comune mette a disposizione 10 alloggi, di cui 6 di edilizia pubblica e 4 recuperati dalla Curia."
        )
    }
    assert (4.0, "housing_units", "alloggi recuperati") in found


def test_hires_and_job_placements_count_persons():
    assert (12.0, "people") in _found("Al termine dei tirocini sono previste almeno 12 assunzioni.")
    assert (9.0, "people") in _found("Il progetto punta a 9 inserimenti lavorativi stabili.")


def test_persons_who_now_live_in_a_rented_home_are_housed_not_a_population():
    found = _found("Nel gruppo appartamento sono stati accolti 12 ragazzi; 8 vivono oggi in un alloggio in affitto.")
    assert {12.0, 8.0} <= {v for v, _ in found}
    assert _found("Nel quartiere vivono oggi circa 4.200 persone.") == set()


def test_the_place_people_left_is_where_they_came_from_not_the_place_of_their_count():
    from knowledge.elsewhere import other_comune_clauses
    from lgnet.gazetteer import Gazetteer

    text = "22 braccianti hanno lasciato il campo di Castel Volturno e vivono oggi in 7 appartamenti."
    assert other_comune_clauses(text, "Mondragone", Gazetteer.default()) == []
    there = "Il servizio gemello del Comune di Castel Volturno ha accolto 40 persone."
    assert other_comune_clauses(there, "Mondragone", Gazetteer.default()) != []


def test_a_relative_partitive_stands_for_the_things_just_counted():
    found = _found("Lo sportello ha presentato 25 ricorsi al TAR, 9 dei quali già accolti.")
    assert (9.0, "ricorsi") in found and (9.0, "people") not in found
    assert (61.0, "women") in _found("Il corso ha avuto 140 iscritti, 61 dei quali donne.")


def test_a_count_told_at_the_start_and_today_is_today_s():
    found = _found("All'inizio avevamo 3 famiglie ospitanti, oggi sono 14.")
    assert (14.0, "families") in found and (3.0, "families") not in found


def test_a_predicate_count_after_an_apposition_between_commas():
    found = {(f.value, f.unit, f.label) for f in figures("Le cene di quartiere, con piatti dei paesi d'origine, "
                                                         "sono state 11.")}  # fmt: skip
    assert (11.0, "cene", "cene di quartiere") in found


def test_a_bare_number_opening_its_clause_before_a_verb_only_persons_do():
    found = _found("Quest'anno 15 frequentano il corso serale e 6 sono iscritti all'istituto agrario.")
    assert {(15.0, "people"), (6.0, "people")} <= found
    assert _found("Nel 2024 3 sono stati avviati.") == set()


def test_an_organisation_s_seat_in_another_comune_is_not_the_place_of_a_count():
    from knowledge.elsewhere import other_comune_clauses
    from lgnet.gazetteer import Gazetteer

    text = "I ragazzi frequentano il CPIA nella sede di Cittanova e 12 sono iscritti all'istituto alberghiero."
    assert other_comune_clauses(text, "Taurianova", Gazetteer.default()) == []


def test_a_number_word_opening_its_clause_after_a_run_in_label():
    assert (4.0, "housing_units") in _found("Young mothers: four training flats opened in the old town hosted 9 women.")
    assert (2.0, "housing_units") not in _found("Vivono in 6 alloggi: due sono del Comune.")  # no label: a sentence


def test_a_unit_may_be_the_head_of_a_compound():
    from knowledge.figures import figures

    text = "Le aule della vecchia scuola sono diventate 8 mini-alloggi."
    assert [(f.value, f.unit) for f in figures(text)] == [(8.0, "housing_units")]


def test_a_comune_named_as_the_city_s_neighbour_is_the_place_of_the_count_after_it():
    from knowledge.elsewhere import other_comune_clauses
    from lgnet.gazetteer import Gazetteer

    g = Gazetteer.default()
    for text in ("Il sindaco ha ricordato che la vicina Mondragone ha aperto altri 30 posti per i braccianti.",
                 "Nearby Mondragone, where a similar desk reached some 200 people, has asked to join."):  # fmt: skip
        (span,) = other_comune_clauses(text, "Castel Volturno", g)
        count = next(i for i in (text.find("30"), text.find("200")) if i >= 0)
        assert span[0] <= count < span[1], text


def test_a_count_of_what_happens_every_day_or_summer_is_a_rate_not_what_was_done():
    assert not _found("Il parroco ricorda che il dormitorio accoglie ogni notte circa 60 persone.")
    assert not _found("Every summer about 3,000 seasonal workers arrive in the valley.")
    # a past or a result in its clause: what was done
    assert (80.0, "families") in _found("Lo sportello è aperto ogni settimana e ha seguito 80 famiglie.")
    assert (400.0, "people") in _found("Ogni estate la festa richiama i paesi vicini: ad agosto c'erano 400 persone.")


def test_a_verb_s_future_after_a_number_is_no_counted_noun():
    assert not _found("Ci vediamo all'incontro del 21 dicembre; la referente del 21 sarà presente.")
    assert not _found("Il progetto di Monza segue 30 ragazzi: all'incontro del 15 verrà a raccontarcelo.") - {
        (30.0, "ragazzi")}  # fmt: skip
    assert (12.0, "attività") in _found("Sono state avviate 12 attività nel quartiere.")
