"""Site fixtures: a live server over the shared corpus index, one Chromium per session, a fresh page per test.

Other e2e test modules (e.g. tests/web/test_practices_e2e.py) reuse `live_server`, `browser` and `page`:
keep these names stable.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from app.factory import create_app

CHROMIUM = "/usr/bin/chromium"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"  # ignored by git: every run writes here
SCREENSHOTS = REPO / "docs" / "screenshots"  # the README's pictures, refreshed only by `make screenshots`
UPDATE_SCREENSHOTS = os.environ.get("UPDATE_SCREENSHOTS") == "1"
AXE = HERE / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app, timeout: float = 120) -> tuple[str, uvicorn.Server, threading.Thread]:
    """Run `app` with uvicorn in a background thread on a free local port; return once it answers."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                return base, server, thread
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def live_server(corpus_index, service) -> Iterator[str]:
    """Base URL (http://127.0.0.1:PORT) of the whole app over the shared, read-only corpus index."""
    base, server, thread = serve(create_app(settings=corpus_index, service=service))
    yield base
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def site(corpus_index, service) -> Iterator[TestClient]:
    """The same app through TestClient, for fast non-browser tests."""
    with TestClient(create_app(settings=corpus_index, service=service)) as client:
        yield client


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (never downloaded)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `bash .ci/run` installs Debian's chromium (never `playwright install`)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh Italian page (own context: no cookies shared between tests). Any JS dialog fails the test;
    console errors are collected in `page.console_errors`."""
    context = browser.new_context(locale="it-IT", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.dialogs = []
    pg.console_errors = []

    def on_dialog(dialog) -> None:
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(Exception):  # a closed page has nothing to show
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True, caret="initial")
    context.close()
    assert not pg.dialogs, f"a dialog opened: {pg.dialogs}"


def axe(page, context: str | None = None) -> list[dict]:
    """Inject axe-core and return the WCAG 2.1 A/AA violations of the current page (id, impact, targets)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, not a <script> tag: the site's CSP forbids inline scripts.
        page.evaluate(AXE.read_text("utf-8") + "\n;true")
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result = page.evaluate(
        "([ctx, opts]) => axe.run(ctx || document, opts)",
        [context, options],
    )
    # axe leaves empty style="" attributes behind; htmx would copy them on its next swap, which the CSP refuses.
    page.evaluate("document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def screenshot(page, name: str, readme: bool = False) -> None:
    """Save a screenshot as a test artifact and, for the README's main pages with UPDATE_SCREENSHOTS=1
    (`make screenshots`), under docs/screenshots: an ordinary test run leaves the tracked tree alone.
    (caret="initial": Playwright would otherwise leave style="" on inputs, which htmx copies and the CSP refuses.)"""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, caret="initial")
    if readme and UPDATE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False, caret="initial")


def console_errors(page) -> list[str]:
    """The page's console errors and exceptions, without htmx's note of a request it aborted on purpose (a newer
    search replaced it: hx-sync), which it logs as sendAbort plus afterRequest."""
    errors = list(page.console_errors)
    for _ in range(sum(e.startswith("htmx:sendAbort") for e in errors)):
        errors.remove(next(e for e in errors if e.startswith("htmx:sendAbort")))
        if any(e.startswith("htmx:afterRequest") for e in errors):
            errors.remove(next(e for e in errors if e.startswith("htmx:afterRequest")))
    return errors


def pretty(violations: list[dict]) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)
