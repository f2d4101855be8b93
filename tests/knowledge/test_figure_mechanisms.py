"""The mechanisms that make figures hold on documents the rules have not read: list items as sentences,
averages versus allowances, what is taught and who is trained deciding a count's area. Sentences invented here."""

from knowledge import areas, money
from knowledge.records import Passage, RecordBuilder
from knowledge.sentences import sentences


def test_a_bulleted_item_is_a_sentence_of_its_own():
    text = ("Il centro apre tre giorni a settimana. • Nel primo anno ha accolto 52 persone. • L'obiettivo era "
            "raggiungerne 80.")  # fmt: skip
    found = [s.text for s in sentences(text)]
    assert found == ["Il centro apre tre giorni a settimana.", "• Nel primo anno ha accolto 52 persone.",
                     "• L'obiettivo era raggiungerne 80."]  # fmt: skip


def test_an_average_sum_is_a_figure_an_allowance_is_not():
    avg = "Le famiglie hanno ricevuto un contributo medio di 820 euro per il deposito."
    allowance = "Ogni volontario riceve un rimborso di 300 euro al mese per otto mesi."
    assert [money.average(avg, a) for a in money.amounts(avg)] == [True]
    assert [a.kind for a in money.amounts(allowance)] == ["unit"]
    assert [money.average(allowance, a) for a in money.amounts(allowance)] == [False]


