"""An e-mail's counts are its sender's own: those of a message it forwards or answers, and the lines a reply quotes with
">", are another sender's (a region's totals, another comune's sheet), never the record's. Texts invented here."""

from __future__ import annotations

from knowledge.records import Passage, RecordBuilder

_REPLY = """Re: dati per il monitoraggio
Da: Servizio sociale <sociale@comune.lucca.it>

Buongiorno, rispondo sotto le vostre domande.

> 1. Quante persone avete accolto? L'anno scorso ne avevate indicate 30.

La casa comunale ha accolto 42 persone in tutto.

Cordiali saluti, Anna Neri

Il 03/02/2027 alle 11:05, Osservatorio regionale ha scritto:
> Gentili referenti, quest'anno i progetti finanziati sono 12, per 1.500 persone accolte in tutta la regione."""

_FORWARD = """Numeri dell'anno
Da: Cooperativa Il Monte <info@ilmonte-coop.it>

Gentile Sindaco, la casa comunale ha accolto 42 persone in tutto.

---------- Messaggio inoltrato ----------
Da: Regione <monitoraggio@regione.example.it>
Scheda di monitoraggio: la casa ha accolto 75 persone; alloggi attivati 6."""


def _values(text: str, file_format: str) -> set[float]:
    meta = {"doc_id": "m", "doc_type": "other", "city": "Lucca", "chunk_index": 0, "format": file_format}
    records, _ = RecordBuilder().build("Lucca", None, [Passage("m:0", text, meta)], set())
    return {f.value for r in records for f in r.figures}


def test_the_counts_of_an_answered_message_and_of_quoted_lines_are_not_the_record_s():
    values = _values(_REPLY, "eml")
    assert 42 in values
    assert not values & {30, 12, 1500}


def test_the_counts_of_a_forwarded_sheet_are_not_the_record_s():
    values = _values(_FORWARD, "eml")
    assert 42 in values
    assert not values & {75, 6}


def test_a_quoted_paragraph_of_another_document_keeps_its_counts():
    text = "Relazione annuale\n\n> La casa comunale ha accolto 42 persone in tutto nel corso dell'anno.\n"
    assert 42 in _values(text, "md")
