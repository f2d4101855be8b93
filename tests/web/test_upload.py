"""The site's upload form through the app (no browser): every format the reader registry reads goes in through
/carica and comes out as a document page (signed files with their signer and signing time, scans with the OCR
badge on their passages); the site's write rule is the API's (token, size, checks, error codes), told in Italian
naming the file."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from ingest.readers import ocr, supported_formats
from retrieval.service import SearchService
from tests.api.test_write_endpoints import docx_bytes
from tests.conftest import make_settings
from tests.ingest.formats.test_email import TWO, eml_bytes
from tests.ingest.formats.test_office import ods_bytes, odt_bytes, xlsx_bytes
from tests.ingest.formats.test_signed import pdf_bytes

TOKEN = "site-upload-token"
NOTE = "Verbale del tavolo di lavoro di Matera: aperto lo sportello casa per 12 nuclei familiari in emergenza."
HTML = (
    f"<html><head><title>Sportello casa Matera</title></head><body><h1>Sportello casa</h1><p>{NOTE}</p></body></html>"
)


@contextlib.contextmanager
def writable_app(root: Path, service, token: str) -> Iterator[TestClient]:
    """The whole app over an empty index of its own under `root`, with an admin token (the session's model is
    reused)."""
    (root / "corpus").mkdir()
    settings = make_settings(root / "data").model_copy(update={"admin_token": token, "corpus_dir": root / "corpus"})
    IngestPipeline(settings, embedder=service.embedder, progress=False).run([root / "corpus"])
    own = SearchService(settings, embedder=service.embedder)
    with TestClient(create_app(settings, service=own), follow_redirects=False) as client:
        yield client


@pytest.fixture(scope="module")
def site_writable(tmp_path_factory, service):
    with writable_app(tmp_path_factory.mktemp("site-upload"), service, TOKEN) as client:
        yield client


def post(client: TestClient, name: str, data: bytes, token: str | None = TOKEN, lang: str = "it", **fields):
    form = {**fields, **({"token": token} if token is not None else {})}
    return client.post(f"/carica?lang={lang}", data=form, files={"file": (name, data)})


def follow(client: TestClient, response, timeout: float = 300) -> dict:
    """The job page the form redirects to, polled through its JSON twin until the job is finished."""
    assert response.status_code == 303, response.text[:2000]
    url = response.headers["location"]
    assert re.fullmatch(r"/caricamenti/[0-9a-f]{32}", url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = client.get(url, params={"format": "json"}).json()
        if data["finished"]:
            return data
        time.sleep(0.2)
    raise AssertionError(f"{url} did not finish")


def error_text(html: str) -> str:
    return re.search(r'id="upload-error">([^<]*)<', html)[1].replace("&#39;", "'")


def signed_pdf(tmp_path: Path) -> bytes:
    """A PDF in a CAdES envelope signed with a throw-away certificate (the openssl CLI)."""
    from tests.ingest.formats.test_signed import sign

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subject = "/C=IT/O=Comune di Lecce/CN=Maria Bianchi"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", subject],
        check=True, capture_output=True,
    )  # fmt: skip
    text = "Il Comune di Lecce ha attivato la mediazione abitativa per 30 famiglie."
    return sign((key, cert), pdf_bytes(text), tmp_path, "-nodetach")


FILES = {
    ".txt": lambda: NOTE.encode(),
    ".md": lambda: f"# Sportello casa\n\n{NOTE}\n".encode(),
    ".html": lambda: HTML.encode(),
    ".pdf": lambda: pdf_bytes(NOTE),
    ".docx": lambda: docx_bytes([NOTE]),
    ".odt": odt_bytes,
    ".ods": ods_bytes,
    ".xlsx": xlsx_bytes,
    ".eml": lambda: eml_bytes(TWO),
}


def test_the_form_offers_what_the_reader_registry_reads(site_writable):
    html = site_writable.get("/carica").text
    for label, suffixes in supported_formats().items():
        assert f"{label} ({', '.join(suffixes)})" in html.replace("&#39;", "'").replace("&amp;", "&")
    accept = re.search(r'accept="([^"]+)"', html)[1].split(",")
    assert sorted(accept) == sorted(s for suffixes in supported_formats().values() for s in suffixes)
    for field in ("title", "doc_type", "phase", "city", "date", "language", "token"):
        assert f'name="{field}"' in html
    assert site_writable.get("/carica?lang=en").text.count("Upload a document") >= 2


@pytest.mark.parametrize("suffix", sorted(FILES))
def test_every_format_goes_in_through_the_site(site_writable, suffix):
    job = follow(site_writable, post(site_writable, f"prova{suffix}", FILES[suffix]()))
    assert job["job"]["status"] == "done", job
    assert job["documents"], job
    page = site_writable.get(f"/documenti/{job['documents'][0]['doc_id']}")
    assert page.status_code == 200


def test_fields_are_kept_and_the_document_is_found(site_writable):
    fields = {"title": "Verbale sportello casa", "city": "matera", "phase": "LGNet3", "date": "2025-03",
              "doc_type": "minutes", "language": "it"}  # fmt: skip
    text = "Il tavolo di Matera approva il regolamento dello sportello casa per i nuclei in emergenza abitativa."
    job = follow(site_writable, post(site_writable, "verbale.txt", text.encode(), **fields))
    doc_id = job["documents"][0]["doc_id"]
    assert job["documents"][0]["title"] == "Verbale sportello casa"
    doc = site_writable.get(f"/api/documents/{doc_id}").json()["document"]
    assert {k: doc[k] for k in ("title", "city", "phase", "doc_type")} == {
        "title": "Verbale sportello casa", "city": "Matera", "phase": "LGNet3", "doc_type": "minutes"}  # fmt: skip
    hits = site_writable.get("/api/search", params={"q": "regolamento sportello casa Matera"}).json()["results"]
    assert hits and hits[0]["doc_id"] == doc_id


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl CLI makes the envelope")
def test_a_signed_file_shows_its_signer_and_signing_time(site_writable, tmp_path):
    job = follow(site_writable, post(site_writable, "scheda.pdf.p7m", signed_pdf(tmp_path)))
    assert job["job"]["status"] == "done", job
    html = site_writable.get(f"/documenti/{job['documents'][0]['doc_id']}").text
    assert re.search(r'<dd class="signers">[^<]*Maria Bianchi', html)
    signed_at = re.search(r'<dd class="signed-at"><time datetime="([^"]+)">([^<]+)</time>', html)
    assert (
        signed_at
        and re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", signed_at[1])
        and re.search(r"\d{2}:\d{2}", signed_at[2])
    )


@pytest.mark.slow
@pytest.mark.skipif(ocr.available() is not None, reason=str(ocr.available()))
def test_a_scan_shows_the_ocr_badge_on_its_passages(site_writable):
    from ingest.ocr_eval import SAMPLE_PAGES, scanned_pdf

    job = follow(site_writable, post(site_writable, "scansione.pdf", scanned_pdf(SAMPLE_PAGES[:1], 300)))
    assert job["job"]["status"] == "done", job
    html = site_writable.get(f"/documenti/{job['documents'][0]['doc_id']}", params={"lang": "it"}).text
    badges = re.findall(
        r'class="passage-ocr[^"]*"><span class="badge[^"]*ocr-badge"[^>]*>Da scansione \(OCR (\d+)%\)', html
    )
    assert badges and all(50 <= int(b) <= 100 for b in badges)


def test_the_site_refuses_what_the_api_refuses_with_the_same_codes(site_writable):
    api = site_writable
    cases = [  # (name, bytes, token, fields, status, code, words of the Italian message)
        ("nota.txt", NOTE.encode(), None, {}, 401, "unauthorized", "manca il codice"),
        ("nota.txt", NOTE.encode(), "sbagliato", {}, 403, "forbidden", "non è corretto"),
        ("finto.pdf", b"PK\x03\x04 not a pdf at all", TOKEN, {}, 415, "unsupported_type", "non corrisponde"),
        ("vuoto.txt", b"   \n", TOKEN, {}, 422, "empty_file", "è vuoto"),
        ("nota.exe", b"MZ binary", TOKEN, {}, 415, "unsupported_type", "formato non è tra quelli"),
        ("nota.txt", NOTE.encode(), TOKEN, {"city": "Atlantide"}, 422, "invalid_request", "«Comune»"),
        ("nota.txt", NOTE.encode(), TOKEN, {"city": "Castro"}, 422, "invalid_request", "Castro (BG), Castro (LE)"),
        ("nota.txt", NOTE.encode(), TOKEN, {"date": "2024-13-01"}, 422, "invalid_request", "«Data»"),
        ("nota.txt", NOTE.encode(), TOKEN, {"phase": "LGNet9"}, 422, "invalid_request", "«Fase del progetto»"),
    ]
    before = api.get("/api/documents").json()["total"]
    for name, data, token, fields, status, code, words in cases:
        site = post(site_writable, name, data, token=token, **fields)
        assert site.status_code == status, (name, fields, site.status_code)
        message = error_text(site.text)
        assert name in message and words in message, message  # Italian, naming the file and the problem
        assert "the name says" not in site.text and "Traceback" not in site.text  # no developer text
        twin = site_writable.post(
            "/carica?format=json", data={**fields, **({"token": token} if token else {})}, files={"file": (name, data)}
        ).json()["error"]
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        by_api = api.post("/api/documents", data=fields, files={"file": (name, data)}, headers=headers)
        assert by_api.status_code == status and by_api.json()["error"]["code"] == twin["code"] == code, name
    assert api.get("/api/documents").json()["total"] == before  # nothing stored


def test_a_server_without_a_token_refuses_uploads_from_the_site(site, service):
    assert "upload-disabled" in site.get("/carica").text  # the shared corpus app: no admin token
    refused = site.post("/carica", data={"token": "anything"}, files={"file": ("nota.txt", NOTE.encode())})
    assert refused.status_code == 403 and "non è corretto" in error_text(refused.text)


@pytest.mark.slow
@pytest.mark.skipif(ocr.available() is not None, reason=str(ocr.available()))
def test_a_scan_reports_its_pages_while_ocr_runs(site_writable):
    """A 4-page scan uploaded from the site: while the job runs, its page (and the API's job) says how many pages
    OCR has recognised, in order, up to all four; the HTML fragment shows them as a bar; gone once done."""
    from ingest.ocr_eval import SAMPLE_PAGES, scanned_pdf

    pages = (SAMPLE_PAGES * 2)[:4]
    response = post(site_writable, "verbale-scansionato.pdf", scanned_pdf(pages, 300), title="Verbale scansionato")
    url = response.headers["location"]
    seen: list[tuple[int, int]] = []
    fragment = None
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        data = site_writable.get(url, params={"format": "json"}).json()
        if data["finished"]:
            break
        if data["pages"]:
            seen.append((data["pages"]["done"], data["pages"]["total"]))
            if fragment is None and 0 < data["pages"]["done"] < 4:
                fragment = site_writable.get(url, headers={"HX-Request": "true"}).text
                api = site_writable.get(f"/api/jobs/{url.rsplit('/', 1)[1]}").json()
                assert api["progress"]["stage"] == "ocr" and api["progress"]["total"] == 4, api
        time.sleep(0.2)
    assert data["job"]["status"] == "done", data
    assert data["pages"] is None and data["job"]["progress"] is None  # finished: no progress left behind
    print(f"OCR pages seen while polling: {seen}")
    assert {total for _, total in seen} == {4}
    done = [d for d, _ in seen]
    assert done == sorted(done) and any(0 < d < 4 for d in done), seen
    assert fragment is not None and 'id="job-pages-bar"' in fragment and 'max="4"' in fragment
    assert "pagine scansionate" in fragment
