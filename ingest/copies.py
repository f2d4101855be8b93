"""When two documents are copies of one article (syndicated copies): the comparison of their sampled shingles.

`ingest.dedup` keeps the shingles and the links in the index's state file; this module only decides. A shingle
is boilerplate when documents of `BOILERPLATE_CITIES` cities or more hold it; two documents are copies when the
smaller shares `DOC_SHARE` of its own (non-boilerplate) shingles with the other, its page furniture (`furniture`)
left out when the other lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from ingest.city import sidebar_spans
from ingest.minhash import gram_hashes, overlap

DOC_SHARE = 0.6
DOC_MIN_OWN = 6  # sampled own shingles the smaller document needs (about 24 shingles) to be compared at all
DOC_SAMPLE = 4
# A document's blocks (between blank lines) under this many words are its page's furniture when its running text
# (the longer blocks) holds at least half its words: an outlet's masthead, title, byline, sidebar headlines and
# footer, which counted against its copy (Cuneo's outlet copy shared 0.57 of its own shingles, 0.80 without).
FURNITURE_WORDS = 20
BOILERPLATE_CITIES = 3


def without_boilerplate(grams: dict[str, np.ndarray], ids: Iterable[str], boiler: set[int]) -> dict[str, np.ndarray]:
    """The documents' sampled shingles without the boilerplate ones: what two copies must share."""
    if not boiler:
        return {i: grams[i] for i in ids}
    drop = np.array(sorted(boiler), dtype=np.int64).view(np.uint64)
    return {i: np.setdiff1d(grams[i], drop, assume_unique=True) for i in ids}


def doc_shingles(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A document's sampled shingles (1 in DOC_SAMPLE, by hash) and those of them that are its page's furniture."""
    g = gram_hashes(text)
    sampled = g[g % np.uint64(DOC_SAMPLE) == 0]
    return sampled, furniture(text, sampled)


def furniture(text: str, sampled: np.ndarray) -> np.ndarray:
    """The document's sampled shingles found only in its short blocks (its page's furniture), when its running
    text holds at least half its words (else none: a PDF's lines without blank lines between paragraphs, a list),
    and those found only in its sidebars' lists of other stories ("IN BREVE", "Leggi anche": a page clipping's
    news in brief, whatever its line breaks)."""
    sidebars = sidebar_spans(text)
    parts, last = [], 0
    for a, b in sidebars:
        parts.append(text[last:a])
        last = max(last, b)
    text = "\n\n".join([*parts, text[last:]])
    blocks = re.split(r"\n[ \t]*\n", text)
    running = [b for b in blocks if len(b.split()) >= FURNITURE_WORDS]
    if sum(len(b.split()) for b in running) * 2 < len(text.split()):
        if not sidebars:
            return np.zeros(0, dtype=np.uint64)
        running = [text]  # no blocks to tell apart: only the sidebars are furniture
    body = gram_hashes("\n\n".join(running))
    return np.setdiff1d(sampled, body, assume_unique=True)


def copies(a: np.ndarray, b: np.ndarray, fa: np.ndarray | None = None, fb: np.ndarray | None = None) -> bool:
    """Two documents' own shingles (boilerplate removed): the smaller shares DOC_SHARE of its own, without the
    furniture (`fa`, `fb`) the other does not have (a copy's sidebar and masthead, but a title both carry counts).
    Documents of two different cities get no furniture left out (`forgiven`)."""
    shared = overlap(a, b)
    size_a = a.size - _unshared(fa, a, b)
    size_b = b.size - _unshared(fb, b, a)
    smaller = min(size_a, size_b)
    return smaller >= DOC_MIN_OWN and shared / smaller >= DOC_SHARE


def forgiven(furn: dict[str, np.ndarray], cities: dict[str, str], a: str, b: str
              ) -> tuple[np.ndarray | None, np.ndarray | None]:  # fmt: skip
    """The furniture of two documents that may be left out: none when their cities differ (a short-lined article
    of one city beside another city's with the same long paragraph is no copy of it)."""
    if cities.get(a) and cities.get(b) and cities[a] != cities[b]:
        return None, None
    return furn.get(a), furn.get(b)


def _unshared(furn: np.ndarray | None, own: np.ndarray, other: np.ndarray) -> int:
    """How many of a document's own furniture shingles the other document lacks."""
    if furn is None or not furn.size:
        return 0
    mine = np.intersect1d(furn, own, assume_unique=True)
    return int(mine.size - overlap(mine, other))
