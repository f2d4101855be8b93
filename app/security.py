"""Protections every response and every anonymous write go through (issue 16).

- Security headers on every response (API, /docs, /static, original files), the site's own CSP kept.
- A per-client token bucket on anonymous writes (dossiers, the site's dossier forms) and on uploads: over
  the rate, 429 with Retry-After in the one error shape. The buckets live in one SQLite file under the data
  dir (`ratelimit.sqlite`), so every worker process of a deployment (`lgnet serve --workers N`) takes from the
  same bucket: N workers do not multiply the rate. The client is the connection's address: behind a reverse
  proxy run uvicorn with --proxy-headers and --forwarded-allow-ips.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

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
    # Paths under a prefix that spend nothing: leaving (forgetting the upload pass) must never be refused.
    exempt: tuple[str, ...] = ()

    def applies_to(self, path: str) -> bool:
        return path.startswith(self.prefixes) and path not in self.exempt


class TokenBuckets:
    """Token buckets per (rule, client). With a `path`, in SQLite shared by every process that opens the same
    file (one IMMEDIATE transaction per take: two workers never both spend the last token); without one, in
    this process's memory (the least recently used forgotten past `max_clients`)."""

    def __init__(self, path: Path | None = None, max_clients: int = 50_000) -> None:
        self._buckets: OrderedDict[tuple[str, str], tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_clients
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS buckets (rule TEXT NOT NULL, client TEXT NOT NULL, tokens REAL NOT NULL,"
                " last REAL NOT NULL, PRIMARY KEY (rule, client)) WITHOUT ROWID"
            )
        self._takes = 0

    def take(self, rule: Rule, client: str, now: float | None = None) -> float:
        """0 when allowed (a token is taken), else the seconds until the next token."""
        # Wall-clock time when shared: other processes' monotonic clocks are not comparable.
        now = (time.time() if self._db else time.monotonic()) if now is None else now
        with self._lock:
            if self._db is None:
                return self._take_in_memory(rule, client, now)
            return self._take_shared(self._db, rule, client, now)

    @staticmethod
    def _spend(rule: Rule, tokens: float, last: float, now: float) -> tuple[float, float]:
        """(tokens left, wait): the bucket refilled since `last`, one token spent if there is one."""
        rate = rule.per_minute / 60.0
        tokens = min(float(rule.burst), tokens + max(0.0, now - last) * rate)
        if tokens >= 1:
            return tokens - 1, 0.0
        return tokens, (1 - tokens) / rate

    def _take_in_memory(self, rule: Rule, client: str, now: float) -> float:
        key = (rule.name, client)
        tokens, last = self._buckets.pop(key, (float(rule.burst), now))
        tokens, wait = self._spend(rule, tokens, last, now)
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self._max:
            self._buckets.popitem(last=False)
        return wait

    def _take_shared(self, db: sqlite3.Connection, rule: Rule, client: str, now: float) -> float:
        db.execute("BEGIN IMMEDIATE")
        try:
            query = "SELECT tokens, last FROM buckets WHERE rule=? AND client=?"
            row = db.execute(query, (rule.name, client)).fetchone()
            tokens, last = row if row else (float(rule.burst), now)
            tokens, wait = self._spend(rule, tokens, last, now)
            db.execute("INSERT OR REPLACE INTO buckets VALUES (?, ?, ?, ?)", (rule.name, client, tokens, now))
            self._takes += 1
            if self._takes % 1000 == 0:  # a bucket untouched long enough to be full again is the default: forget it
                refill = rule.burst / (rule.per_minute / 60.0)
                db.execute("DELETE FROM buckets WHERE rule=? AND last < ?", (rule.name, now - refill))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return wait


class Protection:
    """ASGI middleware: headers on every response, rate limits on anonymous writes and uploads."""

    def __init__(self, app, rules: tuple[Rule, ...], buckets_path: Path | None = None) -> None:
        self.app = app
        self.rules = rules
        self.buckets = TokenBuckets(buckets_path)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if scope.get("method") in WRITE_METHODS:
            client = (scope.get("client") or ("unknown", 0))[0]
            for rule in self.rules:
                if rule.applies_to(path):
                    wait = self.buckets.take(rule, client)
                    if wait > 0:
                        await _too_many(scope, receive, send, rule, wait)
                        return
        csp = DOCS_CSP if path == "/docs" or path.startswith("/docs/") else DEFAULT_CSP
        await self.app(scope, receive, _with_headers(send, csp))


def _with_headers(send, csp: bytes):
    async def send_with_headers(message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            headers += [(k, v) for k, v in HEADERS.items() if k not in present]
            if b"content-security-policy" not in present:
                headers.append((b"content-security-policy", csp))
            message = {**message, "headers": headers}
        await send(message)

    return send_with_headers


async def _too_many(scope, receive, send, rule: Rule, wait: float) -> None:
    """429 in the one error shape: JSON for the API, the site's error page for a form of the site (a browser
    must not be shown raw JSON), through the one error path (app/errors.py)."""
    from starlette.requests import Request

    from app.errors import error_body, respond  # here: app.errors renders pages, which need the whole app

    retry = max(1, math.ceil(wait))
    body = error_body(
        "rate_limited",
        f"too many requests: at most {rule.per_minute:g} per minute for {rule.name}; retry in {retry} s",
        {"limit_per_minute": rule.per_minute, "burst": rule.burst, "retry_after": retry},
    )
    response = respond(Request(scope, receive), body, 429, {"Retry-After": str(retry)})
    await response(scope, receive, _with_headers(send, DEFAULT_CSP))


def rules_from_settings(settings) -> tuple[Rule, ...]:
    return (
        # The site's upload form (/carica) shares the API's upload bucket: the same limit whichever door is used.
        Rule(
            "uploads",
            ("/api/documents", "/carica"),
            settings.upload_rate_per_minute,
            settings.upload_burst,
            exempt=("/carica/dimentica",),
        ),
        Rule("dossier writes", ("/api/dossiers", "/dossier"), settings.write_rate_per_minute, settings.write_burst),
    )
