"""Splitters: cut one file's text into logical documents (press review articles, summary tables).

A registry beside the reader registry (ingest/readers): a new kind of compound file registers a splitter for
its document type, with a test that recognises it from the content. `DocumentBuilder` asks the registry;
a file no splitter takes is one document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingest.model import Part
from ingest.splitters.press_review import IndexRow, looks_like_press_review, parse_index, split_press_review
from lgnet.vocabulary import DOC_TYPES


@dataclass(frozen=True)
class Splitter:
    doc_type: str  # the document type of the whole file it splits (lgnet/vocabulary.py DOC_TYPES)
    recognises: Callable[[str], bool]  # does this text look like such a file?
    split: Callable[[str], list[Part]]  # its parts, with offsets into the text; [] when it cannot split it


_SPLITTERS: list[Splitter] = []


def register(doc_type: str, recognises: Callable[[str], bool], split: Callable[[str], list[Part]]) -> None:
    if doc_type not in DOC_TYPES:
        raise ValueError(f"unknown document type {doc_type!r}: add it to lgnet/vocabulary.py first")
    _SPLITTERS[:] = [s for s in _SPLITTERS if s.doc_type != doc_type] + [Splitter(doc_type, recognises, split)]


def splitter_for(text: str, doc_type: str | None = None) -> Splitter | None:
    """The splitter of a declared document type (catalogue entry, upload field) or, with none declared, the
    first whose test recognises the text."""
    if doc_type is not None:
        return next((s for s in _SPLITTERS if s.doc_type == doc_type), None)
    return next((s for s in _SPLITTERS if s.recognises(text)), None)


def split(text: str, doc_type: str | None = None) -> list[Part]:
    """The parts of a compound file, or [] when no splitter takes it (or it finds no parts)."""
    splitter = splitter_for(text, doc_type)
    return splitter.split(text) if splitter else []


register("press_review", looks_like_press_review, split_press_review)

__all__ = [
    "IndexRow",
    "Splitter",
    "looks_like_press_review",
    "parse_index",
    "register",
    "split",
    "split_press_review",
    "splitter_for",
]
