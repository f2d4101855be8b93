"""OCR quality: character error rate of the scanned-PDF reader on scans made from known text.

A text PDF is written with fpdf2, each page rendered to a grey image by pdftoppm, and the images
put back into an image-only PDF: a clean scan whose text is known. `python -m ingest.ocr_eval` (run by
`make eval`) prints the CER on clean scans and on degraded ones (tilted 1.5 degrees, ~0.3 % dark specks,
JPEG quality 30); tests and benchmarks build their scans with `scanned_pdf`.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
import unicodedata
from pathlib import Path

from fpdf import FPDF

SAMPLE_PAGES = [
    "Scheda buona pratica. Il Comune di Bari ha aperto uno sportello unico per la presa in carico delle persone "
    "migranti vulnerabili. Nel 2024 lo sportello ha accolto 120 beneficiari, di cui 45 donne e 18 minori non "
    "accompagnati. L'équipe è composta da un'assistente sociale, due mediatori culturali e un legale.\n\n"
    "Attività: orientamento ai servizi, supporto psicologico, accompagnamento all'iscrizione anagrafica. "
    "Partner: Caritas diocesana, Cooperativa sociale Il Sicomoro, ASL Bari. Risultati: 64 percorsi di "
    "inserimento lavorativo avviati e 22 famiglie accolte in alloggi ponte per sei mesi.",
    "Good practice sheet. The Municipality of Taranto opened a mobile street unit that meets homeless "
    "migrants three evenings a week. Between March and December the unit reached 210 people and referred "
    "95 of them to health services.\n\n"
    "Trasferibilità: il modello è replicabile in città medie con una rete del terzo settore già attiva. "
    "Costo complessivo: 180.000 euro, cofinanziati dal FAMI per il 75 per cento. Periodo: 2023-2025.",
]


def text_pdf(pages: list[str]) -> bytes:
    """A PDF with a text layer (core Helvetica: Latin-1, accents included), one string per page."""
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text)
    return bytes(pdf.output())


def scanned_pdf(
    pages: list[str], dpi: int = 300, text_pages: frozenset[int] = frozenset(), degraded: bool = False
) -> bytes:
    """An image-only PDF of `pages` rendered at `dpi` (a clean scan); page numbers in `text_pages` (1-based)
    keep their text layer instead (a mixed PDF). `degraded`: tilted 1.5 degrees, speckled, saved as a
    low-quality JPEG, like a quick office scan."""
    with tempfile.TemporaryDirectory(prefix="lgnet-scan-") as tmp:
        folder = Path(tmp)
        out = FPDF(format="A4", unit="mm")
        for number, text in enumerate(pages, start=1):
            if number in text_pages:
                out.add_page()
                out.set_margins(20, 20)
                out.set_font("Helvetica", size=12)
                out.multi_cell(0, 7, text)
                continue
            source = folder / f"page{number}.pdf"
            source.write_bytes(text_pdf([text]))
            subprocess.run(
                ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(source), str(folder / f"p{number}")],
                check=True,
                capture_output=True,
                timeout=120,
            )
            image = folder / f"p{number}.png"
            if degraded:
                image = _degrade(image)
            out.add_page()
            out.image(str(image), x=0, y=0, w=210, h=297)
        return bytes(out.output())


def _degrade(png: Path) -> Path:
    from PIL import Image, ImageChops

    page = Image.open(png).convert("L").rotate(1.5, expand=False, fillcolor=255)
    noise = Image.effect_noise(page.size, 40).point(lambda v: 0 if v < 20 else 255)  # ~0.3 % dark specks
    page = ImageChops.darker(page, noise)
    target = png.with_suffix(".jpg")
    page.save(target, quality=30)
    return target


def normalise(text: str) -> str:
    """Compared as read: Unicode NFC, whitespace runs as one space (line breaks are layout, not text)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance (insertions, deletions, substitutions) over the reference's length."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / len(ref)


def measure(dpi: int = 300, pages: list[str] | None = None, degraded: bool = False) -> dict:
    """Scan the sample pages at `dpi`, read them back through the PDF reader, and measure."""
    from ingest.readers import ReadLimits
    from ingest.readers.pdf_reader import read_pdf

    pages = pages or SAMPLE_PAGES
    data = scanned_pdf(pages, dpi, degraded=degraded)
    started = time.perf_counter()
    raw = read_pdf(Path(f"scan-{dpi}dpi.pdf"), data, ReadLimits(progress=False))
    seconds = time.perf_counter() - started
    read_pages = [raw.text[p.start : p.end] for p in raw.pages]
    cer = character_error_rate("\n".join(pages), "\n".join(read_pages))
    confidence = [p.ocr_confidence for p in raw.pages if p.ocr_confidence is not None]
    return {
        "dpi": dpi,
        "degraded": degraded,
        "pages": len(pages),
        "cer": cer,
        "confidence": sum(confidence) / len(confidence) if confidence else None,
        "seconds_per_page": seconds / len(pages),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Character error rate of OCR on clean generated scans")
    parser.add_argument("--dpi", type=int, nargs="+", default=[300])
    args = parser.parse_args(argv)
    print("OCR quality (generated clean scans, Tesseract ita+eng)")
    for dpi in args.dpi:
        for degraded in (False, True):
            m = measure(dpi, degraded=degraded)
            kind = "tilted, speckled JPEG" if degraded else "clean"
            print(
                f"  {dpi} dpi, {kind}: CER {m['cer']:.2%} over {m['pages']} pages, mean confidence "
                f"{m['confidence']:.1f}, {m['seconds_per_page']:.1f} s/page"
            )


if __name__ == "__main__":
    main()
