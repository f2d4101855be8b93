"""Trainers' dossiers: practices and passages collected, ordered and annotated, shared by link.

A dossier is a JSON file under `data_dir/dossiers/<id>.json`; its id is a random URL-safe token (the link is
the only key). Writes are atomic (temporary file, then rename) and serialised by a lock. Sizes are bounded.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from lgnet.errors import InvalidRequest, NotFound

MAX_ITEMS = 200
MAX_NOTE = 4000
MAX_TITLE = 200
MAX_DOSSIERS = 10_000
ID_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
ITEM_KINDS = ("practice", "passage")
ITEM_ID = r"^[A-Za-z0-9_-]{4,32}$"
_ID = re.compile(ID_PATTERN)
_REF = re.compile(r"^[\w.:-]{1,300}$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class DossierStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()

    def _path(self, dossier_id: str) -> Path:
        if not _ID.match(dossier_id or ""):
            raise NotFound(f"no dossier with id {dossier_id!r}", {"id": dossier_id})
        return self.folder / f"{dossier_id}.json"

    def _write(self, dossier: dict) -> dict:
        self.folder.mkdir(parents=True, exist_ok=True)
        dossier["updated"] = _now()
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(dossier, f, ensure_ascii=False, indent=1)
            os.replace(tmp, self._path(dossier["id"]))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dossier

    # --- dossiers ----------------------------------------------------------------------------------------
    def create(self, title: str = "", description: str = "") -> dict:
        title, description = _text(title, MAX_TITLE, "title"), _text(description, MAX_NOTE, "description")
        with self._lock:
            if self.folder.exists() and sum(1 for _ in self.folder.glob("*.json")) >= MAX_DOSSIERS:
                raise InvalidRequest("too many dossiers on this server", {"max": MAX_DOSSIERS})
            dossier = {
                "id": secrets.token_urlsafe(18),
                "title": title or "Dossier",
                "description": description,
                "created": _now(),
                "items": [],
            }
            return self._write(dossier)

    def get(self, dossier_id: str) -> dict:
        path = self._path(dossier_id)
        try:
            return json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise NotFound(f"no dossier with id {dossier_id!r}", {"id": dossier_id}) from None

    def update(self, dossier_id: str, title: str | None = None, description: str | None = None) -> dict:
        with self._lock:
            dossier = self.get(dossier_id)
            if title is not None:
                dossier["title"] = _text(title, MAX_TITLE, "title") or dossier["title"]
            if description is not None:
                dossier["description"] = _text(description, MAX_NOTE, "description")
            return self._write(dossier)

    # --- items -------------------------------------------------------------------------------------------
    def add_item(self, dossier_id: str, kind: str, ref: str, note: str = "", snapshot: dict | None = None) -> dict:
        if kind not in ITEM_KINDS:
            raise InvalidRequest(f"kind must be one of {list(ITEM_KINDS)}", {"field": "kind", "allowed": ITEM_KINDS})
        if not _REF.match(ref or ""):
            raise InvalidRequest("ref is not a valid practice or passage id", {"field": "ref"})
        note = _text(note, MAX_NOTE, "note")
        with self._lock:
            dossier = self.get(dossier_id)
            if len(dossier["items"]) >= MAX_ITEMS:
                raise InvalidRequest(f"a dossier holds at most {MAX_ITEMS} items", {"max": MAX_ITEMS})
            for item in dossier["items"]:
                if item["kind"] == kind and item["ref"] == ref:
                    return dossier  # already there: adding twice is harmless
            dossier["items"].append(
                {"id": secrets.token_urlsafe(8), "kind": kind, "ref": ref, "note": note, "added": _now(),
                 "snapshot": snapshot or {}}
            )  # fmt: skip
            return self._write(dossier)

    def _item_index(self, dossier: dict, item_id: str) -> int:
        for i, item in enumerate(dossier["items"]):
            if item["id"] == item_id:
                return i
        raise NotFound(f"no item {item_id!r} in dossier {dossier['id']!r}", {"item": item_id})

    def annotate(self, dossier_id: str, item_id: str, note: str) -> dict:
        note = _text(note, MAX_NOTE, "note")
        with self._lock:
            dossier = self.get(dossier_id)
            dossier["items"][self._item_index(dossier, item_id)]["note"] = note
            return self._write(dossier)

    def remove(self, dossier_id: str, item_id: str) -> dict:
        with self._lock:
            dossier = self.get(dossier_id)
            dossier["items"].pop(self._item_index(dossier, item_id))
            return self._write(dossier)

    def move(self, dossier_id: str, item_id: str, direction: str) -> dict:
        """Move an item one place "up" or "down" (the no-JS buttons)."""
        if direction not in ("up", "down"):
            raise InvalidRequest("direction must be 'up' or 'down'", {"allowed": ["up", "down"]})
        with self._lock:
            dossier = self.get(dossier_id)
            items = dossier["items"]
            i = self._item_index(dossier, item_id)
            j = i - 1 if direction == "up" else i + 1
            if 0 <= j < len(items):
                items[i], items[j] = items[j], items[i]
            return self._write(dossier)

    def reorder(self, dossier_id: str, order: list[str]) -> dict:
        """Put the items in the given order; the order must name every item exactly once."""
        with self._lock:
            dossier = self.get(dossier_id)
            current = {item["id"]: item for item in dossier["items"]}
            if sorted(order) != sorted(current) or len(set(order)) != len(order):
                raise InvalidRequest("order must list every item id exactly once", {"items": sorted(current)})
            dossier["items"] = [current[i] for i in order]
            return self._write(dossier)


def _text(value: str | None, limit: int, field: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise InvalidRequest(f"{field} longer than {limit} characters", {"field": field, "max": limit})
    return value


_STORES: dict[Path, DossierStore] = {}
_STORES_LOCK = threading.Lock()


def get_dossier_store(data_dir: Path) -> DossierStore:
    folder = (data_dir / "dossiers").resolve()
    with _STORES_LOCK:
        return _STORES.setdefault(folder, DossierStore(folder))
