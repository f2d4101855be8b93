"""What a person checks in an exported dossier, as functions the export tests and the browser journey share:
the PDF's pages rendered to images (poppler's pdftoppm) and read back with pypdf, the DOCX read back with
python-docx: A4, Italian, cover and contents, page numbers, no heading alone at the foot of a page, sources
numbered per item with live links, no internal ids, no tracking parameters, Italian dates."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Mm
from PIL import Image
from pypdf import PdfReader

from practices.export_docx import hyperlinks

MONTH = r"(gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
A4 = (595.28, 841.89)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def internal_ids(dossier: dict) -> list[str]:
    """Tokens, item ids, practice and passage ids, document ids: none may be printed."""
    ids = [dossier["id"], dossier["read_id"]] + [i["id"] for i in dossier["items"]]
    ids += [i["ref"] for i in dossier["items"]]
    return ids + [i["ref"].rsplit(":", 1)[0] for i in dossier["items"] if ":" in i["ref"]]


def check_pdf(content: bytes, dossier: dict, items: list[dict], tmp_path: Path) -> int:
    """Every check a reader of the printed dossier would make; returns the number of pages."""
    reader = PdfReader(io.BytesIO(content))
    pages = reader.pages
    assert len(pages) >= 2  # a cover, then the items
    for page in pages:  # A4 portrait
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)
    author = dossier.get("author") or "Banca dati LGNet"
    assert reader.metadata.title == dossier["title"] and reader.metadata.author == author
    assert reader.trailer["/Root"]["/Lang"] == "it-IT"

    # Rendered to images: one per page, A4 proportions, none blank.
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(content)
    subprocess.run(
        [shutil.which("pdftoppm") or "pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == len(pages)
    for path in images:
        with Image.open(path) as im:
            assert abs(im.height / im.width - A4[1] / A4[0]) < 0.02
            assert im.convert("L").getextrema()[0] < 100  # some ink on every page

    texts = [p.extract_text() for p in pages]
    whole = "\n".join(texts)
    cover = texts[0]
    assert dossier.get("author", "") in cover and "Indice" in cover and re.search(rf"\d{{1,2}} {MONTH} \d{{4}}", cover)
    headings = [f"{n}. {i['title']}" for n, i in enumerate(items, 1)]
    for n, text in enumerate(texts, 1):
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        footer = f"Pagina {n} di {len(pages)}"
        assert footer in lines  # (the cover's contents are drawn last, after its footer)
        body = [line for line in lines if line != footer][1 if n > 1 else 0 :]  # the header from page 2
        last = _squash(body[-1])
        assert last != "Fonti", f"page {n} ends with the 'Fonti' label"
        if n > 1:
            assert not any(len(last) > 8 and last in _squash(h) for h in headings), f"page {n} ends with a heading"
    for h in headings:  # every heading on one item page, starting a line
        assert _squash(h) in _squash(whole)
    assert "fbclid" not in whole and "utm_" not in whole
    assert not ISO_DATE.search(whole)
    for internal in internal_ids(dossier):
        assert internal not in whole, internal
    # Sources numbered per item: [1] starts again in each item.
    assert len(re.findall(r"\[1\] ", whole)) == len(items)
    # Live links: one per cited URL.
    links = {
        a["/A"]["/URI"] for p in pages for a in (p.get("/Annots") or []) if a.get_object().get("/A", {}).get("/URI")
    }
    urls = {s["url"] for i in items for s in i["sources"] if s.get("url")}
    assert urls and urls <= links
    return len(pages)


def check_docx(content: bytes, dossier: dict, items: list[dict]) -> None:
    """A4, Italian, the dossier's author, header and page numbers, contents, links, one paragraph a passage."""
    doc = Document(io.BytesIO(content))
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
        assert section.header.paragraphs[0].text == dossier["title"]
        assert "Pagina" in section.footer.paragraphs[0].text
    props = doc.core_properties
    assert props.title == dossier["title"] and props.author == (dossier.get("author") or "Banca dati LGNet")
    assert props.language == "it-IT"
    assert "python-docx" not in (props.author + props.last_modified_by + props.comments)
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        styles, body, footer = z.read("word/styles.xml").decode(), z.read("word/document.xml").decode(), ""
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert 'w:lang w:val="it-IT"' in styles
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    paragraphs = [p.text for p in doc.paragraphs]
    text = "\n".join(paragraphs)
    assert "Indice" in text and re.search(rf"\d{{1,2}} {MONTH} \d{{4}}", text)
    for n, item in enumerate(items, 1):
        heading = next(p for p in doc.paragraphs if p.text == f"{n}. {item['title']}" and p.style.name == "Heading 1")
        assert heading.paragraph_format.keep_with_next
        assert item["text"] in paragraphs  # the passage is one paragraph
        assert f"Nota: {item['note']}" in text
    assert 'w:anchor="voce_1"' in body  # the contents link to the items
    links = hyperlinks(content)
    urls = {s["url"] for i in items for s in i["sources"] if s.get("url")}
    assert urls <= set(links) and not any("fbclid" in u for u in links)
    assert sum(p.startswith("[1] ") for p in paragraphs) == len(items)
    assert "fbclid" not in text and not ISO_DATE.search(text)
    for internal in internal_ids(dossier):
        assert internal not in text, internal
