"""File readers: one small module per format behind a suffix registry.

`read_file(path, max_bytes, limits)` checks the file (exists, regular, not empty, not over `max_bytes`), checks
that its content is what its suffix claims, and hands the bytes to the format's reader with the cost limits
(`ReadLimits`: pages, rows, inflated size, OCR time). `read_data` does the same for bytes found inside another
file (an e-mail attachment, a signed envelope's content). Every failure is an `IngestError` subclass naming
the file and the reason; no library exception escapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ingest.model import RawText
from ingest.readers._sniff import DOCUMENT_KINDS, content_kind, describe, sniff_format
from ingest.readers.docx_reader import read_docx
from ingest.readers.eml_reader import read_eml
from ingest.readers.html_reader import read_html
from ingest.readers.limits import ReadLimits
from ingest.readers.odf_reader import read_ods, read_odt
from ingest.readers.p7m_reader import read_p7m
from ingest.readers.pdf_reader import read_pdf
from ingest.readers.text_reader import read_md, read_txt
from ingest.readers.xlsx_reader import read_xlsx
from lgnet.errors import (
    CorruptFile,
    EmptyFile,
    FileTooLarge,
    IngestError,
    UnreadableFile,
    UnsupportedFileType,
)

__all__ = [
    "DOCUMENT_KINDS",
    "ReadLimits",
    "Reader",
    "check_upload",
    "read_data",
    "read_file",
    "register",
    "sniff_format",
    "supported_suffixes",
]

Reader = Callable[[Path, bytes, ReadLimits], RawText]
"""A reader gets the file's path (for messages), its bytes and the cost limits, and returns its text or raises
IngestError."""

_TEXT_KINDS = ("txt", "html", "eml")  # a .txt/.md may quote HTML or a mail; a .html may be a bare fragment


@dataclass(frozen=True)
class _Entry:
    reader: Reader
    kinds: tuple[str, ...] | None  # accepted content kinds (_sniff.content_kind), expected first; None: any
    label: str  # the format's name in messages


_REGISTRY: dict[str, _Entry] = {}


def register(
    suffixes: str | Iterable[str], reader: Reader, *, kinds: Iterable[str] | None = None, label: str = ""
) -> None:
    """Read files with these suffixes (".pdf" or "pdf", any case) with `reader`, replacing any earlier one.

    `kinds`: the content kinds the file may have ("pdf", "docx", "html", "txt", "zip"...), the expected one
    first, checked before `reader` runs; None skips the check. `label` names the format in error messages.
    """
    names = [suffixes] if isinstance(suffixes, str) else list(suffixes)
    for suffix in names:
        suffix = "." + suffix.lower().lstrip(".")
        entry_label = label or suffix[1:].upper()
        _REGISTRY[suffix] = _Entry(reader, tuple(kinds) if kinds is not None else None, entry_label)


def supported_formats() -> dict[str, list[str]]:
    """Each format's name and its suffixes, in registration order: {"PDF": [".pdf"], "Markdown": [".md", ...]}."""
    formats: dict[str, list[str]] = {}
    for suffix, entry in _REGISTRY.items():
        formats.setdefault(entry.label, []).append(suffix)
    return formats


def supported_suffixes() -> list[str]:
    """The registered suffixes, sorted, with their dot: [".docx", ".htm", ...]."""
    return sorted(_REGISTRY)


def read_file(path: Path, max_bytes: int, limits: ReadLimits | None = None) -> RawText:
    """Read one file into plain text. Raises an IngestError subclass, naming the file, on any failure."""
    path = Path(path)
    entry = _entry(path)
    data = _read_bytes(path, max_bytes)
    return _read(path, data, entry, limits or ReadLimits())


