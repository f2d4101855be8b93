"""How well the practice records hold up against hand-checked gold: precision and recall per field.

Gold files (tests/practices/gold.json for the corpus, tests/unseen/gold.json for documents written before
the rules that read them) list records per (city, area, phase) with figures (value, unit, label, area),
partners, period and budget. Scored on the records the read model serves:
- figures, attributed: a figure counts only in the record of its gold area (value and unit equal), or among
  the whole project's facts when the gold says it has no area; the city-level line counts a figure found
  anywhere for the city and phase. Units are equal by meaning (`unit_key`): a code, its label or a noun, in
  Italian or English, and any noun of persons is one unit with "persone" (women, minors and children too: the
  label says which persons; families and households stay a unit of their own);
- partners, per city and phase: the record's own and the project's (what a record page shows);
- period (start and end) and budget (total, co-financing), per city and phase: exact values (a date at month
  precision is right for a gold day of that month: `same_date`);
- contacts, per city and phase: the e-mail addresses written (the gold's and those of the records and projects);
- target groups, per record (city, area, phase): a gold group is found when one of the record's groups names the
  same people (`knowledge.group_match`: key words' overlap, one to one); a gold record with no groups makes the
  record's groups wrong. Records of areas the gold does not list are not scored here (the figures measure areas).
Optional gold figures are neither rewarded nor penalised; `not_figures` are always wrong.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.group_match import match_groups
from knowledge.partners import comparable_name, same_org
from knowledge.unit_table import frozen_key
from lgnet.gazetteer import same_comune
from lgnet.practice import PracticeRecord, ProjectFacts


def unit_key(unit: str) -> str:
    """One key for a unit however it is written: a code ('beds'), its label ('posti letto'), a noun in Italian or
    in English (an English document's 'visits' is the gold's 'accessi'); any noun of persons is 'people', women and
    minors included. Read from a frozen table (`knowledge.unit_table`), never through the rules' reading."""
    return frozen_key(unit)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Evaluation:
    name: str
    records: int = 0
    figures: Score = field(default_factory=Score)
    figures_city: Score = field(default_factory=Score)  # found anywhere for the city and phase, any area
    partners: Score = field(default_factory=Score)
    period: Score = field(default_factory=Score)
    budget: Score = field(default_factory=Score)
    contacts: Score = field(default_factory=Score)  # the contacts' e-mail addresses
    target_groups: Score = field(default_factory=Score)  # per record: the groups that name the gold's people

    def rows(self) -> list[tuple[str, Score]]:
        return [("figures (area attributed)", self.figures), ("figures (city level)", self.figures_city),
                ("partners", self.partners), ("period (start, end)", self.period),
                ("budget (total, co-financing)", self.budget), ("contacts (e-mail)", self.contacts),
                ("target groups (per record)", self.target_groups)]  # fmt: skip

    def markdown(self) -> str:
        lines = [f"### Practice records: {self.name} ({self.records} gold records)", "",
                 "| field | precision | recall | right | wrong | missed |", "|---|---|---|---|---|---|"]  # fmt: skip
        for label, s in self.rows():
            lines.append(f"| {label} | {_fmt(s.precision)} | {_fmt(s.recall)} | {s.tp} | {s.fp} | {s.fn} |")
        return "\n".join(lines) + "\n"

    def render(self) -> str:
        out = [f"Practice records, {self.name} ({self.records} gold records):"]
        for label, s in self.rows():
            out.append(f"  {label:30s} precision {_fmt(s.precision):>5}  recall {_fmt(s.recall):>5}  "
                       f"({s.tp} right, {s.fp} wrong, {s.fn} missed)")  # fmt: skip
        return "\n".join(out)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


# --- gold ----------------------------------------------------------------------------------------------------
def load_gold(path: Path, batch: int | None = None) -> list[dict]:
    """Gold records, one per (city, area, phase): the unseen set's per-document records merged (two copies of
    one article give the same records), or the corpus gold's `records`. `batch` keeps the unseen documents of
    one batch (a document without `batch` is of batch 1); None keeps them all."""
    data = json.loads(Path(path).read_text("utf-8"))
    if batch is not None:
        data["documents"] = [d for d in data.get("documents", []) if d.get("batch", 1) == batch]
    raw = data.get("records") or [r for d in data.get("documents", []) for r in d.get("records", [])]
    not_figures = [n for d in data.get("documents", []) for n in d.get("not_figures", []) or []]
    merged: dict[tuple, dict] = {}
    for r in raw:
        k = (r["city"], r["area"], r.get("phase"))
        if k not in merged:
            merged[k] = {**r, "not_figures": list(not_figures if not data.get("records") else [])}
        elif r.get("target_groups") is not None:  # two documents of one record: the groups either names
            known = merged[k].get("target_groups") or []
            merged[k]["target_groups"] = known + [t for t in r["target_groups"] if t not in known]
    return list(merged.values())