def _areas_of(sentence: str) -> dict[float, str | None]:
    p = Passage("d:0", sentence, {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    found = {float(f.value): r.area for r in records for f in r.figures}
    found.update({float(f.value): None for f in project.figures})
    return found


def test_a_language_workshop_is_taking_charge_and_trained_teachers_capacity_building():
    assert _areas_of("Verranno aperti 6 laboratori di italiano L2 nelle scuole medie.") == {6.0: "taking_charge"}
    assert areas.trained_staff("Si formeranno 18 insegnanti sulla didattica inclusiva.", "insegnanti")
    assert _areas_of("Si formeranno 18 insegnanti sulla didattica inclusiva.") == {18.0: "capacity_building"}


def test_families_accompanied_to_enrolment_are_taken_charge_of():
    assert _areas_of("Sono state accompagnate 27 famiglie all'iscrizione scolastica dei figli.") == {
        27.0: "taking_charge"
    }


def _counts(sentence: str) -> dict[float, str]:
    from knowledge.figures import figures

    return {f.value: f.unit for f in figures(sentence)}


def test_a_bare_number_borrows_the_noun_its_sentence_just_counted():
    # a clitic "ne", a parallel coordination, a stated target, a partitive whole
    assert _counts("Lo sportello ha incontrato 120 persone, orientandone 45 ai servizi e 20 ai corsi serali.") == {
        120.0: "people", 45.0: "people", 20.0: "people"}  # fmt: skip
    assert _counts("Il centro ha accolto 70 nuclei, contro un obiettivo di 90 a fine anno.") == {
        70.0: "families", 90.0: "families"}  # fmt: skip
    assert _counts("Dei 25 apprendisti, 11 hanno ottenuto un'assunzione stabile.") == {11.0: "apprendisti"}
    assert _counts("• 12 hanno concluso il percorso di autonomia.") == {12.0: "people"}
    assert _counts("The desk took charge of 640 people and 210 obtained a health card.") == {
        640.0: "people", 210.0: "people"}  # fmt: skip


def test_a_count_stated_as_the_predicate_of_its_noun():
    assert _counts("I ragazzi accolti sono stati finora 33, quasi tutti minorenni.") == {33.0: "ragazzi"}


def test_wholes_quorums_and_descriptions_are_no_counts():
    assert _counts("Hanno votato 140 residenti stranieri, su circa 2.100 aventi diritto.") == {140.0: "people"}
    assert _counts("La seduta si è aperta alla presenza di 7 consiglieri su 11.") == {}
    assert _counts("Sono stati eletti 9 consiglieri di 7 nazionalità diverse.") == {9.0: "consiglieri"}


def test_people_living_in_the_housing_provided_are_housed_not_a_population():
    assert _counts("Sono stati recuperati 4 appartamenti sfitti, dove oggi vivono 15 persone.") == {
        4.0: "housing_units", 15.0: "people"}  # fmt: skip
    assert _counts("Nel quartiere vivono 4.000 persone.") == {}


def test_event_nouns_in_ate_are_nouns_not_participles():
    assert _counts("Il circolo ha organizzato 6 serate di cinema all'aperto.") == {6.0: "serate"}
    assert _counts("Dei tirocini, 9 conclusi con un contratto.") == {}


def test_a_school_year_before_the_start_is_a_baseline():
    from knowledge.timeframe import before_project

    assert before_project("Nell'anno scolastico 2023/24 erano iscritti 300 alunni stranieri.", "2024-09-01")
    assert not before_project("Nell'anno scolastico 2024/25 sono stati iscritti 300 alunni.", "2024-09-01")


def test_a_counted_noun_that_is_a_form_of_a_taxonomy_term_takes_its_area():
    assert _areas_of("Il Comune ha avviato 12 coabitazioni tra anziani soli e studenti fuori sede.") == {
        12.0: "housing"}  # fmt: skip


def test_numbers_in_words_are_read_by_their_parts():
    from knowledge.numbers import word_value

    cases = {"trentadue": 32, "centottanta": 180, "ventotto": 28, "milleduecento": 1200, "duecentocinquanta": 250,
             "tremilacinquecento": 3500, "twenty-two": 22, "one hundred and fifty": 150, "settembre": None}  # fmt: skip
    assert {w: word_value(w) for w in cases} == cases
    assert _counts("Nel secondo anno lo sportello ha accolto trentadue famiglie e centoventi persone.") == {
        32.0: "families", 120.0: "people"}  # fmt: skip
    assert _counts("Forty-five households moved into the new flats.") == {45.0: "families"}
    # small numbers in words describe; a year in words is a year
    assert _counts("Le tre famiglie vivono nelle due case del borgo.") == {}
    assert _counts("L'anno duemilaventicinque, il giorno dodici del mese di marzo, si è riunita la Giunta.") == {}


def test_counts_stated_after_their_noun():
    assert _counts("Complessivamente, nel 2025 i beneficiari raggiunti sono stati 418.") == {418.0: "beneficiaries"}
    assert _counts("Il numero di persone orientate al lavoro è salito a 73.") == {73.0: "people"}
    assert _counts("Famiglie sostenute nel semestre: 57.") == {57.0: "families"}
    assert _counts("Le richieste di alloggio sono scese da 90 nel 2023 a 64 nel 2024.") == {64.0: "richieste"}
    # a label that is no count: a time, those present at a meeting
    assert _counts("Edizione delle ore 19:30") == {}
    assert _counts("Presenti: 9.") == {}


def test_a_population_word_of_another_count_is_not_this_counts():
    assert _counts("The scheme reached 860 residents through 35 evening sessions.") == {
        860.0: "residenti", 35.0: "incontri"}  # fmt: skip
    assert _counts("Al 1° gennaio 2024 risiedevano in città 3.100 cittadini stranieri.") == {}


def test_what_a_service_achieved_after_the_count_outranks_the_service_before_it():
    assert _areas_of("Lo sportello casa ha aiutato 37 famiglie a trovare un alloggio in affitto.") == {37.0: "housing"}
    assert _areas_of("Lo sportello ha preso in carico 88 persone con un piano individuale.") == {88.0: "taking_charge"}


def test_training_events_for_staff_and_every_form_of_formare_are_capacity_building():
    assert _areas_of("Il Comune ha formato 33 educatori sull'approccio interculturale.") == {33.0: "capacity_building"}
    assert _areas_of("Sono stati organizzati 5 seminari per i dipendenti comunali.") == {5.0: "capacity_building"}
    assert _areas_of("The city trained 27 front-office staff on intercultural communication.") == {
        27.0: "capacity_building"}  # fmt: skip


def test_a_part_of_a_population_is_a_population():
    assert _counts("Il paese conta circa 9.800 abitanti, di cui 760 stranieri.") == {}
    assert _counts("Some 22 residents volunteered to paint the school.") == {22.0: "residenti"}


def test_a_part_named_before_its_whole_counts_the_whole_s_noun():
    assert _counts("Hanno trovato un impiego 44 dei 70 partecipanti al percorso.") == {44.0: "partecipanti"}
    assert _counts("Of the 25 flats, 21 are now let to refugee families.") == {21.0: "housing_units"}


def test_english_service_nouns_take_the_network_s_italian_nouns():
    assert _counts("The desk booked 940 appointments for 610 individuals.") == {940.0: "appuntamenti", 610.0: "people"}
    assert _counts("The shelter offered 30 bed places to 52 pupils.") == {30.0: "beds", 52.0: "alunni"}


def test_a_term_that_belongs_to_the_count_before_is_not_the_next_count_s_area():
    assert _areas_of("The project hosted 31 refugees in 11 flats and supported 160 people at the help desk.") == {
        31.0: "housing", 11.0: "housing", 160.0: "taking_charge"}  # fmt: skip
    assert _areas_of("Il torneo di calcio ha visto 12 squadre e 5 incontri pubblici sul razzismo.") == {
        12.0: "community_building", 5.0: "community_building"}  # fmt: skip


def test_spoken_counts_after_a_clitic_in_words_and_a_label_without_another_count():
    assert _counts("Abbiamo seguito 40 famiglie, ne abbiamo sistemate dodici in case in affitto.") == {
        40.0: "families", 12.0: "families"}  # fmt: skip
    assert _counts("Ne abbiamo parlato tre volte con il prefetto.") == {}
    from knowledge.figures import figures

    labels = {f.value: f.label for f in figures("Lo sportello ha registrato 1.900 accessi e 640 primi colloqui.")}
    assert labels[640.0] == "primi colloqui che ha registrato"


def test_what_the_count_s_own_words_say_it_became_outranks_the_means_before_it():
    sentence = "La campagna di sensibilizzazione ha portato 23 cittadini a diventare tutori volontari."
    assert _areas_of(sentence) == {23.0: "civic_engagement"}


def test_another_count_whose_verb_follows_it_borrows_the_noun_before():
    found = _areas_of("Sono stati accolti 30 ragazzi negli alloggi del Comune, e altri 9 fanno parte del comitato "
                      "dei residenti.")  # fmt: skip
    assert found == {30.0: "housing", 9.0: "civic_engagement"}
    # a preposition between a number and a unit says the number counts the noun before it
    assert _counts("Sono stati accolti 30 ragazzi negli alloggi del Comune.") == {30.0: "ragazzi"}


def test_a_part_after_di_cui_told_by_a_participle_is_a_part_of_the_count_before():
    from knowledge.figures import figures

    found = {f.value: (f.unit, f.label) for f in figures("Sono arrivate 52 domande di contributo, di cui 37 accolte.")}
    assert found[37.0] == ("domande", "domande accolte")
    assert _counts("Sono stati avviati 15 tirocini, di cui 8 conclusi con un'assunzione.") == {
        15.0: "tirocini", 8.0: "tirocini"}  # fmt: skip


def test_a_rule_per_unit_or_a_ceiling_is_no_count():
    assert _counts("Per ogni appartamento sono previsti 3 posti letto.") == {}
    assert _counts("Ogni mediatore segue al massimo 20 casi.") == {}
    # what each flat holds is a count of the flats' beds (the corpus gold counts it)
    assert _counts("Sono stati aperti 3 appartamenti con 4 posti letto ciascuno.") == {
        3.0: "housing_units",
        4.0: "beds",
    }


def test_a_decision_governs_the_counts_after_it_unless_they_were_done():
    from knowledge.timeframe import proposal

    decided = "Il gruppo decide: di chiedere un incontro alla Prefettura; di aprire un alloggio con 5 posti."
    assert proposal(decided, (decided.index("5 posti"), decided.index("5 posti") + 7))
    done = "Per chi decide di restare: da marzo il Comune ha preso in carico 64 richiedenti asilo."
    assert not proposal(done, (done.index("64"), done.index("64") + 2))
    named = "Sono stati eletti 7 consiglieri, che hanno presentato tre proposte alla Giunta."
    assert not proposal(named, (named.index("7"), named.index("7") + 1))


def test_a_document_read_whole_keeps_results_targets_and_areas_apart():
    text = ("Sportello\nNel 2025 lo sportello ha preso in carico 240 persone, 90 delle quali donne, contro un "
            "obiettivo di 300 a fine progetto.\n\nAbitare\nAltri 11 nuclei vivono negli alloggi ponte del Comune."
            "\n\nComunità\n"
            "Le cene di quartiere sono state 8, con circa 600 partecipanti.\n\nProssimi passi\nIl tavolo propone di "
            "aprire un secondo sportello con 4 mediatori.")  # fmt: skip
    passages = [Passage(f"d:{i}", t, {"doc_id": "d", "doc_type": "report", "city": "Lucca", "chunk_index": i})
                for i, t in enumerate(text.split("\n\n"))]  # fmt: skip
    records, project = RecordBuilder().build("Lucca", None, passages, set())
    found = {(f.value, f.unit): (r.area, f.label) for r in records for f in r.figures}
    found.update({(f.value, f.unit): (None, f.label) for f in project.figures})
    assert found[(300, "people")] == ("taking_charge", "persone (obiettivo)")  # the target of the whole, not of a part
    assert found[(90, "women")] == ("taking_charge", "donne")  # a part of what was done is no target
    assert found[(11, "families")][0] == "housing"  # living in the housing provided is being housed
    assert found[(8, "cene")][0] == "community_building"  # a predicate after a heading glued to its sentence
    assert not any(v == 4 for v, _ in found)  # a proposal of the meeting


def test_a_term_after_the_next_count_is_that_count_s_and_the_unit_after_a_pronoun_is_kept():
    found = _areas_of("Lo sportello ha orientato 80 persone al lavoro e 5 alloggi sono stati messi a disposizione.")
    assert found == {80.0: "taking_charge", 5.0: "housing"}
    assert _counts("In 2025 the desk took charge of 520 people, 230 of them women.") == {
        520.0: "people",
        230.0: "women",
    }
    assert _counts("Two training cycles reached 44 municipal staff.") == {44.0: "operatori"}


def test_minutes_and_interviews():
    # who attended the meeting is no figure of the practice; what was reported at it is
    assert _counts("Presenti: 9 componenti; assenti: 2.") == {}
    assert _counts("Alla riunione del tavolo erano presenti 14 persone.") == {}
    assert _counts("La referente riferisce che sono stati firmati 12 nuovi contratti di affitto.") == {
        12.0: "contratti"
    }
    # spoken: a clitic of people with no count before it, numbers in words with a pronoun
    assert _counts("Da gennaio ne sono passate più di trecento dal centro.") == {300.0: "people"}
    assert _counts("Abbiamo seguito 41 minori; diciotto di loro vanno a scuola.") == {41.0: "minors", 18.0: "minors"}
    # what a city has is no figure of the practice
    assert _counts("In città ci sono almeno 700 alloggi sfitti.") == {}


def test_short_nouns_share_their_stem_with_the_taxonomy_and_health_is_taking_charge():
    # (gardens cultivated together are community building by the gold's convention since b5: a cue of their own)
    assert _areas_of("Sono state avviate 18 coabitazioni tra anziani soli e studenti.") == {18.0: "housing"}
    assert _areas_of("Il camper sanitario ha raggiunto 540 lavoratori stagionali.") == {540.0: "taking_charge"}


def test_a_count_with_nothing_of_its_own_goes_with_the_count_before_that_says_its_area():
    sentence = ("Lo sportello ha formato 12 operatori e le 4 assemblee con i condomini hanno visto la partecipazione "
                "di 52 famiglie.")  # fmt: skip
    assert _areas_of(sentence) == {12.0: "capacity_building", 4.0: "community_building", 52.0: "community_building"}
    from knowledge.figures import figures

    assert {f.value: f.label for f in figures(sentence)}[52.0] == "famiglie"  # not "che ha formato"


def test_english_reports_read_as_the_italian_ones():
    assert _areas_of("We trained 96 front-line workers on intercultural mediation.") == {96.0: "capacity_building"}
    assert _areas_of("The number of people housed rose to 61 by December.") == {61.0: "housing"}
    assert _areas_of("Around 250 residents took part in the neighbourhood assemblies.") == {250.0: "community_building"}


def test_the_parts_of_a_city_or_of_a_document_are_no_counts():
    assert _counts("Sono attivi 3 sportelli decentrati in 3 quartieri.") == {3.0: "sportelli"}
    assert _counts("Il rapporto si compone di 5 capitoli e 3 allegati.") == {}


def test_a_part_and_a_stated_target_are_read_alike_by_every_rule():
    """knowledge.cues defines 'di cui' (and its forms) and the target before a number once: the figures, the
    counts' ellipsis and the timeframe read the same phrases."""
    from knowledge.figures import figures as read
    from knowledge.timeframe import target

    for part in ("di cui", "delle quali"):
        found = [(f.value, f.unit, f.label) for f in read(f"Sono arrivate 48 domande, {part} 30 ammesse.")]
        assert (30.0, "domande", "domande ammesse") in found, part
    for sentence in ("Ha preso in carico 312 persone, contro un obiettivo di 400.",
                     "Ha preso in carico 312 persone (obiettivo annuale: 400)."):  # fmt: skip
        assert (400.0, "people") in {(f.value, f.unit) for f in read(sentence)}  # the noun borrowed by the target
        at, done = sentence.index("400"), sentence.index("312")
        assert target(sentence, (at, at + 3)) and not target(sentence, (done, done + 3))


def test_a_bare_number_joined_to_a_count_with_a_preposition_counts_the_same():
    from knowledge.figures import figures as read

    def found(sentence: str) -> set[tuple[float, str]]:
        return {(f.value, f.unit) for f in read(sentence)}

    assert (23.0, "people") in found("Hanno accompagnato 36 persone all'iscrizione anagrafica e 23 al rinnovo del "
                                     "permesso di soggiorno.")  # fmt: skip
    assert {(12.0, "contratti"), (7.0, "contratti")} <= found(
        "Sono stati firmati 19 contratti di locazione: dodici per famiglie con minori e 7 per lavoratori soli."
    )
    # a rate, a comparison or another sentence part is no such count
    assert found("Abbiamo accolto 40 persone e 3 al mese nel secondo anno.") == {(40.0, "people")}
    assert (12.0, "people") not in found("Abbiamo accolto 40 persone e 12 in più rispetto al 2023.")
    assert (5.0, "people") not in found("Abbiamo accolto 40 persone; 5 per il secondo anno.")


def test_a_number_then_a_participle_of_planning_is_the_target_of_the_count_before_it():
    from knowledge.figures import figures as read

    found = {(f.value, f.unit) for f in read("Lo sportello ha preso in carico 173 persone, a fronte delle 150 "
                                             "previste dal progetto.")}  # fmt: skip
    assert found == {(173.0, "people"), (150.0, "people")}
    found = {(f.value, f.unit) for f in read("Sono stati realizzati 14 inserimenti abitativi, contro i 20 previsti.")}
    assert found == {(14.0, "inserimenti abitativi"), (20.0, "inserimenti abitativi")}  # not 20 'previsti'
    assert {(f.value, f.unit) for f in read("Sono previsti 20 incontri.")} == {(20.0, "incontri")}


def test_about_that_many_is_a_count_and_residents_at_an_event_took_part():
    from knowledge.figures import figures as read

    def found(sentence: str) -> set[tuple[float, str]]:
        return {(f.value, f.unit) for f in read(sentence)}

    assert (30.0, "proprietari") in found("Gli operatori hanno contattato una trentina di proprietari del centro.")
    assert found("A dozen volunteers joined the council.") == {(12.0, "volontari")}
    assert found("Dopo una ventina di giorni il contratto è stato firmato.") == set()  # a time, not a count
    assert found("La festa si è svolta in piazza, con una cinquantina di residenti.") == {(50.0, "residenti")}
    assert found("Campagna è un comune con 16.000 residenti, e la festa si è svolta in piazza.") == set()
    assert found("Il paese conta un centinaio di abitanti.") == set()  # a population


def test_a_group_the_sentence_opens_with_is_what_its_bare_counts_count():
    from knowledge.figures import figures as read

    found = [(f.value, f.unit, f.label) for f in read(
        "Tra le persone prese in carico, 61 sono state accompagnate a un corso e 34 hanno ottenuto un contratto.")]
    assert [(v, u) for v, u, _ in found] == [(61.0, "people"), (34.0, "people")]
    assert found[1][2].startswith("persone che hanno ottenuto")  # the bare count before lends its unit's label
    assert read("Tra i comuni della provincia, 12 hanno aderito.") == []  # places are no count


def test_a_headline_count_is_its_areas_count_and_tutti_i_refers_back():
    from knowledge.figures import figures as read

    text = ("A Caserta 530 visite ai braccianti in un anno. Il camper sanitario ha fatto 530 visite mediche nelle "
            "campagne. Per i casi più seri, 19 persone sono state accompagnate a visite specialistiche.")  # fmt: skip
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "press_article", "city": "Caserta", "chunk_index": 0})
    records, project = RecordBuilder(area_chooser=None).build("Caserta", None, [p], set())  # the rules alone
    # the headline's '530 visite' is the same fact as the '530 visite mediche' of taking charge, not a project one
    assert [(r.area, [(f.value, f.unit) for f in r.figures]) for r in records] == [
        ("taking_charge", [(530, "visite mediche"), (19, "people")])  # accompanied 'a visite': taking charge
    ]
    assert project.figures == []
    assert read("Tutti i 14 ragazzi inseriti sono poi passati a un affitto autonomo.") == []


