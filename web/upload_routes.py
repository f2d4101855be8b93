"""The site's upload form: `/carica` (the form; POST stores and ingests) and `/caricamenti/{job}` (the job's
progress). Writes follow the API's rule exactly: the admin token (lgnet/admin.py), the same size limit before the
body is read, the same checks on the file and its metadata (ingest/uploads.py), the same job worker and pipeline,
the same rate limit (app/security.py). Errors are raised, never caught here: the error page tells them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from ingest.catalogue import UPLOAD_FIELDS
from ingest.uploads import check_fields_of, check_file, check_length, safe_name, store_and_ingest
from knowledge.hooks import index_pipeline
from lgnet.admin import check_admin_token
from lgnet.errors import InvalidRequest
from web import upload_session, uploads
from web.deps import ServiceDep, SettingsDep
from web.render import render

router = APIRouter(include_in_schema=False)
FORM_FIELDS = {"file", "token", "remember", *UPLOAD_FIELDS}


@router.get("/carica")
def upload_form(request: Request, settings: SettingsDep) -> Response:
    data = uploads.form_page(settings, remembered=upload_session.remembered(request, settings))
    return render(request, "upload.html", {**data, "forgotten": request.query_params.get("dimenticato") == "1"})


@router.post("/carica")
async def upload(request: Request, service: ServiceDep, settings: SettingsDep) -> Response:
    check_length(settings, request.headers.get("content-length"))
    form = await request.form(max_files=1, max_fields=len(FORM_FIELDS) + 2)
    upload = form.get("file")
    named = {"file": safe_name(upload.filename)} if not isinstance(upload, str | None) and upload.filename else None
    token = form.get("token")
    typed = token.strip() if isinstance(token, str) and token.strip() else None
    if typed or not upload_session.remembered(request, settings):
        check_admin_token(settings.admin_token, typed, named)
        # Remembered (or forgotten) from here on, even if the file is then refused: the token was right.
        keep = form.get("remember") == "1"
        request.state.response_hooks = [
            lambda response: (upload_session.remember if keep else upload_session.forget)(response, request, settings)
        ]
    if upload is None or isinstance(upload, str) or not upload.filename:
        raise InvalidRequest("choose a file to upload", {"field": "file"})
    unknown = sorted(set(form) - FORM_FIELDS)
    if unknown:
        raise InvalidRequest(f"unknown fields {unknown}", {"allowed": sorted(FORM_FIELDS)})
    entry = check_fields_of(safe_name(upload.filename), form)
    data = await upload.read()
    await form.close()
    name = check_file(settings, upload.filename, data)

    def run(progress_file: str) -> dict:  # in the app's one job worker, like the API's uploads
        pipeline = index_pipeline(settings, service.embedder, service.store, progress=False)
        return store_and_ingest(settings, pipeline, name, data, entry, progress_file)

    job = request.app.state.jobs.submit("upload", run, progress=True)
    response = RedirectResponse(f"/caricamenti/{job.id}", status_code=303)
    for hook in getattr(request.state, "response_hooks", ()):
        hook(response)
    return response


@router.post("/carica/dimentica")
def forget_token(request: Request, settings: SettingsDep) -> Response:
    """'Dimentica il codice': the browser no longer holds the upload pass."""
    response = RedirectResponse("/carica?dimenticato=1", status_code=303)
    upload_session.forget(response, request, settings)
    return response


@router.get("/caricamenti/{job_id}")
def upload_job(request: Request, service: ServiceDep, job_id: Annotated[str, Path(max_length=64)]) -> Response:
    job = request.app.state.jobs.get(job_id).to_dict()
    return render(request, "upload_job.html", uploads.job_page(service, job), fragment="status")
