"""Editorial review: an editor confirms, corrects or hides one field of a practice record.

Edits are stored apart from extraction, in a collection beside the passages (`<collection>_edits`) that a
rebuild does not drop, keyed by the record id (city, area, phase: stable across re-ingests), and applied when
records are read, in the order they were made.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime

import numpy as np
from pydantic import TypeAdapter, ValidationError

from lgnet.errors import InvalidRequest
from lgnet.practice import EDITABLE_FIELDS, FieldEdit, FieldReview, PracticeRecord
from lgnet.store import Store

SUFFIX = "edits"
ACTIONS = ("confirm", "correct", "hide")
MAX_REASON = 1000
MAX_EDITOR = 100
REQUIRED = ("title", "title_en")  # a record is always shown under a title: corrected, never hidden or emptied
EDITS_TTL = 1.0  # seconds the edits read from the store are trusted (own writes are seen at once)
_ADAPTERS: dict[str, TypeAdapter] = {name: TypeAdapter(kind) for name, kind in EDITABLE_FIELDS.items()}
_EMPTY = {"title": "", "title_en": "", "period": {}, "budget": {}}


def validate_edit(practice_id: str, field: str, action: str, value: object, reason: str | None,
                  editor: str | None = None) -> FieldEdit:  # fmt: skip
    """The edit as it will be stored, or InvalidRequest naming what is wrong with it."""
    if field not in EDITABLE_FIELDS:
        raise InvalidRequest(f"unknown field {field!r}", {"field": field, "allowed": sorted(EDITABLE_FIELDS)})
    if action not in ACTIONS:
        raise InvalidRequest(f"unknown action {action!r}", {"field": "action", "allowed": list(ACTIONS)})
    if not reason or not str(reason).strip():
        raise InvalidRequest("an edit needs a reason", {"field": "reason"})
    if len(reason) > MAX_REASON or (editor and len(editor) > MAX_EDITOR):
        raise InvalidRequest(f"reason at most {MAX_REASON} characters, editor {MAX_EDITOR}", {"field": "reason"})
    if field in REQUIRED and (action == "hide" or (action == "correct" and not str(value or "").strip())):
        raise InvalidRequest(f"a record needs a {field!r}: correct it instead of hiding or emptying it",
                             {"field": field, "action": action})  # fmt: skip
    if action == "correct":
        if value is None:
            raise InvalidRequest(f"a correction of {field!r} needs a value", {"field": "value"})
        try:
            value = _ADAPTERS[field].dump_python(_ADAPTERS[field].validate_python(value), mode="json")
        except ValidationError as exc:
            raise InvalidRequest(
                f"value is not a valid {field!r}",
                {"field": "value", "errors": json.loads(exc.json(include_url=False, include_input=False))},
            ) from exc
    elif value is not None:
        raise InvalidRequest(f"{action!r} takes no value", {"field": "value"})
    at = datetime.now(UTC).isoformat(timespec="microseconds")  # orders edits made in one second
    return FieldEdit(id=uuid.uuid4().hex, practice_id=practice_id, field=field, action=action, value=value,
                     reason=reason.strip(), editor=(editor or "").strip() or None, at=at)  # fmt: skip


class EditStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: tuple[float, list[FieldEdit]] | None = None
        self._writes = 0  # edits added through this object: a read begun before one must not hide it

    def add(self, edit: FieldEdit) -> FieldEdit:
        vector = np.zeros((1, self.store.dim), dtype=np.float32)
        vector[0, 0] = 1.0
        meta = {"practice_id": edit.practice_id, "field": edit.field, "action": edit.action, "at": edit.at}
        self.store.aux_upsert(SUFFIX, [edit.id], [edit.model_dump_json()], vector, [meta])
        self._writes += 1
        self._cache = None
        return edit

    def all(self) -> list[FieldEdit]:
        cached = self._cache
        if cached is not None and time.monotonic() - cached[0] < EDITS_TTL:
            return cached[1]
        return self.refresh()

    def refresh(self) -> list[FieldEdit]:
        """The edits read from the store now (and trusted from now on for EDITS_TTL): a served process calls it
        in the background (retrieval/freshness.py), so its searches find them fresh."""
        writes = self._writes
        edits = [FieldEdit.model_validate_json(row["text"]) for row in self.store.aux_rows(SUFFIX)]
        edits.sort(key=lambda e: (e.at, e.id))
        if self._writes == writes:  # an edit added meanwhile may be missing from this read: not kept then
            self._cache = (time.monotonic(), edits)
        return edits

    def of(self, practice_id: str) -> list[FieldEdit]:
        return [e for e in self.all() if e.practice_id == practice_id]

    def version(self) -> tuple[int, str]:
        edits = self.all()
        return (len(edits), edits[-1].id if edits else "")


def apply_edits(record: PracticeRecord, edits: list[FieldEdit]) -> PracticeRecord:
    """The record as editors left it: corrections replace values, hidden fields are emptied, and `review`
    says for every editable field whether it is extracted, verified, corrected or hidden."""
    data = record.model_dump()
    review = {name: FieldReview(status="extracted" if data.get(name) else "missing") for name in EDITABLE_FIELDS}
    for e in edits:
        if e.action == "correct":
            data[e.field] = e.value
            status = "corrected"
        elif e.action == "hide":
            data[e.field] = _EMPTY.get(e.field, [])
            status = "hidden"
        else:
            status = "verified" if review[e.field].status != "hidden" else "hidden"
        review[e.field] = FieldReview(status=status, at=e.at, reason=e.reason, editor=e.editor)
    data["review"] = {k: v.model_dump() for k, v in review.items()}
    return PracticeRecord.model_validate(data)