def test_a_count_placed_in_another_comune_is_not_this_citys():
    # the place set before the count in its clause: a twin service, a neighbour, a comparison
    assert _areas_of("Il servizio gemello che gestiamo per il Comune di Pistoia ha accolto 22 persone in 5 "
                     "appartamenti.") == {}  # fmt: skip
    assert _areas_of("Il modello non è nuovo: a Viareggio, un'altra associazione ha ospitato 40 persone.") == {}
    # the city itself, where this project's people went after the count, a province named after its chief town
    assert _areas_of("A Lucca il progetto ha ospitato 31 persone in 9 appartamenti.") == {31.0: "housing",
                                                                                          9.0: "housing"}  # fmt: skip
    assert _areas_of("Il progetto ha ospitato 31 persone in alloggi, 8 delle quali poi in affitto a Viareggio.") == {
        31.0: "housing", 8.0: "housing"}  # fmt: skip
    assert _areas_of("Nella provincia di Pisa il progetto ha ospitato 31 persone in alloggi.") == {31.0: "housing"}
    # a lesser-known comune of another region is rather a district named alike (San Lorenzo, RC; Lucca's own
    # 'San Lorenzo' would be one); a well-known city of another region is that city
    assert _areas_of("A San Lorenzo il progetto ha ospitato 31 persone in alloggi.") == {31.0: "housing"}
    assert _areas_of("A Torino un progetto simile ha ospitato 45 persone in alloggi.") == {}


