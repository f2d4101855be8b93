"""The gazetteer: every comune of ISTAT's list, homonyms and common words, regions, queries."""

from __future__ import annotations

import pytest

from lgnet.gazetteer import Gazetteer, same_comune


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.default()


def found(g: Gazetteer, text: str) -> list[str]:
    return [m.city.name for m in g.mentions(text)]


def test_every_comune_with_codes(g):
    assert len(g.cities) > 7800
    torino = g.get("Turin")
    assert (torino.name, torino.region, torino.province_code, torino.istat, torino.nuts3) == (
        "Torino",
        "Piemonte",
        "TO",
        "001272",
        "ITC11",
    )
    assert torino.capital and torino.lat and torino.lon
    riace = g.get("riace")
    assert (riace.region, riace.province_code, riace.lat) == ("Calabria", "RC", None)  # no coordinates known
    assert g.get("Bozen").name == g.get("ASSB").name == "Bolzano"
    assert g.get("Roma Capitale").name == "Roma" and g.get("Genoa").name == "Genova"
    assert g.get("Atlantide") is None


def test_homonyms_need_their_province(g):
    assert g.get("Castro") is None
    assert sorted(c.name for c in g.homonyms("Castro")) == ["Castro (BG)", "Castro (LE)"]
    assert g.get("Castro (LE)").province == "Lecce"
    assert found(g, "Il Comune di Castro (LE) e il porto.") == ["Castro (LE)"]
    assert found(g, "Il porto di Castro.") == []


def test_longest_name_wins(g):
    assert found(g, "Il Comune di Lecce nei Marsi ha aperto uno sportello.") == ["Lecce nei Marsi"]
    assert found(g, "Da Sesto San Giovanni a Milano.") == ["Sesto San Giovanni", "Milano"]
    # Regions and provinces are not the cities inside their names
    assert found(g, "In Friuli Venezia Giulia e in Valle d'Aosta; Alto Adige.") == []


@pytest.mark.parametrize(
    "text",
    [
        "La Vita è bella e Ora il Sostegno.",
        "Ponte tra culture: alloggi ponte per famiglie.",
        "Fondi europei e Fondi FAMI per il Terzo settore.",
        "Lo ha detto Paola Rossi; il sindaco Carlo Marino era presente.",
        "Ora, il progetto continua.",
        "VITA E LAVORO",
        "Bra size, Opera house, Cologne water.",
    ],
)
def test_common_words_are_not_places_without_evidence(g, text):
    assert found(g, text) == []


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Il Comune di Vita ha aderito.", "Vita"),
        ("Nuovi alloggi a Bra per i rifugiati.", "Bra"),
        ("BRA, 12 marzo - Nuovi alloggi.", "Bra"),
        ("Lo sportello di Ala (TN) è aperto.", "Ala"),
        ("The municipality of Opera opened a shelter.", "Opera"),
    ],
)
def test_common_words_are_places_with_evidence(g, text, city):
    assert found(g, text) == [city]


def test_streets_addresses_and_lower_case_are_not_places(g):
    assert found(g, "Sede in via Roma 12 e piazza Venezia 3.") == []
    assert found(g, "Vedi https://www.torinoggi.it/Roma/ e info@Bra.it") == []
    assert found(g, "la potenza del progetto, in latina") == []


def test_lesser_known_comuni_in_running_text(g):
    assert found(g, "A Riace l'accoglienza diffusa; Riace è un modello.") == ["Riace", "Riace"]
    assert found(g, "Intervista a Fernando Picerno.") == []  # a surname, after a first name
    assert found(g, "Caritas di Latina e Spazio Culturale Nicolosi") == ["Latina"]


def test_regions_and_provinces(g):
    assert g.region("Apulia").name == g.region("puglia").name == "Puglia"
    assert g.region("Sicily").name == "Sicilia" and g.region("Lombardy").name_en == "Lombardy"
    assert len(g.regions) == 20
    assert g.province_code("Bozen") == g.province_code("Alto Adige") == "BZ"
    # Regions and provinces named in a query, and their cities: retrieval/places.py (tests/retrieval).


