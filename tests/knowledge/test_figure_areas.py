"""Figure mechanisms, the area of a count by its own sentence: what is taught and who is trained, what a service
achieved, terms of the next count, English service nouns, other comuni. Sentences invented here (split from
test_figure_mechanisms.py, assertions unchanged)."""

from knowledge import areas
from tests.knowledge.figure_text import areas_and_figures, areas_of, built, counts


def test_a_language_workshop_is_taking_charge_and_trained_teachers_capacity_building():
    assert areas_of("Verranno aperti 6 laboratori di italiano L2 nelle scuole medie.") == {6.0: "taking_charge"}
    assert areas.trained_staff("Si formeranno 18 insegnanti sulla didattica inclusiva.", "insegnanti")
    assert areas_of("Si formeranno 18 insegnanti sulla didattica inclusiva.") == {18.0: "capacity_building"}


def test_families_accompanied_to_enrolment_are_taken_charge_of():
    assert areas_of("Sono state accompagnate 27 famiglie all'iscrizione scolastica dei figli.") == {
        27.0: "taking_charge"
    }


def test_a_counted_noun_that_is_a_form_of_a_taxonomy_term_takes_its_area():
    assert areas_of("Il Comune ha avviato 12 coabitazioni tra anziani soli e studenti fuori sede.") == {
        12.0: "housing"}  # fmt: skip


def test_what_a_service_achieved_after_the_count_outranks_the_service_before_it():
    assert areas_of("Lo sportello casa ha aiutato 37 famiglie a trovare un alloggio in affitto.") == {37.0: "housing"}
    assert areas_of("Lo sportello ha preso in carico 88 persone con un piano individuale.") == {88.0: "taking_charge"}


def test_training_events_for_staff_and_every_form_of_formare_are_capacity_building():
    assert areas_of("Il Comune ha formato 33 educatori sull'approccio interculturale.") == {33.0: "capacity_building"}
    assert areas_of("Sono stati organizzati 5 seminari per i dipendenti comunali.") == {5.0: "capacity_building"}
    assert areas_of("The city trained 27 front-office staff on intercultural communication.") == {
        27.0: "capacity_building"}  # fmt: skip


def test_a_term_that_belongs_to_the_count_before_is_not_the_next_count_s_area():
    assert areas_of("The project hosted 31 refugees in 11 flats and supported 160 people at the help desk.") == {
        31.0: "housing", 11.0: "housing", 160.0: "taking_charge"}  # fmt: skip
    assert areas_of("Il torneo di calcio ha visto 12 squadre e 5 incontri pubblici sul razzismo.") == {
        12.0: "community_building", 5.0: "community_building"}  # fmt: skip


def test_what_the_count_s_own_words_say_it_became_outranks_the_means_before_it():
    sentence = "La campagna di sensibilizzazione ha portato 23 cittadini a diventare tutori volontari."
    assert areas_of(sentence) == {23.0: "civic_engagement"}


def test_another_count_whose_verb_follows_it_borrows_the_noun_before():
    found = areas_of("Sono stati accolti 30 ragazzi negli alloggi del Comune, e altri 9 fanno parte del comitato "
                      "dei residenti.")  # fmt: skip
    assert found == {30.0: "housing", 9.0: "civic_engagement"}
    # a preposition between a number and a unit says the number counts the noun before it
    assert counts("Sono stati accolti 30 ragazzi negli alloggi del Comune.") == {30.0: "ragazzi"}


def test_a_term_after_the_next_count_is_that_count_s_and_the_unit_after_a_pronoun_is_kept():
    found = areas_of("Lo sportello ha orientato 80 persone al lavoro e 5 alloggi sono stati messi a disposizione.")
    assert found == {80.0: "taking_charge", 5.0: "housing"}
    assert counts("In 2025 the desk took charge of 520 people, 230 of them women.") == {
        520.0: "people",
        230.0: "women",
    }
    assert counts("Two training cycles reached 44 municipal staff.") == {44.0: "operatori"}


