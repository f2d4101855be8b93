"""An index kept true to the rules that describe its documents, without embedding it again.

The walk skips a file whose bytes did not change (its content hash in the manifest), so a change of the rules that
describe a document (its type, city, phase, language, areas: ingest/doctype.py, ingest/city.py, ingest/metadata.py, the
readers and splitters) would reach an existing index only through `lgnet ingest --rebuild`, which embeds everything
again. Instead, each file's row in the state file's `described` table names the version of those rules
(`describe_version`, a digest of the modules that read, split, describe and chunk a file, and of the data they read)
that described it. A file described by other rules is read and described again in the parse worker, as a changed file
is; when its documents and passages come out as stored (`same_description`), only its row moves to the new version;
otherwise it is stored again as a changed file is (ingest/pipeline.py `_store_batch`): the vectors of passages whose
embedded text is unchanged are re-used (a new type embeds nothing; a new city or title is part of the passages'
embedded text, `Chunk.embed_text`, so those passages are embedded again, as a fresh index would embed them), and the
change log, the duplicate groups, the index summary and the practice records follow as for any changed file.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from ingest.manifest import FileEntry
from ingest.model import Chunk, Document
from ingest.prepare import PreparedFile
from ingest.store_metadata import doc_metadata
from lgnet.store import Store

# Where the walk over the imports starts: the parse worker's whole work on one file (ingest/prepare.py)
_ROOT = "ingest.prepare"
_FIRST_PARTY = ("ingest", "lgnet")
# Modules a description goes through without shaping it, where the walk stops (the embedder is the manifest's own
# check: another embedder re-checks every file)
_INFRASTRUCTURE = frozenset({"lgnet.store", "lgnet.config", "lgnet.errors", "lgnet.embedders", "lgnet.state"})
_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+(?P<module>[\w.]+)|from[ \t]+(?P<package>[\w.]+)[ \t]+import[ \t]+"
                     r"(?P<names>\([^)]*\)|[^\n]+))", re.M)  # fmt: skip
_DATA_NAME = re.compile(r"[\w-]+\.jsonl?")  # a data file of lgnet/data named in a module's source
# What the duplicate refresh writes into a document's or passage's metadata after it is stored
_GROUP_KEYS = frozenset({"dup_group", "dup_canonical", "doc_dup_group"})


def describe_modules() -> list[str]:
    """The first-party modules a file's description goes through: the imports of ingest/prepare.py, walked."""
    seen: set[str] = set()
    todo = [_ROOT]
    while todo:
        name = todo.pop()
        if name in seen or name in _INFRASTRUCTURE:
            continue
        path = _path(name)
        if path is None:
            continue
        seen.add(name)
        todo += _imports(path.read_text("utf-8"))
    return sorted(seen)


def _path(module: str) -> Path | None:
    spec = find_spec(module)
    return Path(spec.origin) if spec is not None and spec.origin and spec.origin.endswith(".py") else None


def _imports(source: str) -> list[str]:
    """The first-party modules `source` imports, at its top or inside a function (a name imported from a package may
    be a module of it): read by a pattern, not parsed (a parse of the ~45 modules took 0.9 s)."""
    found = []
    for m in _IMPORT.finditer(source):
        if m["module"]:
            found.append(m["module"])
        else:
            found.append(m["package"])
            found += [f"{m['package']}.{name}" for name in re.findall(r"\w+", m["names"]) if name != "as"]
    return [m for m in found if m.split(".")[0] in _FIRST_PARTY and _is_module(m)]


def _is_module(name: str) -> bool:
    try:
        return find_spec(name) is not None
    except ModuleNotFoundError:  # "package.function": its parent is a module, not a package
        return False


@cache
def describe_version() -> str:
    """'described-' and 16 hex digits of the SHA-1 over the describing modules' sources and the lgnet/data files
    they name (a few tens of ms, once per process). Over-inclusive on purpose: a comment changed in one of them
    describes every file once more (a parse each), which costs time, never correctness."""
    digest = hashlib.sha1()
    data = resources.files("lgnet").joinpath("data")
    names: set[str] = set()
    for module in describe_modules():
        path = _path(module)
        source = path.read_bytes() if path else b""
        digest.update(module.encode() + b"\0" + source + b"\0")
        names |= set(_DATA_NAME.findall(source.decode("utf-8")))
    for name in sorted(names):
        if data.joinpath(name).is_file():
            digest.update(name.encode() + b"\0" + data.joinpath(name).read_bytes() + b"\0")
    return f"described-{digest.hexdigest()[:16]}"


class Descriptions:
    """The `described` table of the state file: which rules' version described each file."""

    def __init__(self, conn: sqlite3.Connection, version: str | None = None) -> None:
        self.conn = conn
        self.version = version or describe_version()
        conn.execute("CREATE TABLE IF NOT EXISTS described (source TEXT PRIMARY KEY, version TEXT NOT NULL)")

    def stale(self, source: str) -> bool:
        """The file was described by other rules (or before this table existed)."""
        row = self.conn.execute("SELECT version FROM described WHERE source=?", (source,)).fetchone()
        return row is None or row[0] != self.version

    def mark(self, sources: Iterable[str]) -> None:
        """These files are described by the current rules (stored, or found as stored)."""
        self.conn.executemany(
            "INSERT OR REPLACE INTO described VALUES (?, ?)", [(s, self.version) for s in dict.fromkeys(sources)]
        )

    def confirmed(self, store: Store, source: str, known: FileEntry | None, prepared: PreparedFile) -> bool:
        """The file, read and described again, is as stored (`same_description`): its row moves to the current
        version and nothing is written; False when it must be stored again."""
        if known is None or not same_description(
            store, known.doc_ids, known.chunk_ids, prepared.docs, prepared.chunks, prepared.metas
        ):
            return False
        self.mark([source])
        return True


def same_description(
    store: Store, doc_ids: list[str], chunk_ids: list[str], docs: list[Document], chunks: list[Chunk], metas: list[dict]
) -> bool:
    """The file's documents and passages, described again, are those stored under `doc_ids` and `chunk_ids`: the same
    ids, the same passages' embedded text (`content_hash`) and the same metadata, but for the duplicate groups the
    refresh writes after storing (a syndicated copy's city taken from its group counts as a change: the copy is stored
    again and the refresh gives it back)."""
    if [d.doc_id for d in docs] != doc_ids or [c.chunk_id for c in chunks] != chunk_ids:
        return False
    stored = {r["id"]: r["meta"] for r in store.get_chunks(chunk_ids)}
    if any(_own(stored.get(c.chunk_id)) != _own(m) for c, m in zip(chunks, metas, strict=True)):
        return False
    counts = Counter(c.doc.doc_id for c in chunks)
    kept = {r["id"]: r["meta"] for r in store.iter_docs(where={"doc_id": {"$in": doc_ids}}, text=False)}
    return all(_own(kept.get(d.doc_id)) == _own(doc_metadata(d, counts[d.doc_id])) for d in docs)


def _own(meta: dict | None) -> dict | None:
    return None if meta is None else {k: v for k, v in meta.items() if k not in _GROUP_KEYS}
