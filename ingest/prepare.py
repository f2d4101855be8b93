"""One file from its bytes to the passages ready to embed: read, split and describe into documents, chunk,
and the store metadata of each passage. Runs in the parse worker (`ingest.sandbox`), so that it goes on
beside the embedding of the files before it in the main process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ingest.copies import doc_shingles
from ingest.documents import Chunker, DocumentBuilder
from ingest.minhash import passage_shingles
from ingest.model import Chunk, Document
from ingest.readers import ReadLimits
from ingest.sandbox import checked_read
from ingest.sections import document_sections, section_metadata
from ingest.store_metadata import chunk_metadata, passage_shared_metadata
from lgnet.embedders import tokenize
from lgnet.errors import IngestError


@dataclass
class PreparedFile:
    """What the worker hands back for a file read."""

    read_meta: dict[str, Any]  # the reader's own (OCR pages, attachments not read): for the ingest report
    docs: list[Document]
    chunks: list[Chunk]
    metas: list[dict]
    tokens: list[list[int]] | None = None  # each passage's embed_text tokenized for the embedder, when asked
    # the near-duplicate refresh's arithmetic of each passage and document (`passage_shingles`, `doc_shingles`)
    chunk_shingles: list[tuple[np.ndarray, np.ndarray]] | None = None
    doc_shingles: list[tuple[np.ndarray, np.ndarray]] | None = None


@dataclass(frozen=True)
class PrepareTask:
    """Everything the worker needs for one file (plain values: it crosses a process boundary)."""

    path: Path
    source: str
    entry: dict
    max_bytes: int
    limits: ReadLimits
    max_text_chars: int
    chunk_min_words: int
    chunk_max_words: int
    tokenizer: str | None = None  # the embedder's (`lgnet.embedders.tokenize`): the worker tokenizes, the caller embeds


@lru_cache(maxsize=1)
def _builder() -> DocumentBuilder:
    return DocumentBuilder()  # its classifiers are built once per worker process


def prepare_file(task: PrepareTask) -> PreparedFile:
    """Raises the reader's IngestError, or one naming the file when its text is over the limit or no passage
    could be made from it."""
    raw = checked_read(task.path, task.max_bytes, task.limits, task.max_text_chars)
    docs = _builder().run(raw, task.source, task.entry)
    chunker = Chunker(task.chunk_min_words, task.chunk_max_words)
    chunks = [c for d in docs for c in chunker.run(d)]
    if not chunks:
        raise IngestError(task.path, "no text passages could be made from it")
    shared = {id(d): passage_shared_metadata(d) for d in docs}
    metas = [chunk_metadata(c, shared[id(c.doc)]) for c in chunks]
    for c, m in zip(chunks, metas, strict=True):  # singletons until the duplicate refresh says otherwise
        m.update(dup_group=c.chunk_id, dup_canonical=True, doc_dup_group=c.doc.doc_id)
    for d in docs:  # the parts of a document about other comuni (a review's articles, a newsletter's news)
        mine = [i for i, c in enumerate(chunks) if c.doc is d and d.doc_type != "press_summary"]
        found = document_sections([chunks[i].text for i in mine], d.city, not chunks[mine[0]].start) if mine else []
        for i, spans in zip(mine, found, strict=True):
            metas[i].update(section_metadata(spans))
    tokens = tokenize(task.tokenizer, [c.embed_text for c in chunks]) if task.tokenizer else None
    return PreparedFile(
        raw.meta, docs, chunks, metas, tokens, [passage_shingles(c.text) for c in chunks],
        [doc_shingles(d.text) for d in docs],
    )  # fmt: skip
