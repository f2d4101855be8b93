"""One error path: every error, whatever raised it, answers the one shape {"error": {"code", "message",
"detail"}}. The API answers it as JSON; a page of the site (or a browser asking for an unknown address)
answers the site's error page instead, in the visitor's language and without developer messages, with the
same object as its JSON twin. The routes themselves never catch errors."""

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
HTTP_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def error_body(code: str, message: str, detail: object = None) -> dict:
    return {"error": {"code": code, "message": message, "detail": detail}}


def wants_site_page(request: Request) -> bool:
    """A page of the site, or a browser asking for an address outside the API."""
    if request.url.path.startswith(API_PREFIXES):
        return False
    endpoint = request.scope.get("endpoint")
    on_site_route = getattr(endpoint, "__module__", "").startswith("web.")
    # htmx (the site's own requests) sends no text/html Accept; before routing (a 429) only its header tells
    return on_site_route or "text/html" in request.headers.get("accept", "") or "hx-request" in request.headers


def respond(request: Request, body: dict, status: int, headers: dict[str, str] | None = None) -> Response:
    if wants_site_page(request):
        page = render(request, "error.html", body, status=status)  # JSON twin on ?format=json, like every page
        page.headers.update(headers or {})
        return page
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LGNetError)
    async def lgnet_error(request: Request, exc: LGNetError) -> Response:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if isinstance(exc, StoreUnavailable) else None
        return respond(request, exc.to_dict(), exc.http_status, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"loc": list(e.get("loc", [])), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return respond(request, error_body("invalid_request", "the request is not valid", detail), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        body = error_body(HTTP_CODES.get(exc.status_code, "http_error"), str(exc.detail))
        return respond(request, body, exc.status_code, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, error_body("internal_error", "an unexpected error occurred"), 500)
