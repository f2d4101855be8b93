"""A count's area comes from its own clause, not from the sentence's first topic word: an item of a list of counts
("a dare casa a 30 persone, a orientare al lavoro 80 persone"), a desk named by housing and work, persons who
attended a course after an apposition. Sentences invented here."""

from tests.knowledge.figure_text import areas_of


def test_each_item_of_a_list_of_counts_says_its_own_area():
    text = ("Il patto impegna la rete a trovare almeno 12 alloggi in affitto, a dare casa ad almeno 25 persone, "
            "a orientare al lavoro 70 persone, a offrire corsi di italiano a 40 persone.")  # fmt: skip
    found = areas_of(text)
    assert found == {12.0: "housing", 25.0: "housing", 70.0: "taking_charge", 40.0: "taking_charge"}


def test_a_desk_named_by_housing_and_work_takes_charge():
    assert areas_of("Lo sportello casa-lavoro ha seguito 84 persone.") == {84.0: "taking_charge"}
    assert areas_of("Lo sportello casa e lavoro ha seguito 84 persone.") == {84.0: "taking_charge"}
    assert areas_of("Lo sportello casa ha seguito 84 persone.") == {84.0: "housing"}


def test_persons_who_attended_a_course_after_an_apposition_learn_a_trade():
    found = areas_of("Finora 31 ragazzi, tra i 17 e i 24 anni, hanno frequentato il corso di 250 ore tenuto in "
                     "falegnameria, con le lezioni di disegno nei laboratori del liceo.")  # fmt: skip
    assert found == {31.0: "taking_charge"}


def test_a_course_in_the_count_s_own_predicate_outranks_the_scene_named_before_its_segment():
    found = areas_of("Nel laboratorio di ricamo del centro storico lavorano insieme donne del paese e donne arrivate "
                     "dall'Ucraina: 7 di loro hanno frequentato il corso di un anno.")  # fmt: skip
    assert found == {7.0: "taking_charge"}
    # a term in the count's own segment still speaks first
    assert areas_of("Le 12 famiglie ospitate negli alloggi hanno frequentato il corso di un anno.") == {12.0: "housing"}


def test_a_restrictive_relative_clause_says_what_is_counted():
    found = areas_of("Sono 14 i ragazzi accolti negli alloggi che hanno firmato patti di collaborazione per la cura "
                     "del parco.")  # fmt: skip
    assert found == {14.0: "civic_engagement"}
    assert areas_of("Sono 14 i ragazzi accolti negli alloggi del progetto.") == {14.0: "housing"}


def test_a_term_said_in_the_negative_names_no_area_of_the_count():
    found = areas_of("Il progetto vuole accompagnare 35 donne, anche non accolte negli alloggi, in percorsi di "
                     "orientamento al lavoro.")  # fmt: skip
    assert found == {35.0: "taking_charge"}
    # "non solo" says it, and more
    assert areas_of("Il servizio offre non solo alloggi a 20 famiglie.") == {20.0: "housing"}


def test_voluntary_said_of_an_act_is_no_volunteering():
    found = areas_of("Lo sportello del distretto ha rilasciato 80 iscrizioni volontarie al Servizio sanitario "
                     "nazionale.")  # fmt: skip
    assert found == {80.0: "taking_charge"}
    assert areas_of("Il progetto ha coinvolto 20 volontari del quartiere.") == {20.0: "civic_engagement"}


def test_persons_who_took_part_in_a_course_take_charge_unless_the_course_names_another_area():
    found = areas_of("Il consultorio ha seguito 40 donne in gravidanza; 23 hanno partecipato al corso di preparazione "
                     "alla nascita.")  # fmt: skip
    assert found[23.0] == "taking_charge"
    found = areas_of("In primavera 23 persone hanno partecipato al corso per tutori volontari del Tribunale.")
    assert found[23.0] == "civic_engagement"


def test_persons_counted_as_volunteers_are_civic_engagement_whatever_their_trade():
    from knowledge.attribution import figure_area
    from knowledge.figures import figures
    from lgnet.taxonomy import Taxonomy

    taxonomy = Taxonomy.default()
    for text in ("La scuola di italiano, tenuta da 18 insegnanti volontari, ha avuto 90 iscritti.",
                 "L'associazione ha formato le 12 insegnanti volontarie del corso."):  # fmt: skip
        found = figures(text)
        spans = [(f.start, f.end) for f in found]
        teachers = next(f for f in found if f.unit.startswith("insegnanti"))
        assert figure_area(text, teachers, taxonomy, spans) == (True, "civic_engagement")
    text = "Lo sportello ha rilasciato 40 iscrizioni volontarie al Servizio sanitario nazionale."
    found = figures(text)
    assert figure_area(text, found[0], taxonomy, [(f.start, f.end) for f in found])[1] != "civic_engagement"
