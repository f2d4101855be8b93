"""The dossier store on its own: ids, bounds, ordering, atomic files."""

from __future__ import annotations

import json

import pytest

from lgnet.errors import Forbidden, InvalidRequest, NotFound
from practices import dossiers
from practices.dossiers import DossierStore


def test_ids_are_random_tokens_and_files_are_json(tmp_path):
    store = DossierStore(tmp_path)
    a, b = store.create("a"), store.create("b")
    assert a["id"] != b["id"] and len(a["id"]) >= 16
    stored = (tmp_path / f"{a['read_id']}.json").read_text("utf-8")
    assert json.loads(stored)["title"] == "a"
    assert a["id"] not in stored  # the edit token is never written down
    assert not list(tmp_path.glob(".tmp-*"))  # no temporary file left behind


def test_two_links_the_shared_one_reads_only(tmp_path):
    store = DossierStore(tmp_path)
    d = store.create("Casa", author="Maria Rossi")
    edit, read = d["id"], d["read_id"]
    assert read != edit and read == dossiers.read_token(edit)
    store.add_item(edit, "passage", "doc:001", "nota")
    shared = store.get(read)
    assert shared["editable"] is False and shared["id"] == read and edit not in json.dumps(shared)
    assert shared["items"][0]["note"] == "nota" and shared["author"] == "Maria Rossi"
    assert store.get(edit)["editable"] is True
    item = shared["items"][0]["id"]
    changes = (
        lambda: store.add_item(read, "passage", "doc:002"),
        lambda: store.update(read, "x"),
        lambda: store.annotate(read, item, "x"),
        lambda: store.delete(read),
    )
    for change in changes:
        with pytest.raises(Forbidden):
            change()
    store.delete(edit)
    for token in (edit, read):
        with pytest.raises(NotFound):
            store.get(token)


def test_a_one_link_dossier_moves_to_two_links(tmp_path):
    old = "L" * 24
    (tmp_path / f"{old}.json").write_text(json.dumps({"id": old, "title": "vecchio", "items": []}), "utf-8")
    store = DossierStore(tmp_path)
    d = store.get(old)
    assert d["editable"] and d["title"] == "vecchio" and d["read_id"] == dossiers.read_token(old)
    assert not (tmp_path / f"{old}.json").exists() and store.get(d["read_id"])["editable"] is False


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