def test_an_organisations_own_members_and_workers_are_not_what_it_did():
    assert _counts("A fine anno la cooperativa conta 90 soci e 140 lavoratori, per il 60% donne.") == {}
    assert _counts("Nel distretto lavorano oltre 5.000 addetti, in gran parte pendolari.") == {}
    # workers the practice housed or trained are its figures
    assert _counts("La foresteria ha ospitato 31 lavoratori stagionali.") == {31.0: "lavoratori stagionali"}
    assert _counts("Sono 40 i dipendenti comunali che hanno frequentato il corso.") != {}
    # the members of a body the practice set up are what it did
    assert _counts("The new council of foreign citizens counts 12 members.") == {12.0: "members"}
    assert _counts("La consulta dei nuovi cittadini conta 15 soci.") == {15.0: "soci"}


def test_a_run_in_heading_names_its_paragraphs_area_and_a_target_under_it_is_that_sections():
    text = ("Azione 3 – Rafforzamento dei servizi. Saranno formati 12 operatori sulla presa in carico integrata.\n\n"
            "Azione 4 – Comunità. Sono previste giornate al parco, con l'obiettivo di coinvolgere almeno 150 "
            "residenti.\n\nAbitare. Il progetto ha messo a disposizione 6 alloggi.")  # fmt: skip
    assert _areas_of(text) == {12.0: "capacity_building", 150.0: "community_building", 6.0: "housing"}
    # a short opening sentence naming no area is no heading: the target goes with the count before it
    text = ("Saranno formati 12 operatori sulla presa in carico integrata.\n\nIl metodo è semplice. Sono previste "
            "giornate al parco, con l'obiettivo di coinvolgere almeno 150 residenti.")  # fmt: skip
    assert _areas_of(text) == {12.0: "capacity_building", 150.0: "capacity_building"}


