"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from search_api.deps import ServiceDep
from search_api.schemas import ERRORS, Health, Ready
from search_api.warmup import is_ready, start_warm_up

router = APIRouter(prefix="/api", tags=["health"])
WARMING_RETRY_SECONDS = 2


@router.get("/health", response_model=Health, summary="Liveness: the process answers")
def health() -> dict:
    return {"status": "ok"}


@router.get(
    "/ready",
    response_model=Ready,
    responses={503: ERRORS[503]},
    summary="Readiness: the first search will be fast (model, lexical index and practice records loaded)",
)
def ready(request: Request, service: ServiceDep):
    if not is_ready(request.app):
        start_warm_up(request.app)  # a server started without warm-up gets ready on the first probe
        return JSONResponse(
            {
                "error": {
                    "code": "warming_up",
                    "message": "loading the model, the indexes and the practice records",
                    "detail": None,
                }
            },
            status_code=503,
            headers={"Retry-After": str(WARMING_RETRY_SECONDS)},
        )
    store = service.store
    return {
        "status": "ready",
        "store": store.location,
        "passages": store.count(),
        "documents": store.count_docs(),
        "embedder": service.embedder.name,
        "revision": store.revision(),
    }
