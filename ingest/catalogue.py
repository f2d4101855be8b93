"""The corpus catalogue: what a file cannot say about itself (phase, type, title, provenance)."""

from __future__ import annotations

import json
from pathlib import Path

from lgnet.errors import IngestError
from lgnet.vocabulary import DOC_TYPES, PHASES

CATALOGUE_NAME = "catalogue.json"
ALLOWED_KEYS = {"title", "doc_type", "phase", "language", "date", "url", "city", "seed"}


def load_catalogue(root: Path) -> dict[str, dict]:
    """Entries keyed by path relative to `root`; an absent catalogue is an empty one."""
    path = root / CATALOGUE_NAME
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(path, f"catalogue is not valid JSON: {exc}") from exc
    entries = raw.get("documents", {})
    for rel, entry in entries.items():
        unknown = set(entry) - ALLOWED_KEYS
        if unknown:
            raise IngestError(path, f"entry {rel!r} has unknown keys {sorted(unknown)}")
        if entry.get("doc_type") not in (None, *DOC_TYPES):
            raise IngestError(path, f"entry {rel!r}: doc_type must be one of {DOC_TYPES}")
        if entry.get("phase") not in (None, *PHASES):
            raise IngestError(path, f"entry {rel!r}: phase must be one of {PHASES}")
    return entries
