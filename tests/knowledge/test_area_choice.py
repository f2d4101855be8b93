"""The area-choosing hook (knowledge.area_choice): a project's explicit total keeps no area, and the shipped
learned area loads and moves an invented count the way its model says."""

from importlib import resources

from knowledge.area_choice import WEIGHTS, coarse, model_chooser, reason, shipped
from knowledge.area_model import NONE, TOTAL, AreaContext, AreaModel, classes_of, explicit_total, features
from knowledge.figures import FigureFact
from knowledge.records import Passage, RecordBuilder


def _ctx(body: str, words: str, rules: str | None = None, why: str = NONE) -> AreaContext:
    start = body.index(words)
    unit = words.split()[1]
    fact = FigureFact(float(words.split()[0]), unit, unit, words, start, start + len(words))
    return AreaContext(body, fact, rules, why, None, {}, ("doc:0", 0, start))


TOTAL_SENTENCE = "Le attività del progetto hanno coinvolto complessivamente 300 beneficiari nel quartiere."
PLAIN_SENTENCE = "Nel quartiere lo sportello ha seguito 300 beneficiari."


def test_an_explicit_total_is_told_from_a_count_with_no_cue():
    for body in (
        TOTAL_SENTENCE,
        "Sono stati attivati corsi e alloggi, per un totale di 120 persone.",
        "Il servizio ha raggiunto 80 famiglie grazie al progetto.",
        "Overall, 75 people took part.",
    ):
        words = next(w for w in ("300 beneficiari", "120 persone", "80 famiglie", "75 people") if w in body)
        c = _ctx(body, words)
        assert explicit_total(body, c.fact), body
        assert reason(body, c.fact, None, NONE) == TOTAL
        assert reason(body, c.fact, "housing", "section") == "section"  # only a count left without area
    plain = _ctx(PLAIN_SENTENCE, "300 beneficiari")
    assert not explicit_total(PLAIN_SENTENCE, plain.fact)
    assert coarse(plain).why == NONE and coarse(_ctx(TOTAL_SENTENCE, "300 beneficiari")).why == TOTAL


def test_no_model_moves_an_explicit_total_into_an_area():
    classes = classes_of()
    sure = AreaModel(classes, {"word:quarti": [20.0 if c == "community_building" else 0.0 for c in classes]},
                     [0.0] * len(classes), 0.0)  # fmt: skip
    choose = model_chooser(sure)
    assert choose(_ctx(PLAIN_SENTENCE, "300 beneficiari")) == "community_building"
    assert choose(_ctx(TOTAL_SENTENCE, "300 beneficiari")) is None
    assert model_chooser(sure, guard=False)(_ctx(TOTAL_SENTENCE, "300 beneficiari")) == "community_building"


def _records(text: str, chooser: object = "shipped") -> tuple[list[tuple[str, list[float]]], list[float]]:
    passage = Passage("doc:0", text, {"doc_id": "doc", "doc_type": "report", "city": "Padova"})
    records, project = RecordBuilder(area_chooser=chooser).build("Padova", None, [passage], set())  # type: ignore[arg-type]
    return [(r.area, [f.value for f in r.figures]) for r in records], [f.value for f in project.figures]


def test_the_shipped_weights_load_and_move_a_count_the_way_their_model_says():
    with resources.as_file(resources.files("lgnet").joinpath(WEIGHTS)) as path:
        model = AreaModel.load(path)
    choose = shipped()
    assert choose is not None and model.threshold == 0.0 and model.gate == "none"
    body = "Gli iscritti alla scuola serale sono 45."  # no area the rules can read: the whole project's
    start = body.index("45")
    ctx = AreaContext(body, FigureFact(45, "iscritti", "iscritti", "45", start, start + 2), None, NONE, None, {},
                      ("doc:0", 0, start))  # fmt: skip
    said = model.choose(coarse(ctx), features(coarse(ctx)))
    assert said == "taking_charge" and choose(ctx) == said  # an evening school: taking charge, by the network's use
    assert _records(body, None) == ([], [45])
    assert _records(body) == ([("taking_charge", [45])], [])


def test_the_shipped_area_leaves_an_explicit_total_to_the_whole_project():
    assert _records(TOTAL_SENTENCE, None) == ([], [300])
    assert _records(TOTAL_SENTENCE) == ([], [300])
    assert shipped()(_ctx(TOTAL_SENTENCE, "300 beneficiari")) is None  # type: ignore[misc]


