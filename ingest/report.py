"""The ingest report: printed at the end of a run and saved as JSON in the data dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class FileError:
    file: str
    code: str
    reason: str


@dataclass
class FormatStats:
    """What happened to the files of one format (by suffix: "pdf", "p7m", "xlsx"...)."""

    read: int = 0
    unchanged: int = 0
    refused: int = 0
    ocr_files: int = 0  # files with pages recognised by OCR
    ocr_pages: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # error code -> files refused for it


def file_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix or "(no suffix)"


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
    # Read, but not whole: OCR failed on some pages, attachments that could not be read.
    warnings: list[FileError] = field(default_factory=list)
    formats: dict[str, FormatStats] = field(default_factory=dict)
    interrupted: bool = False  # stopped by Ctrl-C: the next run resumes (finished files are unchanged)
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

    def tally(self, file: str | Path, outcome: str, code: str | None = None) -> None:
        """Count a file's outcome ("read", "unchanged", "refused" with its error code) under its format."""
        stats = self.formats.setdefault(file_format(file), FormatStats())
        setattr(stats, outcome, getattr(stats, outcome) + 1)
        if code:
            stats.reasons[code] = stats.reasons.get(code, 0) + 1

    def note_read(self, file: str | Path, meta: dict) -> None:
        """OCR figures and partial failures from what a reader returned (RawText.meta)."""
        stats = self.formats.setdefault(file_format(file), FormatStats())
        if meta.get("ocr_pages"):
            stats.ocr_files += 1
            stats.ocr_pages += meta["ocr_pages"]
        for reason in meta.get("ocr_failed", []):
            self.warnings.append(FileError(str(file), "ocr_failed", reason))
        for reason in meta.get("attachments_not_read", []):
            self.warnings.append(FileError(str(file), "attachment_not_read", reason))

    def summarise(self, figures: dict, docs: list[dict], passage_groups: int) -> None:
        """The index figures kept by `ingest.summary`; `doc_list` holds the documents this run read or stored."""
        self.documents, self.articles, self.tables = figures["documents"], figures["articles"], figures["tables"]
        self.duplicate_groups, self.cities = figures["duplicate_groups"], figures["cities"]
        self.duplicate_passage_groups = passage_groups
        self.doc_list = sorted(docs, key=lambda d: (d["source"] or "", d["doc_id"]))

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
        if self.formats:
            lines.append("  by format:")
            for name, f in sorted(self.formats.items()):
                why = ", ".join(f"{code} {n}" for code, n in sorted(f.reasons.items()))
                lines.append(
                    f"    {name:<8} {f.read} read, {f.unchanged} unchanged, {f.refused} refused"
                    + (f" ({why})" if why else "")
                    + (f", {f.ocr_files} with OCR ({f.ocr_pages} pages)" if f.ocr_files else "")
                )
        if self.interrupted:
            lines.append("  STOPPED before the end (Ctrl-C): run the same command again to resume")
        for e in self.errors:
            lines.append(f"  ERROR {e.file}: {e.reason}")
        for w in self.warnings:
            lines.append(f"  WARNING {w.file}: {w.reason}")
        return "\n".join(lines)
