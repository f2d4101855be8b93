"""LGNet knowledge platform: shared core (settings, errors, store, embedders, gazetteer, CLI)."""

__version__ = "0.1.0"
