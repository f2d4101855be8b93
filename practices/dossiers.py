"""Trainers' dossiers: practices and passages collected, ordered and annotated, shared by link.

Two links per dossier. The owner's link carries the edit token (random, URL-safe, returned once at creation);
the shared link carries the read token, a one-way hash of the edit token, so a reader can never derive the
edit link. A dossier is a JSON file `data_dir/dossiers/<read token>.json` that holds no edit token at all.
`get(token)` accepts either and says which (`editable`); writes need the edit token (a read token is
`Forbidden`). Writes are atomic (temporary file, then rename) and serialised by a lock. Sizes are bounded.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from lgnet.errors import Forbidden, InvalidRequest, NotFound

MAX_ITEMS = 200
MAX_NOTE = 4000
MAX_TITLE = 200
MAX_AUTHOR = 120
MAX_DOSSIERS = 10_000
EMPTY_TTL_SECONDS = 24 * 3600  # at the cap, dossiers left empty this long are removed to make room
ID_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
ITEM_KINDS = ("practice", "passage")
ITEM_ID = r"^[A-Za-z0-9_-]{4,32}$"
_ID = re.compile(ID_PATTERN)
_REF = re.compile(r"^[\w.:-]{1,300}$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_token(edit_token: str) -> str:
    """The shared (read-only) token of an edit token: one-way, so the shared link never reveals the owner's."""
    digest = hashlib.sha256(f"lgnet-dossier:{edit_token}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")[:24]


class DossierStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()

    def _file(self, name: str) -> Path:
        if not _ID.match(name or ""):
            raise NotFound(f"no dossier with id {name!r}", {"id": name})
        return self.folder / f"{name}.json"

    def _load(self, path: Path) -> dict | None:
        try:
            return json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None

    def _write(self, dossier: dict) -> dict:
        """Store the dossier (without its edit token and view fields) atomically; return it as given."""
        self.folder.mkdir(parents=True, exist_ok=True)
        dossier["updated"] = _now()
        stored = {k: v for k, v in dossier.items() if k not in ("id", "editable")}
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(stored, f, ensure_ascii=False, indent=1)
            os.replace(tmp, self._file(dossier["read_id"]))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dossier

    # --- dossiers ----------------------------------------------------------------------------------------
    def create(self, title: str = "", description: str = "", author: str = "") -> dict:
        """A new dossier; its `id` is the edit token, shown to its creator once and never stored."""
        title, description = _text(title, MAX_TITLE, "title"), _text(description, MAX_NOTE, "description")
        author = _text(author, MAX_AUTHOR, "author")
        with self._lock:
            if self.folder.exists() and sum(1 for _ in self.folder.glob("*.json")) >= MAX_DOSSIERS:
                self._expire_empty()
            if self.folder.exists() and sum(1 for _ in self.folder.glob("*.json")) >= MAX_DOSSIERS:
                raise InvalidRequest("too many dossiers on this server", {"max": MAX_DOSSIERS})
            edit = secrets.token_urlsafe(18)
            dossier = {
                "id": edit,
                "read_id": read_token(edit),
                "editable": True,
                "title": title or "Dossier",
                "description": description,
                "author": author,
                "created": _now(),
                "items": [],
            }
            return self._write(dossier)

    def _expire_empty(self) -> int:
        """Remove dossiers with no items and no change for EMPTY_TTL_SECONDS (a flood of empty ones must not
        lock everyone out); returns how many went."""
        cutoff = time.time() - EMPTY_TTL_SECONDS
        removed = 0
        for path in self.folder.glob("*.json"):
            try:
                if path.stat().st_mtime < cutoff and not json.loads(path.read_text("utf-8")).get("items"):
                    path.unlink()
                    removed += 1
            except (OSError, ValueError):
                continue
        return removed

    def get(self, token: str) -> dict:
        """The dossier behind an edit token (`editable` true, `id` the edit token) or a read token (`editable`
        false, `id` the read token). Unknown tokens are NotFound."""
        self._file(token)  # validates the token's shape
        stored = self._load(self._file(read_token(token)))
        if stored is not None:
            return {"id": token, "editable": True, **_defaults(stored)}
        stored = self._load(self._file(token))
        if stored is None:
            raise NotFound(f"no dossier with id {token!r}", {"id": token})
        if "read_id" not in stored:  # a dossier of the one-link era: its link was the edit token
            with self._lock:
                migrated = self._write({**_defaults(stored), "id": token, "read_id": read_token(token)})
                self._file(token).unlink(missing_ok=True)
            return {**migrated, "editable": True}
        return {"id": token, "editable": False, **_defaults(stored)}

    def find(self, token: str) -> dict | None:
        """Like `get`, but None when the token names no dossier (a cookie left from a deleted one)."""
        try:
            return self.get(token)
        except NotFound:
            return None

    def _editable(self, token: str) -> dict:
        dossier = self.get(token)
        if not dossier["editable"]:
            raise Forbidden("this is the read-only link of the dossier: only its owner's link can change it",
                            {"id": token})  # fmt: skip
        return dossier

    def check_editable(self, token: str) -> None:
        """Forbidden for a read token, NotFound for an unknown one (before any costly work on a write)."""
        self._editable(token)

    def update(
        self, token: str, title: str | None = None, description: str | None = None, author: str | None = None
    ) -> dict:
        with self._lock:
            dossier = self._editable(token)
            if title is not None:
                dossier["title"] = _text(title, MAX_TITLE, "title") or dossier["title"]
            if description is not None:
                dossier["description"] = _text(description, MAX_NOTE, "description")
            if author is not None:
                dossier["author"] = _text(author, MAX_AUTHOR, "author")
            return self._write(dossier)

    def delete(self, token: str) -> None:
        with self._lock:
            dossier = self._editable(token)
            self._file(dossier["read_id"]).unlink(missing_ok=True)

    # --- items -------------------------------------------------------------------------------------------
    def add_item(self, dossier_id: str, kind: str, ref: str, note: str = "", snapshot: dict | None = None) -> dict:
        if kind not in ITEM_KINDS:
            raise InvalidRequest(f"kind must be one of {list(ITEM_KINDS)}", {"field": "kind", "allowed": ITEM_KINDS})
        if not _REF.match(ref or ""):
            raise InvalidRequest("ref is not a valid practice or passage id", {"field": "ref"})
        note = _text(note, MAX_NOTE, "note")
        with self._lock:
            dossier = self._editable(dossier_id)
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
            dossier = self._editable(dossier_id)
            dossier["items"][self._item_index(dossier, item_id)]["note"] = note
            return self._write(dossier)

    def remove(self, dossier_id: str, item_id: str) -> dict:
        with self._lock:
            dossier = self._editable(dossier_id)
            dossier["items"].pop(self._item_index(dossier, item_id))
            return self._write(dossier)

    def move(self, dossier_id: str, item_id: str, direction: str) -> dict:
        """Move an item one place "up" or "down" (the no-JS buttons)."""
        if direction not in ("up", "down"):
            raise InvalidRequest("direction must be 'up' or 'down'", {"allowed": ["up", "down"]})
        with self._lock:
            dossier = self._editable(dossier_id)
            items = dossier["items"]
            i = self._item_index(dossier, item_id)
            j = i - 1 if direction == "up" else i + 1
            if 0 <= j < len(items):
                items[i], items[j] = items[j], items[i]
            return self._write(dossier)

    def reorder(self, dossier_id: str, order: list[str]) -> dict:
        """Put the items in the given order; the order must name every item exactly once."""
        with self._lock:
            dossier = self._editable(dossier_id)
            current = {item["id"]: item for item in dossier["items"]}
            if sorted(order) != sorted(current) or len(set(order)) != len(order):
                raise InvalidRequest("order must list every item id exactly once", {"items": sorted(current)})
            dossier["items"] = [current[i] for i in order]
            return self._write(dossier)


def _defaults(stored: dict) -> dict:
    return {"title": "Dossier", "description": "", "author": "", "items": [], **stored}


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
