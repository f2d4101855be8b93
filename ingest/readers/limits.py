"""What reading one file may cost: pages, rows, inflated size, OCR time, nesting. Built from Settings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lgnet.config import Settings

OCR_SHARE_OF_PARSE = 0.9  # the rest of the parse's time is for the text layer, tables and the hand-back


@dataclass(frozen=True)
class ReadLimits:
    max_pages: int = 2000  # pages of a PDF
    max_rows: int = 100_000  # data rows of a spreadsheet (all sheets)
    max_uncompressed_bytes: int = 128 * 1024 * 1024  # what a zip-based file (DOCX, ODT, XLSX...) inflates to
    ocr: bool = True  # recognise pages that have no text layer
    ocr_languages: str = "ita+eng"
    ocr_dpi: int = 300
    ocr_page_seconds: float = 120.0  # rendering or recognising one page longer than this gives up that page
    ocr_max_pages: int = 200  # pages needing OCR in one PDF
    # All of a file's OCR together: a share of the parse's time limit (ingest/sandbox.py), so a scan is refused
    # with a reason before the worker would be killed for time (docs/SECURITY.md, "one time rule").
    ocr_total_seconds: float | None = None
    pdf_table_max_pages: int = 200  # pages of one PDF searched for tables
    max_attachments: int = 20  # attachments of one e-mail
    max_depth: int = 3  # files inside files (an attachment of a message, a signed file's content)
    progress: bool | None = None  # OCR progress bar: None means when stderr is a terminal
    # A file where OCR writes its page count as it goes ({"file", "done", "total"}): how a job shows progress
    # per page, read by the server while the worker process recognises the pages (search_api/jobs.py).
    progress_file: str | None = None
    depth: int = 0  # how deep the file being read is

    @classmethod
    def from_settings(
        cls, settings: Settings, progress: bool | None = None, progress_file: str | None = None
    ) -> ReadLimits:
        return cls(
            max_pages=settings.max_pdf_pages,
            max_rows=settings.max_sheet_rows,
            max_uncompressed_bytes=int(settings.max_uncompressed_mb * 1024 * 1024),
            ocr=settings.ocr_enabled,
            ocr_languages=settings.ocr_languages,
            ocr_dpi=settings.ocr_dpi,
            ocr_page_seconds=settings.ocr_page_seconds,
            ocr_max_pages=settings.ocr_max_pages,
            ocr_total_seconds=settings.parse_seconds * OCR_SHARE_OF_PARSE,
            pdf_table_max_pages=settings.pdf_table_max_pages,
            max_attachments=settings.max_attachments,
            max_depth=settings.max_nesting,
            progress=progress,
            progress_file=progress_file,
        )

    def nested(self) -> ReadLimits:
        """The limits for a file found inside the one being read."""
        return replace(self, depth=self.depth + 1)
