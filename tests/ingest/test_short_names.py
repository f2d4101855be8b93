"""A comune's name written short ("Comune di Acquaviva": four comuni begin so) is resolved by the text's other
evidence, or left without a city (lgnet/gazetteer.py, lgnet/homonyms.py); an e-mail's recipients are evidence of its
comune (ingest/city.py). Invented texts."""

from __future__ import annotations

from pathlib import Path

from ingest.city import main_city
from ingest.documents import DocumentBuilder
from ingest.model import RawText
from lgnet.gazetteer import Gazetteer


def _short(text: str) -> list[tuple[str, str]]:
    return [(m.form, m.city.name) for m in Gazetteer.default().mentions(text) if m.form == "Acquaviva"]


def test_a_short_name_is_the_comune_the_text_names_in_full():
    text = "Il Comune di Acquaviva ha firmato la convenzione. Ad Acquaviva Picena le famiglie sono sei."
    assert _short(text) == [("Acquaviva", "Acquaviva Picena")]


def test_a_short_name_is_the_comune_the_other_places_point_to():
    text = "Il Comune di Acquaviva ha firmato con Ripatransone e Monteprandone, nella provincia di Ascoli Piceno."
    assert _short(text) == [("Acquaviva", "Acquaviva Picena")]
    # named in full twice over, the text's places choose between them
    both = text + " Acquaviva Picena non è Acquaviva d'Isernia, in Molise."
    assert _short(both) == [("Acquaviva", "Acquaviva Picena")]


def test_a_short_name_without_evidence_is_no_place_and_a_province_code_decides():
    assert _short("Il Comune di Acquaviva ha firmato la convenzione con la cooperativa.") == []
    assert _short("Il Comune di Acquaviva (IS) ha firmato la convenzione.") == [("Acquaviva", "Acquaviva d'Isernia")]


def test_only_after_the_comune_or_its_mayor_and_only_a_name_cut_short():
    # a word that begins several names is no place elsewhere ("Acquaviva" a surname, a brand)
    assert _short("La signora Acquaviva abita a Ripatransone, vicino a Monteprandone.") == []
    places = [m.city.name for m in Gazetteer.default().mentions("Il Comune di Città di Castello apre lo sportello.")]
    assert places == ["Città di Castello"]


# A cooperative writes to the mayor: the comune is in the addresses, named once in full among the villages around it,
# and named short in the forwarded sheet
BODY = """Numeri del semestre per il Consiglio
Da: Coordinamento <coordinamento@coop-esempio.example.it>

Gentile Sindaco,
le famiglie accolte ad Acquaviva Picena sono 5; i bambini vanno a scuola a Ripatransone, due padri lavorano a
Monteprandone e una madre a Offida.
Un saluto,
Marta
"""
FORWARDED = """
---------- Messaggio inoltrato ----------
Da: Regione <monitoraggio@regione.example.it>
Scheda di monitoraggio - Comune di Acquaviva: famiglie 5; volontari 9.
"""
TO = "Sindaco <sindaco@comune.acquavivapicena.ap.it>, Servizi sociali <sociale@comune.acquavivapicena.ap.it>"


def test_an_email_to_the_comune_is_about_it():
    assert main_city("Numeri del semestre", BODY) is None  # four places named once each: no single subject
    assert main_city("Numeri del semestre", BODY, addresses=TO) == "Acquaviva Picena"
    raw = RawText(path=Path("numeri.eml"), text=BODY, format="eml", title="Numeri", meta={"recipients": TO})
    assert DocumentBuilder().run(raw, "numeri.eml", {})[0].city == "Acquaviva Picena"


def test_the_short_name_in_a_forwarded_sheet_counts_as_the_comune_named():
    assert main_city("Numeri del semestre", BODY + FORWARDED) == "Acquaviva Picena"
