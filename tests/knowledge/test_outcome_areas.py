"""A count's area by what its own clause says: a place to live found ("hanno trovato una sistemazione autonoma") is
housing; persons who give their work for nothing ("che insegnano gratis") volunteer. Sentences invented for the
mechanism."""


def _areas(text: str, city: str = "Lecco") -> dict[float, tuple[str, str | None]]:
    from knowledge.records import Passage, RecordBuilder

    passage = Passage("r:0", text, {"doc_id": "r", "doc_type": "press_article", "city": city})
    records, project = RecordBuilder(area_chooser=None).build(city, None, [passage], set())
    return {f.value: (f.unit, r.area) for r in records for f in r.figures} | {
        f.value: (f.unit, None) for f in project.figures}  # fmt: skip


def test_a_place_to_live_found_is_housing():
    found = _areas("Lo sportello ha seguito 80 persone; 23 di loro hanno poi trovato una sistemazione autonoma.")
    assert found[23][1] == "housing"
    found = _areas("Grazie al fondo di garanzia 15 famiglie hanno ottenuto una sistemazione abitativa stabile.")
    assert found[15][1] == "housing"


def test_persons_who_give_their_work_for_nothing_volunteer_and_those_who_get_something_free_do_not():
    found = _areas("Il corso è tenuto da 7 insegnanti in pensione, quasi tutti ex maestri, che lavorano gratis "
                   "il sabato mattina.")  # fmt: skip
    assert found[7][1] == "civic_engagement"
    found = _areas("Allo sportello 40 persone ricevono gratis una consulenza legale.")
    assert found[40][1] != "civic_engagement"
