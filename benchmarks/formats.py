"""Reading speed of the formats of issue 14: OCR and text PDFs in pages/s, PDF tables in pages/s,
spreadsheets (XLSX, ODS) in rows/s, plus the OCR character error rate on the same clean scans.

Reading only (no embedding, no store): what each reader costs. Files are generated here. Written to
docs/benchmarks-formats.md: `python -m benchmarks.formats [--ocr-pages 4] [--rows 20000]`.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import time
from pathlib import Path

import openpyxl
from fpdf import FPDF
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentSpreadsheet

from ingest.ocr_eval import SAMPLE_PAGES, character_error_rate, scanned_pdf, text_pdf
from ingest.readers import ReadLimits, read_file

REPO = Path(__file__).resolve().parents[1]
LIMITS = ReadLimits(progress=False, max_rows=10_000_000)


def _timed(path: Path, data: bytes, repeat: int = 1) -> tuple[float, object]:
    path.write_bytes(data)
    best = float("inf")
    raw = None
    for _ in range(repeat):
        started = time.perf_counter()
        raw = read_file(path, 1 << 30, LIMITS)
        best = min(best, time.perf_counter() - started)
    return best, raw


def table_pdf(pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for p in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Tabella {p + 1}: beneficiari per comune.")
        with pdf.table(col_widths=(60, 40, 40)) as grid:
            for r in range(20):
                row = grid.row()
                for value in ("Comune", "Beneficiari", "Periodo") if r == 0 else (f"Comune {r}", str(r * 7), "2024"):
                    row.cell(value)
    return bytes(pdf.output())


def xlsx_bytes(rows: int) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Beneficiari")
    sheet.append(["Comune", "Beneficiari", "Periodo", "Intervento"])
    for i in range(rows):
        sheet.append([f"Comune {i}", i % 500, "2024-2025", "Sportello unico per la presa in carico"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ods_bytes(rows: int) -> bytes:
    document = OpenDocumentSpreadsheet()
    sheet = odf_table.Table(name="Beneficiari")
    for i in range(rows + 1):
        tr = odf_table.TableRow()
        values = ("Comune", "Beneficiari", "Periodo") if i == 0 else (f"Comune {i}", str(i % 500), "2024")
        for value in values:
            cell = odf_table.TableCell(valuetype="string")
            cell.addElement(odf_text.P(text=value))
            tr.addElement(cell)
        sheet.addElement(tr)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def run(folder: Path, ocr_pages: int, rows: int) -> list[str]:
    lines = []
    pages = (SAMPLE_PAGES * ocr_pages)[:ocr_pages]
    seconds, raw = _timed(folder / "scan.pdf", scanned_pdf(pages, 300))
    cer = character_error_rate("\n".join(pages), "\n".join(raw.text[p.start : p.end] for p in raw.pages))
    lines.append(f"| scanned PDF, 300 dpi, OCR ita+eng | {ocr_pages} pages | {seconds:.1f} s | "
                 f"{ocr_pages / seconds:.2f} pages/s | CER {cer:.2%} |")  # fmt: skip
    n = 200
    seconds, _ = _timed(folder / "text.pdf", text_pdf((SAMPLE_PAGES * n)[:n]), repeat=3)
    lines.append(f"| text PDF (pypdf) | {n} pages | {seconds:.2f} s | {n / seconds:.0f} pages/s | |")
    n = 20
    seconds, raw = _timed(folder / "tables.pdf", table_pdf(n), repeat=2)
    rows_read = sum(1 for line in raw.text.splitlines() if line.startswith("Comune: "))
    lines.append(f"| PDF with ruled tables (pdfplumber) | {n} pages | {seconds:.2f} s | {n / seconds:.1f} pages/s | "
                 f"{rows_read} rows with headers |")  # fmt: skip
    seconds, _ = _timed(folder / "big.xlsx", xlsx_bytes(rows), repeat=2)
    lines.append(f"| XLSX (openpyxl, read-only) | {rows} rows | {seconds:.2f} s | {rows / seconds:,.0f} rows/s | |")
    n = max(1000, rows // 4)
    seconds, _ = _timed(folder / "big.ods", ods_bytes(n), repeat=2)
    lines.append(f"| ODS (odfpy) | {n} rows | {seconds:.2f} s | {n / seconds:,.0f} rows/s | |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks-formats.md")
    args = parser.parse_args(argv)
    import tempfile

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="lgnet-bench-formats-") as tmp:
        rows = run(Path(tmp), args.ocr_pages, args.rows)
    text = "\n".join(
        [
            "# Reading speed by format (`python -m benchmarks.formats`)",
            "",
            f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average {load:.1f} when started "
            "(shared machine: figures vary with the load). Reading only: no embedding, no store. Best of a few "
            "runs, except OCR (one run; Tesseract single-threaded, one page at a time).",
            "",
            "| input | size | time | speed | note |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    args.out.write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
