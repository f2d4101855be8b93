"""The dossier store on its own: ids, bounds, ordering, atomic files."""

from __future__ import annotations

import json

import pytest

from lgnet.errors import InvalidRequest, NotFound
from practices import dossiers
from practices.dossiers import DossierStore


def test_ids_are_random_tokens_and_files_are_json(tmp_path):
    store = DossierStore(tmp_path)
    a, b = store.create("a"), store.create("b")
    assert a["id"] != b["id"] and len(a["id"]) >= 16
    assert json.loads((tmp_path / f"{a['id']}.json").read_text("utf-8"))["title"] == "a"
    assert not list(tmp_path.glob(".tmp-*"))  # no temporary file left behind


def test_path_traversal_and_unknown_ids_are_not_found(tmp_path):
    store = DossierStore(tmp_path)
    for bad in ("../../etc/passwd", "", "a" * 65, "A" * 20):
        with pytest.raises(NotFound):
            store.get(bad)


def test_items_bounded_and_deduplicated(tmp_path, monkeypatch):
    monkeypatch.setattr(dossiers, "MAX_ITEMS", 2)
    store = DossierStore(tmp_path)
    d = store.create()
    store.add_item(d["id"], "practice", "torino-housing-lgnet2")
    store.add_item(d["id"], "practice", "torino-housing-lgnet2")
    assert len(store.get(d["id"])["items"]) == 1
    store.add_item(d["id"], "passage", "doc:001")
    with pytest.raises(InvalidRequest):
        store.add_item(d["id"], "passage", "doc:002")
    with pytest.raises(InvalidRequest):
        store.add_item(d["id"], "video", "x")
    with pytest.raises(InvalidRequest):
        store.add_item(d["id"], "passage", "bad ref with spaces")


def test_move_and_reorder(tmp_path):
    store = DossierStore(tmp_path)
    d = store.create()
    for ref in ("a:1", "a:2", "a:3"):
        store.add_item(d["id"], "passage", ref)
    ids = [i["id"] for i in store.get(d["id"])["items"]]
    store.move(d["id"], ids[0], "up")  # already first: stays
    assert [i["id"] for i in store.get(d["id"])["items"]] == ids
    store.move(d["id"], ids[2], "up")
    assert [i["ref"] for i in store.get(d["id"])["items"]] == ["a:1", "a:3", "a:2"]
    store.reorder(d["id"], list(reversed(ids)))
    assert [i["ref"] for i in store.get(d["id"])["items"]] == ["a:3", "a:2", "a:1"]
    with pytest.raises(InvalidRequest):
        store.reorder(d["id"], ids[:2])
    with pytest.raises(NotFound):
        store.annotate(d["id"], "missing", "x")