def test_a_documents_dominant_area_is_a_prior_the_chooser_weighs_a_heading_is_not():
    lines = [
        "Il Comune ha aperto 6 alloggi ponte.",
        "Gli alloggi sono in centro.",
        "Ogni alloggio ha due stanze.",
        "Le case sono state ristrutturate.",
        "Tra 2023 e 2025 sono stati iscritti 120 partecipanti al percorso.",
    ]
    meta = {"doc_id": "d", "doc_type": "report", "city": "Lucca", "chunk_index": 0}
    seen: dict[float, tuple[str | None, str, str | None]] = {}

    def chooser(ctx):  # records what the rules handed over
        seen[ctx.fact.value] = (ctx.rules, ctx.why, ctx.section)
        return ctx.rules

    RecordBuilder(area_chooser=chooser).build("Lucca", None, [Passage("d:0", " ".join(lines), meta)], set())
    assert seen[120] == (None, "none", "housing")  # no heading: the dominant area is the chooser's to weigh
    records, _ = RecordBuilder(area_chooser=None).build("Lucca", None, [Passage("d:0", " ".join(lines), meta)], set())
    assert any(f.value == 120 for r in records if r.area == "housing" for f in r.figures)  # the rules alone keep it
    headed = "## Inclusione abitativa\n\n" + " ".join(lines)
    RecordBuilder(area_chooser=chooser).build("Lucca", None, [Passage("d:0", headed, meta)], set())
    assert seen[120][:2] == ("housing", "section")  # a heading of one area names the section's


def test_the_project_is_a_total_cue_in_the_count_s_own_segment_and_never_as_a_time():
    for body, words in (("Il progetto ha raggiunto 160 persone in due anni.", "160 persone"),
                        ("Over two years the project reached 160 people.", "160 people")):  # fmt: skip
        assert explicit_total(body, _ctx(body, words).fact), body
    for body, words in (("How the project worked By the end of the project, 90 people had found a job.", "90 people"),
                        ("Entro la fine del progetto saranno accolte 40 famiglie.", "40 famiglie"),
                        ("Il progetto è partito a marzo, e nel quartiere 35 famiglie hanno trovato casa.",
                         "35 famiglie")):  # fmt: skip
        assert not explicit_total(body, _ctx(body, words).fact), body


def test_a_running_total_of_one_kind_of_thing_is_not_the_project_s_total():
    for body, words in (
        ("Il piano prevede l'inserimento di altri 9 nuclei familiari, per un totale di 20 nuclei a fine progetto.",
         ("9 nuclei", "20 nuclei")),
        ("A further 5 families moved in, for a total of 19 families since 2024.", ("5 families", "19 families")),
        ("Nel 2025 lo sportello ha accolto 71 nuove persone, per un totale di 388 dall'avvio.", ("71 nuove",)),
    ):  # fmt: skip
        for w in words:
            assert not explicit_total(body, _ctx(body, w).fact), (body, w)
    # a total over several kinds of things stays the project's
    for body, w in (("Sono stati attivati 7 laboratori, per un totale di 1000 beneficiari.", "1000 beneficiari"),
                    ("Abbiamo accolto 41 famiglie, per un totale di 133 persone.", "133 persone")):  # fmt: skip
        assert explicit_total(body, _ctx(body, w).fact), body
    values = _records("Il piano prevede l'inserimento di altri 9 nuclei familiari, per un totale di 20 nuclei.")[1]
    assert 9.0 not in values and 20.0 not in values  # the model gives them an area; no longer the project's


def test_a_table_row_the_rules_left_without_area_is_read_by_the_model_one_with_an_area_keeps_it():
    classes = classes_of()
    sure = AreaModel(classes, {"word:famigl": [20.0 if c == "housing" else 0.0 for c in classes]},
                     [0.0] * len(classes), 0.0)  # fmt: skip
    choose = model_chooser(sure)
    row = "30 famiglie seguite dalla mediatrice"  # invented: a row whose cells name no area
    assert choose(_ctx(row, "30 famiglie", None, "table")) == "housing"
    assert choose(_ctx(row, "30 famiglie", "taking_charge", "table")) == "taking_charge"
