"""`merge_partners` remembers which entry a name went to (a city's group at 100k passages repeats a few hundred
names thousands of times): the result is the plain first-match scan's, on random lists of spelling variants."""

from __future__ import annotations

import random

from knowledge import partners
from knowledge.merging import merge_partners
from lgnet.practice import Partner

NAMES = [
    "Caritas diocesana", "Caritas", "Cooperativa sociale Il Faro", "Cooperativa Il Faro", "Comunità di Sant'Egidio",
    "Comunita di Sant Egidio", "Associazione Ponti", "Associazione Ponti Onlus", "FILEF",
    "FILEF Federazione Italiana Lavoratori Emigrati", "Federazione Italiana Lavoratori Emigrati",
    "Azienda Sanitaria Locale di Bari", "Azienda Sanitaria di Bari", "Stimate", "Stimmate", "ARCI", "ARCI Bari",
    "Croce Rossa Italiana", "Croce Rossa Italiana Comitato di Bari", "Distretto 3 dell'Azienda USL",
    "Azienda USL Distretto 3",
]  # fmt: skip


def first_match_scan(items: list[tuple[None, Partner]]) -> list[Partner]:
    """Each name compared with every entry so far, the first it is the same organisation as taking it."""
    out: list[Partner] = []
    keys: list[str] = []
    for _, p in items:
        k = partners.comparable_name(p.name)
        same = next((i for i, other in enumerate(keys) if partners.same_org(other, k)), None)
        if same is None:
            keys.append(k)
            out.append(p)
        elif len(k) > len(keys[same]):
            keys[same] = k
            out[same] = p.model_copy(update={"role": p.role or out[same].role})
    return out


def test_merge_partners_is_the_first_match_scan():
    rng = random.Random(7)
    for _ in range(1500):
        items = [(None, Partner(name=rng.choice(NAMES), role=rng.choice([None, "capofila", "partner"])))
                 for _ in range(rng.randint(1, 40))]  # fmt: skip
        assert [p.model_dump() for p in merge_partners(items)] == [p.model_dump() for p in first_match_scan(items)]


def test_a_fuller_name_forgets_only_the_names_that_went_to_it_or_after(monkeypatch):
    """A key replaced by a fuller name keeps what the names of the entries before it matched: repeating them
    compares nothing again (forgetting every name at each replacement compared ~5k pairs of a city's group at
    100k); the result stays the first-match scan's."""
    calls: list[tuple[str, str]] = []
    real = partners.same_org

    def counted(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(partners, "same_org", counted)
    first = ["Associazione Ponti", "Croce Rossa Italiana", "ARCI Bari", "Caritas"]
    items = [(None, Partner(name=name)) for name in [*first, "Caritas diocesana", *first[:3], "Caritas"]]
    merged = merge_partners(items)
    repeated = {partners.comparable_name(name) for name in first[:3]}
    # each of the first three names is compared only when it is first met, never after the replacement
    assert sum(b in repeated for _, b in calls) == sum(range(3))
    assert [p.name for p in merged] == [*first[:3], "Caritas diocesana"]
    assert [p.model_dump() for p in merged] == [p.model_dump() for p in first_match_scan(items)]
