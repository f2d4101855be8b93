"""The network's cities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from lgnet.domain import CityProfile
from retrieval.browse import city_profile, list_cities
from search_api.deps import ServiceDep
from search_api.schemas import ERRORS, CityList

router = APIRouter(prefix="/api/cities", tags=["cities"], responses=ERRORS)


@router.get("", response_model=CityList, summary="Cities of the network, with coordinates and counts")
def cities(service: ServiceDep) -> dict:
    return list_cities(service)


@router.get("/{city}", response_model=CityProfile, summary="What a city did: documents, areas, figures")
def city(service: ServiceDep, city: Annotated[str, Path(max_length=100, examples=["Torino", "Turin"])]) -> dict:
    return city_profile(service, city)