@pytest.mark.parametrize(
    ("query", "cities"),
    [
        ("progetti a riace", ["Riace"]),
        ("accoglienza a Riace", ["Riace"]),
        ("alloggi ponte per famiglie", []),
        ("vita da migranti", []),
        ("comune di vita", ["Vita"]),
        ("castro", []),
        ("housing in Foggia and Padua", ["Foggia", "Padova"]),
        ("unità di strada Turino", ["Torino"]),
        ("accoglienza a palremo", ["Palermo"]),
        ("minori senza casa, quanto costa la prima accoglienza", []),  # not Cosenza, Aosta, Parma
        ("Casa Ponte Salento", []),
    ],
)
def test_query_mentions(g, query, cities):
    assert [m.city.name for m in g.query_mentions(query)] == cities


def test_elided_articles_wrapped_streets_and_capitalised_prepositions(g):
    assert found(g, "Il protocollo con l'ATER dell'Aquila e all'Aquila.") == ["L'Aquila", "L'Aquila"]
    assert found(g, "La sede in via Monsignor\nBologna ospita lo sportello.") == []
    assert found(g, "Sede in piazza Papa Giovanni, Napoli.") == ["Napoli"]
    assert found(g, "Ad Alba e a Cuneo sono in corso contatti.") == ["Alba", "Cuneo"]
    assert found(g, "Il Consorzio Socio Assistenziale Alba Langhe Roero.") == []


def test_a_misspelt_city_is_found_as_difflib_finds_it():
    """The closest curated city of a word: difflib's answer (get_close_matches, n=1, cutoff 0.8), its quick
    bounds computed for every city at once."""
    import difflib

    from lgnet.typo_keys import close_matches

    gazetteer = Gazetteer.default()
    keys = gazetteer._typo_keys
    words = {"torinno", "palremo", "cagliarri", "turino", "milanno", "napolli", "quante", "persone", "housing"}
    for key in keys:  # each city with a letter dropped, doubled, swapped or replaced
        words |= {key[1:], key[:-1], key + key[-1], key[1] + key[0] + key[2:], "x" + key[1:], key[:2] + "'" + key[3:]}
    found = {w: close_matches(w, gazetteer._typo_key_counts) for w in words}
    assert found == {w: difflib.get_close_matches(w, keys, n=1, cutoff=0.8) for w in words}
    assert found["torinno"] == ["torino"] and found["housing"] == []


def test_a_gold_name_without_province_code_is_its_homonym():
    assert same_comune("Castro", "Castro (LE)") and same_comune("Bari", "Bari")
    assert same_comune(None, None) and not same_comune("Castro", None) and not same_comune(None, "Bari")
    assert not same_comune("Castro", "Castrovillari") and not same_comune("Castro (BG)", "Castro (LE)")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # Lecce's province around it: Gallipoli, Nardò and the region
        ("Il Comune di Castro ha aperto un centro. Famiglie da Gallipoli e da Nardò, in Puglia.", "Castro (LE)"),
        # Bergamo's: Lovere and Sarnico on the lake
        ("Il Comune di Castro, tra Lovere e Sarnico, ospita dieci famiglie.", "Castro (BG)"),
        # only the region: Sardinia
        ("Il sindaco di San Teodoro ha firmato con la Regione Sardegna.", "San Teodoro (SS)"),
    ],
)
def test_a_homonym_is_the_one_the_other_places_of_the_text_point_to(g, text, city):
    assert found(g, text)[0] == city


def test_a_homonym_stays_unresolved_when_the_text_points_both_ways_or_nowhere(g):
    assert "Castro (LE)" not in found(g, "Il Comune di Castro, tra Lovere e Gallipoli.")
    assert found(g, "Il Comune di Castro ha aperto un centro.") == []


def test_mentions_of_a_text_scanned_again_are_a_fresh_list(g):
    # The last texts' mentions are kept (a document's text is asked for twice when it is described): a caller
    # that changes the list it got must not change what the next caller gets.
    text = "Il Comune di Vasto ha aperto uno sportello; a Latina il servizio continua."
    first = g.mentions(text)
    assert [m.city.name for m in first] == ["Vasto", "Latina"]
    first.clear()
    assert found(g, text) == ["Vasto", "Latina"]
    assert found(g, "A Vasto il servizio continua.") == ["Vasto"]