def test_a_number_in_words_opening_a_sentence_is_a_count_when_a_verb_follows_in_its_clause():
    # Italian does not open a sentence with digits: the number is written out there
    assert _counts("Sette ospiti, dopo il periodo in foresteria, hanno trovato un alloggio in affitto.") == {
        7.0: "ospiti"}  # fmt: skip
    assert _counts("Cinque aree verdi sono state adottate dal gruppo.") == {5.0: "aree"}
    # a headline without a verb in its clause, a time, one thing, about that many, and small numbers elsewhere
    for sentence in ("Due solitudini sotto lo stesso tetto: anziani e rifugiati vivono insieme",
                     "Dieci anni fa si contavano sulle dita i camini accesi.",
                     "Un appartamento è dotato di un impianto.",
                     "Two dozen people a month were referred to the night shelters.", "Le due sedi sono aperte."):
        assert _counts(sentence) == {}, sentence


def test_who_waits_others_statistics_and_migration_flows_are_not_figures_and_nationalities_count_persons():
    from knowledge.evaluation import unit_key
    from knowledge.figures import figures

    def values(sentence: str) -> set[float]:
        return {f.value for f in figures(sentence)}

    # who waits is not who was served; waiting *for* something while served is
    assert values("Lo sportello ha seguito 310 persone; altre 27 famiglie sono in lista.") == {310}
    assert values("«Restano 95 richieste in attesa», dice la dirigente.") == set()
    assert values("Il Comune conta 1.900 domande di alloggio in graduatoria.") == set()
    assert values("La lista d'attesa non è di 300 persone, dice l'assessore.") == set()
    assert values("La cooperativa ha accolto 33 richiedenti asilo in attesa di un posto nel SAI.") == {33}
    # someone else's statistics of the place, and the flows it sees
    assert values("Secondo le stime dei sindacati, nella valle lavorano circa 2.400 braccianti.") == set()
    assert values("Nel 2022 il porto ha registrato oltre 8.000 sbarchi e 1.200 respingimenti.") == set()
    assert values("Il progetto ha ospitato 41 persone sbarcate in estate.") == {41}
    # "23 ospiti: 15 siriane e 8 eritree" counts persons by nationality
    found = {f.value: f.unit for f in figures("Gli ospiti sono 23: 15 siriane e 8 eritree, arrivate in aprile.")}
    assert unit_key(found[15]) == unit_key(found[8]) == unit_key("persone")


