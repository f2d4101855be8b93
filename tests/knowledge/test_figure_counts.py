"""Figure mechanisms, what is a count and what it counts: list items as sentences, averages versus allowances,
bare numbers borrowing their noun, counts stated after their noun, parts, targets and not-counts. Sentences invented
here (split from test_figure_mechanisms.py, assertions unchanged)."""

from knowledge import money
from knowledge.sentences import sentences
from tests.knowledge.figure_text import areas_of, built, counts


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


def test_a_bare_number_borrows_the_noun_its_sentence_just_counted():
    # a clitic "ne", a parallel coordination, a stated target, a partitive whole
    assert counts("Lo sportello ha incontrato 120 persone, orientandone 45 ai servizi e 20 ai corsi serali.") == {
        120.0: "people", 45.0: "people", 20.0: "people"}  # fmt: skip
    assert counts("Il centro ha accolto 70 nuclei, contro un obiettivo di 90 a fine anno.") == {
        70.0: "families", 90.0: "families"}  # fmt: skip
    # (the whole the sentence opens with is read too: the document drops it where it states it elsewhere)
    assert counts("Dei 25 apprendisti, 11 hanno ottenuto un'assunzione stabile.") == {
        11.0: "apprendisti", 25.0: "apprendisti"}  # fmt: skip
    assert counts("• 12 hanno concluso il percorso di autonomia.") == {12.0: "people"}
    assert counts("The desk took charge of 640 people and 210 obtained a health card.") == {
        640.0: "people", 210.0: "people"}  # fmt: skip


def test_a_count_stated_as_the_predicate_of_its_noun():
    assert counts("I ragazzi accolti sono stati finora 33, quasi tutti minorenni.") == {33.0: "ragazzi"}


def test_wholes_quorums_and_descriptions_are_no_counts():
    assert counts("Hanno votato 140 residenti stranieri, su circa 2.100 aventi diritto.") == {140.0: "people"}
    assert counts("La seduta si è aperta alla presenza di 7 consiglieri su 11.") == {}
    assert counts("Sono stati eletti 9 consiglieri di 7 nazionalità diverse.") == {9.0: "consiglieri"}


def test_people_living_in_the_housing_provided_are_housed_not_a_population():
    assert counts("Sono stati recuperati 4 appartamenti sfitti, dove oggi vivono 15 persone.") == {
        4.0: "housing_units", 15.0: "people"}  # fmt: skip
    assert counts("Nel quartiere vivono 4.000 persone.") == {}


def test_event_nouns_in_ate_are_nouns_not_participles():
    assert counts("Il circolo ha organizzato 6 serate di cinema all'aperto.") == {6.0: "serate"}
    assert counts("Dei tirocini, 9 conclusi con un contratto.") == {}


def test_a_school_year_before_the_start_is_a_baseline():
    from knowledge.timeframe import before_project

    assert before_project("Nell'anno scolastico 2023/24 erano iscritti 300 alunni stranieri.", "2024-09-01")
    assert not before_project("Nell'anno scolastico 2024/25 sono stati iscritti 300 alunni.", "2024-09-01")


def test_numbers_in_words_are_read_by_their_parts():
    from knowledge.numbers import word_value

    cases = {"trentadue": 32, "centottanta": 180, "ventotto": 28, "milleduecento": 1200, "duecentocinquanta": 250,
             "tremilacinquecento": 3500, "twenty-two": 22, "one hundred and fifty": 150, "settembre": None}  # fmt: skip
    assert {w: word_value(w) for w in cases} == cases
    assert counts("Nel secondo anno lo sportello ha accolto trentadue famiglie e centoventi persone.") == {
        32.0: "families", 120.0: "people"}  # fmt: skip
    assert counts("Forty-five households moved into the new flats.") == {45.0: "families"}
    # small numbers in words describe; a year in words is a year
    assert counts("Le tre famiglie vivono nelle due case del borgo.") == {}
    assert counts("L'anno duemilaventicinque, il giorno dodici del mese di marzo, si è riunita la Giunta.") == {}


def test_counts_stated_after_their_noun():
    assert counts("Complessivamente, nel 2025 i beneficiari raggiunti sono stati 418.") == {418.0: "beneficiaries"}
    assert counts("Il numero di persone orientate al lavoro è salito a 73.") == {73.0: "people"}
    assert counts("Famiglie sostenute nel semestre: 57.") == {57.0: "families"}
    assert counts("Le richieste di alloggio sono scese da 90 nel 2023 a 64 nel 2024.") == {64.0: "richieste"}
    # a label that is no count: a time, those present at a meeting
    assert counts("Edizione delle ore 19:30") == {}
    assert counts("Presenti: 9.") == {}


