"""Dependencies injected into the site's routes: settings and the search service (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from lgnet.config import Settings
from retrieval.provider import ServiceProvider
from retrieval.service import SearchService


# Async, so FastAPI calls them on the event loop instead of hopping to a worker thread for each request.
async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_service(request: Request) -> SearchService:
    services: ServiceProvider = request.app.state.services
    return await services.current()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ServiceDep = Annotated[SearchService, Depends(get_service)]
