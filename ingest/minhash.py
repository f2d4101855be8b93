"""Word 3-gram shingles as hashes, their Jaccard similarity, and the MinHash LSH band keys of a text: the
arithmetic of the near-duplicate tables (`ingest.dedup`)."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from lgnet.text import fold, strip_markdown

NUM_PERM = 126
BAND_ROWS = 3  # 42 bands of 3 rows: a pair at Jaccard 0.6 is missed with probability 4e-5


# --- shingles ----------------------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(strip_markdown(text)))


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def gram_hashes(text: str) -> np.ndarray:
    """The text's word 3-grams as sorted unique 64-bit hashes (stable across processes and runs)."""
    words = _words(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= 3:
        with np.errstate(over="ignore"):
            m = np.uint64(0x9E3779B97F4A7C15)
            h = _mix((h[:-2] * m + h[1:-1]) * m + h[2:])
    else:
        h = np.array([int(np.bitwise_xor.reduce(h))], dtype=np.uint64)
    return np.unique(h)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a non-linear 64-bit mix (a linear hash family over linearly built keys is far
    from min-wise independent)."""
    with np.errstate(over="ignore"):
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def gram_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not a.size or not b.size:
        return 0.0
    inter = overlap(a, b)
    return inter / (a.size + b.size - inter)


def set_jaccard(a: set[int], b: set[int]) -> float:
    """`gram_jaccard` of the same grams held as sets."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# --- MinHash LSH -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _seeds() -> np.ndarray:
    rng = np.random.RandomState(1)  # fixed: band keys are persisted and must stay comparable
    return rng.randint(0, 1 << 62, size=(NUM_PERM, 1), dtype=np.int64).astype(np.uint64)


def signature(grams: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM minima): the share of positions two signatures agree on estimates the
    Jaccard of their grams (standard error 0.044 at 0.6). Empty grams: zeros."""
    if not grams.size:
        return np.zeros(NUM_PERM, dtype=np.uint64)
    return _mix(grams[None, :] ^ _seeds()).min(axis=1)


def passage_shingles(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A passage's word 3-gram hashes and their MinHash signature: a pure function of its text, computed by the
    parse worker beside the embedding (`ingest.prepare`) and here for the passages it did not read."""
    grams = gram_hashes(text)
    return grams, signature(grams)


def agreement(signatures: np.ndarray, a: np.ndarray, b: np.ndarray, step: int = 20_000) -> np.ndarray:
    """For each pair (a[i], b[i]) of rows of `signatures`, the share of positions they agree on."""
    out = np.empty(len(a), dtype=np.float32)
    for i in range(0, len(a), step):
        out[i : i + step] = (signatures[a[i : i + step]] == signatures[b[i : i + step]]).mean(axis=1)
    return out


def likely_pairs(pairs: set[tuple[str, str]], sigs: dict[str, np.ndarray], least: float) -> list[tuple[str, str]]:
    """The candidate pairs whose MinHash signatures (`sigs` by id) agree on at least `least` of their positions."""
    if not pairs:
        return []
    ordered = list(pairs)
    nodes = sorted({i for pair in ordered for i in pair})
    row = {n: k for k, n in enumerate(nodes)}
    matrix = np.stack([sigs[n] for n in nodes])
    a = np.fromiter((row[x] for x, _ in ordered), dtype=np.int64, count=len(ordered))
    b = np.fromiter((row[y] for _, y in ordered), dtype=np.int64, count=len(ordered))
    keep = agreement(matrix, a, b) >= least
    return [pair for pair, k in zip(ordered, keep.tolist(), strict=True) if k]


def band_keys(grams: np.ndarray, sig: np.ndarray | None = None) -> list[int]:
    """The LSH bucket key of each band of the MinHash signature (signed 64-bit, for SQLite); `sig`: the grams'
    signature when already computed."""
    if not grams.size:
        return []
    sig = signature(grams) if sig is None else sig
    bands = sig[: NUM_PERM - NUM_PERM % BAND_ROWS].reshape(-1, BAND_ROWS)
    with np.errstate(over="ignore"):
        keys = bands[:, 0] * np.uint64(1_000_003) ^ bands[:, 1] * np.uint64(998_244_353) ^ bands[:, 2]
    return [int(k) for k in keys.view(np.int64)]


def blob(grams: np.ndarray) -> bytes:
    return grams.astype(np.uint64).tobytes()


def unblob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)