def test_a_count_stated_after_its_subject_opened_by_words_of_time_or_followed_by_its_parts():
    from knowledge.figures import figures

    found = {f.value: f.label for f in figures("Oggi le famiglie seguite in paese sono 17: 9 siriane e 8 eritree.")}
    assert found.get(17) == "famiglie seguite in paese"
    assert [f.value for f in figures("In tre anni i giovani formati sono stati 64.")] == [64]
    assert [f.value for f in figures("Gli iscritti al doposcuola sono ormai 35.")] == [35]
    assert figures("Nel quartiere i residenti sono oggi 6.000.") == []  # a population


def test_persons_hosted_or_attending_with_no_other_area_go_to_housing_or_community_building():
    # nothing in these sentences names an area: who was given a place to stay is housing, an event's public is
    # community building; a desk that "accoglie" requests, or a course's participants, are decided by their words
    assert _areas_of("Da marzo le due palazzine ristrutturate ospitano 44 persone.") == {44: "housing"}
    assert _areas_of("Alla merenda di primavera in cortile hanno partecipato circa 230 persone.") == {
        230: "community_building"}  # fmt: skip
    assert _areas_of("Alla cena di fine anno c'erano più di 90 persone.") == {90: "community_building"}
    assert _areas_of("Il corso di italiano ha avuto 28 partecipanti.") == {28: "taking_charge"}
    assert _areas_of("L'oratorio ha ospitato 3 pomeriggi di giochi con 75 partecipanti.")[75] == "community_building"


