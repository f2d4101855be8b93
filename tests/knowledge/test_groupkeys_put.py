"""A records refresh writes a rebuilt group's membership by difference (`GroupKeys.put`): the members it gained
and lost, not all of them again (a city's group at 100k passages holds 2-3k members, one new file a few)."""

from __future__ import annotations

import sqlite3
import zlib

import orjson

from knowledge.groupkeys import GroupKeys


def test_a_group_rewritten_with_one_member_more_and_one_less_writes_those_two(tmp_path):
    conn = sqlite3.connect(str(tmp_path / "state.sqlite"), isolation_level=None)
    keys = GroupKeys(conn)
    members = [f"p{i}" for i in range(50)]
    keys.put({"Bari|LGNet2": (members, {"k1"}), "Lecce|LGNet2": (["q1"], {"k2"})}, replace_all=True)
    before = conn.total_changes
    keys.put({"Bari|LGNet2": ([*members[1:], "p-new"], {"k1", "k3"})})
    assert conn.total_changes - before == 3  # the group's keys, one member out, one in
    assert sorted(keys.members("Bari|LGNet2")) == sorted([*members[1:], "p-new"])
    assert keys.members("Lecce|LGNet2") == ["q1"]
    assert keys.keys() == {"Bari|LGNet2": {"k1", "k3"}, "Lecce|LGNet2": {"k2"}}
    assert keys.groups_of(["p0", "p-new"]) == {"p-new": {"Bari|LGNet2"}}
    keys.put({"Lecce|LGNet2": (["q1", "q2"], {"k2"})}, drop=["Bari|LGNet2"])  # dropped whole
    assert keys.members("Bari|LGNet2") == [] and sorted(keys.members("Lecce|LGNet2")) == ["q1", "q2"]
    assert keys.groups_of(["p1", "q2"]) == {"q2": {"Lecce|LGNet2"}}
    conn.close()


def test_kept_rows_are_json_and_an_older_compressed_row_is_read(tmp_path):
    """A member's kept text and metadata are stored as JSON, not compressed (inflating a touched city's group's
    rows was ~0.05 s of CPU at 100k); a row an older refresh compressed is still read."""
    conn = sqlite3.connect(str(tmp_path / "state.sqlite"), isolation_level=None)
    keys = GroupKeys(conn)
    keys.put_rows([("p1", "Il testo.", {"city": "Bari", "chunk_index": 0})])
    old = zlib.compress(orjson.dumps(["Vecchio.", {"a": 1}]), 1)
    conn.execute("INSERT INTO record_rows VALUES (?, ?)", ("p0", old))
    (blob,) = conn.execute("SELECT data FROM record_rows WHERE id = 'p1'").fetchone()
    assert orjson.loads(blob) == ["Il testo.", {"city": "Bari", "chunk_index": 0}]
    new = ("Il testo.", {"city": "Bari", "chunk_index": 0})
    assert keys.rows(["p0", "p1", "p2"]) == {"p0": ("Vecchio.", {"a": 1}), "p1": new}
    conn.close()
