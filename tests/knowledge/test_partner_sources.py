"""Organisations named beside a project in roles that are no partnership, and an English partner named with its kind
after it: whose data a sentence quotes ("Secondo i dati della Caritas X"), who an evaluation is entrusted to ("La
valutazione è stata affidata all'Università di X"), who supports the project ("Il progetto è sostenuto dalla
Fondazione X"), "in partnership with the X social cooperative", and an attendance list's bodies in brackets after
their people ("Anna Neri (X social cooperative)"). Texts invented here."""

from knowledge.partners import partners


def _names(text: str) -> list[str]:
    return [p.name for p in partners(text, "Pontelungo")]


def test_whose_data_a_sentence_quotes_is_no_partner():
    assert _names("Secondo i dati della Caritas diocesana di Pontelungo, in città dormono in strada 80 persone.") == []
    assert _names("According to the Caritas of Pontelungo, 80 people sleep rough in the town.") == []
    # ... while who runs the service is
    assert _names("Lo sportello è gestito dalla Caritas diocesana di Pontelungo.") == [
        "Caritas diocesana di Pontelungo"
    ]


def test_who_an_evaluation_is_entrusted_to_is_no_partner():
    assert _names("La valutazione è stata affidata all'Università di Pontelungo.") == []
    assert _names("The evaluation was carried out by the University of Pontelungo.") == []
    # ... what else is entrusted is a partner's: the service, or the search for flats
    assert _names("Lo sportello è affidato alla cooperativa sociale Il Faggio.") == ["Cooperativa sociale Il Faggio"]
    assert _names("La ricerca delle case è affidata all'Agenzia sociale per la casa di Pontelungo.") == [
        "Agenzia sociale per la casa di Pontelungo"]  # fmt: skip


def test_an_english_partner_named_with_its_kind_after_it():
    found = _names("The project was delivered in partnership with the Il Faggio social cooperative.")
    assert len(found) == 1 and found[0].endswith("Faggio social cooperative")
    assert _names("It was run together with the Amici Lontani association and the parish.") == [
        "Amici Lontani association"]  # fmt: skip


def test_the_project_supported_by_a_body_is_funded_by_it():
    assert _names("Il progetto è sostenuto dalla Fondazione Monte Verde e realizzato dalla cooperativa sociale Il "
                  "Faggio.") == ["Cooperativa sociale Il Faggio"]  # fmt: skip
    # the people it helps supported by a body: that body works in it
    assert _names("Le famiglie sono sostenute dalla cooperativa sociale Il Faggio.") == [
        "Cooperativa sociale Il Faggio"
    ]


def test_an_attendance_list_of_people_with_their_bodies_in_brackets():
    from knowledge.partner_lists import attendees

    minutes = ("Attendees:\n- Anna Neri (Il Faggio social cooperative)\n- Bruno Sala (chair, Amici Lontani "
               "association)\n- Carla Riva (Prefecture of Pontelungo, observer)\n- Dario Neri (coordinatore)\n\n"
               "1. Progress")  # fmt: skip
    found = [p.name for p in attendees(minutes, "Pontelungo")]
    assert len(found) == 2 and found[0].endswith("Faggio social cooperative")
    assert found[1] == "Amici Lontani association"


def test_a_listed_name_whose_relative_clause_says_it_paid_is_a_funder():
    assert _names("Grazie alla Fondazione Monte Verde, che ha finanziato gli arredi, e alla cooperativa sociale Il "
                  "Faggio, che gestisce gli alloggi, 20 famiglie hanno trovato casa.") == [
        "Cooperativa sociale Il Faggio"]  # fmt: skip
