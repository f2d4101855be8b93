"""Dependencies injected into routes: settings and the search service (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from lgnet.config import Settings
from retrieval.service import SearchService


# Async, so FastAPI calls them on the event loop instead of hopping to a worker thread for each request.
async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_service(request: Request) -> SearchService:
    """The service; building it the first time (model, indexes) runs in the threadpool, off the event loop."""
    ready = request.app.state.service_holder.get("service")
    return ready if ready is not None else await run_in_threadpool(request.app.state.service_factory)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ServiceDep = Annotated[SearchService, Depends(get_service)]
