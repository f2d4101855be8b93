"""The scorer's table of units: one key per unit however it is written (knowledge/evaluation.unit_key), frozen in
lgnet/data/unit_keys.json so that a change of the rules never changes how the gold is scored.

The scorer used to read a unit through the extractor's own reading of persons (`knowledge.persons.counts_persons`,
with the learned noun kind of `knowledge.noun_kind`) and its English nouns (`figure_facts.ENGLISH_NOUNS`): a rule
that taught the extractor a new noun of persons also taught the scorer, so the rule and its measure moved together.
The table was written once (2026-12-07, `python -m knowledge.unit_table write --data-dir <index>`) from that reading,
over every unit the gold writes (corpus and development batches), every unit the records of the development folds
carry, the nouns `knowledge.noun_kind` was trained on and the English nouns the records translate, and reviewed
against those nouns' labels by meaning. A unit the table does not know is its first or last word's key when the table
knows that word ("case sfitte", "farm workers"), persons when it is the feminine of a plural of persons the table knows
("volontarie"), else its first word (folded): the scorer learns nothing from the rules.
"""

from __future__ import annotations

import argparse
import json
from functools import cache
from importlib import resources
from pathlib import Path

from knowledge.figure_facts import ENGLISH_NOUNS, UNIT_LABELS
from lgnet.text import fold

TABLE = "data/unit_keys.json"  # inside the lgnet package


@cache
def table() -> dict[str, str]:
    """Folded unit as written -> its key ('people', 'families', 'housing_units', ... or the noun itself)."""
    data = json.loads(resources.files("lgnet").joinpath(TABLE).read_text("utf-8"))
    return dict(data["units"])


def frozen_key(unit: str) -> str:
    """The table's key for a unit (a code, a label or a noun, any case), else its first word folded."""
    u = fold(unit).strip().lower()
    known = table()
    if u in known:
        return known[u]
    words = u.split() or [""]
    # Italian puts a noun's head first ("case sfitte"), English last ("farm workers")
    return known.get(words[0]) or known.get(words[-1]) or _feminine_of_persons(words[0], known) or words[0]


def _feminine_of_persons(word: str, known: dict[str, str]) -> str | None:
    """A feminine plural whose masculine the table reads as persons is persons too: "volontarie" as "volontari",
    "iscritte" as "iscritti", "tutrici" as "tutori" (the table was written from the plurals the texts then
    used; a text about women's courses writes the feminine). Only where the masculine is persons: "case" is no
    "casi"."""
    # -trici/-tori ("tutrici"), -ie/-i ("volontarie": volontario's plurals), -e/-i ("iscritte")
    for feminine, masculine in (("trici", "tori"), ("ie", "i"), ("e", "i")):
        if word.endswith(feminine) and known.get(word[: -len(feminine)] + masculine) == "people":
            return "people"
    return None


# --- writing the table (once, from the reading of its day) ------------------------------------------------
# The reading the scorer had until 2026-12-07 (knowledge/evaluation.unit_key then), through the rules: what the
# table was written from.
# Surface forms of the units (Italian and English) -> the records' unit codes.
_UNIT_FORMS = {fold(form): code for code, labels in UNIT_LABELS.items() for form in labels}
# Houses are dwellings: "12 case recuperate" counts housing units like "12 alloggi" (tests/unseen/README.md, "Gold
# conventions").
_UNIT_FORMS.update({"famiglie": "families", "nuclei": "families", "abitazioni": "housing_units",
                    "appartamenti": "housing_units", "case": "housing_units", "migranti": "people",
                    "utenti": "beneficiaries",
                    "destinatari": "beneficiaries", "bambini": "minors", "bambine": "minors", "children": "minors",
                    "madri": "women", "mamme": "women", "mothers": "women", "persons": "people"})  # fmt: skip
