"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from search_api.deps import ServiceDep
from search_api.schemas import ERRORS, Health, Ready

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness: the process answers")
def health() -> dict:
    return {"status": "ok"}


@router.get("/ready", response_model=Ready, responses={503: ERRORS[503]}, summary="Readiness: store reachable")
def ready(service: ServiceDep) -> dict:
    store = service.store
    return {
        "status": "ready",
        "store": store.location,
        "passages": store.count(),
        "documents": store.count_docs(),
        "embedder": service.embedder.name,
        "revision": store.revision(),
    }
