"""E-mail (.eml) built with the standard library, two attachments (a PDF and an XLSX) read by their own
readers, linked to the message, ingested into a real Chroma store and found by search."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from fpdf import FPDF

from ingest.readers import check_upload, sniff_format
from lgnet.errors import UnsupportedFileType
from tests.ingest.formats.helpers import fails, ingest, read, search, write
from tests.ingest.formats.test_office import xlsx_bytes

BODY = "Buongiorno, in allegato la scheda del progetto di Cagliari sul co-housing per neomaggiorenni."
PDF_TEXT = "Il co-housing di Cagliari ospita 14 neomaggiorenni usciti dai centri di accoglienza."


def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def eml_bytes(attachments: list[tuple[str, bytes, str]], html: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Ufficio Progetti <progetti@comune.cagliari.it>"
    message["To"] = "lgnet@anci.it"
    message["Subject"] = "Scheda co-housing Cagliari"
    message["Date"] = "Tue, 04 Mar 2025 10:15:00 +0100"
    if html:
        message.set_content(f"<html><body><p>{BODY}</p><script>x()</script></body></html>", subtype="html")
    else:
        message.set_content(BODY)
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TWO = [("scheda.pdf", pdf_bytes(PDF_TEXT), "application/pdf"), ("beneficiari.xlsx", xlsx_bytes(), XLSX_MIME)]


def test_message_and_attachments_are_read(tmp_path: Path) -> None:
    data = eml_bytes(TWO)
    assert sniff_format(data) == "eml" and check_upload("messaggio.eml", data) == "eml"
    raw = read(write(tmp_path, "messaggio.eml", data))
    assert raw.format == "eml" and raw.title == "Scheda co-housing Cagliari" and raw.date == "2025-03-04"
    assert raw.text.startswith("Scheda co-housing Cagliari\nDa: Ufficio Progetti <progetti@comune.cagliari.it>")
    assert BODY in raw.text and raw.text.endswith("Allegati: scheda.pdf, beneficiari.xlsx")
    assert raw.meta["sender"] == "Ufficio Progetti <progetti@comune.cagliari.it>"
    pdf, sheet = raw.attachments
    assert pdf.format == "pdf" and PDF_TEXT in pdf.text and pdf.path.name == "scheda.pdf"
    assert sheet.format == "xlsx" and "Comune: Bari; Beneficiari: 120" in sheet.text


def test_html_body_and_bad_attachments_keep_the_message(tmp_path: Path) -> None:
    data = eml_bytes(
        [
            ("rotto.pdf", b"%PDF-1.4 rotto", "application/pdf"),
            ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png"),
        ],
        html=True,
    )
    raw = read(write(tmp_path, "html.eml", data))
    assert BODY in raw.text and "x()" not in raw.text and raw.attachments == []
    not_read = raw.meta["attachments_not_read"]
    assert not_read[0].startswith("rotto.pdf: ") and "PDF" in not_read[0]
    assert not_read[1].startswith("logo.png: unsupported file type")
    exc = fails(write(tmp_path, "finto.eml", "Solo una nota.\nNessuna intestazione di posta."), UnsupportedFileType)
    assert "e-mail" in exc.reason
    raw = read(write(tmp_path, "molti.eml", eml_bytes(TWO)), max_attachments=1)
    assert len(raw.attachments) == 1 and "over the limit of 1 attachments" in raw.meta["attachments_not_read"][0]


def test_message_and_attachments_searchable_and_linked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "posta/messaggio.eml", eml_bytes(TWO))
    report, service = ingest(tmp_path, corpus)
    assert report.ok and report.files_ingested == 1
    docs = {d["id"]: d["meta"] for d in service.store.iter_docs()}
    message = next(m for m in docs.values() if m["format"] == "eml")
    assert message["title"] == "Scheda co-housing Cagliari" and message["date"] == "2025-03-04"
    assert len(message["attachments"]) == 2
    for doc_id in message["attachments"]:
        assert (
            docs[doc_id]["parent_doc_id"] == message["doc_id"]
            and docs[doc_id]["source"] == "corpus/posta/messaggio.eml"
        )
    hit = search(service, "co-housing neomaggiorenni centri di accoglienza").hits[0]
    assert PDF_TEXT in hit.text and docs[hit.doc_id]["attachment"] == "scheda.pdf" and hit.page == 1
    hit = search(service, "beneficiari Taranto").hits[0]
    assert docs[hit.doc_id]["attachment"] == "beneficiari.xlsx" and "Comune: Taranto" in hit.text