# --- scoring -------------------------------------------------------------------------------------------------
def evaluate(name: str, gold: list[dict], records: list[PracticeRecord], projects: list[ProjectFacts]) -> Evaluation:
    ev = Evaluation(name, len(gold))
    cities = {(g["city"], g.get("phase")) for g in gold}

    def same_group(r, city: str, phase: str | None) -> bool:
        return same_comune(city, r.city) and (phase is None or r.phase == phase)

    # Figures: attributed to the right record.
    gold_keys: dict[tuple, list[tuple]] = defaultdict(list)
    for g in gold:
        for f in g.get("figures", []):
            gold_keys[(g["city"], g.get("phase"))].append((float(f["value"]), unit_key(str(f["unit"])), f["area"],
                                                           bool(f.get("optional"))))  # fmt: skip
    for (city, phase), expected in gold_keys.items():
        mine: list[tuple[float, str, str | None]] = [
            (float(f.value), unit_key(f.unit), r.area) for r in records if same_group(r, city, phase) for f in r.figures
        ]
        mine += [(float(f.value), unit_key(f.unit), None) for p in projects if same_group(p, city, phase)
                 for f in p.figures]  # fmt: skip
        unmatched = list(mine)
        for value, unit, area, optional in expected:
            hit = next((m for m in unmatched if m == (value, unit, area)), None)
            anywhere = hit or next((m for m in mine if m[:2] == (value, unit)), None)
            if hit:
                unmatched.remove(hit)
            if optional:
                continue
            ev.figures.tp += bool(hit)
            ev.figures.fn += not hit
            if not hit:
                ev.figures.misses.append((city, value, unit, area))
            ev.figures_city.tp += bool(anywhere)
            ev.figures_city.fn += not anywhere
        # An optional figure is neither rewarded nor penalised, whichever area it was put in.
        optional_keys = {(v, u) for v, u, a, o in expected if o}
        for m in unmatched:
            if m[:2] not in optional_keys:
                ev.figures.fp += 1
                ev.figures.wrong.append((city, *m))
        ev.figures_city.fp += sum(1 for m in unmatched if m[:2] not in optional_keys
                                  and not any((v, u) == m[:2] for v, u, *_ in expected))  # fmt: skip
    _score_target_groups(ev.target_groups, gold, records)
    # Partners, period, budget: per city and phase.
    for city, phase in sorted(cities, key=lambda k: (k[0], k[1] or "")):
        group = [g for g in gold if g["city"] == city and g.get("phase") == phase]
        expected_partners = list(dict.fromkeys(_name(p) for g in group for p in g.get("partners", [])))
        found: list[str] = []
        items: list[PracticeRecord | ProjectFacts] = [r for r in records if same_group(r, city, phase)]
        items += [p for p in projects if same_group(p, city, phase)]
        for item in items:
            for p in item.partners:
                k = comparable_name(p.name)
                if not any(same_org(k, o) for o in found):
                    found.append(k)
        _match(ev.partners, city, [comparable_name(p) for p in expected_partners], found, _org_match)
        # Contacts: the e-mail addresses written (an office's name is written too many ways to compare)
        emails = list(dict.fromkeys(str(c.get("email")).lower() for g in group for c in g.get("contacts") or []
                                    if isinstance(c, dict) and c.get("email")))  # fmt: skip
        written = list(dict.fromkeys((c.email or "").lower() for item in items for c in item.contacts if c.email))
        _match(ev.contacts, city, emails, written, lambda a, b: a == b)
        g = group[0]
        sample = next((r for r in records if same_group(r, city, phase)), None)
        # A period the record only takes from its phase (basis "phase": the phase's years, shown as such) is no
        # statement of the city's documents: scored where the gold gives the period, never against a gold that says
        # the city's documents state none (the corpus gold was written when no document stated LGNet2's years).
        phase_only = sample is not None and sample.period.basis == "phase" and not g.get("period")
        for key in ("start", "end"):
            want = (g.get("period") or {}).get(key)
            got = sample.period.__getattribute__(key) if sample and not phase_only else None
            _compare(ev.period, city, key, want, got, same_date)
        for key in ("total", "cofinancing"):
            want = (g.get("budget") or {}).get(key)
            amount = getattr(sample.budget, key) if sample else None
            _compare(ev.budget, city, key, want, amount.value if amount else None,
                     lambda w, o: o is not None and abs(float(w) - float(o)) < 0.5)  # fmt: skip
    return ev


