"""Real processes for the reliability tests: `lgnet serve` and `lgnet ingest` on a data dir of their own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.api.test_chroma_server import free_port

REPO = Path(__file__).resolve().parents[2]


def lgnet_env(data_dir: Path, corpus: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LGNET_")}
    env.update(
        PYTHONPATH=str(REPO),
        LGNET_DATA_DIR=str(data_dir),
        LGNET_CORPUS_DIR=str(corpus),
        LGNET_EMBEDDING_MODEL="use-m3",
        **extra,
    )
    return env


def lgnet(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


class Server:
    """`lgnet serve` in its own process, on a free port."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(self.port), *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/api/ready", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise RuntimeError("server not ready in time")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> float:
        """Stop it; returns how long it took to exit."""
        started = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
                return float("inf")
        return time.monotonic() - started


@dataclass
class Prober:
    """Asks one search again and again from a thread, keeping every status and total."""

    url: str
    query: str = "durata del progetto LGNet3"
    statuses: list[int] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self._stop.is_set():
                try:
                    r = client.get(f"{self.url}/api/search", params={"q": self.query})
                    self.statuses.append(r.status_code)
                    if r.status_code == 200:
                        self.totals.append(r.json()["total"])
                    else:
                        self.errors.append(r.text[:300])
                except httpx.TransportError as exc:
                    self.statuses.append(0)
                    self.errors.append(repr(exc))
                time.sleep(0.1)

    def __enter__(self) -> Prober:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(60)
