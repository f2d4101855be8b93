"""What the knowledge layer does after an ingest changed the index (the pipeline calls it: ingest sits below
knowledge, so the hook is handed to the pipeline by whoever builds it, never imported by ingest)."""

from __future__ import annotations

from knowledge.repository import RecordRepository, RefreshReport


def refresh_records(store, embedder) -> RefreshReport:
    """Rebuild the practice records of the (city, phase) groups whose passages changed."""
    return RecordRepository(store).refresh(embedder)


INDEX_HOOKS = (refresh_records,)
