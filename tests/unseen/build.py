"""Build the PDF, DOCX, ODT, XLSX and EML documents of the unseen set from their committed source texts.

Run from the repository root: `python tests/unseen/build.py`. The sources live in tests/unseen/sources/
(plain text: `# ` and `## ` headings, `- ` bullets, `a | b` table rows); the outputs go to
tests/unseen/documents/ and are committed, so tests never need this script. Dates are fixed so that a
rebuild gives the same files.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import docx
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, List, ListItem, P

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
DOCUMENTS = HERE / "documents"
FONTS = HERE.parent.parent / "practices" / "fonts"
FIXED_DATE = dt.datetime(2025, 6, 30, 12, 0, tzinfo=dt.UTC)

# source file stem -> output format
TARGETS = {
    "scheda-pratica-lecce-housing": "pdf",
    "evaluation-summary-campobasso-en": "pdf",
    "scheda-progetto-bari-lgnet3": "docx",
    "articolo-catanzaro-lgnet3-aree-intervento": "docx",
    # batch 2 (2026-11-24)
    "scheda-buona-pratica-fondi-lavoro-agricolo": "pdf",
    "scheda-progetto-cento-donne-salute": "docx",
    "relazione-finale-catania-lgnetea": "pdf",
    # batch 3 (2026-12-04)
    "scheda-buona-pratica-vasto-casa-ponte": "pdf",
    "scheda-progetto-prato-macrolotto-zero": "docx",
    "midterm-report-genoa-lgnet3-en": "pdf",
    "rapporto-monitoraggio-potenza-2025": "docx",
    # batch 4 (2026-12-04, afternoon)
    "scheda-buona-pratica-iglesias-lavoro-miniere": "pdf",
    "scheda-progetto-fermo-scuola-ponte": "docx",
    "final-report-naples-lgnet2-en": "pdf",
    "delibera-giunta-sassari-lgnet3-2024": "docx",
    # batch 5 (2026-12-05)
    "scheda-buona-pratica-noto-agenzia-casa": "pdf",
    "scheda-progetto-taranto-lgnet3-mare": "docx",
    "annual-report-milan-lgnet3-2025-en": "pdf",
    "relazione-finale-agrigento-lgnetea": "docx",
    "intervista-castro-sbarchi-accoglienza": "odt",
    # batch 6 (2026-12-05)
    "bilancio-sociale-cooperativa-massa-2024-estratto": "pdf",
    "avviso-pubblico-pordenone-coprogettazione-abitare": "pdf",
    "talk-transcript-padua-housing-first-en": "docx",
    "scheda-progetto-roma-lgnet3-municipio-vi": "docx",
    "question-time-consiglio-palermo-2025-11": "odt",
    # batch 7 (2026-12-05)
    "determina-dirigenziale-latina-lgnet3-casa-comune": "pdf",
    "rapporto-valutazione-ventimiglia-transito-2025": "pdf",
    "relazione-finale-fami-bella-radici-nuove": "docx",
    "intervista-assessora-firenze-lgnet3-abitare": "docx",
    "verbale-tavolo-toro-sai-2025-10": "odt",
    # batch 8 (2026-12-05, evening)
    "scheda-progetto-ponte-borgo-ospitale": "docx",
    "buona-pratica-arco-alloggi-stagionali": "pdf",
    "verbale-tavolo-chatillon-accoglienza-2025-11": "odt",
    "rassegna-stampa-isontino-integrazione-2025-12": "pdf",
    "delibera-giunta-perugia-lgnetea-rendiconto": "docx",
    # batch 9 (2026-12-06)
    "scheda-buona-pratica-nove-botteghe-ceramiche": "pdf",
    "scheda-progetto-calcio-in-gioco": "docx",
    "monitoraggio-indicatori-taranto-lgnetea-2021": "xlsx",
    "verbale-tavolo-policoro-braccianti-2025-10": "eml",
    "articolo-citta-di-castello-casa-tiferno-copia": "pdf",
    "determina-termoli-porto-sicuro-2025": "odt",
    "relazione-finale-castelfranco-emilia-vicini-di-casa": "docx",
    # batch 10 (2026-12-06)
    "scheda-buona-pratica-sale-parole-in-sala": "pdf",
    "scheda-progetto-mola-di-bari-donne-al-lavoro": "docx",
    "rassegna-stampa-piana-gioia-tauro-inclusione-2025-12": "docx",
    "final-report-syracuse-msna-guardians-en": "pdf",
    "monitoraggio-palermo-lgnetea-2021": "xlsx",
    "avviso-coprogettazione-mira-casa-donne": "eml",
    "bilancio-sociale-cooperativa-paese-2025-estratto": "odt",
    # batch 11 (2026-12-06, 08:17 UTC session)
    "scheda-buona-pratica-cave-sartoria-filo-comune": "pdf",
    "scheda-progetto-lana-ponte-verso-casa": "docx",
    "final-report-ragusa-greenhouse-belt-en": "pdf",
    "rendiconto-indicatori-potenza-lgnetea-2021": "xlsx",
    "bilancio-sociale-cooperativa-gallarate-2025-estratto": "odt",
    "avviso-coprogettazione-ostuni-emporio-interculturale": "eml",
    # batch 12 (2026-12-06, 14:07 UTC session)
    "scheda-buona-pratica-rende-corridoi-universitari": "pdf",
    "scheda-progetto-cascina-semi-di-comunita": "docx",
    "peer-review-bolzano-lgnetea-accesso-unico-en": "pdf",
    "monitoraggio-stagionale-palazzo-san-gervasio-2025": "xlsx",
    "relazione-missione-associazione-venafro-2025-estratto": "odt",
    "email-vinci-avvio-accoglienza-in-famiglia": "eml",
    # batch 13 (2026-12-06, 19:59 UTC session)
    "scheda-buona-pratica-chiusi-case-dei-ferrovieri": "pdf",
    "scheda-progetto-piove-di-sacco-mamme-in-rete": "docx",
    "verbale-commissione-gravina-in-puglia-terra-comune-2026-01": "odt",
    "rassegna-stampa-provincia-modena-inclusione-2026-03": "pdf",
    "midterm-evaluation-crotone-safe-harbour-en": "docx",
    "monitoraggio-finale-sassari-lgnetea-2021": "xlsx",
    "email-sulmona-protocollo-valle-peligna-accogliente": "eml",
    # batch 14 (2026-12-06, 22:30 UTC session)
    "scheda-progetto-ala-un-ala-per-crescere": "odt",
    "verbale-tavolo-sesto-san-giovanni-abitare-2025-11": "docx",
    "final-evaluation-marsala-working-harvest-en": "pdf",
    "riepilogo-municipi-milano-lgnetea-2021": "xlsx",
    "email-matera-agenzia-casa-proprietari": "eml",
    # batch 15 (2026-12-07, 01:05 UTC session)
    "scheda-buona-pratica-canale-conti-in-tasca": "pdf",
    "scheda-progetto-fiume-veneto-compiti-in-riva": "docx",
    "rassegna-stampa-salento-inclusione-2026-05": "odt",
    "final-evaluation-lamezia-terme-open-doors-en": "pdf",
    "monitoraggio-napoli-lgnetea-quadrimestri-2021": "xlsx",
    "email-lucca-bottega-mestieri-primo-anno": "eml",
    "delibera-giunta-ascoli-piceno-abitare-tronto-2026": "docx",
    # batch 16 (2026-12-07, 03:34 UTC session)
    "buona-pratica-spoleto-chiostro-abitato": "pdf",
    "scheda-progetto-penne-filo-vestino": "docx",
    "rendiconto-roma-lgnetea-municipi-2021": "xlsx",
    "email-saint-vincent-stagionali-bilancio-inverno": "eml",
    "delibera-giunta-aprilia-abitare-solidale-2026": "odt",
    # batch 17 (2026-12-07, 06:05 UTC session)
    "buona-pratica-casale-monferrato-cascina-ospitale": "pdf",
    "scheda-progetto-cividale-del-friuli-ponte-del-diavolo": "docx",
    "learning-review-crema-open-courtyards-en": "pdf",
    "rendiconto-firenze-lgnet2-quartieri-2023": "xlsx",
    "delibera-giunta-battipaglia-piana-accogliente-2025": "odt",
    "email-borgo-valsugana-falegnameria-canonica-semestre": "eml",
    # batch 18 (2026-12-07, 12:37 UTC session)
    "buona-pratica-tempio-pausania-stazzi-aperti": "pdf",
    "scheda-progetto-gela-serre-e-case": "docx",
    "completion-report-marino-welcome-hills-en": "pdf",
    "rendiconto-bari-lgnetea-semestri-2021": "xlsx",
    "delibera-giunta-colle-di-val-d-elsa-vetrate-aperte-2025": "odt",
    "email-finale-ligure-coprogettazione-stagionali": "eml",
    # batch 19 (2026-12-07, 15:38 UTC session)
    "buona-pratica-villa-literno-foresteria-del-pomodoro": "pdf",
    "scheda-progetto-barge-pietra-e-casa": "docx",
    "field-visit-report-sant-egidio-alla-vibrata-en": "pdf",
    "monitoraggio-vignola-stagione-giusta-2026": "xlsx",
    "delibera-giunta-brunico-casa-ponte-pusteria-2026": "odt",
    "email-pont-saint-martin-risposta-dati-passaggi": "eml",
    # batch 20 (2026-12-07, 18:03 UTC session)
    "buona-pratica-castellammare-del-golfo-approdo": "pdf",
    "scheda-progetto-cittadella-dentro-le-mura": "odt",
    "progress-report-san-dorligo-della-valle-rosandra-en": "docx",
    "monitoraggio-lungro-shtepia-2026": "xlsx",
    "determina-montalto-di-castro-casa-dei-braccianti-saldo": "pdf",
    "email-acquaviva-collecroce-nova-kuca-primo-anno": "eml",
    # batch 21 (2026-12-07, 21:13 UTC session)
    "buona-pratica-canelli-vendemmia-accogliente": "pdf",
    "scheda-progetto-popoli-terme-parole-di-valle": "odt",
    "final-report-medicina-health-bridge-en": "docx",
    "monitoraggio-osimo-porte-aperte-2026": "xlsx",
    "determina-castel-volturno-fuori-rotta-chiusura": "pdf",
    "email-mezzolombardo-apprendisti-in-rotaliana": "eml",
    # batch 22 (2026-12-07, 23:52 UTC session)
    "buona-pratica-cerignola-dal-campo-alla-casa": "pdf",
    "scheda-progetto-pinerolo-ponte-sul-chisone": "docx",
    "rassegna-stampa-sardegna-centrale-inclusione-2026-10": "odt",
    "email-thiene-abitare-in-rete-primo-anno": "eml",
    "midterm-report-corigliano-rossano-sibari-welcome-en": "docx",
    "monitoraggio-anagni-ciociaria-accogliente-2026": "xlsx",
    "delibera-giunta-piombino-approdo-in-citta-2026": "pdf",
    # batch 23 (2026-12-08, 02:41 UTC session)
    "buona-pratica-tolmezzo-case-in-quota": "pdf",
    "scheda-progetto-nizza-monferrato-vendemmie-di-casa": "odt",
    "verbale-tavolo-verres-un-tetto-in-bassa-valle-2026-11": "docx",
    "email-agnone-borgo-che-accoglie-relazione-intermedia": "eml",
    "annual-report-san-giovanni-in-persiceto-open-fields-2026-en": "pdf",
    "delibera-giunta-pisticci-marconia-accoglie-2027": "pdf",
    "monitoraggio-trimestrale-tolentino-ricostruire-insieme-2026": "xlsx",
}


def blocks(text: str) -> list[tuple[str, object]]:
    """Split a source text into (kind, content) blocks: h1, h2, bullet, para, table."""
    out: list[tuple[str, object]] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line:
            continue
        if line.startswith("## "):
            out.append(("h2", line[3:]))
        elif line.startswith("# "):
            out.append(("h1", line[2:]))
        elif line.startswith("- "):
            out.append(("bullet", line[2:]))
        elif " | " in line:
            row = [cell.strip() for cell in line.split(" | ")]
            if out and out[-1][0] == "table":
                out[-1][1].append(row)  # type: ignore[union-attr]
            else:
                out.append(("table", [row]))
        else:
            out.append(("para", line))
    return out


def build_pdf(source: Path, target: Path) -> None:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(source.stem)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    for kind, content in blocks(source.read_text(encoding="utf-8")):
        if kind == "h1":
            pdf.set_font("DejaVu", "B", 14)
            pdf.multi_cell(0, 8, str(content), align="L", new_x="LMARGIN", new_y="NEXT")
        elif kind == "h2":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.multi_cell(0, 7, str(content), align="L", new_x="LMARGIN", new_y="NEXT")
        elif kind == "bullet":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.5, "• " + str(content), align="L", new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            pdf.set_font("DejaVu", "", 10)
            for row in content:  # type: ignore[union-attr]
                pdf.multi_cell(0, 5.5, "   ".join(row), align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.5, str(content), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(target))


def build_docx(source: Path, target: Path) -> None:
    document = docx.Document()
    document.core_properties.created = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.modified = FIXED_DATE.replace(tzinfo=None)
    document.core_properties.title = source.stem
    for kind, content in blocks(source.read_text(encoding="utf-8")):
        if kind == "h1":
            document.add_heading(str(content), level=1)
        elif kind == "h2":
            document.add_heading(str(content), level=2)
        elif kind == "bullet":
            document.add_paragraph(str(content), style="List Bullet")
        elif kind == "table":
            rows = content  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(content))
    document.save(str(target))


def build_odt(source: Path, target: Path) -> None:
    # ODT (batch 5): headings, paragraphs and bullets; the meta dates are fixed like the DOCX ones.
    document = OpenDocumentText()
    document.meta.addElement(_meta_date())
    bold = Style(name="Heading", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    document.styles.addElement(bold)
    for kind, content in blocks(source.read_text(encoding="utf-8")):
        if kind in ("h1", "h2"):
            document.text.addElement(H(outlinelevel=1 if kind == "h1" else 2, stylename=bold, text=str(content)))
        elif kind == "bullet":
            items = List()
            item = ListItem()
            item.addElement(P(text=str(content)))
            items.addElement(item)
            document.text.addElement(items)
        elif kind == "table":
            for row in content:  # type: ignore[union-attr]
                document.text.addElement(P(text=" | ".join(row)))
        else:
            document.text.addElement(P(text=str(content)))
    document.save(str(target))


def _meta_date():  # noqa: ANN202 - an odfpy element
    from odf.dc import Date

    return Date(text=FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%S"))


def build_xlsx(source: Path, target: Path) -> None:
    # XLSX (batch 9): "## name" starts a sheet; "a | b" rows are cells (whole numbers and decimals as numbers,
    # the rest as text); any other line is a one-cell row (a title above the table).
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.created = FIXED_DATE.replace(tzinfo=None)
    workbook.properties.modified = FIXED_DATE.replace(tzinfo=None)
    sheet = None
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            sheet = workbook.create_sheet(line[3:].strip())
            continue
        if not line.strip() or sheet is None:
            continue
        cells = [c.strip() for c in line.split(" | ")] if " | " in line else [line.strip()]
        sheet.append([_cell(c) for c in cells])
    workbook.save(str(target))


def _cell(text: str) -> object:
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    return text or None


def build_eml(source: Path, target: Path) -> None:
    # EML (batch 9): the source's header lines, a blank line, then the plain-text body; "Attachment: name.pdf"
    # attaches the PDF built from sources/<stem>-allegato.txt. Fixed boundary and dates: a rebuild is the same.
    import tempfile
    from email.message import EmailMessage
    from email.policy import default

    head, _, body = source.read_text(encoding="utf-8").partition("\n\n")
    headers = dict(line.split(": ", 1) for line in head.splitlines())
    attachment = headers.pop("Attachment", None)
    message = EmailMessage()
    for name, value in headers.items():
        message[name] = value
    message.set_content(body)
    if attachment:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / attachment
            build_pdf(source.with_name(f"{source.stem}-allegato.txt"), pdf)
            message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=attachment)
        message.set_boundary("===============lgnet-unseen-batch9==")
    target.write_bytes(message.as_bytes(policy=default))


BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt, "xlsx": build_xlsx, "eml": build_eml}


def main(stems: list[str]) -> None:
    # DOCX files are zip archives whose entries carry the build time: rebuild only what changed
    # (`python tests/unseen/build.py <stem> ...`), or everything when no stem is given.
    for stem, fmt in TARGETS.items():
        if stems and stem not in stems:
            continue
        source = SOURCES / f"{stem}.txt"
        target = DOCUMENTS / f"{stem}.{fmt}"
        BUILDERS[fmt](source, target)
        print(f"{target.relative_to(HERE)} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
