"""The designer's overview as JSON: cities x intervention areas x phases (the data of the site's /panoramica)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from practices.overview import SORTS, overview
from search_api.deps import ServiceDep
from search_api.schemas import ERRORS

router = APIRouter(prefix="/api", responses=ERRORS)
Multi = list[str] | None


@router.get("/overview", summary="Cities x intervention areas x phases", tags=["practices"])
def get_overview(
    service: ServiceDep,
    phase: Annotated[Multi, Query(description="LGNetEA, LGNet2, LGNet3 (any of them)")] = None,
    area: Annotated[Multi, Query(description="Intervention area codes (any of them)")] = None,
    region: Annotated[Multi, Query(description="Regions (any of them)")] = None,
    sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}")] = "city",
) -> dict:
    """Each city (network members even before they have documents, and every city with documents) with, per
    area, its practices (id and phase), total budget and period; `gaps` lists the areas with no practice.
    Filters combine: phase AND area AND region."""
    return overview(service, phase, area, region, sort)
