"""Recognize a file's real type from its bytes: uploads are typed by content, not by name."""

from __future__ import annotations

import base64
import binascii
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
# The DER encoding of the CMS signedData content type (1.2.840.113549.1.7.2), near the start of a .p7m.
_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")
_PEM_CMS = re.compile(rb"\s*-----BEGIN (?:PKCS7|PKCS #7 SIGNED DATA|CMS)-----")
_BASE64_HEAD = re.compile(rb"\s*(MI[A-Za-z0-9+/]{42})")  # base64 of a DER SEQUENCE ("0\x80"/"0\x82"...)
# Which zip members (or ODF mimetype) make an office format.
_ZIP_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# An e-mail starts with header lines; these names make it one (a note that merely says "Oggetto:" does not).
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,40}:")
_MAIL_HEADERS = {"from", "to", "subject", "date", "mime-version", "message-id", "received", "return-path", "cc"}

DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a DOCX document",
    "odt": "an OpenDocument text (ODT)",
    "ods": "an OpenDocument spreadsheet (ODS)",
    "xlsx": "an Excel workbook (XLSX)",
    "p7m": "a signed CMS envelope (.p7m)",
    "eml": "an e-mail message",
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
    if is_cms(data):  # first: a signed PDF has "%PDF-" in its first kilobyte too
        return "p7m"
    if b"%PDF-" in data[:1024]:  # readers accept up to 1 KB of junk before the header
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data)
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
    if _looks_like_mail(text):
        return "eml"
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text[:4096])) >= 3:
        return "html"
    return "txt"


DOCUMENT_KINDS = ("pdf", "docx", "odt", "ods", "xlsx", "p7m", "eml", "html", "txt")


def sniff_format(data: bytes) -> str | None:
    """The format of `data` recognized from its content: one of DOCUMENT_KINDS, or None (not a document:
    executables, images, archives, other zips, binary junk)."""
    kind = content_kind(data)
    return kind if kind in DOCUMENT_KINDS else None


def is_cms(data: bytes) -> bool:
    """A CMS SignedData envelope: DER, PEM-armoured, or bare base64 of DER (as some signing tools save it)."""
    if data[:1] == b"\x30" and _SIGNED_DATA_OID in data[:32]:
        return True
    if _PEM_CMS.match(data[:256]):
        return True
    head = _BASE64_HEAD.match(data[:256])
    if head is None:
        return False
    try:
        return _SIGNED_DATA_OID in base64.b64decode(head.group(1))
    except (binascii.Error, ValueError):
        return False


def describe(kind: str | None) -> str:
    return DESCRIPTIONS.get(kind, kind or DESCRIPTIONS[None])


def _zip_kind(data: bytes) -> str:
    """The office format ("docx", "xlsx", "odt", "ods") by the members that define it, else "zip" (damaged
    ones too: the format's reader reports why)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            for member, kind in _ZIP_MEMBERS:
                if member in names:
                    return kind
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 256:
                return _ODF_MIMETYPES.get(zf.read("mimetype").strip(), "zip")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError):
        pass
    return "zip"


def _looks_like_mail(text: str) -> bool:
    """RFC 5322 headers up to the first blank line, with at least three of the usual names."""
    names: set[str] = set()
    for number, line in enumerate(text.lstrip("\r\n").splitlines()):
        if not line.strip():
            break
        if number == 0 and line.startswith("From "):  # an mbox separator line
            continue
        if line[:1] in (" ", "\t"):  # a folded header continues
            continue
        if not _HEADER_LINE.match(line) or number > 200:
            return False
        names.add(line.split(":", 1)[0].lower())
    return len(names & _MAIL_HEADERS) >= 3


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
