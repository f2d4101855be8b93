"""Cleaning: page furniture (URLs, share buttons, counters, agency codes, word counts) is blanked out.

Lines are replaced by spaces of the same length, so every character offset into the text still points at
the same place of the original file. The URL and the date are not lost: they are the document's metadata.
"""

from __future__ import annotations

import re

from lgnet.text import fold

_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|jun|jul|aug|sep|oct|dec"
)
_PATTERNS = [
    r"<?https?://\S+>?|[\w.-]+\.(?:it|com|eu|org|net|biz)/\S*",  # a bare link
    r"\d+ (?:words|parole),?",  # Factiva word count
    r"\d{1,2}[:.]\d{2}(?: ?[ap]m)?,?",  # a time
    r"(?:italian|english|italiano),?",
    r"(?:©|copyright).{0,60}",
    r"[a-z]{4,8}",  # agency feed codes (ANSAPO, ASCANG); checked on the original case below
    rf"(?:\w+ )?\d{{1,2}}[ .]?(?:{_MONTHS})\.?[ ,]+\d{{4}}.{{0,20}}",  # a date line, maybe with a time
    rf"(?:{_MONTHS}) \d{{1,2}},? \d{{4}}.{{0,40}}",
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.{0,20}",
    r"[\d\s.,:]*(?:commenti|condivisioni|views|visualizzazioni|mi piace)[\d\s.,:a-z]*",
    r"\d+ ?(?:h|m|g|min|giorni?|ore) ?[·•]?.{0,4}",
    r"\w{0,20}\s?\d+ giorn[oi] fa",
    r"\d{1,3}",  # a lone counter
]
_FURNITURE = re.compile(r"(?:" + "|".join(_PATTERNS) + r")", re.I)
_SOCIAL = {
    "mi",
    "piace",
    "commenta",
    "condividi",
    "scrivi",
    "un",
    "commento",
    "segui",
    "invia",
    "agli",
    "amici",
    "con",
    "gli",
    "leggi",
    "tutta",
    "la",
    "notizia",
    "translate",
    "post",
    "tutti",
    "articoli",
    "avvisami",
    "mia",
    "informazione",
    "add",
    "comment",
    "sui",
    "social",
    "oggi",
    "like",
    "share",
    "follow",
    "reply",
    "rispondi",
}
_LINK_LABELS = re.compile(r"\[([^\]]*)\]\([^)]*\)")


# A heading in capitals of two or more words ("COSTI E FINANZIAMENTO", "LA SOLUZIONE"): in a text with two of them,
# a word in capitals on its own line is one more heading ("PARTNER", "CONTATTI"), not an agency's feed code.
_CAPITALS_HEADING = re.compile(r"^[ \t#*]*[A-ZÀ-Ý][A-ZÀ-Ý'’]*(?:[ \t]+[A-ZÀ-Ý'’]+)+[ \t*]*$", re.M)


def _is_furniture(line: str, headings: bool = False) -> bool:
    bare = _LINK_LABELS.sub(r"\1", line).strip().strip("-–•·|*#⋮ ")
    if not bare:
        return False
    if re.fullmatch(r"[A-Z]{4,8}", bare):  # upper-case feed code, not an ordinary word
        return not headings
    if _FURNITURE.fullmatch(bare) and not re.fullmatch(r"[a-z]{4,8}", bare, re.I):
        return True
    words = re.findall(r"[^\W\d_]+", fold(bare))
    # Only share-button words and symbols (emoji, arrows, counters) left: "👍 Mi piace", "➦ Condividi".
    return bool(words) and set(words) <= _SOCIAL and len(bare) < 60


def blank_furniture(text: str) -> str:
    """The text with furniture lines turned into spaces (same length, same line breaks)."""
    out = []
    headings = len(_CAPITALS_HEADING.findall(text, 0, 200_000)) >= 2
    for line in text.split("\n"):
        out.append(" " * len(line) if _is_furniture(line, headings) else line)
    return "\n".join(out)
