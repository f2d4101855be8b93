"""The ingest report: printed at the end of a run and saved as JSON in the data dir."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class FileError:
    file: str
    code: str
    reason: str


@dataclass
class IngestReport:
    embedder: str = ""
    files_seen: int = 0
    files_ingested: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_embedded: int = 0
    chunks_reused: int = 0
    seconds_total: float = 0.0
    seconds_embedding: float = 0.0
    errors: list[FileError] = field(default_factory=list)
    # The index as it stands after the run:
    documents: int = 0
    articles: int = 0
    tables: int = 0
    chunks: int = 0
    duplicate_groups: int = 0
    duplicate_passage_groups: int = 0
    cities: dict[str, int] = field(default_factory=dict)
    doc_list: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summarise_index(self, docs: list[dict], chunk_groups: Counter) -> None:
        """Fill the index figures from the stored documents and passage duplicate groups."""
        self.documents = len(docs)
        self.articles = sum(d["doc_type"] == "press_article" for d in docs)
        self.tables = sum(d["doc_type"] == "press_summary" for d in docs)
        self.duplicate_groups = sum(n > 1 for n in Counter(d.get("dup_group") for d in docs).values())
        self.duplicate_passage_groups = sum(n > 1 for n in chunk_groups.values())
        self.cities = dict(Counter(d["city"] for d in docs if d.get("city")).most_common())
        self.doc_list = sorted(docs, key=lambda d: (d["source"], d["doc_id"]))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), "utf-8")

    def render(self, verbose: bool = False) -> str:
        lines = [
            f"Ingest report ({self.embedder})",
            f"  files: {self.files_seen} seen, {self.files_ingested} ingested, {self.files_unchanged} unchanged, "
            f"{self.files_removed} removed, {len(self.errors)} with errors",
            f"  index: {self.documents} documents ({self.articles} press articles, {self.tables} summary "
            f"tables), {self.chunks} passages",
            f"  duplicates: {self.duplicate_groups} groups of syndicated documents, "
            f"{self.duplicate_passage_groups} groups of near-identical passages",
            f"  embedding: {self.chunks_embedded} passages embedded, {self.chunks_reused} reused, "
            f"{self.seconds_embedding:.1f}s of {self.seconds_total:.1f}s",
            "  cities: " + (", ".join(f"{c} ({n})" for c, n in self.cities.items()) or "none"),
        ]
        if verbose:
            lines.append("  documents:")
            for d in self.doc_list:
                lines.append(
                    f"    {d['doc_id']:<55} {d['doc_type']:<14} {d.get('date') or '':<10} "
                    f"{(d.get('city') or '-'):<9} {(d.get('outlet') or '')[:30]:<30} {d['title'][:60]}"
                )
        for e in self.errors:
            lines.append(f"  ERROR {e.file}: {e.reason}")
        return "\n".join(lines)
