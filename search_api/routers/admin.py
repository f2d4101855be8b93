"""Jobs and reindexing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from search_api.auth import require_admin
from search_api.deps import ServiceDep
from search_api.ingest_jobs import reindex_job
from search_api.schemas import ERRORS, JobOut

router = APIRouter(prefix="/api", tags=["jobs"], responses=ERRORS)


@router.get("/jobs/{job_id}", response_model=JobOut, summary="Status of an ingestion job")
def job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict:
    return request.app.state.jobs.get(job_id).to_dict()


@router.post(
    "/reindex",
    status_code=202,
    response_model=JobOut,
    dependencies=[Depends(require_admin)],
    summary="Re-ingest the corpus and uploads (incremental, or from scratch with rebuild=true)",
)
def reindex(request: Request, service: ServiceDep, rebuild: Annotated[bool, Query()] = False) -> dict:
    return reindex_job(request.app, service, rebuild).to_dict()
