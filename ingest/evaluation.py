"""How often document type and city detection are right, on the corpus and on the unseen set.

The catalogue is withheld (an entry would override detection), so the figures measure the content rules:
ingest/doctype.py for the type, ingest/city.py with the gazetteer for the city. Files are read by the real
readers and described by the real DocumentBuilder. The unseen set (tests/unseen/: batches rule writers have read are
development material, lgnet/data/unseen_batches.json) is reported apart from the corpus; its city is the one the
index serves (`served_cities`: a syndicated copy whose own text names no city takes its group's, by the same
duplicate tables as ingest).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from ingest.dedup import Doc, DuplicateIndex
from ingest.documents import DocumentBuilder
from ingest.readers import read_file
from lgnet.gazetteer import same_comune
from lgnet.unseen import describe

_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class DocResult:
    file: str
    title: str
    doc_type: str | None
    expected_type: str | None
    city: str | None
    expected_city: str | None

    @property
    def type_ok(self) -> bool:
        return self.doc_type == self.expected_type

    @property
    def city_ok(self) -> bool:
        return same_comune(self.expected_city, self.city)

    def to_dict(self) -> dict:
        return {**asdict(self), "type_ok": self.type_ok, "city_ok": self.city_ok}


@dataclass
class MetadataEval:
    name: str
    documents: list[DocResult]

    def accuracy(self, what: str) -> float:
        if not self.documents:
            return 0.0
        ok = {
            "type": lambda d: d.type_ok,
            "city": lambda d: d.city_ok,
            "both": lambda d: d.type_ok and d.city_ok,
        }[what]
        return sum(ok(d) for d in self.documents) / len(self.documents)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "n": len(self.documents),
            "type_accuracy": round(self.accuracy("type"), 3),
            "city_accuracy": round(self.accuracy("city"), 3),
            "both_accuracy": round(self.accuracy("both"), 3),
            "documents": [d.to_dict() for d in self.documents],
        }

    def table(self) -> str:
        """A Markdown table: one row per document, wrong values marked."""
        rows = [
            f"### {self.name}: type {self.accuracy('type'):.0%}, city {self.accuracy('city'):.0%}, "
            f"both {self.accuracy('both'):.0%} of {len(self.documents)} documents",
            "",
            "| file | type (expected) | city (expected) |",
            "|---|---|---|",
        ]
        for d in self.documents:
            t = d.doc_type if d.type_ok else f"**{d.doc_type}** ({d.expected_type})"
            c = d.city if d.city_ok else f"**{d.city}** ({d.expected_city})"
            rows.append(f"| {d.file} | {t} | {c} |")
        return "\n".join(rows)


def _whole_file(builder: DocumentBuilder, path: Path, source: str):
    raw = read_file(path, _MAX_BYTES)
    return builder.run(raw, source, {})[0]


def evaluate_corpus(corpus_dir: Path, builder: DocumentBuilder | None = None) -> list[MetadataEval]:
    """Whole files of the corpus (type and city, catalogue withheld) and the press review's 60 articles (city)."""
    builder = builder or DocumentBuilder()
    gold = json.loads(resources.files("lgnet").joinpath("data/cities_metadata_gold.json").read_text("utf-8"))
    files = []
    for rel, expected in gold["files"].items():
        doc = _whole_file(builder, corpus_dir / rel, f"corpus/{rel}")
        files.append(DocResult(rel, doc.title, doc.doc_type, expected["doc_type"], doc.city, expected["city"]))
    review = gold["press_review"]
    raw = read_file(corpus_dir / review["file"], _MAX_BYTES)
    articles = [d for d in builder.run(raw, f"corpus/{review['file']}", {}) if d.doc_type != "press_summary"]
    results = [
        DocResult(f"{review['file']}#{i + 1}", d.title, d.doc_type, review["doc_type"], d.city, city)
        for i, (d, city) in enumerate(zip(articles, review["cities"], strict=False))
    ]
    if len(articles) != len(review["cities"]):
        results.append(DocResult(review["file"], f"{len(articles)} articles split", None, "press_article", None, None))
    return [MetadataEval("corpus: whole files", files), MetadataEval("corpus: press review articles", results)]


def evaluate_unseen(unseen_dir: Path, builder: DocumentBuilder | None = None, batch: int | None = None) -> MetadataEval:
    """The unseen set's documents against its gold.json (doc_type and city of each file); `batch` keeps one
    batch of it (a document without `batch` is of batch 1), None all of them."""
    builder = builder or DocumentBuilder()
    gold = json.loads((unseen_dir / "gold.json").read_text("utf-8"))
    picked = [g for g in gold["documents"] if batch is None or g.get("batch", 1) == batch]
    docs = [_whole_file(builder, unseen_dir / g["file"], f"unseen/{g['file']}") for g in picked]
    cities = served_cities([(str(i), d.text, d.city) for i, d in enumerate(docs)])
    results = [DocResult(g["file"], d.title, d.doc_type, g["doc_type"], cities[str(i)], g["city"])
               for i, (g, d) in enumerate(zip(picked, docs, strict=True))]  # fmt: skip
    return MetadataEval("unseen set" if batch is None else f"unseen set, batch {batch}", results)


def served_cities(docs: list[tuple[str, str, str | None]]) -> dict[str, str | None]:
    """The city the index serves for each (id, text, city) document: its own, or, for a syndicated copy whose
    text names none, its group's (the same duplicate tables as ingest, in memory)."""
    conn = sqlite3.connect(":memory:")
    dups = DuplicateIndex(conn)
    dups.refresh([], [], [], [Doc(i, text, city) for i, text, city in docs])
    pushed = dups.dirty("doc", limit=len(docs) + 1)
    return {i: pushed.get(i, {}).get("city", city) for i, _, city in docs}


def unseen_batches(unseen_dir: Path) -> list[int]:
    """The batch numbers of the unseen set's gold (a document without `batch` is of batch 1)."""
    gold = json.loads((unseen_dir / "gold.json").read_text("utf-8"))
    return sorted({g.get("batch", 1) for g in gold["documents"]})


def report(corpus_dir: Path, unseen_dir: Path | None = None) -> str:
    """Markdown for `lgnet eval`: the corpus tables, then the unseen set's apart."""
    parts = ["## Document type and city (catalogue withheld)", ""]
    parts += [e.table() + "\n" for e in evaluate_corpus(corpus_dir)]
    if unseen_dir is not None and (unseen_dir / "gold.json").is_file():
        # Each batch apart (development material or unseen, as lgnet/data/unseen_batches.json says), then the
        # whole set.
        numbers = unseen_batches(unseen_dir)
        batches = [evaluate_unseen(unseen_dir, batch=b) for b in numbers]
        whole = MetadataEval("unseen set, all batches", [d for e in batches for d in e.documents])
        parts += [f"Unseen set (reported apart; {describe(numbers)})", ""]
        parts += [e.table() + "\n" for e in batches] + [whole.table()]
    return "\n".join(parts)
