"""What a request trusts for a second (the store's revision, the editors' edits) re-read in the background, so a
search never waits on the store for it.

A search reads the revision (is the lexical index still current?) and the catalogue the edits (are the records
still as edited?), each trusted for a second (`REVISION_TTL`, `EDITS_TTL`) and then read from Chroma again: four
Chroma calls, 2-5 ms, paid by one request a second under steady traffic and by every request of a user
searching now and then. A served process re-reads them a little more often than that in one daemon thread
instead; a request still reads them itself when they are older than the TTL (the thread late, the store down),
so what a request sees, and the store outage it reports, stay as before.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from lgnet.store import REVISION_TTL

if TYPE_CHECKING:
    from retrieval.service import SearchService

log = logging.getLogger(__name__)
# Seconds between two reads: inside the TTL a request trusts them for (a read takes milliseconds), and not
# much more often than requests read them before under steady traffic (the reads hold the GIL a moment).
INTERVAL = 0.8 * REVISION_TTL


class Refresher:
    """Calls each of `reads` (bound methods, held weakly) every `interval` seconds in a daemon thread until
    `stop()` or until one's object is gone. A read that fails is left to the next request, which raises it."""

    def __init__(self, reads: list[Callable[[], object]], interval: float = INTERVAL) -> None:
        self._reads = [weakref.WeakMethod(read) for read in reads]
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="freshness", daemon=True)

    def start(self) -> Refresher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            for ref in self._reads:
                read = ref()
                if read is None:  # its service is gone (a test's app): nothing left to keep fresh
                    return
                try:
                    read()
                except Exception:  # noqa: BLE001 - the store down: the next request reads it and says so
                    log.debug("background read failed", exc_info=True)
                del read


def keep_fresh(service: SearchService) -> Refresher:
    """A started refresher of what a served search and its practice cards read from the store each second, and
    of what they derive from it when it moved: a change made by another process (a CLI ingest, another worker)
    is prepared here (`SearchService.prepare`, the catalogue's records loaded), not by the first search after it."""
    from retrieval.practices import get_catalogue

    catalogue = get_catalogue(service)
    return Refresher([service.store.read_revision, service.prepare, catalogue.edits.refresh, catalogue.warm_up]).start()
