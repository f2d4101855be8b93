"""E-mail messages as texts: whether a text is one, and which part of it is the sender's own message.

An e-mail (an .eml file as ingest/readers/eml_reader.py renders it: subject, "Da: sender", body; or a message pasted
into a text file with its "From:" / "To:" / "Subject:" / "Oggetto:" lines) may carry other people's words below its
own: a forwarded message ("---------- Messaggio inoltrato ----------", "-----Original Message-----", a mail client's
"Da: ... Inviato: ... Oggetto: ..." block), or the message it answers, under "Il 10/11/2026 alle 15:20, X ha
scritto:" / "On ..., X wrote:" and quoted line by line with ">". What the message is (ingest/doctype.py) is decided
from the sender's own part; the forwarded sheet or the quoted questions are another sender's document.
"""

from __future__ import annotations

import re

# A forwarded or original message's separator line
FORWARDED = re.compile(r"^[ \t>]*(?:-{3,}\s*(?:messaggio\s+(?:inoltrato|originale)|forwarded\s+message|original\s+"
                       r"message)\s*-{3,}|inizio\s+messaggio\s+inoltrato\s*:)", re.I | re.M)  # fmt: skip
# The line a reply opens the quoted message with: "Il 10/11/2026 alle 15:20, X ha scritto:", "Il giorno gio 3 dic
# 2026 alle ore 10:12 X <x@y.it> ha scritto:", "On Mon, 3 Dec 2026 at 10:12, X wrote:"
# (a passage's display text may run the quoted lines into it: "... ha scritto: > Gentili referenti, > per la ...")
_REPLY_HEADER = re.compile(r"^[ \t>]*(?:il|on)\b[^\n]{4,200}?\b(?:ha scritto|wrote)\s*:(?=[ \t]*(?:$|>))", re.I | re.M)
# A mail client's header block (a forwarded or answered message inside the body, or a pasted message's own)
_HEADER_LINE = re.compile(r"^[ \t>*]*(?P<label>from|da|to|a|cc|sent|inviato|date|data|subject|oggetto)[ \t]*:[ \t]*\S",
                          re.I | re.M)  # fmt: skip
_SENDER = frozenset({"from", "da"})
_OTHER_FIELDS = frozenset({"to", "a", "sent", "inviato", "subject", "oggetto"})
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.M)
_HEAD_LINES = 8  # a message's own header is among its first lines
_BLOCK_LINES = 5  # the lines of one header block


def _header_blocks(text: str) -> list[int]:
    """Where each header block starts: a sender's line ("From:", "Da:") with another header field ("To:", "Oggetto:",
    "Inviato:") on one of the next lines."""
    starts = []
    for m in _HEADER_LINE.finditer(text):
        if m.group("label").lower() not in _SENDER:
            continue
        block = "\n".join(text[m.end() :].split("\n", _BLOCK_LINES)[1:_BLOCK_LINES])
        if any(f.group("label").lower() in _OTHER_FIELDS for f in _HEADER_LINE.finditer(block)):
            starts.append(m.start())
    return starts


def _line_number(text: str, offset: int) -> int:
    """How many non-empty lines come before `offset`."""
    return sum(1 for line in text[:offset].splitlines() if line.strip())


def is_email(text: str, file_format: str | None = None) -> bool:
    """An e-mail message: an .eml file, or a text whose first lines are a message's header (a sender's line and
    another header field: "From: ...\\nTo: ...", "Da: ...\\nOggetto: ...")."""
    if file_format == "eml":
        return True
    return any(_line_number(text, start) < _HEAD_LINES for start in _header_blocks(text))


def own_end(text: str) -> int:
    """Where the sender's own message ends: the first forwarded or answered message (its separator, the reply's "...
    ha scritto:" line or a header block past the message's own header), else the text's end."""
    ends = [m.start() for m in (FORWARDED.search(text), _REPLY_HEADER.search(text)) if m]
    ends += [s for s in _header_blocks(text) if _line_number(text, s) >= _HEAD_LINES]
    return min(ends, default=len(text))


def own_part(text: str) -> str:
    """The sender's own message: the text before the first forwarded or answered message (own_end), without lines
    quoted with ">"."""
    return _QUOTED_LINE.sub("", text[: own_end(text)])


def someone_elses(text: str, offset: int, own: int | None = None) -> bool:
    """The e-mail's `text` at `offset` is another sender's: in the message it forwards or answers, or on a line quoted
    with ">" (`own`: own_end(text), when known)."""
    return offset >= (own_end(text) if own is None else own) or quoted_line(text, offset)


def others_from(text: str, email: bool = True) -> int | None:
    """Where another sender's message begins in a text or a passage of it: a forwarded message's separator, and in an
    e-mail a reply's "... ha scritto:" line too; None when neither is in it."""
    found = [m.start() for m in (FORWARDED.search(text), _REPLY_HEADER.search(text) if email else None) if m]
    return min(found) if found else None


def quoted_line(text: str, offset: int) -> bool:
    """The line holding `offset` is quoted with ">" (a reply's copy of the message it answers)."""
    start = text.rfind("\n", 0, offset) + 1
    return text[start : offset + 1].lstrip(" \t").startswith(">")