def test_a_population_word_of_another_count_is_not_this_counts():
    assert counts("The scheme reached 860 residents through 35 evening sessions.") == {
        860.0: "residenti", 35.0: "incontri"}  # fmt: skip
    assert counts("Al 1° gennaio 2024 risiedevano in città 3.100 cittadini stranieri.") == {}


def test_a_part_of_a_population_is_a_population():
    assert counts("Il paese conta circa 9.800 abitanti, di cui 760 stranieri.") == {}
    assert counts("Some 22 residents volunteered to paint the school.") == {22.0: "residenti"}


def test_a_part_named_before_its_whole_counts_the_whole_s_noun():
    assert counts("Hanno trovato un impiego 44 dei 70 partecipanti al percorso.") == {44.0: "partecipanti"}
    assert counts("Of the 25 flats, 21 are now let to refugee families.") == {
        21.0: "housing_units", 25.0: "housing_units"}  # fmt: skip


def test_english_service_nouns_take_the_network_s_italian_nouns():
    assert counts("The desk booked 940 appointments for 610 individuals.") == {940.0: "appuntamenti", 610.0: "people"}
    assert counts("The shelter offered 30 bed places to 52 pupils.") == {30.0: "beds", 52.0: "alunni"}


def test_spoken_counts_after_a_clitic_in_words_and_a_label_without_another_count():
    assert counts("Abbiamo seguito 40 famiglie, ne abbiamo sistemate dodici in case in affitto.") == {
        40.0: "families", 12.0: "families"}  # fmt: skip
    assert counts("Ne abbiamo parlato tre volte con il prefetto.") == {}
    from knowledge.figures import figures

    labels = {f.value: f.label for f in figures("Lo sportello ha registrato 1.900 accessi e 640 primi colloqui.")}
    assert labels[640.0] == "primi colloqui che ha registrato"


def test_a_part_after_di_cui_told_by_a_participle_is_a_part_of_the_count_before():
    from knowledge.figures import figures

    found = {f.value: (f.unit, f.label) for f in figures("Sono arrivate 52 domande di contributo, di cui 37 accolte.")}
    assert found[37.0] == ("domande", "domande accolte")
    assert counts("Sono stati avviati 15 tirocini, di cui 8 conclusi con un'assunzione.") == {
        15.0: "tirocini", 8.0: "tirocini"}  # fmt: skip


