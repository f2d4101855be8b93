"""Issue 14's "done when", through both doors: each new format (scan, signed file, PDF table, ODT, ODS, XLSX,
e-mail) uploaded through the API and through the site form is found by search with its citation (title, the
stored file, its document page); each bad variant is refused through both doors with the same code and a
message naming the file, and nothing is stored. (Dropping the same files into corpus/ is tests/ingest/formats.)"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF
from odf import text as odf_text
from odf.opendocument import OpenDocumentText

from ingest.ocr_eval import scanned_pdf
from ingest.readers import ocr
from tests.ingest.formats.test_email import eml_bytes
from tests.ingest.formats.test_office import ods_bytes, odt_bytes, xlsx_bytes
from tests.ingest.formats.test_signed import pdf_bytes, sign
from tests.web.test_upload import error_text, follow, post, writable_app

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(ocr.available() is not None, reason=str(ocr.available())),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl CLI makes the envelopes"),
]
TOKEN = "formats-two-doors"
DOORS = {"api": "Cremona", "site": "Ravenna"}  # each door's files name their own city, so each is found apart


@pytest.fixture(scope="module")
def app_client(tmp_path_factory, service):
    with writable_app(tmp_path_factory.mktemp("two-doors"), service, TOKEN) as client:
        yield client


@pytest.fixture(scope="module")
def signer(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("cert")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/C=IT/O=Comune/CN=Maria Bianchi"],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


def table_pdf(city: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Relazione annuale: i mediatori per comune sono nella tabella seguente.")
    pdf.ln(4)
    with pdf.table(col_widths=(60, 40, 40)) as table:
        for row in (("Comune", "Mediatori", "Periodo"), (city, "17", "2024-2025"), ("Bari", "9", "2024")):
            cells = table.row()
            for value in row:
                cells.cell(value)
    return bytes(pdf.output())


def odt(city: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text=f"Scheda progetto: orti sociali di {city}"))
    document.text.addElement(odf_text.P(text=f"Il Comune di {city} coltiva orti sociali con i richiedenti asilo."))
    return _saved(document)


def _saved(document) -> bytes:
    import io

    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def files(city: str, signer, tmp: Path) -> dict[str, tuple[str, Callable[[], bytes], str, str]]:
    """suffix -> (file name, its bytes, a query that finds it, what its passage must say)."""
    return {
        "scan": (
            "verbale-scansionato.pdf",
            lambda: scanned_pdf([f"Verbale della giunta di {city}. Il dormitorio comunale accoglie 40 persone."]),
            f"verbale giunta {city} dormitorio comunale",
            "dormitorio comunale",
        ),
        "p7m": (
            "delibera.pdf.p7m",
            lambda: sign(
                signer, pdf_bytes(f"Il Comune di {city} istituisce la consulta dei migranti."), tmp, "-nodetach"
            ),
            f"consulta dei migranti {city}",
            "consulta dei migranti",
        ),
        "pdf-table": ("relazione.pdf", lambda: table_pdf(city), f"mediatori {city}", f"Comune: {city}; Mediatori: 17"),
        "odt": ("scheda.odt", lambda: odt(city), f"orti sociali {city}", "orti sociali"),
        "ods": (
            "volontari.ods",
            lambda: ods_bytes(rows=[("Comune", "Volontari"), (city, 42)]),
            f"volontari {city}",
            f"Comune: {city}; Volontari: 42",
        ),
        "xlsx": (
            "beneficiari.xlsx",
            lambda: xlsx_bytes(rows=[("Comune", "Beneficiari", "Periodo"), (city, 85, "2023-2024")]),
            f"beneficiari {city}",
            f"Comune: {city}; Beneficiari: 85",
        ),
        "eml": (
            "messaggio.eml",
            lambda: eml_bytes([("nota.txt", f"Il Comune di {city} apre la mensa solidale.".encode(), "text/plain")]),
            f"mensa solidale {city}",
            "mensa solidale",
        ),
    }


def upload(client: TestClient, door: str, name: str, data: bytes) -> dict:
    if door == "site":
        return follow(client, post(client, name, data, token=TOKEN))["job"]
    response = client.post("/api/documents", files={"file": (name, data)}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 202, response.text
    return follow(client, _as_redirect(response.json()["id"]))["job"]


class _as_redirect:  # the API's job followed through the site's job page (the same job table)
    def __init__(self, job_id: str) -> None:
        self.status_code, self.headers, self.text = 303, {"location": f"/caricamenti/{job_id}"}, ""


@pytest.mark.parametrize("door", sorted(DOORS))
def test_each_new_format_is_found_with_its_citation(app_client, signer, tmp_path, door):
    city = DOORS[door]
    made = {}
    for kind, (name, data, _, _) in files(city, signer, tmp_path).items():
        job = upload(app_client, door, name, data())
        assert job["status"] == "done", (kind, job["error"])
        made[kind] = job["result"]["file"]
    for kind, (_, _, query, says) in files(city, signer, tmp_path).items():
        hits = app_client.get("/api/search", params={"q": query}).json()["results"]
        top = next((h for h in hits[:3] if h["source"].endswith(made[kind])), None)
        assert top, (kind, query, [(h["source"], h["text"][:60]) for h in hits[:3]])
        assert says in top["text"] and top["title"], (kind, top)
        assert top["source"] == f"uploads/{made[kind]}"  # the citation names the stored file
        page = app_client.get(f"/documenti/{top['doc_id']}", params={"passage": top["id"]})
        assert page.status_code == 200 and top["title"] in page.text.replace("&#39;", "'"), kind


BAD = [  # (name, bytes, refused when: at upload (content sniffed) or while reading (in the job), the error code)
    ("delibera.pdf.p7m", b"0\x82 not a CMS envelope at all", "upload", "unsupported_type"),
    ("beneficiari.xlsx", b"PK\x03\x04 rotto", "upload", "unsupported_type"),
    ("volontari.ods", odt_bytes(), "upload", "unsupported_type"),  # an ODT under an ODS name
    ("relazione.pdf", b"PK\x03\x04" + b"\x00" * 64, "upload", "unsupported_type"),  # a ZIP under a PDF name
    ("messaggio.eml", b"\x00\x01\x02 binary", "upload", "unsupported_type"),
    ("verbale.pdf", b"%PDF-1.4\n" + b"garbage " * 64, "job", "corrupt_file"),  # a PDF header, then nothing
]


def test_each_bad_variant_is_refused_by_name_through_both_doors(app_client):
    before = app_client.get("/api/documents").json()["total"]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for name, data, when, code in BAD:
        api = app_client.post("/api/documents", files={"file": (name, data)}, headers=headers)
        if when == "job":
            assert api.status_code == 202, (name, api.text)
            error = follow(app_client, _as_redirect(api.json()["id"]))["job"]["error"]
            site = follow(app_client, post(app_client, name, data, token=TOKEN))
            assert site["job"]["error"]["code"] == error["code"]
            html = app_client.get(f"/caricamenti/{site['job']['id']}").text
            message = re.search(r'id="job-failed">([^<]*)<', html)[1].replace("&#39;", "'")
            assert "danneggiato" in message, message  # the kind of problem, in Italian
        else:
            error = api.json()["error"]
            site = post(app_client, name, data, token=TOKEN)
            assert site.status_code == api.status_code == 415, (name, api.status_code, site.status_code)
            message = error_text(site.text)
            found = error["detail"]["found"]
            assert f"non corrisponde all'estensione {error['detail']['suffix']}: è " in message, message
            assert {"zip": "archivio ZIP", "odt": "testo OpenDocument (ODT)", "txt": "un testo semplice",
                    "unknown": "contenuto binario"}[found] in message, (found, message)  # fmt: skip
        print(f"{name}: {error['code']}: API «{error['message']}» / site «{message}»")
        assert error["code"] == code and name in error["message"], (name, error)
        assert name in message and "Traceback" not in message, message  # the site names the file, in Italian
    assert app_client.get("/api/documents").json()["total"] == before  # nothing stored, nothing lost
