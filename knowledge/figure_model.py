"""A learned figure reader: every number of a sentence is a candidate count, a logistic regression decides.

Candidates (`candidates`): the rules' counts (`knowledge.figures`), and every other number with a noun, either
the plural noun right after it ("Sette ospiti", "una cinquantina di residenti") or the noun of the count before
it in the sentence ("19 contratti: dodici per famiglie ... e 7 per lavoratori soli") or of the persons the
sentence names before it ("Tra le persone prese in carico, 61 sono state ..."). Features (`features`): the
rules' own rejections (`not_a_count`, a target, a time, money after it), the words
around the number, what kind of noun it counts (persons, a known unit, time), the value's shape. Reading
(`Model.reader`) keeps the rules' counts and adds the likeliest reading of a number the rules left when its
probability reaches the threshold; it needs no sklearn (training does, `fit`).

Measured by leave-one-batch-out cross-validation (`python -m knowledge.figure_cv --learned`) it does not beat
the rules on the held-out folds (batch 5 gains recall, every fold loses precision: the rules were written on
batches 1-4, so what it can learn there the rules already do), so the records do not use it: no weights ship.

Measured again on 2026-12-07 over 16 folds (corpus, b1-b15), with three more features (what the learned noun kind
says of its noun, `knowledge.noun_kind`; whether its sentence disowns it, `knowledge.disowned`; how many areas its
sentence names) and the shipped area chooser on both sides (`figure_cv --learned --shipped`), figures P/R summed
(right/wrong/missed), rules -> learned, threshold 0.5: every fold area 0.936/0.932 (990/68/72) -> 0.898/0.938
(996/113/66), city level 0.965/0.966 (1026/37/36) -> 0.927/0.972 (1032/81/30); on b10-b15, the folds the rules were
read least long on, area 0.898/0.894 (422/48/50) -> 0.868/0.905 (427/65/45), city 0.951/0.956 (451/23/21) ->
0.921/0.966 (456/39/16). It finds a few counts the rules leave (b14 +3, b15 +2, b5, b8 +1 in their area) and adds
wrong ones on every fold but b3 and b14. At threshold 0.8 (rules of 76d5023): every fold area 0.939/0.937
(995/65/67) -> 0.925/0.939 (997/81/65), city 0.965/0.968 (1028/37/34) -> 0.952/0.970 (1030/52/32); b10-b15 area
0.905/0.905 (427/45/45) -> 0.895/0.907 (428/50/44). It still does not ship.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.counted_nouns import _plural
from knowledge.counting import not_a_count
from knowledge.disowned import disowned_clauses
from knowledge.figures import UNIT_LABELS, UNITS, FigureFact, figures, number
from knowledge.labels import TIME_UNITS, label
from knowledge.noun_kind import persons_probability
from knowledge.numbers import APPROXIMATE, WORD_NUMBER
from knowledge.persons import counts_persons
from knowledge.timeframe import target
from lgnet.text import fold

_ABOUT = APPROXIMATE
_NUMBER = re.compile(rf"(?<![\w.,/'’-])(?P<num>{'|'.join(_ABOUT)}|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|"
                     rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:,\d+)?|{WORD_NUMBER})(?![\w]|[.,/-]?\d)", re.I)  # fmt: skip
_WORD = re.compile(r"[\w'’%€]+|[^\w\s]")
_SKIP = {"di", "of", "tra", "fra", "i", "gli", "le", "the", "nuovi", "nuove", "altri", "altre", "new", "other"}
_TARGET_CUE = re.compile(r"\b(?:obiettiv\w*|target|previst\w*|attes\w*|expected|planned|stimat\w*|a\s+fronte)\b", re.I)
_PAST_CUE = re.compile(r"\b(?:prima|before|nel\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|up\s+from|rispetto)\b", re.I)


@lru_cache(maxsize=4096)
def _areas(sentence: str) -> frozenset[str]:
    """The intervention areas the sentence's words name (the taxonomy's terms)."""
    from lgnet.taxonomy import Taxonomy

    return frozenset(m[0] for m in Taxonomy.default().matches(sentence))


_MONEY_AFTER = re.compile(r"^\s*(?:euro|eur|€|mila\s+euro|milioni)", re.I)


@dataclass(frozen=True)
class Candidate:
    fact: FigureFact
    source: str  # "rule", "after" (the noun after the number), "before" (a noun said before it)
    features: dict[str, float]
    ruled: bool = False  # the rules read this number (in this reading or another)


def _unit(noun: str) -> str:
    """A noun as the records' unit: a known unit's code, else the noun."""
    noun = noun.lower()
    return next((code for code, p in UNITS.items() if re.fullmatch(p, noun)), noun)


def _kind(unit: str) -> str:
    if unit in UNIT_LABELS:
        return f"known:{unit}"
    if unit.split()[0] in TIME_UNITS:
        return "time"
    return "persons" if counts_persons(unit) else "thing"


def _nouns_before(sentence: str, start: int, found: list[FigureFact]) -> str | None:
    """The noun of the nearest count before `start`, else the nearest plural noun of persons before it."""
    before = [f for f in found if f.end <= start]
    if before:
        return max(before, key=lambda f: f.end).unit
    words = re.findall(r"[a-zà-ù]+", sentence[:start].lower())
    return next((_unit(w) for w in reversed(words[-12:]) if len(w) > 3 and counts_persons(w) and _plural(w)), None)


def candidates(sentence: str) -> list[Candidate]:
    """Every count the sentence may state, with its features: per number its readings (the rules', the noun
    after it, a noun said before it), each once."""
    rules = figures(sentence)
    by_start = {f.start: f for f in rules}
    out: list[Candidate] = []
    done: set[int] = set()
    for m in _NUMBER.finditer(sentence):
        start, end = m.span("num")
        raw = m.group("num").lower()
        value = float(_ABOUT[raw]) if raw in _ABOUT else number(raw)
        rule = next((f for s, f in by_start.items() if start <= s < end), None)
        if rule is not None:
            done.add(rule.start)
        if value is None or value < 1:
            continue
        readings: list[tuple[str, FigureFact]] = [("rule", rule)] if rule else []
        after = [w for w in re.findall(r"[a-zà-ù]+", sentence[end : end + 40].lower())[:3] if w not in _SKIP]
        options: list[tuple[str, str, int]] = []
        if after and len(after[0]) > 2 and _plural(after[0]):
            options.append(("after", _unit(after[0]), sentence.lower().index(after[0], end) + len(after[0])))
        if borrowed := _nouns_before(sentence, start, [c.fact for c in out]):
            options.append(("before", borrowed, end))
        for source, unit, stop in options:
            if rule and (rule.value, rule.unit) == (value, unit):
                continue
            words = UNIT_LABELS[unit][0] if unit in UNIT_LABELS else unit
            readings.append((source, FigureFact(value, unit, label(sentence, start, stop, words, "generic"),
                                                sentence[start:stop], start, stop)))  # fmt: skip
        for source, fact in readings:
            out.append(Candidate(fact, source, features(sentence, fact), rule is not None))
    for f in rules:  # a count the rules read where no number stands alone ("1.200 ore", glued forms)
        if f.start not in done:
            out.append(Candidate(f, "rule", features(sentence, f), True))
    return out


def features(sentence: str, f: FigureFact) -> dict[str, float]:
    """What a reading looks like, whoever proposed it (the rules' decisions are not features: trained with them,
    the model only learnt to repeat the rules of the batches they were written on)."""
    raw = f.text.split()[0].lower() if f.text else ""
    before = [fold(w) for w in _WORD.findall(sentence[max(0, f.start - 60) : f.start].lower())][-3:]
    after = [fold(w) for w in _WORD.findall(sentence[f.end : f.end + 60].lower())][:3]
    unit_word = fold(f.unit.split()[0]) if f.unit else ""
    out = {f"kind={_kind(f.unit)}": 1.0, f"unit={unit_word}": 1.0, "log_value": math.log10(max(f.value, 1.0)),
           "small": float(f.value <= 10), "words": float(raw[:1].isalpha()), "about": float(raw in _ABOUT),
           "year_like": float(1900 <= f.value <= 2100 and "." not in raw),
           "not_a_count": float(not_a_count(sentence, f.start, f.end, "generic")),
           "target": float(target(sentence, (f.start, f.end))),
           "target_cue": float(bool(_TARGET_CUE.search(sentence))),
           "past_cue": float(bool(_PAST_CUE.search(sentence))),
           "money_after": float(bool(_MONEY_AFTER.match(sentence[f.end :]))),
           "first": float(not re.search(r"\w", sentence[: f.start])),
           "table": float("|" in sentence[max(0, f.start - 4) : f.end + 4]),
           "english": float(len(re.findall(r"\b(?:the|and|of|were|was|with)\b", sentence, re.I)) >= 2),
           "disowned": float(any(a <= f.start < b for a, b in disowned_clauses(sentence))),
           f"areas={min(len(_areas(sentence)), 2)}": 1.0}  # fmt: skip
    if f.unit not in UNIT_LABELS and (p := persons_probability(fold(f.unit).strip().lower())) is not None:
        out[f"noun_persons={'high' if p >= 0.9 else 'mid' if p >= 0.5 else 'low'}"] = 1.0
    for i, w in enumerate(reversed(before)):
        out[f"b{i}={w}"] = 1.0
    for i, w in enumerate(after):
        out[f"a{i}={w}"] = 1.0
    return out


# --- reading -------------------------------------------------------------------------------------------------
@dataclass
class Model:
    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def reader(self) -> Callable[[str], list[FigureFact]]:
        """The rules' counts, and the likeliest reading of each number the rules did not read when it is likely
        enough (at least `threshold`)."""

        def read(sentence: str) -> list[FigureFact]:
            found = candidates(sentence)
            out = [c.fact for c in found if c.source == "rule"]
            best: dict[int, tuple[float, FigureFact]] = {}  # per number the rules left, its likeliest reading
            for c in found:
                if c.ruled:
                    continue
                p = self.probability(c.features)
                if p >= self.threshold and p > best.get(c.fact.start, (0.0, None))[0]:
                    best[c.fact.start] = (p, c.fact)
            seen = {(f.value, f.unit) for f in out}
            for _, f in sorted(best.values(), key=lambda pf: pf[1].start):
                if (f.value, f.unit) not in seen:
                    seen.add((f.value, f.unit))
                    out.append(f)
            return sorted(out, key=lambda f: f.start)

        return read


# --- training ------------------------------------------------------------------------------------------------
def fit(samples: Iterable[tuple[dict[str, float], int]], c: float = 1.0, threshold: float = 0.5) -> Model:
    """A logistic regression over the samples' features (deterministic: liblinear, fixed order)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, labels = zip(*samples, strict=True)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(feats).toarray()  # small: a few thousand rows
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(x, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) >= 1e-5}  # fmt: skip
    return Model(weights, round(float(clf.intercept_[0]), 5), threshold)