def test_houses_are_housing_units_and_one_count_of_them():
    from knowledge.figures import figures

    assert [(f.value, f.unit) for f in figures("Il Comune ha recuperato 7 case sfitte del borgo.")] == [
        (7, "housing_units")]  # fmt: skip
    assert [f.unit for f in figures("The desk opened 156 individual case files.")] != ["housing_units"]
    text = "Il Comune affitta 6 abitazioni del centro storico. A fine progetto ci aspettiamo 6 case di nuovo abitate."
    assert [f.value for f in _areas_and_figures(text)] == [6]


def _areas_and_figures(text: str):
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    return [f for r in records for f in r.figures] + list(project.figures)


def _built(text: str, city: str = "Lucca", phase: str | None = None, doc_type: str = "report"):
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": doc_type, "city": city, "phase": phase})
    records, project = RecordBuilder().build(city, phase, [p], set())
    return {(float(f.value), r.area) for r in records for f in r.figures} | {
        (float(f.value), None) for f in project.figures}  # fmt: skip


def test_counts_of_cities_abroad_of_other_cities_and_of_an_earlier_phase_are_not_the_records():
    text = ("Il centro di Lucca ha accolto 84 persone nel 2025. Other network cities chose other paths: 230 people "
            "took part in their festivals. Lione (Francia) ha formato 120 volontari, mentre lo sportello di Lucca ha "
            "seguito 315 persone.")  # fmt: skip
    assert {v for v, _ in _built(text)} == {84}  # Lione's clause runs to the sentence's end: 315 is lost with it
    text = ("Lo sportello ha preso in carico 412 persone. Con LGNet2 avevamo accolto circa 95 persone in albergo. "
            "In continuità con LGNet2, sono state coinvolte 60 persone nella cura dei giardini.")  # fmt: skip
    assert {v for v, _ in _built(text, phase="LGNet3")} == {412, 60}


def test_persons_under_two_nouns_in_one_area_are_one_figure_and_a_sum_is_no_count():
    text = ("Trentadue giovani formati come cuochi. Il corso da cuoco ha formato 32 ragazzi titolari di protezione. "
            "EUR 45,000 comes from the region.")  # fmt: skip
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "press_article", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    values = [f.value for r in records for f in r.figures] + [f.value for f in project.figures]
    assert values == [32]


def test_visits_consultations_and_open_initiatives_say_their_area():
    assert _areas_of("L'ASL ha effettuato 64 visite specialistiche.") == {64: "taking_charge"}
    assert _areas_of("La biblioteca ha ospitato 12 visite guidate gratuite.") == {12: "community_building"}
    assert _areas_of("La sala ha ospitato 45 iniziative aperte a tutto il quartiere.") == {45: "community_building"}
    assert _areas_of("Nel territorio della provincia lavorano circa 9.000 braccianti stranieri.") == {}


def test_a_count_stated_after_a_subject_with_an_aside_keeps_the_subjects_area_and_place():
    from knowledge.figures import figures

    found = figures("I volontari che danno una mano (spesa, compiti, trasporti) sono 14.")
    assert [(f.value, f.label) for f in found] == [(14, "volontari che danno una mano")]
    # a comune named inside the aside places the aside only; the subject's noun says the area
    text = "Il coordinatore racconta che i volontari del doposcuola (compiti, visite mediche a Pistoia) sono ormai 27."
    assert _areas_of(text) == {27: "civic_engagement"}
    # individual projects of civic engagement are civic engagement, not individual plans of taking charge
    assert _areas_of("Con il centro servizi sono partiti 31 progetti individuali di impegno civico.") == {
        31: "civic_engagement"}  # fmt: skip