def _score_target_groups(score: Score, gold: list[dict], records: list[PracticeRecord]) -> None:
    """Per gold record that lists target groups (an empty list: the text states none), against the record of its
    city, area and phase (none: every gold group missed)."""
    for g in gold:
        if g.get("target_groups") is None:
            continue
        city, phase = g["city"], g.get("phase")
        record = next((r for r in records if same_comune(city, r.city) and r.area == g["area"]
                       and (phase is None or r.phase == phase)), None)  # fmt: skip
        found = [(t.text, t.label_it, t.label_en) for t in record.target_groups] if record else []
        expected = list(g["target_groups"])
        pairs = match_groups([[n for n in names if n] for names in found], expected)
        score.tp += len(pairs)
        matched_found, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
        score.fp += len(found) - len(pairs)
        score.fn += len(expected) - len(pairs)
        score.wrong += [(city, g["area"], found[i][0] or found[i][1]) for i in range(len(found))
                        if i not in matched_found]  # fmt: skip
        score.misses += [(city, g["area"], t) for j, t in enumerate(expected) if j not in matched_gold]


def same_date(want: object, got: object) -> bool:
    """A period's date against the gold's: the same at the gold's precision ("2024-04" found "2024-04-01"), or
    at the found date's when it is a month and the gold a day of that month ("2024-02" for "2024-02-01": the
    record says nothing false, it says less; a different month, or a year alone for a month, is wrong)."""
    if got is None or want is None:
        return False
    w, o = str(want), str(got)
    return o.startswith(w) or (len(o) >= 7 and w.startswith(o))


def _name(p) -> str:
    return p if isinstance(p, str) else p.get("name", "")


# Words that say what kind of body a name is, never which one: a one-word name that is one of them names no one.
_KIND_WORDS = frozenset({"comune", "cooperativa", "associazione", "fondazione", "consorzio", "centro", "istituto",
                         "azienda", "agenzia", "comitato", "gruppo", "rete", "ente", "unione", "universita",
                         "parrocchia", "onlus", "aps", "odv", "sociale", "municipality", "association", "foundation",
                         "cooperative", "university", "centre", "center"})  # fmt: skip


# Articles and prepositions an acronym skips ("Agenzia sarda per le politiche attive del lavoro": ASPAL).
_FUNCTION_WORDS = frozenset(
    {
        "di",
        "del",
        "della",
        "dello",
        "dei",
        "degli",
        "delle",
        "per",
        "le",
        "la",
        "il",
        "lo",
        "i",
        "gli",
        "l",
        "d",
        "e",
        "ed",
        "a",
        "al",
        "alla",
        "in",
        "of",
        "the",
        "and",
        "for",
    }
)


def _org_match(a: str, b: str) -> bool:
    """One organisation named two ways: the same name, or all the words of the shorter name (two or more) in
    the longer one ("Cooperativa Alfa", "Cooperativa Sociale Alfa"), or a one-word name of four letters or more,
    not a kind of body, that is a word of the longer one (an acronym or short name and its long form: "VolaBo",
    "Centro servizi per il volontariato VolaBo"; convention of 2026-12-06: the containment above needs 7 letters)."""
    if same_org(a, b) or (len(a) > 6 and len(b) > 6 and (a in b or b in a)):
        return True
    short, long = sorted((set(a.split()), set(b.split())), key=len)
    if len(short) == 1 and len(long) > 1:
        word = next(iter(short))
        if len(word) >= 4 and word not in _KIND_WORDS and word in long:
            return True
        # an acronym and the long name it abbreviates: "ASPAL", "Agenzia sarda per le politiche attive del lavoro"
        # (the initials of its words but articles and prepositions, four letters or more: tests/unseen/README.md)
        words = (b if len(a.split()) == 1 else a).split()
        initials = "".join(w[0] for w in words if w not in _FUNCTION_WORDS)
        return len(word) >= 4 and word == initials
    return len(short) >= 2 and short <= long


def _match(score: Score, city: str, expected: list[str], found: list[str], same) -> None:
    unmatched = list(found)
    for item in expected:
        hit = next((f for f in unmatched if same(f, item)), None)
        if hit is None:
            score.fn += 1
            score.misses.append((city, item))
        else:
            score.tp += 1
            unmatched.remove(hit)
    score.fp += len(unmatched)
    score.wrong += [(city, f) for f in unmatched]


def _compare(score: Score, city: str, key: str, want, got, same) -> None:
    """A single-valued field: right, wrong (stated but different, or stated where the gold has none) or
    missed (the gold has it, the record says "non indicato")."""
    if want is None and got is None:
        return
    if want is not None and got is not None and same(want, got):
        score.tp += 1
    elif got is None:
        score.fn += 1
        score.misses.append((city, key, want))
    else:
        score.fp += 1
        score.wrong.append((city, key, got, want))
        if want is not None:
            score.fn += 1
