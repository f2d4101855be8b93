"""ingest.readers on real files built in tmp_path: PDF (fpdf2), DOCX (python-docx), HTML, encoded text."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

import ingest.readers as readers
from ingest.model import RawText
from ingest.readers import ReadLimits, read_file, register, sniff_format, supported_suffixes
from lgnet.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    IngestError,
    UnreadableFile,
    UnsupportedFileType,
)

MAX = 10 * 1024 * 1024
PAGES = [
    "Pagina uno: la città di Bari è accogliente.",
    "Pagina due: perché lo sportello unico funziona.",
    "Pagina tre: così Forlì ha aperto un alloggio ponte.",
]
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)


# --- builders ----------------------------------------------------------------------------------------------
def pdf_bytes(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)  # a core font: latin-1 text, accents included
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def encrypted(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(title: str | None = "Scheda progetto Bari") -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Sportello unico", level=1)
    document.add_paragraph("Il Comune ha aperto uno sportello per la presa in carico.")
    document.add_paragraph("")  # spacing paragraph: dropped
    table = document.add_table(rows=3, cols=3)
    table.cell(2, 0).merge(table.cell(2, 2)).text = "Totale: una riga unita"
    for r, row in enumerate([("Città", "Utenti", "Note"), ("Bari", "120", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Dopo la tabella: risultati e partner.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def fails(path: Path, exc_type: type[IngestError], *, max_bytes: int = MAX) -> IngestError:
    """read_file raises exactly `exc_type`, and its message names the file."""
    with pytest.raises(IngestError) as info:
        read_file(path, max_bytes)
    assert type(info.value) is exc_type, info.value
    assert path.name in str(info.value)
    assert info.value.path == str(path)
    return info.value


# --- PDF ---------------------------------------------------------------------------------------------------
def test_pdf_pages_and_offsets(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "scheda.pdf", pdf_bytes(PAGES)), MAX)
    assert raw.format == "pdf"
    assert [p.number for p in raw.pages] == [1, 2, 3]
    for span, expected in zip(raw.pages, PAGES, strict=True):
        assert raw.text[span.start : span.end] == expected
    assert "città" in raw.text and "è" in raw.text and "Forlì" in raw.text
    assert raw.text == "\n\n".join(PAGES)
    assert raw.pages[1].start == raw.pages[0].end + 2  # pages joined with a blank line
    assert raw.pages[-1].end == len(raw.text)


def test_pdf_page_without_text_keeps_numbering(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "mix.pdf", pdf_bytes(["Prima pagina.", "", "Terza pagina."])), MAX)
    assert [(p.number, p.end - p.start) for p in raw.pages][1] == (2, 0)
    assert raw.text[raw.pages[2].start : raw.pages[2].end] == "Terza pagina."


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "open.pdf", encrypted(pdf_bytes(PAGES), "")), MAX)
    assert raw.text[raw.pages[1].start : raw.pages[1].end] == PAGES[1]


def test_pdf_with_user_password(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "locked.pdf", encrypted(pdf_bytes(PAGES), "segreto")), EncryptedFile)
    assert "password" in exc.reason


def test_pdf_truncated(tmp_path: Path) -> None:
    data = pdf_bytes(PAGES)
    for cut in (0.3, 0.6, 0.9):
        fails(write(tmp_path, f"cut{cut}.pdf", data[: int(len(data) * cut)]), CorruptFile)


def test_pdf_without_text(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a drawing only: nothing to extract, nothing to recognise
    exc = fails(write(tmp_path, "scan.pdf", bytes(pdf.output())), EmptyFile)
    assert exc.reason == "no extractable text (no text, no image)"


def test_pdf_garbage_after_magic(tmp_path: Path) -> None:
    fails(write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + os.urandom(3000)), CorruptFile)


# --- DOCX --------------------------------------------------------------------------------------------------
def test_docx_paragraphs_tables_in_order_and_title(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "scheda.docx", docx_bytes()), MAX)
    assert raw.format == "docx"
    assert raw.title == "Scheda progetto Bari"
    assert raw.text == (
        "Sportello unico\n\n"
        "Il Comune ha aperto uno sportello per la presa in carico.\n\n"
        "Città | Utenti | Note\nBari | 120\nTotale: una riga unita\n\n"
        "Dopo la tabella: risultati e partner."
    )
    assert raw.pages == []


def test_docx_without_title(tmp_path: Path) -> None:
    assert read_file(write(tmp_path, "s.docx", docx_bytes(title=None)), MAX).title is None


def test_docx_corrupt(tmp_path: Path) -> None:
    data = docx_bytes()
    fails(write(tmp_path, "cut.docx", data[: len(data) // 2]), CorruptFile)
    # a valid zip that is not a Word document
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "ciao")
    exc = fails(write(tmp_path, "other.docx", out.getvalue()), CorruptFile)
    assert "word/document.xml" in exc.reason
    # the right entry, but broken XML in it
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            dst.writestr(item, b"<w:document><broken" if item.filename == "word/document.xml" else content)
    fails(write(tmp_path, "badxml.docx", out.getvalue()), CorruptFile)


def test_docx_without_text(tmp_path: Path) -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    fails(write(tmp_path, "vuoto.docx", out.getvalue()), EmptyFile)


# --- HTML --------------------------------------------------------------------------------------------------
HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>  Rassegna   stampa  </title>
<style>p { color: red }</style><script>var tracking = "non indicizzare";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">Notizie</a></nav>
<h1>Bari apre lo sportello</h1>
<p>Il Comune   di Bari
   ha aperto lo sportello.<br>Orari: lunedì e giovedì.</p>
<div>Secondo paragrafo, con <b>città</b> e <i>perché</i>.</div>
<table><tr><th>Città</th><th>Utenti</th></tr><tr><td>Bari</td><td>120</td></tr></table>
<!-- un commento --><script>alert(1)</script>
</body></html>"""


