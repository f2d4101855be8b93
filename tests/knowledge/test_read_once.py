"""What the records read of a sentence is read once (`knowledge.readings`): the partners of a sentence with and
without named organisations in one pass, so the refresh after the pre-read (which reads every sentence as if none
were the programme's boilerplate) reads no partners again for the boilerplate; the periods of a sentence's facts are
those the programme's dated sentences read. The records are those of a builder that keeps no readings. Invented
reports, no store, no model."""

from __future__ import annotations

import sqlite3

import pytest

from knowledge import mentions
from knowledge import partners as partners_module
from knowledge.group_reading import city_keys, passage_groups, programme_boilerplate, text_keys
from knowledge.programme import dated
from knowledge.readings import Readings
from knowledge.records import Passage, RecordBuilder

PROGRAMME = "La rete è promossa dalla Fondazione Ponti Solidali insieme all'Associazione Orizzonte Comune."
OWN = (
    "Il Comune di {city} ha aperto nel marzo 2024 uno sportello per il lavoro che in dieci mesi ha accolto {n} "
    "persone. Lo sportello è gestito in collaborazione con la Cooperativa sociale Il Ponte di {city}."
)


def passages() -> list[Passage]:
    out = []
    for n, city in enumerate(("Vasto", "Lanciano", "Ortona")):
        text = f"{OWN.format(city=city, n=20 + n)} {PROGRAMME}"
        meta = {"doc_id": f"scheda-{city.lower()}", "city": city, "doc_type": "project_sheet", "title": city,
                "content_hash": f"h{n}", "dup_group": f"scheda-{city.lower()}:000",
                "doc_dup_group": f"scheda-{city.lower()}", "dup_canonical": True}  # fmt: skip
        out.append(Passage(f"scheda-{city.lower()}:000", text, meta))
    return out


def groups(found: list[Passage]) -> dict[str, list[Passage]]:
    out: dict[str, list[Passage]] = {}
    for p in found:
        for g in passage_groups(p):
            out.setdefault(g, []).append(p)
    return out


def built(builder: RecordBuilder, found: list[Passage], boilerplate: set[str]) -> list:
    out = []
    for gkey, members in sorted(groups(found).items()):
        city, phase = gkey.split("|")
        records, project = builder.build(city, phase or None, members, boilerplate)
        out.append(([r.model_dump_json() for r in records], project.model_dump_json()))
    return out


@pytest.fixture
def counted(monkeypatch):
    calls = {"partners": 0, "periods": 0}

    def counting(name, module, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)

        monkeypatch.setattr(module, fn.__name__, wrapper)

    counting("partners", partners_module, partners_module.partners)
    if hasattr(partners_module, "partners_both"):
        counting("partners", partners_module, partners_module.partners_both)
    counting("periods", mentions, mentions.periods)
    return calls


def test_the_refresh_after_the_pre_read_reads_no_partners_of_the_boilerplate(counted):
    found = passages()
    keys = text_keys(found)
    boilerplate = programme_boilerplate(city_keys({g: m for g, m in groups(found).items()}, keys))
    assert boilerplate  # the programme's sentence is in the three cities' sheets
    plain = built(RecordBuilder(), found, boilerplate)
    builder = RecordBuilder()
    builder.readings = Readings(sqlite3.connect(":memory:"), "test")
    built(builder, found, set())  # the pre-read: no sentence known as boilerplate yet
    counted["partners"] = 0
    assert built(builder, found, boilerplate) == plain
    assert counted["partners"] == 0  # the boilerplate's partners without named organisations were read with the rest


def test_a_sentences_periods_are_read_once(counted):
    found = passages()
    builder = RecordBuilder()
    builder.readings = Readings(sqlite3.connect(":memory:"), "test")
    for p in found:
        dated(p, builder.memo(p), builder.sentence_of)
    read = counted["periods"]
    assert read >= 2 * len(found)
    plain = built(RecordBuilder(), found, set())
    counted["periods"] = 0
    assert built(builder, found, set()) == plain
    assert counted["periods"] == 0  # every sentence's periods were read for its dated sentences


def test_partners_with_and_without_named_organisations_in_one_pass():
    for text in (
        PROGRAMME,
        OWN.format(city="Vasto", n=3),
        "Hanno collaborato la Caritas di Chieti, l'Associazione Mani Tese e il Consorzio Sociale Abruzzo.",
        f"{OWN.format(city='Vasto', n=3)} {PROGRAMME}",  # two sentences: each reading of its own
        "",
    ):
        assert partners_module.partners_both(text, "Vasto") == (
            partners_module.partners(text, "Vasto", True),
            partners_module.partners(text, "Vasto", False),
        )