def test_short_nouns_share_their_stem_with_the_taxonomy_and_health_is_taking_charge():
    # (gardens cultivated together are community building by the gold's convention since b5: a cue of their own)
    assert areas_of("Sono state avviate 18 coabitazioni tra anziani soli e studenti.") == {18.0: "housing"}
    assert areas_of("Il camper sanitario ha raggiunto 540 lavoratori stagionali.") == {540.0: "taking_charge"}


def test_a_count_with_nothing_of_its_own_goes_with_the_count_before_that_says_its_area():
    sentence = ("Lo sportello ha formato 12 operatori e le 4 assemblee con i condomini hanno visto la partecipazione "
                "di 52 famiglie.")  # fmt: skip
    assert areas_of(sentence) == {12.0: "capacity_building", 4.0: "community_building", 52.0: "community_building"}
    from knowledge.figures import figures

    assert {f.value: f.label for f in figures(sentence)}[52.0] == "famiglie"  # not "che ha formato"


def test_english_reports_read_as_the_italian_ones():
    assert areas_of("We trained 96 front-line workers on intercultural mediation.") == {96.0: "capacity_building"}
    assert areas_of("The number of people housed rose to 61 by December.") == {61.0: "housing"}
    assert areas_of("Around 250 residents took part in the neighbourhood assemblies.") == {250.0: "community_building"}


def test_a_count_placed_in_another_comune_is_not_this_citys():
    # the place set before the count in its clause: a twin service, a neighbour, a comparison
    assert areas_of("Il servizio gemello che gestiamo per il Comune di Pistoia ha accolto 22 persone in 5 "
                     "appartamenti.") == {}  # fmt: skip
    assert areas_of("Il modello non è nuovo: a Viareggio, un'altra associazione ha ospitato 40 persone.") == {}
    # the city itself, where this project's people went after the count, a province named after its chief town
    assert areas_of("A Lucca il progetto ha ospitato 31 persone in 9 appartamenti.") == {31.0: "housing",
                                                                                          9.0: "housing"}  # fmt: skip
    assert areas_of("Il progetto ha ospitato 31 persone in alloggi, 8 delle quali poi in affitto a Viareggio.") == {
        31.0: "housing", 8.0: "housing"}  # fmt: skip
    assert areas_of("Nella provincia di Pisa il progetto ha ospitato 31 persone in alloggi.") == {31.0: "housing"}
    # a lesser-known comune of another region is rather a district named alike (San Lorenzo, RC; Lucca's own
    # 'San Lorenzo' would be one); a well-known city of another region is that city
    assert areas_of("A San Lorenzo il progetto ha ospitato 31 persone in alloggi.") == {31.0: "housing"}
    assert areas_of("A Torino un progetto simile ha ospitato 45 persone in alloggi.") == {}


def test_a_run_in_heading_names_its_paragraphs_area_and_a_target_under_it_is_that_sections():
    text = ("Azione 3 – Rafforzamento dei servizi. Saranno formati 12 operatori sulla presa in carico integrata.\n\n"
            "Azione 4 – Comunità. Sono previste giornate al parco, con l'obiettivo di coinvolgere almeno 150 "
            "residenti.\n\nAbitare. Il progetto ha messo a disposizione 6 alloggi.")  # fmt: skip
    assert areas_of(text) == {12.0: "capacity_building", 150.0: "community_building", 6.0: "housing"}
    # a short opening sentence naming no area is no heading: the target goes with the count before it
    text = ("Saranno formati 12 operatori sulla presa in carico integrata.\n\nIl metodo è semplice. Sono previste "
            "giornate al parco, con l'obiettivo di coinvolgere almeno 150 residenti.")  # fmt: skip
    assert areas_of(text) == {12.0: "capacity_building", 150.0: "capacity_building"}


