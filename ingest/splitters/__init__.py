"""Splitters: cut one file's text into logical documents (press review articles, summary tables)."""

from ingest.splitters.press_review import IndexRow, looks_like_press_review, parse_index, split_press_review

__all__ = ["IndexRow", "looks_like_press_review", "parse_index", "split_press_review"]
