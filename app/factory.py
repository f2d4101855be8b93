"""The application: the API's routers, the site's routes, static files, one error path.

Nothing heavy at import time or in `create_app`: the search service (model, indexes) is built on first use.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import web
from app.concurrency import ReadGate
from app.errors import install_error_handlers
from app.security import Protection, rules_from_settings
from ingest import sandbox
from ingest.uploads import quarantine_orphan_uploads
from lgnet import __version__
from lgnet.config import Settings, get_settings
from retrieval.provider import ServiceProvider
from retrieval.service import SearchService
from search_api.jobs import JobQueue
from search_api.routers import admin, cities, documents, dossiers, health, overview, practices, search
from search_api.warmup import start_warm_up
from web.practice_routes import router as practice_router
from web.routes import router as site_router

STATIC = Path(web.__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None, service: SearchService | None = None, warm: bool = False) -> FastAPI:
    """`warm`: load the model, indexes and records in the background as soon as the server starts."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # An upload killed half-way is never ingested later (a thread: it waits for the write lock).
        threading.Thread(target=quarantine_orphan_uploads, args=(settings,), daemon=True).start()
        if warm:
            start_warm_up(app)
        yield
        if app.state.refresher is not None:
            app.state.refresher.stop()
        app.state.jobs.shutdown()
        sandbox.shutdown()  # a parse under way must not hold the process after SIGTERM

    app = FastAPI(
        title="LGNet knowledge platform API",
        version=__version__,
        description="Search the practices of the LGNet network of Italian municipalities for the inclusion of "
        "vulnerable migrants: passages, documents, cities. Writes need `Authorization: Bearer <token>`.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.jobs = JobQueue(settings.data_dir / "jobs.sqlite")  # shared by every worker process
    app.state.services = ServiceProvider(settings, service)
    # A service handed in already warm (tests) counts as warm; otherwise /api/ready starts the warm-up.
    app.state.warm = bool(service is not None and service.is_warm())
    app.state.warming = False
    app.state.refresher = None  # re-reads the store's revision and the edits once warm (retrieval/freshness.py)
    app.state.warm_lock = threading.Lock()
    install_error_handlers(app)
    # Searches and pages compute at most `read_concurrency` at once (the cores), the rest wait in the event loop.
    app.add_middleware(ReadGate, limit=settings.read_concurrency)
    # Headers everywhere (outermost: the gate's 503 gets them too); rate limits shared by the worker processes.
    app.add_middleware(
        Protection, rules=rules_from_settings(settings), buckets_path=settings.data_dir / "ratelimit.sqlite"
    )
    for module in (search, documents, cities, health, admin, practices, dossiers, overview):
        app.include_router(module.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from our own static files: the docs work offline.
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="LGNet API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.include_router(site_router)
    app.include_router(practice_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def create_served_app() -> FastAPI:
    """The app factory of `lgnet serve` (uvicorn imports it by name in each worker): settings from the
    environment, warming up as soon as the worker starts."""
    return create_app(get_settings(), warm=True)