def test_persons_hosted_or_attending_with_no_other_area_go_to_housing_or_community_building():
    # nothing in these sentences names an area: who was given a place to stay is housing, an event's public is
    # community building; a desk that "accoglie" requests, or a course's participants, are decided by their words
    assert areas_of("Da marzo le due palazzine ristrutturate ospitano 44 persone.") == {44: "housing"}
    assert areas_of("Alla merenda di primavera in cortile hanno partecipato circa 230 persone.") == {
        230: "community_building"}  # fmt: skip
    assert areas_of("Alla cena di fine anno c'erano più di 90 persone.") == {90: "community_building"}
    assert areas_of("Il corso di italiano ha avuto 28 partecipanti.") == {28: "taking_charge"}
    assert areas_of("L'oratorio ha ospitato 3 pomeriggi di giochi con 75 partecipanti.")[75] == "community_building"


def test_visits_consultations_and_open_initiatives_say_their_area():
    assert areas_of("L'ASL ha effettuato 64 visite specialistiche.") == {64: "taking_charge"}
    assert areas_of("La biblioteca ha ospitato 12 visite guidate gratuite.") == {12: "community_building"}
    assert areas_of("La sala ha ospitato 45 iniziative aperte a tutto il quartiere.") == {45: "community_building"}
    assert areas_of("Nel territorio della provincia lavorano circa 9.000 braccianti stranieri.") == {}


def test_a_count_stated_after_a_subject_with_an_aside_keeps_the_subjects_area_and_place():
    from knowledge.figures import figures

    found = figures("I volontari che danno una mano (spesa, compiti, trasporti) sono 14.")
    assert [(f.value, f.label) for f in found] == [(14, "volontari che danno una mano")]
    # a comune named inside the aside places the aside only; the subject's noun says the area
    text = "Il coordinatore racconta che i volontari del doposcuola (compiti, visite mediche a Pistoia) sono ormai 27."
    assert areas_of(text) == {27: "civic_engagement"}
    # individual projects of civic engagement are civic engagement, not individual plans of taking charge
    assert areas_of("Con il centro servizi sono partiti 31 progetti individuali di impegno civico.") == {
        31: "civic_engagement"}  # fmt: skip


def test_participation_as_a_theme_is_no_event_and_a_board_is_civic_engagement():
    # "la partecipazione" as what a project aims at says nothing of an event's public
    assert areas_of("Il progetto punta sulla partecipazione: 26 residenti hanno seguito il percorso.") != {
        26: "community_building"}  # fmt: skip
    assert areas_of("Dopo il percorso 7 ragazzi accolti nel SAI sono entrati nel direttivo della Pro Loco.") == {
        7: "civic_engagement"}  # fmt: skip


def test_accesses_legal_orientation_job_search_and_residing_in_the_housing_provided():
    assert areas_of("In due anni gli sportelli hanno registrato 1.730 accessi.") == {1730: "taking_charge"}
    assert areas_of("Un totale di 52 minori ha ricevuto orientamento legale.") == {52: "taking_charge"}
    assert areas_of("Il progetto ha accompagnato 33 persone nella ricerca di lavoro.") == {33: "taking_charge"}
    assert areas_of("Attualmente risiedono negli alloggi del progetto 27 persone.") == {27: "housing"}
    assert areas_of("Nel quartiere risiedono 4.300 persone.") == {}  # a population
    assert areas_of("La graduatoria comprende 64 famiglie in attesa di una casa popolare.") == {}  # waiting


def test_english_counts_of_a_group_without_article_and_legal_advice():
    from knowledge.figures import figures

    assert [(f.value, f.unit) for f in figures("Women were 87, a share that keeps growing.")] == [(87, "women")]
    assert figures("Prices were 20 euro higher.") == []  # no count of persons or things done
    assert areas_of("Over the year, 146 migrants received legal advice.") == {146: "taking_charge"}


