"""An e-mail's contact (knowledge/document_reading.py): the address of its head, the box that sent it ("Da: Segreteria
<segreteria@...>"), only when its message gives none of its own. Texts invented here."""

from __future__ import annotations

from pathlib import Path

from ingest.documents import Chunker, DocumentBuilder
from ingest.model import RawText
from ingest.store_metadata import chunk_metadata
from knowledge.records import Passage, RecordBuilder

_SIGNED = """Gentile assessora,
le mando i numeri dell'orto sociale: le famiglie che coltivano una parcella sono 14.
Per ogni domanda può scrivere a me, all'indirizzo laura.bianchi@coop-girasole.example.it.
Un saluto,
Laura Bianchi, coordinatrice"""

_UNSIGNED = """Gentile assessora,
le mando i numeri dell'orto sociale: le famiglie che coltivano una parcella sono 14.
Un saluto,
Ufficio Servizi sociali"""


def _emails(body: str, sender: str) -> set[str]:
    text = f"Orto sociale: i numeri dell'anno\nDa: {sender}\n\n{body}"
    raw = RawText(path=Path("orto.eml"), text=text, format="eml", title="Orto sociale", meta={"sender": sender})
    doc = DocumentBuilder().run(raw, "uploads/orto.eml", {})[0]
    passages = [
        Passage(c.chunk_id, c.text, {**chunk_metadata(c), "city": "Pergine Valsugana"}) for c in Chunker().run(doc)
    ]
    records, _ = RecordBuilder().build("Pergine Valsugana", None, passages, set())
    return {c.email for r in records for c in r.contacts if c.email}


def test_the_sender_s_box_is_not_the_contact_when_the_message_gives_its_own():
    emails = _emails(_SIGNED, "Segreteria Girasole <segreteria@coop-girasole.example.it>")
    assert emails == {"laura.bianchi@coop-girasole.example.it"}


def test_the_sender_is_the_contact_when_the_message_gives_none():
    emails = _emails(_UNSIGNED, "Ufficio Servizi sociali <servizisociali@comune.pergine-valsugana.tn.it>")
    assert emails == {"servizisociali@comune.pergine-valsugana.tn.it"}
