"""A refresh keeps the programme's boilerplate up to date as it changes groups' keys (`CityKeyCounts`): after
any sequence of groups gaining, losing or changing keys, the boilerplate is the one a recount of every city's
keys gives (`programme_boilerplate`), a key crossing the three-cities line in either direction included."""

from __future__ import annotations

import random

from knowledge.group_reading import CityKeyCounts, city_keys_of, city_of, programme_boilerplate


def recount(groups: dict[str, set[str]]) -> set[str]:
    return programme_boilerplate(city_keys_of({g: k for g, k in groups.items() if city_of(g)}))


def test_the_boilerplate_kept_through_changes_is_the_recounted_one():
    rng = random.Random(7)
    cities = ["Bari", "Lecce", "Prato", "Siena", "Trento"]
    groups = {f"{c}|{ph}": {f"k{rng.randrange(12)}" for _ in range(5)} for c in cities for ph in ("LGNet2", "LGNet3")}
    groups["|LGNet2"] = {"k1", "k2", "k3"}  # a phase's group about no city never counts
    counts = CityKeyCounts(groups)
    assert counts.boilerplate == recount(groups)
    crossed = 0
    for _ in range(300):
        gkey = f"{rng.choice(cities)}|{rng.choice(['LGNet2', 'LGNet3', 'LGNetEA'])}"
        before = set(counts.boilerplate)
        if rng.random() < 0.2:
            groups.pop(gkey, None)
            counts.update(gkey, None)
        else:
            groups[gkey] = {f"k{rng.randrange(12)}" for _ in range(rng.randrange(7))}
            counts.update(gkey, groups[gkey])
        assert counts.boilerplate == recount(groups)
        crossed += before != counts.boilerplate
    assert crossed > 20