def test_a_desk_named_by_housing_counts_housing_unless_the_sentence_says_taking_charge():
    text = "Lo sportello casa, aperto il martedì, ha seguito 175 persone tra contratti, garanzie e pratiche."
    assert areas_of(text) == {175: "housing"}
    assert areas_of("Lo sportello per l'abitare ha accompagnato 48 famiglie.") == {48: "housing"}
    text = "Obiettivo: prendere in carico, tramite lo Sportello Casa di via Po, almeno 120 persone."
    assert areas_of(text) == {120: "taking_charge"}
    assert areas_of("Lo sportello ha seguito 300 persone.") == {300: "taking_charge"}


def test_civil_protection_the_adult_school_and_the_family_doctor_say_their_area():
    assert areas_of("Sono 23 i giovani che hanno terminato il corso della Protezione civile.") == {
        23: "civic_engagement"}  # fmt: skip
    assert areas_of("Il progetto, con il CPIA, ha portato in classe 88 donne.") == {88: "taking_charge"}
    assert areas_of("Le mediatrici hanno iscritto al medico di base 41 persone.") == {41: "taking_charge"}


def test_after_school_help_and_school_family_meetings_are_taking_charge():
    assert areas_of("Nel doposcuola interculturale sono stati seguiti 64 minori.") == {64.0: "taking_charge"}
    assert areas_of("Agli incontri scuola-famiglia hanno partecipato 35 famiglie.") == {35.0: "taking_charge"}
    assert areas_of("Il sostegno scolastico ha raggiunto 58 ragazzi delle medie.") == {58.0: "taking_charge"}


def test_consultations_are_taking_charge_whoever_gives_them():
    # a desk staffed by volunteers gives consultations: the count is of the service, not of the volunteers
    assert counts("The desk gave 300 consultations.") == {300.0: "consulenze"}
    assert areas_of("The legal desk, run by parish volunteers, gave 520 consultations on permits.") == {
        520.0: "taking_charge"}  # fmt: skip
    assert areas_of("Lo sportello, gestito dai volontari della parrocchia, ha dato 520 consulenze sui permessi.") == {
        520.0: "taking_charge"}  # fmt: skip


def test_a_contract_of_work_or_with_companies_is_a_job_a_lease_is_housing():
    assert areas_of("Dopo il corso, 37 partecipanti hanno firmato un contratto con aziende della zona.") == {
        37.0: "taking_charge"}  # fmt: skip
    assert areas_of("Contratti di lavoro regolarizzati: 95;") == {95.0: "taking_charge"}
    assert areas_of("Dopo il corso, 37 partecipanti hanno firmato un contratto d'affitto.") == {37.0: "housing"}


def test_evenings_are_events_unless_they_say_when():
    assert areas_of("Con i volontari del quartiere abbiamo organizzato 14 serate.") == {14.0: "community_building"}
    assert areas_of("Le serate del giovedì nel cortile della biblioteca, con volontari e famiglie, sono state 12.") == {
        12.0: "community_building"}  # fmt: skip
    assert areas_of("Il centro organizza serate aperte a tutti in piazza: le prime quattro hanno richiamato circa "
                    "250 persone.") == {250.0: "community_building"}  # fmt: skip
    assert areas_of("In cinque serate nella sala civica, 60 lavoratori hanno seguito incontri su contratti e salute; "
                    "il sindacato ha tenuto le lezioni.") != {60.0: "community_building"}  # fmt: skip


def test_a_row_s_labelled_cell_has_its_own_noun_and_only_a_target_goes_on_with_the_result_before():
    # "Ospiti accolti: 248" is no bare number borrowing the noun of the cell before it: persons hosted, housing
    assert areas_of("Visite al presidio sanitario: 390;\nOspiti accolti: 248;") == {
        390.0: "taking_charge", 248.0: "housing"}  # fmt: skip
    # the result before "contro un obiettivo di" is no target: it does not go on with the count before it
    found = areas_of("Lo spazio bimbi ha accolto 40 bambini. Nei due anni si sono iscritte ai corsi 214 persone, "
                     "contro un obiettivo di 150 iscritti.")  # fmt: skip
    assert found[40.0] == "housing" and found[214.0] != "housing"


