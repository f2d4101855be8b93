"""One exception tree for the whole platform.

Every error carries a stable machine `code`, a human `message` and an optional `detail`; the API turns any
`LGNetError` into the single error shape `{"error": {"code", "message", "detail"}}`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class LGNetError(Exception):
    """Base of every error the platform raises on purpose."""

    code = "error"
    http_status = 500

    def __init__(self, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "detail": self.detail}}


class ConfigError(LGNetError):
    code = "config_error"


# --- ingestion ---------------------------------------------------------------------------------------------
class IngestError(LGNetError):
    """A file could not be ingested. The message always names the file."""

    code = "ingest_error"
    http_status = 422

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}", detail={"file": self.path, "reason": reason})


class UnsupportedFileType(IngestError):
    code = "unsupported_type"
    http_status = 415


class EmptyFile(IngestError):
    code = "empty_file"


class FileTooLarge(IngestError):
    code = "file_too_large"
    http_status = 413


class CorruptFile(IngestError):
    code = "corrupt_file"


class EncryptedFile(IngestError):
    code = "encrypted_file"


class UnreadableFile(IngestError):
    code = "unreadable_file"


# --- store and embedders -----------------------------------------------------------------------------------
class StoreError(LGNetError):
    code = "store_error"


class StoreUnavailable(StoreError):
    """The vector store cannot be reached (a Chroma server down): callers retry later."""

    code = "store_unavailable"
    http_status = 503


class EmbedderMismatch(StoreError):
    """The index was built with another embedder: its vectors would be silent garbage."""

    code = "embedder_mismatch"
    http_status = 409


class EmbedderError(LGNetError):
    code = "embedder_error"


# --- requests ----------------------------------------------------------------------------------------------
class NotFound(LGNetError):
    code = "not_found"
    http_status = 404


class Unauthorized(LGNetError):
    """A write without the admin token."""

    code = "unauthorized"
    http_status = 401


class Forbidden(LGNetError):
    """The request is understood but not allowed with this link or token (e.g. a read-only dossier link)."""

    code = "forbidden"
    http_status = 403


class InvalidRequest(LGNetError):
    code = "invalid_request"
    http_status = 422
