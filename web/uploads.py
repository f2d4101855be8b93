"""The upload pages' data: the form (the formats the reader registry accepts, the metadata fields and their
allowed values), a job followed until its documents can be opened, and any error of the one error shape told in
the visitor's language, naming the file and the problem."""

from __future__ import annotations

from typing import Any

from ingest.catalogue import UPLOAD_DOC_TYPES, UPLOAD_FIELDS
from ingest.readers import supported_formats
from lgnet.config import Settings
from lgnet.vocabulary import PHASES
from retrieval.browse import documents
from retrieval.service import SearchService
from web.i18n import Translator

UPLOAD_ERROR_CODES = (
    "unsupported_type",
    "empty_file",
    "file_too_large",
    "corrupt_file",
    "encrypted_file",
    "unreadable_file",
    "ingest_error",
    "invalid_request",
    "unauthorized",
    "forbidden",
    "rate_limited",
    "interrupted",
)


def form_page(settings: Settings, remembered: bool = False) -> dict:
    """What the form offers: every format the reader registry reads (asked, never listed by hand) and the values
    the metadata fields accept (the catalogue's own vocabulary); `remembered`: this browser holds an upload pass
    (web/upload_session.py), so the token need not be typed again."""
    formats = supported_formats()
    return {
        "enabled": bool(settings.admin_token),
        "remembered": remembered and bool(settings.admin_token),
        "max_mb": int(settings.max_file_mb)
        if settings.max_file_mb == int(settings.max_file_mb)
        else settings.max_file_mb,
        "formats": [{"label": label, "suffixes": suffixes} for label, suffixes in formats.items()],
        "accept": ",".join(s for suffixes in formats.values() for s in suffixes),
        "fields": list(UPLOAD_FIELDS),
        "doc_types": list(UPLOAD_DOC_TYPES),
        "phases": list(PHASES),
    }


def job_page(service: SearchService, job: dict) -> dict:
    """A job as the API gives it, plus the title of each document it made (once done)."""
    known = documents(service.lexical.current())  # the link works even before the index shows the document
    made = [
        {"doc_id": doc_id, "title": known[doc_id].title if doc_id in known else None}
        for doc_id in (job.get("result") or {}).get("documents", [])
    ]
    return {
        "job": job,
        "documents": made,
        "finished": job["status"] in ("done", "failed"),
        "pages": ocr_pages(job),
    }


def ocr_pages(job: dict) -> dict[str, int] | None:
    """{"done", "total"} while the job's OCR reports its pages (search_api/jobs.py), else None."""
    progress = job.get("progress") or {}
    done, total = progress.get("done"), progress.get("total")
    if job.get("status") != "running" or progress.get("stage") != "ocr":
        return None
    if not isinstance(done, int) or not isinstance(total, int) or total <= 0:
        return None
    return {"done": max(0, min(done, total)), "total": total}


def describe_error(error: dict[str, Any], t: Translator, file: str | None = None) -> str:
    """One sentence for people: which file, what went wrong, what to do. Built from the error's code and detail,
    never from the developer's message."""
    detail: dict[str, Any] = error["detail"] if isinstance(error.get("detail"), dict) else {}
    name = detail.get("file") or file
    code = error.get("code", "error")
    if code == "invalid_request" and detail.get("field") in UPLOAD_FIELDS:
        field = detail["field"]
        problem = t(f"upload.problem.field.{field}")
        if field == "city" and detail.get("candidates"):
            problem = t("upload.problem.field.city_ambiguous", candidates=", ".join(detail["candidates"]))
        return t("upload.error.field", file=name or "", field=t(f"upload.field.{field}"), problem=problem)
    key = f"upload.problem.{code}" if code in UPLOAD_ERROR_CODES else "upload.problem.error"
    wait = retry_wait(error, t)
    problem = t("upload.problem.rate_limited_wait", wait=wait) if code == "rate_limited" and wait else t(key)
    found = detail.get("found")
    if code == "unsupported_type" and isinstance(found, str) and f"upload.kind.{found}" in t.messages:
        problem = t("upload.problem.mismatch", suffix=detail.get("suffix", ""), found=t(f"upload.kind.{found}"))
    if name is None:
        return t("upload.error.no_file", problem=problem)
    return t("upload.error.file", file=name, problem=problem)


def retry_wait(error: dict[str, Any], t: Translator) -> str | None:
    """'12 secondi': how long a rate-limited visitor waits (the error's `retry_after`, also its Retry-After)."""
    detail = error.get("detail")
    retry = detail.get("retry_after") if isinstance(detail, dict) else None
    return t.plural("time.seconds", int(retry)) if isinstance(retry, int | float) and retry > 0 else None
