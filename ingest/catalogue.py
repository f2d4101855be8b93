"""The catalogue: what a file cannot say about itself (phase, type, title, provenance), and the same fields given
with an upload. Entries override what ingestion detects; each is checked the same way wherever it comes from:
types and phases from lgnet/vocabulary.py, the city through the gazetteer (any comune, canonical name), dates
as YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from lgnet.errors import IngestError, InvalidRequest
from lgnet.gazetteer import Gazetteer
from lgnet.vocabulary import DOC_TYPES, PHASES

CATALOGUE_NAME = "catalogue.json"
ALLOWED_KEYS = {"title", "doc_type", "phase", "language", "date", "url", "city", "seed"}
UPLOAD_FIELDS = ("title", "doc_type", "phase", "city", "date", "language")
UPLOAD_DOC_TYPES = tuple(t for t in DOC_TYPES if t != "press_summary")  # summary tables come out of the splitter
MAX_TITLE = 300
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LANGUAGE = re.compile(r"[a-z]{2}")


def check_fields(fields: dict, gazetteer: Gazetteer | None = None) -> dict:
    """The entry with its values checked and normalised (canonical city name, trimmed title).
    Raises InvalidRequest naming the field, the value and what is allowed."""
    out = dict(fields)
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise InvalidRequest(f"{key} must be text", {"field": key})
    if out.get("title") is not None:
        out["title"] = " ".join(out["title"].split())
        if not out["title"] or len(out["title"]) > MAX_TITLE:
            raise InvalidRequest(f"title must have 1 to {MAX_TITLE} characters", {"field": "title"})
    if out.get("doc_type") is not None and out["doc_type"] not in UPLOAD_DOC_TYPES:
        allowed = list(UPLOAD_DOC_TYPES)
        raise InvalidRequest(f"unknown doc_type {out['doc_type']!r}", {"field": "doc_type", "allowed": allowed})
    if out.get("phase") is not None and out["phase"] not in PHASES:
        raise InvalidRequest(f"unknown phase {out['phase']!r}", {"field": "phase", "allowed": list(PHASES)})
    if out.get("city") is not None:
        gazetteer = gazetteer or Gazetteer.default()
        city = gazetteer.get(out["city"])
        if city is None:
            homonyms = [c.name for c in gazetteer.homonyms(out["city"])]
            message = f"city {out['city']!r} is " + ("ambiguous" if homonyms else "not an Italian comune")
            raise InvalidRequest(message, {"field": "city", "candidates": homonyms})
        out["city"] = city.name
    if out.get("date") is not None and not _valid_date(out["date"]):
        raise InvalidRequest("date must be YYYY, YYYY-MM or YYYY-MM-DD", {"field": "date", "value": out["date"]})
    if out.get("language") is not None and not _LANGUAGE.fullmatch(out["language"]):
        raise InvalidRequest("language must be a two-letter code (it, en)", {"field": "language"})
    return out


def _valid_date(value: str) -> bool:
    m = _DATE.fullmatch(value)
    if not m:
        return False
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


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
    checked = {}
    for rel, entry in entries.items():
        unknown = set(entry) - ALLOWED_KEYS
        if unknown:
            raise IngestError(path, f"entry {rel!r} has unknown keys {sorted(unknown)}")
        try:
            checked[rel] = check_fields(entry)
        except InvalidRequest as exc:
            raise IngestError(path, f"entry {rel!r}: {exc.message}") from exc
    return checked


def save_entry(root: Path, rel: str, entry: dict | None) -> None:
    """Add, replace or (with None) remove one entry of `root`'s catalogue, atomically (write then rename)."""
    path = root / CATALOGUE_NAME
    raw = json.loads(path.read_text("utf-8")) if path.is_file() else {"documents": {}}
    documents = raw.setdefault("documents", {})
    if entry:
        documents[rel] = entry
    elif documents.pop(rel, None) is None:
        return
    tmp = path.with_name(f".{CATALOGUE_NAME}.tmp")
    tmp.write_text(json.dumps(raw, ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, path)
