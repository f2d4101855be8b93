"""The learned figure area (knowledge.area_model): its features on invented sentences, when it may override the
rules, its weights saved and loaded, and the records built with it."""

from knowledge.area_model import NONE, AreaContext, AreaModel, classes_of, features, fit, stems
from knowledge.figures import FigureFact
from knowledge.records import Passage, RecordBuilder


def _ctx(body: str, words: str, rules: str | None = None, why: str = "none", section: str | None = None,
         document: dict[str, int] | None = None) -> AreaContext:  # fmt: skip
    start = body.index(words)
    value = float(words.split()[0].replace(".", ""))
    unit = words.split()[1]
    fact = FigureFact(value, unit, unit, words, start, start + len(words))
    return AreaContext(body, fact, rules, why, section, document or {}, ("doc:0", 0, start))


def test_stems_meet_across_singular_and_plural_and_accents():
    assert stems("alloggi") == stems("Alloggio") == ["allogg"]
    assert stems("Attività e città") == ["attivi", "citta"]  # "e" is too short to say anything
    assert stems("della delle nelle") == []


def test_features_read_the_counts_own_words_its_neighbours_and_the_rules():
    body = "Nel quartiere sono state organizzate 12 feste, e lo sportello ha trovato un alloggio a 30 famiglie."
    feats = features(_ctx(body, "30 famiglie", rules="community_building", why="previous", section="housing",
                          document={"housing": 3, "taking_charge": 1}))  # fmt: skip
    assert feats["rules=community_building"] == feats["why=previous"] == 1.0
    assert feats["rules=community_building|previous"] == 1.0
    assert feats["section=housing"] == 1.0
    assert feats["document=housing"] == 0.75 and feats["document_top=housing"] == 1.0
    assert feats["near=housing"] == 1.0  # "alloggio" a few words before the count
    assert feats["label:famigl"] == 1.0
    assert "near:allogg" in feats and "near:sporte" in feats
    assert "english" not in feats
    # the feasts are more than sixty characters and more than eight words away: the sentence's, not the count's
    assert "near:feste" not in feats and "word:feste" in feats
    far = features(_ctx(body, "12 feste"))
    assert far["rules=none"] == 1.0 and far["own=community_building"] == 1.0


def _model(threshold: float, gate: str) -> AreaModel:
    classes = classes_of()
    weights = {"near:allogg": [5.0 if c == "housing" else 0.0 for c in classes]}
    return AreaModel(classes, weights, [0.0] * len(classes), threshold, gate)


def test_the_model_overrides_the_rules_only_where_its_gate_and_threshold_let_it():
    body = "Lo sportello ha trovato un alloggio a 30 famiglie."
    unsure = _ctx(body, "30 famiglie", rules=None, why="none")
    assert _model(0.9, "none").choose(unsure) == "housing"  # p(housing) = e^5 / (e^5 + 5) = 0.97
    assert _model(0.99, "none").choose(unsure) is None  # not sure enough: the rules' (the whole project's)
    own = _ctx(body, "30 famiglie", rules="taking_charge", why="own")
    assert _model(0.9, "none").choose(own) == "taking_charge"  # the gate keeps a cue of its own sentence
    assert _model(0.9, "weak").choose(own) == "taking_charge"
    assert _model(0.9, "all").choose(own) == "housing"
    # the model may also say a figure is the whole project's
    classes = classes_of()
    total = AreaModel(classes, {"word:person": [5.0 if c == NONE else 0.0 for c in classes]}, [0.0] * 6, 0.5, "all")
    assert total.choose(_ctx("Le persone sono 300 persone.", "300 persone", rules="housing", why="section")) is None
    # ... but never overrides the rules on a count the text gives as a total (knowledge.area_model._TOTAL)
    said = _ctx("In totale le persone sono 300 persone.", "300 persone", rules="housing", why="section")
    assert total.choose(said) == "housing" and total.choose_any(said) is None


def test_weights_saved_and_loaded_choose_alike(tmp_path):
    model = _model(0.7, "weak")
    model.about = {"c": 0.3}
    model.save(tmp_path / "w.json")
    loaded = AreaModel.load(tmp_path / "w.json")
    assert (loaded.classes, loaded.weights, loaded.threshold, loaded.gate, loaded.about) == (
        model.classes, model.weights, 0.7, "weak", {"c": 0.3})  # fmt: skip
    ctx = _ctx("Lo sportello ha trovato un alloggio a 30 famiglie.", "30 famiglie", why="section")
    assert loaded.choose(ctx) == model.choose(ctx) == "housing"


def test_fit_learns_a_word_that_names_the_area():
    samples = []
    for i in range(20):
        samples.append(({"word:allogg": 1.0, f"n{i}": 1.0}, "housing"))
        samples.append(({"word:festa": 1.0, f"n{i}": 1.0}, "community_building"))
    model = fit(samples, c=1.0, threshold=0.5)
    p = model.probabilities({"word:allogg": 1.0})
    assert model.classes[p.index(max(p))] == "housing" and max(p) > 0.5
    assert "n3" not in model.weights  # seen once: left out
    assert model.about["samples"] == 40


def test_records_take_the_choosers_area_and_it_sees_why_the_rules_chose():
    text = "In città sono state coinvolte 48 persone."
    seen: list[AreaContext] = []

    def chooser(ctx: AreaContext) -> str | None:
        seen.append(ctx)
        return "civic_engagement"

    passage = Passage("doc:0", text, {"doc_id": "doc", "doc_type": "report", "city": "Padova"})
    plain, project = RecordBuilder(area_chooser=None).build("Padova", None, [passage], set())
    assert not plain and [f.value for f in project.figures] == [48]  # the rules: the whole project's
    records, _ = RecordBuilder(area_chooser=chooser).build("Padova", None, [passage], set())
    assert [(r.area, [f.value for f in r.figures]) for r in records] == [("civic_engagement", [48])]
    assert [(c.rules, c.why, c.fact.value) for c in seen] == [(None, "none", 48)]