# Hires and placements count the persons hired or placed (tests/unseen/README.md, "Gold conventions", 2026-12-06):
# "8 assunzioni", "15 inserimenti lavorativi", "gli inserimenti sono stati 63" count persons like "8 persone assunte"
# (batch 10's gold wrote them "persone", batches 11-12's "assunzioni", batch 5's "14 inserimenti abitativi" its noun).
_UNIT_FORMS.update({"assunzioni": "people", "inserimenti": "people", "hires": "people", "hirings": "people"})
# Units the scorer reads as persons: a count of women or of minors counts persons, and a user reading "310 minori
# stranieri non accompagnati presi in carico" reads how many people were taken charge of; the figure's label keeps
# who they are (tests/unseen/README.md, "Gold conventions"). Families are households, not persons.
_PERSONS = frozenset({"people", "beneficiaries", "minors", "women"})


# Nouns that count persons, whatever their role, are one unit (`knowledge.persons`, by meaning: the groups and
# staff the rules know, nouns of agents and roles). The gold names what is counted in a normal form ("persone")
# where the text, and the record that keeps its words, say "1.540 lavoratori e familiari", "850 partecipanti",
# "88 richiedenti asilo", "35 tra dipendenti comunali e agenti", "24 alunni": both count persons, and a record
# is right when it has the value in the right area. Women and minors are persons too ("310 minori", "212 tra donne e
# bambini"); families stay a unit of their own.


def reading_key(unit: str) -> str:
    """One key for a unit however it is written: a code ('beds'), its label ('posti letto'), a noun in Italian or
    in English (an English document's 'visits' is the gold's 'accessi'); any noun of persons is 'people', women and
    minors included."""
    u = fold(unit).strip()
    if u in UNIT_LABELS:
        return "people" if u in _PERSONS else u
    u = fold(ENGLISH_NOUNS.get(u, u))
    first = u.split()[0] if u else ""
    key = _UNIT_FORMS.get(u) or _UNIT_FORMS.get(first) or first
    if key in UNIT_LABELS:
        return "people" if key in _PERSONS else key
    from knowledge.persons import counts_persons  # the rules' reading: only to write the table

    return "people" if counts_persons(u) else key


# The review of the reading against the nouns' labels by meaning (lgnet/data/noun_persons.json): persons the learned
# reading did not call persons, and a place it did.
REVIEWED = {**{n: "people" for n in ("addetti", "bagnanti", "bibliotecari", "consulente", "coordinatrice", "cuochi",
                                     "educatrice", "giovane", "interpreti", "interpreters", "marinai", "meccanici",
                                     "naufraghi", "referente", "soggiornanti", "tutor")},
            "dormitori": "dormitori"}  # fmt: skip


def _units_to_write(data_dir: Path | None) -> set[str]:
    from knowledge.figure_cv import build, dev_gold, index_passages

    units: set[str] = set(UNIT_LABELS) | {w for labels in UNIT_LABELS.values() for w in labels} | set(_UNIT_FORMS)
    units |= set(ENGLISH_NOUNS) | set(ENGLISH_NOUNS.values())
    noun_data = json.loads(resources.files("lgnet").joinpath("data/noun_persons.json").read_text("utf-8"))
    units |= set(noun_data["labels"])
    from knowledge.persons import _ROLES

    units |= set(_ROLES)
    for gold in dev_gold().values():
        units |= {str(f["unit"]) for g in gold for f in g.get("figures", [])}
    if data_dir is not None:
        from knowledge.area_choice import shipped

        built, projects = build(index_passages(data_dir), chooser=shipped())
        units |= {f.unit for r in built for f in r.figures} | {f.unit for p in projects for f in p.figures}
    out = {fold(u).strip().lower() for u in units if u.strip()}
    return out | {u.split()[0] for u in out}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("write",))
    ap.add_argument("--data-dir", type=Path, default=None, help="an index whose records' units to add")
    ap.add_argument("--out", type=Path, default=None, help="the file (default: the package's)")
    args = ap.parse_args(argv)
    units = _units_to_write(args.data_dir)
    about = json.loads(resources.files("lgnet").joinpath(TABLE).read_text("utf-8")).get("about", "") if (
        resources.files("lgnet").joinpath(TABLE).is_file()) else ""  # fmt: skip
    path = args.out or Path(str(resources.files("lgnet").joinpath(TABLE)))
    rows = {u: REVIEWED.get(u) or reading_key(u) for u in sorted(units)}
    path.write_text(json.dumps({"about": about, "units": rows}, ensure_ascii=False, indent=0) + "\n", "utf-8")


if __name__ == "__main__":
    main()
