"""What the knowledge layer does after an ingest changed the index (the pipeline calls it: ingest sits below
knowledge, so the hook is handed to the pipeline by whoever builds it, never imported by ingest)."""

from __future__ import annotations

from ingest.pipeline import IngestPipeline
from knowledge.pre_read import PreReader
from knowledge.repository import RecordRepository, RefreshReport
from lgnet.config import Settings
from lgnet.embedders import Embedder
from lgnet.store import Store


def refresh_records(store, embedder) -> RefreshReport:
    """Rebuild the practice records of the (city, phase) groups whose passages changed."""
    return RecordRepository(store).refresh(embedder)


INDEX_HOOKS = (refresh_records,)


def index_pipeline(
    settings: Settings, embedder: Embedder | None = None, store: Store | None = None, progress: bool | None = None
) -> IngestPipeline:
    """The ingestion pipeline that also keeps the practice records up to date: the one the CLI, the API's jobs
    and the site's upload form run (a served app passes its service's embedder and store: one Chroma client
    per process, models loaded once). What the records read of each passage is read while the walk goes on
    (`knowledge.pre_read`), beside the embedding."""
    return IngestPipeline(
        settings, embedder=embedder, store=store, progress=progress, hooks=INDEX_HOOKS, batch_hooks=(PreReader(),)
    )
