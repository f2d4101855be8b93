"""An e-mail's city (ingest/city.py): its sender's own message and the comune it is sent to, not the comuni of a message
it forwards or answers (ingest/messages.someone_elses). Invented texts."""

from __future__ import annotations

from pathlib import Path

from ingest.city import main_city
from ingest.documents import DocumentBuilder
from ingest.model import RawText

# A cooperative writes to the mayor: the comune is in the addresses, named once in full among the villages around it
BODY = """Numeri del semestre per il Consiglio
Da: Coordinamento <coordinamento@coop-esempio.example.it>

Gentile Sindaco,
le famiglie accolte ad Acquaviva Picena sono 5; i bambini vanno a scuola a Ripatransone, due padri lavorano a
Monteprandone e una madre a Offida.
Un saluto,
Marta
"""
TO = "Sindaco <sindaco@comune.acquavivapicena.ap.it>, Servizi sociali <sociale@comune.acquavivapicena.ap.it>"


def test_an_email_to_the_comune_is_about_it():
    assert main_city("Numeri del semestre", BODY) is None  # four places named once each: no single subject
    assert main_city("Numeri del semestre", BODY, addresses=TO) == "Acquaviva Picena"
    raw = RawText(path=Path("numeri.eml"), text=BODY, format="eml", title="Numeri", meta={"recipients": TO})
    assert DocumentBuilder().run(raw, "numeri.eml", {})[0].city == "Acquaviva Picena"


# An association sends a comune's office its figures and, below, a table another comune's project sent it by mistake
OWN = """Laboratorio di cucito: i numeri per la Giunta
Da: Anna <segreteria@filo-esempio.example.it>

Buongiorno,
le donne seguite a Pergine Valsugana sono 12 e le macchine da cucire donate 6.
Sotto trovate anche la tabella di Levico Terme, arrivata a noi per sbaglio: non sono dati nostri.
Cordiali saluti,
Anna
"""
OTHERS = """
---------- Messaggio inoltrato ----------
Da: Ufficio tabelle <tabelle@valle-esempio.example.it>
Oggetto: tabella del Comune di Levico Terme

Comune di Levico Terme: donne seguite 8; volontarie 3.
Il Comune di Levico Terme chiede di confermare i dati entro venerdì.
"""
PERGINE = "Servizi sociali <sociale@comune.pergine-valsugana.tn.it>"


def _eml(text: str, recipients: str = "") -> str | None:
    raw = RawText(
        path=Path("m.eml"), text=text, format="eml", title=text.split("\n")[0], meta={"recipients": recipients}
    )
    return DocumentBuilder().run(raw, "m.eml", {})[0].city


def test_the_one_comune_addressed_is_whom_the_email_writes_for():
    assert _eml(OWN + OTHERS, PERGINE) == "Pergine Valsugana"


def test_the_comuni_of_a_forwarded_message_are_another_senders():
    # named once in the sender's own words, and "Comune di" of the other thrice in what it forwards
    own = OWN.replace(
        "le donne seguite a Pergine", "il Comune di Pergine Valsugana ci ha chiesto i dati: le donne seguite a Pergine"
    )
    assert _eml(own + OTHERS) == "Pergine Valsugana"
    # the same text, not an e-mail (a note pasting a forwarded table): every mention counts, as before
    assert main_city("Laboratorio di cucito", own + OTHERS) == "Levico Terme"


def test_the_lines_a_reply_quotes_are_another_senders():
    reply = (
        "Re: dati\nDa: Anna <segreteria@filo-esempio.example.it>\n\nBuongiorno,\n"
        "il Comune di Pergine Valsugana conferma le 12 donne seguite.\n\n"
        "Il 3 marzo 2027 alle 10:12, Ufficio ha scritto:\n"
        "> Il Comune di Levico Terme chiede i dati.\n"
        "> Il Comune di Levico Terme attende risposta.\n"
        "> Il Comune di Levico Terme ringrazia.\n"
    )
    assert _eml(reply) == "Pergine Valsugana"


def test_several_comuni_addressed_are_a_mailing_not_its_subject():
    mailing = "Sociale <sociale@comune.pergine-valsugana.tn.it>, Sociale <sociale@comune.levico-terme.tn.it>"
    text = "Riunione di rete\nDa: Rete <rete@rete-esempio.example.it>\n\nBuongiorno a tutti,\nci vediamo giovedì.\n"
    assert _eml(text, mailing) is None
