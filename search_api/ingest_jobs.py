"""Writes run through the same ingestion pipeline as the CLI, in the app's single job worker."""

from __future__ import annotations

from fastapi import FastAPI

from ingest.pipeline import IngestPipeline
from ingest.uploads import quarantine_orphan_uploads, store_and_ingest
from knowledge.hooks import index_pipeline
from lgnet.config import Settings
from retrieval.service import SearchService
from search_api.jobs import Job


def _pipeline(service: SearchService, settings: Settings) -> IngestPipeline:
    return index_pipeline(settings, service.embedder, service.store, progress=False)


def ingest_upload_job(
    app: FastAPI, service: SearchService, settings: Settings, name: str, data: bytes, entry: dict | None = None
) -> Job:
    """Stores the upload under a name of its own (never over an earlier file), ingests it holding the write
    lock, and removes it again if the ingestion fails: a failed re-upload never touches the good earlier file.
    `entry`: checked upload fields (title, doc_type, phase, city, date, language), kept in the uploads folder's
    catalogue so they override detection now and at every reindex."""

    def run(progress_file: str) -> dict:
        return store_and_ingest(settings, _pipeline(service, settings), name, data, entry, progress_file)

    return app.state.jobs.submit("upload", run, progress=True)


def delete_document_job(app: FastAPI, service: SearchService, doc_id: str) -> list[str]:
    """Deletes synchronously but through the job worker, so it never races an ingestion."""
    settings: Settings = app.state.settings
    return app.state.jobs.run_now(lambda: _pipeline(service, settings).delete_document(doc_id))


def reindex_job(app: FastAPI, service: SearchService, rebuild: bool) -> Job:
    settings: Settings = app.state.settings

    def run() -> dict:
        quarantine_orphan_uploads(settings)
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
