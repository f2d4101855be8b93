"""Text similarity on word shingles, and the one near-duplicate threshold.

Near-duplicate groups are computed at ingest (`ingest.dedup`, incrementally, stored on the passages); the
query side reads those groups and never recomputes them. `jaccard` serves the evaluation and tests.
"""

from __future__ import annotations

import re

from lgnet.text import fold, strip_markdown

NEAR_DUPLICATE = 0.6  # word 3-gram Jaccard at which two passages say the same thing


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = re.findall(r"\w+", fold(strip_markdown(text)))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def jaccard(a: str, b: str) -> float:
    """Exact shingle Jaccard similarity of two texts."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0
