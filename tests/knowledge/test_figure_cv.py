"""The leave-one-batch-out harness (knowledge.figure_cv) and the scorer's nouns of persons (knowledge.persons)."""

from __future__ import annotations

import json

from knowledge import figure_cv
from knowledge.evaluation import unit_key
from knowledge.figures import FigureFact
from knowledge.persons import counts_persons
from knowledge.records import Passage
from lgnet.unseen import development_batches

REPO = figure_cv.REPO


def _passage(pid: str, text: str, source: str, city: str = "Lecce", doc_type: str = "practice_report") -> Passage:
    meta = {"doc_id": pid, "source": source, "city": city, "doc_type": doc_type, "chunk_index": 0}
    return Passage(f"{pid}:0", text, meta)


def test_folds_are_the_corpus_and_the_development_batches_only():
    dev = development_batches()  # lgnet/data/unseen_batches.json
    assert figure_cv.fold_names() == ["corpus", *(f"b{b}" for b in dev)]
    files = figure_cv.dev_files()
    assert set(files.values()) == {f"b{b}" for b in dev}
    assert figure_cv.fold_of("corpus/project-sheets/x.txt", files) == "corpus"
    assert figure_cv.fold_of("documents/scheda-pratica-lecce-housing.pdf", files) == "b1"
    # a file of no development batch (an unseen batch, an upload) is never read
    gold = json.loads((REPO / "tests" / "unseen" / "gold.json").read_text("utf-8"))["documents"]
    unseen = [d["file"] for d in gold if d.get("batch", 1) not in dev]
    assert all(figure_cv.fold_of(f, files) is None for f in unseen)
    assert figure_cv.fold_of("documents/a-later-batch.pdf", files) is None


def test_dev_passages_keep_record_types_of_known_files():
    rows = [
        {"id": "a:0", "text": "x", "meta": {"source": "corpus/a.txt", "doc_type": "press_article"}},
        {"id": "b:0", "text": "x", "meta": {"source": "documents/unknown.pdf", "doc_type": "report"}},
        {"id": "c:0", "text": "x", "meta": {"source": "corpus/c.txt", "doc_type": "press_summary"}},
    ]
    assert [p.id for p in figure_cv.dev_passages(rows)] == ["a:0"]


GOLD = {"held": [{"city": "Lecce", "area": "housing", "phase": None, "partners": [], "period": None, "budget": None,
                  "figures": [{"value": 9, "unit": "alloggi", "area": "housing"},
                              {"value": 38, "unit": "posti letto", "area": "housing"}]}]}  # fmt: skip
TEXT = "Nel biennio sono stati messi a disposizione 9 alloggi per complessivi 38 posti letto."


def test_cross_validation_scores_rules_and_a_reader_trained_without_the_held_out_fold():
    passages = [_passage("lecce", TEXT, "corpus/lecce.txt")]
    seen: list[list[str]] = []

    def train(folds: list[str]):
        seen.append(folds)
        return lambda sentence: [FigureFact(9, "housing_units", "alloggi", "9 alloggi", 0, 9)]

    gold = {**GOLD, "other": []}
    rows = figure_cv.cross_validate(passages, gold, train)
    assert seen == [["other"], ["held"]]  # each fold held out once, trained on the rest
    held = rows[0]
    assert (held.rules.figures.tp, held.rules.figures.fp, held.rules.figures.fn) == (2, 0, 0)
    assert held.learned is not None
    assert (held.learned.figures.tp, held.learned.figures.fn) == (1, 1)  # the reader found only the flats
    assert "| held | 1.00/1.00 (2/0/0) | 1.00/0.50 (1/0/1) |" in figure_cv.table(rows)
    # no partner, period or budget in the gold and none found: nothing to score
    assert "| held | n/a/n/a (0/0/0) | n/a/n/a (0/0/0) | n/a/n/a (0/0/0) |" in figure_cv.fields_table(rows)


def test_nouns_of_persons_are_one_unit_by_meaning():
    for noun in ("alunni", "anziani", "insegnanti", "braccianti", "proprietari", "consiglieri", "lavoratori",
                 "partecipanti", "richiedenti asilo", "farm workers", "municipal staff", "tirocinanti",
                 "custodi", "custodi di quartiere", "lifeguards", "maestri", "maestri ceramisti", "artigiani"
                 ):  # fmt: skip
        assert counts_persons(noun), noun
        assert unit_key(noun) == unit_key("persone"), noun
    for noun in ("documenti", "eventi", "interventi", "indicatori", "contratti", "seminari", "vouchers",
                 "posti letto", "ore di mediazione", "famiglie", "minori", "donne", "partners"):  # fmt: skip
        assert not counts_persons(noun), noun
    assert unit_key("nuclei familiari") == "families" and unit_key("minori") == unit_key("donne") == "people"


def test_hires_and_placements_count_persons():
    # "8 assunzioni", "15 inserimenti lavorativi" count the persons hired or placed (the gold conventions), and so do
    # contracts and internships, the persons who hold them (scorer convention of 2026-12-08)
    for noun in ("assunzioni", "inserimenti lavorativi", "inserimenti", "hires", "contratti", "tirocini", "contracts",
                 "traineeships"):  # fmt: skip
        assert unit_key(noun) == unit_key("persone"), noun
    assert unit_key("famiglie") != unit_key("contratti")


