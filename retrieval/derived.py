"""The indexes derived from the lexical index's corpus (spelling vocabulary, network boilerplate), saved beside it.

A process starting used to rebuild both from every text (1.3 s and 1.0 s at 10k passages, linear in the
corpus). They are written into the lexical index's folder by the same save (ingest, rebuild, a serving
process's periodic save), under a key naming the corpus they describe (change-log epoch and position,
passage count, a digest of the ids, the thesaurus words, the format). Loading the lexical index loads them
when the key matches that index exactly; any other file (older code, another epoch or position, a damaged
file) is ignored, they are built from the texts as before, and `repair` writes them again.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import orjson

from retrieval import sentences, spelling
from retrieval.thesaurus import Thesaurus

log = logging.getLogger(__name__)
FORMAT = 1
HEAD = "derived-head.json"  # the key alone: cheap to compare with the lexical index's head
DATA = "derived.json"


def _extra() -> frozenset[str]:
    """The words the spelling vocabulary adds to the texts' (SearchService uses the same thesaurus)."""
    return frozenset(Thesaurus.default().words)


def key(index, extra: frozenset[str] | None = None) -> dict:
    """What a saved file must match to stand for `index`'s derived indexes."""
    ids = hashlib.blake2b(digest_size=16)
    for cid in index.corpus.ids:
        ids.update(cid.encode())
        ids.update(b"\0")
    return {
        "format": FORMAT,
        "epoch": index.epoch,
        "seq": index.seq,
        "passages": len(index.corpus.ids),
        "ids": ids.hexdigest(),
        "extra": _digest_of(_extra() if extra is None else extra),
    }


def save(index, folder: Path) -> None:
    """Write the derived indexes of `index` into `folder` (the lexical index's folder being written)."""
    extra = _extra()
    vocabulary = spelling.vocabulary_of(index, extra)
    boilerplate = sentences.boilerplate_of(index)
    k = key(index, extra)
    data = {"key": k, "vocabulary": vocabulary.state(), "boilerplate": boilerplate.state(index.corpus.ids)}
    (folder / DATA).write_bytes(orjson.dumps(data))
    (folder / HEAD).write_bytes(orjson.dumps(k))  # last: a head names only a complete file


def saved_key(folder: Path) -> dict | None:
    try:
        return orjson.loads((folder / HEAD).read_bytes())
    except (OSError, ValueError):
        return None


def load(index, folder: Path) -> bool:
    """Use the derived indexes saved in `folder` for `index` (just loaded from there) when they describe
    exactly its corpus; False (nothing used) otherwise."""
    extra = _extra()
    expected = key(index, extra)
    if saved_key(folder) != expected:
        return False
    try:
        data = orjson.loads((folder / DATA).read_bytes())
        if data.get("key") != expected:
            return False
        corpus = index.corpus
        titles = [m.get("title", "") for m in corpus.metas]
        vocabulary = spelling.Vocabulary.from_state(data["vocabulary"], corpus.ids, corpus.texts, titles, extra)
        boilerplate = sentences.Boilerplate.from_state(data["boilerplate"], corpus.ids, corpus.texts)
    except Exception as exc:  # noqa: BLE001 - a damaged derived file is simply rebuilt
        log.info("derived indexes in %s not usable (%s): rebuilding", folder, exc)
        return False
    spelling.remember(index, vocabulary)
    sentences.remember(index, boilerplate)
    return True


def fresh(folder: Path, head: dict | None) -> bool:
    """Whether the derived files in `folder` were written with the lexical index whose head is `head`."""
    saved = saved_key(folder)
    return bool(
        head
        and saved
        and saved.get("format") == FORMAT
        and (saved.get("epoch"), saved.get("seq")) == (head.get("epoch"), head.get("seq"))
        and saved.get("extra") == _digest_of(_extra())
    )


def _digest_of(words: frozenset[str]) -> str:
    return hashlib.blake2b("\0".join(sorted(words)).encode(), digest_size=16).hexdigest()
