"""Documents: list, read, original file; protected upload and delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse

from ingest.catalogue import UPLOAD_DOC_TYPES, UPLOAD_FIELDS
from ingest.uploads import check_fields_of, check_file, check_length, safe_name
from lgnet.errors import InvalidRequest
from lgnet.vocabulary import PHASES
from retrieval.bounds import MAX_K, MAX_PAGE, MAX_YEAR, MIN_YEAR
from retrieval.browse import document_file, get_document, list_documents
from search_api.auth import require_admin
from search_api.deps import ServiceDep, SettingsDep
from search_api.ingest_jobs import delete_document_job, ingest_upload_job
from search_api.schemas import ERRORS, Deleted, DocumentDetail, DocumentList, JobOut

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERRORS)
UPLOAD_FIELD_DOCS = {
    "title": "overrides the title read from the file",
    "doc_type": ", ".join(UPLOAD_DOC_TYPES[:-1]) + f" or {UPLOAD_DOC_TYPES[-1]}",
    "phase": ", ".join(PHASES[:-1]) + f" or {PHASES[-1]}",
    "city": "the comune the document is about, Italian or English name (any Italian comune)",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD",
    "language": "two-letter code: it, en",
}
DocId = Annotated[str, Path(max_length=200, examples=["lgnet3-scheda-progetto-0a1b2c"])]


@router.get("", response_model=DocumentList, summary="List documents, newest first")
def documents(
    service: ServiceDep,
    city: Annotated[str | None, Query(max_length=100)] = None,
    intervention: Annotated[str | None, Query(max_length=50)] = None,
    doc_type: Annotated[str | None, Query(max_length=50)] = None,
    phase: Annotated[str | None, Query(max_length=20)] = None,
    year: Annotated[int | None, Query(ge=MIN_YEAR, le=MAX_YEAR)] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 20,
) -> dict:
    return list_documents(service, city, intervention, doc_type, phase, year, page, k)


@router.get("/{doc_id}", response_model=DocumentDetail, summary="A document: metadata, passages, copies")
def document(service: ServiceDep, doc_id: DocId) -> dict:
    return get_document(service, doc_id)


@router.get(
    "/{doc_id}/file",
    summary="The original file",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def original_file(service: ServiceDep, settings: SettingsDep, doc_id: DocId) -> FileResponse:
    # Only files inside the corpus or the uploads folder are ever served (no path traversal).
    path = document_file(service, doc_id, [settings.corpus_dir, settings.uploads_dir])
    # Untrusted content: always a download, never rendered or sniffed from our origin.
    return FileResponse(
        path,
        filename=path.name,
        content_disposition_type="attachment",
        headers={"Content-Security-Policy": "sandbox; default-src 'none'", "X-Content-Type-Options": "nosniff"},
    )


@router.post(
    "",
    status_code=202,
    response_model=JobOut,
    dependencies=[Depends(require_admin)],
    summary="Upload a document (any type the readers accept: PDF, DOCX, ODT, ODS, XLSX, TXT, MD, HTML...)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {"type": "string", "format": "binary"},
                            **{
                                name: {"type": "string", "description": description}
                                for name, description in UPLOAD_FIELD_DOCS.items()
                            },
                        },
                    }
                }
            },
        }
    },
)
async def upload(request: Request, service: ServiceDep, settings: SettingsDep) -> dict:
    """The size limit is checked on Content-Length before the body is read; the type is sniffed from the
    content, never taken from the name. Answers a job to follow at GET /api/jobs/{id}."""
    check_length(settings, request.headers.get("content-length"))
    form = await request.form(max_files=1, max_fields=len(UPLOAD_FIELDS) + 4)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise InvalidRequest("send the document as the multipart field 'file'")
    unknown = sorted(set(form) - {"file", *UPLOAD_FIELDS})
    if unknown:
        raise InvalidRequest(f"unknown fields {unknown}", {"allowed": ["file", *UPLOAD_FIELDS]})
    # Optional metadata, checked like a catalogue entry; it overrides what ingestion detects.
    entry = check_fields_of(safe_name(upload.filename or "upload"), form)
    data = await upload.read()
    await form.close()
    name = check_file(settings, upload.filename, data)  # the same checks as the site's upload form
    return ingest_upload_job(request.app, service, settings, name, data, entry).to_dict()


@router.delete(
    "/{doc_id}",
    response_model=Deleted,
    dependencies=[Depends(require_admin)],
    summary="Remove a document and its passages",
)
def delete(request: Request, service: ServiceDep, doc_id: DocId) -> dict:
    return {"deleted": delete_document_job(request.app, service, doc_id)}