def test_html_text_title_and_breaks(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "articolo.html", HTML), MAX)
    assert raw.format == "html"
    assert raw.title == "Rassegna stampa"
    assert raw.encoding == "utf-8"
    assert raw.text == (
        "Bari apre lo sportello\n\n"
        "Il Comune di Bari ha aperto lo sportello.\nOrari: lunedì e giovedì.\n\n"
        "Secondo paragrafo, con città e perché.\n\n"
        "Città | Utenti\n\nBari | 120"
    )
    for gone in ("tracking", "color", "Home", "Notizie", "commento", "alert"):
        assert gone not in raw.text


def test_htm_in_cp1252_with_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"><title>Città</title></head><body><p>Perché sì — 5 €</p>'
    raw = read_file(write(tmp_path, "vecchio.htm", page.encode("cp1252")), MAX)
    assert raw.encoding == "cp1252"
    assert (raw.title, raw.text) == ("Città", "Perché sì — 5 €")


def test_html_without_visible_text(tmp_path: Path) -> None:
    page = "<html><head><title>T</title><script>x()</script></head></html>"
    fails(write(tmp_path, "vuoto.html", page), EmptyFile)


# --- text and Markdown -------------------------------------------------------------------------------------
def test_txt_cp1252(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "nota.txt", "perché città".encode("cp1252")), MAX)
    assert (raw.text, raw.encoding, raw.format) == ("perché città", "cp1252", "txt")


def test_txt_cp1252_longer_with_typographic_characters(tmp_path: Path) -> None:
    text = "Il Comune di Forlì: “perché la città è più inclusiva” — costo 5 €.\nÈ così.\n" * 20
    raw = read_file(write(tmp_path, "delibera.txt", text.encode("cp1252")), MAX)
    assert raw.encoding == "cp1252"
    assert raw.text == text


def test_txt_latin1(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "l1.txt", "Già così, però è vero.".encode("latin-1")), MAX)
    assert raw.text == "Già così, però è vero."


def test_txt_utf8_bom(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "città è".encode()), MAX)
    assert raw.text == "città è"
    assert raw.encoding == "utf-8-sig"


def test_txt_utf8_plain(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "u.txt", "città è"), MAX)
    assert (raw.text, raw.encoding) == ("città è", "utf-8")


def test_txt_normalization(tmp_path: Path) -> None:
    body = "riga uno\r\nriga due\rriga tre\tcon tab\x00\x07 e cafe\u0301\x0c.\n" + "testo normale. " * 20
    raw = read_file(write(tmp_path, "sporco.txt", body), MAX)
    assert raw.text.startswith("riga uno\nriga due\nriga tre\tcon tab e café.\n")
    assert "\r" not in raw.text and "\x00" not in raw.text


def test_md_kept_as_text(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "README.MD", "# Titolo\n\n- *punto* uno\n"), MAX)
    assert (raw.format, raw.text) == ("md", "# Titolo\n\n- *punto* uno\n")


def test_txt_may_contain_html(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "snippet.txt", "<html><body><p>esempio</p></body></html>"), MAX)
    assert raw.format == "txt" and "<p>" in raw.text


