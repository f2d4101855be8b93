"""Tables in PDFs (made with fpdf2's ruled tables): rows with their headers, the text around them in place."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader

from ingest.readers.pdf_reader import _draws_lines
from tests.ingest.formats.helpers import ingest, read, search, write

ROWS = [
    ("Comune", "Beneficiari", "Periodo"),
    ("Bari", "120", "2024-2025"),
    ("Taranto", "85", "2023-2024"),
    ("Sassari", "42", "2024"),
]


def table_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Relazione annuale. I beneficiari per comune sono riportati nella tabella seguente.")
    pdf.ln(4)
    with pdf.table(col_widths=(60, 40, 40)) as table:
        for row in ROWS:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 7, "Dopo la tabella: i dati sono forniti dai servizi sociali.")
    return bytes(pdf.output())


def test_pdf_table_rows_keep_their_headers(tmp_path: Path) -> None:
    raw = read(write(tmp_path, "relazione.pdf", table_pdf()))
    blocks = raw.text.split("\n\n")
    assert blocks[0].startswith("Relazione annuale.")
    assert blocks[1].splitlines() == [
        "Comune: Bari; Beneficiari: 120; Periodo: 2024-2025",
        "Comune: Taranto; Beneficiari: 85; Periodo: 2023-2024",
        "Comune: Sassari; Beneficiari: 42; Periodo: 2024",
    ]
    assert blocks[2].startswith("Dopo la tabella")


def test_plain_pages_skip_table_analysis(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Solo testo, nessuna tabella: Comune Bari 120.")
    data = bytes(pdf.output())
    assert not _draws_lines(PdfReader(io.BytesIO(data)).pages[0])  # the cheap check keeps pdfplumber away
    assert _draws_lines(PdfReader(io.BytesIO(table_pdf())).pages[0])
    raw = read(write(tmp_path, "testo.pdf", data))
    assert raw.text == "Solo testo, nessuna tabella: Comune Bari 120."


def test_pdf_table_figure_found_with_its_label(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "relazione.pdf", table_pdf())
    report, service = ingest(tmp_path, corpus)
    assert report.ok
    hit = search(service, "beneficiari Sassari").hits[0]
    assert hit.source == "corpus/relazione.pdf" and hit.page == 1
    assert "Comune: Sassari; Beneficiari: 42; Periodo: 2024" in hit.text
