"""A records refresh decodes a state-file row again only when its bytes changed (`knowledge.decoded`): the kept
rows, the documents' keys and parts and the groups' keys a refresh of the same group read before are not
decompressed and parsed a second time, a changed row is never answered with its old value, and records built
from the rows kept in memory are those built from the passages."""

from __future__ import annotations

import sqlite3

import pytest

from knowledge.decoded import DECODED, Decoded
from knowledge.doc_parts import DocParts
from knowledge.groupkeys import GroupKeys
from tests.knowledge.test_doc_parts import build, corpus_groups  # noqa: F401 (a fixture)


@pytest.fixture
def conn(tmp_path):
    connection = sqlite3.connect(str(tmp_path / "state.sqlite"), isolation_level=None)
    DECODED.clear()
    yield connection
    connection.close()


def test_the_same_bytes_are_decoded_once_and_changed_bytes_again():
    calls: list[bytes] = []

    def decode(blob: bytes) -> str:
        calls.append(blob)
        return blob.decode()

    cache = Decoded(max_bytes=64)
    assert cache.get("row", "a", b"one", decode) == "one"
    assert cache.get("row", "a", b"one", decode) == "one"
    assert calls == [b"one"]
    assert cache.get("row", "a", b"two", decode) == "two"  # the row was rewritten: never its old value
    assert cache.get("row", "b", b"one", decode) == "one"  # another row with the same bytes is its own
    assert calls == [b"one", b"two", b"one"]
    for i in range(40):  # bounded: the least recently used go first
        cache.get("row", f"r{i}", b"0123456789", decode)
    assert cache.get("row", "a", b"two", decode) == "two"
    assert calls[-1] == b"two"


def test_kept_rows_and_group_keys_read_again_are_not_decoded_again(conn):
    keys = GroupKeys(conn)
    keys.put_rows([("p1", "Il Comune di Bari ...", {"city": "Bari"}), ("p2", "Sportello", {"city": "Bari"})])
    keys.put({"Bari|LGNet2": (["p1", "p2"], {"k1", "k2"})})
    first = keys.rows(["p1", "p2"]), keys.keys()
    before = DECODED.decoded
    assert (GroupKeys(conn).rows(["p1", "p2"]), GroupKeys(conn).keys()) == first
    assert DECODED.decoded == before
    keys.put_rows([("p2", "Sportello per migranti", {"city": "Bari"})])  # changed since: decoded again
    assert GroupKeys(conn).rows(["p2"]) == {"p2": ("Sportello per migranti", {"city": "Bari"})}
    assert DECODED.decoded == before + 1


def test_records_built_again_from_parts_kept_in_memory_are_those_from_the_passages(corpus_groups, conn):  # noqa: F811
    groups, boilerplate = corpus_groups
    whole = build(groups, boilerplate)
    build(groups, boilerplate, DocParts(conn, "v"))  # computes and stores the parts
    assert build(groups, boilerplate, DocParts(conn, "v")) == whole  # decodes them
    before = DECODED.decoded
    again = DocParts(conn, "v")
    assert build(groups, boilerplate, again) == whole  # the same rows: nothing decoded
    assert again.reused > 10 and DECODED.decoded == before
