"""Dependencies injected into routes: settings and the search service (tests override them)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from lgnet.config import Settings
from retrieval.service import SearchService


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_service(request: Request) -> SearchService:
    return request.app.state.service_factory()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ServiceDep = Annotated[SearchService, Depends(get_service)]
