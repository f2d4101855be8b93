"""The closed vocabularies every layer shares: document types and programme phases, defined once."""

from __future__ import annotations

# What a document is (decided from its content at ingest; a catalogue entry or an upload field overrides).
# `press_review` is the file a review comes in: it is split into `press_article`s and `press_summary` tables.
DOC_TYPES = (
    "practice_report",
    "project_sheet",
    "press_article",
    "press_review",
    "press_summary",
    "report",
    "minutes",
    "other",
)
PHASES = ("LGNetEA", "LGNet2", "LGNet3")
