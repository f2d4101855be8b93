"""HTML with BeautifulSoup (stdlib html.parser): visible text with paragraph breaks; title from <title>."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ingest.model import RawText
from ingest.readers._text import clean_text, decode_text
from ingest.readers.limits import ReadLimits

# Not content: code, styling, navigation menus, and <head> elements that carry no visible text.
DROP = ("script", "style", "nav", "noscript", "template", "title", "meta", "link", "base", "svg", "iframe")
BLOCKS = (
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "address",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "caption",
    "figure", "figcaption", "form", "fieldset", "hr", "details", "summary",
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


class _Break(NavigableString):
    """A line or paragraph break we insert; kept as is when inline whitespace is collapsed."""


def read_html(path: Path, data: bytes, limits: ReadLimits | None = None) -> RawText:
    declared = _META_CHARSET.search(data[:4096])
    text, encoding = decode_text(path, data, hint=declared.group(1).decode("ascii") if declared else None)
    soup = BeautifulSoup(text, "html.parser")
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in soup.find_all("br"):
        tag.replace_with(_Break("\n"))
    for tag in soup.find_all(["td", "th"]):
        if tag.find_previous_sibling(["td", "th"]):
            tag.insert_before(_Break(" | "))
    for tag in soup.find_all(BLOCKS):
        tag.insert_before(_Break("\n\n"))
        tag.insert_after(_Break("\n\n"))
    parts: list[str] = []
    for node in soup.descendants:  # iterative: deeply nested hostile HTML does not hit the recursion limit
        if not isinstance(node, NavigableString) or isinstance(
            node, Comment | Declaration | Doctype | ProcessingInstruction
        ):
            continue
        if isinstance(node, _Break):
            parts.append(str(node))
        else:
            parts.append(re.sub(r"\s+", " ", str(node)))  # source line breaks inside a paragraph are spaces
    body = clean_text("".join(parts))
    body = "\n".join(_SPACES.sub(" ", line).strip() for line in body.split("\n"))
    body = _BLANK_LINES.sub("\n\n", body).strip()
    return RawText(path=path, text=body, format="html", encoding=encoding, title=clean_text(title) or None)
