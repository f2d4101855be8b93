"""The records builder's version: a digest of the rules that build records and of the data they read.

Records are rebuilt once whenever this changes (`knowledge.repository`). It used to be a number bumped by hand, which
was forgotten, or bumped to the same number by two branches that then landed one after the other, leaving an index
with records of older rules. A digest changes with every rule change and never collides. It is over-inclusive on
purpose: a comment changed in a rule module rebuilds the records once, which costs time, never correctness.

RULE_MODULES lists the modules the records depend on: the `knowledge` package's rules and the first-party modules
they import, stopping at the infrastructure that stores records without shaping them. tests/knowledge/test_version.py
walks the imports and fails when this list and the code part ways.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

# Modules that measure or train rules, or wire them into the pipeline, without shaping a record.
TOOLS = frozenset({"knowledge.evaluation", "knowledge.group_match", "knowledge.figure_cv", "knowledge.area_cv",
                   "knowledge.area_walk", "knowledge.hooks", "knowledge.pre_read", "knowledge.version",
                   "knowledge.unit_table"})  # fmt: skip
# Infrastructure the rules import to store or configure, where the import walk stops.
INFRASTRUCTURE = frozenset({"lgnet.state", "lgnet.store", "lgnet.config", "lgnet.errors", "lgnet.embedders",
                            "lgnet.unseen", "ingest.pipeline"})  # fmt: skip
RULE_MODULES: tuple[str, ...] = (
    "ingest.city",
    "ingest.copies",
    "ingest.messages",
    "ingest.minhash",
    "ingest.sections",
    "ingest.tables",
    "lgnet.cities",
    "lgnet.comuni",
    "lgnet.domain",
    "lgnet.gazetteer",
    "lgnet.homonyms",
    "lgnet.place_names",
    "lgnet.practice",
    "lgnet.taxonomy",
    "lgnet.text",
    "lgnet.typo_keys",
)  # and every module of the knowledge package but TOOLS
RULE_DATA: tuple[str, ...] = (
    "area_model.json",
    "banking_foundations.json",
    "cities.json",
    "cities_common_words.json",
    "cities_regions.json",
    "interventions.json",
    "noun_persons.json",
    "phases.json",
)  # inside lgnet/data


def rule_sources() -> list[str]:
    """The dotted names of every module in the digest, sorted."""
    files = [p.name for p in resources.files("knowledge").iterdir()]
    own = [f"knowledge.{name[:-3]}" for name in files if name.endswith(".py") and name != "__init__.py"]
    return sorted({m for m in own if m not in TOOLS} | set(RULE_MODULES))


def _source(module: str) -> bytes:
    package, name = module.rsplit(".", 1)
    return resources.files(package).joinpath(f"{name}.py").read_bytes()


@cache
def builder_version() -> str:
    """'facts-' and 16 hex digits of the SHA-1 over the rule modules' sources and the rule data (a few ms, once)."""
    digest = hashlib.sha1()
    for module in rule_sources():
        digest.update(module.encode() + b"\0" + _source(module) + b"\0")
    data = resources.files("lgnet").joinpath("data")
    for name in RULE_DATA:
        digest.update(name.encode() + b"\0" + data.joinpath(name).read_bytes() + b"\0")
    return f"facts-{digest.hexdigest()[:16]}"
