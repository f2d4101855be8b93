"""Write endpoints: `Authorization: Bearer <LGNET_ADMIN_TOKEN>`, checked by the rule the site's forms use too
(lgnet/admin.py: constant-time compare)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lgnet.admin import check_admin_token
from lgnet.errors import Forbidden, Unauthorized
from search_api.deps import SettingsDep

# Declared as a security scheme, so the OpenAPI document says which endpoints need the token.
bearer = HTTPBearer(auto_error=False, description="The server's LGNET_ADMIN_TOKEN")


async def require_admin(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    presented = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else None
    try:
        check_admin_token(settings.admin_token, presented)
    except Unauthorized as exc:
        raise HTTPException(401, exc.message, headers={"WWW-Authenticate": "Bearer"}) from exc
    except Forbidden as exc:
        raise HTTPException(403, exc.message) from exc
