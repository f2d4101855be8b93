"""The search service of one application, built on first use, once, whatever the number of threads asking.

The application keeps one provider in `app.state.services`; the API and the site read it through their own
FastAPI dependencies, so neither imports the other.
"""

from __future__ import annotations

import threading

import anyio.to_thread

from lgnet.config import Settings
from retrieval.service import SearchService


class ServiceProvider:
    def __init__(self, settings: Settings, service: SearchService | None = None) -> None:
        self.settings = settings
        self._service = service
        self._lock = threading.Lock()

    @property
    def ready(self) -> SearchService | None:
        """The service if it is already built (no waiting), else None."""
        return self._service

    def get(self) -> SearchService:
        """The service, built the first time (model, indexes): call it off the event loop."""
        if self._service is None:
            with self._lock:
                if self._service is None:
                    self._service = SearchService(self.settings)
        return self._service

    async def current(self) -> SearchService:
        """For the routes of the API and the site (their `ServiceDep`): the service at once when it is built, else
        built in a worker thread, off the event loop."""
        service = self._service
        return service if service is not None else await anyio.to_thread.run_sync(self.get)