def read_data(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    """Read bytes found inside another file; `path` names them ("messaggio.eml/allegato.pdf") and picks the
    reader by its suffix. Same checks and errors as `read_file`, one nesting level deeper."""
    path = Path(path)
    if limits.depth >= limits.max_depth:
        raise UnsupportedFileType(path, f"files nested more than {limits.max_depth} deep are not read")
    entry = _entry(path)
    if not data.strip():
        raise EmptyFile(path, "empty file (0 bytes)" if not data else "empty file (only whitespace)")
    return _read(path, data, entry, limits.nested())


def check_upload(name: str, data: bytes) -> str:
    """The content kind of an uploaded file, if its suffix is registered and its content matches it; else
    UnsupportedFileType naming it. Uploads are typed by content, never by name alone."""
    entry = _entry(Path(name))
    kind = content_kind(data)
    if entry.kinds is not None and (kind not in entry.kinds or kind == "zip"):
        suffix = Path(name).suffix.lower()
        error = UnsupportedFileType(name, f"the name says {suffix} but the content is {describe(kind)} ({kind})")
        error.detail.update({"suffix": suffix, "found": kind or "unknown"})  # what a page says in its language
        raise error
    return kind or "unknown"


def suffix_for_kind(kind: str | None) -> str | None:
    """A registered suffix whose reader takes content of this kind first (".pdf" for "pdf")."""
    for suffix, entry in _REGISTRY.items():  # in registration order: .txt before .md for text
        if entry.kinds and entry.kinds[0] == kind:
            return suffix
    return None


def _entry(path: Path) -> _Entry:
    entry = _REGISTRY.get(path.suffix.lower())
    if entry is None:
        suffix = repr(path.suffix) if path.suffix else "(no suffix)"
        supported = ", ".join(supported_suffixes())
        raise UnsupportedFileType(path, f"unsupported file type {suffix}; supported: {supported}")
    return entry


def _read(path: Path, data: bytes, entry: _Entry, limits: ReadLimits) -> RawText:
    _check_content(path, data, entry)
    try:
        raw = entry.reader(path, data, limits)
    except IngestError:
        raise
    except Exception as exc:  # a reader bug or a library surprise still names the file
        raise CorruptFile(path, f"could not read {entry.label}: {type(exc).__name__}: {exc}") from exc
    if not raw.text.strip():
        raise EmptyFile(path, "no text in the file (only whitespace or empty elements)")
    return raw


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "file not found"
        raise UnreadableFile(path, reason) from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot access the file: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise UnreadableFile(path, "is a directory, not a file")
    if not path.is_file():
        raise UnreadableFile(path, "not a regular file")  # FIFOs, devices: reading could block or never end
    if st.st_size > max_bytes:  # before reading: a huge file is never loaded
        raise FileTooLarge(path, f"{_size(st.st_size)}, over the limit of {_size(max_bytes)}")
    if st.st_size == 0:
        raise EmptyFile(path, "empty file (0 bytes)")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # +1: the file may have grown since stat
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise FileTooLarge(path, f"over the limit of {_size(max_bytes)}")
    if not data.strip():
        raise EmptyFile(path, "empty file (only whitespace)")
    return data


def _check_content(path: Path, data: bytes, entry: _Entry) -> None:
    """Refuse a file whose bytes contradict its suffix (an executable renamed .pdf, junk named .txt)."""
    if entry.kinds is None:
        return
    kind = content_kind(data)
    if kind in entry.kinds:
        return
    looks = describe(kind)
    if entry.kinds[0] in ("txt", "html"):  # a text format given something else
        reason = "binary content, not text" + ("" if kind is None else f" (looks like {looks})")
    else:
        reason = f"content is not {describe(entry.kinds[0])} (looks like {looks})"
    # Something recognizable but of another type is unsupported; bytes that are nothing known are corrupt.
    raise (CorruptFile if kind is None else UnsupportedFileType)(path, reason)


def _size(n: int) -> str:
    return f"{n} bytes" if n < 1024 * 1024 else f"{n / (1024 * 1024):.1f} MB ({n} bytes)"


register((".txt",), read_txt, kinds=_TEXT_KINDS, label="text")
register((".md", ".markdown"), read_md, kinds=_TEXT_KINDS, label="Markdown")
register((".pdf",), read_pdf, kinds=("pdf",), label="PDF")
# zip: a damaged or incomplete office file; the reader says what is missing
register((".docx",), read_docx, kinds=("docx", "zip"), label="DOCX")
register((".odt",), read_odt, kinds=("odt", "zip"), label="ODT")
register((".ods",), read_ods, kinds=("ods", "zip"), label="ODS")
register((".xlsx", ".xlsm"), read_xlsx, kinds=("xlsx", "zip"), label="XLSX")
register((".html", ".htm"), read_html, kinds=("html", "txt", "eml"), label="HTML")
register((".eml",), read_eml, kinds=("eml",), label="e-mail")
register((".p7m",), read_p7m, kinds=("p7m",), label="signed file (.p7m)")
