"""Whether a counted noun counts persons, learned from what the noun means rather than from a word list: the
shipped multilingual sentence encoder (USE-M3, `lgnet.embedders`, loaded once on first use, never downloaded)
embeds the noun, and a logistic regression over its vector (weights in lgnet/data/noun_persons.json) says how
likely it names persons ("cuochi", "navigators", "naufraghi", "assessori": yes; "laboratori", "dormitori",
"pomeriggi", "acquisti": no).

`knowledge.persons.counts_persons` asks it in two places: a noun its lists do not know but whose ending looks like an
agent's ("-tori", "-anti", "-enti", "-ers") is a person only if the model does not find it unlikely (at least
`veto`: "laboratori", "davanti", "seguenti" are not); a noun neither its lists nor its endings know is a person when
the model is sure (at least `accept`: "cuochi", "navigators", "mamme"). Its lists stay first.

Trained (`python -m knowledge.noun_kind train`) on the counted nouns the rules and the learned reader's candidates
read in the corpus and batches 1-15 (503 nouns, 142 of persons), each labelled by meaning and kept with the fold it
was first read in; `python -m knowledge.noun_kind measure` scores it leaving out every fold's nouns in turn (a noun
is judged by a model that never saw it nor its fold): measured 2026-12-07 on those 503 nouns, persons P/R
(right/wrong/missed): the old endings and lists 0.87/0.83 (118/18/24); the model alone 0.80/0.85 (121/30/21); lists,
endings vetoed below 0.5 and the model above 0.9 0.96/0.87 (124/5/18).
"""

from __future__ import annotations

import argparse
import json
import math
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

WEIGHTS = "data/noun_persons.json"  # inside the lgnet package


@cache
def _model() -> dict[str, Any] | None:
    path = resources.files("lgnet").joinpath(WEIGHTS)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return data if data.get("weights") else None


def _embed(texts: list[str]) -> Any:
    from lgnet.embedders import shared_embedder

    return shared_embedder("use-m3").embed(texts)


@lru_cache(maxsize=8192)
def persons_probability(noun: str) -> float | None:
    """How likely the noun (as written, lower case) names persons; None when no model ships or the encoder
    cannot load."""
    model = _model()
    if model is None:
        return None
    try:
        vector = _embed([noun])[0]
    except Exception:  # noqa: BLE001 - no encoder here (a stripped install): the rules decide alone
        return None
    z = float(model["intercept"]) + sum(w * float(v) for w, v in zip(model["weights"], vector, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def thresholds() -> tuple[float, float]:
    """(veto, accept): see the module's docstring."""
    model = _model() or {}
    return float(model.get("veto", 0.5)), float(model.get("accept", 0.9))


# --- training ------------------------------------------------------------------------------------------------
def fit(vectors: Any, labels: list[int], c: float) -> tuple[list[float], float]:
    """A binary logistic regression, classes weighted to balance, L2 (C as sklearn's); L-BFGS, deterministic."""
    import numpy as np
    from scipy import optimize

    x = np.asarray(vectors, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    weight = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, len(y) - y.sum())))

    def loss(theta: Any) -> tuple[float, Any]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        ll = weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
        g = weight * (p - y)
        return -c * float(ll.sum()) + 0.5 * float(w @ w), np.concatenate([c * (x.T @ g) + w, [c * g.sum()]])

    res = optimize.minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    return [round(float(v), 5) for v in res.x[:-1]], round(float(res.x[-1]), 5)


def _decide(listed: bool, ending: bool, p: float, veto: float, accept: float) -> bool:
    return listed or (ending and p >= veto) or p >= accept


def measure(data: dict[str, Any]) -> str:
    """Persons P/R over the labelled nouns, each fold's nouns judged by a model trained on the others."""
    from knowledge.persons import known_persons

    nouns = sorted(data["labels"])
    vectors = _embed(nouns)
    labels = [int(data["labels"][n][0]) for n in nouns]
    folds = [data["labels"][n][1] for n in nouns]
    probs = [0.0] * len(nouns)
    for fold in sorted(set(folds)):
        train = [i for i, f in enumerate(folds) if f != fold]
        w, b = fit(vectors[train], [labels[i] for i in train], data["c"])
        for i, f in enumerate(folds):
            if f == fold:
                probs[i] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, b + float(vectors[i] @ w)))))
    rows = []
    kinds = [known_persons(n) for n in nouns]
    for name, said in (("lists and endings", [a or e for a, e in kinds]), ("model alone", [p >= 0.5 for p in probs]),
                       ("shipped", [_decide(a, e, p, data["veto"], data["accept"])
                                    for (a, e), p in zip(kinds, probs, strict=True)])):  # fmt: skip
        tp = sum(1 for s, y in zip(said, labels, strict=True) if s and y)
        fp = sum(1 for s, y in zip(said, labels, strict=True) if s and not y)
        fn = sum(1 for s, y in zip(said, labels, strict=True) if not s and y)
        rows.append(f"{name}: P {tp / max(1, tp + fp):.2f} R {tp / max(1, tp + fn):.2f} ({tp}/{fp}/{fn})")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("train", "measure"))
    ap.add_argument("--weights", type=Path, default=None, help="the file (default: the package's)")
    args = ap.parse_args(argv)
    path = args.weights or Path(str(resources.files("lgnet").joinpath(WEIGHTS)))
    data = json.loads(path.read_text("utf-8"))
    if args.command == "measure":
        print(measure(data))
        return
    nouns = sorted(data["labels"])
    data["weights"], data["intercept"] = fit(_embed(nouns), [int(data["labels"][n][0]) for n in nouns], data["c"])
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")


if __name__ == "__main__":
    main()
