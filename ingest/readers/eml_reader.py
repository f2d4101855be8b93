"""E-mail messages (.eml, RFC 5322/MIME) with the standard library: the message is a document (subject as
title, sender, date, body: plain text, or HTML made text; its recipients, To and Cc, in its metadata only, where
ingest/city.py reads a comune's domain among them) and each attachment is read by its own reader and
becomes a document linked to it (`RawText.attachments`; ingest/documents.py links them both ways).

An attachment that cannot be read (unsupported type, damaged...) does not lose the message: it is listed
in the message's `attachments_not_read` metadata with the reason.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path

from ingest.model import RawText
from ingest.readers._text import clean_text
from ingest.readers.html_reader import read_html
from ingest.readers.limits import ReadLimits
from lgnet.errors import CorruptFile, IngestError

_UNSAFE = re.compile(r"[^\w.\- ]+")


def read_eml(path: Path, data: bytes, limits: ReadLimits) -> RawText:
    from ingest.readers import read_data  # the registry imports this module

    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        subject = clean_text(str(message.get("subject") or "")).strip()
        sender = _addresses(message, "from")
        recipients = ", ".join(a for a in (_addresses(message, "to"), _addresses(message, "cc")) if a)
        date = _date(message)
        body = _body(path, message, limits)
        parts = list(message.iter_attachments())
    except IngestError:
        raise
    except Exception as exc:  # the email package raises many types on broken MIME
        raise CorruptFile(path, f"damaged e-mail: {type(exc).__name__}: {exc}") from exc
    attachments: list[RawText] = []
    not_read: list[str] = []
    names: list[str] = []
    for n, part in enumerate(parts, start=1):
        name = _safe_name(part.get_filename() or "", n)
        names.append(name)
        if n > limits.max_attachments:
            not_read.append(f"{name}: over the limit of {limits.max_attachments} attachments")
            continue
        try:
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # a forwarded message/rfc822 part: not a file
                raise CorruptFile(name, "an attached message, not a file")
            attachments.append(read_data(Path(f"{path}/{name}"), payload, limits))
        except IngestError as exc:
            not_read.append(f"{name}: {exc.reason}")
    header = [line for line in (subject, f"Da: {sender}" if sender else "") if line]
    if names:
        body += "\n\nAllegati: " + ", ".join(names)
    text = "\n\n".join(["\n".join(header), body.strip()]).strip()
    meta = {"sender": sender, "recipients": recipients, "attachments_not_read": not_read}
    return RawText(
        path=path, text=text, format="eml", title=subject or None, date=date, meta=meta, attachments=attachments
    )


def _addresses(message: EmailMessage, header: str) -> str:
    pairs = getaddresses([str(v) for v in message.get_all(header, [])])
    return ", ".join(f"{name} <{address}>" if name else address for name, address in pairs if name or address)


def _date(message: EmailMessage) -> str | None:
    header = message.get("date")
    moment = getattr(header, "datetime", None)
    return moment.date().isoformat() if moment else None


def _body(path: Path, message: EmailMessage, limits: ReadLimits) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        return read_html(path, content.encode("utf-8"), limits).text
    return clean_text(content)


def _safe_name(name: str, n: int) -> str:
    """An attachment's file name without folders or odd characters ("allegato-3" when it has none)."""
    name = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" ._")
    return name[:120] or f"allegato-{n}"
