"""The upload endpoint accepts every type the reader registry reads (typed by content), and refuses a file
whose content contradicts its name, naming it."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.factory import create_app
from ingest.pipeline import IngestPipeline
from tests.conftest import make_settings
from tests.ingest.formats.test_email import TWO, eml_bytes
from tests.ingest.formats.test_office import ods_bytes, odt_bytes, xlsx_bytes

TOKEN = "formats-token"


def test_new_formats_upload_and_search(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    settings = make_settings(tmp_path / "data").model_copy(update={"admin_token": TOKEN, "corpus_dir": corpus})
    IngestPipeline(settings, progress=False).run([corpus])
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(settings)) as client:
        for name, data in (
            ("beneficiari.xlsx", xlsx_bytes()),
            ("volontari.ods", ods_bytes()),
            ("scheda.odt", odt_bytes()),
            ("messaggio.eml", eml_bytes(TWO)),
        ):
            response = client.post("/api/documents", files={"file": (name, data)}, headers=headers)
            assert response.status_code == 202, response.text
            job = _wait(client, response.json()["id"])
            assert job["status"] == "done", job
        refused = client.post("/api/documents", files={"file": ("dati.xlsx", odt_bytes())}, headers=headers)
        assert refused.status_code == 415
        assert "dati.xlsx" in refused.json()["error"]["message"] and "ODT" in refused.json()["error"]["message"]
        results = client.get("/api/search", params={"q": "beneficiari Taranto alloggi ponte"}).json()["results"]
        # the same table came as XLSX, ODS and an e-mail attachment: found, identical copies collapsed together
        assert "Comune: Taranto; Beneficiari: 85" in results[0]["text"]
        ids = {r["doc_id"] for r in results} | {d["doc_id"] for r in results for d in r["duplicates"]}
        assert {i.split("-")[0] for i in ids} >= {"beneficiari", "volontari", "messaggio"}, ids


def _wait(client: TestClient, job_id: str) -> dict:
    for _ in range(600):
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")
