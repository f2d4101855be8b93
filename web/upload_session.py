"""The upload form remembers the admin token for the browser session, without keeping the token in the browser.

After a correct token the server sets a cookie holding only `<expiry>.<HMAC-SHA256 of the expiry keyed by the
token>`: a pass for the upload form that the server checks in constant time and that says nothing about the
token. It is HttpOnly (no script, hence no injected script, can read it: sessionStorage would hand the token
itself to any script on the page), SameSite=Strict (another site cannot make the browser upload with it),
Secure on HTTPS, scoped to /carica (never sent with the other pages), a session cookie (gone when the browser
closes) that the server also refuses after `MAX_AGE_SECONDS`; changing LGNET_ADMIN_TOKEN invalidates every pass.
"Dimentica il codice" deletes it.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from fastapi import Request
from fastapi.responses import Response

from lgnet.config import Settings

COOKIE = "lgnet_upload"
PATH = "/carica"
MAX_AGE_SECONDS = 8 * 3600  # a working day, even in a browser that restores its session cookies


def _signature(token: str, expiry: int) -> str:
    return hmac.new(token.encode(), f"lgnet-upload-session|{expiry}".encode(), hashlib.sha256).hexdigest()


def make_pass(token: str, now: float | None = None) -> str:
    expiry = int((time.time() if now is None else now) + MAX_AGE_SECONDS)
    return f"{expiry}.{_signature(token, expiry)}"


def is_valid(settings: Settings, value: str | None, now: float | None = None) -> bool:
    """The cookie's value is a pass made with the server's current token and not expired."""
    if not settings.admin_token or not value or len(value) > 100 or "." not in value:
        return False
    expiry_text, signature = value.split(".", 1)
    if not expiry_text.isdigit() or int(expiry_text) < (time.time() if now is None else now):
        return False
    return hmac.compare_digest(signature.encode(), _signature(settings.admin_token, int(expiry_text)).encode())


def remembered(request: Request, settings: Settings) -> bool:
    return is_valid(settings, request.cookies.get(COOKIE))


def _secure(request: Request, settings: Settings) -> bool:
    return request.url.scheme == "https" or (settings.public_url or "").startswith("https://")


def remember(response: Response, request: Request, settings: Settings) -> None:
    """Set the pass (after the token was checked)."""
    assert settings.admin_token
    response.set_cookie(
        COOKIE,
        make_pass(settings.admin_token),
        path=PATH,
        httponly=True,
        samesite="strict",
        secure=_secure(request, settings),
    )  # no max_age: a session cookie


def forget(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict", secure=_secure(request, settings))
