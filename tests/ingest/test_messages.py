"""E-mails as documents (ingest/messages.py): which part is the sender's own, and the type an e-mail gets
(ingest/doctype.py): a message (`other`) unless its own part carries a document of a genre. Invented messages."""

from __future__ import annotations

from pathlib import Path

from ingest.doctype import DocTypeClassifier
from ingest.documents import DocumentBuilder
from ingest.messages import is_email, own_part
from ingest.model import RawText

# A reply answering a region's questions under each quoted line; the question block names a sheet's labels
REPLY = """Re: dati per il rapporto di monitoraggio 2027
Da: Ufficio Inclusione <inclusione@comune.example.it>

Buongiorno,

vi rispondo sotto ogni domanda con i dati di ottobre.

> 1. Titolo del progetto e ente capofila:

Il progetto è «Case vicine», il capofila è il Comune.

> 2. Importo totale: è cambiato?
> 3. Durata: confermate le date?

Nessun cambiamento: 90.000 euro, dal 2026 al 2028.

Un saluto,
Marta Bellini

Il 02/11/2027 alle 09:14, Osservatorio regionale ha scritto:
> Gentili referenti, per il rapporto di monitoraggio vi chiediamo:
> Titolo del progetto:
> Ente capofila:
> Importo totale: €
> Durata:
"""

# A message pasted into a text file, forwarding the region's monitoring sheet below its own lines
PASTED = """From: Luca Ferri <coordinamento@coopmare.example.it>
To: Sindaco <sindaco@comune.example.it>
Subject: numeri dell'anno per la relazione al Consiglio

Caro Sindaco,
le mando i numeri per la relazione che presenterà in Consiglio: 12 famiglie accolte, 5 alloggi.
Cordiali saluti, Luca

---------- Forwarded message ---------
From: Regione <monitoraggio@regione.example.it>
Subject: relazione di monitoraggio

Relazione di monitoraggio - secondo semestre
Periodo di riferimento: luglio-dicembre
Indicatori di risultato: persone accolte 30; alloggi 4
Metodologia
Conclusioni
"""

# Minutes written out in the body of the message that sends them
MINUTES_MAIL = """Verbale del gruppo di lavoro del 4 marzo
Da: Segreteria <segreteria@comune.example.it>

Gentili tutti, di seguito il verbale della seduta.

VERBALE N. 2/2027
Il giorno 4 marzo 2027, alle ore 9.30, si riunisce il gruppo di lavoro.
Presenti: l'assessora, la coordinatrice dello sportello, il referente della cooperativa.
Verbalizza la coordinatrice.
Ordine del giorno
1. Avanzamento dello sportello
2. Varie
Si concorda di aprire il sabato. La seduta si chiude alle ore 11.
"""


def test_a_reply_is_a_message_whatever_its_subject_and_the_questions_it_quotes():
    assert DocTypeClassifier().run("Re: dati per il rapporto di monitoraggio 2027", REPLY, "it", "eml").doc_type == (
        "other"
    )


def test_a_pasted_message_forwarding_a_report_is_a_message():
    decision = DocTypeClassifier().run("", PASTED, "it", "txt")
    assert decision.doc_type == "other"
    assert decision.scores["report"] < decision.scores["message"]  # the forwarded sheet's headings do not count


def test_a_message_carrying_minutes_in_its_body_is_minutes():
    title = "Verbale del gruppo di lavoro del 4 marzo"
    assert DocTypeClassifier().run(title, MINUTES_MAIL, "it", "eml").doc_type == "minutes"


def test_the_same_text_outside_a_message_keeps_its_genre():
    sheet = "\n".join(line.lstrip("> ") for line in REPLY.split("ha scritto:")[1].splitlines())
    body = "Scheda di monitoraggio\n" + sheet + "\nDestinatari: famiglie\nRisultati attesi: 10 alloggi\n"
    assert not is_email(body)
    assert DocTypeClassifier().run("Scheda progetto", body, "it", "txt").doc_type == "project_sheet"


def test_the_builder_types_an_eml_file_as_a_message():
    raw = RawText(path=Path("risposta.eml"), text=REPLY, format="eml", title="Re: dati per il rapporto 2027")
    assert DocumentBuilder().run(raw, "risposta.eml", {})[0].doc_type == "other"


def test_own_part_stops_at_the_answered_or_forwarded_message_and_drops_quoted_lines():
    own = own_part(REPLY)
    assert "Il progetto è «Case vicine»" in own and "Marta Bellini" in own
    assert "Importo totale" not in own and "Osservatorio regionale" not in own
    assert "Metodologia" not in own_part(PASTED) and "12 famiglie accolte" in own_part(PASTED)
    # a mail client's header block below the message opens another sender's message
    lines = ["Grazie, ecco i dati.", "Saluti", *["riga"] * 8, "Da: Regione Example", "Inviato: lunedì 3 marzo 2027"]
    outlook = "\n".join([*lines, "A: Comune", "Oggetto: richiesta", "", "Rapporto finale"])
    assert "Rapporto finale" not in own_part(outlook) and "ecco i dati" in own_part(outlook)


def test_what_makes_a_text_an_email():
    assert is_email(PASTED) and is_email("Da: Anna <a@b.it>\nOggetto: incontro\n\ntesto")
    assert is_email("qualunque testo", "eml")
    # a resolution's "Oggetto:" line, or a sheet's "Data:" label, is no message header
    assert not is_email("COMUNE DI ESEMPIO\nOggetto: approvazione del progetto\nLA GIUNTA COMUNALE\nDELIBERA")
    assert not is_email("Scheda progetto\nData: 12/03/2027\nTitolo del progetto: Case vicine\nDa: definire")
