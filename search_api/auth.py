"""Write endpoints: `Authorization: Bearer <LGNET_ADMIN_TOKEN>`, compared in constant time."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from search_api.deps import SettingsDep

# Declared as a security scheme, so the OpenAPI document says which endpoints need the token.
bearer = HTTPBearer(auto_error=False, description="The server's LGNET_ADMIN_TOKEN")


async def require_admin(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    token = settings.admin_token
    if not token:
        raise HTTPException(403, "writes are disabled: no LGNET_ADMIN_TOKEN is configured on the server")
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.strip().encode(), token.encode()):
        raise HTTPException(403, "wrong token")
