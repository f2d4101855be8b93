"""Figure mechanisms read over a whole document: results, targets and areas kept apart, headlines restating
counts, other cities and earlier phases, one fact stated twice. Sentences invented here (split from
test_figure_mechanisms.py, assertions unchanged)."""

from knowledge.records import Passage, RecordBuilder
from tests.knowledge.figure_text import areas_and_figures, built


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


def test_houses_are_housing_units_and_one_count_of_them():
    from knowledge.figures import figures

    assert [(f.value, f.unit) for f in figures("Il Comune ha recuperato 7 case sfitte del borgo.")] == [
        (7, "housing_units")]  # fmt: skip
    assert [f.unit for f in figures("The desk opened 156 individual case files.")] != ["housing_units"]
    text = "Il Comune affitta 6 abitazioni del centro storico. A fine progetto ci aspettiamo 6 case di nuovo abitate."
    assert [f.value for f in areas_and_figures(text)] == [6]


def test_counts_of_cities_abroad_of_other_cities_and_of_an_earlier_phase_are_not_the_records():
    text = ("Il centro di Lucca ha accolto 84 persone nel 2025. Other network cities chose other paths: 230 people "
            "took part in their festivals. Lione (Francia) ha formato 120 volontari, mentre lo sportello di Lucca ha "
            "seguito 315 persone.")  # fmt: skip
    assert {v for v, _ in built(text)} == {84}  # Lione's clause runs to the sentence's end: 315 is lost with it
    text = ("Lo sportello ha preso in carico 412 persone. Con LGNet2 avevamo accolto circa 95 persone in albergo. "
            "In continuità con LGNet2, sono state coinvolte 60 persone nella cura dei giardini.")  # fmt: skip
    assert {v for v, _ in built(text, phase="LGNet3")} == {412, 60}


def test_persons_under_two_nouns_in_one_area_are_one_figure_and_a_sum_is_no_count():
    text = ("Trentadue giovani formati come cuochi. Il corso da cuoco ha formato 32 ragazzi titolari di protezione. "
            "EUR 45,000 comes from the region.")  # fmt: skip
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "press_article", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    values = [f.value for r in records for f in r.figures] + [f.value for f in project.figures]
    assert values == [32]


def test_a_headline_restating_a_count_of_its_text_in_another_area_yields_to_the_text():
    text = ("Un anno di sportello: 410 persone seguite dallo sportello e 37 famiglie uscite dal sovraffollamento\n\n"
            "Lo sportello di via Roma ha preso in carico 410 persone. Il progetto ha aiutato 37 famiglie a lasciare un "
            "alloggio sovraffollato con un contributo per la caparra.")  # fmt: skip
    found = built(text, doc_type="press_article")
    assert (37, "housing") in found and (37, "taking_charge") not in found
    assert (410, "taking_charge") in found


def test_a_count_restated_in_persons_after_a_comma_is_one_fact_and_what_a_project_aims_at_is_a_target():
    from knowledge.figures import figures

    found = figures("Trentuno contratti di affitto in due anni, 31 famiglie che hanno trovato casa.")
    assert [(f.value, f.unit) for f in found] == [(31, "families")]
    both = figures("Il Comune ha recuperato 9 case e oggi vi abitano 9 famiglie.")  # two facts, not a restatement
    assert sorted(f.unit for f in both) == ["families", "housing_units"]
    p = Passage(
        "d:0",
        "Il progetto si propone di raggiungere almeno 240 cittadini stranieri entro il 2027.",
        {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"},
    )
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    labels = [f.label for r in records for f in r.figures] + [f.label for f in project.figures]
    assert len(labels) == 1 and "obiettivo" in labels[0]
    # a meeting's proposal stays no figure
    p = Passage(
        "d:0",
        "Il tavolo propone di aprire un secondo appartamento con 5 posti letto.",
        {"doc_id": "d", "doc_type": "minutes", "city": "Lucca"},
    )
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    assert not [f for r in records for f in r.figures] and not project.figures


def test_a_headline_count_the_text_restates_under_another_noun_yields_to_it():
    text = ("Dallo sportello 45 contratti per i braccianti\n\nNel 2025 lo sportello ha seguito 120 lavoratori. "
            "Di questi, 45 hanno firmato un contratto di lavoro con le aziende della zona.")  # fmt: skip
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "press_article", "city": "Latina", "chunk_index": 0})
    records, project = RecordBuilder(area_chooser=None).build("Latina", None, [p], set())
    found = {(f.value, f.unit) for r in [*records, project] for f in r.figures}
    assert (45, "people") in found  # the persons who signed, as the text says
    assert (45, "contratti") not in found  # the headline's contracts are the same fact
