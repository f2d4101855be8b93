"""A dict written over an earlier one (retrieval/layered.py) reads as a plain dict with the same writes, and leaves
the earlier one as it was."""

from __future__ import annotations

import random

from retrieval.layered import MAX_DEPTH, Layered


def test_layers_read_as_a_plain_dict_and_never_change_the_one_below():
    rng = random.Random(3)
    plain: dict[int, int] = {k: k for k in range(50)}
    current: Layered[int, int] | dict[int, int] = dict(plain)
    for _ in range(3 * MAX_DEPTH):  # deep enough to be made flat on the way
        below, frozen = current, dict(current.items())
        current = Layered(current)
        for _ in range(rng.randint(0, 20)):
            key = rng.randrange(70)
            if rng.random() < 0.4 and key in plain:
                del plain[key]
                del current[key]
            else:
                plain[key] = current[key] = rng.randrange(1000)
            if rng.random() < 0.2 and key in plain:
                assert current.pop(key) == plain.pop(key)
        assert dict(current.items()) == plain
        assert len(current) == len(plain)
        assert all((k in current) == (k in plain) for k in range(70))
        assert all(current.get(k) == plain.get(k) for k in range(70))
        assert dict(below.items()) == frozen  # the earlier version is untouched
        assert current._depth <= MAX_DEPTH
