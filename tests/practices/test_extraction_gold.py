"""Figures and partners of the practice records against a hand-checked gold file: precision and recall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.partners import comparable_name
from knowledge.partners import same_org as _same_org
from retrieval.practices import get_catalogue

GOLD = json.loads((Path(__file__).with_name("gold.json")).read_text("utf-8"))["cities"]


def _extracted(records: list[dict]) -> tuple[dict[str, set], dict[str, list[str]]]:
    """Per city: the figures and partners of its records and of its whole-project facts (amounts of money are
    the budget's)."""
    figures: dict[str, set] = {}
    partners: dict[str, list[str]] = {}
    for r in records:
        if r["budget"]["total"]:
            figures.setdefault(r["city"], set()).add((float(r["budget"]["total"]["value"]), "euro"))
        figures.setdefault(r["city"], set()).update((float(f["value"]), f["unit"]) for f in r["figures"])
        names = partners.setdefault(r["city"], [])
        for p in r["partners"]:
            key = comparable_name(p["name"])
            if not any(_same_org(key, k) for k in names):
                names.append(key)
    return figures, partners


def _score(found: dict[str, list], gold: dict[str, list], same) -> tuple[float, float, list, list]:
    tp = fp = fn = 0
    misses, wrong = [], []
    for city, expected in gold.items():
        got = list(found.get(city, []))
        unmatched = list(got)
        for item in expected:
            hit = next((g for g in unmatched if same(g, item)), None)
            if hit is None:
                fn += 1
                misses.append((city, item))
            else:
                tp += 1
                unmatched.remove(hit)
        fp += len(unmatched)
        wrong += [(city, g) for g in unmatched]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses, wrong


@pytest.fixture(scope="module")
def extracted(service):
    catalogue = get_catalogue(service)
    projects = [{**p.model_dump(mode="json"), "budget": {"total": None}} for p in catalogue.projects()]
    return _extracted(catalogue.records() + projects)


def test_gold_covers_ten_cities_read_from_the_text():
    assert len(GOLD) >= 10
    assert sum(len(c["figures"]) for c in GOLD.values()) >= 25
    assert sum(len(c["partners"]) for c in GOLD.values()) >= 50


def test_figures_precision_and_recall(extracted):
    figures, _ = extracted
    found = {city: sorted(figures.get(city, set())) for city in GOLD}
    gold = {city: [(float(v), u) for v, u in c["figures"]] for city, c in GOLD.items()}
    precision, recall, misses, wrong = _score(found, gold, lambda a, b: a == b)
    print(f"\nfigures: precision {precision:.3f} recall {recall:.3f}  missed {misses}  wrong {wrong}")
    assert precision >= 0.9, wrong
    assert recall >= 0.9, misses


def test_partners_precision_and_recall(extracted):
    _, partners = extracted
    found = {city: partners.get(city, []) for city in GOLD}
    gold = {city: [comparable_name(p) for p in c["partners"]] for city, c in GOLD.items()}
    precision, recall, misses, wrong = _score(found, gold, _same_org)
    print(f"\npartners: precision {precision:.3f} recall {recall:.3f}  missed {misses}  wrong {wrong}")
    assert precision >= 0.9, wrong
    assert recall >= 0.9, misses