def test_who_took_part_or_was_hosted_is_read_in_the_count_s_own_clause():
    found = areas_of("Il consultorio ha seguito 38 donne in gravidanza; 29 hanno partecipato all'incontro.")
    assert found[29.0] == "community_building" and found[38.0] != "community_building"
    # a course taken is taking charge (tests/knowledge/test_figure_own_clause.py), still in the count's own clause
    found = areas_of("Il consultorio ha seguito 38 donne in gravidanza; 29 hanno partecipato al corso.")
    assert found[29.0] == "taking_charge" and found[38.0] != "community_building"


def test_a_count_stated_now_and_places_that_are_offices_or_possessives():
    assert counts("Gli alloggi di transizione sono ora 9, con 36 posti letto.") == {9.0: "housing_units", 36.0: "beds"}
    # another comune's own shelter is not the record's; a job centre named after its town places nothing
    assert built("Merano's own night shelter (30 beds) was visited as a comparison.", city="Bolzano") == set()
    assert (15.0, "taking_charge") in built("Lo sportello ha accompagnato 44 persone al Centro per l'impiego di "
                                            "Isernia, e 15 hanno trovato un lavoro.", city="Venafro")  # fmt: skip


def test_a_count_after_a_colon_counts_what_the_words_before_it_name():
    assert areas_of("Allo sportello lavorano soprattutto i volontari: 14 facilitatori, formati dal Comune.") == {
        14.0: "civic_engagement"}  # fmt: skip
    # a clause before the colon is no name: "a chi una casa ce l'ha: 190 persone" are not housed
    assert areas_of("Lo sportello è aperto anche a chi una casa ce l'ha: 190 persone in tre anni.") == {
        190.0: "taking_charge"}  # fmt: skip


def test_a_count_stated_after_and_and_agents_in_tatori_are_persons():
    assert counts("I contratti firmati sono 31, per 104 persone, e i proprietari che hanno aderito sono 26.") == {
        31.0: "contratti", 104.0: "people", 26.0: "proprietari"}  # fmt: skip
    from knowledge.persons import counts_persons

    assert counts_persons("spettatori") and counts_persons("facilitatori digitali")
    assert not counts_persons("contatori")


def test_the_sentence_s_only_area_is_read_in_the_count_s_clause_and_its_noun_s_complement_speaks_first():
    assert areas_of("Il gruppo di volontariato del quartiere ha raccolto le adesioni; 46 persone hanno ottenuto un "
                    "contratto regolare dal datore di lavoro.") == {46.0: "taking_charge"}  # fmt: skip
    assert areas_of("Per il 2027 vogliamo arrivare a 80 iscritti al corso di italiano e aprire un secondo "
                    "appartamento.") == {80.0: "taking_charge"}  # fmt: skip


def test_who_works_in_the_area_in_a_season_is_its_workforce():
    assert counts("Nella piana lavorano d'estate circa 3.500 braccianti stranieri.") == {}


def test_a_street_s_name_is_no_cue_and_persons_trained_who_are_no_staff_learn_a_trade():
    assert areas_of("Per 33 persone senza residenza l'iscrizione è avvenuta in «via della Casa Comunale 1», come "
                    "previsto dalla legge.") == {33.0: "taking_charge"}  # fmt: skip
    assert areas_of("Il percorso, partito a marzo con i titolari di protezione accolti in città, ha formato finora 34 "
                    "persone come carrellisti.") == {34.0: "taking_charge"}  # fmt: skip
    assert areas_of("Il Comune ha formato 20 assistenti sociali sul diritto d'asilo.") == {20.0: "capacity_building"}


def test_a_course_of_a_trade_is_vocational():
    # "corso di falegnameria" like "corso da meccanico"; a course of training or of the language names no trade
    assert areas.cue_area("40 persone partecipanti al corso di falegnameria", 0, 10) == "taking_charge"
    assert areas.cue_area("20 persone al corso di formazione", 0, 9) is None


