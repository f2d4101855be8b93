"""Ingestion pipeline: corpus files -> clean, typed, citable passages in the Chroma collection."""
