"""Shared text handling: decode bytes of unknown encoding; clean the text the same way for every format."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from lgnet.errors import CorruptFile

# Share of control characters (other than whitespace ones) above which decoded bytes are binary, not text.
MAX_CONTROL_RATIO = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Non-ASCII characters of Italian (and Western European) text, as cp1252 decodes them. Municipal documents
# are mostly cp1252, and charset-normalizer on short Italian text guesses cp1250/cp1258 and mangles accents.
_WESTERN = set("àáâäèéêëìíîïòóôöùúûüçñÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÇÑ€‘’“”„–—…«»°ºª·•×\u00a0")
# Unicode category Cc is exactly C0, DEL and C1; regexes rather than per-character loops, for big files.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # what no text file has; not \t\n\v\f\r
_STRIP = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")  # every control but \t and \n, stray BOMs
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def control_ratio(text: str) -> float:
    """Share of control characters that no text file has (NUL, ESC...; not newlines or tabs)."""
    return len(_BINARY_CONTROLS.findall(text)) / len(text) if text else 0.0


def _looks_western(text: str) -> bool:
    non_ascii = _NON_ASCII.findall(text)
    return sum(c in _WESTERN for c in non_ascii) >= 0.9 * len(non_ascii)


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def guess_decode(data: bytes, hint: str | None = None) -> tuple[str, str] | None:
    """Decode `data` as text and return (text, encoding), or None when it is not text in any encoding.

    Order: a BOM; strict UTF-8; the encoding the document declares (`hint`, e.g. an HTML <meta charset>);
    cp1252 when the result reads as Western European; charset-normalizer's detection.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = [(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")]
    elif bom := next((enc for mark, enc in _BOMS if data.startswith(mark)), None):
        candidates = [(data, bom, bom)]
    else:
        candidates = [(data, "utf-8", "utf-8")]
        codec = _codec_name(hint) if hint else None
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers do: cp1252 is a superset of latin-1's printable characters
        if codec:
            candidates.append((data, codec, codec))
    for raw, codec, label in candidates:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if control_ratio(text) <= MAX_CONTROL_RATIO:
            return text, label
        return None  # valid UTF-8/BOM-marked but full of control characters: binary
    try:
        text = data.decode("cp1252")
        if _looks_western(text) and control_ratio(text) <= MAX_CONTROL_RATIO:
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if control_ratio(text) > MAX_CONTROL_RATIO:
        return None
    return text, best.encoding


def decode_text(path: Path, data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes or raise CorruptFile: binary content is refused, not ingested as junk."""
    decoded = guess_decode(data, hint)
    if decoded is None:
        raise CorruptFile(path, "binary content, not text")
    return decoded


_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """Newlines to \\n, Unicode NFC, no NUL nor other control characters (but tabs, newlines), no BOM."""
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    return _STRIP.sub("", text)
