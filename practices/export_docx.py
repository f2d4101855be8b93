"""A dossier as a Word document for a classroom: A4, Italian (core properties and `w:lang`), the dossier's
author, a cover with the contents, a header with the title, "Pagina N di M" in the footer, headings kept with
what follows, sources numbered per item with clickable links."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from practices.cite import also_text, citation_head
from practices.export import LANGUAGE, MISSING, byline, kind_line

LINK_COLOR = RGBColor(0x00, 0x66, 0xCC)


def _set_language(doc) -> None:
    """`w:lang` on the document defaults, so spelling and screen readers use Italian."""
    rpr_default = doc.styles.element.find(qn("w:docDefaults"))
    rpr = rpr_default.find(qn("w:rPrDefault")).find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay the pages out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _hyperlink(paragraph, url: str, label: str | None = None) -> None:
    rel = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    _link_run(link, label or url)
    paragraph._p.append(link)


def _internal_link(paragraph, anchor: str, label: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    _link_run(link, label)
    paragraph._p.append(link)


def _link_run(link, label: str) -> None:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(LINK_COLOR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.extend([color, underline])
    text = OxmlElement("w:t")
    text.text = label
    text.set(qn("xml:space"), "preserve")
    run.extend([rpr, text])
    link.append(run)


def _bookmark(paragraph, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _page_setup(doc, title: str) -> None:
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)
        section.different_first_page_header_footer = True  # the cover has neither
        header = section.header.paragraphs[0]
        header.text = title
        header.runs[0].font.size = Pt(8)
        footer = section.footer.paragraphs[0]
        footer.add_run("Pagina ")
        _field(footer, "PAGE")
        footer.add_run(" di ")
        _field(footer, "NUMPAGES")
        for run in footer.runs:
            run.font.size = Pt(8)


def to_docx(resolved: dict) -> bytes:
    doc = Document()
    props = doc.core_properties
    props.title = resolved["title"]
    props.author = props.last_modified_by = resolved.get("author") or "Banca dati LGNet"
    props.language = LANGUAGE
    props.subject = "Dossier di pratiche LGNet"
    props.comments = resolved.get("description") or ""
    props.revision = 1
    _set_language(doc)
    doc.styles["Normal"].font.size = Pt(10.5)
    _page_setup(doc, resolved["title"])

    # Cover: title, byline, description, contents (links to each item's heading).
    doc.add_heading(resolved["title"], level=0)
    doc.add_paragraph(byline(resolved))
    if resolved.get("description"):
        doc.add_paragraph(resolved["description"])
    doc.add_heading("Indice", level=1)
    for n, item in enumerate(resolved["items"], 1):
        _internal_link(doc.add_paragraph(f"{n}. "), f"voce_{n}", item["title"])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for n, item in enumerate(resolved["items"], 1):
        heading = doc.add_heading(f"{n}. {item['title']}", level=1)
        heading.paragraph_format.keep_with_next = True
        _bookmark(heading, f"voce_{n}", n)
        meta = doc.add_paragraph()
        meta.add_run(kind_line(item)).italic = True
        meta.paragraph_format.keep_with_next = True
        if item["missing"]:
            doc.add_paragraph(MISSING)
        if item["text"]:
            doc.add_paragraph(item["text"])
        for fact in item["facts"]:
            doc.add_paragraph(fact, style="List Bullet")
        if item["note"]:
            p = doc.add_paragraph()
            p.add_run("Nota: ").bold = True
            p.add_run(item["note"])
        label = doc.add_paragraph()
        label.add_run("Fonti").bold = True
        label.paragraph_format.keep_with_next = True
        for k, source in enumerate(item["sources"], 1):  # numbered per item: [1], [2]... again in each
            p = doc.add_paragraph(f"[{k}] {citation_head(source)} ")
            p.paragraph_format.left_indent = Mm(6)
            p.paragraph_format.first_line_indent = Mm(-6)
            if source.get("url"):
                _hyperlink(p, source["url"])
            for j, also in enumerate(source.get("also", [])):
                p.add_run(" Anche in: " if j == 0 else "; ")
                if also.get("url"):
                    _hyperlink(p, also["url"], also_text(also))
                else:
                    p.add_run(also_text(also))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def hyperlinks(content: bytes) -> list[str]:
    """The external link targets of a DOCX (for checks)."""
    doc = Document(io.BytesIO(content))
    return [
        r.target_ref
        for r in doc.part.rels.values()
        if r.reltype == RT.HYPERLINK and re.match("https?://", r.target_ref)
    ]