def test_a_rule_per_unit_or_a_ceiling_is_no_count():
    assert counts("Per ogni appartamento sono previsti 3 posti letto.") == {}
    assert counts("Ogni mediatore segue al massimo 20 casi.") == {}
    # a ceiling said with "massimo" alone: how many at a time, not how many came
    assert counts("La sala studio riapre con ingressi contingentati: massimo 25 persone alla volta.") == {}
    # what each flat holds is a count of the flats' beds (the corpus gold counts it)
    assert counts("Sono stati aperti 3 appartamenti con 4 posti letto ciascuno.") == {
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


def test_minutes_and_interviews():
    # who attended the meeting is no figure of the practice; what was reported at it is
    assert counts("Presenti: 9 componenti; assenti: 2.") == {}
    assert counts("Alla riunione del tavolo erano presenti 14 persone.") == {}
    assert counts("La referente riferisce che sono stati firmati 12 nuovi contratti di affitto.") == {12.0: "contratti"}
    # spoken: a clitic of people with no count before it, numbers in words with a pronoun
    assert counts("Da gennaio ne sono passate più di trecento dal centro.") == {300.0: "people"}
    assert counts("Abbiamo seguito 41 minori; diciotto di loro vanno a scuola.") == {41.0: "minors", 18.0: "minors"}
    # what a city has is no figure of the practice
    assert counts("In città ci sono almeno 700 alloggi sfitti.") == {}


def test_the_parts_of_a_city_or_of_a_document_are_no_counts():
    assert counts("Sono attivi 3 sportelli decentrati in 3 quartieri.") == {3.0: "sportelli"}
    assert counts("Il rapporto si compone di 5 capitoli e 3 allegati.") == {}


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

    found = [
        (f.value, f.unit, f.label)
        for f in read(
            "Tra le persone prese in carico, 61 sono state accompagnate a un corso e 34 hanno ottenuto un contratto."
        )
    ]
    assert [(v, u) for v, u, _ in found] == [(61.0, "people"), (34.0, "people")]
    assert found[1][2].startswith("persone che hanno ottenuto")  # the bare count before lends its unit's label
    assert read("Tra i comuni della provincia, 12 hanno aderito.") == []  # places are no count


def test_an_organisations_own_members_and_workers_are_not_what_it_did():
    assert counts("A fine anno la cooperativa conta 90 soci e 140 lavoratori, per il 60% donne.") == {}
    assert counts("Nel distretto lavorano oltre 5.000 addetti, in gran parte pendolari.") == {}
    # workers the practice housed or trained are its figures
    assert counts("La foresteria ha ospitato 31 lavoratori stagionali.") == {31.0: "lavoratori stagionali"}
    assert counts("Sono 40 i dipendenti comunali che hanno frequentato il corso.") != {}
    # the members of a body the practice set up are what it did
    assert counts("The new council of foreign citizens counts 12 members.") == {12.0: "members"}
    assert counts("La consulta dei nuovi cittadini conta 15 soci.") == {15.0: "soci"}


def test_a_number_in_words_opening_a_sentence_is_a_count_when_a_verb_follows_in_its_clause():
    # Italian does not open a sentence with digits: the number is written out there
    assert counts("Sette ospiti, dopo il periodo in foresteria, hanno trovato un alloggio in affitto.") == {
        7.0: "ospiti"}  # fmt: skip
    assert counts("Cinque aree verdi sono state adottate dal gruppo.") == {5.0: "aree"}
    # a headline without a verb in its clause, a time, one thing, about that many, and small numbers elsewhere
    for sentence in (
        "Due solitudini sotto lo stesso tetto: anziani e rifugiati vivono insieme",
        "Dieci anni fa si contavano sulle dita i camini accesi.",
        "Un appartamento è dotato di un impianto.",
        "Two dozen people a month were referred to the night shelters.",
        "Le due sedi sono aperte.",
    ):
        assert counts(sentence) == {}, sentence


def test_who_waits_others_statistics_and_migration_flows_are_not_figures_and_nationalities_count_persons():
    from knowledge.figures import figures
    from knowledge.unit_table import reading_key as unit_key  # the rules' reading of units

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


def test_a_count_stated_after_its_subject_then_a_verb_joined_by_e():
    from knowledge.figures import figures

    found = figures("In due anni i volontari coinvolti sono stati 58 e hanno aiutato alla festa.")
    assert [(f.value, f.label) for f in found] == [(58, "volontari coinvolti")]
    assert [f.value for f in figures("I posti sono 12 e 4 di questi per donne sole.")] != [12, 12]


def test_an_adverb_after_the_number_is_no_noun_and_the_part_keeps_the_whole_s():
    assert counts("Sono arrivate 164 domande di iscrizione, di cui 131 già accolte.") == {
        164.0: "domande", 131.0: "domande"}  # fmt: skip
    assert counts("Sono arrivate 80 richieste, di cui 52 ancora aperte.") == {80.0: "richieste", 52.0: "richieste"}


def test_a_part_of_a_sum_of_money_is_money_not_a_count_of_its_participle():
    assert counts("Il progetto costa 80.000 euro fino al 2027, di cui 20.000 stanziati dal Comune.") == {}
    assert counts("Il budget è di € 45.000, di cui 9.000 coperti dalla Fondazione e 6.000 versati dai partner.") == {}
    # a count between the sum and its part is the whole
    assert counts("Con 5.000 euro sono stati aperti 8 alloggi, di cui 5 arredati.") == {
        8.0: "housing_units", 5.0: "housing_units"}  # fmt: skip


def test_a_count_whose_verb_is_left_out_before_its_object_borrows_the_noun_before_it():
    assert counts("Con il progetto 30 ragazzi hanno ottenuto un tirocinio in azienda e 12 un contratto di lavoro.") == {
        30.0: "ragazzi", 12.0: "ragazzi"}  # fmt: skip
    assert counts("Il servizio ha accolto 40 persone e 3 una volta sola.") == {40.0: "people"}


def test_a_group_just_named_and_taken_up_is_what_its_part_counts():
    from knowledge.figures import figures

    found = {f.value: f.unit for f in figures("Of these trainees, 17 were then hired by local firms.")}
    assert found == {17.0: "tirocinanti"}
    found = {f.value: f.unit for f in figures("Delle famiglie accolte, 9 hanno firmato un contratto d'affitto.")}
    assert found == {9.0: "families"}


def test_a_small_number_in_words_joined_to_a_count_of_persons_counts_them():
    from knowledge.figures import figures

    text = "Over the two years 18 people have lived in the flats, and six have since moved into a tenancy."
    assert {f.value for f in figures(text)} == {18.0, 6.0}
    text = "Negli alloggi hanno vissuto 18 persone, e sei di loro hanno poi firmato un contratto a proprio nome."
    assert {f.value for f in figures(text)} == {18.0, 6.0}
    assert {f.value for f in figures("Lo sportello ha seguito 40 persone, e tre giorni dopo ha chiuso.")} == {40.0}
    assert {f.value for f in figures("Tre di loro hanno trovato casa.")} == {3.0}  # opening a sentence, as before


def test_a_list_item_is_read_as_the_clause_it_is_without_its_marker():
    # invented: items of a bulleted list, one opening with "di questi," (what the item before counted)
    text = ("I numeri del semestre:\n\n- lo sportello ha seguito 58 persone;\n\n"
            "- di questi, 21 sono stati aiutati a firmare un contratto di lavoro e 8 hanno trovato un alloggio in "
            "affitto;\n\n- 6 artigiani in pensione vengono in bottega come volontari, a turno.")  # fmt: skip
    assert built(text) == {(58.0, "taking_charge"), (21.0, "taking_charge"), (8.0, "housing"),
                           (6.0, "civic_engagement")}  # fmt: skip


def test_a_clitic_ne_with_no_count_before_it_counts_the_event_the_sentence_named():
    # invented: the event named before the clitic, in the plural or the singular
    assert counts("In estate il cortile ospita le feste di strada: quest'anno se ne sono fatte 7.") == {7.0: "feste"}
    assert counts("Ogni mese c'è una cena di quartiere: da marzo ne sono state organizzate 8, sempre piene.") == {
        8.0: "cene"}  # fmt: skip
    assert areas_of("Ogni mese c'è una cena di quartiere: da marzo ne sono state organizzate 8.") == {
        8.0: "community_building"}  # fmt: skip


def test_a_count_between_nouns_each_with_words_of_its_own_counts_them_all():
    # invented: "N tra X del Y, Z della W n. 4 e V": the members of the list named with a complement each
    assert counts("Sono stati formati 27 tra assistenti sociali del Comune, operatori della Zona n. 4 e agenti "
                  "della Polizia locale.") == {27.0: "assistenti sociali"}  # fmt: skip
    assert areas_of("Sono stati formati 27 tra assistenti sociali del Comune e agenti della Polizia locale.") == {
        27.0: "capacity_building"}  # fmt: skip
    assert counts("Il sindaco ha incontrato 5 tra le città più colpite.") == {}


def test_a_target_a_clitic_states_after_what_its_clause_is_about():
    # "per X ..., che ne prevedeva N", "per X ...: se ne attendevano N": the target counts X, said after "per"
    assert counts("Il programma supera l'obiettivo per le famiglie accolte, mentre per i tirocini avviati resta "
                  "sotto: se ne prevedevano 18;") == {18.0: "tirocini"}  # fmt: skip
    assert counts("Rispetto alla convenzione, per le donne seguite dallo sportello il risultato è sotto "
                  "l'obiettivo, che ne prevedeva 60.") == {60.0: "women"}  # fmt: skip
    # ... even after another count: not the serate's
    assert counts("Le serate sono state 4 e per i lavoratori stagionali ospitati negli alloggi, dove se ne "
                  "attendevano 40, i posti non sono bastati.") == {4.0: "serate", 40.0: "lavoratori"}  # fmt: skip
    # the target's area is its noun's: regular contracts are work, not the beds named before them
    assert areas_of("Considerato che i risultati superano quelli attesi per i posti letto e restano sotto per i "
                    "contratti regolari, dove se ne attendevano 16;")[16.0] == "taking_charge"  # fmt: skip


def test_regular_contracts_are_work():
    assert areas_of("Nella casa di via Roma, aperta nel 2025, 9 ospiti hanno firmato contratti regolari.") == {
        9.0: "taking_charge"}  # fmt: skip
    assert areas_of("The flats house 12 people, and 9 signed regular contracts with local firms.")[9.0] == (
        "taking_charge")  # fmt: skip
