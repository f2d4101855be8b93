"""Zip-based office files (DOCX, ODT, ODS, XLSX): a valid archive, with its main member, not a zip bomb."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lgnet.errors import CorruptFile, FileTooLarge


def check_zip(path: Path, data: bytes, member: str, label: str, max_uncompressed: int) -> None:
    """Refuse a damaged archive, one without `member`, or one inflating past `max_uncompressed` bytes (the
    sizes the archive declares; the libraries reading it stop at what is declared)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            inflated = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile(path, f"damaged {label} (not a valid zip): {exc}") from exc
    if member not in names:
        raise CorruptFile(path, f"damaged {label}: no {member} in the archive")
    if inflated > max_uncompressed:
        raise FileTooLarge(path, f"{label} inflates to {inflated} bytes, over the limit of {max_uncompressed}")
