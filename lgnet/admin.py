"""The one rule for writes (API and site alike): the server's LGNET_ADMIN_TOKEN, compared in constant time."""

from __future__ import annotations

import hmac

from lgnet.errors import Forbidden, Unauthorized


def check_admin_token(configured: str | None, presented: str | None, detail: dict | None = None) -> None:
    """Passes when `presented` is the configured token. Forbidden when writes are disabled (no token configured)
    or the token is wrong; Unauthorized when none was given. `detail` goes into the error (e.g. the file)."""
    if not configured:
        raise Forbidden("writes are disabled: no LGNET_ADMIN_TOKEN is configured on the server", detail)
    if not presented or not presented.strip():
        raise Unauthorized("missing bearer token", detail)
    if not hmac.compare_digest(presented.strip().encode(), configured.encode()):
        raise Forbidden("wrong token", detail)