def test_a_headline_restating_a_count_of_its_text_in_another_area_yields_to_the_text():
    text = ("Un anno di sportello: 410 persone seguite dallo sportello e 37 famiglie uscite dal sovraffollamento\n\n"
            "Lo sportello di via Roma ha preso in carico 410 persone. Il progetto ha aiutato 37 famiglie a lasciare un "
            "alloggio sovraffollato con un contributo per la caparra.")  # fmt: skip
    found = _built(text, doc_type="press_article")
    assert (37, "housing") in found and (37, "taking_charge") not in found
    assert (410, "taking_charge") in found


def test_participation_as_a_theme_is_no_event_and_a_board_is_civic_engagement():
    # "la partecipazione" as what a project aims at says nothing of an event's public
    assert _areas_of("Il progetto punta sulla partecipazione: 26 residenti hanno seguito il percorso.") != {
        26: "community_building"}  # fmt: skip
    assert _areas_of("Dopo il percorso 7 ragazzi accolti nel SAI sono entrati nel direttivo della Pro Loco.") == {
        7: "civic_engagement"}  # fmt: skip


def test_accesses_legal_orientation_job_search_and_residing_in_the_housing_provided():
    assert _areas_of("In due anni gli sportelli hanno registrato 1.730 accessi.") == {1730: "taking_charge"}
    assert _areas_of("Un totale di 52 minori ha ricevuto orientamento legale.") == {52: "taking_charge"}
    assert _areas_of("Il progetto ha accompagnato 33 persone nella ricerca di lavoro.") == {33: "taking_charge"}
    assert _areas_of("Attualmente risiedono negli alloggi del progetto 27 persone.") == {27: "housing"}
    assert _areas_of("Nel quartiere risiedono 4.300 persone.") == {}  # a population
    assert _areas_of("La graduatoria comprende 64 famiglie in attesa di una casa popolare.") == {}  # waiting


def test_a_count_restated_in_persons_after_a_comma_is_one_fact_and_what_a_project_aims_at_is_a_target():
    from knowledge.figures import figures

    found = figures("Trentuno contratti di affitto in due anni, 31 famiglie che hanno trovato casa.")
    assert [(f.value, f.unit) for f in found] == [(31, "families")]
    both = figures("Il Comune ha recuperato 9 case e oggi vi abitano 9 famiglie.")  # two facts, not a restatement
    assert sorted(f.unit for f in both) == ["families", "housing_units"]
    p = Passage("d:0", "Il progetto si propone di raggiungere almeno 240 cittadini stranieri entro il 2027.",
                {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    labels = [f.label for r in records for f in r.figures] + [f.label for f in project.figures]
    assert len(labels) == 1 and "obiettivo" in labels[0]
    # a meeting's proposal stays no figure
    p = Passage("d:0", "Il tavolo propone di aprire un secondo appartamento con 5 posti letto.",
                {"doc_id": "d", "doc_type": "minutes", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    assert not [f for r in records for f in r.figures] and not project.figures


def test_english_counts_of_a_group_without_article_and_legal_advice():
    from knowledge.figures import figures

    assert [(f.value, f.unit) for f in figures("Women were 87, a share that keeps growing.")] == [(87, "women")]
    assert figures("Prices were 20 euro higher.") == []  # no count of persons or things done
    assert _areas_of("Over the year, 146 migrants received legal advice.") == {146: "taking_charge"}


def test_a_desk_named_by_housing_counts_housing_unless_the_sentence_says_taking_charge():
    text = "Lo sportello casa, aperto il martedì, ha seguito 175 persone tra contratti, garanzie e pratiche."
    assert _areas_of(text) == {175: "housing"}
    assert _areas_of("Lo sportello per l'abitare ha accompagnato 48 famiglie.") == {48: "housing"}
    text = "Obiettivo: prendere in carico, tramite lo Sportello Casa di via Po, almeno 120 persone."
    assert _areas_of(text) == {120: "taking_charge"}
    assert _areas_of("Lo sportello ha seguito 300 persone.") == {300: "taking_charge"}


def test_civil_protection_the_adult_school_and_the_family_doctor_say_their_area():
    assert _areas_of("Sono 23 i giovani che hanno terminato il corso della Protezione civile.") == {
        23: "civic_engagement"}  # fmt: skip
    assert _areas_of("Il progetto, con il CPIA, ha portato in classe 88 donne.") == {88: "taking_charge"}
    assert _areas_of("Le mediatrici hanno iscritto al medico di base 41 persone.") == {41: "taking_charge"}


def test_a_count_stated_after_its_subject_then_a_verb_joined_by_e():
    from knowledge.figures import figures

    found = figures("In due anni i volontari coinvolti sono stati 58 e hanno aiutato alla festa.")
    assert [(f.value, f.label) for f in found] == [(58, "volontari coinvolti")]
    assert [f.value for f in figures("I posti sono 12 e 4 di questi per donne sole.")] != [12, 12]
