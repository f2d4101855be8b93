"""Counts of any noun become figures with their label; numbers that name, date or describe a place do not.
Sentences invented for the mechanism (never copied from the unseen set)."""

import pytest

from knowledge.figures import english_heads, figures


def found(sentence: str) -> dict[float, str]:
    return {f.value: f.unit for f in figures(sentence)}


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Nel primo anno sono stati aperti 58 fascicoli personali e 312 contatti.", 58, "fascicoli personali"),
        ("Nel primo anno sono stati aperti 58 fascicoli personali e 312 contatti.", 312, "contatti"),
        ("Lo sportello ha impiegato 9 mediatori culturali per tutto il progetto.", 9, "mediatori culturali"),
        ("Sono state svolte 2.400 ore di mediazione linguistica nelle scuole.", 2400, "ore"),
        ("Il centro resta aperto 25 ore settimanali, anche il sabato.", 25, "ore settimanali"),
        ("La permanenza media nelle case di sgancio è stata di 3 mesi.", 3, "mesi"),
        ("The help desk logged 275 requests and trained 14 volunteers.", 275, "richieste"),
        ("The help desk logged 275 requests and trained 14 volunteers.", 14, "volontari"),
        ("Hanno partecipato agli incontri 48 nuove famiglie del quartiere.", 48, "families"),
    ],
)
def test_any_counted_noun_is_a_figure(sentence, value, unit):
    assert found(sentence).get(value) == unit


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le domande vanno presentate entro 45 giorni dalla pubblicazione del bando.", 45),
        ("Il progetto è durato 18 mesi in tutto.", 18),
        ("Nel 2023 il servizio ha cambiato sede.", 2023),
        ("Chiamare il numero verde, tel. 0871 223344, dal lunedì al venerdì.", 871),
        ("La sede è in via Giuseppe Mazzini 27 persone permettendo.", 27),
        ("Come prevede l'art. 14 delle linee guida, i fondi sono vincolati.", 14),
        ("Nel quartiere vivono circa 4.200 persone di origine straniera.", 4200),
        ("Gli stranieri residenti in città sono circa 9.100 cittadini.", 9100),
        ("La riunione si è tenuta il 12 novembre scorso in municipio.", 12),
        ("Vedi a pagina 34 persone e servizi coinvolti.", 34),
        ("Il tasso di occupazione degli alloggi è salito al 85% degli spazi.", 85),
        ("Dei 300 contatti registrati allo sportello, 60 persone sono state accolte.", 300),
        ("Sul territorio sono presenti 14 biblioteche comunali.", 14),
        ("Giovani tra i 18 e i 25 anni hanno preso parte alle attività.", 25),
        ("La delibera n. 112 approva il piano delle attività.", 112),
    ],
)
def test_numbers_that_are_not_counts(sentence, value):
    assert value not in found(sentence)


def test_a_counted_noun_keeps_its_label_from_its_own_sentence():
    (fact,) = figures("Nel 2024 sono state aperte 41 nuove schede sociali.")
    assert fact.unit == "schede sociali"
    assert "schede sociali" in fact.label
    (hours,) = figures("Sono state erogate 640 ore di orientamento al lavoro.")
    assert hours.label == "ore di orientamento erogate"


def test_the_known_units_are_kept():
    assert found("In totale 120 persone hanno trovato casa e sono stati attivati 30 posti letto.") == {
        120: "people", 30: "beds"}  # fmt: skip


def test_a_participle_after_a_number_is_not_a_noun():
    # after "di cui" the participle says what the part of the count before is: a count of that noun, never of
    # "conclusi"; without a count before, a participle counts nothing
    sentence = "Sono stati avviati 11 tirocini, di cui 4 conclusi con un contratto."
    assert found(sentence) == {11: "tirocini", 4: "tirocini"}
    assert found("Dei tirocini avviati, 4 conclusi con un contratto.") == {}


