"""The one settings object, read from the environment (prefix LGNET_)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LGNET_", extra="ignore")

    data_dir: Path = Field(default=Path("./data"), description="Embedded store, manifest, lexical index, reports")
    chroma_url: str | None = Field(default=None, description="Chroma server URL; unset means embedded store")
    embedding_model: str = Field(default="use-m3", description="'use-m3' or 'st:<name or path>'")
    corpus_dir: Path = Field(default=Path("./corpus"), description="The corpus folder (reindex, original files)")
    admin_token: str | None = Field(default=None, description="Bearer token for write endpoints")
    collection: str = Field(default="lgnet_chunks", description="Chroma collection of passages")
    max_file_mb: float = Field(default=50.0, description="Files larger than this are refused")
    # What reading one file may cost (ingest/readers/limits.py): over a limit the file is refused, by name.
    max_pdf_pages: int = Field(default=2000, description="PDFs with more pages than this are refused")
    max_sheet_rows: int = Field(default=100_000, description="Spreadsheets (XLSX, ODS) with more rows are refused")
    max_uncompressed_mb: float = Field(
        default=128.0, description="Zip-based files (DOCX, ODT, ODS, XLSX) inflating to more are refused"
    )
    # Every parse runs in a worker process (ingest/sandbox.py): over a limit the worker is killed, the file refused.
    parse_seconds: float = Field(default=600.0, description="Time limit for reading one file (OCR included)")
    parse_memory_mb: int = Field(default=2048, description="Address-space limit of the parsing worker process")
    # Per-client rate limits (app/security.py; shared by the worker processes): over them, 429 with Retry-After.
    write_rate_per_minute: float = Field(default=30.0, description="Anonymous writes (dossiers) per client")
    write_burst: int = Field(default=20, description="Anonymous writes a client may make at once")
    upload_rate_per_minute: float = Field(default=6.0, description="Uploads and deletes per client")
    upload_burst: int = Field(default=10, description="Uploads a client may make at once")
    public_url: str | None = Field(
        default=None, description="The site's public address, for absolute links (dossier share links)"
    )
    parse_max_chars: int = Field(default=20_000_000, description="Text one file may yield (attachments included)")
    ocr_enabled: bool = Field(default=True, description="Recognise PDF pages without a text layer (Tesseract)")
    ocr_languages: str = Field(default="ita+eng", description="Tesseract language models for OCR")
    ocr_dpi: int = Field(default=300, description="Resolution at which scanned pages are rendered for OCR")
    ocr_page_seconds: float = Field(default=120.0, description="OCR time limit per page; a slower page is skipped")
    ocr_max_pages: int = Field(default=200, description="PDFs with more pages needing OCR than this are refused")
    pdf_table_max_pages: int = Field(default=200, description="Pages of a PDF searched for tables (pdfplumber)")
    max_attachments: int = Field(default=20, description="E-mail attachments read per message (more are listed)")
    max_nesting: int = Field(default=3, description="Files inside files (attachments, signed envelopes) depth")
    # One BLAS thread by default: with one per core, any other work on the machine (the parse worker, a second
    # search, another process) leaves the threads spin-waiting for each other (docs/architecture.md, "Threads").
    threads: int = Field(default=1, ge=1, description="BLAS threads of the embedding model and the process's numpy")
    read_concurrency: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="Searches and pages computed at once per server process (the rest wait their turn)",
    )
    chunk_min_words: int = Field(
        default=120, description="Fewest words of a passage (whole sentences, cut at paragraphs)"
    )
    chunk_max_words: int = Field(default=300, description="Most words of a passage")
    batch_size: int = Field(default=64, description="Passages embedded and stored per batch")
    # Retrieval (see docs/architecture.md); `lgnet eval` measures the effect of each.
    # Fusion and weights chosen on the odd half of the relevance set and checked on the even half (the
    # "Fusion" table of docs/search-quality.md): scores rather than ranks, BM25 weighing twice the dense side.
    fusion: Literal["rrf", "score"] = Field(
        default="score", description="How BM25 and dense lists are fused: min-max scaled scores or reciprocal rank"
    )
    rrf_k: int = Field(default=60, description="The constant k of reciprocal rank fusion")
    weight_dense: float = Field(default=1.0, description="Weight of the dense (embedding) list in the fusion")
    weight_lexical: float = Field(default=2.0, description="Weight of the BM25 list in the fusion")
    city_boost: float = Field(default=1.0, description="Boost of passages about a city the query names")
    intervention_boost: float = Field(default=0.3, description="Boost of passages in an area the query names")
    # 300, not 100: the dense list's scores are scaled between its best and its last (docs/architecture.md, Fusion)
    candidates: int = Field(default=300, description="Dense candidates taken before fusion (BM25 keeps its best 1,000)")
    dense_min_similarity: float = Field(default=0.2, description="Dense candidates less similar than this are dropped")
    # Measured on the 100k bench index (stand-in vectors) and the 10k one (real model): docs/architecture.md
    dense_exact_up_to: int = Field(
        default=20_000, description="Above this many passages the dense search ranks by a sketch, then exactly"
    )
    dense_rescore: int = Field(
        default=2_000, description="Passages nearest in the sketch that the dense search scores exactly"
    )
    # 3 in each 5 results (retrieval/diversity.py), chosen on the old part of the relevance set: S@5 0.957 -> 0.989
    max_per_document: int = Field(
        default=3, description="Passages of one article (or its copies) in each block of 5 results at most"
    )
    # Issue 11: a question asked again skips the model and the parser (retrieval/memo.py); ~2 KB a query.
    query_memo_size: int = Field(
        default=4096, ge=0, description="Queries whose vector and reading (parse, terms) a process remembers"
    )
    search_cache_mb: float = Field(
        default=32.0, ge=0, description="Search API answers kept for the same request asked again (0: none)"
    )

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def manifest_path(self) -> Path:
        return self.data_dir / "manifest.json"

    @property
    def report_path(self) -> Path:
        return self.data_dir / "ingest-report.json"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def lexical_dir(self) -> Path:
        return self.data_dir / "lexical"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for the running process; built on first use, never at import time."""
    return Settings()
