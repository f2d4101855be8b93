"""Write endpoints: `Authorization: Bearer <LGNET_ADMIN_TOKEN>`, compared in constant time."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from search_api.deps import get_settings_dep


def require_admin(request: Request) -> None:
    token = get_settings_dep(request).admin_token
    if not token:
        raise HTTPException(403, "writes are disabled: no LGNET_ADMIN_TOKEN is configured on the server")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(403, "wrong token")
