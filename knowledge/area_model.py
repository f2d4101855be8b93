"""A learned area for a practice record's figure: a multinomial logistic regression over what the figure's own
sentence says, which may override the rules' area (`knowledge.records`, `RecordBuilder(area_chooser=...)`).

Inputs (`AreaContext`): the sentence, the count, the rules' area and why they chose it (its own words, the
sentence's only area, the count before it, the section, an event's public, persons hosted, a table row, none),
the section's area and the document's lines naming one area. Features (`features`): the rules' area and reason,
the areas of the cues around the count (`knowledge.areas`: in its own words, its segment, its clause), the
taxonomy's terms in the sentence and within a few words of the count, the section's area, the document's area
shares, and the stems of the count's unit and label, of the words around it and of the whole sentence.
Classes: the taxonomy's areas and "none" (the whole project's figure). The model overrides the rules only
when it is confident (its probability of another area at least `threshold`).

Trained and measured by `python -m knowledge.area_cv` (protocol 1: did not win, the rules it reads were written
on its folds) and `python -m knowledge.area_walk` (protocol 2: counts read by rules that had not read them; its
docstring has the numbers). Shipped since areas2 with gate "none" (it acts only where the rules found no area and
the text gives no total: `explicit_total`), weights in lgnet/data/area_model.json, through
`knowledge.area_choice.shipped`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.areas import cue_area, own_cue
from knowledge.figure_facts import UNIT_AREA, FigureFact
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold

NONE = "none"  # the class of a figure of the whole project (no area)
TOTAL = "total"  # the rules' reason for no area when the text says the count is the project's total
# Which of the rules' choices the model may override, by why the rules chose: any; any but a cue of the count's
# own sentence or a table row's; only where the rules found no area at all.
GATES: dict[str, frozenset[str] | None] = {
    "all": None,
    "weak": frozenset({"sentence", "previous", "attended", "hosted", "section", "none"}),
    "none": frozenset({"none"}),
}
STEM = 6  # letters a word is cut to: "alloggi", "alloggio" -> "allogg"
WINDOW = 8  # words either side of the count read as its own context
_WORDS = re.compile(r"[a-zà-ÿ]+", re.I)
_STOP = frozenset(
    re.findall(
        r"\w+",
        """
