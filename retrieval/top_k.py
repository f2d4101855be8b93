"""The positions of an array's k largest values, without a selection over the whole array.

A search keeps the best 1,000 of its lexical scores and the best 2,000 rows of the dense sketch
(retrieval/stages.py, retrieval/vectors.py): at 100k passages `np.argpartition` over every score cost ~0.9 ms of
CPU each, as much as the rescoring after it. Here a strided sample of the values (about `SAMPLE` of them) gives a
threshold that about `MARGIN` x k values reach; the values at or above it are read with one comparison, and the
selection runs over those few thousand only. Every value at or above the k-th largest reaches the threshold
whenever at least k values do (checked: otherwise the whole array is selected from), so the answer is exact.
Ties at the k-th value go to the lowest positions, so the same scores always give the same positions (an
`argpartition` took any of them).
"""

from __future__ import annotations

import numpy as np

SAMPLE = 4096  # values read for the threshold
MARGIN = 2  # the threshold is set where about this many times k values reach it
SAMPLED_ABOVE = 8  # sample only when the array holds more than this many times k values


def largest(values: np.ndarray, k: int) -> np.ndarray:
    """The positions (ascending) of the `k` largest of `values` (a 1-d float array without NaN), ties at the k-th
    value by lowest position; every position when there are at most `k`."""
    n = values.size
    if k >= n:
        return np.arange(n)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    candidates = None
    if n > SAMPLED_ABOVE * k:
        step = max(1, n // SAMPLE)
        sample = values[::step]
        reach = min(sample.size, -(-MARGIN * k // step))  # the sample's values expected at or above the threshold
        threshold = np.partition(sample, sample.size - reach)[sample.size - reach]
        found = np.flatnonzero(values >= threshold)
        if found.size >= k:
            candidates = found
    within = values if candidates is None else values[candidates]
    kth = np.partition(within, within.size - k)[within.size - k]
    above = np.flatnonzero(within > kth)
    tied = np.flatnonzero(within == kth)[: k - above.size]
    chosen = np.sort(np.concatenate((above, tied)))
    return chosen if candidates is None else candidates[chosen]