# --- file-level failures -----------------------------------------------------------------------------------
def test_missing_file(tmp_path: Path) -> None:
    fails(tmp_path / "assente.txt", UnreadableFile)


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").mkdir()
    fails(tmp_path / "x.txt", UnreadableFile)


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    exc = fails(link, UnreadableFile)
    assert "symbolic link" in exc.reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_empty_or_whitespace(tmp_path: Path, content: bytes, suffix: str) -> None:
    fails(write(tmp_path, f"vuoto{suffix}", content), EmptyFile)


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "grande.txt", "a" * 5000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over max_bytes must not be opened")

    monkeypatch.setattr(Path, "open", no_open)
    monkeypatch.setattr(Path, "read_bytes", no_open)
    exc = fails(path, FileTooLarge, max_bytes=1000)
    assert "1000" in exc.reason
    monkeypatch.undo()
    assert read_file(path, 5000).text == "a" * 5000  # exactly at the limit is fine


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 8 + os.urandom(2000)
    exc = fails(write(tmp_path, "junk.txt", junk), CorruptFile)
    assert exc.reason == "binary content, not text"


def test_executable_named_pdf(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "fattura.pdf", ELF), UnsupportedFileType)
    assert exc.reason == "content is not a PDF (looks like an executable)"


def test_executable_named_txt_or_docx(tmp_path: Path) -> None:
    assert "executable" in fails(write(tmp_path, "prog.txt", ELF), UnsupportedFileType).reason
    assert "executable" in fails(write(tmp_path, "prog.docx", ELF), UnsupportedFileType).reason


def test_other_mismatches(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "testo.pdf", "solo testo, non un PDF"), UnsupportedFileType)
    assert "plain text" in exc.reason
    exc = fails(write(tmp_path, "scheda.txt", pdf_bytes(PAGES)), UnsupportedFileType)
    assert "PDF" in exc.reason
    fails(write(tmp_path, "pagina.html", docx_bytes()), UnsupportedFileType)


def test_unsupported_suffix(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "setup.exe", ELF), UnsupportedFileType)
    assert ".exe" in exc.reason and ".pdf" in exc.reason and ".docx" in exc.reason
    fails(write(tmp_path, "LEGGIMI", "testo"), UnsupportedFileType)


def test_error_shape(tmp_path: Path) -> None:
    exc = fails(write(tmp_path, "vuoto.txt", b""), EmptyFile)
    assert exc.to_dict()["error"]["detail"] == {"file": str(tmp_path / "vuoto.txt"), "reason": exc.reason}


# --- registry ----------------------------------------------------------------------------------------------
def test_supported_suffixes() -> None:
    assert supported_suffixes() == sorted(supported_suffixes())
    assert {".txt", ".md", ".pdf", ".docx", ".html", ".htm"} <= set(supported_suffixes())


def test_register_and_library_errors_are_wrapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "_REGISTRY", dict(readers._REGISTRY))  # registrations stay in this test

    def read_csv(path: Path, data: bytes, limits: ReadLimits) -> RawText:
        return RawText(path=path, text=data.decode(), format="csv")

    def explode(path: Path, data: bytes, limits: ReadLimits) -> RawText:
        raise ValueError("library surprise")

    register(["CSV"], read_csv, kinds=["txt"])
    register(".boom", explode)
    assert ".csv" in supported_suffixes()
    assert read_file(write(tmp_path, "dati.csv", "a,b\n1,2\n"), MAX).format == "csv"
    exc = fails(write(tmp_path, "x.boom", "qualcosa"), CorruptFile)
    assert "library surprise" in exc.reason


# --- sniffing ----------------------------------------------------------------------------------------------
def test_sniff_format() -> None:
    assert sniff_format(pdf_bytes(PAGES)) == "pdf"
    assert sniff_format(docx_bytes()) == "docx"
    assert sniff_format(HTML.encode()) == "html"
    assert sniff_format(b"<p>uno</p><p>due</p><div>tre</div>") == "html"
    assert sniff_format("perché città".encode("cp1252")) == "txt"
    assert sniff_format("Semplice testo in UTF-8: città.\n".encode()) == "txt"
    assert sniff_format(b"\xef\xbb\xbf<!doctype html><p>x") == "html"
    assert sniff_format(b"MZ: sigla di un comune") == "txt"  # starts like an .exe, but is text


def test_sniff_rejects_binaries() -> None:
    pe = bytearray(b"MZ" + bytes(126))
    pe[0x3C:0x40] = struct.pack("<I", 0x80)
    pe += b"PE\x00\x00" + bytes(200)
    zip_out = io.BytesIO()
    with zipfile.ZipFile(zip_out, "w") as zf:
        zf.writestr("foto.txt", "non un documento")
    for data in (ELF, bytes(pe), zip_out.getvalue(), b"\x89PNG\r\n\x1a\n" + bytes(100), os.urandom(4096)):
        assert sniff_format(data) is None


def test_sniff_long_utf8_cut_in_a_character() -> None:
    text = ("àèìòù " * 20000).encode()  # the 64 KB head ends inside a two-byte character
    assert sniff_format(text) == "txt"
