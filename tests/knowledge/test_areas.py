"""The area of a count by what it counts, when the taxonomy's service terms are not in its sentence.
Sentences invented for the mechanism."""

import pytest

from knowledge.areas import cue_area, trained_staff
from knowledge.records import RecordBuilder


def area_of(sentence: str, words: str) -> str | None:
    start = sentence.index(words)
    return cue_area(sentence, start, start + len(words))


@pytest.mark.parametrize(
    ("sentence", "words", "area"),
    [
        ("Gli operatori hanno aperto 64 fascicoli personali nel primo semestre.", "64 fascicoli", "taking_charge"),
        ("The team opened 90 case files and followed each one.", "90 case", "taking_charge"),
        ("Il medico volontario ha effettuato 210 visite mediche nel camper.", "210 visite", "taking_charge"),
        ("Al corso serale di italiano si sono iscritti 75 adulti.", "75 adulti", "taking_charge"),
        ("Alle elezioni della consulta hanno votato 300 persone.", "300 persone", "civic_engagement"),
        ("La festa di quartiere ha richiamato 1.500 visitatori, e le cene 40 famiglie.", "40 famiglie",
         "community_building"),
        ("Vi abitano oggi 12 persone, in stanze singole.", "12 persone", "housing"),
        # a night shelter houses people: its places and guests are housing
        ("Il dormitorio di via Verdi ha ospitato 140 persone.", "140 persone", "housing"),
        ("L'accoglienza notturna per donne ha ospitato 85 tra donne e bambini.", "85 tra", "housing"),
        ("The night shelter hosted 60 men over the winter.", "60 men", "housing"),
        # work is taking charge: hirings, vocational courses, the qualification they give
        ("Alla fine del percorso 7 ragazzi sono stati assunti da due officine.", "7 ragazzi", "taking_charge"),
        ("Il corso da pizzaiolo ha formato 15 giovani richiedenti asilo.", "15 giovani", "taking_charge"),
        ("In 11 hanno ottenuto la qualifica professionale di saldatore.", "11 hanno", "taking_charge"),
        # ... not a course for volunteers or staff
        ("Il corso per tutori volontari ha formato 25 cittadini.", "25 cittadini", "civic_engagement"),
        ("Il portale ha registrato 400 visite.", "400 visite", None),
    ],
)  # fmt: skip
def test_what_is_counted_names_the_area(sentence, words, area):
    assert area_of(sentence, words) == area


def test_staff_being_trained_are_capacity_building():
    assert trained_staff("Hanno frequentato il corso 35 educatori dei centri diurni.", "educatori")
    assert trained_staff("Saranno formati 20 mediatori sanitari sull'approccio transculturale.", "mediatori sanitari")
    assert not trained_staff("Lo sportello impiega 6 operatori.", "operatori")
    builder = RecordBuilder()
    records, _ = builder.build("Padova", None, [_passage("Sono stati formati 25 operatori sanitari del consultorio.")],
                               set())  # fmt: skip
    assert [(r.area, [f.value for f in r.figures]) for r in records if r.figures] == [("capacity_building", [25])]


def _passage(text: str):
    from knowledge.records import Passage

    return Passage("doc:0", text, {"doc_id": "doc", "doc_type": "report", "city": "Padova"})


def _areas(text: str, doc_type: str = "report") -> dict[float, str]:
    from knowledge.records import Passage

    passage = Passage("doc:0", text, {"doc_id": "doc", "doc_type": doc_type, "city": "Padova"})
    records, project = RecordBuilder(area_chooser=None).build("Padova", None, [passage], set())  # the rules alone
    found = {f.value: r.area for r in records for f in r.figures}
    return found | {f.value: None for f in project.figures}


def test_a_unit_or_a_counted_noun_that_names_its_area_keeps_it():
    # "preso in carico" is the nearest term, but flats are housing and contacts are taking charge
    assert _areas("Per chi è preso in carico il Comune ha attivato 3 appartamenti di transizione.")[3] == "housing"
    assert _areas("The team made 900 contacts with people sleeping rough or in informal accommodation.")[900] == (
        "taking_charge"
    )


def test_a_numbered_heading_run_into_a_joined_pdf_passage_opens_its_section():
    text = (
        "1. Summary The city joined the network in 2024. 3. Housing The City leases flats from the public company. "
        "Over the year 44 people were hosted there. 4. Community building The project worked with the parish. "
        "A homework club has had 37 children enrolled."
    )
    found = _areas(text)
    assert found[44] == "housing" and found[37] == "community_building"


def test_taxonomy_terms_match_across_hyphens_and_spaces():
    from lgnet.taxonomy import Taxonomy

    taxonomy = Taxonomy.default()
    assert "taking_charge" in taxonomy.classify("The one-stop shop opened in May.")
    assert "taking_charge" in taxonomy.classify("The one stop-shop opened in May.")


def test_after_a_count_its_own_segment_speaks_before_the_next_one():
    text = (
        "Since May, 30 residents have joined the neighbourhood council as delegates, and a women's group counts "
        "about 50 regular participants, from sewing workshops to conversation classes."
    )
    found = _areas(text)
    assert found[30] == "civic_engagement"  # the council of its own segment, not the workshops further on
    assert found[50] == "community_building"  # no cue of its own: the workshops after it, before the clause's cue
    assert _areas("Il progetto ha coinvolto 14 incontri di comunità nelle contrade.")[14] == "community_building"


def test_a_count_without_its_noun_goes_on_in_the_area_of_the_sentence_before():
    text = (
        "Lo sportello ha preso in carico 64 persone con un progetto individuale. "
        "Per 27 di loro il percorso si è concluso con esito positivo."
    )
    assert _areas(text, doc_type="press_article")[27] == "taking_charge"
    alone = "Per 27 di loro il percorso si è concluso con esito positivo."
    assert _areas(alone, doc_type="press_article")[27] is None


def test_a_practice_report_declares_its_main_area():
    text = (
        "Scheda buona pratica\n\nAmbito tematico: community building e impegno civico\n\n"
        "Risultati\n\nNel 2024 lo spazio ha registrato 1.200 passaggi e 300 richieste di servizio."
    )
    found = _areas(text, doc_type="practice_report")
    assert found[1200] == found[300] == "community_building"
    assert _areas(text, doc_type="press_article")[1200] is None  # an article speaks of the whole project


def test_a_sentence_s_cues_are_scanned_once_for_all_its_counts(monkeypatch):
    import knowledge.areas as areas

    scans: list[str] = []

    class Counted:
        def __init__(self, area: str, pattern) -> None:
            self.area, self.pattern = area, pattern

        def finditer(self, sentence, start, end):
            scans.append(self.area)
            return self.pattern.finditer(sentence, start, end)

    monkeypatch.setattr(areas, "_CUE", {a: Counted(a, p) for a, p in areas._CUE.items()})
    sentence = (
        "Nel rione sono nati 14 incontri di comunità, e 26 volontari hanno seguito 40 famiglie "
        "nella ricerca di una casa."
    )
    spans = [(sentence.index(w), sentence.index(w) + len(w)) for w in ("14 incontri di comunità", "26 volontari")]
    asked = [(areas.own_cue(sentence, *s), areas.cue_area(sentence, *s)) for s in spans]
    assert asked == [("community_building", "community_building"), ("civic_engagement", "civic_engagement")]
    assert sorted(scans) == sorted(set(scans))  # each area's cues scanned once over the whole sentence
