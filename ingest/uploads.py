"""Uploads, one way for every door (the API's POST /api/documents and the site's upload form): the same checks
before anything is stored, then the file stored under a name of its own and ingested under the write lock."""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.catalogue import CATALOGUE_NAME, UPLOAD_FIELDS, check_fields, save_entry
from ingest.manifest import known_sources
from ingest.readers import check_upload
from lgnet.config import Settings
from lgnet.errors import EmptyFile, FileTooLarge, IngestError, InvalidRequest
from lgnet.write_lock import writer_lock

if TYPE_CHECKING:  # the pipeline is handed in (with the knowledge hooks): only its type is needed here
    from ingest.pipeline import IngestPipeline

log = logging.getLogger(__name__)
BODY_OVERHEAD = 64 * 1024  # multipart headers and the metadata fields around the file


def check_length(settings: Settings, content_length: str | None) -> None:
    """The request's declared size, checked before its body is read."""
    if content_length is None or not content_length.isdigit():
        raise InvalidRequest("a Content-Length header is required for uploads")
    if int(content_length) > settings.max_file_bytes + BODY_OVERHEAD:
        raise FileTooLarge("upload", f"larger than the limit of {settings.max_file_mb:g} MB")


def check_fields_of(name: str, fields: Mapping[str, object]) -> dict:
    """The optional metadata (title, doc_type, phase, city, date, language), checked like a catalogue entry;
    blank fields are left out. The error names the file as well as the field."""
    given = {k: v.strip() for k in UPLOAD_FIELDS if isinstance(v := fields.get(k), str) and v.strip()}
    try:
        return check_fields(given)
    except InvalidRequest as exc:
        detail = exc.detail if isinstance(exc.detail, dict) else {}
        raise InvalidRequest(exc.message, {**detail, "file": name}) from exc


def check_file(settings: Settings, filename: str | None, data: bytes) -> str:
    """The stored name of an upload whose size, content and type pass; else the IngestError naming it. The type is
    sniffed from the content and must be one the reader registry reads."""
    name = safe_name(filename or "upload")
    if len(data) > settings.max_file_bytes:
        raise FileTooLarge(name, f"larger than the limit of {settings.max_file_mb:g} MB")
    if not data.strip():  # refused at once, not after a job
        raise EmptyFile(name, "the file is empty")
    check_upload(name, data)  # every type the reader registry reads; the content must match the name
    return name


def safe_name(name: str) -> str:
    """A file name with no folders and no odd characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[^\w.\-]+", "_", name).strip("._") or "upload"
    return name[:120]


def store_and_ingest(
    settings: Settings,
    pipeline: IngestPipeline,
    name: str,
    data: bytes,
    entry: dict | None,
    progress_file: str | None = None,
) -> dict:
    """Stores the upload under a name of its own (never over an earlier file), ingests it holding the write lock,
    and removes it again if the ingestion fails: a failed re-upload never touches the good earlier file.
    `entry`: checked upload fields, kept in the uploads folder's catalogue so they override detection now and at
    every reindex. `progress_file`: where OCR reports its pages (the job's progress)."""
    pipeline.progress_file = progress_file
    folder = settings.uploads_dir
    with writer_lock(settings.data_dir):
        target = _new_upload_path(folder, name, data)
        try:
            save_entry(folder, target.name, entry or None)
            report = pipeline.run([target], prune=False)
        except BaseException:
            remove_upload(folder, target)
            raise
        if report.errors:
            remove_upload(folder, target)
            first = report.errors[0]  # raised again as its own kind (corrupt_file...), so a page can say which
            raise _error_class(first.code)(name, first.reason)
    source = f"{folder.name}/{target.name}"
    docs = [d["doc_id"] for d in report.doc_list if d.get("source") == source]
    return {"file": target.name, "documents": docs, "chunks_embedded": report.chunks_embedded}


def remove_upload(folder: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    save_entry(folder, target.name, None)


def _new_upload_path(folder: Path, name: str, data: bytes) -> Path:
    """`<stem>-<8 hex>.<suffix>`, created exclusively (an existing file is never overwritten)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot and stem else (name, "")
    while True:
        target = folder / f"{stem}-{uuid.uuid4().hex[:8]}{suffix}"
        try:
            with open(target, "xb") as f:
                f.write(data)
            return target
        except FileExistsError:
            continue


def quarantine_orphan_uploads(settings: Settings) -> list[str]:
    """Files in uploads/ that the manifest does not know (an upload killed half-way) move to quarantine/, so
    no reindex ever ingests them. Nothing is moved when the manifest cannot be read."""
    folder = settings.uploads_dir
    if not folder.is_dir():
        return []
    with writer_lock(settings.data_dir):
        known = known_sources(settings.data_dir)
        if known is None:
            return []
        moved = []
        files = (p for p in folder.rglob("*") if p.is_file() and p.name != CATALOGUE_NAME and p.name[0] != ".")
        for file in sorted(files):
            source = f"{folder.name}/{file.relative_to(folder).as_posix()}"
            if source in known:
                continue
            target = settings.data_dir / "quarantine" / file.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(file, target)
            moved.append(source)
            log.warning("upload %s is not in the manifest (interrupted upload): moved to %s", source, target)
        return moved


def _error_class(code: str) -> type[IngestError]:
    """The IngestError subclass with this code (IngestError itself when none has it)."""
    pending: list[type[IngestError]] = [IngestError]
    while pending:
        cls = pending.pop()
        if cls.code == code:
            return cls
        pending += cls.__subclasses__()
    return IngestError
