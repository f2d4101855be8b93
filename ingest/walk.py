"""Walking a big folder: overall progress with an estimate (by bytes: a 40-page PDF costs more than a note),
and a polite stop: the first Ctrl-C finishes the file being stored and ends the run cleanly (the manifest
already has every finished file, so the next run resumes where this one stopped); a second Ctrl-C aborts."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Collection, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from tqdm import tqdm

from lgnet.errors import LGNetError


class FolderProgress:
    """`with FolderProgress(files, enabled) as walk:` then `walk.stopped` before each file, `walk.done(file)`
    after it. The Ctrl-C handler is installed only in the main thread (API jobs run in worker threads)."""

    def __init__(self, files: Sequence[Path], enabled: bool) -> None:
        self.sizes = {file: _size(file) for file in files}
        self.count = len(files)
        self.enabled = enabled
        self.stopped = False
        self._bar: tqdm | None = None
        self._previous: Any = None  # the SIGINT handler to restore
        self._finished = 0

    def __enter__(self) -> FolderProgress:
        self._bar = tqdm(
            total=sum(self.sizes.values()), unit="B", unit_scale=True, desc="ingest", disable=not self.enabled
        )
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._interrupt)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
        if self._bar is not None:
            self._bar.close()

    def done(self, file: Path) -> None:
        self._finished += 1
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self._finished}/{self.count} files", refresh=False)
            self._bar.update(self.sizes.get(file, 0))

    def _interrupt(self, signum: int, frame: FrameType | None) -> None:
        if self.stopped:  # the second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.stopped = True
        print(
            "\nstopping after the current file (Ctrl-C again to abort now); run the same command to resume",
            file=sys.stderr,
        )


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def discover(path: Path, skipped: Collection[str] = ()) -> list[Path]:
    """Files under `path` (a broken link too, so it is reported), without hidden files or those named in `skipped`."""
    if not path.exists() and not path.is_symlink():
        raise LGNetError(f"{path}: no such file or folder")
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if not p.is_dir()
        and p.name not in skipped
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
