"""ODT, ODS and XLSX written with their own libraries, read, chunked with rows whole, ingested and searched."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText

from ingest.chunking import chunk_spans
from ingest.readers import check_upload, sniff_format
from ingest.tables import is_row
from lgnet.errors import CorruptFile, FileTooLarge, UnsupportedFileType
from tests.ingest.formats.helpers import fails, ingest, read, search, write

BARI = "Comune: Bari; Beneficiari: 120; Periodo: 2024-2025; Intervento: Sportello unico per la presa in carico"
ROWS = [
    ("Comune", "Beneficiari", "Periodo", "Intervento"),
    ("Bari", 120, "2024-2025", "Sportello unico per la presa in carico"),
    ("Taranto", 85.0, "2023-2024", "Alloggi ponte per famiglie"),
    ("Forlì", None, "2024", "Laboratori di comunità; mediazione"),
]


def xlsx_bytes(rows=ROWS, title: str | None = "Beneficiari LGNet3", extra_rows: int = 0) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Beneficiari"
    sheet.append(["Beneficiari per comune"])  # a title line above the table
    for row in rows:
        sheet.append(list(row))
    for i in range(extra_rows):
        sheet.append([f"Comune {i}", i, "2024", "x"])
    sheet.append(["Totale", "=SUM(B3:B5)"])  # a formula without a cached value: no number to invent
    dates = workbook.create_sheet("Scadenze")
    dates.append(["Attività", "Scadenza"])
    dates.append(["Rendicontazione", dt.datetime(2025, 3, 31)])
    if title:
        workbook.properties.title = title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ods_bytes(rows=ROWS, repeat_last: int = 1) -> bytes:
    document = OpenDocumentSpreadsheet()
    sheet = odf_table.Table(name="Beneficiari")
    for r, row in enumerate(rows):
        tr = odf_table.TableRow(numberrowsrepeated=repeat_last if r == len(rows) - 1 else 1)
        for value in row:
            if isinstance(value, int | float):
                cell = odf_table.TableCell(valuetype="float", value=value)
                cell.addElement(odf_text.P(text=f"{value:g}"))
            else:
                cell = odf_table.TableCell(valuetype="string")
                if value:
                    cell.addElement(odf_text.P(text=value))
            tr.addElement(cell)
        tr.addElement(odf_table.TableCell(numbercolumnsrepeated=16000))  # empty cells to the sheet's edge
        sheet.addElement(tr)
    sheet.addElement(odf_table.TableRow(numberrowsrepeated=1_000_000))  # empty rows to the sheet's end
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def odt_bytes() -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text="Scheda progetto: Sportello unico di Bari"))
    document.text.addElement(odf_text.P(text="Il Comune di Bari ha aperto uno sportello per la presa in carico."))
    items = odf_text.List()
    for label in ("orientamento legale", "supporto psicologico"):
        item = odf_text.ListItem()
        item.addElement(odf_text.P(text=label))
        items.addElement(item)
    document.text.addElement(items)
    grid = odf_table.Table(name="Dati")
    for row in (("Città", "Utenti"), ("Bari", "120")):
        tr = odf_table.TableRow()
        for value in row:
            cell = odf_table.TableCell()
            cell.addElement(odf_text.P(text=value))
            tr.addElement(cell)
        grid.addElement(tr)
    document.text.addElement(grid)
    document.text.addElement(odf_text.P(text="Dopo la tabella: risultati e partner."))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def test_sniffing_tells_office_formats_apart() -> None:
    assert sniff_format(xlsx_bytes()) == "xlsx"
    assert sniff_format(ods_bytes()) == "ods"
    assert sniff_format(odt_bytes()) == "odt"
    assert check_upload("dati.xlsx", xlsx_bytes()) == "xlsx"
    assert check_upload("dati.ods", ods_bytes()) == "ods"


def test_xlsx_rows_keep_their_headers(tmp_path: Path) -> None:
    raw = read(write(tmp_path, "beneficiari.xlsx", xlsx_bytes()))
    assert raw.format == "xlsx" and raw.title == "Beneficiari LGNet3"
    lines = raw.text.splitlines()
    assert "Beneficiari per comune" in lines  # the title line stays plain text
    assert BARI in lines
    assert "Comune: Taranto; Beneficiari: 85; Periodo: 2023-2024; Intervento: Alloggi ponte per famiglie" in lines
    # an empty cell leaves its pair out; a ";" inside a cell cannot fake a new pair
    assert "Comune: Forlì; Periodo: 2024; Intervento: Laboratori di comunità, mediazione" in lines
    assert "Attività: Rendicontazione; Scadenza: 2025-03-31" in lines  # second sheet, dates in ISO form
    assert "Scadenze" in lines
    assert not any("SUM" in line for line in lines)  # formulas are not text


def test_ods_rows_and_repeats_are_bounded(tmp_path: Path) -> None:
    raw = read(write(tmp_path, "beneficiari.ods", ods_bytes(repeat_last=3)))
    lines = raw.text.splitlines()
    assert lines[0] == "Beneficiari"
    assert BARI in lines
    assert lines.count("Comune: Forlì; Periodo: 2024; Intervento: Laboratori di comunità, mediazione") == 3
    assert len(lines) == 2 + 5  # a million empty rows and 16,000 empty cells cost nothing


def test_row_limit_refuses_by_name(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "enorme.xlsx", xlsx_bytes(extra_rows=50)), FileTooLarge, max_rows=20)
    assert "20 rows" in exc.reason
    exc = fails(write(tmp_path, "enorme.ods", ods_bytes(repeat_last=500)), FileTooLarge, max_rows=100)
    assert "100 rows" in exc.reason


def test_odt_headings_lists_tables_in_order(tmp_path: Path) -> None:
    raw = read(write(tmp_path, "scheda.odt", odt_bytes()))
    assert raw.format == "odt"
    assert raw.text.split("\n\n") == [
        "Scheda progetto: Sportello unico di Bari",
        "Il Comune di Bari ha aperto uno sportello per la presa in carico.",
        "- orientamento legale\n- supporto psicologico",
        "Città | Utenti\nBari | 120",
        "Dopo la tabella: risultati e partner.",
    ]


def test_chunker_never_cuts_a_row(tmp_path: Path) -> None:
    rows = [("Comune", "Nota")] + [
        (f"Comune {i}", "Avviato nel 2024. Poi esteso ad altre famiglie del quartiere. Bene.") for i in range(80)
    ]
    raw = read(write(tmp_path, "note.xlsx", xlsx_bytes(rows=rows)))
    spans = chunk_spans(raw.text, 40, 80)
    assert len(spans) > 5
    for start, end in spans:
        for line in raw.text[start:end].splitlines():
            if line.startswith("Comune: Comune"):
                assert is_row(line) and line.endswith("Bene."), line


def test_bad_office_files_are_refused_by_name(tmp_path: Path) -> None:
    fails(write(tmp_path, "rotto.xlsx", xlsx_bytes()[:500]), CorruptFile)  # truncated zip
    fails(write(tmp_path, "finto.xlsx", "non sono un foglio di calcolo"), UnsupportedFileType)
    fails(write(tmp_path, "finto.ods", odt_bytes()), UnsupportedFileType)  # an ODT named .ods
    exc = fails(write(tmp_path, "finto.pdf", xlsx_bytes()), UnsupportedFileType)  # a spreadsheet named .pdf
    assert "Excel workbook" in exc.reason
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("foto.txt", "non un documento")
    fails(write(tmp_path, "vuoto.odt", archive.getvalue()), CorruptFile)  # a zip, but no content.xml
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<a/>" + b" " * 5_000_000)
    exc = fails(write(tmp_path, "bomba.xlsx", bomb.getvalue()), FileTooLarge, max_uncompressed_bytes=1_000_000)
    assert "inflates" in exc.reason


def test_spreadsheet_and_odt_are_searchable_with_citation(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "beneficiari.xlsx", xlsx_bytes())
    write(corpus, "beneficiari.ods", ods_bytes(rows=[("Comune", "Volontari"), ("Sassari", 42)]))
    write(corpus, "scheda.odt", odt_bytes())
    write(corpus, "rotto.xlsx", b"PK\x03\x04 rotto")
    report, service = ingest(tmp_path, corpus)
    assert report.files_ingested == 3
    assert [e.file.endswith("rotto.xlsx") for e in report.errors] == [True]
    hit = search(service, "beneficiari Taranto alloggi ponte").hits[0]
    assert hit.source == "corpus/beneficiari.xlsx"
    assert "Comune: Taranto; Beneficiari: 85" in hit.text
    hit = search(service, "volontari Sassari").hits[0]
    assert hit.source == "corpus/beneficiari.ods" and "Comune: Sassari; Volontari: 42" in hit.text
    hit = search(service, "supporto psicologico orientamento legale").hits[0]
    assert hit.source == "corpus/scheda.odt" and hit.title == "Scheda progetto: Sportello unico di Bari"
