"""Warm-up: load what the first search needs (model, derived indexes, practice records) before saying ready."""

from __future__ import annotations

import gc
import logging
import threading

from fastapi import FastAPI

from lgnet.errors import LGNetError
from retrieval.freshness import keep_fresh

log = logging.getLogger(__name__)


def start_warm_up(app: FastAPI) -> None:
    """Warm up in a background thread, once per app (a second call while one runs, or once ready, does nothing)."""
    state = app.state
    with state.warm_lock:
        if state.warming or is_ready(app):
            return
        state.warming = True
    threading.Thread(target=_warm_up, args=(app,), name="warm-up", daemon=True).start()


def _warm_up(app: FastAPI) -> None:
    from retrieval.practices import get_catalogue

    try:
        service = app.state.services.get()
        service.warm_up()
        get_catalogue(service).warm_up()
        gc.collect()  # the records loaded too: the collector's full pass now, not during a search
        # ... and frozen with the rest of warm-up's objects (SearchService.warm_up froze those before the records
        # were loaded): a full pass during the searches then scans only what searches made since, as in a process
        # that warmed up the service alone; thawed with the rest when the index changes (SearchService._thaw).
        gc.freeze()
        app.state.refresher = keep_fresh(service)  # the revision and edits re-read off the request path
        app.state.warm = True
    except LGNetError as exc:  # the store may be down: requests will say so; /api/ready tries again
        log.warning("warm-up failed: %s", exc.message)
        return
    finally:
        app.state.warming = False
    try:  # after ready: a start that had to rebuild the derived indexes saves them for the next one
        service.lexical.repair_derived()
    except Exception:  # noqa: BLE001 - the next start rebuilds them again, nothing worse
        log.exception("cannot save the derived indexes")


def is_ready(app: FastAPI) -> bool:
    """The first search and the first catalogue call will not load anything: model, lexical index, derived
    indexes and practice records are in memory (a service handed in warm still waits for the records)."""
    from retrieval.practices import get_catalogue

    service = app.state.services.ready
    return bool(app.state.warm and service is not None and service.is_warm() and get_catalogue(service).loaded())
