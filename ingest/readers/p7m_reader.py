"""Signed files (.p7m, CAdES): the CMS SignedData envelope opened with asn1crypto, the signed file inside read
by its own reader (named after the envelope: scheda.pdf.p7m holds a PDF), the signers' names and the signing
time kept as metadata.

The content is checked against the digest the signer signed (altered content is refused); the signature
itself and the certificate chain are not verified: that needs a trust list of qualified certificates, and
ingesting asks only what the file says and who signed it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from pathlib import Path

from asn1crypto import cms
from asn1crypto.core import Void

from ingest.model import RawText
from ingest.readers._sniff import content_kind, is_cms
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile, IngestError

_ARMOUR = re.compile(rb"-----(?:BEGIN|END) [A-Z0-9 #]+-----")
_SUFFIX = re.compile(r"\.p7m$", re.I)
MAX_ENVELOPES = 3  # a file signed again and again: envelopes inside envelopes


def read_p7m(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    from ingest.readers import read_data, suffix_for_kind  # the registry imports this module

    content, signers, signed_at = _open(path, data)
    for _ in range(MAX_ENVELOPES):  # countersigned files wrap an envelope in another one
        if not is_cms(content):
            break
        content, more, signed_at_inner = _open(path, content)
        signers += [name for name in more if name not in signers]
        signed_at = signed_at or signed_at_inner
    inner_name = _inner_name(path, content, suffix_for_kind)
    try:
        raw = read_data(path.parent / inner_name, content, limits)
    except IngestError as exc:  # name the envelope, the file that exists, with what was wrong inside it
        raise type(exc)(path, f"signed content ({inner_name}): {exc.reason}") from exc
    raw.path = path
    raw.meta = {**raw.meta, "signed": True, "signers": signers, "signed_at": signed_at}
    return raw


def _open(path: Path, data: bytes) -> tuple[bytes, list[str], str | None]:
    """The signed content, the signers' names and the earliest signing time of one envelope."""
    der = _der(path, data)
    try:
        info = cms.ContentInfo.load(der)
        if info["content_type"].native != "signed_data":
            raise CorruptFile(path, f"not a signed envelope (CMS {info['content_type'].native})")
        signed = info["content"]
        content = signed["encap_content_info"]["content"].native
        certificates = [c.chosen for c in _present(signed["certificates"]) if c.name == "certificate"]
        signers, times = [], []
        for signer in signed["signer_infos"]:
            attributes = {a["type"].native: a["values"] for a in _present(signer["signed_attrs"])}
            if content is not None and "message_digest" in attributes:
                _check_digest(path, content, signer["digest_algorithm"]["algorithm"].native, attributes)
            if "signing_time" in attributes:
                times.append(attributes["signing_time"][0].native)
            name = _signer_name(signer, certificates)
            if name and name not in signers:
                signers.append(name)
    except IngestError:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError... on malformed structures
        raise CorruptFile(path, f"damaged signed envelope: {type(exc).__name__}: {exc}") from exc
    if content is None:
        raise CorruptFile(path, "detached signature: the signed file is not inside the envelope")
    if not content:
        raise CorruptFile(path, "the signed envelope holds an empty file")
    signed_at = min(times).isoformat() if times else None
    return bytes(content), signers, signed_at


def _present(value):  # noqa: ANN001, ANN202
    """An optional SET of the envelope: itself, or () when the envelope leaves it out."""
    return () if isinstance(value, Void) else value


def _der(path: Path, data: bytes) -> bytes:
    """DER as is; PEM or bare base64 (several signing tools save that) decoded."""
    if data[:1] == b"\x30":
        return data
    body = b"".join(_ARMOUR.sub(b"", data).split())
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CorruptFile(path, f"damaged signed envelope (bad base64): {exc}") from exc


def _check_digest(path: Path, content: bytes, algorithm: str, attributes: dict) -> None:
    expected = attributes["message_digest"][0].native
    try:
        actual = hashlib.new(algorithm.replace("_", "-") if algorithm.startswith("sha3") else algorithm, content)
    except ValueError:
        return  # an algorithm hashlib does not know: nothing to compare with
    if actual.digest() != expected:
        raise CorruptFile(path, "the signed content does not match the signature's digest (altered after signing)")


def _signer_name(signer: cms.SignerInfo, certificates: list) -> str | None:
    sid = signer["sid"]
    match = None
    for cert in certificates:
        if sid.name == "issuer_and_serial_number":
            if cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native:
                match = cert
        elif cert.key_identifier == sid.chosen.native:
            match = cert
    cert = match or (certificates[0] if len(certificates) == 1 else None)
    if cert is None:
        return None
    subject = cert.subject.native
    name = subject.get("common_name") or " ".join(
        part for part in (subject.get("given_name"), subject.get("surname")) if part
    )
    return str(name).strip() or None


def _inner_name(path: Path, content: bytes, suffix_for_kind) -> str:  # noqa: ANN001
    """scheda.pdf.p7m -> scheda.pdf; with no known suffix left, one for what the content is."""
    from ingest.readers import supported_suffixes

    name = _SUFFIX.sub("", path.name) or "documento"
    if Path(name).suffix.lower() in supported_suffixes():
        return name
    suffix = suffix_for_kind(content_kind(content))
    return name + (suffix or ".bin")
