"""Writes run through the same ingestion pipeline as the CLI, in the app's single job worker."""

from __future__ import annotations

from fastapi import FastAPI

from ingest.catalogue import save_entry
from ingest.pipeline import IngestPipeline
from lgnet.config import Settings
from lgnet.errors import IngestError
from retrieval.service import SearchService
from search_api.jobs import Job


def _pipeline(service: SearchService, settings: Settings) -> IngestPipeline:
    # The service's embedder and store: one Chroma client per process, models loaded once.
    return IngestPipeline(settings, embedder=service.embedder, store=service.store, progress=False)


def ingest_upload_job(
    app: FastAPI, service: SearchService, settings: Settings, name: str, data: bytes, entry: dict | None = None
) -> Job:
    """`entry`: checked upload fields (title, doc_type, phase, city, date, language), kept in the uploads folder's
    catalogue so they override detection now and at every reindex."""

    def run() -> dict:
        folder = settings.uploads_dir
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        target.write_bytes(data)
        save_entry(folder, name, entry or None)
        report = _pipeline(service, settings).run([target], prune=False)
        if report.errors:
            target.unlink(missing_ok=True)
            save_entry(folder, name, None)
            raise IngestError(name, report.errors[0].reason)
        source = f"{folder.name}/{name}"
        docs = [d["doc_id"] for d in report.doc_list if d.get("source") == source]
        return {"file": name, "documents": docs, "chunks_embedded": report.chunks_embedded}

    return app.state.jobs.submit("upload", run)


def delete_document_job(app: FastAPI, service: SearchService, doc_id: str) -> list[str]:
    """Deletes synchronously but through the job worker, so it never races an ingestion."""
    settings: Settings = app.state.settings
    return app.state.jobs.run_now(lambda: _pipeline(service, settings).delete_document(doc_id))


def reindex_job(app: FastAPI, service: SearchService, rebuild: bool) -> Job:
    settings: Settings = app.state.settings

    def run() -> dict:
        paths = [p for p in (settings.corpus_dir, settings.uploads_dir) if p.is_dir()]
        report = _pipeline(service, settings).run(paths, rebuild=rebuild)
        return {
            "files_ingested": report.files_ingested,
            "files_unchanged": report.files_unchanged,
            "files_removed": report.files_removed,
            "documents": report.documents,
            "chunks": report.chunks,
            "errors": [e.__dict__ for e in report.errors],
        }

    return app.state.jobs.submit("reindex", run)
