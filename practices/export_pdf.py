"""A dossier as a PDF for a classroom (fpdf2, the DejaVu fonts shipped in the package): A4, Italian metadata,
a cover with the contents and their pages, a header with the title, "Pagina N di M", left-aligned text (no
justified gaps), each passage one paragraph, no heading alone at the bottom of a page, sources numbered per
item with clickable links."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from practices.cite import also_text, citation_head
from practices.export import LANGUAGE, MISSING, byline, kind_line

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
LINK = (0, 102, 204)
TEXT = (25, 25, 25)
# Room a heading needs below it (the heading, the kind line, three lines of text): otherwise a new page.
KEEP_WITH_NEXT_MM = 34


class DossierPDF(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.dossier_title = title
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=20)
        self.set_text_color(*TEXT)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.dossier_title[:110], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(200, 200, 200)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)
        self.set_text_color(*TEXT)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Pagina {self.page_no()} di {{nb}}", align=Align.C)
        self.set_text_color(*TEXT)

    def para(self, text: str, size: float = 10, style: str = "", gap: float = 2, indent: float = 0) -> None:
        self.set_font(FONT, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, size * 0.5, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def heading(self, text: str, size: float = 13) -> None:
        if self.will_page_break(KEEP_WITH_NEXT_MM):
            self.add_page()
        self.para(text, size, "B", 1.5)


def _contents(pdf: FPDF, outline: list) -> None:
    pdf.set_x(pdf.l_margin)
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 8, "Indice", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_font(FONT, "", 10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for section in outline:
        link = pdf.add_link(page=section.page_number)
        name = section.name if len(section.name) <= 85 else section.name[:84] + "…"
        pdf.set_text_color(*LINK)
        pdf.cell(width - 14, 6, name, link=link, align=Align.L)
        pdf.set_text_color(*TEXT)
        pdf.cell(14, 6, str(section.page_number), align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _source(pdf: DossierPDF, number: int, source: dict) -> None:
    """'[1] Title. Outlet, date. https://...' with the URL (and the copies' URLs) as live links."""
    pdf.set_font(FONT, "", 8.5)
    line = 4.2
    pdf.set_x(pdf.l_margin)
    pdf.write(line, f"[{number}] {citation_head(source)} ")
    if source.get("url"):
        pdf.set_text_color(*LINK)
        pdf.write(line, source["url"], link=source["url"])
        pdf.set_text_color(*TEXT)
    for j, also in enumerate(source.get("also", [])):
        pdf.write(line, " Anche in: " if j == 0 else "; ")
        if also.get("url"):
            pdf.set_text_color(*LINK)
            pdf.write(line, also_text(also), link=also["url"])
            pdf.set_text_color(*TEXT)
        else:
            pdf.write(line, also_text(also))
    pdf.ln(line + 1.2)


def to_pdf(resolved: dict) -> bytes:
    pdf = DossierPDF(resolved["title"])
    pdf.set_title(resolved["title"])
    pdf.set_author(resolved.get("author") or "Banca dati LGNet")
    pdf.set_subject("Dossier di pratiche LGNet")
    pdf.set_creator("Banca dati LGNet")
    pdf.set_lang(LANGUAGE)
    pdf.set_creation_date(datetime.now(UTC))
    pdf.add_page()

    # Cover: title, byline, description, contents with page numbers (filled in at the end).
    pdf.ln(20)
    pdf.para(resolved["title"], 22, "B", 4)
    pdf.para(byline(resolved), 11, "", 2)
    if resolved.get("description"):
        pdf.para(resolved["description"], 11, "", 2)
    pdf.ln(8)
    pages = 1 + max(0, len(resolved["items"]) - 25) // 40
    pdf.insert_toc_placeholder(_contents, pages=pages, allow_extra_pages=True)

    for n, item in enumerate(resolved["items"], 1):
        title = f"{n}. {item['title']}"
        pdf.heading(title)
        pdf.start_section(title)
        pdf.para(kind_line(item), 9, "", 2)
        if item["missing"]:
            pdf.para(MISSING, 9)
        if item["text"]:
            pdf.para(item["text"], 10, "", 2.5)
        for fact in item["facts"]:
            pdf.para(f"• {fact}", 9.5, "", 0.6, indent=2)
        if item["facts"]:
            pdf.ln(1.5)
        if item["note"]:
            pdf.para(f"Nota: {item['note']}", 10, "B", 2.5)
        if pdf.will_page_break(14):  # "Fonti" never alone at the foot of a page
            pdf.add_page()
        pdf.para("Fonti", 10, "B", 0.8)
        for k, source in enumerate(item["sources"], 1):
            _source(pdf, k, source)
        pdf.ln(5)
    return bytes(pdf.output())