def test_houses_are_housing_units():
    # "9 case recuperate" and "9 alloggi" count the same dwellings (the gold conventions); families are no houses
    assert unit_key("case") == unit_key("case sfitte") == unit_key("alloggi") == unit_key("appartamenti")
    assert unit_key("case") != unit_key("famiglie")


# --- the learned reader (knowledge.figure_model) ----------------------------------------------------------------
# The rules read the 205, not the 96 (a bare number with an English verb after it).
SENTENCE = "The desk helped 205 people register with the health service and 96 obtain a residence registration."


def test_candidates_read_every_number_with_the_noun_after_it_or_one_said_before_it():
    from knowledge.figure_model import candidates

    found = [(c.source, c.fact.value, c.fact.unit, c.ruled) for c in candidates(SENTENCE)]
    # the rules' count, and the bare number borrowing the noun of the count before it
    assert found == [("rule", 205.0, "people", True), ("before", 96.0, "people", False)]
    about = {(c.fact.value, c.fact.unit) for c in candidates("Alla festa c'era una cinquantina di residenti.")}
    assert (50.0, "residenti") in about


def test_the_reader_keeps_the_rules_counts_and_adds_only_likely_readings():
    from knowledge.figure_model import Model

    def read(model: Model) -> set[tuple[float, str]]:
        return {(f.value, f.unit) for f in model.reader()(SENTENCE)}

    likes_people = Model({"kind=known:people": 4.0}, -2.0, threshold=0.7)  # p = 0.88 for a reading of persons
    assert read(likes_people) == {(205.0, "people"), (96.0, "people")}
    cautious = Model({"kind=known:people": 4.0}, -2.0, threshold=0.95)
    assert read(cautious) == {(205.0, "people")}
    dislikes_people = Model({"kind=known:people": -8.0}, 0.0)
    assert read(dislikes_people) == {(205.0, "people")}  # the rules' counts are kept whatever it thinks


def test_fit_learns_which_features_make_a_figure():
    from knowledge.figure_model import fit

    samples = [({"a0=persone": 1.0}, 1), ({"a0=abitanti": 1.0}, 0)] * 20
    model = fit(samples, c=10.0)
    assert model.probability({"a0=persone": 1.0}) > 0.9 > 0.1 > model.probability({"a0=abitanti": 1.0})
    assert fit(samples, c=10.0) == model  # deterministic


def test_records_take_their_phase_s_period_as_the_read_model_serves_them():
    # a city's minutes state no period; the phase's programme document (no city) states its years
    minutes = _passage(
        "m",
        "Il tavolo del progetto LGNet3 si è riunito. Lo sportello ha preso in carico 12 persone.",
        "corpus/m.txt",
        city="Lecce",
        doc_type="minutes",
    )
    minutes.meta["phase"] = "LGNet3"
    programme = _passage(
        "p",
        "Il progetto LGNet3 si svolge dal 16 gennaio 2024 al 31 dicembre 2026 in sedici città.",
        "corpus/p.txt",
        city=None,
        doc_type="report",
    )  # type: ignore[arg-type]
    programme.meta["phase"] = "LGNet3"
    records, projects = figure_cv.build([minutes, programme])
    served = [*records, *projects]
    assert served and all((x.period.start, x.period.end) == ("2024-01-16", "2026-12-31") for x in served)


def test_the_scorer_reads_a_short_name_and_its_long_form_as_one_organisation():
    from knowledge.evaluation import _org_match
    from knowledge.partners import comparable_name as c

    assert _org_match(c("VolaBo"), c("Centro servizi per il volontariato VolaBo"))
    assert _org_match(c("Cinformi"), c("il Cinformi della Provincia"))
    assert not _org_match(c("Rete"), c("Cooperativa Sociale Rete Nuova"))  # a kind names no one
    assert not _org_match(c("Arca"), c("Cooperativa Arcobaleno"))  # a word, not a part of one


def test_cross_validation_scores_the_records_with_the_area_chooser_it_is_given():
    passages = [_passage("lecce", TEXT, "corpus/lecce.txt")]

    def chooser(ctx):
        return None  # every count the whole project's: no figure is in its gold area any more

    assert figure_cv.cross_validate(passages, GOLD)[0].rules.figures.tp == 2
    rows = figure_cv.cross_validate(passages, GOLD, chooser=chooser)
    assert rows[0].rules.figures.tp == 0  # --shipped's records are built through the chooser, as the repository's


def test_the_learned_reader_is_scored_with_the_same_area_chooser_as_the_rules():
    passages = [_passage("lecce", TEXT, "corpus/lecce.txt")]

    def chooser(ctx):
        return None

    def train(folds: list[str]):
        return lambda sentence: [FigureFact(9, "housing_units", "alloggi", "9 alloggi", 0, 9)]

    rows = figure_cv.cross_validate(passages, {**GOLD, "other": []}, train, chooser=chooser)
    assert rows[0].learned is not None and rows[0].learned.figures.tp == 0  # its flats moved by the chooser too


def test_the_learned_reader_s_features_say_what_its_noun_is_and_whether_its_sentence_disowns_it():
    from knowledge.figure_model import candidates

    disowned = "Il dormitorio, con 40 posti, non rientra nel progetto."
    assert all(c.features["disowned"] == 1.0 for c in candidates(disowned))
    own = candidates("Sono stati accolti 12 navigatori nel quartiere.")
    assert any(k.startswith("noun_persons=") for c in own for k in c.features)
    assert all(c.features["disowned"] == 0.0 for c in own)
