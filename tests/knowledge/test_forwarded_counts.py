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


def _values(text: str, file_format: str, email: bool = False) -> set[float]:
    meta = {"doc_id": "m", "doc_type": "other", "city": "Lucca", "chunk_index": 0, "format": file_format}
    if email:  # as ingest/documents.py describes an e-mail
        meta["email"] = True
    records, _ = RecordBuilder().build("Lucca", None, [Passage("m:0", text, meta)], set())
    return {f.value for r in records for f in r.figures}


def test_the_counts_of_an_answered_message_and_of_quoted_lines_are_not_the_record_s():
    values = _values(_REPLY, "eml", email=True)
    assert 42 in values
    assert not values & {30, 12, 1500}


def test_the_counts_of_a_forwarded_sheet_are_not_the_record_s():
    values = _values(_FORWARD, "eml", email=True)
    assert 42 in values
    assert not values & {75, 6}


def test_a_quoted_paragraph_of_another_document_keeps_its_counts():
    text = "Relazione annuale\n\n> La casa comunale ha accolto 42 persone in tutto nel corso dell'anno.\n"
    assert 42 in _values(text, "md")


# The same reply pasted into a text file with its header: an e-mail all the same, by the one definition the ingest
# stores in its metadata (ingest/documents.py), which the records read
_PASTED = """Da: Servizio sociale <sociale@comune.lucca.it>
A: Osservatorio regionale <osservatorio@regione.example.it>
Oggetto: Re: dati per il monitoraggio

Buongiorno, la casa comunale ha accolto 42 persone in tutto.

Il 03/02/2027 alle 11:05, Osservatorio regionale ha scritto:
> Quest'anno i progetti finanziati sono 12, per 1.500 persone accolte in tutta la regione.
> L'anno scorso avevate indicato 30 persone accolte."""


def test_a_reply_pasted_into_a_text_file_is_an_email_for_the_records_too():
    from pathlib import Path

    from ingest.documents import Chunker, DocumentBuilder
    from ingest.model import RawText
    from ingest.store_metadata import chunk_metadata

    raw = RawText(path=Path("risposta.txt"), text=_PASTED, format="txt")
    doc = DocumentBuilder().run(raw, "uploads/risposta.txt", {})[0]
    assert doc.doc_type == "other"
    passages = [Passage(c.chunk_id, c.text, {**chunk_metadata(c), "city": "Lucca"}) for c in Chunker().run(doc)]
    assert all(p.meta.get("email") for p in passages)
    records, _ = RecordBuilder().build("Lucca", None, passages, set())
    values = {f.value for r in records for f in r.figures}
    assert 42 in values
    assert not values & {30, 12, 1500}