def test_a_count_of_the_first_noun_is_not_taken_by_a_later_unit():
    assert found("Lo sportello ha contato 230 accessi di cittadini stranieri.") == {230: "accessi"}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("L'obiettivo è che il cento per cento delle famiglie seguite abbia un medico di base.", 100),
        ("Nel quartiere risiedevano circa 3.100 cittadini stranieri alla fine del 2021.", 3100),
        ("Padova, a city of about 210,000 people, funds the service with its own budget.", 210000),
        ("Padova, a city of about 210,000 people, funds the service with its own budget.", 210),
    ],
)
def test_shares_and_sizes_of_places_are_not_counts(sentence, value):
    assert value not in found(sentence)


def test_english_thousands_are_read_as_thousands():
    assert found("The desk registered 2,415 requests in its first year.") == {2415: "richieste"}


def test_small_numbers_in_words_and_known_things_are_not_counts():
    assert found("Altre 14 persone sono ospitate in due appartamenti del Comune.") == {14: "people"}
    assert 4 not in found("I quattro alloggi della cooperativa sono tutti occupati.")


def test_a_capitalised_word_after_a_number_opens_the_next_cell():
    assert 45 not in found("Indicatore | Valore Persone orientate | 45 Famiglie accolte | 12")


def test_counts_stated_with_essere_and_with_a_thousands_separator():
    assert found("Sono 35 i tirocinanti che hanno concluso il percorso.") == {35: "tirocinanti"}
    assert found("La rassegna ha richiamato circa 1.900 spettatori.") == {1900: "spettatori"}
    assert 2024 not in found("Nel 2024 gli sportelli erano aperti.")


def test_a_street_name_is_capitalised_and_a_study_method_is_no_result():
    assert found("Il centro di via Verdi ha accolto 52 ospiti nel primo anno.") == {52: "ospiti"}
    assert 8 not in found("Il centro si trova in via Verdi 8 ospiti a parte.")
    assert 20 not in found("The review is based on 20 interviews with managers.")


def test_a_count_whose_noun_was_just_said():
    facts = {
        (f.value, f.unit): f.label for f in figures("Il corso ha avuto 60 iscritti; 41 di loro hanno superato l'esame.")
    }
    assert facts[(41, "people")].startswith("persone che hanno superato")
    assert (12, "volontari") in {
        (f.value, f.unit) for f in figures("Sono arrivati 30 volontari, di cui 12 sono rimasti.")
    }
    assert [(f.value, f.unit) for f in figures("Di questi, 75 sono stati accompagnati al consultorio.")] == [
        (75, "people")
    ]
    assert [f.value for f in figures("Sono stati aperti 20 laboratori; 9 si sono trasformati in corsi.")] == [20]


def test_residents_who_took_part_are_counted_and_a_population_is_not():
    assert found("La festa ha richiamato circa 250 partecipanti, in gran parte residenti.") == {250: "partecipanti"}
    assert found("Un gruppo di 9 donne già residenti da anni sarà formato come tutor.") == {9: "women"}
    assert 5200 not in found("Nel rione risiedono 5.200 persone, molte di origine straniera.")


def test_a_pronoun_of_people_needs_no_verb_and_stands_for_the_people_counted_first():
    facts = {(f.value, f.unit) for f in figures("Per 18 di loro il percorso si è chiuso con un contratto.")}
    assert facts == {(18, "people")}
    facts = {(f.value, f.unit) for f in figures("Hanno trovato casa 35 persone, 12 delle quali con un contributo.")}
    assert facts == {(35, "people"), (12, "people")}
    # "di loro" after a count of families counts families
    sentence = "Sono rientrate 40 famiglie, per un totale di 120 persone; per 15 di loro il Comune ha pagato."
    assert (15, "families") in {(f.value, f.unit) for f in figures(sentence)}


def test_a_count_that_only_follows_another_elliptic_count_borrows_its_noun():
    facts = {
        (f.value, f.unit) for f in figures("Per 30 di loro è stato rinnovato il permesso, e 21 hanno trovato lavoro.")
    }
    assert facts == {(30, "people"), (21, "people")}