alla alle allo agli dalla dalle dagli della delle degli dello nella nelle negli nello sulla sulle
sugli sono stato stata stati state essere hanno aveva avevano anche come dove quando oltre circa
ogni loro questo questa questi queste quello quella quelli quelle tutto tutti tutte molto molti
sulla fino dopo prima with that this these those from have were been which their there about over
into also more than they when where some each other such only were will would
""",
    )
)
_ENGLISH = re.compile(r"\b(?:the|and|of|were|was|with|have|has)\b", re.I)
# A count the text gives as the whole project's: a total cue in its clause ("complessivamente", "per un totale di",
# "l'insieme di queste attività", "in all"), what it counts is everything the project did ("beneficiari di tutte le
# attività", "queste attività hanno coinvolto": what was just listed, summed) or the project itself is what reached
# them (`_THE_PROJECT`, below). The model never overrides the rules
# on such a count: without area it stays the project's; with the area of its own clause's cue it keeps it.
_TOTAL = re.compile(
    r"\b(?:complessiv\w+|in\s+totale|in\s+tutto|(?:per\s+)?un\s+totale\s+di|nel\s+complesso|totali\b|"
    r"globalmente|l['’]\s*insieme\s+d(?:i|ei|elle|egli)\b|in\s+total|a\s+total\s+of|overall|altogether|in\s+all\b|"
    r"tutt[ie]\s+(?:gli|le|i)\s+(?:interventi|attività|azioni|servizi)|"
    r"(?:quest[ie]|tali)\s+(?:attività|interventi|azioni|iniziative)|(?:these|all\s+these)\s+(?:activities|actions)|"
    r"(?:all|every)\s+(?:the\s+|its\s+)?(?:activities|interventions|services|actions))",
    re.I,
)


# The project itself as what reached them ("il progetto ha avuto l'impatto su 160 persone", "grazie al progetto",
# "the project reached 160 people"): in the count's own segment (between commas), not anywhere in its clause (a
# heading run into the sentence, "What the project achieved By the end of ...", another segment's subject); and the
# project named as a time ("By the end of the project", "entro la fine del progetto", "dall'avvio del progetto",
# "nei 24 mesi del progetto") dates the count, it does not make it everything the project did.
_THE_PROJECT = re.compile(r"\b(?:(?:il|lo\s+stesso|quest[oa]|del|dal|al|nel)\s+progett[oi]|"
                          r"the\s+(?:whole\s+)?project)\b", re.I)  # fmt: skip
_PROJECT_TIME = re.compile(
    r"\b(?:(?:the\s+)?(?:end|start|beginning|close|course|life|duration|launch|first|second|third|final|last)"
    r"(?:\s+(?:year|years|months|phase))?\s+of\s+(?:the|this)\s+(?:whole\s+)?project|"
    r"(?:fine|chiusura|conclusione|termine|durata|inizio|avvio|partenza|corso|anno|anni|mesi|fase|vita)\s+"
    r"(?:del|dello|di\s+questo|dell['’]intero)\s+progetto)\b", re.I)  # fmt: skip


# A running total of one kind of thing ("l'inserimento di altri 12 nuclei familiari, per un totale di 26 nuclei", "a
# further 5 families, a total of 19 families"): the total's noun is the noun of the count before it, so it sums that
# count's kind, not everything the project did; neither count is the project's total.
_RUNNING_TOTAL = re.compile(r"(?P<before>\d[\d.,]*)\s+(?P<noun>[a-zà-ù]+(?:\s+[a-zà-ù]+)?)\b[^;:]{0,40}?,?\s+"
                            r"(?P<cue>(?:per\s+)?un\s+totale\s+di|(?:for\s+)?a\s+total\s+of)\s+"
                            r"(?:(?:circa|oltre|about|over)\s+)?\d[\d.,]*(?![\d.,])(?!\s*(?:euro|€))"
                            r"(?:\s+(?P<same>[a-zà-ù]{4,}))?", re.I)  # fmt: skip
# what follows a total's number when it names no noun of its own ("388 dall'avvio", "14 since 2024")
_NO_NOUN = re.compile(r"^(?:dall?|dai|dalle|dalla|dall['’]\w*|dal|nel|nei|in|da|since|from|in|by|at|to|entro|fino)$",
                      re.I)  # fmt: skip


def _running_totals(clause: str) -> str:
    """The clause with the cues of its running totals blanked (`_RUNNING_TOTAL`): the total's noun is a word of
    the count before it ("altri 12 nuclei familiari, per un totale di 26 nuclei"), or the total names none ("71 nuove
    persone, per un totale di 388 dall'avvio")."""
    out = clause
    for m in _RUNNING_TOTAL.finditer(clause):
        same = (m.group("same") or "").lower()
        if not same or _NO_NOUN.match(same) or any(w[:4].lower() == same[:4] for w in m.group("noun").split()):
            out = out[: m.start("cue")] + " " * len(m.group("cue")) + out[m.end("cue") :]
    return out


def explicit_total(body: str, fact: FigureFact) -> bool:
    """Whether the sentence gives the count as the whole project's total: a total cue in its clause (the text
    between the semicolons around it; not the cue of a running total of one kind of thing, `_RUNNING_TOTAL`), or the
    project in its own segment, the project named as a time aside."""
    start, end = max(0, min(fact.start, len(body))), max(0, min(fact.end, len(body)))
    left = body.rfind(";", 0, start) + 1
    right = body.find(";", end)
    clause = _PROJECT_TIME.sub(lambda m: " " * len(m.group(0)), body[left : right if right >= 0 else len(body)])
    clause = _running_totals(clause)
    if _TOTAL.search(clause):
        return True
    seg_left = max(body.rfind(c, 0, start) for c in ",;:") + 1
    seg_right = min([i for i in (body.find(c, end) for c in ",;:") if i >= 0] or [len(body)])
    return bool(_THE_PROJECT.search(_PROJECT_TIME.sub(lambda m: " " * len(m.group(0)), body[seg_left:seg_right])))


@dataclass(frozen=True)
class AreaContext:
    """What the records know of a count when they give it an area."""

    body: str  # its sentence (or table row), clean
    fact: FigureFact
    rules: str | None  # the rules' area (None: the whole project's)
    why: str  # own, sentence, previous, attended, hosted, section, table, total, none
    section: str | None  # its section's area, else its document's dominant one
    document: dict[str, int]  # its document's lines naming one area, per area
    key: tuple[str, int, int]  # (passage id, sentence start, count start): where it stands
    city: str | None = None
    phase: str | None = None


AreaChooser = Callable[[AreaContext], "str | None"]


def document_areas(passages: Iterable[Any], single: Callable[[Any], dict[str, int]]) -> dict[str, dict[str, int]]:
    """Per document, how many of its lines name one area, per area (`single`: a passage's, its outline's)."""
    out: dict[str, dict[str, int]] = {}
    for p in passages:
        mine = out.setdefault(p.doc_id, {})
        for a, n in single(p).items():
            mine[a] = mine.get(a, 0) + n
    return out


def stems(text: str) -> list[str]:
    """The words of `text` worth reading, accent-folded, cut to their first STEM letters."""
    return [w[:STEM] for w in (fold(m.group(0)) for m in _WORDS.finditer(text)) if len(w) >= 4 and w not in _STOP]


def features(ctx: AreaContext, taxonomy: Taxonomy | None = None) -> dict[str, float]:
    """What a count's sentence, section and document say of its area (see the module's docstring)."""
    taxonomy = taxonomy or Taxonomy.default()
    f, body = ctx.fact, ctx.body
    rules = ctx.rules or NONE
    out: dict[str, float] = {f"rules={rules}": 1.0, f"why={ctx.why}": 1.0, f"rules={rules}|{ctx.why}": 1.0,
                             f"section={ctx.section or NONE}": 1.0}  # fmt: skip
    if f.unit in UNIT_AREA:
        out[f"unit_area={UNIT_AREA[f.unit]}"] = 1.0
    start, end = max(0, min(f.start, len(body))), max(0, min(f.end, len(body)))
    if own := own_cue(body, start, end):
        out[f"own={own}"] = 1.0
    if seg := cue_area(body, start, end, clause=False):
        out[f"segment={seg}"] = 1.0
    if clause := cue_area(body, start, end):
        out[f"clause={clause}"] = 1.0
    matches = taxonomy.matches(body)
    named = {m[0] for m in matches}
    for a in named:
        out[f"sentence={a}"] = 1.0
    out[f"sentence_areas={min(len(named), 3)}"] = 1.0
    for a in {m[0] for m in matches if m[2] >= start - 60 and m[1] <= end + 60}:
        out[f"near={a}"] = 1.0
    total = sum(ctx.document.values())
    for a, n in ctx.document.items():
        out[f"document={a}"] = n / total if total else 0.0
    if total:
        out[f"document_top={max(ctx.document, key=lambda a: (ctx.document[a], a))}"] = 1.0
    for s in set(stems(f"{f.unit} {f.label}")):
        out[f"label:{s}"] = 1.0
    words = list(_WORDS.finditer(body))
    before = [m for m in words if m.end() <= start][-WINDOW:]
    after = [m for m in words if m.start() >= end][:WINDOW]
    for s in set(stems(" ".join(m.group(0) for m in before + after))):
        out[f"near:{s}"] = 1.0
    sentence = set(stems(body))
    for s in sentence:
        out[f"word:{s}"] = 1.0 / math.sqrt(len(sentence))
    if len(_ENGLISH.findall(body)) >= 2:
        out["english"] = 1.0
    if explicit_total(body, f):
        out["total_cue"] = 1.0
    return out


# --- the model -----------------------------------------------------------------------------------------------
@dataclass
class AreaModel:
    classes: list[str]
    weights: dict[str, list[float]]  # feature -> one weight per class
    intercept: list[float]
    threshold: float = 0.8
    gate: str = "all"  # which of the rules' choices it may override (GATES)
    about: dict = field(default_factory=dict)  # how it was trained (folds, C, samples)

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        z = list(self.intercept)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for i, wi in enumerate(w):
                    z[i] += wi * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def choose(self, ctx: AreaContext, feats: dict[str, float] | None = None) -> str | None:
        """The model's area when the rules' choice is one it may override (`gate`) and it is confident of another
        (at least `threshold`), else the rules'."""
        if ctx.why == TOTAL or explicit_total(ctx.body, ctx.fact):  # a total: the rules' (see _TOTAL)
            return ctx.rules
        return self.choose_any(ctx, feats)

    def choose_any(self, ctx: AreaContext, feats: dict[str, float] | None = None) -> str | None:
        """`choose` without the guard of a total (what the measures compare it with)."""
        allowed = GATES[self.gate]
        if allowed is not None and ctx.why not in (allowed | {TOTAL} if NONE in allowed else allowed):
            return ctx.rules
        p = self.probabilities(feats if feats is not None else features(ctx))
        best = max(range(len(p)), key=lambda i: p[i])
        label = self.classes[best]
        if label != (ctx.rules or NONE) and p[best] >= self.threshold:
            return None if label == NONE else label
        return ctx.rules

    def chooser(self) -> AreaChooser:
        taxonomy = Taxonomy.default()
        return lambda ctx: self.choose(ctx, features(ctx, taxonomy))

    def save(self, path: Path) -> None:
        data = {"about": self.about, "threshold": self.threshold, "gate": self.gate, "classes": self.classes,
                "intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}  # fmt: skip
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")

    @classmethod
    def load(cls, path: Path) -> AreaModel:
        data = json.loads(Path(path).read_text("utf-8"))
        return cls(list(data["classes"]), {k: list(v) for k, v in data["weights"].items()}, list(data["intercept"]),
                   float(data["threshold"]), str(data.get("gate", "all")), dict(data.get("about", {})))  # fmt: skip


def classes_of(taxonomy: Taxonomy | None = None) -> list[str]:
    return [*(taxonomy or Taxonomy.default()).codes, NONE]


def fit(samples: Sequence[tuple[dict[str, float], str]], c: float = 1.0, threshold: float = 0.8, gate: str = "all",
        classes: Iterable[str] | None = None, min_count: int = 2) -> AreaModel:  # fmt: skip
    """A multinomial logistic regression (L2, C as sklearn's: C x summed log-loss + half the squared weights;
    L-BFGS, deterministic). Features seen in fewer than `min_count` samples are left out."""
    import numpy as np
    from scipy import optimize, sparse

    labels = list(classes or classes_of())
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, k in counts.items() if k >= min_count)
    column = {n: i for i, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, (feats, _) in enumerate(samples):
        for name, v in feats.items():
            if name in column and v:
                rows.append(r)
                cols.append(column[name])
                vals.append(v)
    n, d, k = len(samples), len(names), len(labels)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, d))
    y = np.zeros((n, k))
    for r, (_, label) in enumerate(samples):
        y[r, labels.index(label)] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: d * k].reshape(d, k)
        b = theta[d * k :]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        value = -c * float((y * logp).sum()) + 0.5 * float((w * w).sum())
        g = c * (p - y)
        return value, np.concatenate([(x.T @ g + w).ravel(), g.sum(axis=0)])

    res = optimize.minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    w = res.x[: d * k].reshape(d, k)
    weights = {name: [round(float(v), 4) for v in w[i]] for i, name in enumerate(names)
               if float(np.abs(w[i]).max()) >= 1e-3}  # fmt: skip
    return AreaModel(labels, weights, [round(float(v), 4) for v in res.x[d * k :]], threshold, gate,
                     {"c": c, "samples": n, "features": len(weights)})  # fmt: skip
