"""OCR of PDF pages that have no text layer: each page rendered by poppler's `pdftoppm` and recognised by
Tesseract (Debian packages poppler-utils, tesseract-ocr, tesseract-ocr-ita, tesseract-ocr-eng).

Both run as separate processes, one page at a time, each with a time limit (`ReadLimits.ocr_page_seconds`,
and never past what is left of the file's OCR budget, `ReadLimits.ocr_total_seconds`: a file whose scan
needs more is refused by name, before the parse's own time limit would kill its worker), a bounded image
size and one thread (two cores are shared by everything else). Tesseract is called directly
rather than through a wrapper, so its environment and time limit are ours. A page that fails or runs out of
time is reported and left empty; the others are kept.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from ingest.readers.limits import ReadLimits
from lgnet.errors import FileTooLarge, UnreadableFile

MAX_LONG_SIDE_PX = 7000  # a huge page is rendered at a lower resolution (A3 at 300 dpi is 4960 px)
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass
class OcrPage:
    number: int  # 1-based
    text: str = ""
    confidence: float | None = None  # mean word confidence, 0-100
    error: str | None = None


def available() -> str | None:
    """None when OCR can run here, else what is missing."""
    missing = [tool for tool in ("pdftoppm", "tesseract") if shutil.which(tool) is None]
    return f"missing {' and '.join(missing)} (Debian: poppler-utils, tesseract-ocr)" if missing else None


def ocr_pages(path: Path, data: bytes, pages: Sequence[tuple[int, float]], limits: ReadLimits) -> list[OcrPage]:
    """Recognise the given pages (number, long side in points) of the PDF in `data`."""
    problem = available()
    if problem:
        raise UnreadableFile(path, f"the PDF has scanned pages but OCR cannot run: {problem}")
    results: list[OcrPage] = []
    progress = limits.progress if limits.progress is not None else sys.stderr.isatty()
    budget = limits.ocr_total_seconds
    deadline = None if budget is None else time.monotonic() + budget

    def seconds_for_step() -> float:
        if deadline is None:
            return limits.ocr_page_seconds
        left = deadline - time.monotonic()
        if left <= 0:
            raise FileTooLarge(
                path,
                f"OCR of its {len(pages)} scanned pages needs more than {budget:g} s, its share of the parse time "
                f"limit (LGNET_PARSE_SECONDS); {len(results)} pages were recognised in that time",
            )
        return min(limits.ocr_page_seconds, left)

    with tempfile.TemporaryDirectory(prefix="lgnet-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        report_pages(limits.progress_file, path.name, 0, len(pages))
        for number, long_side_pt in tqdm(pages, desc=f"OCR {path.name}", unit="page", disable=not progress):
            dpi = max(72, min(limits.ocr_dpi, int(MAX_LONG_SIDE_PX * 72 / max(long_side_pt, 1.0))))
            try:
                image = _render(pdf, number, dpi, Path(tmp) / f"p{number}", seconds_for_step())
                text, confidence = recognise(image, limits.ocr_languages, seconds_for_step(), dpi)
                image.unlink(missing_ok=True)
                results.append(OcrPage(number, text, confidence))
            except _PageFailed as exc:
                results.append(OcrPage(number, error=str(exc)))
            report_pages(limits.progress_file, path.name, len(results), len(pages))
    return results


def report_pages(progress_file: str | None, name: str, done: int, total: int) -> None:
    """Pages recognised so far, for whoever follows the job (written whole, then renamed: never read half)."""
    if not progress_file:
        return
    target = Path(progress_file)
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_text(json.dumps({"file": name, "stage": "ocr", "done": done, "total": total}), "utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # progress is a courtesy: never a reason to fail the file


class _PageFailed(Exception):
    pass


def _run(command: list[str], seconds: float, what: str) -> bytes:
    try:
        # its own session: a Ctrl-C at the terminal stops the walk between files (ingest/walk.py) and must not
        # kill the page being recognised, which would store the file with that page missing
        done = subprocess.run(
            command, capture_output=True, timeout=seconds, env=_ENV, check=False, start_new_session=True
        )
    except subprocess.TimeoutExpired:
        raise _PageFailed(f"{what} took more than {seconds:g} s") from None
    except OSError as exc:
        raise _PageFailed(f"{what} could not start: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _PageFailed(f"{what} failed: {message[-1] if message else f'exit status {done.returncode}'}")
    return done.stdout


def _render(pdf: Path, number: int, dpi: int, stem: Path, seconds: float) -> Path:
    n = str(number)
    _run(["pdftoppm", "-r", str(dpi), "-f", n, "-l", n, "-gray", "-png", "-singlefile", str(pdf), str(stem)],
         seconds, f"rendering page {number}")  # fmt: skip
    return stem.with_suffix(".png")


def recognise(image: Path, languages: str, seconds: float, dpi: int = 300) -> tuple[str, float | None]:
    """Text (lines, blank lines between paragraphs) and mean word confidence of one page image."""
    tsv = _run(["tesseract", str(image), "stdout", "-l", languages, "--dpi", str(dpi), "tsv"], seconds, "OCR")
    rows = csv.DictReader(io.StringIO(tsv.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for row in rows:
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
        confidence = float(row.get("conf") or -1)
        if confidence >= 0:
            confidences.append(confidence)
    paragraphs: list[list[str]] = []
    previous = None
    for (block, par, _), words in lines.items():
        if (block, par) != previous:
            paragraphs.append([])
            previous = (block, par)
        paragraphs[-1].append(" ".join(words))
    text = "\n\n".join("\n".join(lines_) for lines_ in paragraphs)
    return text, (sum(confidences) / len(confidences) if confidences else None)