def test_a_reflexive_count_is_people_only_after_a_partitive():
    sentence = "Dei 50 ragazzi seguiti dal centro 14 si sono iscritti al gruppo dei volontari."
    assert [(f.value, f.unit) for f in figures(sentence)] == [(14, "people")]
    assert [f.value for f in figures("Sono stati aperti 20 laboratori; 9 si sono trasformati in corsi.")] == [20]


def test_english_counted_nouns_take_the_networks_italian_noun_and_keep_the_english_label():
    from knowledge.figure_facts import unit_labels

    facts = {(f.value, f.unit) for f in figures("The desk held 12 information meetings and recorded 2,870 visits.")}
    assert facts == {(12, "incontri"), (2870, "accessi")}
    assert {(f.value, f.unit) for f in figures("The team made 900 contacts with people sleeping rough.")} == {
        (900, "contatti")
    }
    assert [(f.value, f.unit) for f in figures("It registered 410 first contacts.")] == [(410, "primi contatti")]
    assert unit_labels("accessi") == ("accessi", "visits") and unit_labels("beds") == ("posti letto", "beds")


def test_people_living_in_the_flats_of_a_practice_are_no_population():
    assert {f.value for f in figures("Over two years 64 people have lived in them.")} == {64}
    assert figures("About 4,000 people live in the district.") == []


def test_a_span_of_months_is_no_duration_figure_and_a_participle_is_no_part_of_the_unit():
    sentence = "Nei 24 mesi del progetto 58 persone sono state accolte, con una permanenza media di 7 mesi."
    assert found(sentence) == {58: "people", 7: "mesi"}
    assert {(f.value, f.unit) for f in figures("Nelle 9 case recuperate abitano oggi 23 persone.")} == {
        (9, "housing_units"),  # houses are housing units, "recuperate" no part of the unit
        (23, "people"),
    }


def test_residents_who_joined_count_and_a_population_word_further_on_does_not_stop_a_count():
    assert found("Sono 35 i nuovi residenti, quasi tutti giovani, che si sono iscritti all'associazione.") == {
        35: "residenti"
    }
    sentence = "Sono stati firmati 10 patti di collaborazione con gruppi di residenti per la cura del giardino."
    assert found(sentence) == {10: "patti"}
    assert 2950 not in found("Al 1° gennaio risiedevano in città 2.950 cittadini stranieri.")
    assert 4200 not in found("Nel quartiere vivono 4.200 residenti stranieri.")


def test_a_count_of_two_nouns_and_a_survey_sample():
    assert found("Sono stati formati 35 tra dipendenti comunali e agenti della Polizia municipale.") == {
        35: "dipendenti comunali"
    }
    assert 5 not in found("Il progetto coinvolge 5 tra le città più grandi.")
    assert found("The evaluator's survey of 120 users found that most would come back.") == {}


def test_a_measure_is_no_count_and_a_capitalised_word_opens_the_next_cell():
    assert found("Il giardino è un prato di circa 4.000 metri quadrati.") == {}
    assert found("Patti sottoscritti | 10 Residenti stranieri coinvolti | 60") == {}


def test_an_english_noun_after_its_modifiers():
    sentence = "On training, 28 municipal and health-service staff completed the course with their tutors."
    assert [(f.value, f.unit) for f in figures(sentence)] == [(28, "operatori")]
    sentence = "The desk opened 156 individual case files and waited 6 days on average for the first interview."
    assert {(f.value, f.unit) for f in figures(sentence)} == {(156, "cartelle"), (6, "giorni")}
    # an Italian sentence is read by the Italian rules only
    assert english_heads("Il Comune ha seguito 28 nuovi e vecchi utenti.") == []


def test_a_count_stated_as_the_predicate_of_its_noun():
    sentence = "Le persone accompagnate alla scelta del medico di base sono state 96."
    assert [(f.value, f.unit) for f in figures(sentence)] == [(96, "people")]
    assert [(f.value, f.unit) for f in figures("I posti letto attivati nel dormitorio sono 30.")] == [(30, "beds")]
    assert [(f.value, f.unit) for f in figures("Gli iscritti al corso serale erano 45.")] == [(45, "iscritti")]
    assert figures("Le riunioni si sono tenute nel 2024.") == []
