"""Signed files (.p7m): envelopes made by the openssl CLI with a throw-away test certificate, around real
PDFs and text; read, ingested into a real Chroma store and searched; bad envelopes refused by name."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from app.factory import create_app
from ingest.readers import check_upload, sniff_format
from lgnet.errors import CorruptFile, UnsupportedFileType
from tests.ingest.formats.helpers import fails, ingest, read, search, write

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl CLI makes the envelopes")
TEXT = "Il Comune di Lecce ha attivato un servizio di mediazione abitativa per 30 famiglie."


@pytest.fixture(scope="module")
def signer(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("cert")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subject = "/C=IT/O=Comune di Lecce/CN=Maria Bianchi/serialNumber=TINIT-BNCMRA80A41E506X"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "2", "-subj", subject],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


def sign(signer: tuple[Path, Path], content: bytes, tmp: Path, *extra: str, outform: str = "DER") -> bytes:
    key, cert = signer
    source, target = tmp / "content.bin", tmp / "signed.out"
    source.write_bytes(content)
    subprocess.run(
        ["openssl", "cms", "-sign", "-binary", "-in", source, "-signer", cert, "-inkey", key,
         "-outform", outform, "-out", target, *extra],
        check=True, capture_output=True,
    )  # fmt: skip
    return target.read_bytes()


def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_signed_pdf_is_read_with_its_signer(signer, tmp_path: Path) -> None:
    envelope = sign(signer, pdf_bytes(TEXT), tmp_path, "-nodetach")
    assert sniff_format(envelope) == "p7m"
    assert check_upload("scheda.pdf.p7m", envelope) == "p7m"
    raw = read(write(tmp_path, "scheda.pdf.p7m", envelope))
    assert raw.format == "pdf" and TEXT in raw.text and len(raw.pages) == 1
    assert raw.meta["signed"] is True and raw.meta["signers"] == ["Maria Bianchi"]
    assert raw.meta["signed_at"][:4].isdigit()


def test_pem_and_bare_base64_envelopes(signer, tmp_path: Path) -> None:
    pem = sign(signer, TEXT.encode(), tmp_path, "-nodetach", outform="PEM")
    assert pem.startswith(b"-----BEGIN")
    assert read(write(tmp_path, "nota.txt.p7m", pem)).text.strip() == TEXT
    der = sign(signer, TEXT.encode(), tmp_path, "-nodetach")
    bare = base64.encodebytes(der)  # what some signing tools save: base64 lines, no armour
    assert sniff_format(bare) == "p7m"
    raw = read(write(tmp_path, "nota2.p7m", bare))  # no inner suffix: the content says it is text
    assert raw.text.strip() == TEXT and raw.format == "txt"


def test_bad_envelopes_are_refused_by_name(signer, tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "falso.pdf.p7m", pdf_bytes(TEXT)), UnsupportedFileType)  # a PDF, not CMS
    assert "signed CMS envelope" in exc.reason
    fails(write(tmp_path, "testo.p7m", "solo testo, nessuna firma"), UnsupportedFileType)
    envelope = sign(signer, TEXT.encode(), tmp_path, "-nodetach")
    altered = envelope.replace(b"mediazione", b"MEDIAZIONE")
    exc = fails(write(tmp_path, "alterato.txt.p7m", altered), CorruptFile)
    assert "altered after signing" in exc.reason
    exc = fails(write(tmp_path, "troncato.txt.p7m", envelope[: len(envelope) // 2]), CorruptFile)
    assert "damaged signed envelope" in exc.reason
    detached = sign(signer, TEXT.encode(), tmp_path)  # the signature only, the file kept apart
    exc = fails(write(tmp_path, "firma.txt.p7m", detached), CorruptFile)
    assert "detached" in exc.reason
    broken_pdf = sign(signer, pdf_bytes(TEXT)[:400], tmp_path, "-nodetach")
    exc = fails(write(tmp_path, "rotto.pdf.p7m", broken_pdf), CorruptFile)
    assert exc.reason.startswith("signed content (rotto.pdf): ")
    exe = sign(signer, b"\x7fELF\x02\x01\x01\x00" + bytes(300), tmp_path, "-nodetach")
    exc = fails(write(tmp_path, "programma.pdf.p7m", exe), UnsupportedFileType)
    assert "executable" in exc.reason


def test_signed_file_is_searchable_with_signer_metadata(signer, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "scheda-lecce.pdf.p7m", sign(signer, pdf_bytes(TEXT), tmp_path, "-nodetach"))
    write(corpus, "falso.p7m", "non firmato")
    report, service = ingest(tmp_path, corpus)
    assert report.files_ingested == 1 and [e.code for e in report.errors] == ["unsupported_type"]
    hit = search(service, "mediazione abitativa Lecce").hits[0]
    assert hit.source == "corpus/scheda-lecce.pdf.p7m" and hit.page == 1 and TEXT in hit.text
    meta = service.store.get_doc(hit.doc_id)["meta"]
    assert meta["signers"] == ["Maria Bianchi"] and meta["signed"] is True and meta["format"] == "pdf"
    with TestClient(create_app(service.settings, service=service)) as client:  # the API exposes them (issue 14)
        document = client.get(f"/api/documents/{hit.doc_id}").json()["document"]
        assert document["signers"] == ["Maria Bianchi"] and document["signed"] is True
        [listed] = client.get("/api/documents").json()["documents"]
        assert listed["signers"] == ["Maria Bianchi"] and listed["signed_at"] == document["signed_at"]
        assert "signers" in client.get("/openapi.json").json()["components"]["schemas"]["DocumentSummary"]["properties"]
