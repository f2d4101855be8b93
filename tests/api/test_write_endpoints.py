"""Protected writes: auth, uploads of real files (sniffed by content), size limit, delete, reindex."""

from __future__ import annotations

import io
import time

import docx
from fpdf import FPDF

from tests.api.conftest import TOKEN, auth
from tests.api.test_read_endpoints import assert_error


def pdf_bytes(paragraphs: list[str]) -> bytes:
    pdf = FPDF()
    for text in paragraphs:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def wait(client, job_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def upload(client, name: str, data: bytes, token: str | None = TOKEN):
    headers = auth(token) if token else {}
    return client.post("/api/documents", files={"file": (name, data)}, headers=headers)


PRACTICE = (
    "Il Comune di Bari ha aperto un emporio solidale per le famiglie migranti: "
    "in sei mesi 85 nuclei familiari hanno ricevuto beni di prima necessità e orientamento ai servizi. "
    "Il progetto è stato realizzato con la Cooperativa Sociale Occhi Azzurri."
)


def test_writes_need_the_right_token(writable):
    assert_error(upload(writable, "a.txt", b"testo", token=None), 401, "unauthorized")
    assert_error(upload(writable, "a.txt", b"testo", token="wrong"), 403, "forbidden")
    assert_error(writable.delete("/api/documents/x"), 401)
    assert_error(writable.post("/api/reindex", headers=auth("wrong")), 403)


def test_writes_refused_without_configured_token(client, corpus_index):
    from fastapi.testclient import TestClient

    from app.factory import create_app

    with TestClient(create_app(corpus_index)) as c:
        err = assert_error(c.post("/api/reindex", headers=auth()), 403)
        assert "LGNET_ADMIN_TOKEN" in err["message"]


def test_upload_pdf_is_ingested_and_searchable(writable):
    response = upload(writable, "bari-emporio.pdf", pdf_bytes([PRACTICE, "Seconda pagina: 12 volontari."]))
    assert response.status_code == 202, response.text
    job = wait(writable, response.json()["id"])
    assert job["status"] == "done", job
    doc_id = job["result"]["documents"][0]
    hits = writable.get("/api/search", params={"q": "emporio solidale Bari"}).json()["results"]
    assert hits[0]["doc_id"] == doc_id and hits[0]["city"] == "Bari" and hits[0]["page"] == 1
    assert writable.get(f"/api/documents/{doc_id}/file").content.startswith(b"%PDF")
    deleted = writable.delete(f"/api/documents/{doc_id}", headers=auth())
    assert deleted.json() == {"deleted": [doc_id]}
    assert_error(writable.get(f"/api/documents/{doc_id}"), 404)
    hits = writable.get("/api/search", params={"q": "emporio solidale Bari"}).json()["results"]
    assert all(h["doc_id"] != doc_id for h in hits)


def test_upload_docx_and_txt(writable):
    job = wait(writable, upload(writable, "scheda.docx", docx_bytes([PRACTICE])).json()["id"])
    assert job["status"] == "done", job
    job = wait(
        writable,
        upload(writable, "nota.txt", b"Nota di Aosta: sportello unico aperto nel 2024.").json()["id"],
    )
    assert job["status"] == "done", job


def test_disguised_and_oversize_uploads(writable):
    elf = b"\x7fELF\x02\x01\x01" + bytes(2000)
    err = assert_error(upload(writable, "report.pdf", elf), 415)
    assert "report.pdf" in err["message"]
    err = assert_error(upload(writable, "report.pdf", docx_bytes([PRACTICE])), 415)
    assert "docx" in err["message"]
    big = b"a" * (writable.app.state.settings.max_file_bytes + 200_000)
    assert_error(upload(writable, "big.txt", big), 413, "file_too_large")


def test_reindex_job(writable):
    response = writable.post("/api/reindex", headers=auth())
    assert response.status_code == 202
    job = wait(writable, response.json()["id"])
    assert job["status"] == "done" and job["result"]["files_unchanged"] == 4
    assert_error(writable.get("/api/jobs/unknown"), 404)
