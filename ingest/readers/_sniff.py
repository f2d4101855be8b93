"""Recognize a file's real type from its bytes: uploads are typed by content, not by name."""

from __future__ import annotations

import io
import re
import zipfile

from ingest.readers._text import guess_decode

SNIFF_BYTES = 64 * 1024  # text and HTML are judged on the head of the file

# Binary formats that are never ingested, to say what a file looks like when it is refused.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "executable"),
    (b"\xfe\xed\xfa\xce", "executable"),  # Mach-O
    (b"\xfe\xed\xfa\xcf", "executable"),
    (b"\xce\xfa\xed\xfe", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\x1f\x8b", "archive"),
    (b"\xfd7zXZ\x00", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"Rar!\x1a\x07", "archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # legacy .doc/.xls
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|h[1-6]|table|br)\b", re.I)
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body)\b", re.I)

DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a DOCX document",
    "html": "HTML",
    "txt": "plain text",
    "zip": "a ZIP archive",
    "executable": "an executable",
    "image": "an image",
    "archive": "a compressed archive",
    "ole": "an old-format Office file",
    None: "unrecognized binary data",
}


def content_kind(data: bytes) -> str | None:
    """The fine-grained kind of `data`: a format of `sniff_format`, or "zip", "executable", "image"..."""
    if b"%PDF-" in data[:1024]:  # readers accept up to 1 KB of junk before the header
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx" if _zip_has(data, "word/document.xml") else "zip"
    if _is_pe(data):
        return "executable"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if len(data) > SNIFF_BYTES:
        head = _trim_partial_utf8(head)
    decoded = guess_decode(head)
    if decoded is None:
        return None
    text = decoded[0].lstrip("\ufeff")
    # A document that starts with <html>/<!doctype html>, or has several HTML tags early on.
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text[:4096])) >= 3:
        return "html"
    return "txt"


def sniff_format(data: bytes) -> str | None:
    """The format of `data` recognized from its content: "pdf", "docx", "html", "txt", or None (not a
    document: executables, images, archives, other zips, binary junk). Names match `RawText.format`."""
    kind = content_kind(data)
    return kind if kind in ("pdf", "docx", "html", "txt") else None


def describe(kind: str | None) -> str:
    return DESCRIPTIONS.get(kind, kind or DESCRIPTIONS[None])


def _zip_has(data: bytes, name: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return name in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # a damaged zip: the DOCX reader reports why


def _is_pe(data: bytes) -> bool:
    """A Windows executable: "MZ", then the PE signature where the DOS header points (text may start "MZ")."""
    if not data.startswith(b"MZ") or len(data) < 64:
        return False
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return data[offset : offset + 4] == b"PE\x00\x00" or b"program cannot be run in DOS mode" in data[:512]


def _trim_partial_utf8(head: bytes) -> bytes:
    """The head may cut a multi-byte UTF-8 character in two: drop its first bytes, so strict UTF-8 works."""
    for cut in range(4):
        try:
            head[: len(head) - cut].decode("utf-8")
            return head[: len(head) - cut]
        except UnicodeDecodeError:
            continue
    return head
