"""Protections every response and every anonymous write go through (issue 16).

- Security headers on every response (API, /docs, /static, original files), the site's own CSP kept.
- A per-client token bucket on anonymous writes (dossiers, the site's dossier forms) and on uploads: over
  the rate, 429 with Retry-After in the one error shape. The buckets live in the memory of each process, so
  with N worker processes a client gets up to N times the rate (see docs/SECURITY.md). The client is the
  connection's address: behind a reverse proxy run uvicorn with --proxy-headers and --forwarded-allow-ips.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}
# Responses that set no CSP of their own (JSON, static files): nothing may run or be framed.
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# Swagger UI starts from one inline script of FastAPI's page.
DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'"
)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Rule:
    name: str
    prefixes: tuple[str, ...]
    per_minute: float
    burst: int


class TokenBuckets:
    """Token buckets per (rule, client), the least recently used forgotten past `max_clients`."""

    def __init__(self, max_clients: int = 50_000) -> None:
        self._buckets: OrderedDict[tuple[str, str], tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_clients

    def take(self, rule: Rule, client: str, now: float | None = None) -> float:
        """0 when allowed (a token is taken), else the seconds until the next token."""
        now = time.monotonic() if now is None else now
        rate = rule.per_minute / 60.0
        key = (rule.name, client)
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(rule.burst), now))
            tokens = min(float(rule.burst), tokens + (now - last) * rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / rate
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
            return wait


class Protection:
    """ASGI middleware: headers on every response, rate limits on anonymous writes and uploads."""

    def __init__(self, app, rules: tuple[Rule, ...]) -> None:
        self.app = app
        self.rules = rules
        self.buckets = TokenBuckets()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if scope.get("method") in WRITE_METHODS:
            client = (scope.get("client") or ("unknown", 0))[0]
            for rule in self.rules:
                if path.startswith(rule.prefixes):
                    wait = self.buckets.take(rule, client)
                    if wait > 0:
                        await _too_many(send, rule, wait)
                        return
        csp = DOCS_CSP if path == "/docs" or path.startswith("/docs/") else DEFAULT_CSP

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS.items() if k not in present]
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", csp))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _too_many(send, rule: Rule, wait: float) -> None:
    retry = max(1, math.ceil(wait))
    body = json.dumps(
        {
            "error": {
                "code": "rate_limited",
                "message": f"too many requests: at most {rule.per_minute:g} per minute for {rule.name}; "
                f"retry in {retry} s",
                "detail": {"limit_per_minute": rule.per_minute, "burst": rule.burst, "retry_after": retry},
            }
        }
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry).encode()),
        *[(k, v) for k, v in HEADERS.items()],
        (b"content-security-policy", DEFAULT_CSP),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def rules_from_settings(settings) -> tuple[Rule, ...]:
    return (
        # The site's upload form (/carica) shares the API's upload bucket: the same limit whichever door is used.
        Rule("uploads", ("/api/documents", "/carica"), settings.upload_rate_per_minute, settings.upload_burst),
        Rule("dossier writes", ("/api/dossiers", "/dossier"), settings.write_rate_per_minute, settings.write_burst),
    )
