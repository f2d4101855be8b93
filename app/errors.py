"""One error shape for every 4xx and 5xx: {"error": {"code", "message", "detail"}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from lgnet.errors import LGNetError, StoreUnavailable
from web.render import render

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
API_PREFIXES = ("/api", "/openapi.json", "/docs", "/static")


def error_body(code: str, message: str, detail: object = None) -> dict:
    return {"error": {"code": code, "message": message, "detail": detail}}


def _site_page(request: Request, body: dict, status: int) -> Response | None:
    """A browser asking for a page that is not there gets the site's error page (same shape as JSON twin)."""
    path = request.url.path
    if path.startswith(API_PREFIXES) or "text/html" not in request.headers.get("accept", ""):
        return None
    return render(request, "error.html", body, status=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LGNetError)
    async def lgnet_error(request: Request, exc: LGNetError) -> JSONResponse:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if isinstance(exc, StoreUnavailable) else None
        return JSONResponse(exc.to_dict(), status_code=exc.http_status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", [])), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return JSONResponse(error_body("invalid_request", "the request is not valid", detail), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            413: "too_large",
        }.get(exc.status_code, "http_error")
        body = error_body(code, str(exc.detail))
        page = _site_page(request, body, exc.status_code)
        if page is not None:
            return page
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse(error_body("internal_error", "an unexpected error occurred"), status_code=500)
