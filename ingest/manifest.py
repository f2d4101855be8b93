"""The manifest: which corpus file (by content hash) produced which documents and passages.

With the corpus it is enough to rebuild the index. It is written atomically after each file is stored, so a
run killed half-way leaves entries only for files that are completely in the index.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

VERSION = 1


@dataclass
class FileEntry:
    sha256: str
    size: int
    doc_ids: list[str] = field(default_factory=list)
    chunk_ids: list[str] = field(default_factory=list)


class Manifest:
    def __init__(self, path: Path, embedder: str) -> None:
        self.path = path
        self.embedder = embedder
        self.files: dict[str, FileEntry] = {}

    @classmethod
    def load(cls, path: Path, embedder: str) -> Manifest:
        manifest = cls(path, embedder)
        if path.is_file():
            try:
                raw = json.loads(path.read_text("utf-8"))
            except (OSError, json.JSONDecodeError):
                return manifest  # unreadable manifest: everything is re-checked against the store
            if raw.get("version") == VERSION and raw.get("embedder") == embedder:
                manifest.files = {k: FileEntry(**v) for k, v in raw.get("files", {}).items()}
        return manifest

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "embedder": self.embedder,
            "files": {k: asdict(v) for k, v in sorted(self.files.items())},
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".manifest-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)
