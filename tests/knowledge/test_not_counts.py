"""Numbers that are no practice's count, by how the sentence says them: people landing by sea told by their verb,
a sentence that opens as a comparison, a body's own members and workers listed after "conta" and their parts.
Sentences invented for the mechanisms."""

from knowledge.figures import figures


def _values(sentence: str) -> set[float]:
    return {f.value for f in figures(sentence)}


def test_people_landing_by_sea_are_a_flow_unless_a_service_took_them_in():
    assert _values("Most of them reach the port of Pozzallo, where 1,840 people disembarked last year.") == set()
    assert _values("Nel 2024 nel porto di Crotone sono sbarcate oltre 2.300 persone.") == set()
    assert _values("Lo sportello ha accolto 140 persone sbarcate a Crotone.") == {140}
    assert _values("The desk helped 320 people who had landed in Calabria.") == {320}


def test_a_sentence_that_opens_as_a_comparison_speaks_of_another_service():
    assert _values("Per confronto, lo sportello di Novi Ligure ha seguito circa 450 persone nel 2024.") == set()
    assert _values("By comparison, the county's own desk followed 900 people.") == set()
    assert _values("Lo sportello ha seguito 450 persone, il doppio rispetto al confronto con il 2023.") == {450}


def test_a_body_s_members_and_workers_listed_after_conta_and_their_parts():
    assert _values("A fine anno conta 96 soci, 131 lavoratori (di cui 27 svantaggiati) e tre sedi.") == set()
    assert _values("La cooperativa conta 40 soci e ha accolto 60 persone.") == {60}


def test_an_organisation_named_in_a_comparison_is_no_partner():
    from knowledge.partners import partners

    assert partners("Per confronto, il CPIA di Novi Ligure ha avuto circa 300 iscritti.", "Sale") == []
    # the contrast: the same body named as the practice's partner (a body only holding the course is none, 972b69a)
    named = partners("Il corso è organizzato in collaborazione con il CPIA di Novi Ligure.", "Sale")
    assert [p.name for p in named] == ["CPIA di Novi Ligure"]


def test_jobs_a_body_is_looking_for_and_a_daily_rate_are_no_counts():
    assert _values("Nei prossimi mesi il mercato ortofrutticolo cerca almeno 150 nuovi addetti.") == set()
    assert _values("I volontari aiutano a distribuire 90 pasti al giorno alla mensa.") == set()
    assert _values("Lo sportello ha seguito 300 persone, aperto ogni giorno.") == {300}


def test_persons_said_to_sleep_or_live_where_no_one_should_are_the_need_not_a_count():
    from knowledge.figures import figures

    assert figures("Secondo il sindacato almeno 250 braccianti dormono ancora nelle baracche della piana.") == []
    assert figures("The survey team estimate that 150 seasonal workers lived in abandoned farmhouses.") == []
    assert figures("A marzo i servizi avevano contato 17 persone che dormivano in macchina.") == []
    # whom a service met there, or its contacts with them, are its counts
    assert [f.value for f in figures("L'unità di strada ha incontrato 90 persone che dormono in strada.")] == [90]
    assert [f.value for f in figures("The team made 640 contacts with people sleeping rough.")] == [640]


def test_someone_else_s_estimate_of_the_place_is_no_count():
    assert _values("La Provincia stima che nelle campagne lavorino almeno 1.200 braccianti.") == set()
    assert _values("Secondo una stima della Regione, nel settore mancano almeno 500 autisti.") == set()
    assert _values("Secondo un'indagine della Caritas diocesana, 400 famiglie vivono in case sovraffollate.") == set()
    assert _values("The Province estimates that some 2,000 seasonal workers arrive every year.") == set()
    assert _values("Il progetto stima che 300 persone abbiano usato lo sportello.") == {300}
    assert _values("Lo sportello ha preso in carico 140 persone, secondo i registri del progetto.") == {140}


def test_a_part_named_after_its_number_is_what_its_whole_is():
    assert _values("Nel comune risiedono circa 9.000 persone, 700 delle quali straniere.") == set()
    assert _values("The town has about 14,000 inhabitants, 1,300 of whom are foreign nationals.") == set()
    assert _values("Il progetto ha accolto 30 persone, 12 delle quali donne.") == {30, 12}


def test_a_month_s_payment_is_money_not_a_count():
    assert _values("Il fondo di garanzia ha coperto 8 mensilità non pagate, senza alcuno sfratto.") == set()
    assert _values("Il fondo ha aiutato 8 famiglie a pagare le mensilità arretrate.") == {8}


def test_the_state_s_offices_in_the_province_count_their_own_figures():
    # invented: the prefecture or the police headquarters as the subject or the source of a count's clause
    assert _values("Lo sportello ha seguito 75 persone; la Questura di Rieti, che nel 2024 ha rilasciato in provincia "
                   "oltre 1.900 permessi, siede al tavolo.") == {75}  # fmt: skip
    assert _values("The prefecture's reception centres in the valley host around 340 asylum seekers.") == set()
    assert _values("Nei centri della provincia sono ospitate circa 410 persone, secondo la Prefettura.") == set()
    # ... not where the project's people are accompanied
    assert _values("Le operatrici hanno accompagnato in Questura 28 persone per il rinnovo del permesso.") == {28}
    assert _values("Di queste, 17 sono state accompagnate presso la Questura di Rieti.") == {17}


def test_a_part_of_a_population_said_about_that_many_is_a_population():
    assert _values("Il paese conta circa 21.000 abitanti, di cui poco meno di 2.100 stranieri.") == set()
    assert _values("The town has 20,000 residents, of whom nearly 1,300 are foreign nationals.") == set()
    assert _values("Lo sportello ha seguito 140 persone, di cui circa 60 donne.") == {140, 60}


def test_a_workforce_employed_in_the_past_is_no_count_of_the_practice():
    assert _values("Secondo l'azienda, i suoi stabilimenti hanno impiegato in estate circa 450 dipendenti.") == set()


def test_a_study_s_sources_drawn_on_are_no_counts():
    # invented: how a review was written, in other words than "based on"
    assert _values("The report draws on the desk's records, 31 interviews and three focus groups.") == set()
    assert _values("This evaluation was written from the monitoring data and 26 interviews with tenants.") == set()
    assert _values("Lo studio raccoglie 18 interviste e due focus group con le famiglie.") == set()
    assert _values("The desk held 90 interviews with tenants.") == {90}


def test_the_practice_s_rooms_that_people_have_lived_in_are_counts_a_city_s_stock_is_not():
    # invented: "ci sono" of the practice's own housing, then who has lived there since
    assert _values("Nella vecchia scuola ci sono 7 stanze e da maggio ci hanno abitato 15 lavoratori.") == {7, 15}
    assert _values("Abbiamo aperto una casa: ci sono 4 posti e finora vi sono state accolte 11 persone.") == {4, 11}
    # ... a city's stock, where people live now, stays what the place has
    assert _values("In paese ci sono 120 alloggi popolari, in cui vivono circa 300 famiglie.") == {300}