def test_the_helping_professions_trained_are_capacity_building_and_mentors_civic_engagement():
    assert areas_of("Sono stati formati 19 bibliotecari.") == {19.0: "capacity_building"}
    assert areas_of("Twenty-two librarians and desk staff were trained on residence permits.") == {
        22.0: "capacity_building"
    }
    assert areas_of("Il corso ha formato 14 vigili e impiegati dell'anagrafe sul diritto di residenza.") == {
        14.0: "capacity_building"
    }
    assert areas_of("So far 28 mentors have taken part in the project.") == {28.0: "civic_engagement"}
    assert areas_of("Il corso ha formato 12 giovani come cuochi.") != {12.0: "capacity_building"}


def test_the_times_an_event_was_held_count_its_editions():
    found = areas_and_figures("Da allora la festa del quartiere si è già tenuta 6 volte, sempre in piazza.")
    assert [(f.value, f.unit) for f in found] == [(6.0, "edizioni")]
    assert areas_of("Da allora la festa del quartiere si è già tenuta 6 volte, sempre in piazza.") == {
        6.0: "community_building"
    }
    assert counts("Lo sportello apre tre volte la settimana.") == {}
    assert counts("Il mercato si è tenuto 2024 volte.") == {}  # a year is no count of times


def test_persons_who_lived_in_the_housing_are_housing_not_an_inhabited_area():
    assert built("Il progetto gestisce 6 appartamenti. Dal 2023 li hanno abitati in tutto 31 persone.") == {
        (6.0, "housing"),
        (31.0, "housing"),
    }
    assert areas_of("Nei centri abitati della valle il progetto ha seguito 40 persone.") != {40.0: "housing"}


def test_a_welcome_or_information_point_is_a_desk_not_a_place_to_stay():
    assert areas_of("In dodici mesi il punto di accoglienza della biblioteca ha accolto 180 persone straniere.") == {
        180.0: "taking_charge"
    }
    assert areas_of("Il punto informativo del mercato ha accolto 95 persone in sei mesi.") == {95.0: "taking_charge"}
    assert areas_of("Il punto di accoglienza notturna ha ospitato 25 persone.") == {25.0: "housing"}


def test_rooms_to_stay_in_are_housing():
    # invented: a count of rooms with nothing else in its sentence naming an area
    assert areas_of("Nel vecchio municipio sono state ricavate 9 stanze per soggiorni brevi.") == {9.0: "housing"}
    assert areas_of("Le stanze della foresteria sono 14 e sono sempre occupate.") == {14.0: "housing"}
    assert areas_of("The old school now has 11 rooms for seasonal workers.") == {11.0: "housing"}


def test_persons_said_to_act_as_volunteers_in_their_clause_are_civic_engagement():
    # invented: a taxonomy term of another area between the count and "come volontari"
    assert areas_of("Quest'anno 14 artigiani in pensione vengono al laboratorio di quartiere come volontari.") == {
        14.0: "civic_engagement"}  # fmt: skip
    assert areas_of("Nel 2025 16 studenti hanno lavorato alla festa del quartiere come volontari.") == {
        16.0: "civic_engagement"}  # fmt: skip


def test_a_workshop_names_community_building_only_with_what_it_is_a_workshop_of():
    # invented: a trade's workshop is no community event; a cooking or intercultural one is
    assert areas_of("Il laboratorio di sartoria ha accolto 21 donne, 9 delle quali hanno poi trovato un lavoro.") == {
        21.0: "taking_charge", 9.0: "taking_charge"}  # fmt: skip
    assert areas_of("Al laboratorio di cucina interculturale hanno partecipato 28 persone.") == {
        28.0: "community_building"}  # fmt: skip
    # ... and a workshop is still one activity of a list whose total is the whole project's
    assert areas_of("Sono stati attivati uno sportello, due alloggi e 4 laboratori, per un totale di 300 "
                    "beneficiari.")[300.0] is None  # fmt: skip
